import { sql } from 'kysely';
import type { z } from 'zod';
import { addDays, todayIso, localDay } from '../../../../shared/domain/dates';
import type { CallbackDue, TicketDetail, callbackRecordInput, callbacksDueInput } from '../../../../shared/schemas/ticket';
import type { ServiceContext } from '../../app/context';
import { addEvent, eventTime, inTicketTransaction, ticketRow } from '../tickets/common';
import { getTicket } from '../tickets/tickets';
import { move } from '../tickets/flow';
import { refuse } from '../../lib/errors';
import { assertAfterApproval, assertNotWaiting } from '../review/approval';
import { writeAnswers } from '../review/survey';

/**
 * The call after the job. Only a resolved ticket is called back; reaching the customer moves it
 * to "called back", not reaching them books another try for the day after the call. The call may
 * be recorded later than it was made: `at` is when it was made (checked like any typed time).
 */
export async function recordCallback(ctx: ServiceContext, input: z.output<typeof callbackRecordInput>): Promise<TicketDetail> {
  await inTicketTransaction(ctx, async (trx, now, who) => {
    const row = await ticketRow(trx, input.ticketId);
    if (row.status !== 'resolved') throw refuse('ticketing.errors.callbackNotResolved', {}, 'ticketId');
    // With the supervisor's check, the call follows the approval (review/approval.ts).
    await assertNotWaiting(trx, row.id, 'callback');
    const entered = Math.max(now, row.updated_at);
    const at = await assertAfterApproval(trx, row.id, eventTime(row, 'calledBack', input.at, entered, now));
    const pending = await trx.selectFrom('callbacks').select('id').where('ticket_id', '=', row.id).where('done_at', 'is', null).orderBy('due_on').executeTakeFirst();
    const values = { done_at: at, reached: input.reached ? 1 : 0, satisfaction: input.reached ? input.satisfaction : null, comments: input.comments, who };
    let callbackId = pending?.id;
    if (pending) await trx.updateTable('callbacks').set(values).where('id', '=', pending.id).execute();
    else callbackId = (await trx.insertInto('callbacks').values({ ticket_id: row.id, due_on: localDay(at), ...values }).returning('id').executeTakeFirstOrThrow()).id;
    // The survey's answers go in with the call, or nothing does (a wrong answer refuses the whole call).
    const answered = await writeAnswers(trx, callbackId as number, input.answers);
    await addEvent(trx, row.id, { at, enteredAt: entered, who, kind: 'callback', data: { reached: input.reached, satisfaction: values.satisfaction, comments: input.comments, ...(answered > 0 ? { answers: answered } : {}) } });
    if (input.reached) await move(trx, row, 'calledBack', at, who, null, entered);
    else await trx.insertInto('callbacks').values({ ticket_id: row.id, due_on: addDays(localDay(at), 1) }).execute();
  });
  return getTicket(ctx, input.ticketId);
}

export async function callbacksDue(ctx: ServiceContext, input: z.output<typeof callbacksDueInput>): Promise<CallbackDue[]> {
  const today = todayIso(ctx.now());
  const on = input.on ?? today;
  const rows = await ctx.db
    .selectFrom('callbacks as b')
    .innerJoin('tickets as t', 't.id', 'b.ticket_id')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .select([
      'b.id',
      'b.ticket_id',
      'b.due_on',
      't.number',
      't.customer_id',
      'c.name',
      sql<string | null>`coalesce(t.contact_phone, (select p.phone from customer_phones p where p.customer_id = c.id order by p.position limit 1))`.as('phone'),
    ])
    .where('b.done_at', 'is', null)
    .where('b.due_on', '<=', on)
    .where('t.status', '=', 'resolved')
    .orderBy('b.due_on')
    .orderBy('b.id')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    ticketId: r.ticket_id,
    ticketNumber: r.number,
    customerId: r.customer_id,
    customerName: r.name,
    phone: r.phone,
    dueOn: r.due_on,
    overdue: r.due_on < today,
  }));
}
