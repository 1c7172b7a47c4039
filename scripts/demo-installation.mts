// `npx tsx scripts/demo-installation.mts [folder]` (default: desk-demo-installation in the temp
// folder): an installation of three air conditioners and a projector at a school, the customer
// told a week ahead, a seven-day trial run, acceptance (which starts every unit's warranty), the
// acceptance certificate (设备验收合格书) on every paper in both languages, and a unit's warranty
// card printed after it, handed over, its return slip scanned back. No Electron.
// The PDFs are copied to <folder>/pdf/ with names that say what each one is.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES } from '../shared/i18n/languages';
import { CARD_PAPERS } from '../shared/schemas/document';
import { DEMO_COMPANY, openDemoDesk } from './demo-desk';
import { demoFolder } from './demo-folder';

const folder = demoFolder('installation');

// A fixed desk clock, moved along the job, so the same paper comes out every run.
const desk = await openDemoDesk(folder, new Date(2026, 10, 2, 9, 0));
const { backend, logger, call } = desk;

await call('session:begin', { operator: '王芳' });
await call('settings:update', DEMO_COMPANY);
const commercial = await call('policies:create', {
  name: '商用空调保修',
  basis: 'acceptance',
  components: [
    { key: 'whole', name: '整机', nameEn: 'Whole unit', months: 24 },
    { key: 'compressor', name: '压缩机', nameEn: 'Compressor', months: 60 },
  ],
});
const projectorPolicy = await call('policies:create', { name: '投影机保修', basis: 'acceptance', components: [{ key: 'whole', name: '整机', nameEn: 'Whole unit', months: 12 }, { key: 'lamp', name: '灯泡', nameEn: 'Lamp', months: 3 }] });
const aircon = await call('models:create', { brand: '格力', model: 'KFR-72LW/(72532)FNhAa-B1', category: '空调', policyId: commercial.id });
const projector = await call('models:create', { brand: '爱普生', model: 'CB-X51', category: '投影机', policyId: projectorPolicy.id });
const school = await call('customers:create', {
  name: '杭州市余杭区良渚第二小学',
  kind: 'organisation',
  phones: [{ phone: '0571-88776655', label: '总务处' }],
  addresses: [{ address: '浙江省杭州市余杭区良渚街道古墩路 1888 号', isDefault: true }],
});
const unit = (modelId: number, serial: string, locationNote: string) =>
  call('units:create', { customerId: school.id, modelId, serial, purchaseDate: '2026-10-28', invoiceNumber: 'FP-20261028-07', locationNote });
const units = [
  await unit(aircon.id, 'GL72A2610001', '行政楼 301 会议室'),
  await unit(aircon.id, 'GL72A2610002', '行政楼 302 办公室'),
  await unit(aircon.id, 'GL72A2610003', '图书馆阅览室'),
  await unit(projector.id, 'EPX51261044', '行政楼 301 会议室'),
];
const techs = [await call('technicians:create', { name: '赵建国', phone: '13900002222', skills: ['空调'] }), await call('technicians:create', { name: '钱小东', phone: '13900003333', skills: ['空调', '投影'] })];

const job = await call('installations:create', {
  customerId: school.id,
  unitIds: units.map((u) => u.id),
  siteAddress: '良渚第二小学 行政楼及图书馆',
  appointmentOn: '2026-11-09',
  technicianIds: techs.map((t) => t.id),
  workDone: '室内外机就位安装、冷媒管路连接及保温、排水管敷设、电源接线；投影机吊装及信号线敷设；操作培训',
});
// A week before: the customer told of the day.
await call('installations:notice', { id: job.id, sentOn: '2026-11-02' });
desk.setClock(new Date(2026, 10, 16, 10, 0));
await call('installations:trial', { id: job.id, startsOn: '2026-11-09', endsOn: '2026-11-16', result: 'passed', note: '连续运行七天七夜，制冷制热、噪声、排水正常' });
await call('installations:accept', { id: job.id, acceptedOn: '2026-11-16', acceptedBy: '总务处 陈主任' });

const written: string[] = [];
const keep = async (doc: { number: string; fileName: string }, name: string) => {
  copyFileSync(join(folder, 'documents', doc.fileName), join(folder, 'pdf', `${name}.pdf`));
  written.push(`${doc.number}  ${name}`);
};
for (const paper of CARD_PAPERS) for (const language of LANGUAGES) await keep(await call('documents:acceptanceCertificate', { installationId: job.id, paper, language }), `acceptance-certificate-${paper}-${language}`);
// The cards after acceptance: the warranty now runs from the 16th; handed over, the slip back by post.
const card = await call('documents:warrantyCard', { unitId: units[0]!.id, paper: 'A4', language: 'zh-CN' });
await keep(card, 'warranty-card-after-acceptance-A4-zh-CN');
await call('cards:issue', { documentId: card.id, issuedOn: '2026-11-16', how: 'handed' });
desk.setClock(new Date(2026, 10, 25, 9, 0));
await call('cards:scanSlip', { scanned: card.number, returnedOn: null });
await backend.close();

console.log(`Installation ${job.number}: ${units.length} units accepted on 2026-11-16; card ${card.number} issued, its slip back on 2026-11-25`);
console.log(`${written.length} PDFs in ${join(folder, 'pdf')}`);
for (const line of written) console.log(`  ${line}`);
const problems = logger.lines.filter((l) => l.level !== 'info');
if (problems.length) console.log('Warnings:', problems);
