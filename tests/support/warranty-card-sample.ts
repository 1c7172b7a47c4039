import { withPrintDefaults } from '../../electron/backend/domains/admin/printing';
import { DEFAULT_SERVICE_RULES } from '../../electron/backend/domains/admin/settings';
import type { WarrantyCardData } from '../../electron/backend/documents/warranty-card/warranty-card';
import { CN_MAINLAND } from '../../shared/domain/calendar';
import { ROUND_THE_CLOCK } from '../../shared/domain/service-promises';
import { STANDARD_TERMS } from '../../shared/domain/sla';
import { DEFAULT_WARRANTY_RULES, evaluateWarranty, type Exclusion, type PolicyComponent, type RepairRecord, type StartBasis } from '../../shared/domain/warranty-engine';
import type { Unit } from '../../shared/schemas/unit';

/*
 * A warranty card's data as the services hand it to the document: a split air conditioner of
 * the seeds, the company's promises as the seeds state them, and longer variants to test that
 * the pages hold what a real desk types.
 */

export const SERIAL = 'KFR-35GW/A1-2026000123';
export const NUMBER = 'BXK-2026-000123';

/** The split air conditioner policy of the seeds: whole unit 1 year, accessories 6 months, compressor 3 years. */
export const AIRCON: PolicyComponent[] = [
  { key: 'whole', name: '整机', months: 12 },
  { key: 'accessories', name: '配件（遥控器、线缆）', months: 6 },
  { key: 'compressor', name: '压缩机', months: 36 },
];

/** Eight components with Chinese and English names three times the usual length. */
export const EIGHT_COMPONENTS: PolicyComponent[] = Array.from({ length: 8 }, (_, i) => ({
  key: `c${i}`,
  name: `部件${i + 1}`.padEnd(12, '某'),
  nameEn: `Component ${i + 1} `.padEnd(30, 'x'),
  months: 12 + 6 * i,
}));

export interface UnitFacts {
  purchaseDate?: string | null;
  installDate?: string | null;
  acceptanceDate?: string | null;
  productionDate?: string | null;
  invoiceNumber?: string | null;
  basis?: StartBasis;
  components?: PolicyComponent[];
  exclusions?: Exclusion[];
  repairs?: RepairRecord[];
  on?: string;
}

/** How long the text fields are: as usual, long (three times the usual length), or every one at its maximum length. */
export type Size = 'usual' | 'long' | 'max';
export const fill = (size: Size, usual: string, start: string, long: number, max: number) =>
  size === 'usual' ? usual : start.padEnd(size === 'long' ? Math.max(long, usual.length * 3) : max, '某');

/** A unit as the units service returns it, with the engine's real evaluation. */
export function unitWith(facts: UnitFacts = {}, size: Size = 'usual'): Unit {
  const dates = {
    purchaseDate: facts.purchaseDate === undefined ? '2026-03-02' : facts.purchaseDate,
    installDate: facts.installDate === undefined ? '2026-03-04' : facts.installDate,
    acceptanceDate: facts.acceptanceDate === undefined ? '2026-03-05' : facts.acceptanceDate,
    productionDate: facts.productionDate ?? null,
  };
  const invoiceNumber = facts.invoiceNumber === undefined ? 'No 33012345' : facts.invoiceNumber;
  const basis = facts.basis ?? 'acceptance';
  const components = facts.components ?? AIRCON;
  const warranty = evaluateWarranty(
    {
      unit: { ...dates, hasInvoice: !!invoiceNumber },
      policy: { basis, components },
      repairs: facts.repairs ?? [],
      exclusions: facts.exclusions ?? [],
      rules: DEFAULT_WARRANTY_RULES,
      calendar: CN_MAINLAND,
    },
    facts.on ?? '2026-03-06',
  );
  return {
    id: 12,
    customerId: 7,
    customerName: '',
    modelId: 3,
    brand: fill(size, '格力', '格力电器', 20, 50),
    model: fill(size, 'KFR-35GW/A1', 'KFR-35GW/(35592)FNhAa-B1 变频冷暖挂机', 40, 80),
    category: fill(size, '空调', '家用空调', 12, 40),
    serial: size === 'usual' ? SERIAL : `${SERIAL}-${'X'.repeat(size === 'long' ? 17 : 57)}`,
    ...dates,
    invoiceNumber: size === 'max' ? 'N'.repeat(40) : invoiceNumber,
    siteAddress: fill(size, '杭州市余杭区五常街道荆长路 99 号 3 幢 2 单元 501 室', '浙江省杭州市余杭区', 80, 200),
    locationNote: null,
    salePriceFen: null,
    soldBy: null,
    replacedById: null,
    replacesId: null,
    status: 'inService',
    policy: { id: 5, policyId: 2, name: '家用空调标准保修', version: 1, basis, components, createdAt: 0 },
    warranty,
    createdAt: 0,
    updatedAt: 0,
  };
}

export function cardSample(overrides: { customerName?: string; size?: Size; unit?: UnitFacts; logo?: string } = {}): WarrantyCardData {
  const size = overrides.size ?? 'usual';
  const name = overrides.customerName ?? fill(size, '张喆', '杭州市余杭区', 30, 100);
  const address = fill(size, '浙江省杭州市余杭区五常街道荆长路 99 号 3 幢 2 单元 501 室', '浙江省杭州市余杭区', 80, 200);
  return {
    number: NUMBER,
    issuedOn: '2026-03-06',
    settings: {
      companyName: fill(size, '杭州惠民制冷设备有限公司', '杭州市西湖区', 40, 100),
      hotline: '4008123456',
      complaintLine: '057188886666',
      address: fill(size, '浙江省杭州市西湖区文三路 478 号', '浙江省杭州市西湖区文三路', 80, 200),
      logo: overrides.logo ?? null,
      language: 'zh-CN',
      warrantyRules: DEFAULT_WARRANTY_RULES,
      service: DEFAULT_SERVICE_RULES,
      hotlineHours: ROUND_THE_CLOCK,
      serviceContact: { department: fill(size, '客户服务部', '售后客户服务部', 15, 40), person: fill(size, '王敏', '王', 6, 40), phone: '057188881234' },
      returnSlip: { months: 1, address: size === 'usual' ? null : fill(size, '', '浙江省杭州市西湖区文三路', 80, 200) },
      // The seeds' 月回访, 季维护, 年保养.
      scheduledService: { callback: { every: 1, unit: 'months' }, inspection: { every: 3, unit: 'months' }, maintenance: { every: 12, unit: 'months' } },
      setupDone: true,
      printing: withPrintDefaults(undefined),
      renewal: { leadDays: 10, defaultPriceFen: null },
      installation: { noticeDays: 7, cardIssueDays: 30 },
    },
    customer: {
      id: 7,
      kind: 'person',
      name,
      region: 'urban',
      phone: '13812345678',
      address,
      phones: [{ phone: '13812345678', label: null }],
      addresses: [{ address, isDefault: true }],
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
    unit: { ...unitWith(overrides.unit, size), customerName: name },
    serviceLevel: STANDARD_TERMS,
  };
}
