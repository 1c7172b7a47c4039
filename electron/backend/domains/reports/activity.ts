import { sql } from 'kysely';
import { localDay } from '../../../../shared/domain/dates';
import { REPORT_ROW_LIMIT, type ComplaintsReport, type LoanersReport, type MoneyReport, type PartsReport, type SatisfactionReport, type ScheduledReport } from '../../../../shared/schemas/reports';
import type { ServiceContext } from '../../app/context';
import { filterTickets, median, ratioX100, ticketFilterExists, type Bounds } from './period';
import { overMonths, summaryRows, type MonthPart } from './summary';

/*
 * The reports beside the repairs: callbacks and complaints, parts and stock, loaners, money and
 * scheduled service. Each counts what happened in the period (a callback made, a part fitted, a
 * visit due) and takes the same filter as the tickets, through the ticket or customer it hangs on.
 */

/** Callbacks made in the period: reached or not, the scores, the customers' words. */
export async function satisfactionReport(ctx: ServiceContext, b: Bounds): Promise<SatisfactionReport> {
  const made = ctx.db
    .selectFrom('callbacks as cb')
    .where('cb.done_at', '>=', b.start)
    .where('cb.done_at', '<', b.end)
    .where(ticketFilterExists(ctx.db, b.filter, 'cb.ticket_id'));
  const [totals, scores, comments] = await Promise.all([
    made
      .select([sql<number>`count(*)`.as('n'), sql<number>`coalesce(sum(cb.reached = 1), 0)`.as('reached'), sql<number>`coalesce(sum(cb.satisfaction), 0)`.as('scoreSum'), sql<number>`count(cb.satisfaction)`.as('scored')])
      .executeTakeFirstOrThrow(),
    made.where('cb.satisfaction', 'is not', null).select(['cb.satisfaction as score', sql<number>`count(*)`.as('count')]).groupBy('cb.satisfaction').execute(),
    made
      .innerJoin('tickets as t', 't.id', 'cb.ticket_id')
      .where('cb.comments', 'is not', null)
      .where(sql<boolean>`trim(cb.comments) != ''`)
      .select(['t.id', 't.number', 'cb.done_at', 'cb.satisfaction', 'cb.comments'])
      .orderBy('cb.done_at')
      .limit(sql.lit(REPORT_ROW_LIMIT))
      .execute(),
  ]);
  const n = Number(totals.n);
  const reached = Number(totals.reached);
  const byScore = new Map(scores.map((s) => [Number(s.score), Number(s.count)]));
  return {
    callbacks: n,
    reached,
    unreached: n - reached,
    scores: [1, 2, 3, 4, 5].map((score) => ({ score, count: byScore.get(score) ?? 0 })),
    averageX100: ratioX100(Number(totals.scoreSum), Number(totals.scored)),
    comments: comments.map((c) => ({ ticketId: c.id, number: c.number, doneAt: c.done_at!, score: c.satisfaction, comments: c.comments! })),
  };
}

/** Complaints received in the period: answered and resolved within their deadlines, the verdicts. */
export async function complaintsReport(ctx: ServiceContext, b: Bounds): Promise<ComplaintsReport> {
  let q = ctx.db.selectFrom('complaints as k').where('k.received_at', '>=', b.start).where('k.received_at', '<', b.end);
  if (b.filter.customerId !== null) q = q.where('k.customer_id', '=', b.filter.customerId);
  if (b.filter.modelIds !== null) q = q.where('k.ticket_id', 'is not', null).where(ticketFilterExists(ctx.db, b.filter, 'k.ticket_id'));
  const rows = await q.select(['k.received_at', 'k.answer_due', 'k.answered_at', 'k.resolve_due', 'k.resolved_at', 'k.closed_at', 'k.verdict']).execute();
  const answered = rows.filter((r) => r.answered_at !== null);
  const resolved = rows.filter((r) => r.resolved_at !== null);
  const verdicts = new Map<string, number>();
  for (const r of rows) if (r.verdict) verdicts.set(r.verdict, (verdicts.get(r.verdict) ?? 0) + 1);
  return {
    count: rows.length,
    answered: answered.length,
    answeredOnTime: answered.filter((r) => r.answered_at! <= r.answer_due).length,
    resolved: resolved.length,
    resolvedOnTime: resolved.filter((r) => r.resolved_at! <= r.resolve_due).length,
    openLate: rows.filter((r) => r.resolved_at === null && r.closed_at === null && r.resolve_due < b.asOf).length,
    medianAnswerMinutes: median(answered.map((r) => Math.round((r.answered_at! - r.received_at) / 60_000))),
    medianResolveHours: median(resolved.map((r) => Math.round((r.resolved_at! - r.received_at) / 3_600_000))),
    verdicts: [...verdicts].map(([key, count]) => ({ key, label: null, count })).sort((a, b) => b.count - a.count),
  };
}

/** Parts fitted on tickets in the period (by the day fitted), and every stock move of the period. */
export async function partsReport(ctx: ServiceContext, b: Bounds): Promise<PartsReport> {
  const lastDay = b.to;
  const [lines, moves] = await Promise.all([
    ctx.db
      .selectFrom('ticket_parts as tp')
      .innerJoin('tickets as t', 't.id', 'tp.ticket_id')
      .innerJoin('parts as p', 'p.id', 'tp.part_id')
      .where('tp.fitted_on', '>=', b.from)
      .where('tp.fitted_on', '<=', lastDay)
      .where('t.status', '!=', 'cancelled')
      .where(ticketFilterExists(ctx.db, b.filter, 'tp.ticket_id'))
      .select([
        'p.id',
        'p.part_number',
        'p.name',
        sql<number>`sum(tp.quantity)`.as('quantity'),
        sql<number>`sum(tp.quantity * tp.cost_fen)`.as('cost'),
        // What the customer was charged: nothing under warranty, else the price written on the line.
        sql<number>`sum(case when tp.in_warranty = 1 or t.warranty_in = 1 then 0 else tp.quantity * tp.price_fen end)`.as('charged'),
        sql<number>`sum(case when tp.in_warranty = 1 or t.warranty_in = 1 then tp.quantity else 0 end)`.as('warranty'),
      ])
      .groupBy('p.id')
      .orderBy(sql`sum(tp.quantity * tp.cost_fen)`, 'desc')
      .orderBy('p.part_number')
      .execute(),
    // Stock is the company's, not a customer's: moves are counted unfiltered, except those a filtered ticket made.
    (b.filter.customerId === null && b.filter.modelIds === null
      ? ctx.db.selectFrom('stock_moves as s')
      : ctx.db.selectFrom('stock_moves as s').where('s.ticket_id', 'is not', null).where(ticketFilterExists(ctx.db, b.filter, 's.ticket_id'))
    )
      .where('s.at', '>=', b.start)
      .where('s.at', '<', b.end)
      .select(['s.reason', sql<number>`count(*)`.as('count'), sql<number>`sum(s.delta)`.as('delta')])
      .groupBy('s.reason')
      .orderBy('s.reason')
      .execute(),
  ]);
  return {
    lines: lines.map((l) => ({ partId: l.id, partNumber: l.part_number, name: l.name, quantity: Number(l.quantity), costFen: Number(l.cost), chargedFen: Number(l.charged), warrantyQuantity: Number(l.warranty) })),
    quantity: lines.reduce((n, l) => n + Number(l.quantity), 0),
    costFen: lines.reduce((n, l) => n + Number(l.cost), 0),
    moves: moves.map((m) => ({ reason: m.reason, count: Number(m.count), delta: Number(m.delta) })),
  };
}

/** Loaners lent and returned in the period, and those still out at its end, overdue when past their day. */
export async function loanersReport(ctx: ServiceContext, b: Bounds): Promise<LoanersReport> {
  const base = ctx.db.selectFrom('loans as l').where(ticketFilterExists(ctx.db, b.filter, 'l.ticket_id'));
  const asOfDay = localDay(b.asOf - 1);
  const [counts, out] = await Promise.all([
    base
      .select([
        sql<number>`coalesce(sum(l.issued_at >= ${b.start} and l.issued_at < ${b.end}), 0)`.as('issued'),
        sql<number>`coalesce(sum(l.returned_at >= ${b.start} and l.returned_at < ${b.end}), 0)`.as('returned'),
      ])
      .executeTakeFirstOrThrow(),
    base
      .innerJoin('tickets as t', 't.id', 'l.ticket_id')
      .leftJoin('loaners as x', 'x.id', 'l.loaner_id')
      .where('l.issued_at', '<', b.asOf)
      .where((eb) => eb.or([eb('l.returned_at', 'is', null), eb('l.returned_at', '>=', b.asOf)]))
      .select(['l.id', 't.id as ticket_id', 't.number', 'x.name', 'l.expected_return', 'l.issued_at'])
      .orderBy('l.issued_at')
      .execute(),
  ]);
  return {
    issued: Number(counts.issued),
    returned: Number(counts.returned),
    out: out.length,
    overdue: out
      .filter((l) => l.expected_return !== null && l.expected_return < asOfDay)
      .map((l) => ({ loanId: l.id, ticketId: l.ticket_id, number: l.number, loaner: l.name, expectedReturn: l.expected_return, issuedAt: l.issued_at })),
  };
}

/** Repairs resolved in the period: paid ones' takings, and what warranty repairs cost the company. */
export async function moneyReport(ctx: ServiceContext, b: Bounds): Promise<MoneyReport> {
  return overMonths(ctx, b, (p) => directMoney(ctx, p), (part) => summedMoney(ctx, b, part), addMoney);
}

const addMoney = (x: MoneyReport, y: MoneyReport): MoneyReport => ({
  paidTickets: x.paidTickets + y.paidTickets,
  revenueFen: x.revenueFen + y.revenueFen,
  warrantyTickets: x.warrantyTickets + y.warrantyTickets,
  warrantyPartsFen: x.warrantyPartsFen + y.warrantyPartsFen,
  warrantyLabourFen: x.warrantyLabourFen + y.warrantyLabourFen,
});

/** Whole months from the summary, where repairs count by the month they were resolved in. */
async function summedMoney(ctx: ServiceContext, b: Bounds, part: MonthPart): Promise<MoneyReport> {
  const rows = await summaryRows(ctx, 'money', part.months, b.filter)
    .select(['k1', sql<number>`sum(n)`.as('n'), sql<number>`sum(revenue_fen)`.as('revenue'), sql<number>`sum(parts_fen)`.as('parts'), sql<number>`sum(labour_fen)`.as('labour')])
    .groupBy('k1')
    .execute();
  const paid = rows.find((r) => r.k1 === 'paid');
  const warranty = rows.find((r) => r.k1 === 'warranty');
  return {
    paidTickets: Number(paid?.n ?? 0),
    revenueFen: Number(paid?.revenue ?? 0),
    warrantyTickets: Number(warranty?.n ?? 0),
    // Parts given free on a paid repair (a part under its own warranty) are the warranty's cost too.
    warrantyPartsFen: Number(paid?.parts ?? 0) + Number(warranty?.parts ?? 0),
    warrantyLabourFen: Number(warranty?.labour ?? 0),
  };
}

/** The money report read from the tickets: the reference for the summary, and the path for a customer. */
export async function directMoney(ctx: ServiceContext, b: Bounds): Promise<MoneyReport> {
  const resolved = filterTickets(ctx.db.selectFrom('tickets').where('tickets.resolved_at', '>=', b.start).where('tickets.resolved_at', '<', b.end).where('tickets.status', '!=', 'cancelled'), b.filter);
  const [paid, warranty] = await Promise.all([
    resolved.where('tickets.warranty_in', '=', 0).select([sql<number>`count(*)`.as('n'), sql<number>`coalesce(sum(tickets.paid_fen), 0)`.as('fen')]).executeTakeFirstOrThrow(),
    resolved
      .where('tickets.warranty_in', '=', 1)
      .select([
        sql<number>`count(*)`.as('n'),
        sql<number>`coalesce(sum((select sum(tp.quantity * tp.cost_fen) from ticket_parts tp where tp.ticket_id = tickets.id)), 0)`.as('parts'),
        sql<number>`coalesce(sum((select sum(tl.quantity * tl.amount_fen) from ticket_labour tl where tl.ticket_id = tickets.id)), 0)`.as('labour'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  // Parts given free on a paid repair (a part under its own warranty) are the warranty's cost too.
  const freeOnPaid = await resolved
    .where('tickets.warranty_in', '=', 0)
    .innerJoin('ticket_parts as tp', 'tp.ticket_id', 'tickets.id')
    .where('tp.in_warranty', '=', 1)
    .select(sql<number>`coalesce(sum(tp.quantity * tp.cost_fen), 0)`.as('fen'))
    .executeTakeFirstOrThrow();
  return {
    paidTickets: Number(paid.n),
    revenueFen: Number(paid.fen),
    warrantyTickets: Number(warranty.n),
    warrantyPartsFen: Number(warranty.parts) + Number(freeOnPaid.fen),
    warrantyLabourFen: Number(warranty.labour),
  };
}

/** Visits due in the period by how they ended; contracts ending in it, renewed or lapsed. */
export async function scheduledReport(ctx: ServiceContext, b: Bounds): Promise<ScheduledReport> {
  const today = localDay(ctx.now());
  // The period's visits are counted from `visits_due` alone (0420); the contract is looked up only to pick one customer's.
  let visits = ctx.db.selectFrom('visits as v').where('v.due_on', '>=', b.from).where('v.due_on', '<=', b.to);
  let contracts = ctx.db.selectFrom('maintenance_contracts as c').where('c.cancelled_at', 'is', null).where('c.ends_on', '>=', b.from).where('c.ends_on', '<=', b.to);
  if (b.filter.customerId !== null) {
    const customerId = b.filter.customerId;
    visits = visits.where((eb) => eb.exists(eb.selectFrom('maintenance_contracts as c').select('c.id').whereRef('c.id', '=', 'v.contract_id').where('c.customer_id', '=', customerId)));
    contracts = contracts.where('c.customer_id', '=', customerId);
  }
  if (b.filter.modelIds !== null) {
    const ids = b.filter.modelIds.length ? b.filter.modelIds : [0];
    visits = visits.where((eb) => eb.exists(eb.selectFrom('contract_units as cu').innerJoin('units as u', 'u.id', 'cu.unit_id').select('cu.unit_id').whereRef('cu.contract_id', '=', 'v.contract_id').where('u.model_id', 'in', ids)));
    contracts = contracts.where((eb) => eb.exists(eb.selectFrom('contract_units as cu').innerJoin('units as u', 'u.id', 'cu.unit_id').select('cu.unit_id').whereRef('cu.contract_id', '=', 'c.id').where('u.model_id', 'in', ids)));
  }
  const [v, c] = await Promise.all([
    visits
      .select([
        sql<number>`count(*)`.as('planned'),
        sql<number>`coalesce(sum(v.status = 'done'), 0)`.as('done'),
        sql<number>`coalesce(sum(v.status = 'missed'), 0)`.as('missed'),
        sql<number>`coalesce(sum(v.status = 'cancelled'), 0)`.as('cancelled'),
        sql<number>`coalesce(sum(v.status = 'due'), 0)`.as('open'),
      ])
      .executeTakeFirstOrThrow(),
    contracts
      .select([
        sql<number>`count(*)`.as('ending'),
        sql<number>`coalesce(sum(exists (select 1 from maintenance_contracts r where r.renewed_from_id = c.id and r.cancelled_at is null)), 0)`.as('renewed'),
        // Lapsed: ended (before today) with no renewal. Declined ones are lapsed too, said so on purpose.
        sql<number>`coalesce(sum(c.ends_on < ${today} and not exists (select 1 from maintenance_contracts r where r.renewed_from_id = c.id and r.cancelled_at is null)), 0)`.as('lapsed'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    planned: Number(v.planned),
    done: Number(v.done),
    missed: Number(v.missed),
    cancelled: Number(v.cancelled),
    open: Number(v.open),
    ending: Number(c.ending),
    renewed: Number(c.renewed),
    lapsed: Number(c.lapsed),
  };
}
