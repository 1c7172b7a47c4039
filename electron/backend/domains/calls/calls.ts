import { sql } from 'kysely';
import type { z } from 'zod';
import { localDay } from '../../../../shared/domain/dates';
import { DEFAULT_PHONE_TARGET_PCT, PHONE_SOLVABLE_STATUSES, type CallOutcome, type CallPurpose } from '../../../../shared/domain/calls';
import type { TicketStatus } from '../../../../shared/domain/ticket-status';
import type { Call, CallDay, CallRules, callDayInput, callRulesInput, callSolveTicketInput } from '../../../../shared/schemas/call';
import type { TicketDetail } from '../../../../shared/schemas/ticket';
import type { ServiceContext } from '../../app/context';
import { currentOperator } from '../../app/request-context';
import type { Db } from '../../db/schema';
import { notFound, refuse } from '../../lib/errors';
import { transitionTicket } from '../tickets/flow';
import { insertCall, type LogInput } from './log';

/*
 * The call log (来电登记): every incoming call in a few keystrokes, and a repair ticket ended on
 * the phone before anyone was sent (seed 004: solve at once what can be solved by phone).
 */

export function callsQuery(db: Db) {
  return db
    .selectFrom('calls')
    .leftJoin('customers', 'customers.id', 'calls.customer_id')
    .leftJoin('units', 'units.id', 'calls.unit_id')
    .leftJoin('product_models', 'product_models.id', 'units.model_id')
    .leftJoin('tickets', 'tickets.id', 'calls.ticket_id')
    .select([
      'calls.id',
      'calls.at',
      'calls.day',
      'calls.customer_id',
      'customers.name as customer_name',
      'calls.caller_name',
      'calls.caller_phone',
      'calls.unit_id',
      'product_models.brand',
      'product_models.model',
      'units.serial',
      'calls.purpose',
      'calls.outcome',
      'calls.notes',
      'calls.ticket_id',
      'tickets.number as ticket_number',
      'calls.created_by',
    ]);
}

type CallRow = Awaited<ReturnType<ReturnType<typeof callsQuery>['executeTakeFirstOrThrow']>>;

export function toCall(r: CallRow): Call {
  return {
    id: r.id,
    at: r.at,
    day: r.day,
    customerId: r.customer_id,
    customerName: r.customer_name ?? null,
    callerName: r.caller_name,
    callerPhone: r.caller_phone,
    unitId: r.unit_id,
    unitLabel: r.serial ? `${r.brand ?? ''} ${r.model ?? ''} ${r.serial}`.trim() : null,
    purpose: r.purpose as CallPurpose,
    outcome: r.outcome as CallOutcome,
    notes: r.notes,
    ticketId: r.ticket_id,
    ticketNumber: r.ticket_number ?? null,
    createdBy: r.created_by,
  };
}

export async function getCall(db: Db, id: number): Promise<Call> {
  const row = await callsQuery(db).where('calls.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('calls.errors.notFound', { id });
  return toCall(row);
}

export async function logCall(ctx: ServiceContext, input: LogInput): Promise<Call> {
  const at = ctx.now().getTime();
  const id = await ctx.db.transaction().execute((trx) => insertCall(trx, input, at, currentOperator()));
  return getCall(ctx.db, id);
}

/** The Desk lists this many of a day's calls; the day's counts are over all of them. */
export const DAY_LIST_LIMIT = 200;

/** The day's calls, newest first (today's by default), and how many there were, solved on the phone or not. */
export async function dayCalls(ctx: ServiceContext, input: z.output<typeof callDayInput>): Promise<CallDay> {
  const day = input.day ?? localDay(ctx.now());
  const [rows, counts] = await Promise.all([
    callsQuery(ctx.db).where('calls.day', '=', day).orderBy('calls.at', 'desc').orderBy('calls.id', 'desc').limit(DAY_LIST_LIMIT).execute(),
    ctx.db
      .selectFrom('calls')
      .select([sql<number>`count(*)`.as('total'), sql<number>`coalesce(sum(outcome = 'solvedByPhone'), 0)`.as('solved')])
      .where('day', '=', day)
      .executeTakeFirstOrThrow(),
  ]);
  return { day, calls: rows.map(toCall), total: Number(counts.total), solvedByPhone: Number(counts.solved) };
}

/**
 * A repair ticket ended on the phone: refused, with the reason, once someone has been sent (or
 * the ticket is finished); otherwise the ticket is resolved with the advice as its action, and
 * the call is logged with it, in one transaction.
 */
export async function solveTicketByPhone(ctx: ServiceContext, input: z.output<typeof callSolveTicketInput>): Promise<TicketDetail> {
  const ticket = await ctx.db.selectFrom('tickets').select(['id', 'number', 'status', 'customer_id', 'unit_id', 'contact_name', 'contact_phone']).where('id', '=', input.ticketId).executeTakeFirst();
  if (!ticket) throw notFound('ticketing.errors.notFound', { id: input.ticketId }, 'ticketId');
  const status = ticket.status as TicketStatus;
  if (!(PHONE_SOLVABLE_STATUSES as readonly string[]).includes(status)) {
    const finished = status === 'resolved' || status === 'calledBack' || status === 'closed' || status === 'cancelled';
    throw refuse(finished ? 'calls.errors.ticketFinished' : 'calls.errors.ticketDispatched', { number: ticket.number, status }, 'ticketId');
  }
  // Answering first is true of any call; the phone solution and its call are one transaction.
  if (status === 'new') await transitionTicket(ctx, { id: ticket.id, to: 'answered', note: null, at: null });
  // The move logs the call itself (tickets:transition takes the same path).
  return transitionTicket(ctx, { id: ticket.id, to: 'resolved', note: input.advice, at: null });
}

const TARGET_KEY = 'phoneTargetPct';

export async function getCallRules(ctx: ServiceContext): Promise<CallRules> {
  const row = await ctx.db.selectFrom('call_settings').select('value').where('key', '=', TARGET_KEY).executeTakeFirst();
  return { phoneTargetPct: row ? (JSON.parse(row.value) as number) : DEFAULT_PHONE_TARGET_PCT };
}

export async function setCallRules(ctx: ServiceContext, input: z.output<typeof callRulesInput>): Promise<CallRules> {
  const value = JSON.stringify(input.phoneTargetPct);
  await ctx.db.insertInto('call_settings').values({ key: TARGET_KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
  return getCallRules(ctx);
}
