import type { Selectable } from 'kysely';
import { checkEventTime, untypedEventTime } from '../../../../shared/domain/event-times';
import { isWorkEditable, type TicketStatus } from '../../../../shared/domain/ticket-status';
import type { TicketEvent } from '../../../../shared/schemas/ticket';
import { refuse, notFound } from '../../lib/errors';
import { currentOperator } from '../../app/request-context';
import type { Db, TicketsTable } from '../../db/schema';
import type { ServiceContext } from '../../app/context';

export type TicketRowDb = Selectable<TicketsTable>;

export async function ticketRow(db: Db, id: number): Promise<TicketRowDb> {
  const row = await db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('ticketing.errors.notFound', { id });
  return row;
}

/** Work can be changed while the ticket is not closed or cancelled. */
export function assertEditable(row: TicketRowDb): void {
  if (!isWorkEditable(row.status as TicketStatus)) {
    throw refuse('ticketing.errors.ticketClosed', { status: row.status });
  }
}

/**
 * Writes one event of the ticket's history. `at` is when it happened, `enteredAt` when the desk
 * recorded it (the same unless a time was typed); the ticket's `updated_at` follows the entry.
 */
export async function addEvent(
  db: Db,
  ticketId: number,
  event: { at: number; enteredAt?: number; who: string; kind: TicketEvent['kind']; from?: TicketStatus | null; to?: TicketStatus | null; data?: Record<string, unknown> | null },
): Promise<void> {
  const enteredAt = event.enteredAt ?? event.at;
  await db
    .insertInto('ticket_events')
    .values({
      ticket_id: ticketId,
      at: event.at,
      entered_at: enteredAt,
      who: event.who,
      kind: event.kind,
      from_status: event.from ?? null,
      to_status: event.to ?? null,
      data: event.data ? JSON.stringify(event.data) : null,
    })
    .execute();
  await db.updateTable('tickets').set({ updated_at: enteredAt }).where('id', '=', ticketId).execute();
}

/**
 * When the move to `status` happened: the time the desk typed, checked against the clock and the
 * ticket's own moments (refused under `at`, naming the time, with nothing written), or the entry
 * time when none was typed.
 */
export function eventTime(row: TicketRowDb, status: TicketStatus, typed: number | null, entered: number, now: number): number {
  const times = { reportedAt: row.reported_at, arrivedAt: row.arrived_at, resolvedAt: row.resolved_at };
  if (typed === null) return untypedEventTime(status, entered, times);
  const checked = checkEventTime(status, typed, times, now);
  if (!checked.ok) throw refuse(`ticketing.errors.${checked.rule}`, checked.params, 'at');
  return checked.at;
}

/** Runs `work` in one transaction, with the clock read once and the operator resolved. */
export async function inTicketTransaction<T>(ctx: ServiceContext, work: (trx: Db, now: number, who: string) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => work(trx, ctx.now().getTime(), currentOperator()));
}
