import { sql } from 'kysely';
import type { z } from 'zod';
import { addDays, addMonths, daysBetween, localDay, todayIso } from '../../../../shared/domain/dates';
import type {
  MakerReturnsPack,
  MakerReturnsRecord,
  PartReplacedRow,
  ReturnsDue,
  SaleRow,
  SalesStats,
  SlipRow,
  makerReturnsListInput,
  makerReturnsSentInput,
} from '../../../../shared/schemas/maker-returns';
import type { ServiceContext } from '../../app/context';
import type { Db } from '../../db/schema';
import { refusal, refuse } from '../../lib/errors';
import { complaintsReport, reportBounds, repairsReport, satisfactionReport } from '../reports/reports';
import { getMaker } from './makers';
import { getSettleSettings } from './settings';

/*
 * The monthly returns to a maker (seed 001: by a fixed day each month the parts-replaced list,
 * the repair monthly report, the satisfaction survey and customer opinion statistics, the sales
 * statistics and the warranty return slips go to the maker's service department). Drawn from the
 * desk's data for the maker's models only: the repair, satisfaction and complaint figures are the
 * owner's-month reports (issue 17) narrowed to those models; the parts list, the sales and the
 * slips are read here, since the owner's reports have no line-by-line form of them.
 */

/** First and last day of a month written YYYY-MM. */
export function monthDays(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  return { from, to: addDays(addMonths(from, 1), -1) };
}

/** The maker's due day in the month after the one reported. */
export function returnsDueOn(month: string, dueDay: number): string {
  return `${addMonths(`${month}-01`, 1).slice(0, 7)}-${String(dueDay).padStart(2, '0')}`;
}

async function makerModelIds(db: Db, makerId: number): Promise<number[]> {
  return (await db.selectFrom('product_models').select('id').where('maker_id', '=', makerId).orderBy('id').execute()).map((m) => m.id);
}

/** Every part fitted on the maker's units in the month, tickets not cancelled, with the claim it went on. */
async function partsReplaced(db: Db, makerId: number, from: string, to: string): Promise<PartReplacedRow[]> {
  const rows = await db
    .selectFrom('ticket_parts as tp')
    .innerJoin('tickets as t', 't.id', 'tp.ticket_id')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .innerJoin('product_models as pm', 'pm.id', 'u.model_id')
    .innerJoin('parts as p', 'p.id', 'tp.part_id')
    .leftJoin('warranty_claim_lines as l', 'l.ticket_part_id', 'tp.id')
    .leftJoin('warranty_claims as c', 'c.id', 'l.claim_id')
    .where('pm.maker_id', '=', makerId)
    .where('tp.fitted_on', '>=', from)
    .where('tp.fitted_on', '<=', to)
    .where('t.status', '!=', 'cancelled')
    .select(['tp.id', 'tp.fitted_on', 'tp.quantity', 'tp.in_warranty', 't.number', 't.fault_reported', 't.diagnosis', 'u.serial', 'pm.brand', 'pm.model', 'p.part_number', 'p.name', 'c.number as claim_number'])
    .orderBy('tp.fitted_on')
    .orderBy('tp.id')
    .execute();
  return rows.map((r) => ({
    ticketPartId: r.id,
    fittedOn: r.fitted_on,
    ticketNumber: r.number,
    serial: r.serial,
    modelName: `${r.brand} ${r.model}`,
    partNumber: r.part_number,
    partName: r.name,
    quantity: r.quantity,
    inWarranty: r.in_warranty === 1,
    fault: r.diagnosis || r.fault_reported,
    claimNumber: r.claim_number,
  }));
}

/**
 * Units of the maker's models sold in the month (their purchase day in it). A unit given in a 三包
 * exchange is not a sale: it replaces one sold before, so it is left out.
 */
async function sales(db: Db, makerId: number, from: string, to: string): Promise<SalesStats> {
  const rows = await db
    .selectFrom('units as u')
    .innerJoin('product_models as pm', 'pm.id', 'u.model_id')
    .innerJoin('customers as c', 'c.id', 'u.customer_id')
    .where('pm.maker_id', '=', makerId)
    .where('u.purchase_date', '>=', from)
    .where('u.purchase_date', '<=', to)
    .where('u.replaces_id', 'is', null)
    .select(['u.id', 'u.purchase_date', 'u.serial', 'u.invoice_number', 'u.sale_price_fen', 'u.sold_by', 'pm.brand', 'pm.model', 'c.name as customer_name'])
    .orderBy('u.purchase_date')
    .orderBy('u.id')
    .execute();
  const list: SaleRow[] = rows.map((r) => ({
    unitId: r.id,
    soldOn: r.purchase_date!,
    serial: r.serial,
    modelName: `${r.brand} ${r.model}`,
    customerName: r.customer_name,
    invoiceNumber: r.invoice_number,
    salePriceFen: r.sale_price_fen,
    soldBy: r.sold_by,
  }));
  const group = <K>(key: (r: SaleRow) => K) => {
    const out = new Map<K, { units: number; amountFen: number }>();
    for (const r of list) {
      const g = out.get(key(r)) ?? { units: 0, amountFen: 0 };
      g.units += 1;
      g.amountFen += r.salePriceFen ?? 0;
      out.set(key(r), g);
    }
    return [...out];
  };
  return {
    rows: list,
    units: list.length,
    amountFen: list.reduce((n, r) => n + (r.salePriceFen ?? 0), 0),
    unpriced: list.filter((r) => r.salePriceFen === null).length,
    byModel: group((r) => r.modelName).map(([modelName, g]) => ({ modelName, ...g })),
    bySeller: group((r) => r.soldBy).map(([seller, g]) => ({ seller, ...g })),
  };
}

/** Warranty return slips (保修回执卡) of the maker's units marked back in the month. */
async function slips(db: Db, makerId: number, from: string, to: string): Promise<SlipRow[]> {
  const rows = await db
    .selectFrom('warranty_card_life as l')
    .innerJoin('documents as d', 'd.id', 'l.document_id')
    .innerJoin('units as u', 'u.id', 'l.unit_id')
    .innerJoin('product_models as pm', 'pm.id', 'u.model_id')
    .innerJoin('customers as c', 'c.id', 'u.customer_id')
    .where('pm.maker_id', '=', makerId)
    .where('l.slip_back_on', '>=', from)
    .where('l.slip_back_on', '<=', to)
    .select(['u.id', 'u.serial', 'u.purchase_date', 'pm.brand', 'pm.model', 'c.name as customer_name', 'l.slip_back_on', 'd.number'])
    .orderBy('l.slip_back_on')
    .orderBy('d.number')
    .execute();
  return rows.map((r) => ({
    unitId: r.id,
    serial: r.serial,
    modelName: `${r.brand} ${r.model}`,
    customerName: r.customer_name,
    soldOn: r.purchase_date,
    backOn: r.slip_back_on!,
    cardNumber: r.number,
  }));
}

/** Refuses a month that has not begun; a month not yet ended is allowed and marked provisional. */
function checkMonth(ctx: ServiceContext, month: string) {
  const today = todayIso(ctx.now());
  const { from, to } = monthDays(month);
  if (from > today) throw refuse('settle.errors.monthNotStarted', { month }, 'month');
  return { from, to, today, provisional: to >= today };
}

export async function makerReturnsPack(ctx: ServiceContext, input: { makerId: number; month: string }): Promise<MakerReturnsPack> {
  const { from, to, provisional } = checkMonth(ctx, input.month);
  const maker = await getMaker(ctx, input.makerId);
  const modelIds = await makerModelIds(ctx.db, maker.id);
  // The owner's-month reports, narrowed to this maker's models (an empty list selects nothing).
  const b = reportBounds(ctx, { from, to }, { customerId: null, modelIds });
  const [repairs, satisfaction, complaints, parts, sold, slipRows, models] = await Promise.all([
    repairsReport(ctx, b),
    satisfactionReport(ctx, b),
    complaintsReport(ctx, b),
    partsReplaced(ctx.db, maker.id, from, to),
    sales(ctx.db, maker.id, from, to),
    slips(ctx.db, maker.id, from, to),
    modelIds.length ? ctx.db.selectFrom('product_models').select(['brand', 'model']).where('id', 'in', modelIds).orderBy('brand').orderBy('model').execute() : [],
  ]);
  const quantity = parts.reduce((n, p) => n + p.quantity, 0);
  return {
    maker,
    month: input.month,
    from,
    to,
    provisional,
    asOf: localDay(b.asOf - 1),
    dueOn: returnsDueOn(input.month, maker.returnsDueDay),
    forms: maker.forms,
    modelNames: models.map((m) => `${m.brand} ${m.model}`),
    partsReplaced: { rows: parts, quantity, warrantyQuantity: parts.filter((p) => p.inWarranty).reduce((n, p) => n + p.quantity, 0) },
    repairs,
    satisfaction,
    complaints,
    sales: sold,
    slips: slipRows,
  };
}

function recordQuery(db: Db) {
  return db.selectFrom('maker_returns as r').innerJoin('makers as m', 'm.id', 'r.maker_id').selectAll('r').select(['m.name as maker_name', 'm.returns_due_day']);
}
type RecordRow = Awaited<ReturnType<ReturnType<typeof recordQuery>['executeTakeFirstOrThrow']>>;

const toRecord = (r: RecordRow): MakerReturnsRecord => ({
  id: r.id,
  makerId: r.maker_id,
  makerName: r.maker_name,
  month: r.month,
  number: r.number,
  documentId: r.document_id,
  provisional: r.provisional === 1,
  issuedOn: r.issued_on,
  sentOn: r.sent_on,
  sentHow: r.sent_how,
  dueOn: returnsDueOn(r.month, r.returns_due_day),
});

export async function listMakerReturns(ctx: ServiceContext, input: z.output<typeof makerReturnsListInput>): Promise<MakerReturnsRecord[]> {
  const rows = await recordQuery(ctx.db)
    .$if(input.makerId !== undefined, (q) => q.where('r.maker_id', '=', input.makerId!))
    .orderBy('r.month', 'desc')
    .orderBy(sql`m.name collate nocase`)
    .limit(240)
    .execute();
  return rows.map(toRecord);
}

/** The month's row, made when its first pack is issued; the pack's archived document is its record. */
export async function ensureReturnsRow(db: Db, makerId: number, month: string, now: number): Promise<number> {
  await db.insertInto('maker_returns').values({ maker_id: makerId, month, created_at: now, updated_at: now }).onConflict((oc) => oc.columns(['maker_id', 'month']).doNothing()).execute();
  return (await db.selectFrom('maker_returns').select('id').where('maker_id', '=', makerId).where('month', '=', month).executeTakeFirstOrThrow()).id;
}

/** Written in the archived document's own transaction: the month's row names its last pack. */
export async function recordIssuedPack(trx: Db, rowId: number, documentId: number, provisional: boolean, now: number): Promise<void> {
  const doc = await trx.selectFrom('documents').select(['number', 'created_at']).where('id', '=', documentId).executeTakeFirstOrThrow();
  await trx
    .updateTable('maker_returns')
    .set({ document_id: documentId, number: doc.number, provisional: provisional ? 1 : 0, issued_on: localDay(now), updated_at: now })
    .where('id', '=', rowId)
    .execute();
}

/** The pack went to the maker: only a final pack (the month over), once, on a day not before it was issued. */
export async function markReturnsSent(ctx: ServiceContext, input: z.output<typeof makerReturnsSentInput>): Promise<MakerReturnsRecord> {
  const today = todayIso(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    const maker = await getMaker(ctx, input.makerId, trx);
    const row = await recordQuery(trx).where('r.maker_id', '=', maker.id).where('r.month', '=', input.month).executeTakeFirst();
    if (!row?.number) throw refuse('settle.errors.returnsNotIssued', { maker: maker.name, month: input.month });
    if (row.provisional === 1) throw refuse('settle.errors.returnsProvisional', { number: row.number, month: input.month });
    if (row.sent_on) throw refusal('CONFLICT', 'settle.errors.returnsAlreadySent', { number: row.number, day: row.sent_on });
    if (input.sentOn > today) throw refuse('settle.errors.dayInFuture', { day: input.sentOn, today }, 'sentOn');
    if (input.sentOn < row.issued_on!) throw refuse('settle.errors.dayBeforeStep', { day: input.sentOn, before: row.issued_on! }, 'sentOn');
    await trx.updateTable('maker_returns').set({ sent_on: input.sentOn, sent_how: input.sentHow, updated_at: ctx.now().getTime() }).where('id', '=', row.id).execute();
    return toRecord((await recordQuery(trx).where('r.id', '=', row.id).executeTakeFirstOrThrow()));
  });
}

/**
 * Last month's returns of every maker that has models and wants forms, not yet sent, once the
 * due day is within the reminder days (and after it, overdue).
 */
export async function returnsDue(ctx: ServiceContext): Promise<ReturnsDue[]> {
  const today = todayIso(ctx.now());
  const month = addMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  const { returnsReminderDays } = await getSettleSettings(ctx);
  const makers = await ctx.db
    .selectFrom('makers as m')
    .leftJoin('maker_returns as r', (j) => j.onRef('r.maker_id', '=', 'm.id').on('r.month', '=', month))
    .where('m.archived', '=', 0)
    .where('m.forms', '!=', '[]')
    .where((eb) => eb.exists(eb.selectFrom('product_models as pm').select('pm.id').whereRef('pm.maker_id', '=', 'm.id')))
    .where('r.sent_on', 'is', null)
    .select(['m.id', 'm.name', 'm.returns_due_day', 'r.number', 'r.provisional'])
    .orderBy('m.returns_due_day')
    .orderBy(sql`m.name collate nocase`)
    .execute();
  return makers
    .map((m) => {
      const dueOn = returnsDueOn(month, m.returns_due_day);
      return { makerId: m.id, makerName: m.name, month, dueOn, daysLeft: daysBetween(today, dueOn), number: m.number ?? null, provisional: m.provisional === 1 };
    })
    .filter((d) => d.daysLeft <= returnsReminderDays);
}
