// `npm run bench`: speed figures for the desk's hot paths on a seeded database.
// Figures only; nothing here passes or fails. Deterministic seed, so runs compare.
// BENCH_CUSTOMERS (default 100000) sets the size; units are 1.5 per customer.
// BENCH_TICKETS (default 1000000) repair tickets over ten years; see bench-tickets.ts.
// BENCH_AUDIT (default 500000) logged requests in the audit log; see bench-audit.ts.
// BENCH_CONTRACTS (default 5000) maintenance contracts, twelve visits each; see bench-maintenance.ts.
// BENCH_CALLS (default 500000) logged calls over two years, after 10,000 logged one by one; see bench-calls.ts.
// BENCH_ATTACHMENTS (default 200000) files attached to tickets; see bench-attachments.ts.
// The reports (issue 17) run on the tickets above, with parts, callbacks and complaints added; see bench-reports.ts.
// BENCH_CLAIM_PARTS (default 50000) parts fitted on tickets, claimed from a maker; see bench-settle.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../electron/backend/backend';
import { HeadlessPlatform, MemoryLogger } from '../electron/backend/platform/headless';
import { rebuildIndex } from '../electron/backend/domains/search/search-index';
import { benchTickets, seedTickets } from './bench-tickets';
import { benchAudit, seedAudit } from './bench-audit';
import { benchMaintenance, seedContracts } from './bench-maintenance';
import { benchCallSummary, benchLogCalls, seedCalls } from './bench-calls';
import { benchSettle } from './bench-settle';
import { benchAttachments } from './bench-attachments';
import { CN_MAINLAND } from '../shared/domain/calendar';
import { DEFAULT_WARRANTY_RULES, evaluateWarranty } from '../shared/domain/warranty-engine';
import { benchAgainstChromium, benchFirstDocument, benchSearchWhileDrawing, documentWorker } from './bench-documents';
import { benchBatchForms } from './bench-maintenance-papers';
import { benchManual } from './bench-manual';
import { benchReports, seedReportExtras } from './bench-reports';
import { benchStart } from './bench-fast';
import { benchRss } from './bench-rss';
import { mulberry, stats, time } from './bench-kit';
import { benchSheets } from './bench-sheets';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const UNITS = Math.round(CUSTOMERS * 1.5);
const QUERIES = 1_200;
const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const AUDIT = Number(process.env.BENCH_AUDIT ?? 500_000);
const CONTRACTS = Number(process.env.BENCH_CONTRACTS ?? 5_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 500_000);
const ATTACHMENTS = Number(process.env.BENCH_ATTACHMENTS ?? 200_000);

const rand = mulberry(20261122);
const pick = <T,>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const given = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉晓东海燕春梅文斌鑫宇浩然子涵欣怡梓轩雨桐'];
const orgs = ['科技有限公司', '商贸有限公司', '中学', '小学', '人民医院', '大酒店', '物业管理有限公司', '电子有限公司'];
const cities = [['浙江省', '杭州市', ['西湖区', '拱墅区', '上城区', '滨江区', '余杭区']], ['浙江省', '宁波市', ['鄞州区', '海曙区', '江北区']], ['江苏省', '苏州市', ['姑苏区', '吴中区', '工业园区']]] as const;
const roads = ['文三路', '湖墅南路', '解放路', '江南大道', '天童南路', '文一西路', '人民路', '中山北路', '干将西路'];
const products = [['格力', 'KFR-35GW', '空调'], ['美的', 'KFR-26GW', '空调'], ['爱普生', 'CB-X51', '投影机'], ['海康威视', 'DS-7808N-R2', '安防监控'], ['奥的斯', 'GeN2-MRL', '电梯'], ['华为', 'AR6140', '网络设备']] as const;
const twoDigits = (n: number) => String(n).padStart(2, '0');

async function main(): Promise<void> {
// First, while the machine is quiet: a small desk started and asked for a card at once.
const workerEntry = documentWorker();
console.log(await benchFirstDocument(workerEntry));
for (const line of await benchBatchForms(workerEntry)) console.log(line);
// The maintenance manual (issue 16): a 40-page site manual issued through the desk.
for (const line of await benchManual(workerEntry)) console.log(line);
const dir = mkdtempSync(join(tmpdir(), 'desk-bench-'));
const benchPlatform = new HeadlessPlatform(join(dir, 'printed'));
const backend = await createBackend({
  dbPath: join(dir, 'desk.sqlite'),
  documentsDir: join(dir, 'documents'),
  platform: benchPlatform,
  logger: new MemoryLogger(),
  // As the app starts it: the document worker warms up while the bench seeds.
  documents: { warmUp: true, workerEntry },
});
const { sqlite } = backend.store;
const call = async (channel: string, input: unknown) => {
  const result = await backend.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as { id: number };
};

const policy = await call('policies:create', {
  name: '标准保修',
  basis: 'acceptance',
  components: [{ key: 'whole', name: '整机', months: 12 }, { key: 'accessories', name: '配件', months: 6 }, { key: 'main', name: '主要部件', months: 36 }],
});
const modelIds: number[] = [];
for (const [brand, model, category] of products) modelIds.push((await call('models:create', { brand, model, category, policyId: policy.id })).id);
const versionId = (sqlite.prepare('select id from warranty_policy_versions').get() as { id: number }).id;

// Seeding goes straight to SQL in one transaction: the figures below are about reading.
const t0 = performance.now();
const phones: string[] = [];
const names: string[] = [];
const serials: string[] = [];
const insertCustomer = sqlite.prepare('insert into customers (kind, name, region, created_at, updated_at) values (?, ?, ?, ?, ?)');
const insertPhone = sqlite.prepare('insert into customer_phones (customer_id, phone, position) values (?, ?, 0)');
const insertAddress = sqlite.prepare('insert into customer_addresses (customer_id, address, is_default, position) values (?, ?, 1, 0)');
const insertUnit = sqlite.prepare(
  `insert into units (customer_id, model_id, policy_version_id, serial, purchase_date, acceptance_date, invoice_number, created_at, updated_at)
   values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);
sqlite.transaction(() => {
  for (let i = 1; i <= CUSTOMERS; i++) {
    const [province, city, districts] = pick(cities);
    const organisation = rand() < 0.15;
    const name = organisation ? `${city.slice(0, 2)}${pick(given)}${pick(given)}${pick(orgs)}` : pick(surnames) + pick(given) + (rand() < 0.6 ? pick(given) : '');
    const phone = organisation && rand() < 0.5 ? `0571-8${String(Math.floor(rand() * 1e7)).padStart(7, '0')}` : `1${pick(['38', '39', '58', '86', '77', '35'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
    names.push(name);
    phones.push(phone);
    insertCustomer.run(organisation ? 'organisation' : 'person', name, pick(['urban', 'urban', 'suburban', 'other']), i, i);
    insertPhone.run(i, phone);
    insertAddress.run(i, `${province}${city}${pick(districts)}${pick(roads)} ${1 + Math.floor(rand() * 300)} 号`);
  }
  for (let u = 1; u <= UNITS; u++) {
    const customerId = u <= CUSTOMERS ? u : 1 + Math.floor(rand() * CUSTOMERS);
    const y = 2019 + Math.floor(rand() * 8);
    const purchase = `${Math.min(y, 2026)}-${twoDigits(1 + Math.floor(rand() * (y >= 2026 ? 10 : 12)))}-${twoDigits(1 + Math.floor(rand() * 28))}`;
    const serial = `${pick(['GL', 'MD', 'EP', 'HK', 'OT', 'HW'])}${y}${String(u).padStart(7, '0')}`;
    serials.push(serial);
    insertUnit.run(customerId, pick(modelIds), versionId, serial, purchase, rand() < 0.5 ? purchase : null, rand() < 0.8 ? `3301${u}` : null, u, u);
  }
})();
const seedMs = performance.now() - t0;
const t1 = performance.now();
const indexed = await backend.store.db.transaction().execute((trx) => rebuildIndex(trx));
const indexMs = performance.now() - t1;


const kinds = ['phone fragment', 'serial', 'name', 'pinyin initials'] as const;
const samples: Record<(typeof kinds)[number], number[]> = { 'phone fragment': [], serial: [], name: [], 'pinyin initials': [] };
const initialKeys = (sqlite.prepare("select key from search_keys where kind = 'customer' and key glob '[a-z][a-z]*' and length(key) between 2 and 3 limit 5000").all() as { key: string }[]).map((r) => r.key);
for (let i = 0; i < QUERIES; i++) {
  const kind = kinds[i % kinds.length]!;
  const query =
    kind === 'phone fragment'
      ? pick(phones).replace(/\D/g, '').slice(-4 - Math.floor(rand() * 4))
      : kind === 'serial'
        ? rand() < 0.5
          ? pick(serials)
          : pick(serials).slice(-7)
        : kind === 'name'
          ? pick(names).slice(0, 2 + Math.floor(rand() * 2))
          : pick(initialKeys);
  samples[kind].push(await time(() => backend.invoke('search:query', { query, limit: 20 })));
}
const all = Object.values(samples).flat();

const customerIds = Array.from({ length: 300 }, () => 1 + Math.floor(rand() * CUSTOMERS));
const customerPages: number[] = [];
for (const id of customerIds) customerPages.push(await time(() => backend.invoke('units:listByCustomer', { customerId: id })));
const lists: number[] = [];
for (let i = 0; i < 100; i++) lists.push(await time(() => backend.invoke('customers:list', { limit: 50, offset: Math.floor(rand() * 1000) })));

// The engine alone: evaluations per second on varied units.
const engineInputs = Array.from({ length: 2000 }, (_, i) => ({
  unit: { purchaseDate: `202${i % 7}-0${1 + (i % 9)}-1${i % 9}`, installDate: null, acceptanceDate: i % 2 ? `202${i % 7}-0${1 + (i % 9)}-2${i % 8}` : null, productionDate: null, hasInvoice: true },
  policy: { basis: 'acceptance' as const, components: [{ key: 'whole', name: '整机', months: 12 }, { key: 'accessories', name: '配件', months: 6 }, { key: 'main', name: '主要部件', months: 36 }] },
  repairs: [],
  exclusions: [],
  rules: DEFAULT_WARRANTY_RULES,
  calendar: CN_MAINLAND,
}));
const e0 = performance.now();
let evaluations = 0;
while (performance.now() - e0 < 1000) {
  for (const input of engineInputs) evaluateWarranty(input, '2026-11-22');
  evaluations += engineInputs.length;
}
const perSecond = evaluations / ((performance.now() - e0) / 1000);

await call('settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234' });
const cards: number[] = [];
for (let i = 0; i < 21; i++) cards.push(await time(() => backend.invoke('documents:warrantyCard', { unitId: 1 + Math.floor(rand() * UNITS), paper: i % 2 ? 'A5' : 'A4', language: 'zh-CN' })));
const [firstCard, ...warmCards] = cards;
const drawing = await benchSearchWhileDrawing(backend.invoke, [...phones.slice(0, 50).map((p) => p.slice(-4)), ...names.slice(0, 50)], Array.from({ length: 8 }, () => 1 + Math.floor(rand() * UNITS)));
const chromiumLines = await benchAgainstChromium(backend.invoke, 1 + Math.floor(rand() * UNITS));

console.log(`Seeded ${CUSTOMERS.toLocaleString()} customers and ${UNITS.toLocaleString()} units in ${(seedMs / 1000).toFixed(1)} s; indexed ${indexed.toLocaleString()} records in ${(indexMs / 1000).toFixed(1)} s`);
console.log(`search:query, all ${QUERIES} mixed queries:  ${stats(all)}   (target p95 ≤ 15 ms)`);
for (const kind of kinds) console.log(`  ${kind.padEnd(16)} ${stats(samples[kind])}`);
console.log(`units:listByCustomer (with warranty):  ${stats(customerPages)}`);
console.log(`customers:list (first pages):           ${stats(lists)}`);
console.log(`warranty engine: ${Math.round(perSecond).toLocaleString()} evaluations/s (3 components each)`);
console.log(`documents:warrantyCard (render + archive + commit, A4 and A5 in turn): first ${firstCard!.toFixed(0)} ms, warm ${stats(warmCards)}   (target p50 ≤ 60 ms)`);
console.log(drawing);
for (const line of chromiumLines) console.log(line);
const seededTickets = seedTickets(sqlite, { count: TICKETS, customers: CUSTOMERS, units: UNITS, now: Date.now(), rand });
console.log(`Seeded ${TICKETS.toLocaleString()} tickets over ten years in ${(seededTickets.seedMs / 1000).toFixed(1)} s (${seededTickets.open.toLocaleString()} open)`);
for (const line of await benchTickets(backend.invoke, { customers: CUSTOMERS, units: UNITS, rand, stats, time })) console.log(line);
const seededContracts = seedContracts(sqlite, { count: CONTRACTS, customers: CUSTOMERS, now: Date.now(), rand });
console.log(`Seeded ${seededContracts.contracts.toLocaleString()} contracts and ${seededContracts.visits.toLocaleString()} visits in ${(seededContracts.seedMs / 1000).toFixed(1)} s`);
for (const line of await benchMaintenance(backend.invoke, { customerIds: seededContracts.customerIds, technicians: 24, now: Date.now(), rand, stats, time })) console.log(line);
for (const line of await benchLogCalls(backend.invoke, { count: 10_000, customers: CUSTOMERS, rand, stats, time })) console.log(line);
const seededCalls = seedCalls(sqlite, { count: CALLS, customers: CUSTOMERS, now: Date.now(), rand });
console.log(`Seeded ${CALLS.toLocaleString()} calls over two years in ${(seededCalls.seedMs / 1000).toFixed(1)} s`);
for (const line of await benchCallSummary(backend.invoke, { now: Date.now(), rand, stats, time })) console.log(line);
for (const line of await benchAttachments(backend.invoke, sqlite, { count: ATTACHMENTS, rand, stats, time })) console.log(line);
// The owner's month (issue 17): parts, callbacks and complaints on the seeded tickets, then every report timed.
const reportExtras = seedReportExtras(sqlite, { rand });
console.log(`Seeded ${reportExtras.parts.toLocaleString()} parts fitted, ${reportExtras.callbacks.toLocaleString()} callbacks and ${reportExtras.complaints.toLocaleString()} complaints in ${(reportExtras.seedMs / 1000).toFixed(1)} s`);
for (const line of await benchReports(backend.invoke, backend.store.db, { now: Date.now(), rand, stats, time })) console.log(line);
for (const line of await benchSettle(backend.invoke, sqlite, { parts: Number(process.env.BENCH_CLAIM_PARTS ?? 50_000), rand, stats, time })) console.log(line);
const seededAudit = seedAudit(sqlite, { count: AUDIT, now: Date.now(), rand });
console.log(`Seeded an audit log of ${AUDIT.toLocaleString()} requests (${seededAudit.rows.toLocaleString()} changed rows) in ${(seededAudit.seedMs / 1000).toFixed(1)} s`);
for (const line of await benchAudit(backend.invoke, { count: AUDIT, rand, stats, time })) console.log(line);
// Issue 24: the biggest sheet an import takes, in each legacy format (BENCH_SHEET_ROWS, default 50,000).
for (const line of await benchSheets(Number(process.env.BENCH_SHEET_ROWS ?? 50_000))) console.log(line);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const memory = process.memoryUsage();
// rss alone hid where memory went when the toolchain changed: the JS heap, or native (SQLite, fonts, buffers).
console.log(`Memory: rss ${mib(memory.rss)} (JS heap ${mib(memory.heapUsed)} of ${mib(memory.heapTotal)}, external ${mib(memory.external)}, buffers ${mib(memory.arrayBuffers)})`);
await backend.close();
// Issue 23: the backend's RSS after start, and the busy phase (the desk while an import and a
// batch of documents run beside it) with the RSS after it, in a process of its own running the
// bundled backend as the app does (this process carries tsx and every phase before); then the
// start, the day's first start and its backup, the log's free text, on this database (bench-fast.ts).
for (const line of await benchRss(dir)) console.log(line);
for (const line of await benchStart(dir)) console.log(line);
rmSync(dir, { recursive: true, force: true });
}

void main();
