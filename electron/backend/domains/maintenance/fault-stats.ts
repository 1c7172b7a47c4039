import type { z } from 'zod';
import { localMoment, addDays } from '../../../../shared/domain/dates';
import type { DeadlineView } from '../../../../shared/domain/sla';
import type { FaultCategory, Severity } from '../../../../shared/domain/ticket-status';
import type { GeneratedDocument } from '../../../../shared/schemas/document';
import { quarterRange, type faultStatsInput } from '../../../../shared/schemas/maintenance-papers';
import type { ServiceContext } from '../../app/context';
import type { FaultStatsData, StatsTicket, StatsUnit } from '../../documents/maintenance-papers/fault-stats';
import { archiveDocument, settingsForPaper } from '../archive/archive';
import { getCustomer } from '../customers/customers';
import { selectTicketRows, ticketDeadlineViews, type ListRow } from '../tickets/rows';
import { loadUnits } from '../units/units';
import { FAULT_STATS_TEMPLATE_VERSION } from '../../documents/template-versions';

/*
 * The quarter's fault statistics sheet (季度故障统计表): every unit of a customer in warranty or
 * under contract in the quarter, its tickets by fault category, and how the arrival and the fix
 * kept the level's promises. The times are judged exactly as the desk judges them (the ticket's
 * stored deadlines, `ticketDeadlineViews`), so the sheet and the desk never disagree.
 */

/** Units of a customer covered in the quarter: whole-unit warranty running in it, or a contract overlapping it. */
async function coveredUnits(ctx: ServiceContext, customerId: number, from: string, to: string): Promise<StatsUnit[]> {
  const [ids, contracts] = await Promise.all([
    ctx.db.selectFrom('units').select('id').where('customer_id', '=', customerId).orderBy('id').execute(),
    ctx.db
      .selectFrom('contract_units as cu')
      .innerJoin('maintenance_contracts as c', 'c.id', 'cu.contract_id')
      .select(['cu.unit_id', 'c.number'])
      .where('c.customer_id', '=', customerId)
      .where('c.cancelled_at', 'is', null)
      .where('c.starts_on', '<=', to)
      .where('c.ends_on', '>=', from)
      .orderBy('c.starts_on')
      .execute(),
  ]);
  const units = await loadUnits(ctx, ctx.db, ids.map((r) => r.id), to);
  const contractOf = new Map(contracts.map((c) => [c.unit_id, c.number]));
  return units.flatMap((u): StatsUnit[] => {
    const whole = u.warranty.components[0];
    const inWarranty = !!whole?.start && !!whole.end && whole.start <= to && whole.end >= from && !u.warranty.excluded;
    const contract = contractOf.get(u.id) ?? null;
    if (!inWarranty && contract === null) return [];
    return [{ id: u.id, label: `${u.brand} ${u.model}`.trim(), serial: u.serial, category: u.category, site: u.siteAddress, contract, warrantyEnd: inWarranty ? (whole?.end ?? null) : null, tickets: [] }];
  });
}

/** One promise of a ticket as the sheet counts it: kept, broken (done late, or still open past its time) or still running. */
function judged(view: DeadlineView | undefined): StatsTicket['arrival'] {
  if (!view) return { state: 'open', takenMs: null, lateMs: null };
  if (view.doneAt !== null) return { state: view.doneAt <= view.due ? 'onTime' : 'late', takenMs: view.doneAt - view.from, lateMs: view.doneAt > view.due ? view.doneAt - view.due : null };
  if (view.state === 'overdue') return { state: 'late', takenMs: null, lateMs: -(view.leftMs ?? 0) };
  return { state: 'open', takenMs: null, lateMs: null };
}

/** What a customer's quarter sheet is drawn from, except its number and day. */
export async function faultStatsSource(ctx: ServiceContext, customerId: number, year: number, quarter: number): Promise<Omit<FaultStatsData, 'number' | 'issuedOn'>> {
  const { from, to } = quarterRange(year, quarter);
  const [customer, settings, units] = await Promise.all([getCustomer(ctx, customerId), settingsForPaper(ctx), coveredUnits(ctx, customerId, from, to)]);
  const unitIds = units.map((u) => u.id);
  const rows =
    unitIds.length === 0
      ? []
      : ((await selectTicketRows(ctx.db)
          .where('t.unit_id', 'in', unitIds)
          .where('t.status', '!=', 'cancelled')
          .where('t.reported_at', '>=', localMoment(from))
          .where('t.reported_at', '<', localMoment(addDays(to, 1)))
          .orderBy('t.reported_at')
          .execute()) as ListRow[]);
  const now = ctx.now().getTime();
  const byUnit = new Map(units.map((u) => [u.id, u]));
  for (const row of rows) {
    const views = ticketDeadlineViews(row, now);
    const arrival = judged(views.find((v) => v.milestone === 'arrival'));
    const fix = judged(views.find((v) => v.milestone === 'fix'));
    byUnit.get(row.unit_id!)?.tickets.push({
      number: row.number,
      category: row.fault_category as FaultCategory,
      severity: row.severity as Severity,
      reportedAt: row.reported_at,
      arrival,
      fix,
    });
  }
  return { settings, customer, year, quarter, from, to, units };
}

/** Customers with a unit in warranty or under contract in the quarter: whose sheets a batch prints. */
export async function customersForQuarter(ctx: ServiceContext, year: number, quarter: number): Promise<number[]> {
  const { from, to } = quarterRange(year, quarter);
  // Only customers with units are read unit by unit (the warranty engine decides who is covered).
  const customers = await ctx.db
    .selectFrom('customers as c')
    .select('c.id')
    .where('c.archived_at', 'is', null)
    .where((eb) => eb.exists(eb.selectFrom('units as u').select('u.id').whereRef('u.customer_id', '=', 'c.id')))
    .orderBy('c.id')
    .execute();
  const out: number[] = [];
  for (const { id } of customers) if ((await coveredUnits(ctx, id, from, to)).length > 0) out.push(id);
  return out;
}

export function faultStatsTitle(data: Pick<FaultStatsData, 'customer' | 'year' | 'quarter'>): string {
  return `${data.year} Q${data.quarter} · ${data.customer.name}`;
}

export async function createFaultStats(ctx: ServiceContext, input: z.output<typeof faultStatsInput>): Promise<GeneratedDocument> {
  const source = await faultStatsSource(ctx, input.customerId, input.year, input.quarter);
  return archiveDocument(ctx, {
    kind: 'faultStats',
    recordType: 'customer',
    recordId: source.customer.id,
    title: faultStatsTitle(source),
    paper: input.paper,
    language: input.language,
    templateVersion: FAULT_STATS_TEMPLATE_VERSION,
    render: (number, issuedOn) => ctx.documents.render({ kind: 'faultStats', data: { ...source, number, issuedOn }, language: input.language, paper: input.paper }),
  });
}
