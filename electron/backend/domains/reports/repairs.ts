import { sql } from 'kysely';
import { REPORT_ROW_LIMIT, type LateTicket, type Milestone, type PromiseTally, type RepairsReport, type ServiceLevelReport, type ServiceLevelRow, type Tally } from '../../../../shared/schemas/reports';
import type { FaultCategory, Severity, TicketStatus } from '../../../../shared/domain/ticket-status';
import type { ServiceContext } from '../../app/context';
import { filterTickets, type Bounds } from './period';

/*
 * Repairs reported in the period: counts by status, fault category, model and lead technician,
 * and the repair log (维修记录). Cancelled tickets count under their status but are not failures,
 * so the category, model and technician counts leave them out.
 */

function inPeriod(ctx: ServiceContext, b: Bounds) {
  return filterTickets(ctx.db.selectFrom('tickets').where('tickets.reported_at', '>=', b.start).where('tickets.reported_at', '<', b.end), b.filter);
}

export async function repairsReport(ctx: ServiceContext, b: Bounds): Promise<RepairsReport> {
  const [byStatus, byCategory, byModel, byTechnician, log] = await Promise.all([
    inPeriod(ctx, b).select(['tickets.status as key', sql<number>`count(*)`.as('count')]).groupBy('tickets.status').execute(),
    inPeriod(ctx, b).where('tickets.status', '!=', 'cancelled').select(['tickets.fault_category as key', sql<number>`count(*)`.as('count')]).groupBy('tickets.fault_category').execute(),
    // A unit or model removed since (or a unit never registered) still counts, under no name.
    inPeriod(ctx, b)
      .where('tickets.status', '!=', 'cancelled')
      .leftJoin('units as u', 'u.id', 'tickets.unit_id')
      .leftJoin('product_models as m', 'm.id', 'u.model_id')
      .select([sql<string>`coalesce(u.model_id, 0)`.as('key'), sql<string | null>`max(trim(m.brand || ' ' || m.model))`.as('label'), sql<number>`count(*)`.as('count')])
      .groupBy(sql`coalesce(u.model_id, 0)`)
      .execute(),
    inPeriod(ctx, b)
      .where('tickets.status', '!=', 'cancelled')
      .leftJoin('ticket_technicians as tt', (j) => j.onRef('tt.ticket_id', '=', 'tickets.id').on('tt.lead', '=', 1))
      .leftJoin('technicians as x', 'x.id', 'tt.technician_id')
      // A technician deleted from the list keeps their tickets under their id, without a name.
      .select([sql<string>`coalesce(tt.technician_id, 0)`.as('key'), sql<string | null>`max(x.name)`.as('label'), sql<number>`count(*)`.as('count')])
      .groupBy(sql`coalesce(tt.technician_id, 0)`)
      .execute(),
    inPeriod(ctx, b)
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
      .limit(REPORT_ROW_LIMIT)
      .execute(),
  ]);
  const tally = (rows: { key: string | number; label?: string | null; count: number }[]): Tally[] =>
    rows.map((r) => ({ key: String(r.key), label: r.label ?? null, count: Number(r.count) })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return {
    total: byStatus.reduce((n, r) => n + Number(r.count), 0),
    byStatus: tally(byStatus),
    byCategory: tally(byCategory),
    byModel: tally(byModel),
    byTechnician: tally(byTechnician),
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
export async function serviceLevelReport(ctx: ServiceContext, b: Bounds): Promise<ServiceLevelReport> {
  const asOf = sql.lit(b.asOf);
  const verdict = (done: string, due: string, skip?: ReturnType<typeof sql>) => {
    const stoppedAt = sql`min(coalesce(tickets.cancelled_at, ${asOf}), ${asOf})`;
    return sql<string>`case when ${skip ?? sql`0`} then 'none' when ${sql.ref(done)} is not null then (case when ${sql.ref(done)} <= ${sql.ref(due)} then 'kept' else 'late' end) when ${stoppedAt} > ${sql.ref(due)} then 'late' else 'open' end`;
  };
  const judged = ctx.db
    .selectFrom(
      filterTickets(ctx.db.selectFrom('tickets').where('tickets.reported_at', '>=', b.start).where('tickets.reported_at', '<', b.end), b.filter)
        // A cancelled ticket before anyone answered it promised nothing worth judging.
        .where((eb) => eb.or([eb('tickets.status', '!=', 'cancelled'), eb('tickets.answered_at', 'is not', null)]))
        .select([
          'tickets.id',
          'tickets.region',
          'tickets.severity',
          verdict('tickets.answered_at', 'tickets.answer_due').as('answer'),
          verdict('tickets.arrived_at', 'tickets.arrival_due', sql`tickets.solved_by_phone = 1`).as('arrival'),
          verdict('tickets.resolved_at', 'tickets.fix_due').as('fix'),
        ])
        .as('j'),
    );
  const [groups, late] = await Promise.all([
    judged
      .select([
        'j.region',
        'j.severity',
        sql<number>`count(*)`.as('tickets'),
        // Tickets late on any promise, counted in the same pass as the groups.
        sql<number>`sum(j.answer = 'late' or j.arrival = 'late' or j.fix = 'late')`.as('late_tickets'),
        ...(['answer', 'arrival', 'fix'] as const).flatMap((m) =>
          (['kept', 'late', 'open'] as const).map((s) => sql<number>`sum(${sql.ref(`j.${m}`)} = ${s})`.as(`${m}_${s}`)),
        ),
      ])
      .groupBy(['j.region', 'j.severity'])
      .orderBy('j.region')
      .orderBy('j.severity')
      .execute(),
    judged
      .innerJoin('tickets as t', 't.id', 'j.id')
      .innerJoin('customers as c', 'c.id', 't.customer_id')
      .select(['t.id', 't.number', 't.reported_at', 'j.region', 'j.severity', 'c.name', 'j.answer', 'j.arrival', 'j.fix'])
      .where((eb) => eb.or([eb('j.answer', '=', 'late'), eb('j.arrival', '=', 'late'), eb('j.fix', '=', 'late')]))
      .orderBy('t.reported_at')
      .orderBy('t.id')
      .limit(REPORT_ROW_LIMIT)
      .execute(),
  ]);
  const lateCount = groups.reduce((n, g) => n + Number(g.late_tickets ?? 0), 0);
  const zero = (): PromiseTally => ({ kept: 0, late: 0, open: 0 });
  const totals = { answer: zero(), arrival: zero(), fix: zero() };
  const rows: ServiceLevelRow[] = groups.map((g) => {
    const row = g as unknown as Record<string, number | string>;
    const of = (m: Milestone): PromiseTally => {
      const t = { kept: Number(row[`${m}_kept`] ?? 0), late: Number(row[`${m}_late`] ?? 0), open: Number(row[`${m}_open`] ?? 0) };
      totals[m].kept += t.kept;
      totals[m].late += t.late;
      totals[m].open += t.open;
      return t;
    };
    return { region: g.region, severity: g.severity as Severity, tickets: Number(g.tickets), answer: of('answer'), arrival: of('arrival'), fix: of('fix') };
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
