// `npx tsx scripts/demo-manual.mts [folder]` (default: desk-demo-manual in the temp folder): the
// maintenance manual (维修保养手册) of a school's installation of two air conditioner models and a
// projector. Content is written for every sample category (from the seeds' operating and
// maintenance instructions), the 格力 model gets its own with a piping diagram, the values set at
// commissioning are recorded, a maintenance contract and checklist give the schedule, and the
// manual is issued on A4 and A5 in both languages. No Electron. PDFs in <folder>/pdf/.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { SAMPLE_MANUAL_CONTENT } from '../electron/backend/domains/manuals/sample-content';
import { resources } from '../shared/i18n';
import { LANGUAGES } from '../shared/i18n/languages';
import { CARD_PAPERS } from '../shared/schemas/document';
import type { ManualBody } from '../shared/schemas/manual';
import { DEMO_COMPANY, openDemoDesk } from './demo-desk';
import { demoFolder } from './demo-folder';

const folder = demoFolder('manual');

// A fixed desk clock, so the same paper comes out every run.
const desk = await openDemoDesk(folder, new Date(2026, 10, 2, 9, 0));
const { backend, logger, call } = desk;

await call('session:begin', { operator: '王芳' });
await call('settings:update', {
  ...DEMO_COMPANY,
  hotlineHours: { days: 'everyDay', from: '00:00', to: '24:00' },
  serviceContact: { department: '客户服务部', person: '王敏', phone: '0571-88881234' },
  scheduledService: { callback: { every: 1, unit: 'months' }, inspection: { every: 3, unit: 'months' }, maintenance: { every: 12, unit: 'months' } },
});

// Content for every sample category, by the category's name as the sample set names it.
const categories = resources['zh-CN'].translation.sample.data.categories;
for (const [key, body] of Object.entries(SAMPLE_MANUAL_CONTENT)) {
  await call('manuals:save', { modelId: null, category: categories[key as keyof typeof categories], body });
}

const policy = await call('policies:create', {
  name: '家用空调标准保修',
  basis: 'acceptance',
  components: [
    { key: 'whole', name: '整机', nameEn: 'Whole unit', months: 12 },
    { key: 'accessories', name: '配件（遥控器、线缆）', nameEn: 'Accessories (remote, cables)', months: 6 },
    { key: 'compressor', name: '压缩机', nameEn: 'Compressor', months: 72 },
  ],
});
const projectorPolicy = await call('policies:create', { name: '投影机保修', basis: 'acceptance', components: [{ key: 'whole', name: '整机', nameEn: 'Whole unit', months: 12 }, { key: 'lamp', name: '灯泡', nameEn: 'Lamp', months: 3 }] });
const gree = await call('models:create', { brand: '格力', model: 'KFR-35GW/(35592)FNhAa-B1', category: categories.aircon, policyId: policy.id });
const midea = await call('models:create', { brand: '美的', model: 'KFR-26GW/WDAA3', category: categories.aircon, policyId: policy.id });
const epson = await call('models:create', { brand: '爱普生', model: 'CB-X51', category: categories.projector, policyId: projectorPolicy.id });

// The 格力 model's own content: the category's, with its piping diagram and its clearances.
const diagram = await sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="900" height="360">
  <rect width="900" height="360" fill="#ffffff"/>
  <rect x="40" y="40" width="320" height="90" rx="10" fill="#e8eef7" stroke="#1f3b73" stroke-width="4"/>
  <text x="200" y="95" font-family="DejaVu Sans" font-size="30" text-anchor="middle" fill="#1f3b73">INDOOR</text>
  <rect x="560" y="200" width="300" height="130" rx="10" fill="#f3efe6" stroke="#6b4a12" stroke-width="4"/>
  <text x="710" y="275" font-family="DejaVu Sans" font-size="30" text-anchor="middle" fill="#6b4a12">OUTDOOR</text>
  <path d="M360 70 H470 V250 H560" fill="none" stroke="#c0392b" stroke-width="8"/>
  <path d="M360 105 H440 V285 H560" fill="none" stroke="#2471a3" stroke-width="8"/>
  <path d="M200 130 V320" fill="none" stroke="#7f8c8d" stroke-width="6" stroke-dasharray="14 10"/>
  <text x="230" y="300" font-family="DejaVu Sans" font-size="22" fill="#555">drain ≥ 1:100</text>
</svg>`)).png().toBuffer();
const aircon = SAMPLE_MANUAL_CONTENT.aircon;
const withDiagram = (chapters: ManualBody['zh'], caption: string, clearances: string[][]): ManualBody['zh'] => ({
  ...chapters,
  description: {
    type: 'doc',
    content: [
      ...chapters.description.content,
      { type: 'image', attrs: { src: `data:image/png;base64,${diagram.toString('base64')}`, alt: caption } },
      { type: 'paragraph', content: [{ type: 'text', text: caption, marks: [{ type: 'italic' }] }] },
      { type: 'table', content: clearances.map((r, i) => ({ type: 'tableRow', content: r.map((t) => ({ type: i === 0 ? 'tableHeader' : 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }] })) })) },
    ],
  },
});
await call('manuals:save', {
  modelId: gree.id,
  body: {
    zh: withDiagram(aircon.zh, '图 1　室内机与室外机的冷媒管（红：气管，蓝：液管）和排水管', [['安装位置', '最小距离'], ['室外机出风口前', '≥ 50 cm'], ['室外机背面离墙', '≥ 30 cm'], ['室内机顶部离天花', '≥ 15 cm'], ['连接管长度（不加冷媒）', '≤ 5 m']]),
    en: withDiagram(aircon.en!, 'Figure 1  Refrigerant pipes between the indoor and outdoor units (red: gas, blue: liquid) and the drain', [['Where', 'Least clearance'], ['In front of the outdoor fan', '≥ 50 cm'], ['Outdoor unit to the wall behind', '≥ 30 cm'], ['Indoor unit to the ceiling', '≥ 15 cm'], ['Piping without extra refrigerant', '≤ 5 m']]),
  },
});

const school = await call('customers:create', {
  name: '杭州市余杭区良渚第二小学',
  kind: 'organisation',
  phones: [{ phone: '0571-88776655', label: '总务处' }],
  addresses: [{ address: '浙江省杭州市余杭区良渚街道古墩路 1888 号', isDefault: true }],
});
const unit = (modelId: number, serial: string, locationNote: string) => call('units:create', { customerId: school.id, modelId, serial, purchaseDate: '2026-10-28', locationNote });
const units = [await unit(gree.id, 'GL35A2610001', '行政楼 301 会议室'), await unit(midea.id, 'MD26W2610002', '行政楼 302 办公室'), await unit(epson.id, 'EPX51261044', '行政楼 301 会议室')];
const job = await call('installations:create', { customerId: school.id, unitIds: units.map((u) => u.id), siteAddress: '良渚第二小学 行政楼', appointmentOn: '2026-11-09', workDone: '室内外机安装、冷媒管路连接及保温；投影机吊装' });
desk.setClock(new Date(2026, 10, 16, 10, 0));
await call('installations:accept', { id: job.id, acceptedOn: '2026-11-16', acceptedBy: '总务处 陈主任' });
await call('manuals:saveUnitValues', { unitId: units[0]!.id, values: [{ label: '制冷设定温度', value: '26 °C', note: '学校节能要求' }, { label: '运行压力（制冷）', value: '0.95 MPa', note: '室外 28 °C 时' }, { label: '连接管长度', value: '4.5 m', note: '未追加冷媒' }] });
await call('manuals:saveUnitValues', { unitId: units[1]!.id, values: [{ label: '制冷设定温度', value: '26 °C', note: null }, { label: '运行压力（制冷）', value: '0.92 MPa', note: null }] });
await call('manuals:saveUnitValues', { unitId: units[2]!.id, values: [{ label: '投影尺寸', value: '100 英寸', note: '16:10' }, { label: '梯形校正', value: '垂直 +6', note: null }] });
await call('checklists:create', {
  name: '家用空调巡检保养',
  category: categories.aircon,
  items: [
    { key: 'filter', text: '过滤网清洁', textEn: 'Filter clean', standard: '无积尘、无破损', answer: 'check', kinds: ['inspection', 'maintenance'] },
    { key: 'pressure', text: '运行压力（制冷）', textEn: 'Running pressure (cooling)', standard: '与安装设定值相差不超过 10%', answer: 'reading', unit: 'MPa', min: 0.8, max: 1.1, kinds: ['maintenance'] },
    { key: 'drain', text: '排水畅通', textEn: 'Drain clear', standard: '倒水 500 ml 一分钟内排净', answer: 'check', kinds: ['maintenance'] },
  ],
});
await call('contracts:create', { customerId: school.id, unitIds: [units[0]!.id, units[1]!.id], kind: 'paid', startsOn: '2026-12-01', endsOn: '2027-11-30', priceFen: 120_000, plan: [{ kind: 'inspection', repeat: 'quarter', from: '2026-12-01', to: '2027-11-30' }] });
await call('parts:create', { partNumber: 'GL-FLT-35', name: '空调过滤网', fits: 'KFR-35GW/(35592)FNhAa-B1, KFR-26GW/WDAA3', costFen: 1500, priceFen: 4000, quantity: 12 });
await call('parts:create', { partNumber: 'EP-LAMP-X51', name: '投影机灯泡 ELPLP96', fits: 'CB-X51', costFen: 38000, priceFen: 68000, quantity: 2 });

desk.setClock(new Date(2026, 10, 18, 10, 0));
const check = await call('manuals:check', { installationId: job.id });
const written: string[] = [];
for (const paper of CARD_PAPERS) {
  for (const language of LANGUAGES) {
    const doc = await call('manuals:issue', { installationId: job.id, paper, language });
    copyFileSync(join(folder, 'documents', doc.fileName), join(folder, 'pdf', `manual-${paper}-${language}.pdf`));
    written.push(`${doc.number}  manual-${paper}-${language}${doc.missingGlyphs.length ? `  missing glyphs: ${doc.missingGlyphs.join(' ')}` : ''}`);
  }
}
await backend.close();

console.log(`Installation ${job.number}: manual content ${check.versions.map((v) => `${v.modelLabel} (${v.source} v${v.version})`).join(', ')}`);
console.log(`${written.length} PDFs in ${join(folder, 'pdf')}`);
for (const line of written) console.log(`  ${line}`);
const problems = logger.lines.filter((l) => l.level !== 'info');
if (problems.length) console.log('Warnings:', problems);
