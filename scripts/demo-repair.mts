// `npx tsx scripts/demo-repair.mts [folder]` (default: desk-demo-repair in the temp folder):
// sample repair tickets and their paper (dispatch orders, intake and completion receipts) on
// every paper and in both languages, with no Electron.
// Runs the same backend the app runs, through the same contract, on a fresh folder; the PDFs are
// copied to <folder>/pdf/ with names that say what each one is.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES } from '../shared/i18n/languages';
import { CARD_PAPERS, PAPERS } from '../shared/schemas/document';
import { DEMO_COMPANY, openDemoDesk } from './demo-desk';
import { demoFolder } from './demo-folder';

const folder = demoFolder('repair');

// A fixed desk clock (Monday 14 Sep 2026, 09:10), moved forward as the work goes on, so the
// same paper comes out every run.
const later = (minutes: number) => {
  desk.setClock(new Date(desk.now().getTime() + minutes * 60_000));
};
const desk = await openDemoDesk(folder, new Date(2026, 8, 14, 9, 10));
const { backend, call } = desk;


await call('settings:update', {
  ...DEMO_COMPANY,
  operator: '王芳',
});

const aircon = await call('models:create', {
  brand: '格力',
  model: 'KFR-35GW/(35592)FNhAa-B1',
  category: '空调',
  policyId: (
    await call('policies:create', {
      name: '家用空调标准保修',
      basis: 'acceptance',
      components: [
        { key: 'whole', name: '整机', months: 12 },
        { key: 'accessories', name: '配件（遥控器、线缆）', months: 6 },
        { key: 'compressor', name: '压缩机', months: 36 },
      ],
    })
  ).id,
});
const projector = await call('models:create', {
  brand: '爱普生',
  model: 'CB-X51',
  category: '投影机',
  policyId: (
    await call('policies:create', {
      name: '投影机保修',
      basis: 'purchase',
      components: [
        { key: 'whole', name: '整机', months: 12 },
        { key: 'lamp', name: '灯泡', months: 6 },
      ],
    })
  ).id,
});

const zhang = await call('customers:create', {
  name: '张三丰',
  region: 'urban',
  phones: [{ phone: '138 1234 5678', label: '手机' }],
  addresses: [{ address: '浙江省杭州市西湖区文三路 90 号 2 幢 501 室', isDefault: true }],
});
const school = await call('customers:create', {
  name: '杭州市余杭区良渚第二小学',
  kind: 'organisation',
  region: 'suburban',
  phones: [{ phone: '0571-86001234', label: '总务处' }],
  addresses: [{ address: '浙江省杭州市余杭区良渚街道玉琮路 8 号', isDefault: true }],
});
const zhangUnit = await call('units:create', {
  customerId: zhang.id,
  modelId: aircon.id,
  serial: 'KFR35GW-2026-0004417',
  purchaseDate: '2026-05-02',
  installDate: '2026-05-05',
  acceptanceDate: '2026-05-06',
  invoiceNumber: 'No 33012345',
  siteAddress: '浙江省杭州市西湖区文三路 90 号 2 幢 501 室（主卧）',
});
const projectorUnit = await call('units:create', {
  customerId: school.id,
  modelId: projector.id,
  serial: 'X51-PRJ-0099812',
  purchaseDate: '2024-03-11',
  invoiceNumber: 'No 33998877',
  siteAddress: '教学楼三楼多媒体教室',
});

const li = await call('technicians:create', { name: '李建国', phone: '139 0000 1111', skills: ['空调', '制冷'] });
const chen = await call('technicians:create', { name: '陈小明', phone: '137 0000 2222', skills: ['投影机'] });
const part = (partNumber: string, name: string, costFen: number, priceFen: number, componentKey: string | null = null) =>
  call('parts:create', { partNumber, name, costFen, priceFen, quantity: 10, reorderLevel: 2, componentKey });
const capacitor = await part('CAP-35UF', '压缩机启动电容 35μF', 1_800, 4_500, 'compressor');
const lamp = await part('ELPLP88', '投影机灯泡 ELPLP88', 42_000, 68_000, 'lamp');
const filter = await part('ELPAF32', '空气过滤网', 3_500, 8_000);
const fan = await part('FAN-X51', '散热风扇', 6_000, 12_800);
const loaner = await call('loaners:create', { name: '备用投影机 BY-03', model: '爱普生 CB-X41', serial: 'X41-BY-03' });

const tomorrow = () => {
  const d = new Date(desk.now().getTime() + 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

// 1. In warranty, on site: the air conditioner stopped cooling.
let ac = await call('tickets:create', {
  customerId: zhang.id,
  unitId: zhangUnit.id,
  faultReported: '开机后不制冷，外机不转，室内机显示 E1',
  faultCategory: 'notCooling',
  contactName: '张太太',
  contactPhone: '139 5711 2233',
});
later(12);
ac = await call('tickets:transition', { id: ac.id, to: 'answered' });
// tickets:update replaces every field it carries: send the ones already set along with the new one.
ac = await call('tickets:update', {
  id: ac.id,
  contactName: ac.contactName,
  contactPhone: ac.contactPhone,
  siteAddress: ac.siteAddress,
  bring: '电容表、冷媒压力表、R32 冷媒一瓶、鞋套',
});
ac = await call('tickets:appoint', { id: ac.id, date: tomorrow(), from: '09:00', to: '11:00' });
ac = await call('tickets:assign', { id: ac.id, technicianIds: [li.id, chen.id], leadId: li.id });
ac = await call('tickets:addPart', { id: ac.id, partId: capacitor.id, quantity: 1 });
ac = await call('tickets:transition', { id: ac.id, to: 'dispatched' });
const dispatchedAc = ac.id;

// 2. Out of warranty, taken to the workshop with a loaner: the school's projector.
let pj = await call('tickets:create', {
  source: 'walkIn',
  customerId: school.id,
  unitId: projectorUnit.id,
  faultReported: '投影画面发暗、偏黄，开机约 20 分钟后自动关机，指示灯橙色闪烁',
  faultCategory: 'display',
  contactName: '周老师',
  contactPhone: '136 5555 8888',
  intakeAccessories: '遥控器 1 个（无电池）、电源线 1 根、VGA 线 1 根',
  intakeCondition: '外壳左侧有划痕，镜头盖缺失，进风口积灰较多',
  expectedOn: '2026-09-18',
});
later(20);
pj = await call('tickets:transition', { id: pj.id, to: 'answered' });
pj = await call('tickets:assign', { id: pj.id, technicianIds: [chen.id] });
pj = await call('tickets:transition', { id: pj.id, to: 'dispatched' });
later(30);
pj = await call('tickets:transition', { id: pj.id, to: 'onSite' });
pj = await call('tickets:transition', { id: pj.id, to: 'atWorkshop' });
await call('loans:issue', { ticketId: pj.id, loanerId: loaner.id, expectedReturn: '2026-09-21', receivedUnit: '投影机及遥控器、电源线、VGA 线' });

// Intake copies before any work is recorded: what the desk hands over with the unit.
const made: { name: string; fileName: string }[] = [];
const keep = (name: string, doc: { fileName: string }) => made.push({ name, fileName: doc.fileName });
for (const language of LANGUAGES) {
  for (const paper of CARD_PAPERS) keep(`dispatch-${paper}-${language}`, await call('documents:dispatchOrder', { ticketId: dispatchedAc, paper, language }));
  for (const paper of PAPERS) keep(`intake-${paper}-${language}`, await call('documents:repairReceipt', { ticketId: pj.id, copy: 'intake', paper, language }));
}

later(60 * 24);
pj = await call('tickets:recordWork', {
  id: pj.id,
  diagnosis: '灯泡老化（累计 4100 小时），散热风扇轴承磨损，转速不足导致过热保护关机',
  cause: '灯泡到期；教室粉尘大，过滤网堵塞，风扇长期高负荷',
  action: '更换灯泡、散热风扇和过滤网，清洁光路和风道，重置灯泡计时，连续开机 2 小时测试正常',
  onSiteMinutes: 95,
});
pj = await call('tickets:addPart', { id: pj.id, partId: lamp.id, quantity: 1 });
pj = await call('tickets:addPart', { id: pj.id, partId: fan.id, quantity: 1 });
pj = await call('tickets:addPart', { id: pj.id, partId: filter.id, quantity: 2 });
pj = await call('tickets:setCharges', {
  id: pj.id,
  labour: [
    { name: '检测费', amountFen: 5_000, quantity: 1 },
    { name: '维修工时', amountFen: 8_000, quantity: 2 },
  ],
  travelFen: 6_000,
  discountFen: 2_000,
  discountReason: '老客户优惠',
  paidFen: 97_000,
  paymentMethod: 'wechat',
  lifetimeMaintenance: false,
});
pj = await call('tickets:transition', { id: pj.id, to: 'resolved' });

// The air conditioner: fixed on site under warranty.
later(60 * 24);
ac = await call('tickets:transition', { id: ac.id, to: 'onSite' });
ac = await call('tickets:recordWork', { id: ac.id, diagnosis: '压缩机启动电容容量衰减至 18μF', cause: '电容老化', action: '更换启动电容，检测冷媒压力正常，试机制冷正常', onSiteMinutes: 50 });
later(50);
ac = await call('tickets:transition', { id: ac.id, to: 'resolved' });

for (const language of LANGUAGES) {
  for (const paper of PAPERS) {
    keep(`completion-${paper}-${language}`, await call('documents:repairReceipt', { ticketId: pj.id, copy: 'completion', paper, language }));
    keep(`completion-warranty-${paper}-${language}`, await call('documents:repairReceipt', { ticketId: ac.id, copy: 'completion', paper, language }));
  }
}

for (const { name, fileName } of made) copyFileSync(join(folder, 'documents', fileName), join(folder, 'pdf', `${name}.pdf`));
await backend.close();
console.log(`${made.length} PDFs in ${join(folder, 'pdf')}`);
