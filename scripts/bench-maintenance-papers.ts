// The bench's batch print figure (issue 19): 200 blank quarterly forms of five units each, as
// one file and as one file per customer, from start to the last file archived. Figures only.
// Runs inside `npm run bench`, or alone: `npx tsx scripts/bench-maintenance-papers.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createBackend } from '../electron/backend/backend';
import { HeadlessPlatform, MemoryLogger } from '../electron/backend/platform/headless';
import type { BatchJob } from '../shared/schemas/maintenance-papers';
import { documentWorker } from './bench-documents';

type Invoke = (channel: unknown, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;

const FORMS = Number(process.env.BENCH_BATCH_FORMS ?? 200);
const SPLITS = (process.env.BENCH_BATCH_SPLITS ?? 'one,perCustomer').split(',');
const UNITS_PER_FORM = 5;

async function call<T>(invoke: Invoke, channel: string, input: unknown): Promise<T> {
  const result = await invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const ITEMS = [
  ['filter', '清洗过滤网', '无积尘、无破损'],
  ['drain', '检查冷凝水排水', '排水畅通、无渗漏'],
  ['noise', '运行噪声、振动', '无异响'],
  ['wiring', '电源线及接线端子', '无松动、无过热痕迹'],
  ['remote', '遥控器及显示', '功能正常'],
] as const;

/** Runs one batch to its end, answering how long it took and what it made. */
async function timedBatch(invoke: Invoke, input: Record<string, unknown>): Promise<{ ms: number; gatherMs: number; job: BatchJob }> {
  const started = performance.now();
  let job = await call<BatchJob>(invoke, 'batchPrint:start', input);
  // The first half of the steps is reading each visit's papers; the second, drawing the files.
  let gatherMs = NaN;
  while (job.state === 'running') {
    await sleep(20);
    job = await call<BatchJob>(invoke, 'batchPrint:status', { jobId: job.jobId });
    if (Number.isNaN(gatherMs) && job.done >= job.papers) gatherMs = performance.now() - started;
  }
  if (job.state !== 'done') throw new Error(`batch ${job.state}: ${JSON.stringify(job.error)}`);
  return { ms: performance.now() - started, gatherMs, job };
}

/** Seeds its own desk: FORMS customers, each with a contract of five units and a quarterly plan. */
export async function benchBatchForms(workerEntry: string | undefined): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-bench-batch-'));
  const backend = await createBackend({
    dbPath: join(dir, 'desk.sqlite'),
    documentsDir: join(dir, 'documents'),
    platform: new HeadlessPlatform(join(dir, 'printed')),
    logger: new MemoryLogger(),
    documents: { warmUp: true, workerEntry },
  });
  const invoke = backend.invoke;
  try {
    await call(invoke, 'settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234' });
    const policy = await call<{ id: number }>(invoke, 'policies:create', { name: '标准保修', basis: 'acceptance', components: [{ key: 'whole', name: '整机', months: 12 }] });
    const model = await call<{ id: number }>(invoke, 'models:create', { brand: '格力', model: 'KFR-72LW', category: '空调', policyId: policy.id });
    await call(invoke, 'checklists:create', {
      name: '分体空调季度巡检',
      category: '空调',
      items: [
        ...ITEMS.map(([key, text, standard]) => ({ key, text, standard, answer: 'check', kinds: ['inspection'] })),
        { key: 'pressure', text: '冷媒低压压力', standard: '制冷运行 0.8–1.2 MPa', answer: 'reading', unit: 'MPa', min: 0.8, max: 1.2, kinds: ['inspection'] },
      ],
    });
    const seedStart = performance.now();
    for (let c = 0; c < FORMS; c++) {
      const customer = await call<{ id: number }>(invoke, 'customers:create', { kind: 'organisation', name: `杭州市余杭区第${c + 1}中学`, phones: [{ phone: `138${String(10_000_000 + c).slice(-8)}` }] });
      const units: number[] = [];
      for (let u = 0; u < UNITS_PER_FORM; u++) {
        const unit = await call<{ id: number }>(invoke, 'units:create', { customerId: customer.id, modelId: model.id, serial: `GL${String(c).padStart(4, '0')}KFR${u}`, purchaseDate: '2026-03-01', acceptanceDate: '2026-03-05', siteAddress: `教学楼 ${u + 1} 层` });
        units.push(unit.id);
      }
      await call(invoke, 'contracts:create', { customerId: customer.id, unitIds: units, kind: 'paid', startsOn: '2027-01-01', endsOn: '2027-12-31', plan: [{ kind: 'inspection', repeat: 'quarter', from: '2027-01-01', to: '2027-12-31' }] });
    }
    const seedMs = performance.now() - seedStart;
    await backend.documents.whenWarm();
    const range = { what: 'forms', from: '2027-03-01', to: '2027-03-31', technicianId: null, paper: 'A4', language: 'zh-CN' };
    const runs: [string, Awaited<ReturnType<typeof timedBatch>>][] = [];
    for (const split of SPLITS) runs.push([split, await timedBatch(invoke, { ...range, split })]);
    const papers = runs[0]![1].job.papers;
    const line = (label: string, r: { ms: number; gatherMs: number; job: BatchJob }) =>
      `  ${label}: ${(r.ms / 1000).toFixed(1)} s for ${papers} forms (read ${(r.gatherMs / 1000).toFixed(1)} s, drawn ${((r.ms - r.gatherMs) / 1000).toFixed(1)} s), ${(r.ms / papers).toFixed(0)} ms per form, ${r.job.documents.length} file(s), ${(r.job.documents.reduce((n, d) => n + d.size, 0) / 2 ** 20).toFixed(1)} MiB   (target ≤ 10 s)`;
    return [
      `batch print, ${papers} blank quarterly forms of ${UNITS_PER_FORM} units each (seeded ${FORMS} contracts in ${(seedMs / 1000).toFixed(1)} s):`,
      ...runs.map(([split, r]) => line(split === 'one' ? 'one file         ' : 'one per customer ', r)),
    ];
  } finally {
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('bench-maintenance-papers.ts')) {
  void benchBatchForms(documentWorker()).then((lines) => lines.forEach((l) => console.log(l)));
}
