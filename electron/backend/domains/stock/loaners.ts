import type { z } from 'zod';
import { todayIso } from '../../../../shared/domain/dates';
import type { Loan, Loaner, loanIssueInput, loanListInput, loanerCreateInput, loanerUpdateInput } from '../../../../shared/schemas/resources';
import { type AppError, refusal, refuse, notFound } from '../../lib/errors';
import type { Db } from '../../db/schema';
import type { ServiceContext } from '../../app/context';
import { currentOperator } from '../../app/request-context';
import { addEvent } from '../tickets/common';

function loanerNotFound(id: number): AppError {
  return notFound('stock.errors.loanerNotFound', { id });
}

function selectLoaners(db: Db) {
  return db
    .selectFrom('loaners as l')
    .leftJoin('loans as o', (join) => join.onRef('o.loaner_id', '=', 'l.id').on('o.returned_at', 'is', null))
    .leftJoin('tickets as k', 'k.id', 'o.ticket_id')
    .select(['l.id', 'l.name', 'l.model', 'l.serial', 'l.note', 'l.active', 'o.id as loan_id', 'o.ticket_id', 'k.number as ticket_number']);
}

type LoanerRow = {
  id: number;
  name: string;
  model: string | null;
  serial: string | null;
  note: string | null;
  active: number;
  loan_id: number | null;
  ticket_id: number | null;
  ticket_number: string | null;
};

const toLoaner = (r: LoanerRow): Loaner => ({
  id: r.id,
  name: r.name,
  model: r.model,
  serial: r.serial,
  note: r.note,
  active: r.active === 1,
  outOn: r.loan_id !== null && r.ticket_id !== null ? { loanId: r.loan_id, ticketId: r.ticket_id, ticketNumber: r.ticket_number ?? '' } : null,
});

export async function getLoaner(ctx: ServiceContext, id: number, db: Db = ctx.db): Promise<Loaner> {
  const row = await selectLoaners(db).where('l.id', '=', id).executeTakeFirst();
  if (!row) throw loanerNotFound(id);
  return toLoaner(row);
}

export async function listLoaners(ctx: ServiceContext): Promise<Loaner[]> {
  const rows = await selectLoaners(ctx.db).orderBy('l.active', 'desc').orderBy('l.name').orderBy('l.id').execute();
  return rows.map(toLoaner);
}

type LoanerInput = z.output<typeof loanerCreateInput>;
const columns = (input: LoanerInput) => ({ name: input.name, model: input.model, serial: input.serial, note: input.note, active: input.active ? 1 : 0 });

export async function createLoaner(ctx: ServiceContext, input: LoanerInput): Promise<Loaner> {
  const { id } = await ctx.db
    .insertInto('loaners')
    .values({ ...columns(input), created_at: ctx.now().getTime() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getLoaner(ctx, id);
}

/** Retiring a loaner that is out leaves the loan open: it still has to come back. */
export async function updateLoaner(ctx: ServiceContext, input: z.output<typeof loanerUpdateInput>): Promise<Loaner> {
  const { id, ...fields } = input;
  return ctx.db.transaction().execute(async (trx) => {
    await getLoaner(ctx, id, trx);
    await trx.updateTable('loaners').set(columns(fields)).where('id', '=', id).execute();
    return getLoaner(ctx, id, trx);
  });
}

function selectLoans(db: Db) {
  return db
    .selectFrom('loans as o')
    .innerJoin('tickets as k', 'k.id', 'o.ticket_id')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .leftJoin('loaners as l', 'l.id', 'o.loaner_id')
    .select([
      'o.id',
      'o.ticket_id',
      'k.number as ticket_number',
      'c.name as customer_name',
      'o.loaner_id',
      'l.name as loaner_name',
      'o.issued_at',
      'o.expected_return',
      'o.returned_at',
      'o.received_unit',
      'o.note',
    ]);
}

type LoanRow = {
  id: number;
  ticket_id: number;
  ticket_number: string;
  customer_name: string;
  loaner_id: number | null;
  loaner_name: string | null;
  issued_at: number;
  expected_return: string | null;
  returned_at: number | null;
  received_unit: string | null;
  note: string | null;
};

function toLoan(r: LoanRow, today: string): Loan {
  return {
    id: r.id,
    ticketId: r.ticket_id,
    ticketNumber: r.ticket_number,
    customerName: r.customer_name,
    loanerId: r.loaner_id,
    loanerName: r.loaner_name,
    issuedAt: r.issued_at,
    expectedReturn: r.expected_return,
    returnedAt: r.returned_at,
    receivedUnit: r.received_unit,
    note: r.note,
    overdue: r.returned_at === null && r.expected_return !== null && r.expected_return < today,
  };
}

async function getLoan(ctx: ServiceContext, db: Db, id: number): Promise<Loan> {
  const row = await selectLoans(db).where('o.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('stock.errors.loanNotFound', { id });
  return toLoan(row, todayIso(ctx.now()));
}

export async function listLoans(ctx: ServiceContext, input: z.output<typeof loanListInput>): Promise<Loan[]> {
  const rows = await selectLoans(ctx.db)
    .$if(input.openOnly, (q) => q.where('o.returned_at', 'is', null))
    .orderBy('o.issued_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(500)
    .execute();
  const today = todayIso(ctx.now());
  return rows.map((r) => toLoan(r, today));
}

/**
 * Lends a loaner while the customer's unit is away, or records that none was available: the
 * promise of a loaner within 48 h is then visibly broken, not silently forgotten.
 */
export async function issueLoan(ctx: ServiceContext, input: z.output<typeof loanIssueInput>): Promise<Loan> {
  return ctx.db.transaction().execute(async (trx) => {
    const ticket = await trx.selectFrom('tickets').select(['id', 'number', 'open']).where('id', '=', input.ticketId).executeTakeFirst();
    if (!ticket) throw notFound('ticketing.errors.notFound', { id: input.ticketId });
    if (ticket.open !== 1) {
      throw refuse('stock.errors.ticketNotOpen', { number: ticket.number }, 'ticketId');
    }
    const today = todayIso(ctx.now());
    if (input.expectedReturn !== null && input.expectedReturn < today) {
      throw refuse('stock.errors.returnBeforeToday', { today }, 'expectedReturn');
    }
    let loanerName: string | null = null;
    if (input.loanerId !== null) {
      const loaner = await getLoaner(ctx, input.loanerId, trx);
      if (!loaner.active) {
        throw refusal('CONFLICT', 'stock.errors.loanerInactive', { name: loaner.name });
      }
      if (loaner.outOn) {
        const params = { name: loaner.name, number: loaner.outOn.ticketNumber };
        throw refusal('CONFLICT', 'stock.errors.loanerOut', params, { field: 'loanerId' });
      }
      loanerName = loaner.name;
    }
    const who = currentOperator();
    const at = ctx.now().getTime();
    const { id } = await trx
      .insertInto('loans')
      .values({
        ticket_id: ticket.id,
        loaner_id: input.loanerId,
        issued_at: at,
        expected_return: input.expectedReturn,
        returned_at: null,
        received_unit: input.receivedUnit,
        note: input.note,
        who,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addEvent(trx, ticket.id, { at, who, kind: 'loan', data: { loanId: id, loanerName, none: input.loanerId === null } });
    return getLoan(ctx, trx, id);
  });
}

/** The loaner is back (or the "none available" record is closed); the ticket's timeline says so. */
export async function returnLoan(ctx: ServiceContext, id: number): Promise<Loan> {
  return ctx.db.transaction().execute(async (trx) => {
    const loan = await getLoan(ctx, trx, id);
    if (loan.returnedAt !== null) {
      throw refusal('CONFLICT', 'stock.errors.loanReturned', { number: loan.ticketNumber });
    }
    const at = ctx.now().getTime();
    const who = currentOperator();
    await trx.updateTable('loans').set({ returned_at: at }).where('id', '=', id).where('returned_at', 'is', null).execute();
    await addEvent(trx, loan.ticketId, { at, who, kind: 'loan', data: { loanId: id, loanerName: loan.loanerName, returned: true } });
    return getLoan(ctx, trx, id);
  });
}
