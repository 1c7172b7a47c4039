import type { z } from 'zod';
import { todayIso } from '../../../../shared/domain/dates';
import type { ScrapRecord, UnitLoanOut, scrapCreateInput } from '../../../../shared/schemas/settle';
import type { ServiceContext } from '../../app/context';
import { currentOperator } from '../../app/request-context';
import type { Db } from '../../db/schema';
import { notFound, refusal, refuse } from '../../lib/errors';
import { takeNumber } from '../../lib/sequences';
import { syncHandoverVisits } from '../maintenance/handover';
import { changeStock, partNotFound } from '../stock/parts';

/*
 * The scrapping record (报废品处理记录, seed 003: equipment to be scrapped is assessed, the record
 * filled in truthfully, and disposed of by the approved method). A unit, a loaner or stock parts,
 * approved with the admin PIN (the channel's guard); the record, the stock and the unit's own
 * record change in one transaction. A loaner out with the customer whose unit is scrapped may
 * stay with them for good: the loan closes and the loaner leaves the pool.
 */

export async function loadScrapRecords(db: Db, id?: number): Promise<ScrapRecord[]> {
  const rows = await db
    .selectFrom('scrap_records as s')
    .leftJoin('units as u', 'u.id', 's.unit_id')
    .leftJoin('product_models as pm', 'pm.id', 'u.model_id')
    .leftJoin('customers as c', 'c.id', 'u.customer_id')
    .leftJoin('loaners as l', 'l.id', 's.loaner_id')
    .leftJoin('parts as p', 'p.id', 's.part_id')
    .leftJoin('loans as kl', 'kl.id', 's.kept_loan_id')
    .leftJoin('loaners as kln', 'kln.id', 'kl.loaner_id')
    .selectAll('s')
    .select(['u.serial', 'pm.brand', 'pm.model', 'c.name as customer_name', 'l.name as loaner_name', 'l.serial as loaner_serial', 'p.part_number', 'p.name as part_name', 'kln.name as kept_name'])
    .$if(id !== undefined, (q) => q.where('s.id', '=', id!))
    .orderBy('s.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    kind: r.kind as ScrapRecord['kind'],
    unitId: r.unit_id,
    loanerId: r.loaner_id,
    partId: r.part_id,
    what:
      r.kind === 'unit'
        ? `${r.brand ?? ''} ${r.model ?? ''} ${r.serial ?? ''}`.trim()
        : r.kind === 'loaner'
          ? [r.loaner_name, r.loaner_serial].filter(Boolean).join(' ')
          : `${r.part_number ?? ''} ${r.part_name ?? ''}`.trim(),
    customerName: r.customer_name,
    quantity: r.quantity,
    reason: r.reason,
    assessment: r.assessment,
    disposal: r.disposal,
    approvedBy: r.approved_by,
    scrappedOn: r.scrapped_on,
    keptLoaner: r.kept_name,
    note: r.note,
    createdBy: r.created_by,
  }));
}

export async function getScrapRecord(ctx: ServiceContext, id: number, db: Db = ctx.db): Promise<ScrapRecord> {
  const [record] = await loadScrapRecords(db, id);
  if (!record) throw notFound('settle.errors.scrapNotFound', { id });
  return record;
}

export function listScrapRecords(ctx: ServiceContext): Promise<ScrapRecord[]> {
  return loadScrapRecords(ctx.db);
}

/** What the scrapping dialog offers to leave with the customer: loaners out on the unit's tickets. */
export async function unitLoansOut(db: Db, unitId: number): Promise<UnitLoanOut[]> {
  const unit = await db.selectFrom('units').select('id').where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw notFound('settle.errors.unitNotFound', { id: unitId }, 'unitId');
  const rows = await db
    .selectFrom('loans as l')
    .innerJoin('tickets as t', 't.id', 'l.ticket_id')
    .innerJoin('loaners as ln', 'ln.id', 'l.loaner_id')
    .select(['l.id', 'ln.name', 't.number', 'l.issued_at'])
    .where('t.unit_id', '=', unitId)
    .where('l.returned_at', 'is', null)
    .orderBy('l.issued_at')
    .execute();
  return rows.map((r) => ({ loanId: r.id, loanerName: r.name, ticketNumber: r.number, issuedAt: r.issued_at }));
}

async function openLoanOf(db: Db, loanerId: number) {
  return db
    .selectFrom('loans as l')
    .innerJoin('tickets as t', 't.id', 'l.ticket_id')
    .select(['l.id', 't.number', 't.unit_id'])
    .where('l.loaner_id', '=', loanerId)
    .where('l.returned_at', 'is', null)
    .executeTakeFirst();
}

async function scrapUnit(ctx: ServiceContext, trx: Db, input: z.output<typeof scrapCreateInput>, number: string, at: number): Promise<number | null> {
  const unitId = input.unitId!;
  const unit = await trx.selectFrom('units').select(['id', 'serial', 'status']).where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw notFound('settle.errors.unitNotFound', { id: unitId }, 'unitId');
  if (unit.status === 'scrapped') throw refusal('CONFLICT', 'settle.errors.alreadyScrapped', { what: unit.serial });
  if (unit.status === 'onLoan') throw refuse('settle.errors.scrapOnLoan', { what: unit.serial }, 'unitId');
  let keptLoanId: number | null = null;
  if (input.keepLoanId !== undefined) {
    const loan = await trx
      .selectFrom('loans as l')
      .innerJoin('tickets as t', 't.id', 'l.ticket_id')
      .select(['l.id', 'l.loaner_id', 'l.returned_at', 'l.note', 't.unit_id'])
      .where('l.id', '=', input.keepLoanId)
      .executeTakeFirst();
    if (!loan || loan.unit_id !== unitId || loan.loaner_id === null || loan.returned_at !== null) throw refuse('settle.errors.keepLoanNotOpen', { what: unit.serial }, 'keepLoanId');
    await trx.updateTable('loans').set({ returned_at: at, note: [loan.note, number].filter(Boolean).join(' · ') }).where('id', '=', loan.id).execute();
    await trx.updateTable('loaners').set({ active: 0 }).where('id', '=', loan.loaner_id).execute();
    keptLoanId = loan.id;
  }
  await trx.updateTable('units').set({ status: 'scrapped', updated_at: at }).where('id', '=', unitId).execute();
  await trx.insertInto('unit_status_history').values({ unit_id: unitId, status: 'scrapped', changed_at: at, note: number }).execute();
  await syncHandoverVisits(ctx, trx, unitId);
  return keptLoanId;
}

async function scrapLoaner(trx: Db, loanerId: number): Promise<void> {
  const loaner = await trx.selectFrom('loaners').select(['id', 'name', 'active']).where('id', '=', loanerId).executeTakeFirst();
  if (!loaner) throw notFound('stock.errors.loanerNotFound', { id: loanerId }, 'loanerId');
  const out = await openLoanOf(trx, loanerId);
  if (out) throw refuse('settle.errors.scrapOnLoan', { what: `${loaner.name} (${out.number})` }, 'loanerId');
  if (loaner.active === 0) {
    const done = await trx.selectFrom('scrap_records').select('number').where('loaner_id', '=', loanerId).executeTakeFirst();
    if (done) throw refusal('CONFLICT', 'settle.errors.alreadyScrapped', { what: loaner.name });
  }
  await trx.updateTable('loaners').set({ active: 0 }).where('id', '=', loanerId).execute();
}

export async function createScrapRecord(ctx: ServiceContext, input: z.output<typeof scrapCreateInput>): Promise<ScrapRecord> {
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    const at = now.getTime();
    const number = await takeNumber(trx, 'scrapRecord', 'BF', now.getFullYear());
    let keptLoanId: number | null = null;
    if (input.kind === 'unit') keptLoanId = await scrapUnit(ctx, trx, input, number, at);
    if (input.kind === 'loaner') await scrapLoaner(trx, input.loanerId!);
    if (input.kind === 'part') {
      const part = await trx.selectFrom('parts').select('id').where('id', '=', input.partId!).executeTakeFirst();
      if (!part) throw partNotFound(input.partId!);
      // changeStock refuses a count below zero: nothing is scrapped that is not on the shelf.
      await changeStock(trx, { partId: input.partId!, delta: -input.quantity, reason: 'adjust', note: number, who: currentOperator(), at });
    }
    const { id } = await trx
      .insertInto('scrap_records')
      .values({
        number,
        kind: input.kind,
        unit_id: input.kind === 'unit' ? input.unitId! : null,
        loaner_id: input.kind === 'loaner' ? input.loanerId! : null,
        part_id: input.kind === 'part' ? input.partId! : null,
        quantity: input.kind === 'part' ? input.quantity : 1,
        reason: input.reason,
        assessment: input.assessment,
        disposal: input.disposal,
        approved_by: input.approvedBy,
        scrapped_on: todayIso(now),
        kept_loan_id: keptLoanId,
        note: input.note,
        created_by: currentOperator(),
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return getScrapRecord(ctx, id, trx);
  });
}
