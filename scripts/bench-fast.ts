// The start, the backup and the audit search on a database with years of history (issue 23).
// `tsx scripts/bench-fast.ts seed DIR` seeds a kept bench database once (BENCH_* sizes as in
// bench.ts); `tsx scripts/bench-fast.ts measure DIR` times, each in a fresh process so its RSS
// is the backend's own: a warm start, a first start of the day (no backup yet today), the
// backup's time and size, the audit log's free text, a search-index rebuild. bench.ts calls
// benchStart on its own database after its phases.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../electron/backend/backend';
import { HeadlessPlatform, MemoryLogger } from '../electron/backend/platform/headless';
import { rebuildIndex } from '../electron/backend/domains/search/search-index';
import { mulberry } from './bench-kit';
import { seedTickets } from './bench-tickets';
import { seedAudit } from './bench-audit';
import { seedCalls } from './bench-calls';
import { seedContracts } from './bench-maintenance';

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const load = () => `load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`;


function open(dir: string, backupDir: string) {
  return createBackend({
    dbPath: join(dir, 'desk.sqlite'),
    documentsDir: join(dir, 'documents'),
    backupDir,
    platform: new HeadlessPlatform(join(dir, 'printed')),
    logger: new MemoryLogger(),
  });
}

/** Seeds the kept database: plain names and serials are enough for timing the start and the log. */
export async function seedKept(dir: string): Promise<void> {
  const customers = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
  const units = Math.round(customers * 1.5);
  const rand = mulberry(20261204);
  mkdirSync(dir, { recursive: true });
  const backend = await open(dir, join(dir, 'seed-backups'));
  const ok = async (channel: string, input: unknown) => {
    const result = await backend.invoke(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value as { id: number };
  };
  const policy = await ok('policies:create', { name: '标准保修', basis: 'acceptance', components: [{ key: 'whole', name: '整机', months: 12 }] });
  const model = await ok('models:create', { brand: '格力', model: 'KFR-35GW', category: '空调', policyId: policy.id });
  const { sqlite } = backend.store;
  const versionId = sqlite.prepare('select id from warranty_policy_versions').pluck().get() as number;
  const t0 = performance.now();
  const customer = sqlite.prepare("insert into customers (kind, name, region, created_at, updated_at) values ('person', ?, 'urban', ?, ?)");
  const phone = sqlite.prepare('insert into customer_phones (customer_id, phone, position) values (?, ?, 0)');
  const unit = sqlite.prepare('insert into units (customer_id, model_id, policy_version_id, serial, purchase_date, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)');
  sqlite.transaction(() => {
    for (let i = 1; i <= customers; i++) {
      customer.run(`客户${i}`, i, i);
      phone.run(i, `139${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`);
    }
    for (let u = 1; u <= units; u++) unit.run(u <= customers ? u : 1 + Math.floor(rand() * customers), model.id, versionId, `GL${String(u).padStart(9, '0')}`, '2022-05-01', u, u);
  })();
  console.log(`customers and units ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const now = Date.now();
  console.log('tickets', seedTickets(sqlite, { count: Number(process.env.BENCH_TICKETS ?? 1_000_000), customers, units, now, rand }).seedMs.toFixed(0), 'ms');
  console.log('contracts', seedContracts(sqlite, { count: Number(process.env.BENCH_CONTRACTS ?? 5_000), customers, now, rand }).seedMs.toFixed(0), 'ms');
  console.log('calls', seedCalls(sqlite, { count: Number(process.env.BENCH_CALLS ?? 500_000), customers, now, rand }).seedMs.toFixed(0), 'ms');
  console.log('audit', seedAudit(sqlite, { count: Number(process.env.BENCH_AUDIT ?? 500_000), now, rand }).seedMs.toFixed(0), 'ms');
  await backend.store.db.transaction().execute((trx) => rebuildIndex(trx));
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await backend.close();
  rmSync(join(dir, 'seed-backups'), { recursive: true, force: true });
  console.log(`kept database ${mib(statSync(join(dir, 'desk.sqlite')).size)}`);
}

/** Drops the page cache when this machine lets us (root on Linux); says whether it could. */
function dropCaches(): boolean {
  try {
    execFileSync('sync');
    writeFileSync('/proc/sys/vm/drop_caches', '3');
    return true;
  } catch {
    return false;
  }
}

/** One start, timed to the first answer; `fresh` empties the backup folder (the day's first start). */
async function oneStart(dir: string, fresh: boolean): Promise<string[]> {
  const backupDir = join(dir, 'backups');
  if (fresh) rmSync(backupDir, { recursive: true, force: true });
  const t0 = performance.now();
  const backend = await open(dir, backupDir);
  const opened = performance.now() - t0;
  const first = await backend.invoke('search:query', { query: '1391', limit: 20 });
  const ready = performance.now() - t0;
  if (!first.ok) throw new Error(JSON.stringify(first));
  const rss = process.memoryUsage().rss;
  const lines = [`${fresh ? 'first start of the day' : 'start'}: createBackend ${opened.toFixed(0)} ms, first answer at ${ready.toFixed(0)} ms; rss ${mib(rss)} (${load()})`];
  // Said at once: what runs beside the desk after this may take minutes on a loaded machine.
  if (process.argv[1]?.endsWith('bench-fast.ts')) console.log(lines[0]);
  const settle = performance.now();
  await backend.close();
  const settled = `background work (checks, backup, index fill) settled ${((performance.now() - settle) / 1000).toFixed(1)} s after the first answer`;
  const files = existsSync(backupDir) ? readdirSync(backupDir).filter((f) => f.startsWith('desk-') && !f.endsWith('.json')) : [];
  if (fresh && files.length > 0) {
    const size = files.reduce((sum, f) => sum + statSync(join(backupDir, f)).size, 0);
    lines.push(`  that start's backup: ${files.join(', ')} ${mib(size)} of a ${mib(statSync(join(dir, 'desk.sqlite')).size)} file; ${settled}`);
  } else lines.push(`  ${settled}`);
  return lines;
}

/** A start with the page cache dropped first (when the machine allows it); a backup of today already there. */
async function coldStart(dir: string): Promise<string[]> {
  const cold = dropCaches();
  return (await oneStart(dir, false)).map((l) => (cold ? `cold cache ${l}` : `(page cache could not be dropped: not root) ${l}`));
}

export async function benchStart(dir: string): Promise<string[]> {
  const lines: string[] = [];
  // The day's first start first: it leaves today's backup, so the next two are ordinary starts.
  lines.push(...(await oneStart(dir, true)));
  lines.push(...(await coldStart(dir)));
  lines.push(...(await oneStart(dir, false)).map((l) => `warm ${l}`));
  lines.push(...(await benchLog(dir)));
  return lines;
}

/** The log's free text as the clerk types it: a phone fragment, a name, two characters, a text found nowhere. */
async function auditText(invoke: (channel: string, input: unknown) => Promise<{ ok: boolean }>, rand: () => number): Promise<string[]> {
  const kinds: [string, () => string][] = [
    ['a phone fragment', () => `13${String(Math.floor(rand() * 1e4)).padStart(4, '0')}`],
    ['a customer name', () => `客户${1 + Math.floor(rand() * 9999)}`],
    ['two characters (recent log)', () => String(10 + Math.floor(rand() * 90))],
    ['a text found nowhere', () => `无此${Math.floor(rand() * 1e6)}`],
  ];
  const lines: string[] = [];
  for (const [kind, text] of kinds) {
    const ms: number[] = [];
    for (let i = 0; i < 9; i++) {
      const t = performance.now();
      const r = await invoke('audit:list', { text: text() });
      if (!r.ok) throw new Error(JSON.stringify(r));
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    lines.push(`audit:list free text, ${kind}: p50 ${ms[4]!.toFixed(1)} ms, max ${ms[8]!.toFixed(1)} ms (n=9; ${load()})`);
  }
  return lines;
}

async function benchLog(dir: string, withRebuild = true): Promise<string[]> {
  const backend = await open(dir, join(dir, 'backups'));
  // Timed after the start's own background work (the day's backup copies in steps on this
  // thread, the check reads the file beside it): timed during it, the log's text figures were
  // the backup's, several times the search's own.
  await backend.maintenance;
  const rand = mulberry(7);
  const text = await auditText(backend.invoke, rand);
  if (!withRebuild) {
    await backend.close();
    return text;
  }
  const t1 = performance.now();
  let indexed: number;
  // The rebuild an upgrade runs: in steps beside the desk where this build has them (timed with
  // searches going on), else the one transaction that held the desk.
  const stepped = await import('../electron/backend/domains/search/index-rebuild').catch(() => null);
  const during: number[] = [];
  if (stepped) {
    let running = true;
    const rebuilt = stepped.rebuildIndexInSteps(backend.store.db).finally(() => (running = false));
    while (running) {
      const t = performance.now();
      await backend.invoke('search:query', { query: `139${String(Math.floor(rand() * 1e4)).padStart(4, '0')}`, limit: 20 });
      during.push(performance.now() - t);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    indexed = await rebuilt;
  } else {
    indexed = await backend.store.db.transaction().execute((trx) => rebuildIndex(trx));
  }
  const rebuild = performance.now() - t1;
  during.sort((a, b) => a - b);
  const searchDuring = during.length > 0 ? `; ${during.length} searches meanwhile: p50 ${during[Math.floor(during.length / 2)]!.toFixed(1)} ms, p95 ${during[Math.floor(during.length * 0.95)]!.toFixed(1)} ms, max ${during[during.length - 1]!.toFixed(1)} ms` : '; the desk waited throughout (one transaction)';
  const rss = process.memoryUsage().rss;
  await backend.close();
  return [
    ...text,
    `search index rebuild: ${indexed.toLocaleString()} records in ${(rebuild / 1000).toFixed(1)} s${searchDuring}; rss after ${mib(rss)} (${load()})`,
  ];
}

/** Opens the kept database and lets the background work (an upgrade's index fill included) run to its end. */
async function settle(dir: string): Promise<string[]> {
  const t0 = performance.now();
  const backend = await open(dir, join(dir, 'backups'));
  await backend.maintenance;
  const ms = performance.now() - t0;
  await backend.close();
  return [`background work after a start ran to its end in ${(ms / 1000).toFixed(1)} s (${load()})`];
}

/** The busy phase (bench-busy.ts) on the kept database: its 10,000 imported customers stay in it. */
async function busyOnKept(dir: string): Promise<string[]> {
  const { benchBusy } = await import('./bench-busy');
  const { documentWorker } = await import('./bench-documents');
  const platform = new HeadlessPlatform(join(dir, 'printed'));
  const backend = await createBackend({ dbPath: join(dir, 'desk.sqlite'), documentsDir: join(dir, 'documents'), backupDir: join(dir, 'backups'), platform, logger: new MemoryLogger(), documents: { warmUp: true, workerEntry: documentWorker() } });
  await backend.maintenance;
  await backend.invoke('settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234' });
  const stats = (samples: number[]) => {
    const sorted = [...samples].sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
    return `p50 ${at(50).toFixed(2)} ms · p95 ${at(95).toFixed(2)} ms · p99 ${at(99).toFixed(2)} ms (n=${samples.length})`;
  };
  try {
    const count = (table: string) => backend.store.sqlite.prepare(`select max(id) from ${table}`).pluck().get() as number;
    // Customers this kept file has not seen: each run imports 10,000 new ones.
    return await benchBusy(backend.invoke, platform, { customers: count('customers'), units: count('units'), rand: mulberry(11), stats, firstRow: count('customers') });
  } finally {
    await backend.close();
  }
}

if (process.argv[1]?.endsWith('bench-fast.ts')) {
  const [mode, dir = '/work/bench-db'] = process.argv.slice(2);
  const run =
    mode === 'seed' ? seedKept(dir).then(() => []) : mode === 'start' ? oneStart(dir, process.argv[4] === 'fresh') : mode === 'cold' ? coldStart(dir) : mode === 'log' ? benchLog(dir) : mode === 'audit' ? benchLog(dir, false) : mode === 'busy' ? busyOnKept(dir) : mode === 'settle' ? settle(dir) : benchStart(dir);
  run.then((lines) => lines.forEach((l) => console.log(l))).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
