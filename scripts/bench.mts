// `npm run bench`: prints speed figures for the desk's hot paths on a seeded database.
// Figures only; nothing here passes or fails. Deterministic seed, so runs compare.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../electron/backend/backend';
import { HeadlessPlatform, MemoryLogger } from '../electron/backend/headless-platform';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 20_000);
const UNITS_PER_CUSTOMER = 1.5;
const QUERIES = 1_000;

// A small linear congruential generator: the same data every run.
let seed = 20261122;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T,>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const given = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰晓东海燕春梅建华文斌';
const districts = ['西湖区文三路', '拱墅区湖墅南路', '上城区解放路', '滨江区江南大道', '鄞州区天童南路', '余杭区文一西路'];
const brands = [['格力', 'KFR-35GW'], ['美的', 'KFR-26GW'], ['爱普生', 'CB-X51'], ['海康威视', 'DS-7808N'], ['奥的斯', 'GeN2']] as const;

const dir = mkdtempSync(join(tmpdir(), 'desk-bench-'));
const backend = await createBackend({
  dbPath: join(dir, 'desk.sqlite'),
  documentsDir: join(dir, 'documents'),
  platform: new HeadlessPlatform(join(dir, 'printed')),
  logger: new MemoryLogger(),
});
const { sqlite } = backend.store;

const t0 = performance.now();
const insertCustomer = sqlite.prepare('insert into customers (name, phone, address, created_at, updated_at) values (?, ?, ?, ?, ?)');
const insertUnit = sqlite.prepare(
  'insert into units (customer_id, brand, model, serial, purchase_date, acceptance_date, warranty_months, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
);
const phones: string[] = [];
const names: string[] = [];
sqlite.transaction(() => {
  let serial = 0;
  for (let i = 1; i <= CUSTOMERS; i++) {
    const name = pick([...surnames]) + pick([...given]) + (rand() < 0.5 ? pick([...given]) : '');
    const phone = `1${pick(['38', '39', '58', '86', '77'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
    names.push(name);
    phones.push(phone);
    insertCustomer.run(name, phone, `浙江省杭州市${pick(districts)} ${1 + Math.floor(rand() * 300)} 号`, i, i);
    const units = rand() < UNITS_PER_CUSTOMER - 1 ? 2 : 1;
    for (let u = 0; u < units; u++) {
      const [brand, model] = pick(brands);
      const y = 2020 + Math.floor(rand() * 6);
      const date = `${y}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
      insertUnit.run(i, brand, model, `SN${String(++serial).padStart(9, '0')}`, date, null, 12, i, i);
    }
  }
})();
const seedMs = performance.now() - t0;

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  return `p50 ${at(50).toFixed(2)} ms, p95 ${at(95).toFixed(2)} ms, p99 ${at(99).toFixed(2)} ms (n=${samples.length})`;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  const result = (await fn()) as { ok?: boolean };
  if (result && result.ok === false) throw new Error(JSON.stringify(result));
  return performance.now() - start;
}

const searches: number[] = [];
for (let i = 0; i < QUERIES; i++) {
  const kind = i % 3;
  const query = kind === 0 ? pick(phones).slice(3, 8) : kind === 1 ? pick(names).slice(0, 2) : pick(phones).slice(-4);
  searches.push(await time(() => backend.invoke('customers:search', { query, limit: 20 })));
}

const unitLists: number[] = [];
for (let i = 0; i < 200; i++) {
  const customerId = 1 + Math.floor(rand() * CUSTOMERS);
  unitLists.push(await time(() => backend.invoke('units:listByCustomer', { customerId })));
}

await backend.invoke('settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234' });
const cards: number[] = [];
for (let i = 0; i < 8; i++) {
  const unitId = 1 + Math.floor(rand() * CUSTOMERS);
  cards.push(await time(() => backend.invoke('documents:warrantyCard', { unitId, paper: i % 2 ? 'A5' : 'A4', language: 'zh-CN' })));
}
const [firstCard, ...warmCards] = cards;

console.log(`Seeded ${CUSTOMERS.toLocaleString()} customers and their units in ${(seedMs / 1000).toFixed(1)} s`);
console.log(`customers:search (type-ahead, LIKE):  ${stats(searches)}`);
console.log(`units:listByCustomer:                 ${stats(unitLists)}`);
console.log(`documents:warrantyCard (render + archive + commit): first ${firstCard!.toFixed(0)} ms, warm ${stats(warmCards)}`);
console.log(`Memory: rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
await backend.close();
rmSync(dir, { recursive: true, force: true });
