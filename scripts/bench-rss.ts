// The backend's memory as the app holds it (issue 23, target ≤ 200 MB after start and after the
// busy phase). Measured in a process of its own running the backend bundled as the app runs it:
// the bench's own process has tsx's transpiled sources and source maps in its heap (~100 MB),
// and everything the earlier phases seeded and timed. Printed with what the figure is made of:
// the desk's JS heap, the document worker's heap and what it holds outside it (fonts, wasm),
// and the rest (native: SQLite's page cache, the runtime, freed memory not yet given back).
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { getHeapStatistics } from 'node:v8';

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

interface Stage {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  /** The most V8 itself took from malloc (compilers' scratch), which malloc may keep resident after. */
  peakMalloced: number;
  worker: { used: number; total: number; external: number; peakMalloced: number } | null;
}

function describe(name: string, s: Stage): string {
  const worker = s.worker ? `document worker heap ${mib(s.worker.used)} of ${mib(s.worker.total)} + ${mib(s.worker.external)} outside it, V8's malloc peak ${mib(s.worker.peakMalloced)}` : 'no document worker';
  return `  backend rss ${name}: ${mib(s.rss)}   (target ≤ 200 MB): desk JS heap ${mib(s.heapUsed)} of ${mib(s.heapTotal)}, external ${mib(s.external)}, V8's malloc peak ${mib(s.peakMalloced)}; ${worker}`;
}

/** Runs the start and the busy phase in a child process on a copy-free open of `dir`'s database. */
export async function benchRss(dir: string, opts: { busy?: boolean } = {}): Promise<string[]> {
  // Loaded here only: the child runs this same file and must not carry esbuild in its memory.
  const { buildSync } = await import('esbuild');
  const out = resolve('out/bench');
  const bundle = join(out, 'bench-rss.js');
  buildSync({ entryPoints: ['scripts/bench-rss.ts'], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node22', packages: 'external', logLevel: 'error', define: { 'process.env.BENCH_RSS_CHILD': '"1"' } });
  const worker = join(out, 'document-worker.js');
  buildSync({ entryPoints: ['electron/backend/documents/worker/document-worker.ts'], outfile: worker, bundle: true, platform: 'node', format: 'cjs', target: 'node22', packages: 'external', logLevel: 'error' });
  const stdout = execFileSync(process.execPath, [bundle, dir, worker, opts.busy === false ? 'start' : 'busy'], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const lines: string[] = [];
  for (const line of stdout.split('\n')) {
    if (line.startsWith('{')) {
      const { name, stage } = JSON.parse(line) as { name: string; stage: Stage };
      lines.push(describe(name, stage));
    } else if (line.trim()) lines.push(`  ${line}`);
  }
  return [`backend memory, in a process of its own running the bundled backend (${dir}; load ${loadavg()[0]!.toFixed(2)}):`, ...lines];
}

/**
 * Linux only: the process's resident memory by kind of mapping, to tell the JS heaps (V8 maps
 * them in pieces of at most a few MiB) from malloc's memory: the main thread's `[heap]` and the
 * arenas (64 MiB-aligned reservations) malloc gives each thread that allocates (SQLite, zstd,
 * the workers' isolates, V8's compiler threads), which keep what a thread freed. Files mapped
 * (the node binary, libraries) apart.
 */
function residentByMapping(): string | null {
  let smaps: string;
  try {
    smaps = readFileSync('/proc/self/smaps', 'utf8');
  } catch {
    return null;
  }
  const kib = { file: 0, heap: 0, arenas: 0, other: 0 };
  let kind: keyof typeof kib = 'other';
  for (const line of smaps.split('\n')) {
    const map = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (map) {
      const size = (parseInt(map[2]!, 16) - parseInt(map[1]!, 16)) / 1024;
      const name = map[3] ?? '';
      // A thread's arena is a 64 MiB-aligned reservation whose used part is a mapping of its own.
      const arena = name === '' && size <= 65_536 && parseInt(map[1]!, 16) % 2 ** 26 === 0;
      kind = name.startsWith('/') ? 'file' : name === '[heap]' ? 'heap' : arena ? 'arenas' : 'other';
    } else if (line.startsWith('Rss:')) kib[kind] += Number(line.split(/\s+/)[1]);
  }
  const m = (k: number) => `${(k / 1024).toFixed(0)} MiB`;
  return `resident by mapping: malloc's thread arenas ${m(kib.arenas)}, main malloc heap ${m(kib.heap)}, other anonymous (JS heaps, wasm, stacks) ${m(kib.other)}, files (node, libraries) ${m(kib.file)}`;
}

async function child(dir: string, workerEntry: string, mode: string): Promise<void> {
  const { createBackend } = await import('../electron/backend/backend');
  const { HeadlessPlatform, MemoryLogger } = await import('../electron/backend/platform/headless');
  const platform = new HeadlessPlatform(join(dir, 'printed'));
  const { DOCUMENT_WORKER_IDLE_STOP_MS } = await import('../electron/backend/documents/worker/document-renderer');
  // As the app starts it (electron/main/index.ts).
  const documents = { warmUp: true, workerEntry, idleStopMs: DOCUMENT_WORKER_IDLE_STOP_MS };
  const backend = await createBackend({ dbPath: join(dir, 'desk.sqlite'), documentsDir: join(dir, 'documents'), backupDir: join(dir, 'backups'), platform, logger: new MemoryLogger(), documents });
  const leftAlone = async (after: string) => {
    await new Promise((resolve) => setTimeout(resolve, DOCUMENT_WORKER_IDLE_STOP_MS + 10_000));
    await report(`${after}, the desk then left alone ${(DOCUMENT_WORKER_IDLE_STOP_MS + 10_000) / 1000} s (the document worker let go)`);
  };
  const report = async (name: string) => {
    const m = process.memoryUsage();
    const peakMalloced = getHeapStatistics().peak_malloced_memory;
    const stage: Stage = { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, peakMalloced, worker: await backend.documents.heap() };
    console.log(JSON.stringify({ name, stage }));
  };
  try {
    await backend.invoke('search:query', { query: '1391', limit: 20 });
    await report('at the first answer');
    // The start's background work (check, backup, index fill) and the worker's warm-up run to their end.
    await backend.maintenance;
    await backend.documents.whenWarm();
    await report('after start (background work and document warm-up done)');
    // Memory let go is given back at the next full collection, which an idle thread gets later.
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    await report('after start, 15 s idle');
    const mapped = residentByMapping();
    if (mapped) console.log(mapped);
    await leftAlone('after start');
    const alone = residentByMapping();
    if (alone) console.log(alone);
    if (mode !== 'busy') return;
    const { benchBusy } = await import('./bench-busy');
    const stats = (samples: number[]) => {
      const sorted = [...samples].sort((a, b) => a - b);
      const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
      return `p50 ${at(50).toFixed(2)} ms · p95 ${at(95).toFixed(2)} ms · p99 ${at(99).toFixed(2)} ms (n=${samples.length})`;
    };
    await backend.invoke('settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234' });
    const count = (table: string) => backend.store.sqlite.prepare(`select max(id) from ${table}`).pluck().get() as number;
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
    // Customers the file has not seen (a kept file run again imports new ones, as a fresh bench does).
    for (const line of await benchBusy(backend.invoke, platform, { customers: count('customers'), units: count('units'), rand, stats, firstRow: count('customers') })) {
      if (!line.includes("this process's rss")) console.log(line);
    }
    await report('after the busy phase');
    // The desk's idle trim has had its quiet seconds; the worker is still warm for the clerk.
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    await report('after the busy phase, 15 s idle');
    const after = residentByMapping();
    if (after) console.log(after);
    await leftAlone('after the busy phase and 15 s idle');
    const afterAlone = residentByMapping();
    if (afterAlone) console.log(afterAlone);
  } finally {
    await backend.close();
    rmSync(join(dir, 'printed'), { recursive: true, force: true });
  }
}

if (process.env.BENCH_RSS_CHILD === '1') {
  const [dir, worker, mode] = process.argv.slice(2);
  child(dir!, worker!, mode!).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
} else if (process.argv[1]?.endsWith('bench-rss.ts')) {
  // `tsx scripts/bench-rss.ts DIR [start]`: on a kept database (its busy phase imports 10,000 customers into it).
  void benchRss(process.argv[2] ?? '/work/bench-db', { busy: process.argv[3] !== 'start' }).then((lines) => lines.forEach((l) => console.log(l)));
}
