// `npx tsx scripts/demo-maintenance.mts [folder]` (default: desk-demo-maintenance in the temp
// folder): a maintenance contract for a school's air conditioners and projectors, with the ready
// checklists, a recorded inspection with a reading out of range and the repair it opened, and
// the inspection form blank and filled, the quarter's fault statistics sheet, the inspection
// plan of the contract's year, and the renewal notice and service-end note ten days before the
// contract ends, on every paper in both languages, with no Electron.
// The PDFs are copied to <folder>/pdf/ with names that say what each one is.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKLIST_PRESETS } from '../shared/domain/checklist-presets';
import { presetPlan } from '../shared/domain/visit-plan';
import { LANGUAGES } from '../shared/i18n/languages';
import { CARD_PAPERS } from '../shared/schemas/document';
import { DEMO_COMPANY, openDemoDesk } from './demo-desk';
import { demoFolder } from './demo-folder';

const folder = demoFolder('maintenance');

// A fixed desk clock (1 December 2026), moved to the day of the visit, so the same paper comes out every run.
const desk = await openDemoDesk(folder, new Date(2026, 11, 1, 9, 0));
const { backend, logger, call } = desk;

await call('session:begin', { operator: '王芳' });
await call('settings:update', DEMO_COMPANY);
const policy = await call('policies:create', { name: '商用设备保修', basis: 'acceptance', components: [{ key: 'whole', name: '整机', nameEn: 'Whole unit', months: 24 }] });
const aircon = await call('models:create', { brand: '格力', model: 'KFR-72LW/(72532)FNhAa-B1', category: CHECKLIST_PRESETS.splitAircon.category, policyId: policy.id });
const projector = await call('models:create', { brand: '爱普生', model: 'CB-X51', category: CHECKLIST_PRESETS.projector.category, policyId: policy.id });
for (const preset of [CHECKLIST_PRESETS.splitAircon, CHECKLIST_PRESETS.projector, CHECKLIST_PRESETS.elevator, CHECKLIST_PRESETS.network]) {
  await call('checklists:create', { name: preset.name, category: preset.category, items: preset.items });
}
const school = await call('customers:create', {
  name: '杭州市余杭区良渚第二小学',
  kind: 'organisation',
  region: 'suburban',
  phones: [{ phone: '0571-87654321', label: '总务处' }],
  addresses: [{ address: '浙江省杭州市余杭区良渚街道古墩路 1888 号', isDefault: true }],
  contacts: [{ name: '张老师', phone: '13900001111', role: '后勤主任' }],
});
const units = [];
for (const [i, room] of ['一楼多媒体教室', '二楼多媒体教室', '三楼会议室'].entries()) {
  units.push(await call('units:create', { customerId: school.id, modelId: aircon.id, serial: `GL72LW2026${String(i + 1).padStart(4, '0')}`, purchaseDate: '2026-03-01', acceptanceDate: '2026-03-10', locationNote: room }));
}
for (const [i, room] of ['302 教室', '305 教室'].entries()) {
  units.push(await call('units:create', { customerId: school.id, modelId: projector.id, serial: `X5HK26${String(i + 1).padStart(5, '0')}`, purchaseDate: '2026-03-01', acceptanceDate: '2026-03-10', locationNote: room }));
}
const contract = await call('contracts:create', {
  customerId: school.id,
  unitIds: units.map((u) => u.id),
  kind: 'paid',
  startsOn: '2026-12-01',
  endsOn: '2027-11-30',
  priceFen: 480_000,
  paymentTerms: '签约后 15 日内付清',
  plan: presetPlan('standard', '2026-12-01', '2027-11-30'),
});
const visit = contract.visits.find((v) => v.kind === 'inspection')!;
const written: string[] = [];
const keep = async (doc: { number: string; fileName: string }, name: string) => {
  copyFileSync(join(folder, 'documents', doc.fileName), join(folder, 'pdf', `${name}.pdf`));
  written.push(`${doc.number}  ${name}`);
};
for (const paper of CARD_PAPERS) for (const language of LANGUAGES) await keep(await call('documents:inspectionForm', { visitId: visit.id, paper, language }), `inspection-blank-${paper}-${language}`);

// The visit on its day: one air conditioner short of refrigerant, a projector lamp near its end.
desk.setClock(new Date(2026, 11, 15, 16, 0));
const at = (h: number, m: number) => new Date(2026, 11, 15, h, m).getTime();
await call('visits:record', {
  id: visit.id,
  arrivedAt: at(9, 0),
  leftAt: at(11, 40),
  units: units.map((u, i) =>
    i < 3
      ? { unitId: u.id, items: [{ key: 'filter', answer: i === 0 ? 'adjusted' : 'ok', remark: i === 0 ? '滤网积尘较多，已清洗' : null }, { key: 'drain', answer: 'ok' }, { key: 'pressure', reading: i === 0 ? 0.55 : 0.95, remark: i === 0 ? '疑似缺冷媒' : null }, { key: 'outlet', reading: i === 0 ? 19 : 13 }, { key: 'current', reading: 6.1 }, { key: 'noise', answer: 'ok' }, { key: 'outdoor', answer: 'ok' }] }
      : { unitId: u.id, items: [{ key: 'lamp', reading: i === 3 ? 4320 : 1280, remark: i === 3 ? '建议下季度更换灯泡' : null }, { key: 'filter', answer: 'adjusted' }, { key: 'fan', answer: 'ok' }, { key: 'image', answer: 'ok' }, { key: 'inputs', answer: 'ok' }, { key: 'remote', answer: 'ok' }] },
  ),
  fixedOnSpot: '清洗三台空调过滤网和两台投影机防尘网',
  advice: '一楼多媒体教室空调建议补充冷媒并检漏；302 教室投影机灯泡接近寿命，建议备灯',
  feedback: '巡检及时、讲解清楚，满意',
  signedBy: '后勤主任 张老师',
  finish: true,
});
const ticket = await call('visits:openTicket', { id: visit.id, unitId: units[0]!.id, key: 'pressure' });
for (const paper of CARD_PAPERS) for (const language of LANGUAGES) await keep(await call('documents:inspectionForm', { visitId: visit.id, filled: true, paper, language }), `inspection-filled-${paper}-${language}`);

// The quarter's statistics sheet and the plan of the contract's year (issue 19): a projector
// reported earlier in the quarter, reached late and fixed in time, beside the visit's repair.
const tech = await call('technicians:create', { name: '李建国', phone: '13900002222', skills: ['空调', '投影机'] });
const call3 = await call('tickets:create', { source: 'phone', customerId: school.id, unitId: units[3]!.id, unregisteredUnit: null, faultReported: '投影画面偏色、闪烁', faultCategory: 'display', severity: 'ordinary', reportedAt: new Date(2026, 11, 3, 9, 0).getTime() });
await call('tickets:assign', { id: call3.id, technicianIds: [tech.id] });
for (const [to, h, m] of [['answered', 9, 10], ['dispatched', 9, 30], ['onSite', 14, 20]] as const) await call('tickets:transition', { id: call3.id, to, at: new Date(2026, 11, 3, h, m).getTime() });
await call('tickets:recordWork', { id: call3.id, action: '更换色轮驱动板，校正色彩' });
await call('tickets:transition', { id: call3.id, to: 'resolved', at: new Date(2026, 11, 3, 16, 5).getTime() });
for (const paper of CARD_PAPERS) for (const language of LANGUAGES) await keep(await call('documents:faultStats', { customerId: school.id, year: 2026, quarter: 4, paper, language }), `fault-stats-${paper}-${language}`);
for (const paper of CARD_PAPERS) for (const language of LANGUAGES) await keep(await call('documents:inspectionPlan', { contractId: contract.id, year: 2027, paper, language }), `inspection-plan-${paper}-${language}`);
// Ten days before the contract ends: the renewal notice (续保通知书), and the note for a customer who does not renew.
desk.setClock(new Date(2027, 10, 20, 9, 0));
await call('settings:update', { serviceContact: { department: '售后服务部', person: '王芳', phone: '13800001111' } });
for (const paper of CARD_PAPERS) for (const language of LANGUAGES) await keep(await call('documents:renewalNotice', { contractId: contract.id, paper, language }), `renewal-notice-${paper}-${language}`);
for (const paper of CARD_PAPERS) for (const language of LANGUAGES) await keep(await call('documents:serviceEndNote', { contractId: contract.id, paper, language }), `service-end-note-${paper}-${language}`);
await backend.close();

console.log(`Contract ${contract.number}: ${contract.visits.length} visits; visit ${visit.number} opened repair ${ticket.number}`);
console.log(`${written.length} PDFs in ${join(folder, 'pdf')}`);
for (const line of written) console.log(`  ${line}`);
const problems = logger.lines.filter((l) => l.level !== 'info');
if (problems.length) console.log('Warnings:', problems);
