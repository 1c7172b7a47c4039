// The owner's month in `npm run bench` (issue 17): on the tickets the ticket bench seeded (ten
// years), parts fitted, callbacks and complaints are added, then every report is timed for a
// month and for a year, the whole bundle the screen opens, and the monthly pack.
import type Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import type { ServiceContext } from '../electron/backend/app/context';
import type { Kysely } from 'kysely';
import type { DB } from '../electron/backend/db/schema';
import { sql } from 'kysely';
import { fillReportMonths } from '../electron/backend/domains/reports/summary';
import { complaintsReport, earlyWarnings, failureAnalysis, loanersReport, moneyReport, partsReport, repairsReport, reportBounds, satisfactionReport, scheduledReport, serviceLevelReport } from '../electron/backend/domains/reports/reports';

type Invoke = (channel: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Parts on a fifth of the tickets, a callback on a third, a complaint on one in a hundred: straight to SQL. */
export function seedReportExtras(sqlite: Database.Database, opts: { rand: () => number }): { seedMs: number; parts: number; callbacks: number; complaints: number } {
  const { rand } = opts;
  const t0 = performance.now();
  const insertPart = sqlite.prepare("insert into parts (part_number, name, cost_fen, price_fen, quantity, component_key, created_at, updated_at) values (?, ?, ?, ?, 1000, ?, 0, 0)");
  const fit = sqlite.prepare('insert into ticket_parts (ticket_id, part_id, quantity, price_fen, cost_fen, in_warranty, component_key, fitted_on, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const move = sqlite.prepare("insert into stock_moves (part_id, ticket_id, delta, reason, at, who) values (?, ?, ?, 'use', ?, 'bench')");
  const callback = sqlite.prepare("insert into callbacks (ticket_id, due_on, done_at, reached, satisfaction, comments, who) values (?, ?, ?, ?, ?, ?, 'bench')");
  const complaint = sqlite.prepare(
    "insert into complaints (number, channel, content, customer_id, ticket_id, received_at, answer_due, answered_at, resolve_due, resolved_at, verdict, created_by, created_at, updated_at) values (?, 'phone', '上门太慢', ?, ?, ?, ?, ?, ?, ?, ?, 'bench', 0, 0)",
  );
  const components = ['compressor', 'main', 'accessories', null];
  let parts = 0;
  let callbacks = 0;
  let complaints = 0;
  sqlite.transaction(() => {
    const partIds: number[] = [];
    for (let i = 1; i <= 40; i++) partIds.push(Number(insertPart.run(`BP-${i}`, `备件${i}`, 1000 + i * 100, 2000 + i * 150, components[i % components.length]).lastInsertRowid));
    // Read whole before writing: one connection cannot write while it iterates (rows as arrays keep 1M small).
    const rows = sqlite.prepare("select id, customer_id, reported_at, resolved_at, warranty_in from tickets where status != 'cancelled'").raw().all() as [number, number, number, number | null, number][];
    for (const [id, customer_id, reported_at, resolved_at, warranty_in] of rows) {
      const t = { id, customer_id, reported_at, resolved_at, warranty_in };
      const r = rand();
      if (t.resolved_at !== null && r < 0.2) {
        const part = partIds[Math.floor(rand() * partIds.length)]!;
        fit.run(t.id, part, 1, 3000, 1500, t.warranty_in, null, iso(t.resolved_at), t.resolved_at);
        move.run(part, t.id, -1, t.resolved_at);
        parts += 1;
      }
      if (t.resolved_at !== null && r > 0.66) {
        const reached = rand() < 0.85 ? 1 : 0;
        callback.run(t.id, iso(t.resolved_at + 3 * DAY), t.resolved_at + 3 * DAY, reached, reached ? 1 + Math.floor(rand() * 5) : null, rand() < 0.1 ? '师傅很专业' : null);
        callbacks += 1;
      }
      if (r > 0.99) {
        complaints += 1;
        const received = t.reported_at + DAY;
        complaint.run(`TS-B${complaints}`, t.customer_id, t.id, received, received + 2 * 3_600_000, received + Math.floor(rand() * 5 * 3_600_000), received + 3 * DAY, received + Math.floor(rand() * 5 * DAY), pick(rand, ['satisfied', 'acceptable', 'dissatisfied']));
      }
    }
  })();
  sqlite.exec('analyze');
  return { seedMs: performance.now() - t0, parts, callbacks, complaints };
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

/** Each report for a month and a year, the screen's whole bundle, the Desk's warnings, and the pack. */
export async function benchReports(
  invoke: Invoke,
  db: Kysely<DB>,
  opts: { now: number; rand: () => number; stats: (samples: number[]) => string; time: (fn: () => Promise<unknown>) => Promise<number> },
): Promise<string[]> {
  const { now, rand, stats, time } = opts;
  // The report functions read only the database and the clock.
  const ctx = { db, now: () => new Date(now) } as unknown as ServiceContext;
  const year = new Date(now).getFullYear();
  const months = Array.from({ length: 12 }, () => {
    const y = year - 1 - Math.floor(rand() * 8);
    const mo = 1 + Math.floor(rand() * 12);
    const from = `${y}-${String(mo).padStart(2, '0')}-01`;
    const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    return { from, to: `${from.slice(0, 8)}${last}` };
  });
  const years = Array.from({ length: 6 }, () => {
    const y = year - 1 - Math.floor(rand() * 8);
    return { from: `${y}-01-01`, to: `${y}-12-31` };
  });
  const reports: [string, (b: ReturnType<typeof reportBounds>) => Promise<unknown>][] = [
    ['repairs', (b) => repairsReport(ctx, b)],
    ['service levels', (b) => serviceLevelReport(ctx, b)],
    ['satisfaction', (b) => satisfactionReport(ctx, b)],
    ['complaints', (b) => complaintsReport(ctx, b)],
    ['parts and stock', (b) => partsReport(ctx, b)],
    ['loaners', (b) => loanersReport(ctx, b)],
    ['money', (b) => moneyReport(ctx, b)],
    ['scheduled service', (b) => scheduledReport(ctx, b)],
    ['failure analysis', (b) => failureAnalysis(ctx, b)],
    ['early warnings', (b) => earlyWarnings(ctx, b)],
  ];
  // The month summary (migration 0350) is derived: summed whole once here, as after an upgrade,
  // by the start's background fill (a month a step, the desk served between steps).
  await sql`delete from report_months`.execute(db);
  await sql`insert or ignore into report_months_dirty (day) select reported_at / 86400000 from tickets union select resolved_at / 86400000 from tickets where resolved_at is not null`.execute(db);
  const steps: number[] = [];
  let stepStart = performance.now();
  const fillStart = performance.now();
  const summed = await fillReportMonths(ctx, () => {
    const now = performance.now();
    steps.push(now - stepStart);
    stepStart = now;
    return false;
  });
  // Each interval is a step and its pause (as long as the step, up to 250 ms): half is the step.
  const stepMs = steps.length > 1 ? steps.slice(1).map((ms) => ms / 2) : [0];
  const lines: string[] = [
    `report month summary filled in the background: ${summed} months in ${((performance.now() - fillStart) / 1000).toFixed(1)} s with its pauses; one month's step ≈ ${stats(stepMs)}`,
    'reports, each alone (target p95 ≤ 300 ms for a year):',
  ];
  for (const [name, run] of reports) {
    const month: number[] = [];
    const whole: number[] = [];
    for (const p of months) month.push(await time(() => run(reportBounds(ctx, p))));
    for (const p of years) whole.push(await time(() => run(reportBounds(ctx, p))));
    lines.push(`  ${name.padEnd(18)} month ${stats(month)} · year ${stats(whole)}`);
  }
  const bundleMonth: number[] = [];
  const bundleYear: number[] = [];
  for (const p of months.slice(0, 6)) bundleMonth.push(await time(() => invoke('reports:bundle', p)));
  for (const p of years.slice(0, 4)) bundleYear.push(await time(() => invoke('reports:bundle', p)));
  // A ticket written in the year just before it is read: its month is summed again first.
  const afterWrite: number[] = [];
  for (const p of years.slice(0, 4)) {
    const ticket = await db.selectFrom('tickets').select('id').where('reported_at', '>=', new Date(`${p.from}T00:00:00`).getTime()).orderBy('reported_at').limit(1).executeTakeFirst();
    if (ticket) await db.updateTable('tickets').set((eb) => ({ paid_fen: eb('paid_fen', '+', 1) })).where('id', '=', ticket.id).execute();
    afterWrite.push(await time(() => invoke('reports:bundle', p)));
  }
  const desk: number[] = [];
  for (let i = 0; i < 10; i++) desk.push(await time(() => invoke('reports:deskWarnings', {})));
  const pack: string[] = [];
  if (process.env.BENCH_REPORTS_PACK !== '0') {
    const samples: number[] = [];
    for (const p of months.slice(0, 4)) samples.push(await time(() => invoke('documents:reportPack', { ...p, language: 'zh-CN' })));
    pack.push(`documents:reportPack, a month (PDF, archived): ${stats(samples)}   (target ≤ 2 s)`);
  }
  return [
    ...lines,
    `reports:bundle, all reports of a month:        ${stats(bundleMonth)}`,
    `reports:bundle, all reports of a year:         ${stats(bundleYear)}`,
    `reports:bundle, a year after a ticket write:   ${stats(afterWrite)}`,
    `reports:deskWarnings (last 30 days):           ${stats(desk)}`,
    ...pack,
  ];
}
