import { withPrintDefaults } from '../../electron/backend/domains/admin/printing';
import type { TicketPaperData } from '../../electron/backend/documents/ticket-papers/ticket-paper';
import { DEFAULT_SERVICE_RULES } from '../../electron/backend/domains/admin/settings';
import { DEFAULT_RETURN_SLIP, NO_SCHEDULED_SERVICE, NO_SERVICE_CONTACT, ROUND_THE_CLOCK } from '../../shared/domain/service-promises';
import { CN_MAINLAND } from '../../shared/domain/calendar';
import { computeCharges } from '../../shared/domain/charges';
import { DEFAULT_WARRANTY_RULES, fittedPartCover } from '../../shared/domain/warranty-engine';
import type { TicketDetail, TicketPart } from '../../shared/schemas/ticket';

/*
 * A ticket's papers' data as the services hand it to the document builders: an out-of-warranty
 * repair of a registered air conditioner, and a busier one (long fields, many parts) to test
 * that the pages hold what a real desk types.
 */

export const SERIAL = 'KFR35GW-2026-0004417';
export const TICKET = 'GD-2026-000042';
export const at = (iso: string) => new Date(iso).getTime();

export interface PartLine {
  partNumber: string;
  name: string;
  quantity: number;
  priceFen: number;
  inWarranty?: boolean;
}

/** A ticket as the tickets service returns it: an out-of-warranty repair of a registered air conditioner. */
export function ticketWith(overrides: { inWarranty?: boolean; parts?: PartLine[]; registered?: boolean } = {}): TicketDetail {
  const inWarranty = overrides.inWarranty ?? false;
  const lines = overrides.parts ?? [
    { partNumber: 'PCB-35', name: '室外机主控板', quantity: 1, priceFen: 98_000 },
    { partNumber: 'RC-01', name: '遥控器', quantity: 1, priceFen: 6_000 },
  ];
  const labour = [{ id: 1, feeId: null, name: '检测维修', amountFen: 20_000, quantity: 1 }];
  const charges = computeCharges({
    inWarranty,
    lifetimeMaintenance: false,
    parts: lines.map((p) => ({ quantity: p.quantity, priceFen: p.priceFen, costFen: Math.round(p.priceFen * 0.6), inWarranty: p.inWarranty ?? false })),
    labour,
    travelFen: 6_000,
    discountFen: 2_000,
  });
  const parts: TicketPart[] = lines.map((p, i) => ({
    id: i + 1,
    partId: 100 + i,
    partNumber: p.partNumber,
    name: p.name,
    quantity: p.quantity,
    priceFen: p.priceFen,
    costFen: Math.round(p.priceFen * 0.6),
    inWarranty: p.inWarranty ?? false,
    componentKey: null,
    fittedOn: '2026-09-15',
    fittedSet: false,
    chargedUnitFen: charges.parts[i]!.unitFen,
    chargedLineFen: charges.parts[i]!.lineFen,
    cover: fittedPartCover({ name: p.name, fittedOn: '2026-09-15', paid: charges.parts[i]!.basis !== 'warranty' }, DEFAULT_WARRANTY_RULES, CN_MAINLAND),
  }));
  const registered = overrides.registered ?? true;
  return {
    id: 42,
    number: TICKET,
    status: 'resolved',
    source: 'phone',
    severity: 'ordinary',
    faultCategory: 'notCooling',
    faultReported: '开机后不制冷，外机不转，室内机显示 E1',
    customerId: 7,
    customerName: '张三丰',
    unitLabel: registered ? `格力 KFR-35GW · ${SERIAL}` : '美的 KFR-26GW',
    region: 'urban',
    reportedAt: at('2026-09-14T09:10:00+08:00'),
    appointment: { date: '2026-09-15', from: '09:00', to: '11:00' },
    nextDeadline: null,
    worst: null,
    inWarranty,
    unitId: registered ? 12 : null,
    unregisteredUnit: registered ? null : { brand: '美的', model: 'KFR-26GW', serial: null },
    unit: registered
      ? { brand: '格力', model: 'KFR-35GW/(35592)FNhAa-B1', serial: SERIAL, category: '空调', siteAddress: '浙江省杭州市西湖区文三路 90 号 2 幢 501 室', purchaseDate: '2025-03-02', acceptanceDate: '2025-03-05' }
      : null,
    contactName: '张太太',
    contactPhone: '13957112233',
    siteAddress: null,
    serviceLevel: { id: 1, name: '标准服务' },
    deadlines: [
      { milestone: 'answer', from: at('2026-09-14T09:10:00+08:00'), due: at('2026-09-14T09:40:00+08:00'), doneAt: at('2026-09-14T09:20:00+08:00'), state: 'met', leftMs: null },
      { milestone: 'arrival', from: at('2026-09-14T09:10:00+08:00'), due: at('2026-09-15T11:10:00+08:00'), doneAt: at('2026-09-15T10:12:00+08:00'), state: 'met', leftMs: null },
      { milestone: 'fix', from: at('2026-09-15T10:12:00+08:00'), due: at('2026-09-15T14:12:00+08:00'), doneAt: at('2026-09-15T11:02:00+08:00'), state: 'met', leftMs: null },
    ],
    answeredAt: at('2026-09-14T09:20:00+08:00'),
    arrivedAt: at('2026-09-15T10:12:00+08:00'),
    resolvedAt: at('2026-09-15T11:02:00+08:00'),
    solvedByPhone: false,
    closedAt: null,
    cancelledAt: null,
    cancelReason: null,
    warranty: {
      engineInWarranty: inWarranty,
      engineSummary: inWarranty ? 'active' : 'expired',
      reasons: [inWarranty ? { key: 'warranty.state.active', params: { end: '2027-03-05' } } : { key: 'warranty.state.expired', params: { end: '2026-03-05' } }],
      inWarranty,
      override: null,
    },
    sanbao: [],
    sanbaoPath: null,
    technicians: [
      { id: 2, name: '陈小明', phone: '13700002222', lead: false },
      { id: 1, name: '李建国', phone: '13900001111', lead: true },
    ],
    intakeAccessories: '遥控器 1 个、电源线 1 根',
    intakeCondition: '外壳右侧有划痕，面板发黄',
    expectedOn: '2026-09-18',
    bring: '电容表、冷媒压力表、R32 冷媒一瓶',
    diagnosis: '室外机主控板驱动模块击穿',
    cause: '雷雨天电压波动',
    action: '更换室外机主控板，检测冷媒压力正常，试机制冷正常',
    onSiteMinutes: 50,
    unfixedDowntime: false,
    parts,
    labour,
    lifetimeMaintenance: false,
    charges,
    discountReason: '老客户优惠',
    paidFen: charges.totalFen,
    paymentMethod: 'cash',
    loans: [{ id: 1, loanerId: 3, loanerName: '备用空调 BY-02', issuedAt: at('2026-09-15T11:00:00+08:00'), expectedReturn: '2026-09-20', returnedAt: null, receivedUnit: null, note: null }],
    callbacks: [],
    review: null,
    complaintIds: [],
    events: [],
    next: ['calledBack', 'closed'],
    createdBy: '王芳',
    createdAt: at('2026-09-14T09:10:00+08:00'),
    updatedAt: at('2026-09-15T11:02:00+08:00'),
  };
}

export function sample(number: string, ticket: TicketDetail = ticketWith()): TicketPaperData {
  return {
    number,
    issuedOn: '2026-09-15',
    printedAt: at('2026-09-15T08:30:00+08:00'),
    settings: {
      companyName: '杭州安信机电设备服务有限公司',
      hotline: '4008001234',
      complaintLine: '057188886666',
      address: '浙江省杭州市拱墅区湖墅南路 186 号 3 楼',
      logo: null,
      language: 'zh-CN',
      warrantyRules: DEFAULT_WARRANTY_RULES,
      service: DEFAULT_SERVICE_RULES,
      hotlineHours: ROUND_THE_CLOCK,
      serviceContact: NO_SERVICE_CONTACT,
      returnSlip: DEFAULT_RETURN_SLIP,
      scheduledService: NO_SCHEDULED_SERVICE,
      setupDone: true,
      printing: withPrintDefaults(undefined),
      renewal: { leadDays: 10, defaultPriceFen: null },
      installation: { noticeDays: 7, cardIssueDays: 30 },
    },
    customer: {
      id: 7,
      kind: 'person',
      name: '张三丰',
      region: 'urban',
      phone: '13812345678',
      address: '浙江省杭州市西湖区文三路 90 号 2 幢 501 室',
      phones: [{ phone: '13812345678', label: null }],
      addresses: [{ address: '浙江省杭州市西湖区文三路 90 号 2 幢 501 室', isDefault: true }],
      contacts: [],
      tags: [],
      note: null,
      archived: false,
      archivedAt: null,
      mergedIntoId: null,
      unitCount: 1,
      createdAt: 0,
      updatedAt: 0,
    },
    ticket,
  };
}

/** Six parts, the most a typical repair uses: the receipts must still fit one sheet. */
export const SIX_PARTS: PartLine[] = [
  { partNumber: 'PCB-35', name: '室外机主控板', quantity: 1, priceFen: 98_000 },
  { partNumber: 'RC-01', name: '遥控器', quantity: 1, priceFen: 6_000 },
  { partNumber: 'CAP-35', name: '压缩机启动电容', quantity: 1, priceFen: 4_500 },
  { partNumber: 'FAN-M2', name: '室外风机电机', quantity: 1, priceFen: 32_000 },
  { partNumber: 'SEN-T3', name: '管温传感器', quantity: 2, priceFen: 2_500 },
  { partNumber: 'R32-1', name: 'R32 冷媒（公斤）', quantity: 2, priceFen: 12_000 },
];

/** Three times a field's usual length: what a thorough clerk types on a bad day. */
const thrice = (s: string) => `${s}；${s}；${s}`;

/**
 * A busy repair: every free-text field three times its usual length, eight parts with long
 * names, a long discount reason, a long company and customer name.
 */
export function busySample(number: string, partCount = 8): TicketPaperData {
  const parts: PartLine[] = Array.from({ length: partCount }, (_, i) => {
    const base = SIX_PARTS[i % SIX_PARTS.length]!;
    return { ...base, partNumber: `${base.partNumber}-${i + 1}`, name: `${base.name}（${['原厂', '加长型', '带支架'][i % 3]}）` };
  });
  const base = ticketWith({ parts });
  const ticket: TicketDetail = {
    ...base,
    faultReported: thrice(base.faultReported),
    diagnosis: thrice(base.diagnosis!),
    cause: thrice(base.cause!),
    action: thrice(base.action!),
    intakeAccessories: thrice(base.intakeAccessories!),
    intakeCondition: thrice(base.intakeCondition!),
    bring: thrice(base.bring!),
    discountReason: '学校维保合同客户年度优惠，经店长批准',
    contactName: '杭州市西湖区文三路小学后勤处 张太太',
    unit: base.unit && { ...base.unit, brand: '格力电器（珠海）', model: 'KFR-72LW/(72532)FNhAa-B1 柜式变频', siteAddress: thrice('浙江省杭州市西湖区文三路 90 号 2 幢 501 室') },
  };
  const data = sample(number, ticket);
  data.settings.companyName = '杭州安信机电设备安装维修服务有限公司西湖区文三路服务网点';
  data.settings.address = '浙江省杭州市拱墅区湖墅南路 186 号 3 楼 301-305 室（近地铁 1 号线武林广场站 C 口）';
  data.customer.name = '杭州市西湖区文三路小学后勤服务中心（总务处）';
  data.customer.address = thrice('浙江省杭州市西湖区文三路 90 号');
  return data;
}
