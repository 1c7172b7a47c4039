import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { addDays, addMonths, daysBetween, localDay, localMoment } from '../../../../shared/domain/dates';
import type { ReportFilter, ReportPeriod } from '../../../../shared/schemas/reports';
import type { ServiceContext } from '../../app/context';
import type { DB } from '../../db/schema';
import { refuse } from '../../lib/errors';

/*
 * A report's period and filter, checked once and turned into the bounds every query uses. Days
 * are the desk's local days; a ticket belongs to the day it was reported on.
 */

export interface Bounds extends ReportPeriod {
  /** First moment of `from` and first moment after `to`, in ms: `[start, end)`. */
  start: number;
  end: number;
  /** Where "still open" is judged: the period's end, or now when the period has not ended. */
  asOf: number;
  filter: ReportFilter;
  /** Read the tickets only, never the month summary: the reference the summary is tested against. */
  direct?: boolean;
}

export const NO_FILTER: ReportFilter = { customerId: null, modelIds: null };

/** Refuses an empty, future or over-long period; answers its bounds. */
export function reportBounds(ctx: ServiceContext, period: ReportPeriod, filter: ReportFilter = NO_FILTER): Bounds {
  const today = localDay(ctx.now());
  if (period.to < period.from) throw refuse('reports.errors.emptyPeriod', { from: period.from, to: period.to }, 'to');
  if (period.from > today) throw refuse('reports.errors.future', { from: period.from }, 'from');
  // Ten years to the day: 2016-01-01 … 2025-12-31 is allowed, one day more is not.
  if (period.to >= addMonths(period.from, 120)) throw refuse('reports.errors.tooLong', { years: 10 }, 'to');
  const start = localMoment(period.from);
  const end = localMoment(addDays(period.to, 1));
  return { from: period.from, to: period.to, start, end, asOf: Math.min(end, ctx.now().getTime()), filter };
}

/** The period of the same length just before: what a rate is compared with. */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  const days = daysBetween(period.from, period.to) + 1;
  // A whole month or quarter compares with the month or quarter before, not with a count of days.
  const wholeMonths = period.from.endsWith('-01') && addDays(period.to, 1).endsWith('-01');
  if (wholeMonths) {
    const months = monthsBetween(period.from, addDays(period.to, 1));
    return { from: addMonths(period.from, -months), to: addDays(period.from, -1) };
  }
  return { from: addDays(period.from, -days), to: addDays(period.from, -1) };
}

function monthsBetween(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
}

type TicketQuery<O> = SelectQueryBuilder<DB, 'tickets', O>;

/** The filter on tickets (alias-free `tickets`): one customer's, or only units of some models. */
export function filterTickets<O>(query: TicketQuery<O>, filter: ReportFilter): TicketQuery<O> {
  let q = query;
  if (filter.customerId !== null) q = q.where('tickets.customer_id', '=', filter.customerId);
  if (filter.modelIds !== null) {
    const ids = filter.modelIds;
    q = q.where((eb) => eb('tickets.unit_id', 'in', eb.selectFrom('units').select('units.id').where('units.model_id', 'in', ids.length ? ids : [0])));
  }
  return q;
}

/** The same filter for a table that points at a ticket by a column (`cb.ticket_id`), as one `exists`. */
export function ticketFilterExists(db: Kysely<DB>, filter: ReportFilter, ticketIdColumn: string): RawBuilder<boolean> {
  if (filter.customerId === null && filter.modelIds === null) return sql<boolean>`1`;
  const inner = filterTickets(db.selectFrom('tickets').select('tickets.id'), filter).where('tickets.id', '=', sql.ref<number>(ticketIdColumn));
  return sql<boolean>`exists ${inner}`;
}

/** Hundredths of a ratio, rounded half up; null when there is nothing to divide by (never NaN). */
export function ratioX100(part: number, whole: number, scale = 1): number | null {
  if (whole <= 0) return null;
  return Math.round((part * scale * 100) / whole);
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}
