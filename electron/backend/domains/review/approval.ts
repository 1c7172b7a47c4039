import { sql } from 'kysely';
import type { z } from 'zod';
import { addDays, localDay, todayIso } from '../../../../shared/domain/dates';
import { CLOCK_TOLERANCE_MS, stampText } from '../../../../shared/domain/event-times';
import type { ReviewConfigured, ReviewSettings, ReviewWaitingRow, reviewApproveInput, reviewConfigureInput } from '../../../../shared/schemas/review';
import type { TicketDetail } from '../../../../shared/schemas/ticket';
import type { ServiceContext } from '../../app/context';
import type { Db } from '../../db/schema';
import { refuse } from '../../lib/errors';
import { getSettings } from '../admin/settings';
import { addEvent, inTicketTransaction, ticketRow } from '../tickets/common';
import { unitLabel } from '../tickets/rows';
import { getTicket } from '../tickets/tickets';
import { supervisorCheckOn } from './facts';

/*
 * The supervisor's check (seed 002, step 15: "交由主管审批后安排文员回访"). With the check on, a
 * resolved ticket waits for a supervisor's approval and its callback is scheduled from the
 * approval, not from the completion. The wait is recorded per ticket when it is resolved, so
 * turning the switch later never rewrites what a ticket already went through:
 * - switched on: tickets resolved before keep the callback they were promised (pulling a due or
 *   overdue call back behind an approval would hide it); only tickets resolved from then on wait;
 * - switched off: nothing may be left waiting for a step that no longer exists, so every ticket
 *   still waiting is released ("waived", on its timeline) and its callback falls due as if it
 *   had never waited, but never before the day it was released.
 */

const MINUTE = 60_000;

/** After a ticket's completion: it waits for the supervisor, or its callback is scheduled at once. */
export async function scheduleAfterCompletion(trx: Db, ticketId: number, at: number, callbackDays: number): Promise<void> {
  if (await supervisorCheckOn(trx)) {
    await trx.insertInto('ticket_reviews').values({ ticket_id: ticketId, waiting_since: at }).onConflict((oc) => oc.column('ticket_id').doNothing()).execute();
    return;
  }
  await scheduleCallback(trx, ticketId, addDays(localDay(at), callbackDays));
}

async function scheduleCallback(trx: Db, ticketId: number, dueOn: string): Promise<void> {
  const pending = await trx.selectFrom('callbacks').select('id').where('ticket_id', '=', ticketId).where('done_at', 'is', null).executeTakeFirst();
  if (!pending) await trx.insertInto('callbacks').values({ ticket_id: ticketId, due_on: dueOn }).execute();
}

/** Refused while the ticket waits for its approval: closing it, or calling the customer back. */
export async function assertNotWaiting(trx: Db, ticketId: number, what: 'close' | 'callback'): Promise<void> {
  const waiting = await trx.selectFrom('ticket_reviews').select('ticket_id').where('ticket_id', '=', ticketId).where('outcome', 'is', null).executeTakeFirst();
  if (waiting) throw refuse(what === 'close' ? 'review.errors.closeWaiting' : 'review.errors.callbackWaiting', {}, what === 'close' ? 'note' : 'ticketId');
}

/** A callback is made after the approval it waited for (to the minute, as typed times are). */
export async function assertAfterApproval(trx: Db, ticketId: number, at: number): Promise<number> {
  const review = await trx.selectFrom('ticket_reviews').select(['outcome', 'decided_at']).where('ticket_id', '=', ticketId).executeTakeFirst();
  if (review?.outcome !== 'approved' || review.decided_at === null) return at;
  if (Math.floor(at / MINUTE) < Math.floor(review.decided_at / MINUTE)) throw refuse('review.errors.callbackBeforeApproval', { approved: stampText(review.decided_at) }, 'at');
  return Math.max(at, review.decided_at);
}

export async function reviewSettings(ctx: ServiceContext, db: Db = ctx.db): Promise<ReviewSettings> {
  const [row, counts] = await Promise.all([
    db.selectFrom('review_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow(),
    db
      .selectNoFrom([
        sql<number>`(select count(*) from ticket_reviews r join tickets t on t.id = r.ticket_id where r.outcome is null and t.status = 'resolved')`.as('waiting'),
        sql<number>`(select count(*) from tickets t where t.status = 'resolved' and not exists (select 1 from ticket_reviews r where r.ticket_id = t.id))`.as('unchecked'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return { supervisorCheck: row.supervisor_check === 1, changedAt: row.changed_at, changedBy: row.changed_by, waiting: counts.waiting, resolvedUnchecked: counts.unchecked };
}

export async function configureReview(ctx: ServiceContext, input: z.output<typeof reviewConfigureInput>): Promise<ReviewConfigured> {
  const { service } = await getSettings(ctx);
  const released = await inTicketTransaction(ctx, async (trx, now, who) => {
    const on = await supervisorCheckOn(trx);
    if (on === input.supervisorCheck) return 0;
    await trx.updateTable('review_settings').set({ supervisor_check: input.supervisorCheck ? 1 : 0, changed_at: now, changed_by: who }).where('id', '=', 1).execute();
    if (input.supervisorCheck) return 0;
    const waiting = await trx
      .selectFrom('ticket_reviews as r')
      .innerJoin('tickets as t', 't.id', 'r.ticket_id')
      .select(['r.ticket_id', 'r.waiting_since'])
      .where('r.outcome', 'is', null)
      .execute();
    const today = todayIso(new Date(now));
    for (const w of waiting) {
      await trx.updateTable('ticket_reviews').set({ outcome: 'waived', decided_at: now, who, entered_at: now }).where('ticket_id', '=', w.ticket_id).execute();
      const due = addDays(localDay(w.waiting_since), service.callbackDays);
      await scheduleCallback(trx, w.ticket_id, due < today ? today : due);
      await addEvent(trx, w.ticket_id, { at: now, who, kind: 'review', data: { outcome: 'waived' } });
    }
    return waiting.length;
  });
  return { ...(await reviewSettings(ctx)), released };
}

export async function approveTicket(ctx: ServiceContext, input: z.output<typeof reviewApproveInput>): Promise<TicketDetail> {
  const { service } = await getSettings(ctx);
  await inTicketTransaction(ctx, async (trx, now, who) => {
    const row = await ticketRow(trx, input.ticketId);
    const review = await trx.selectFrom('ticket_reviews').selectAll().where('ticket_id', '=', row.id).executeTakeFirst();
    if (review?.outcome === 'approved' && review.decided_at !== null) {
      throw refuse('review.errors.alreadyApproved', { supervisor: review.supervisor ?? '', at: stampText(review.decided_at) }, 'ticketId');
    }
    if (!review || review.outcome !== null || row.status !== 'resolved') throw refuse('review.errors.notWaiting', { number: row.number }, 'ticketId');
    // A PC clock set back must not put the approval before the ticket's last entry.
    const entered = Math.max(now, row.updated_at);
    let at = input.at ?? entered;
    if (input.at !== null) {
      if (input.at > now + CLOCK_TOLERANCE_MS) throw refuse('review.errors.approvalInFuture', { now: stampText(now) }, 'at');
      if (Math.floor(input.at / MINUTE) < Math.floor(review.waiting_since / MINUTE)) throw refuse('review.errors.approvalBeforeCompletion', { resolved: stampText(review.waiting_since) }, 'at');
      at = Math.max(input.at, review.waiting_since);
    }
    await trx
      .updateTable('ticket_reviews')
      .set({ outcome: 'approved', decided_at: at, supervisor: input.supervisor, remark: input.remark, who, entered_at: entered })
      .where('ticket_id', '=', row.id)
      .execute();
    // The callback's deadline runs from the approval (seed 002: approved, then the clerk calls back).
    await scheduleCallback(trx, row.id, addDays(localDay(at), service.callbackDays));
    await addEvent(trx, row.id, { at, enteredAt: entered, who, kind: 'review', data: { outcome: 'approved', supervisor: input.supervisor, note: input.remark } });
  });
  return getTicket(ctx, input.ticketId);
}

/** Resolved tickets waiting for the supervisor, longest wait first (the Desk's list). */
export async function waitingForApproval(ctx: ServiceContext): Promise<ReviewWaitingRow[]> {
  const rows = await ctx.db
    .selectFrom('ticket_reviews as r')
    .innerJoin('tickets as t', 't.id', 'r.ticket_id')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .leftJoin('units as u', 'u.id', 't.unit_id')
    .leftJoin('product_models as m', 'm.id', 'u.model_id')
    .select([
      't.id',
      't.number',
      't.customer_id',
      'c.name',
      'r.waiting_since',
      'm.brand',
      'm.model',
      'u.serial',
      't.unregistered_unit',
      sql<string | null>`(select group_concat(x.name, '、') from ticket_technicians tt join technicians x on x.id = tt.technician_id where tt.ticket_id = t.id)`.as('names'),
    ])
    .where('r.outcome', 'is', null)
    .where('t.status', '=', 'resolved')
    .orderBy('r.waiting_since')
    .limit(500)
    .execute();
  const today = todayIso(ctx.now());
  return rows.map((r) => {
    return {
      ticketId: r.id,
      ticketNumber: r.number,
      customerId: r.customer_id,
      customerName: r.name,
      unitLabel: unitLabel(r),
      technicians: r.names ? r.names.split('、') : [],
      resolvedAt: r.waiting_since,
      days: Math.max(0, Math.round((Date.parse(today) - Date.parse(localDay(r.waiting_since))) / 86_400_000)),
    };
  });
}
