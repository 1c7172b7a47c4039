import { sql } from 'kysely';
import { REPORT_ROW_LIMIT, type LateTicket, type Milestone, type PromiseTally, type RepairsReport, type ServiceLevelReport, type ServiceLevelRow, type Tally } from '../../../../shared/schemas/reports';
import type { FaultCategory, Severity, TicketStatus } from '../../../../shared/domain/ticket-status';
import type { ServiceContext } from '../../app/context';
import { filterTickets, type Bounds } from './period';
import { addCounts, overMonths, summaryRows, type MonthPart } from './summary';

/*
 * Repairs reported in the period: counts by status, fault category, model and lead technician,
 * and the repair log (维修记录). Cancelled tickets count under their status but are not failures,
 * so the category, model and technician counts leave them out.
 */

function inPeriod(ctx: ServiceContext, b: Bounds) {
  return filterTickets(ctx.db.selectFrom('tickets').where('tickets.reported_at', '>=', b.start).where('tickets.reported_at', '<', b.end), b.filter);
}

/** The four counts of the repairs report, by key. Labels are looked up once the counts are added. */
export interface RepairCounts {
  byStatus: Map<string, number>;
  byCategory: Map<string, number>;
  byModel: Map<string, number>;
  byTechnician: Map<string, number>;
}

const keyed = (rows: { key: string | number; count: number }[]) => new Map(rows.map((r) => [String(r.key), Number(r.count)]));

/** The counts read from the tickets: the reference the month summary is held to, and the path for a customer. */
export async function directRepairCounts(ctx: ServiceContext, b: Bounds): Promise<RepairCounts> {
  const [byStatus, byCategory, byModel, byTechnician] = await Promise.all([
    inPeriod(ctx, b).select(['tickets.status as key', sql<number>`count(*)`.as('count')]).groupBy('tickets.status').execute(),
    inPeriod(ctx, b).where('tickets.status', '!=', 'cancelled').select(['tickets.fault_category as key', sql<number>`count(*)`.as('count')]).groupBy('tickets.fault_category').execute(),
    // A unit or model removed since (or a unit never registered) still counts, under no name.
    inPeriod(ctx, b)
      .where('tickets.status', '!=', 'cancelled')
      .leftJoin('units as u', 'u.id', 'tickets.unit_id')
      .select([sql<string>`coalesce(u.model_id, 0)`.as('key'), sql<number>`count(*)`.as('count')])
      .groupBy(sql`coalesce(u.model_id, 0)`)
      .execute(),
    inPeriod(ctx, b)
      .where('tickets.status', '!=', 'cancelled')
      .leftJoin('ticket_technicians as tt', (j) => j.onRef('tt.ticket_id', '=', 'tickets.id').on('tt.lead', '=', 1))
      // A technician deleted from the list keeps their tickets under their id, without a name.
      .select([sql<string>`coalesce(tt.technician_id, 0)`.as('key'), sql<number>`count(*)`.as('count')])
      .groupBy(sql`coalesce(tt.technician_id, 0)`)
      .execute(),
  ]);
  return { byStatus: keyed(byStatus), byCategory: keyed(byCategory), byModel: keyed(byModel), byTechnician: keyed(byTechnician) };
}

/** The same counts over whole months from the summary. */
async function summedRepairCounts(ctx: ServiceContext, b: Bounds, part: MonthPart): Promise<RepairCounts> {
  const rows = (kind: 'status' | 'category' | 'technician', key: 'k1' | 'model') =>
    summaryRows(ctx, kind, part.months, b.filter)
      // A ticket without a unit (0) and one whose unit is gone (-1) both count under no model.
      .select([key === 'k1' ? sql<string>`k1`.as('key') : sql<string>`case when model_id > 0 then model_id else 0 end`.as('key'), sql<number>`sum(n)`.as('count')])
      .groupBy('key')
      .execute();
  const [byStatus, byCategory, byModel, byTechnician] = await Promise.all([rows('status', 'k1'), rows('category', 'k1'), rows('category', 'model'), rows('technician', 'k1')]);
  return { byStatus: keyed(byStatus), byCategory: keyed(byCategory), byModel: keyed(byModel), byTechnician: keyed(byTechnician) };
}

const addRepairCounts = (x: RepairCounts, y: RepairCounts): RepairCounts => ({
  byStatus: addCounts(x.byStatus, y.byStatus),
  byCategory: addCounts(x.byCategory, y.byCategory),
  byModel: addCounts(x.byModel, y.byModel),
  byTechnician: addCounts(x.byTechnician, y.byTechnician),
});

export async function repairsReport(ctx: ServiceContext, b: Bounds): Promise<RepairsReport> {
  // The log's first tickets in two steps: their ids alone, read in order from tickets_reported up to
  // the limit, then their rows. In one query with the joins, SQLite chose to sort the whole year
  // (0.7 s on the bench database) even with a literal limit.
  const first = (await inPeriod(ctx, b).select('tickets.id').orderBy('tickets.reported_at').orderBy('tickets.id').limit(sql.lit(REPORT_ROW_LIMIT)).execute()).map((r) => r.id);
  const [counts, log] = await Promise.all([
    overMonths(ctx, b, (p) => directRepairCounts(ctx, p), (part) => summedRepairCounts(ctx, b, part), addRepairCounts),
    ctx.db
      .selectFrom('tickets')
      .where('tickets.id', 'in', first.length ? first : [0])
      .innerJoin('customers as c', 'c.id', 'tickets.customer_id')
      .leftJoin('units as u', 'u.id', 'tickets.unit_id')
      .leftJoin('product_models as m', 'm.id', 'u.model_id')
      .select([
        'tickets.id',
        'tickets.number',
        'tickets.reported_at',
        'tickets.status',
        'tickets.fault_category',
        'tickets.action',
        'tickets.warranty_in',
        'tickets.unregistered_unit',
        'c.name as customer_name',
        'u.serial',
        sql<string | null>`trim(m.brand || ' ' || m.model)`.as('unit_label'),
        sql<string | null>`(select group_concat(x.name, '、') from ticket_technicians tt join technicians x on x.id = tt.technician_id where tt.ticket_id = tickets.id)`.as('technicians'),
      ])
      .orderBy('tickets.reported_at')
      .orderBy('tickets.id')
      .execute(),
  ]);
  const ids = (m: Map<string, number>) => [...m.keys()].map(Number).filter((n) => n > 0).concat(0);
  const [models, technicians] = await Promise.all([
    ctx.db.selectFrom('product_models').select(['id', sql<string>`trim(brand || ' ' || model)`.as('name')]).where('id', 'in', ids(counts.byModel)).execute(),
    ctx.db.selectFrom('technicians').select(['id', 'name']).where('id', 'in', ids(counts.byTechnician)).execute(),
  ]);
  const labels = (rows: { id: number; name: string }[]) => new Map(rows.map((r) => [String(r.id), r.name]));
  const tally = (m: Map<string, number>, names?: Map<string, string>): Tally[] =>
    [...m]
      .filter(([, count]) => count > 0)
      .map(([key, count]) => ({ key, label: names?.get(key) ?? null, count }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const byStatus = tally(counts.byStatus);
  return {
    total: byStatus.reduce((n, r) => n + r.count, 0),
    byStatus,
    byCategory: tally(counts.byCategory),
    byModel: tally(counts.byModel, labels(models)),
    byTechnician: tally(counts.byTechnician, labels(technicians)),
    log: log.map((r) => ({
      ticketId: r.id,
      number: r.number,
      reportedAt: r.reported_at,
      status: r.status as TicketStatus,
      customerName: r.customer_name,
      unitLabel: r.unit_label ?? unregisteredLabel(r.unregistered_unit),
      serial: r.serial,
      faultCategory: r.fault_category as FaultCategory,
      technician: r.technicians,
      action: r.action,
      inWarranty: r.warranty_in === 1,
    })),
  };
}

/** A unit the caller described but nobody registered: its brand and model as typed (stored as JSON). */
function unregisteredLabel(stored: string | null): string | null {
  if (!stored) return null;
  try {
    const u = JSON.parse(stored) as { brand?: string; model?: string };
    return `${u.brand ?? ''} ${u.model ?? ''}`.trim() || null;
  } catch {
    return stored;
  }
}

/**
 * Service levels: each promise of each ticket judged as the desk judges it (`deadlineViews`):
 * kept when done by its time, late when done after it or still not done once it passed (at the
 * period's end, or now), open otherwise. A cancelled ticket stops its clock when cancelled; a
 * ticket solved on the phone promised no arrival. The judging is written in SQL so a year of
 * tickets is counted by the database, not carried into JavaScript.
 */
/** Service-level counts by region and severity (`region\u0000severity`), each with the tickets late on any promise. */
type LevelGroups = Map<string, { tickets: number; lateTickets: number; answer: PromiseTally; arrival: PromiseTally; fix: PromiseTally }>;

function judgedTickets(ctx: ServiceContext, b: Bounds, range: { start: number; end: number }, unsettledOnly: boolean) {
  const asOf = sql.lit(b.asOf);
  const verdict = (done: string, due: string, skip?: ReturnType<typeof sql>) => {
    const stoppedAt = sql`min(coalesce(tickets.cancelled_at, ${asOf}), ${asOf})`;
    return sql<string>`case when ${skip ?? sql`0`} then 'none' when ${sql.ref(done)} is not null then (case when ${sql.ref(done)} <= ${sql.ref(due)} then 'kept' else 'late' end) when ${stoppedAt} > ${sql.ref(due)} then 'late' else 'open' end`;
  };
  let q = filterTickets(ctx.db.selectFrom('tickets').where('tickets.reported_at', '>=', range.start).where('tickets.reported_at', '<', range.end), b.filter)
    // A cancelled ticket before anyone answered it promised nothing worth judging.
    .where((eb) => eb.or([eb('tickets.status', '!=', 'cancelled'), eb('tickets.answered_at', 'is not', null)]));
  // Written as the partial index tickets_unsettled is, so the few unsettled tickets of a year are found by it.
  if (unsettledOnly) q = q.where(sql<boolean>`(answered_at is null or resolved_at is null or (arrived_at is null and solved_by_phone = 0))`);
  return ctx.db.selectFrom(
    q
      .select([
        'tickets.id',
        'tickets.number',
        'tickets.reported_at',
        'tickets.customer_id',
        'tickets.region',
        'tickets.severity',
        verdict('tickets.answered_at', 'tickets.answer_due').as('answer'),
        verdict('tickets.arrived_at', 'tickets.arrival_due', sql`tickets.solved_by_phone = 1`).as('arrival'),
        verdict('tickets.resolved_at', 'tickets.fix_due').as('fix'),
      ])
      .as('j'),
  );
}

async function judgedGroups(ctx: ServiceContext, b: Bounds, range: { start: number; end: number }, unsettledOnly: boolean): Promise<LevelGroups> {
  const rows = await judgedTickets(ctx, b, range, unsettledOnly)
    .select([
      'j.region',
      'j.severity',
      sql<number>`count(*)`.as('tickets'),
      // Tickets late on any promise, counted in the same pass as the groups.
      sql<number>`sum(j.answer = 'late' or j.arrival = 'late' or j.fix = 'late')`.as('late_tickets'),
      ...(['answer', 'arrival', 'fix'] as const).flatMap((m) => (['kept', 'late', 'open'] as const).map((s) => sql<number>`sum(${sql.ref(`j.${m}`)} = ${s})`.as(`${m}_${s}`))),
    ])
    .groupBy(['j.region', 'j.severity'])
    .execute();
  return new Map(
    rows.map((g) => {
      const row = g as unknown as Record<string, number | string>;
      const of = (m: Milestone): PromiseTally => ({ kept: Number(row[`${m}_kept`] ?? 0), late: Number(row[`${m}_late`] ?? 0), open: Number(row[`${m}_open`] ?? 0) });
      return [`${g.region}\u0000${g.severity}`, { tickets: Number(g.tickets), lateTickets: Number(g.late_tickets ?? 0), answer: of('answer'), arrival: of('arrival'), fix: of('fix') }];
    }),
  );
}

/** Whole months: the settled tickets from the summary, the unsettled ones judged now. */
async function summedGroups(ctx: ServiceContext, b: Bounds, part: MonthPart): Promise<LevelGroups> {
  const [rows, unsettled] = await Promise.all([
    summaryRows(ctx, 'service', part.months, b.filter)
      .select([
        'k1 as region',
        'k2 as severity',
        sql<number>`sum(n)`.as('tickets'),
        sql<number>`sum(late)`.as('late'),
        ...(['answer', 'arrival', 'fix'] as const).flatMap((m) => (['kept', 'late'] as const).map((s) => sql<number>`sum(${sql.ref(`${m}_${s}`)})`.as(`${m}_${s}`))),
      ])
      .groupBy(['k1', 'k2'])
      .execute(),
    judgedGroups(ctx, b, part, true),
  ]);
  const settled: LevelGroups = new Map(
    rows.map((g) => {
      const row = g as unknown as Record<string, number>;
      const of = (m: Milestone): PromiseTally => ({ kept: Number(row[`${m}_kept`]), late: Number(row[`${m}_late`]), open: 0 });
      return [`${g.region}\u0000${g.severity}`, { tickets: Number(g.tickets), lateTickets: Number(g.late), answer: of('answer'), arrival: of('arrival'), fix: of('fix') }];
    }),
  );
  return addGroups(settled, unsettled);
}

function addGroups(x: LevelGroups, y: LevelGroups): LevelGroups {
  const out: LevelGroups = new Map(x);
  const plus = (p: PromiseTally, q: PromiseTally): PromiseTally => ({ kept: p.kept + q.kept, late: p.late + q.late, open: p.open + q.open });
  for (const [k, g] of y) {
    const h = out.get(k);
    out.set(k, h ? { tickets: h.tickets + g.tickets, lateTickets: h.lateTickets + g.lateTickets, answer: plus(h.answer, g.answer), arrival: plus(h.arrival, g.arrival), fix: plus(h.fix, g.fix) } : g);
  }
  return out;
}

/** The service-level groups read from the tickets alone: the reference for the summary. */
export const directLevelGroups = (ctx: ServiceContext, b: Bounds) => judgedGroups(ctx, b, b, false);

export async function serviceLevelReport(ctx: ServiceContext, b: Bounds): Promise<ServiceLevelReport> {
  const [groups, late] = await Promise.all([
    overMonths(ctx, b, (p) => directLevelGroups(ctx, p), (part) => summedGroups(ctx, b, part), addGroups),
    // Ordered by the subquery's own columns, so SQLite walks tickets_reported and stops at the limit.
    judgedTickets(ctx, b, b, false)
      .innerJoin('customers as c', 'c.id', 'j.customer_id')
      .select(['j.id', 'j.number', 'j.reported_at', 'j.region', 'j.severity', 'c.name', 'j.answer', 'j.arrival', 'j.fix'])
      .where((eb) => eb.or([eb('j.answer', '=', 'late'), eb('j.arrival', '=', 'late'), eb('j.fix', '=', 'late')]))
      .orderBy('j.reported_at')
      .orderBy('j.id')
      .limit(sql.lit(REPORT_ROW_LIMIT))
      .execute(),
  ]);
  const zero = (): PromiseTally => ({ kept: 0, late: 0, open: 0 });
  const totals = { answer: zero(), arrival: zero(), fix: zero() };
  let lateCount = 0;
  const rows: ServiceLevelRow[] = [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, g]) => {
      const [region, severity] = key.split('\u0000') as [string, Severity];
      lateCount += g.lateTickets;
      for (const m of ['answer', 'arrival', 'fix'] as const) {
        totals[m].kept += g[m].kept;
        totals[m].late += g[m].late;
        totals[m].open += g[m].open;
      }
      return { region, severity, tickets: g.tickets, answer: g.answer, arrival: g.arrival, fix: g.fix };
    });
  const lateRows: LateTicket[] = late.map((r) => ({
    ticketId: r.id,
    number: r.number,
    reportedAt: r.reported_at,
    region: r.region,
    severity: r.severity as Severity,
    customerName: r.name,
    late: (['answer', 'arrival', 'fix'] as const).filter((m) => r[m] === 'late'),
  }));
  return { rows, totals, late: lateRows, lateCount };
}
