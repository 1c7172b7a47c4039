import { sql } from 'kysely';
import { missingYear } from '../../../../shared/domain/calendar';
import { todayIso } from '../../../../shared/domain/dates';
import { AT_RISK_SHARE } from '../../../../shared/domain/sla';
import type { TicketStatus } from '../../../../shared/domain/ticket-status';
import type { AppointmentRow, Board } from '../../../../shared/schemas/ticket';
import type { ServiceContext } from '../../app/context';
import { callbacksDue } from './callbacks';
import { loadCalendar } from './calendar';
import { selectTicketRows, toLoanRecord, toTicketRow } from '../tickets/rows';
import { PART_LOW } from '../stock/parts';

/** A milestone still open whose at-risk point (the last quarter of its time) has passed. */
const keep = 1 - AT_RISK_SHARE;
function pressed(now: number) {
  return sql<boolean>`(
    (t.answered_at is null and t.reported_at + (t.answer_due - t.reported_at) * ${keep} <= ${now})
    or (t.arrived_at is null and t.reported_at + (t.arrival_due - t.reported_at) * ${keep} <= ${now})
    or (t.resolved_at is null and coalesce(t.arrived_at, t.arrival_due) + (t.fix_due - coalesce(t.arrived_at, t.arrival_due)) * ${keep} <= ${now})
    or (t.status in ('atWorkshop', 'waitingParts') and not exists (select 1 from loans l where l.ticket_id = t.id)
        and t.reported_at + (t.loaner_due - t.reported_at) * ${keep} <= ${now})
  )`;
}

/** The desk's home: what is late, what is about to be, and who to call today. */
export async function deskBoard(ctx: ServiceContext): Promise<Board> {
  const now = ctx.now().getTime();
  const today = todayIso(ctx.now());
  const [pressing, appointments, callbacks, loans, counts, calendar] = await Promise.all([
    selectTicketRows(ctx.db).where('t.open', '=', 1).where(pressed(now)).orderBy('t.fix_due').limit(300).execute(),
    ctx.db
      .selectFrom('tickets as t')
      .innerJoin('customers as c', 'c.id', 't.customer_id')
      .select([
        't.id',
        't.number',
        't.appointment_date',
        't.appointment_from',
        't.appointment_to',
        't.site_address',
        't.status',
        'c.name',
        sql<string | null>`(select group_concat(x.name, '、') from ticket_technicians tt join technicians x on x.id = tt.technician_id where tt.ticket_id = t.id)`.as('names'),
      ])
      .where('t.appointment_date', '=', today)
      .where('t.status', 'not in', ['cancelled'])
      .orderBy('t.appointment_from')
      .execute(),
    callbacksDue(ctx, { on: today }),
    ctx.db
      .selectFrom('loans as l')
      .innerJoin('tickets as t', 't.id', 'l.ticket_id')
      .innerJoin('customers as c', 'c.id', 't.customer_id')
      .leftJoin('loaners as n', 'n.id', 'l.loaner_id')
      .selectAll('l')
      .select(['t.number', 'c.name as customer_name', 'n.name as loaner_name'])
      .where('l.returned_at', 'is', null)
      .where('l.loaner_id', 'is not', null)
      .orderBy('l.expected_return')
      .execute(),
    ctx.db
      .selectNoFrom([
        sql<number>`(select count(*) from tickets where open = 1)`.as('open_tickets'),
        sql<number>`(select count(*) from complaints where closed_at is null)`.as('open_complaints'),
        sql<number>`(select count(*) from parts where active = 1 and ${PART_LOW})`.as('low_parts'),
      ])
      .executeTakeFirstOrThrow(),
    loadCalendar(ctx),
  ]);
  const rows = pressing.map((r) => toTicketRow(r as Parameters<typeof toTicketRow>[0], now));
  const byDue = (a: (typeof rows)[number], b: (typeof rows)[number]) => (a.nextDeadline?.due ?? 0) - (b.nextDeadline?.due ?? 0);
  return {
    overdue: rows.filter((r) => r.worst === 'overdue').sort(byDue),
    atRisk: rows.filter((r) => r.worst === 'atRisk').sort(byDue),
    appointmentsToday: appointments.map(
      (a): AppointmentRow => ({
        ticketId: a.id,
        ticketNumber: a.number,
        date: a.appointment_date ?? today,
        from: a.appointment_from ?? '',
        to: a.appointment_to ?? '',
        customerName: a.name,
        siteAddress: a.site_address,
        technicians: a.names ? a.names.split('、') : [],
        status: a.status as TicketStatus,
      }),
    ),
    callbacksDue: callbacks,
    loansOut: loans.map((l) => ({
      ...toLoanRecord(l),
      ticketId: l.ticket_id,
      ticketNumber: l.number,
      customerName: l.customer_name,
      overdue: l.expected_return !== null && l.expected_return < today,
    })),
    openTickets: counts.open_tickets,
    openComplaints: counts.open_complaints,
    lowStockParts: counts.low_parts,
    calendarMissingYear: missingYear(calendar, today),
  };
}
