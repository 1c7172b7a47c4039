import { sql } from 'kysely';
import type { z } from 'zod';
import { deadline, deadlineState } from '../../../../shared/domain/sla';
import type { Complaint, complaintCreateInput, complaintListInput, complaintUpdateInput } from '../../../../shared/schemas/service';
import { type AppError, refusal, refuse, notFound } from '../../lib/errors';
import type { Db } from '../../db/schema';
import { loadCalendar } from './calendar';
import type { ServiceContext } from '../../app/context';
import { getSettings } from '../admin/settings';
import { currentOperator } from '../../app/request-context';
import { takeNumber } from '../../lib/sequences';

type Step = Complaint['steps'][number];

function selectComplaints(db: Db) {
  return db
    .selectFrom('complaints as c')
    .leftJoin('customers as cu', 'cu.id', 'c.customer_id')
    .leftJoin('tickets as t', 't.id', 'c.ticket_id')
    .selectAll('c')
    .select(['cu.name as customer_name', 't.number as ticket_number']);
}

type ComplaintRow = Awaited<ReturnType<ReturnType<typeof selectComplaints>['executeTakeFirstOrThrow']>>;

function toComplaint(r: ComplaintRow, now: number): Complaint {
  return {
    id: r.id,
    number: r.number,
    channel: r.channel as Complaint['channel'],
    content: r.content,
    customerId: r.customer_id,
    customerName: r.customer_name,
    ticketId: r.ticket_id,
    ticketNumber: r.ticket_number,
    receivedAt: r.received_at,
    answerDue: r.answer_due,
    replyDue: r.reply_due,
    resolveDue: r.resolve_due,
    handler: r.handler,
    answeredAt: r.answered_at,
    repliedAt: r.replied_at,
    steps: JSON.parse(r.steps) as Step[],
    resolution: r.resolution,
    verdict: r.verdict as Complaint['verdict'],
    resolvedAt: r.resolved_at,
    closedAt: r.closed_at,
    answerState: deadlineState(r.received_at, r.answer_due, r.answered_at, now),
    // Complaints recorded before the reply promise existed (migration 0260) owe none.
    replyState: r.reply_due === null ? null : deadlineState(r.received_at, r.reply_due, r.replied_at, now),
    resolveState: deadlineState(r.received_at, r.resolve_due, r.resolved_at, now),
  };
}

function complaintMissing(id: number): AppError {
  return notFound('service.errors.complaintMissing', { id });
}

export async function getComplaint(ctx: ServiceContext, id: number, db: Db = ctx.db): Promise<Complaint> {
  const row = await selectComplaints(db).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw complaintMissing(id);
  return toComplaint(row, ctx.now().getTime());
}

/** Open ones by the resolution they owe, soonest first; with closed ones, the latest closed after them. */
export async function listComplaints(ctx: ServiceContext, input: z.output<typeof complaintListInput>): Promise<Complaint[]> {
  const rows = await selectComplaints(ctx.db)
    .$if(input.openOnly, (q) => q.where('c.closed_at', 'is', null))
    .orderBy(sql`c.closed_at is not null`)
    .orderBy(sql`case when c.closed_at is null then c.resolve_due else -c.closed_at end`)
    .orderBy('c.id')
    .limit(input.limit)
    .execute();
  const now = ctx.now().getTime();
  return rows.map((r) => toComplaint(r, now));
}



/** The customer the complaint is about: the one given, else the ticket's. */
async function customerFor(trx: Db, input: z.output<typeof complaintCreateInput>): Promise<number | null> {
  let ticketCustomer: number | null = null;
  if (input.ticketId !== null) {
    const ticket = await trx.selectFrom('tickets').select(['customer_id']).where('id', '=', input.ticketId).executeTakeFirst();
    if (!ticket) {
      throw refusal('NOT_FOUND', 'service.errors.ticketMissing', { id: input.ticketId }, { field: 'ticketId' });
    }
    ticketCustomer = ticket.customer_id;
  }
  if (input.customerId === null) return ticketCustomer;
  const customer = await trx.selectFrom('customers').select('id').where('id', '=', input.customerId).executeTakeFirst();
  if (!customer) {
    throw refusal('NOT_FOUND', 'errors.customerNotFound', { id: input.customerId }, { field: 'customerId' });
  }
  if (ticketCustomer !== null && ticketCustomer !== input.customerId) {
    throw refuse('service.errors.ticketNotCustomers', undefined, 'ticketId');
  }
  return input.customerId;
}

/** Records a complaint; the promised answer and resolution times run from the moment it came in. */
export async function createComplaint(ctx: ServiceContext, input: z.output<typeof complaintCreateInput>): Promise<Complaint> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const customerId = await customerFor(trx, input);
    const settings = await getSettings(ctx, trx);
    const calendar = await loadCalendar(ctx, trx);
    const now = ctx.now();
    const at = now.getTime();
    const row = await trx
      .insertInto('complaints')
      .values({
        number: await takeNumber(trx, 'complaint', 'TS', now.getFullYear()),
        channel: input.channel,
        content: input.content,
        customer_id: customerId,
        ticket_id: input.ticketId,
        received_at: at,
        answer_due: deadline(at, settings.service.complaintAnswer, calendar),
        reply_due: deadline(at, settings.service.complaintReply, calendar),
        resolve_due: deadline(at, settings.service.complaintResolve, calendar),
        handler: input.handler,
        created_by: currentOperator(),
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
  return getComplaint(ctx, id);
}

async function openComplaint(ctx: ServiceContext, trx: Db, id: number) {
  const row = await trx.selectFrom('complaints').select(['id', 'number', 'closed_at', 'answered_at', 'replied_at', 'steps', 'resolution']).where('id', '=', id).executeTakeFirst();
  if (!row) throw complaintMissing(id);
  if (row.closed_at !== null) {
    throw refusal('CONFLICT', 'service.errors.complaintClosed', { number: row.number });
  }
  return row;
}

/**
 * Records progress. The fields the schema turns into null when left out (handler, resolution,
 * verdict) keep their stored value, so a call that only adds a step cannot wipe the rest.
 */
export async function updateComplaint(ctx: ServiceContext, input: z.output<typeof complaintUpdateInput>): Promise<Complaint> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await openComplaint(ctx, trx, input.id);
    const at = ctx.now().getTime();
    const steps = JSON.parse(row.steps) as Step[];
    if (input.step !== null) steps.push({ at, who: currentOperator(), text: input.step });
    await trx
      .updateTable('complaints')
      .set({
        ...(input.handler !== null && { handler: input.handler }),
        ...(input.resolution !== null && { resolution: input.resolution }),
        ...(input.verdict !== null && { verdict: input.verdict }),
        // The first answer is a promise kept once; answering again does not move it.
        ...(input.answered === true && row.answered_at === null && { answered_at: at }),
        // A reply is also an acknowledgement, if none was recorded.
        ...(input.replied === true && row.replied_at === null && { replied_at: at, answered_at: row.answered_at ?? at }),
        steps: JSON.stringify(steps),
        updated_at: at,
      })
      .where('id', '=', input.id)
      .execute();
  });
  return getComplaint(ctx, input.id);
}

/** Closing reports the outcome to the customer, which also counts as the answer and the reply if none was recorded. */
export async function closeComplaint(ctx: ServiceContext, id: number): Promise<Complaint> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await openComplaint(ctx, trx, id);
    if (!row.resolution) {
      throw refuse('service.errors.resolutionRequired', undefined, 'resolution');
    }
    const at = ctx.now().getTime();
    await trx
      .updateTable('complaints')
      .set({ resolved_at: at, closed_at: at, answered_at: row.answered_at ?? at, replied_at: row.replied_at ?? at, updated_at: at })
      .where('id', '=', id)
      .execute();
  });
  return getComplaint(ctx, id);
}
