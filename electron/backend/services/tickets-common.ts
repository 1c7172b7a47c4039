import { sql, type Selectable } from 'kysely';
import type { TicketStatus } from '../../../shared/domain/ticket-status';
import type { MessageParams } from '../../../shared/result';
import type { TicketEvent } from '../../../shared/schemas/ticket';
import { AppError } from '../errors';
import { currentRequest } from '../audit-context';
import type { Db, TicketsTable } from '../db/schema';
import type { ServiceContext } from './context';

export type TicketRowDb = Selectable<TicketsTable>;

/** The name stamped on every change: the operator at the desk for this request, or the desk itself. */
export function currentOperator(): string {
  return currentRequest()?.operator || 'desk';
}

/** A refusal the clerk reads: VALIDATION with a `ticketing.errors.*` sentence. */
export function refuse(key: string, params?: MessageParams, field?: string): AppError {
  const message = { key: `ticketing.errors.${key}`, ...(params ? { params } : {}) };
  return new AppError('VALIDATION', `${key} ${params ? JSON.stringify(params) : ''}`.trim(), {
    message,
    ...(field ? { fields: { [field]: [message] } } : {}),
  });
}

export async function ticketRow(db: Db, id: number): Promise<TicketRowDb> {
  const row = await db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `ticket ${id} not found`, { message: { key: 'ticketing.errors.notFound', params: { id } } });
  return row;
}

/** Work can be changed while the ticket is not closed or cancelled. */
export function assertEditable(row: TicketRowDb): void {
  if (row.status === 'closed' || row.status === 'cancelled') {
    throw refuse('ticketClosed', { status: row.status });
  }
}

export async function addEvent(
  db: Db,
  ticketId: number,
  event: { at: number; who: string; kind: TicketEvent['kind']; from?: TicketStatus | null; to?: TicketStatus | null; data?: Record<string, unknown> | null },
): Promise<void> {
  await db
    .insertInto('ticket_events')
    .values({
      ticket_id: ticketId,
      at: event.at,
      who: event.who,
      kind: event.kind,
      from_status: event.from ?? null,
      to_status: event.to ?? null,
      data: event.data ? JSON.stringify(event.data) : null,
    })
    .execute();
  await db.updateTable('tickets').set({ updated_at: event.at }).where('id', '=', ticketId).execute();
}

/** The next number of a per-kind sequence, inside the caller's transaction. */
export async function nextInSequence(db: Db, kind: string): Promise<number> {
  const { last_value } = await db
    .insertInto('sequences')
    .values({ kind, last_value: 1 })
    .onConflict((oc) => oc.column('kind').doUpdateSet({ last_value: sql`last_value + 1` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return last_value;
}

/** Runs `work` in one transaction, with the clock read once and the operator resolved. */
export async function inTicketTransaction<T>(ctx: ServiceContext, work: (trx: Db, now: number, who: string) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => work(trx, ctx.now().getTime(), currentOperator()));
}
