// `npm run demo [folder]`: a sample database and sample warranty cards, with no Electron.
// Runs the same backend the app runs, through the same contract, on a fresh folder.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createBackend } from '../electron/backend/backend';
import { HeadlessPlatform, MemoryLogger } from '../electron/backend/headless-platform';
import type { Channel, InputOf, OutputOf } from '../shared/contract';

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

const logger = new MemoryLogger();
const backend = await createBackend({
  dbPath: join(folder, 'desk.sqlite'),
  documentsDir: join(folder, 'documents'),
  platform: new HeadlessPlatform(join(folder, 'printed')),
  logger,
});

async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await backend.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as OutputOf<C>;
}

await call('settings:update', {
  companyName: '杭州安信机电设备服务有限公司',
  hotline: '400-800-1234',
  complaintLine: '0571-88886666',
  address: '浙江省杭州市拱墅区湖墅南路 186 号 3 楼',
});

const people = [
  { name: '张三丰', phone: '138 1234 5678', address: '浙江省杭州市西湖区文三路 90 号 2 幢 501 室' },
  { name: '杭州市西湖中学', phone: '0571-87654321', address: '浙江省杭州市西湖区曙光路 12 号' },
  { name: '宁波启明科技有限公司', phone: '0574-27889900', address: '浙江省宁波市鄞州区天童南路 588 号 A 座 12 楼' },
];
const [zhang, school, qiming] = await Promise.all(people.map((p) => call('customers:create', p)));

const units = [
  await call('units:create', { customerId: zhang!.id, brand: '格力', model: 'KFR-35GW/(35592)FNhAa-B1', serial: 'GL2026A0001', purchaseDate: '2026-03-01', acceptanceDate: '2026-03-05', warrantyMonths: 12 }),
  await call('units:create', { customerId: school!.id, brand: '爱普生', model: 'CB-X51', serial: 'X5HK2600123', purchaseDate: '2025-08-31', acceptanceDate: null, warrantyMonths: 36 }),
  await call('units:create', { customerId: qiming!.id, brand: '海康威视', model: 'DS-7808N-R2', serial: 'DS7808N20250611AACH', purchaseDate: '2025-06-11', acceptanceDate: '2025-06-20', warrantyMonths: 24 }),
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
