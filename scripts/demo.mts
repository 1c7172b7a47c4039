// `npm run demo [folder]`: a sample database and sample warranty cards, then every other paper
// (repair/, maintenance/, calls/, installation/ and reports/ beside them, from their own scripts), with no Electron.
// Runs the same backend the app runs, through the same contract, on a fresh folder.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEMO_COMPANY, openDemoDesk } from './demo-desk';

const MARKER = '.desk-demo';
const folder = resolve(process.argv[2] ?? 'demo-output');

if (existsSync(folder) && readdirSync(folder).length > 0) {
  // Only a folder this script made is cleared: never someone's real data.
  if (!existsSync(join(folder, MARKER))) {
    console.error(`${folder} is not empty and was not made by the demo; choose another folder.`);
    process.exit(2);
  }
  rmSync(folder, { recursive: true, force: true });
}
mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, MARKER), 'made by npm run demo\n');

const desk = await openDemoDesk(folder);
const { backend, logger, call } = desk;

await call('settings:update', {
  ...DEMO_COMPANY,
  // What the seeds' cards promise: a 7×24 hotline, the department and person who answer for
  // the warranty, the return slip back within a month, 月回访 / 季维护 / 年保养.
  hotlineHours: { days: 'everyDay', from: '00:00', to: '24:00' },
  serviceContact: { department: '客户服务部', person: '王敏', phone: '0571-88881234' },
  returnSlip: { months: 1, address: null },
  scheduledService: { callback: { every: 1, unit: 'months' }, inspection: { every: 3, unit: 'months' }, maintenance: { every: 12, unit: 'months' } },
});

const airconPolicy = await call('policies:create', {
  name: '家用空调标准保修',
  basis: 'acceptance',
  components: [
    { key: 'whole', name: '整机', nameEn: 'Whole unit', months: 12 },
    { key: 'accessories', name: '配件（遥控器、线缆）', nameEn: 'Accessories (remote, cables)', months: 6 },
    { key: 'compressor', name: '压缩机', nameEn: 'Compressor', months: 36 },
  ],
});
const projectorPolicy = await call('policies:create', {
  name: '投影机保修',
  basis: 'purchase',
  components: [
    { key: 'whole', name: '整机', nameEn: 'Whole unit', months: 24 },
    { key: 'lamp', name: '灯泡', nameEn: 'Lamp', months: 6 },
    { key: 'main', name: '主板、光机', nameEn: 'Main board, optics', months: 36 },
  ],
});
const securityPolicy = await call('policies:create', {
  name: '安防工程保修',
  basis: 'acceptance',
  components: [
    { key: 'whole', name: '整套系统', nameEn: 'Whole system', months: 24 },
    { key: 'disk', name: '硬盘', nameEn: 'Hard disks', months: 36 },
    { key: 'cabling', name: '线缆、开关', nameEn: 'Cabling, switches', months: 6 },
  ],
});
const aircon = await call('models:create', { brand: '格力', model: 'KFR-35GW/(35592)FNhAa-B1', category: '空调', policyId: airconPolicy.id });
const projector = await call('models:create', { brand: '爱普生', model: 'CB-X51', category: '投影机', policyId: projectorPolicy.id });
const nvr = await call('models:create', { brand: '海康威视', model: 'DS-7808N-R2', category: '安防监控', policyId: securityPolicy.id });

const zhang = await call('customers:create', {
  name: '张三丰',
  phones: [{ phone: '138 1234 5678', label: '手机' }],
  addresses: [{ address: '浙江省杭州市西湖区文三路 90 号 2 幢 501 室', isDefault: true }],
});
const school = await call('customers:create', {
  kind: 'organisation',
  name: '杭州市西湖中学',
  region: 'suburban',
  phones: [{ phone: '0571-87654321', label: '总务处' }],
  addresses: [{ address: '浙江省杭州市西湖区曙光路 12 号', isDefault: true }],
  contacts: [{ name: '单田芳', role: '总务主任', phone: '13900001111' }],
  tags: ['学校', '维保合同'],
});
const qiming = await call('customers:create', {
  kind: 'organisation',
  name: '宁波启明科技有限公司',
  region: 'other',
  phones: [{ phone: '0574-27889900' }],
  addresses: [{ address: '浙江省宁波市鄞州区天童南路 588 号 A 座 12 楼', isDefault: true }],
});

const units = [
  await call('units:create', { customerId: zhang.id, modelId: aircon.id, serial: 'GL2026A0001', purchaseDate: '2026-03-01', installDate: '2026-03-04', acceptanceDate: '2026-03-05', invoiceNumber: '33012600001234', siteAddress: '文三路 90 号 2 幢 501 室 客厅' }),
  await call('units:create', { customerId: school.id, modelId: projector.id, serial: 'X5HK2600123', purchaseDate: '2025-08-31', invoiceNumber: '33012500005678', locationNote: '302 教室' }),
  await call('units:create', { customerId: qiming.id, modelId: nvr.id, serial: 'DS7808N20250611AACH', purchaseDate: '2025-06-11', installDate: '2025-06-18', acceptanceDate: '2025-06-20', invoiceNumber: '33022500000042' }),
];

const written: string[] = [];
for (const paper of ['A4', 'A5'] as const) {
  for (const language of ['zh-CN', 'en'] as const) {
    const doc = await call('documents:warrantyCard', { unitId: units[0]!.id, paper, language });
    written.push(`${doc.number}  ${paper} ${language}  ${join(folder, 'documents', doc.fileName)}`);
  }
}
for (const unit of units.slice(1)) {
  const doc = await call('documents:warrantyCard', { unitId: unit.id, paper: 'A4', language: 'zh-CN' });
  written.push(`${doc.number}  A4 zh-CN  ${join(folder, 'documents', doc.fileName)}`);
}
await backend.close();

console.log(`Sample database: ${join(folder, 'desk.sqlite')}`);
console.log('Warranty cards:');
for (const line of written) console.log(`  ${line}`);
const problems = logger.lines.filter((l) => l.level !== 'info');
if (problems.length) console.log('Warnings:', problems);

// The other papers, each script on its own fixed clock and database: node with tsx's loader,
// which works the same on Windows, where a bare `tsx` would need a shell.
for (const [script, sub] of [
  ['demo-repair.mts', 'repair'],
  ['demo-maintenance.mts', 'maintenance'],
  ['demo-calls.mts', 'calls'],
  ['demo-installation.mts', 'installation'],
  ['demo-manual.mts', 'manual'],
  ['demo-reports.mts', 'reports'],
  ['demo-settle.mts', 'settle'],
] as const) {
  console.log(`\n${sub}/:`);
  execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, script), join(folder, sub)], { stdio: 'inherit' });
}
