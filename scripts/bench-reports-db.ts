// The owner's month (issue 17) and the month's returns to a maker (issue 21) on a bench database kept
// from an earlier `npm run bench`, without seeding ten years again:
// `BENCH_REPORTS_DB=/path/to/copy.sqlite tsx scripts/bench-reports-db.ts`. BENCH_REPORTS=0 or
// BENCH_SETTLE=0 leaves out one half.
// Work on a copy: the desk migrates the file when it opens it. Parts, callbacks and complaints are
// added as `npm run bench` adds them when the copy has none yet.
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../electron/backend/backend';
import { HeadlessPlatform, MemoryLogger } from '../electron/backend/platform/headless';
import { documentWorker } from './bench-documents';
import { benchReports, seedReportExtras } from './bench-reports';
import { benchSettle } from './bench-settle';
import { mulberry, stats, time } from './bench-kit';

const path = process.env.BENCH_REPORTS_DB ?? '';
if (!path) throw new Error('BENCH_REPORTS_DB: the path of a copy of a bench database');
const rand = mulberry(20261122);

async function main(): Promise<void> {
  const t0 = performance.now();
  const dir = dirname(path);
  const backend = await createBackend({ dbPath: path, documentsDir: join(dir, 'documents'), platform: new HeadlessPlatform(join(dir, 'printed')), logger: new MemoryLogger(), documents: { warmUp: true, workerEntry: documentWorker() } });
  console.log(`opened and migrated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  // The start's own background work (the file check, the day's backup, index fills) runs beside
  // the desk for a minute on a file this size: timed apart, so the figures below are the reports'.
  const t1 = performance.now();
  await Promise.all([backend.maintenance, backend.documents.whenWarm()]);
  console.log(`the start's background work done ${((performance.now() - t1) / 1000).toFixed(1)} s later`);
  const { sqlite } = backend.store;
  const counts = sqlite.prepare("select (select count(*) from tickets) as tickets, (select count(*) from ticket_parts) as parts").get() as { tickets: number; parts: number };
  console.log(`${counts.tickets.toLocaleString()} tickets, ${counts.parts.toLocaleString()} parts fitted`);
  if (counts.parts < counts.tickets / 10) {
    const extras = seedReportExtras(sqlite, { rand });
    console.log(`Seeded ${extras.parts.toLocaleString()} parts fitted, ${extras.callbacks.toLocaleString()} callbacks and ${extras.complaints.toLocaleString()} complaints in ${(extras.seedMs / 1000).toFixed(1)} s`);
  }
  // The pack prints the company's letterhead: a kept bench file may have none yet.
  await backend.invoke('settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '4008001234' });
  if (process.env.BENCH_REPORTS !== '0') for (const line of await benchReports(backend.invoke, backend.store.db, { now: Date.now(), rand, stats, time })) console.log(line);
  if (process.env.BENCH_SETTLE !== '0') for (const line of await benchSettle(backend.invoke, sqlite, { parts: Number(process.env.BENCH_CLAIM_PARTS ?? 50_000), rand, stats, time })) console.log(line);
  await backend.close();
}

void main();
