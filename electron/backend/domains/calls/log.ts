import type { z } from 'zod';
import { localDay } from '../../../../shared/domain/dates';
import type { callLogInput } from '../../../../shared/schemas/call';
import type { Db } from '../../db/schema';
import { notFound, refuse } from '../../lib/errors';

/*
 * Writing one call, apart from the rest of the domain so that the ticket flow can log the call a
 * phone solution came in on, in its own transaction, without importing the flow back.
 */

export type LogInput = z.output<typeof callLogInput>;

/** Checks what the call names (the customer, the unit as theirs, the ticket) and writes it; no transaction of its own. */
export async function insertCall(trx: Db, input: LogInput, at: number, who: string): Promise<number> {
  if (input.customerId !== null) {
    const customer = await trx.selectFrom('customers').select('id').where('id', '=', input.customerId).executeTakeFirst();
    if (!customer) throw notFound('calls.errors.customerMissing', { id: input.customerId }, 'customerId');
  }
  if (input.unitId !== null) {
    const unit = await trx.selectFrom('units').select(['id', 'customer_id', 'serial']).where('id', '=', input.unitId).executeTakeFirst();
    if (!unit) throw notFound('calls.errors.unitMissing', { id: input.unitId }, 'unitId');
    if (input.customerId !== null && unit.customer_id !== input.customerId) throw refuse('calls.errors.unitNotCustomers', { serial: unit.serial }, 'unitId');
  }
  if (input.ticketId !== null) {
    const ticket = await trx.selectFrom('tickets').select(['id', 'number', 'customer_id']).where('id', '=', input.ticketId).executeTakeFirst();
    if (!ticket) throw notFound('calls.errors.ticketMissing', { id: input.ticketId }, 'ticketId');
    if (input.customerId !== null && ticket.customer_id !== input.customerId) throw refuse('calls.errors.ticketNotCustomers', { number: ticket.number }, 'ticketId');
  }
  if (input.outcome === 'complaintRecorded' && input.purpose !== 'complaint') throw refuse('calls.errors.complaintOutcome', {}, 'outcome');
  const inserted = await trx
    .insertInto('calls')
    .values({
      at,
      day: localDay(at),
      customer_id: input.customerId,
      caller_name: input.callerName,
      caller_phone: input.callerPhone,
      unit_id: input.unitId,
      purpose: input.purpose,
      outcome: input.outcome,
      notes: input.notes,
      ticket_id: input.ticketId,
      created_by: who,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}


interface TicketCaller {
  id: number;
  customer_id: number;
  unit_id: number | null;
  contact_name: string | null;
  contact_phone: string | null;
}

/** A repair reported by phone is a call that opened a ticket: logged with the ticket, at the time reported. */
export async function logTicketOpened(trx: Db, ticket: TicketCaller, at: number, who: string, notes: string): Promise<void> {
  await insertCall(
    trx,
    { customerId: ticket.customer_id, callerName: ticket.contact_name, callerPhone: ticket.contact_phone, unitId: ticket.unit_id, purpose: 'repair', outcome: 'ticketOpened', notes, ticketId: ticket.id },
    at,
    who,
  );
}

/**
 * A repair solved on the phone. The call that opened the ticket the same day is the same
 * conversation: it becomes solved on the phone rather than a second call being counted. On a
 * later day the caller rang again, and that call is logged.
 */
export async function logPhoneSolution(trx: Db, ticket: TicketCaller, at: number, who: string, advice: string): Promise<void> {
  const opening = await trx
    .selectFrom('calls')
    .select('id')
    .where('ticket_id', '=', ticket.id)
    .where('outcome', '=', 'ticketOpened')
    .where('day', '=', localDay(at))
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (opening) {
    await trx.updateTable('calls').set({ outcome: 'solvedByPhone', notes: advice }).where('id', '=', opening.id).execute();
    return;
  }
  await insertCall(
    trx,
    { customerId: ticket.customer_id, callerName: ticket.contact_name, callerPhone: ticket.contact_phone, unitId: ticket.unit_id, purpose: 'repair', outcome: 'solvedByPhone', notes: advice, ticketId: ticket.id },
    at,
    who,
  );
}
