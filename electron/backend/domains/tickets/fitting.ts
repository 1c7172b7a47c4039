import { sql } from 'kysely';
import { localDay } from '../../../../shared/domain/dates';
import type { Db } from '../../db/schema';
import { refuse } from '../../lib/errors';
import { addEvent, assertEditable, ticketRow } from './common';

/**
 * Takes a part from stock onto a ticket. The guarded UPDATE is the only place stock goes down:
 * it cannot pass below zero even if two writes raced, and the move, the line and the event are
 * written in the caller's transaction or not at all.
 */
export async function fitPart(
  trx: Db,
  input: { ticketId: number; partId: number; quantity: number; inWarranty: boolean | null; componentKey: string | null },
  at: number,
  who: string,
): Promise<void> {
  const ticket = await ticketRow(trx, input.ticketId);
  assertEditable(ticket);
  const part = await trx.selectFrom('parts').selectAll().where('id', '=', input.partId).executeTakeFirst();
  if (!part) throw refuse('ticketing.errors.partMissing', { id: input.partId }, 'partId');
  if (part.active !== 1) throw refuse('ticketing.errors.partInactive', { name: part.name }, 'partId');
  const taken = await trx
    .updateTable('parts')
    .set({ quantity: sql`quantity - ${input.quantity}`, updated_at: at })
    .where('id', '=', part.id)
    .where('quantity', '>=', input.quantity)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== 1) {
    throw refuse('ticketing.errors.outOfStock', { name: part.name, stock: part.quantity, wanted: input.quantity }, 'quantity');
  }
  const inWarranty = input.inWarranty ?? ticket.warranty_in === 1;
  await trx
    .insertInto('ticket_parts')
    .values({
      ticket_id: ticket.id,
      part_id: part.id,
      quantity: input.quantity,
      price_fen: part.price_fen,
      cost_fen: part.cost_fen,
      in_warranty: inWarranty ? 1 : 0,
      component_key: input.componentKey ?? part.component_key,
      // Fitted on the day of the work: a resolved ticket's day; until then the day it is put on
      // the ticket, moved to the resolution day when the ticket is resolved (see settleFittedDays).
      fitted_on: localDay(ticket.resolved_at ?? at),
      created_at: at,
    })
    .execute();
  await trx.insertInto('stock_moves').values({ part_id: part.id, ticket_id: ticket.id, delta: -input.quantity, reason: 'use', note: ticket.number, at, who }).execute();
  await addEvent(trx, ticket.id, { at, who, kind: 'partAdded', data: { partId: part.id, name: part.name, quantity: input.quantity, inWarranty } });
}

/**
 * The parts on a ticket are fitted on the day of the work: when the ticket is resolved, every
 * part whose day the clerk has not set takes the resolution's day. A part packed at dispatch on
 * the 1st and fitted on the 3rd otherwise started its own cover two days early.
 */
export async function settleFittedDays(trx: Db, ticketId: number, resolvedAt: number): Promise<void> {
  await trx.updateTable('ticket_parts').set({ fitted_on: localDay(resolvedAt) }).where('ticket_id', '=', ticketId).where('fitted_set', '=', 0).execute();
}

/** The clerk sets the day a part was fitted (a repair over two visits): from then on it stays as set. */
export async function setFittedDay(trx: Db, input: { ticketId: number; ticketPartId: number; fittedOn: string }, at: number): Promise<void> {
  const ticket = await ticketRow(trx, input.ticketId);
  assertEditable(ticket);
  const reported = localDay(ticket.reported_at);
  if (input.fittedOn < reported) throw refuse('ticketing.errors.fittedBeforeReport', { reported }, 'fittedOn');
  if (input.fittedOn > localDay(at)) throw refuse('validation.dateInFuture', {}, 'fittedOn');
  const done = await trx
    .updateTable('ticket_parts')
    .set({ fitted_on: input.fittedOn, fitted_set: 1 })
    .where('id', '=', input.ticketPartId)
    .where('ticket_id', '=', ticket.id)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) throw refuse('ticketing.errors.ticketPartMissing', {}, 'ticketPartId');
}
