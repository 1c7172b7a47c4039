import { sql, type SelectQueryBuilder } from 'kysely';
import { setTimeout as pause } from 'node:timers/promises';
import { addDays, addMonths, localDay, localMoment } from '../../../../shared/domain/dates';
import type { ReportFilter } from '../../../../shared/schemas/reports';
import type { ServiceContext } from '../../app/context';
import type { Db, DB } from '../../db/schema';
import { storageError } from '../../platform/storage-errors';
import type { Bounds } from './period';

/*
 * The month summary (migration 0350): what the repairs, service-level, money and failure reports
 * count, summed per local month and product model in `report_months`. Triggers mark the days whose
 * tickets changed in `report_months_dirty` within the writing statement; before a report reads
 * months, the dirty ones among them are summed again from the tickets here, in one transaction.
 * So a month is never read stale, whatever wrote the ticket.
 *
 * A period is cut into whole months, read from the summary, and the days before the first and after
 * the last whole month, counted from the tickets by the report's own direct query (which is also
 * the reference the tests hold the summary to). A report for one customer reads the tickets
 * directly: the summary is not kept per customer.
 */

const DAY = 86_400_000;
type Month = string;

export interface MonthSplit {
  /** The whole local months inside the period, in order (`YYYY-MM`). */
  months: Month[];
  /** The parts of the period outside those months, as `[start, end)` ms. */
  edges: { start: number; end: number }[];
}

const firstOf = (month: Month) => `${month}-01`;
const nextMonth = (month: Month) => addMonths(firstOf(month), 1).slice(0, 7);

export function splitByMonth(b: Bounds): MonthSplit {
  const first = b.from.endsWith('-01') ? b.from.slice(0, 7) : nextMonth(b.from.slice(0, 7));
  const afterTo = addDays(b.to, 1);
  // The month before the one `to + 1` falls in ends on or before `to`.
  const last = addMonths(`${afterTo.slice(0, 7)}-01`, -1).slice(0, 7);
  if (first > last) return { months: [], edges: [{ start: b.start, end: b.end }] };
  const months: Month[] = [];
  for (let m = first; m <= last; m = nextMonth(m)) months.push(m);
  const wholeStart = localMoment(firstOf(first));
  const wholeEnd = localMoment(firstOf(nextMonth(last)));
  const edges = [
    { start: b.start, end: wholeStart },
    { start: wholeEnd, end: b.end },
  ].filter((e) => e.end > e.start);
  return { months, edges };
}

/** The months a dirty UTC day touches in the desk's zone (two when a local month begins inside it). */
function monthsOfDay(day: number): Month[] {
  const a = localDay(day * DAY).slice(0, 7);
  const b = localDay(day * DAY + DAY - 1).slice(0, 7);
  return a === b ? [a] : [a, b];
}

/**
 * Sums again the dirty months among `months` (all dirty months when null), then forgets the days
 * that lay only in months summed now. The dirty set is read again inside the transaction, so a
 * write that lands between the first look and the summing is summed too, or stays marked.
 */
export async function refreshMonths(ctx: ServiceContext, months: Month[] | null): Promise<number> {
  const wanted = months && new Set(months);
  const pick = (days: number[]) => {
    const set = new Set<Month>();
    for (const d of days) for (const m of monthsOfDay(d)) if (!wanted || wanted.has(m)) set.add(m);
    return set;
  };
  const quick = await ctx.db.selectFrom('report_months_dirty').select('day').execute();
  if (pick(quick.map((r) => r.day)).size === 0) return 0;
  return ctx.db.transaction().execute(async (trx) => {
    const days = (await trx.selectFrom('report_months_dirty').select('day').execute()).map((r) => r.day);
    const summing = pick(days);
    for (const month of summing) await sumMonth(trx, month);
    const done = days.filter((d) => monthsOfDay(d).every((m) => summing.has(m)));
    for (let i = 0; i < done.length; i += 500) await trx.deleteFrom('report_months_dirty').where('day', 'in', done.slice(i, i + 500)).execute();
    return summing.size;
  });
}

/**
 * Sums the dirty months in the background, newest first (the months the owner reads most), one
 * month per step with the desk's requests served between steps (see the pause below): after an upgrade (0350 marks
 * every day dirty), an import or a restore, the first long report then finds its months summed.
 * A report that comes first sums what it needs itself, as always, so nothing is read stale
 * meanwhile. Stops between two steps when `stopped` says so; the rest is summed at the next
 * start or by the reports that read it. Answers how many months it summed.
 */
export async function fillReportMonths(ctx: ServiceContext, stopped: () => boolean): Promise<number> {
  let summed = 0;
  while (!stopped()) {
    const newest = await ctx.db.selectFrom('report_months_dirty').select('day').orderBy('day', 'desc').limit(1).executeTakeFirst();
    if (!newest) break;
    const started = Date.now();
    summed += await refreshMonths(ctx, monthsOfDay(newest.day));
    // A month is one synchronous step (tens of ms, ~0.1–0.25 s on ten years of a busy desk): the
    // desk gets the thread for at least as long again before the next, so requests mostly find
    // it free and wait one step at worst.
    await pause(Math.min(Math.max(Date.now() - started, 1), 250));
  }
  return summed;
}

/**
 * Brings `months` of the summary up to date before they are read: true when they are. False when
 * the database refuses the write (opened read-only, a full disk, a file held by another program):
 * the report then counts from the tickets, as the summary would have, and writes nothing.
 */
async function summaryReady(ctx: ServiceContext, months: Month[]): Promise<boolean> {
  try {
    await refreshMonths(ctx, months);
    return true;
  } catch (error) {
    if (!storageError(error)) throw error;
    ctx.logger.warn('reports: the month summary could not be brought up to date; counted from the tickets instead', (error as Error).message);
    return false;
  }
}

/** Throws the summary away and sums every month that holds a ticket again: the summary is derived data. */
export async function rebuildReportMonths(ctx: ServiceContext): Promise<number> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('report_months').execute();
    await sql`insert or ignore into report_months_dirty (day) select reported_at / 86400000 from tickets union select resolved_at / 86400000 from tickets where resolved_at is not null`.execute(trx);
  });
  return refreshMonths(ctx, null);
}

/** The longest repeat window the rules allow (report_settings checks 1–365 days). */
export const REPEAT_WINDOW_MAX_MS = 365 * DAY;

/** The product model a ticket counts under: 0 with no unit, -1 when its unit is gone, else the unit's model. */
const MODEL = sql`case when t.unit_id is null then 0 else coalesce(u.model_id, -1) end`;
/** Every promise of the ticket kept or broken already: its verdicts no longer depend on when they are judged. */
export const SETTLED = sql`t.answered_at is not null and t.resolved_at is not null and (t.arrived_at is not null or t.solved_by_phone = 1)`;

/** One month summed from the tickets, replacing what was there. Each statement mirrors a report's direct query. */
async function sumMonth(db: Db, month: Month): Promise<void> {
  const s = localMoment(firstOf(month));
  const e = localMoment(firstOf(nextMonth(month)));
  const reported = sql`from tickets t left join units u on u.id = t.unit_id where t.reported_at >= ${s} and t.reported_at < ${e}`;
  const statements = [
    sql`delete from report_months where kind in ('status', 'category', 'technician', 'component', 'service', 'money', 'repeat') and month = ${month}`,
    sql`insert into report_months (month, kind, k1, model_id, n) select ${month}, 'status', t.status, ${MODEL}, count(*) ${reported} group by 3, 4`,
    sql`insert into report_months (month, kind, k1, model_id, n) select ${month}, 'category', t.fault_category, ${MODEL}, count(*) ${reported} and t.status != 'cancelled' group by 3, 4`,
    sql`insert into report_months (month, kind, k1, model_id, n)
      select ${month}, 'technician', cast(coalesce(tt.technician_id, 0) as text), ${MODEL}, count(*)
      from tickets t left join units u on u.id = t.unit_id left join ticket_technicians tt on tt.ticket_id = t.id and tt.lead = 1
      where t.reported_at >= ${s} and t.reported_at < ${e} and t.status != 'cancelled' group by 3, 4`,
    // A component failed on a ticket when a part of it was fitted there: once per ticket and component.
    sql`insert into report_months (month, kind, k1, model_id, n)
      select ${month}, 'component', coalesce(tp.component_key, pt.component_key, 'other'), ${MODEL}, count(distinct t.id)
      from tickets t left join units u on u.id = t.unit_id join ticket_parts tp on tp.ticket_id = t.id join parts pt on pt.id = tp.part_id
      where t.reported_at >= ${s} and t.reported_at < ${e} and t.status != 'cancelled' and t.unit_id is not null group by 3, 4`,
    // Only settled tickets: the others are judged when a report reads them (see serviceLevelReport).
    sql`insert into report_months (month, kind, k1, k2, model_id, n, late, answer_kept, answer_late, arrival_kept, arrival_late, fix_kept, fix_late)
      select ${month}, 'service', t.region, t.severity, ${MODEL}, count(*),
        sum(t.answered_at > t.answer_due or (t.solved_by_phone = 0 and t.arrived_at > t.arrival_due) or t.resolved_at > t.fix_due),
        sum(t.answered_at <= t.answer_due), sum(t.answered_at > t.answer_due),
        sum(t.solved_by_phone = 0 and t.arrived_at <= t.arrival_due), sum(t.solved_by_phone = 0 and t.arrived_at > t.arrival_due),
        sum(t.resolved_at <= t.fix_due), sum(t.resolved_at > t.fix_due)
      ${reported} and (t.status != 'cancelled' or t.answered_at is not null) and ${SETTLED} group by 3, 4, 5`,
    // Each failure's latest earlier fix of the same fault on its unit, within the longest window the
    // rules allow (365 days); the report keeps those within its window. n is the time between, in ms.
    sql`insert into report_months (month, kind, k1, k2, model_id, n)
      select ${month}, 'repeat', cast(t.id as text), cast(e.id as text), ${MODEL}, t.reported_at - max(e.resolved_at)
      from tickets t left join units u on u.id = t.unit_id
      join tickets e on e.unit_id = t.unit_id and e.fault_category = t.fault_category and e.id != t.id
        and e.resolved_at between t.reported_at - ${REPEAT_WINDOW_MAX_MS} and t.reported_at
      where t.reported_at >= ${s} and t.reported_at < ${e} and t.status != 'cancelled' and t.unit_id is not null and e.status != 'cancelled'
      group by t.id`,
    // Money counts repairs by the month they were resolved in.
    sql`insert into report_months (month, kind, k1, model_id, n, revenue_fen, parts_fen, labour_fen)
      select ${month}, 'money', case when t.warranty_in = 1 then 'warranty' else 'paid' end, ${MODEL}, count(*),
        coalesce(sum(case when t.warranty_in = 1 then 0 else t.paid_fen end), 0),
        coalesce(sum(case when t.warranty_in = 1
          then (select sum(tp.quantity * tp.cost_fen) from ticket_parts tp where tp.ticket_id = t.id)
          else (select sum(tp.quantity * tp.cost_fen) from ticket_parts tp where tp.ticket_id = t.id and tp.in_warranty = 1) end), 0),
        coalesce(sum(case when t.warranty_in = 1 then (select sum(tl.quantity * tl.amount_fen) from ticket_labour tl where tl.ticket_id = t.id) end), 0)
      from tickets t left join units u on u.id = t.unit_id
      where t.resolved_at >= ${s} and t.resolved_at < ${e} and t.status != 'cancelled' group by 3, 4`,
  ];
  for (const statement of statements) await statement.execute(db);
}

/** The summary rows of one kind over whole months, for the filter's models when it names some. */
export function summaryRows(ctx: ServiceContext, kind: DB['report_months']['kind'], months: Month[], filter: ReportFilter): SelectQueryBuilder<DB, 'report_months', object> {
  let q = ctx.db.selectFrom('report_months').where('kind', '=', kind).where('month', '>=', months[0]!).where('month', '<=', months[months.length - 1]!);
  // No model has id -2: an empty list of models matches nothing, as it does on the tickets.
  if (filter.modelIds !== null) q = q.where('model_id', 'in', filter.modelIds.length ? filter.modelIds : [-2]);
  return q;
}

/** The whole-month half of a period, and the moment its whole months start and end. */
export interface MonthPart {
  months: Month[];
  start: number;
  end: number;
}

/**
 * A report's figures over a period: whole months from the summary (summed again first where dirty)
 * and the days outside them from the direct query, added together. A customer's report, and a
 * period without a whole month, reads the tickets directly.
 */
export async function overMonths<T>(ctx: ServiceContext, b: Bounds, direct: (b: Bounds) => Promise<T>, summed: (part: MonthPart) => Promise<T>, add: (x: T, y: T) => T): Promise<T> {
  if (b.filter.customerId !== null || b.direct) return direct(b);
  const split = splitByMonth(b);
  if (split.months.length === 0) return direct(b);
  if (!(await summaryReady(ctx, split.months))) return direct(b);
  const part = { months: split.months, start: localMoment(firstOf(split.months[0]!)), end: localMoment(firstOf(nextMonth(split.months[split.months.length - 1]!))) };
  const pieces: T[] = await Promise.all([summed(part), ...split.edges.map((e) => direct({ ...b, start: e.start, end: e.end }))]);
  return pieces.reduce(add);
}

/** Adds counts by key. */
export function addCounts(x: Map<string, number>, y: Map<string, number>): Map<string, number> {
  const out = new Map(x);
  for (const [k, v] of y) out.set(k, (out.get(k) ?? 0) + v);
  return out;
}
