import type { z } from 'zod';
import { addDays, todayIso } from '../../../../shared/domain/dates';
import type { FeedbackForm, feedbackAnswerInput, feedbackCreateInput, feedbackListInput } from '../../../../shared/schemas/settle';
import type { ServiceContext } from '../../app/context';
import { currentOperator } from '../../app/request-context';
import type { Db } from '../../db/schema';
import { notFound, refusal, refuse } from '../../lib/errors';
import { takeNumber } from '../../lib/sequences';
import { ticketRow } from '../tickets/common';
import { makerOfUnit } from './makers';
import { getSettleSettings } from './settings';

/*
 * The information feedback form (信息返馈单, seed 001): a quality problem goes to the maker the
 * same day, and the maker answers within three days (configurable). Open past its day, it shows
 * overdue on the Desk. Raised from a ticket, or from an early warning of the owner's reports.
 */

async function loadForms(ctx: ServiceContext, db: Db, where: { id?: number; openOnly?: boolean }): Promise<FeedbackForm[]> {
  const today = todayIso(ctx.now());
  let q = db
    .selectFrom('feedback_forms as f')
    .innerJoin('makers as m', 'm.id', 'f.maker_id')
    .innerJoin('product_models as pm', 'pm.id', 'f.model_id')
    .leftJoin('tickets as t', 't.id', 'f.ticket_id')
    .leftJoin('customers as c', 'c.id', 't.customer_id')
    .leftJoin('units as u', 'u.id', 'f.unit_id')
    .selectAll('f')
    .select(['m.name as maker_name', 'pm.brand', 'pm.model', 't.number as ticket_number', 'c.name as customer_name', 'u.serial']);
  if (where.id !== undefined) q = q.where('f.id', '=', where.id);
  if (where.openOnly) q = q.where('f.answered_on', 'is', null);
  const rows = await q.orderBy('f.due_on').orderBy('f.id').execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    makerId: r.maker_id,
    makerName: r.maker_name,
    ticketId: r.ticket_id,
    ticketNumber: r.ticket_number,
    unitId: r.unit_id,
    serial: r.serial,
    modelName: `${r.brand} ${r.model}`,
    customerName: r.customer_name,
    problem: r.problem,
    raisedOn: r.raised_on,
    dueOn: r.due_on,
    answeredOn: r.answered_on,
    answer: r.answer,
    overdue: r.answered_on === null && today > r.due_on,
  }));
}

export async function getFeedback(ctx: ServiceContext, id: number, db: Db = ctx.db): Promise<FeedbackForm> {
  const [form] = await loadForms(ctx, db, { id });
  if (!form) throw notFound('settle.errors.feedbackNotFound', { id });
  return form;
}

export function listFeedback(ctx: ServiceContext, input: z.output<typeof feedbackListInput>): Promise<FeedbackForm[]> {
  return loadForms(ctx, ctx.db, { openOnly: input.openOnly });
}

export async function overdueFeedback(ctx: ServiceContext): Promise<FeedbackForm[]> {
  return (await loadForms(ctx, ctx.db, { openOnly: true })).filter((f) => f.overdue);
}

/** What a form is about: one ticket's unit, or an early warning's tickets (one model; its unit when they share one). */
async function feedbackSubject(trx: Db, input: z.output<typeof feedbackCreateInput>): Promise<{ ticketId: number | null; unitId: number | null; makerId: number; modelId: number }> {
  if (input.ticketId !== undefined) {
    const ticket = await ticketRow(trx, input.ticketId);
    if (ticket.unit_id === null) throw refuse('settle.errors.ticketWithoutUnit', { number: ticket.number }, 'ticketId');
    const { makerId, modelId } = await makerOfUnit(trx, ticket.unit_id);
    return { ticketId: ticket.id, unitId: ticket.unit_id, makerId, modelId };
  }
  const ids = input.warningTicketIds ?? [];
  const rows = await trx.selectFrom('tickets as t').innerJoin('units as u', 'u.id', 't.unit_id').select(['t.id', 'u.id as unit_id', 'u.model_id']).where('t.id', 'in', ids).orderBy('t.id').execute();
  if (rows.length === 0) throw refuse('settle.errors.warningWithoutUnits', {}, 'warningTicketIds');
  if (new Set(rows.map((r) => r.model_id)).size > 1) throw refuse('settle.errors.warningManyModels', {}, 'warningTicketIds');
  const { makerId, modelId } = await makerOfUnit(trx, rows[0]!.unit_id);
  // A repeated fault is one unit's: the form names it and its latest ticket. A rate is the model's.
  const oneUnit = new Set(rows.map((r) => r.unit_id)).size === 1;
  return { ticketId: oneUnit ? rows[rows.length - 1]!.id : null, unitId: oneUnit ? rows[0]!.unit_id : null, makerId, modelId };
}

export async function createFeedback(ctx: ServiceContext, input: z.output<typeof feedbackCreateInput>): Promise<FeedbackForm> {
  return ctx.db.transaction().execute(async (trx) => {
    const subject = await feedbackSubject(trx, input);
    const { makerId, modelId } = subject;
    const now = ctx.now();
    const today = todayIso(now);
    // Same day by default (seed 001: 当天传真); an earlier day may be typed, never a later one.
    const raisedOn = input.raisedOn ?? today;
    if (raisedOn > today) throw refuse('settle.errors.dayInFuture', { day: raisedOn, today }, 'raisedOn');
    const { feedbackAnswerDays } = await getSettleSettings(ctx, trx);
    const number = await takeNumber(trx, 'feedbackForm', 'FK', now.getFullYear());
    const { id } = await trx
      .insertInto('feedback_forms')
      .values({
        number,
        maker_id: makerId,
        ticket_id: subject.ticketId,
        unit_id: subject.unitId,
        model_id: modelId,
        problem: input.problem,
        raised_on: raisedOn,
        due_on: addDays(raisedOn, feedbackAnswerDays),
        answered_on: null,
        answer: null,
        created_by: currentOperator(),
        created_at: now.getTime(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return getFeedback(ctx, id, trx);
  });
}

export async function answerFeedback(ctx: ServiceContext, input: z.output<typeof feedbackAnswerInput>): Promise<FeedbackForm> {
  return ctx.db.transaction().execute(async (trx) => {
    const form = await getFeedback(ctx, input.id, trx);
    if (form.answeredOn) throw refusal('CONFLICT', 'settle.errors.feedbackAnswered', { number: form.number, day: form.answeredOn });
    const today = todayIso(ctx.now());
    if (input.answeredOn > today) throw refuse('settle.errors.dayInFuture', { day: input.answeredOn, today }, 'answeredOn');
    if (input.answeredOn < form.raisedOn) throw refuse('settle.errors.dayBeforeStep', { day: input.answeredOn, before: form.raisedOn }, 'answeredOn');
    await trx.updateTable('feedback_forms').set({ answer: input.answer, answered_on: input.answeredOn }).where('id', '=', form.id).execute();
    return getFeedback(ctx, form.id, trx);
  });
}
