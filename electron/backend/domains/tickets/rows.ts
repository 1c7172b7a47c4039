import { sql, type Selectable } from 'kysely';
import { deadlineViews, worstState, type DeadlineView, type TicketClock } from '../../../../shared/domain/sla';
import type { FaultCategory, Severity, TicketSource, TicketStatus } from '../../../../shared/domain/ticket-status';
import type { Region } from '../../../../shared/schemas/customer';
import type { LoanRecord, TicketRow } from '../../../../shared/schemas/ticket';
import type { Db, LoansTable } from '../../db/schema';
import type { TicketRowDb } from './common';

/*
 * A ticket as lists, the board and the search read it: one query for the line, and what its
 * deadlines say at a moment. getTicket (tickets.ts) builds the whole ticket on top of it.
 */

export function unitLabel(row: { brand: string | null; model: string | null; serial: string | null; unregistered_unit: string | null }): string {
  if (row.brand !== null) return `${row.brand} ${row.model ?? ''} · ${row.serial ?? ''}`;
  const u = row.unregistered_unit ? (JSON.parse(row.unregistered_unit) as { brand: string; model: string; serial: string | null }) : null;
  return u ? `${u.brand} ${u.model}${u.serial ? ` · ${u.serial}` : ''}` : '';
}

/** The ticket's clock as the SLA arithmetic reads it. */
export function clockOf(row: TicketRowDb, loanerAt: number | null, needsLoaner: boolean): TicketClock {
  return {
    reportedAt: row.reported_at,
    answeredAt: row.answered_at,
    arrivedAt: row.arrived_at,
    resolvedAt: row.resolved_at,
    loanerAt,
    needsLoaner,
    stoppedAt: row.cancelled_at,
  };
}

export function dueOf(row: TicketRowDb) {
  return { answerDue: row.answer_due, arrivalDue: row.arrival_due, fixDue: row.fix_due, loanerDue: row.loaner_due };
}

/** The soonest open promise and the worst state, for list rows and the board. */
export function deadlineSummary(views: DeadlineView[]): { nextDeadline: DeadlineView | null; worst: DeadlineView['state'] | null } {
  const open = views.filter((v) => v.doneAt === null).sort((a, b) => a.due - b.due);
  return { nextDeadline: open[0] ?? null, worst: worstState(open) };
}

export const OFF_SITE: string[] = ['atWorkshop', 'waitingParts'];

export function toLoanRecord(l: Selectable<LoansTable> & { loaner_name: string | null }): LoanRecord {
  return {
    id: l.id,
    loanerId: l.loaner_id,
    loanerName: l.loaner_name,
    issuedAt: l.issued_at,
    expectedReturn: l.expected_return,
    returnedAt: l.returned_at,
    receivedUnit: l.received_unit,
    note: l.note,
  };
}

export type ListRow = TicketRowDb & {
  customer_name: string;
  brand: string | null;
  model: string | null;
  serial: string | null;
  technician_names: string | null;
  loaner_at: number | null;
};

/** Rows of tickets with what a list line shows; the caller adds filters, order and paging. */
export function selectTicketRows(db: Db) {
  return db
    .selectFrom('tickets as t')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .leftJoin('units as u', 'u.id', 't.unit_id')
    .leftJoin('product_models as m', 'm.id', 'u.model_id')
    .selectAll('t')
    .select([
      'c.name as customer_name',
      'm.brand',
      'm.model',
      'u.serial',
      sql<string | null>`(select group_concat(x.name, '、') from ticket_technicians tt join technicians x on x.id = tt.technician_id where tt.ticket_id = t.id)`.as('technician_names'),
      sql<number | null>`(select min(l.issued_at) from loans l where l.ticket_id = t.id)`.as('loaner_at'),
    ]);
}

/** Every promise of a listed ticket and where it stands at `now`: what the desk and the papers judge times by. */
export function ticketDeadlineViews(row: ListRow, now: number): DeadlineView[] {
  return phoneAware(row, deadlineViews(dueOf(row), clockOf(row, row.loaner_at, OFF_SITE.includes(row.status)), now));
}

/** Solved on the phone: nobody was to come, so no arrival is promised or missed. */
export function phoneAware(row: TicketRowDb, views: DeadlineView[]): DeadlineView[] {
  return row.solved_by_phone === 1 ? views.filter((v) => v.milestone !== 'arrival') : views;
}

export function toTicketRow(row: ListRow, now: number): TicketRow {
  const views = ticketDeadlineViews(row, now);
  return {
    id: row.id,
    number: row.number,
    status: row.status as TicketStatus,
    source: row.source as TicketSource,
    severity: row.severity as Severity,
    faultCategory: row.fault_category as FaultCategory,
    faultReported: row.fault_reported,
    customerId: row.customer_id,
    customerName: row.customer_name,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    unitLabel: unitLabel(row),
    region: row.region as Region,
    reportedAt: row.reported_at,
    appointment: row.appointment_date && row.appointment_from && row.appointment_to ? { date: row.appointment_date, from: row.appointment_from, to: row.appointment_to } : null,
    technicians: row.technician_names ? row.technician_names.split('、') : [],
    ...deadlineSummary(views),
    inWarranty: row.warranty_in === 1,
  };
}
