// The attachments part of `npm run bench`: BENCH_ATTACHMENTS (default 200,000) links to files
// over the tickets the main bench seeded, then the ticket page's list timed. One busy ticket
// holds 24 real photos (stored, hashed, thumbnails drawn through the channel, as a drop does);
// the other links name a few hundred contents, so the lists read real files and thumbnails.
//
// Alone (a small desk of its own, for a figure without the whole bench):
//   npx tsx scripts/bench-attachments.ts
import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';

type Invoke = (channel: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
interface BenchTools {
  rand: () => number;
  stats: (samples: number[]) => string;
  time: (fn: () => Promise<unknown>) => Promise<number>;
}

const BUSY_PHOTOS = 24;
const CONTENTS = 300;

/** A camera-sized photo (1600 × 1200 JPEG, a few hundred kB), different per seed. */
async function photo(seed: number): Promise<Buffer> {
  const width = 1600;
  const height = 1200;
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    raw[i * 3] = ((i % width) + seed * 7) % 256;
    raw[i * 3 + 1] = (Math.floor(i / width) + seed * 13) % 256;
    raw[i * 3 + 2] = (i * 31 + seed) % 256;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
}

const ok = async (invoke: Invoke, channel: string, input: unknown) => {
  const result = await invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
};

/**
 * Adds the busy ticket's photos through the channel (timed: hash, store, thumbnail, commit),
 * then links `count` more over random tickets straight in SQL, to contents already stored.
 */
export async function benchAttachments(
  invoke: Invoke,
  sqlite: Database.Database,
  opts: BenchTools & { count: number },
): Promise<string[]> {
  const { rand, stats, time } = opts;
  const tickets = sqlite.prepare('select id from tickets order by id').pluck().all() as number[];
  if (tickets.length === 0) throw new Error('bench-attachments needs tickets');
  const busy = tickets[Math.floor(tickets.length / 2)]!;
  const lines: string[] = [];

  const adds: number[] = [];
  for (let i = 0; i < BUSY_PHOTOS; i++) {
    const data = (await photo(i)).toString('base64');
    adds.push(await time(() => invoke('attachments:add', { record: { type: 'ticket', id: busy }, name: `现场照片-${i + 1}.jpg`, data })));
  }
  lines.push(`attachments:add, a 1600×1200 photo (hash, store, thumbnail): ${stats(adds)}`);
  // More contents (small PDFs) for the other links to name: the data folder holds many files.
  for (let i = 0; i < CONTENTS - BUSY_PHOTOS; i++) {
    const pdf = Buffer.from(`%PDF-1.4\n% bench ${i}\n%%EOF\n`).toString('base64');
    await ok(invoke, 'attachments:add', { record: { type: 'ticket', id: tickets[Math.floor(rand() * tickets.length)]! }, name: `扫描件-${i}.pdf`, data: pdf });
  }

  const t0 = performance.now();
  const hashes = sqlite.prepare('select hash from attachment_files').pluck().all() as string[];
  const insert = sqlite.prepare(`insert into attachments (record_type, record_id, hash, name, created_by, created_at) values ('ticket', ?, ?, ?, 'bench', ?)`);
  const now = Date.now();
  sqlite.transaction(() => {
    for (let i = 0; i < opts.count; i++) insert.run(tickets[Math.floor(rand() * tickets.length)]!, hashes[Math.floor(rand() * hashes.length)]!, `附件-${i}.jpg`, now);
  })();
  const total = (sqlite.prepare('select count(*) from attachments').pluck().get() as number).toLocaleString();
  lines.push(`Seeded ${opts.count.toLocaleString()} more attachment links (${total} in all, ${hashes.length} stored files) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const busyLists: number[] = [];
  for (let i = 0; i < 200; i++) busyLists.push(await time(() => invoke('attachments:list', { record: { type: 'ticket', id: busy } })));
  const busyCount = (sqlite.prepare("select count(*) from attachments where record_type = 'ticket' and record_id = ?").pluck().get(busy) as number);
  lines.push(`attachments:list, a ticket with ${busyCount} (${BUSY_PHOTOS} photos with thumbnails): ${stats(busyLists)}   (target p95 ≤ 30 ms)`);
  const anyLists: number[] = [];
  for (let i = 0; i < 500; i++) {
    const id = tickets[Math.floor(rand() * tickets.length)]!;
    anyLists.push(await time(() => invoke('attachments:list', { record: { type: 'ticket', id } })));
  }
  lines.push(`attachments:list, any ticket:                 ${stats(anyLists)}`);
  return lines;
}

/** Run alone: a small desk with 20,000 tickets seeded in SQL, the same timings. */
async function alone(): Promise<void> {
  const { createBackend } = await import('../electron/backend/backend');
  const { HeadlessPlatform, MemoryLogger } = await import('../electron/backend/platform/headless');
  const dir = mkdtempSync(join(tmpdir(), 'desk-bench-attach-'));
  const backend = await createBackend({ dbPath: join(dir, 'desk.sqlite'), documentsDir: join(dir, 'documents'), platform: new HeadlessPlatform(join(dir, 'printed')), logger: new MemoryLogger() });
  try {
    const { sqlite } = backend.store;
    const customer = (await ok(backend.invoke, 'customers:create', { name: '基准客户', phones: [{ phone: '13800000000' }] })) as { id: number };
    const first = (await ok(backend.invoke, 'tickets:create', { source: 'phone', customerId: customer.id, unitId: null, unregisteredUnit: { brand: '美的', model: 'KFR-26', serial: null }, faultReported: '不制冷', faultCategory: 'notCooling', severity: 'ordinary' })) as { id: number };
    const columns = (sqlite.prepare('select name from pragma_table_info(\'tickets\') where name not in (\'id\', \'number\')').pluck().all() as string[]);
    const copy = sqlite.prepare(`insert into tickets (number, ${columns.join(', ')}) select ?, ${columns.join(', ')} from tickets where id = ?`);
    sqlite.transaction(() => {
      for (let i = 2; i <= 20_000; i++) copy.run(`GD-B-${String(i).padStart(6, '0')}`, first.id);
    })();
    let seed = 20261204;
    const rand = () => {
      seed = (seed + 0x6d2b79f5) >>> 0;
      let t = seed;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const stats = (samples: number[]) => {
      const sorted = [...samples].sort((a, b) => a - b);
      const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
      return `p50 ${at(50).toFixed(2)} ms · p95 ${at(95).toFixed(2)} ms · p99 ${at(99).toFixed(2)} ms (n=${samples.length})`;
    };
    const time = async (fn: () => Promise<unknown>) => {
      const start = performance.now();
      const result = (await fn()) as { ok?: boolean };
      if (result && result.ok === false) throw new Error(JSON.stringify(result));
      return performance.now() - start;
    };
    const count = Number(process.env.BENCH_ATTACHMENTS ?? 200_000);
    for (const line of await benchAttachments(backend.invoke, sqlite, { count, rand, stats, time })) console.log(line);
  } finally {
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run as a script of its own (not imported by bench.ts): CommonJS under tsx, so no import.meta.
if (require.main === module) void alone();
