import type { z } from 'zod';
import { localDay, todayIso } from '../../../../shared/domain/dates';
import { countDepreciation, type Depreciation, type RepairStay } from '../../../../shared/domain/depreciation';
import type { Settlement, SettlementPreview, exchangeInput, refundInput, settlementPreviewInput } from '../../../../shared/schemas/settle';
import type { TicketDetail } from '../../../../shared/schemas/ticket';
import type { ServiceContext } from '../../app/context';
import { currentOperator, requireAdmin } from '../../app/request-context';
import type { Db } from '../../db/schema';
import { notFound, refusal, refuse } from '../../lib/errors';
import { takeNumber } from '../../lib/sequences';
import { syncHandoverVisits } from '../maintenance/handover';
import { addEvent, assertEditable, ticketRow } from '../tickets/common';
import { getTicket } from '../tickets/tickets';
import { insertUnit } from '../units/units';
import { getSettleSettings } from './settings';

/*
 * Refund and exchange under 三包 (seeds 002–004): from a ticket whose verdict allows it, the
 * return or exchange form with the depreciation counted line by line, the old unit marked
 * returned or replaced and, for an exchange, the new unit registered for the same customer with
 * its terms starting on the exchange day, the two records pointing at each other. Past the window
 * the verdict allows, only with the admin PIN and a reason, which the record and the log keep.
 */

/** The unit's stays in repair: every ticket on it not cancelled, from the day taken in to the day fixed. */
async function repairStays(db: Db, unitId: number): Promise<RepairStay[]> {
  const rows = await db
    .selectFrom('tickets')
    .select(['number', 'reported_at', 'resolved_at', 'closed_at'])
    .where('unit_id', '=', unitId)
    .where('status', '!=', 'cancelled')
    .orderBy('reported_at')
    .execute();
  return rows.map((r) => {
    const end = r.resolved_at ?? r.closed_at;
    return { ticketNumber: r.number, from: localDay(r.reported_at), to: end === null ? null : localDay(end) };
  });
}

interface Prepared {
  ticket: TicketDetail;
  unitId: number;
  modelId: number;
  invoiceDate: string;
  settledOn: string;
  rateBp: number;
  count: Depreciation;
  refundAllowed: boolean;
  exchangeAllowed: boolean;
}

async function prepare(ctx: ServiceContext, db: Db, ticketId: number, priceFen: number, rateBp: number | undefined): Promise<Prepared> {
  const ticket = await getTicket(ctx, ticketId, db);
  if (ticket.unitId === null || !ticket.unit) throw refuse('settle.errors.ticketWithoutUnit', { number: ticket.number });
  const unit = await db.selectFrom('units').select(['id', 'model_id', 'purchase_date', 'status']).where('id', '=', ticket.unitId).executeTakeFirstOrThrow();
  if (!unit.purchase_date) throw refuse('settle.errors.noInvoiceDate', { serial: ticket.unit.serial });
  const settledOn = todayIso(ctx.now());
  const rate = rateBp ?? (await getSettleSettings(ctx, db)).depreciationBp;
  const count = countDepreciation({ invoiceDate: unit.purchase_date, returnDate: settledOn, priceFen, rateBp: rate, stays: await repairStays(db, unit.id) });
  const kinds = ticket.sanbao.map((s) => s.kind);
  return {
    ticket,
    unitId: unit.id,
    modelId: unit.model_id,
    invoiceDate: unit.purchase_date,
    settledOn,
    rateBp: rate,
    count,
    refundAllowed: kinds.includes('refundOrExchange'),
    // An exchange follows any verdict of the three guarantees: early failure, repeated failure, not repaired in time.
    exchangeAllowed: kinds.length > 0,
  };
}

export async function previewSettlement(ctx: ServiceContext, input: z.output<typeof settlementPreviewInput>): Promise<SettlementPreview> {
  const p = await prepare(ctx, ctx.db, input.ticketId, input.priceFen, input.rateBp);
  const { daysElapsed, stays, repairDays, chargedDays, depreciationFen, refundFen } = p.count;
  return { invoiceDate: p.invoiceDate, settledOn: p.settledOn, daysElapsed, stays, repairDays, chargedDays, rateBp: p.rateBp, depreciationFen, refundFen, refundAllowed: p.refundAllowed, exchangeAllowed: p.exchangeAllowed };
}

/** Outside the verdict: the admin PIN and a reason, or a refusal that names the window. */
function assertAllowed(p: Prepared, kind: 'refund' | 'exchange', overrideReason: string | null): void {
  const allowed = kind === 'refund' ? p.refundAllowed : p.exchangeAllowed;
  if (allowed) return;
  if (!overrideReason) {
    throw refuse(kind === 'refund' ? 'settle.errors.refundWindow' : 'settle.errors.exchangeWindow', { invoice: p.invoiceDate, days: p.count.daysElapsed, number: p.ticket.number }, 'overrideReason');
  }
  requireAdmin();
}

async function assertNotSettled(db: Db, unitId: number): Promise<void> {
  const done = await db.selectFrom('sanbao_settlements').select(['number', 'kind']).where('unit_id', '=', unitId).executeTakeFirst();
  if (done) throw refusal('CONFLICT', 'settle.errors.alreadySettled', { number: done.number });
}

async function setStatus(trx: Db, ctx: ServiceContext, unitId: number, status: 'returned' | 'replaced', at: number, note: string): Promise<void> {
  await trx.updateTable('units').set({ status, updated_at: at }).where('id', '=', unitId).execute();
  await trx.insertInto('unit_status_history').values({ unit_id: unitId, status, changed_at: at, note }).execute();
  await syncHandoverVisits(ctx, trx, unitId);
}

type Common = z.output<typeof refundInput>;

async function record(ctx: ServiceContext, trx: Db, p: Prepared, kind: 'refund' | 'exchange', input: Common, extra: { newUnitId: number | null; newPriceFen: number | null }): Promise<number> {
  const now = ctx.now();
  const who = currentOperator();
  const number = await takeNumber(trx, kind === 'refund' ? 'sanbaoRefund' : 'sanbaoExchange', kind === 'refund' ? 'TH' : 'HH', now.getFullYear());
  const c = p.count;
  const { id } = await trx
    .insertInto('sanbao_settlements')
    .values({
      number,
      kind,
      ticket_id: p.ticket.id,
      unit_id: p.unitId,
      new_unit_id: extra.newUnitId,
      settled_on: p.settledOn,
      invoice_date: p.invoiceDate,
      receipt_date: input.receiptDate ?? p.invoiceDate,
      days_elapsed: c.daysElapsed,
      repair_days: c.repairDays,
      charged_days: c.chargedDays,
      rate_bp: p.rateBp,
      price_fen: input.priceFen,
      // An exchange takes no depreciation: the customer keeps a unit, not money.
      depreciation_fen: kind === 'refund' ? c.depreciationFen : 0,
      refund_fen: kind === 'refund' ? c.refundFen : 0,
      new_price_fen: extra.newPriceFen,
      difference_fen: extra.newPriceFen === null ? null : extra.newPriceFen - input.priceFen,
      test_report: input.testReport,
      override_reason: input.overrideReason,
      note: input.note,
      created_by: who,
      created_at: now.getTime(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = kind === 'refund' ? 'refund' : 'exchange';
  await trx.updateTable('tickets').set({ sanbao_path: JSON.stringify({ path, note: number, who, at: now.getTime() }) }).where('id', '=', p.ticket.id).execute();
  await addEvent(trx, p.ticket.id, { at: now.getTime(), who, kind: 'sanbaoPath', data: { path, note: number, signals: p.ticket.sanbao.map((s) => s.kind), override: input.overrideReason } });
  return id;
}

export async function refund(ctx: ServiceContext, input: z.output<typeof refundInput>): Promise<Settlement> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    assertEditable(await ticketRow(trx, input.ticketId));
    const p = await prepare(ctx, trx, input.ticketId, input.priceFen, input.rateBp);
    await assertNotSettled(trx, p.unitId);
    assertAllowed(p, 'refund', input.overrideReason);
    if (p.count.refundFen < 0) {
      throw refuse('settle.errors.rateTooHigh', { rate: (p.rateBp / 100).toFixed(2), days: p.count.chargedDays, depreciation: p.count.depreciationFen, price: input.priceFen }, 'rateBp');
    }
    const settlementId = await record(ctx, trx, p, 'refund', input, { newUnitId: null, newPriceFen: null });
    await setStatus(trx, ctx, p.unitId, 'returned', ctx.now().getTime(), p.ticket.number);
    return settlementId;
  });
  return getSettlement(ctx, id);
}

export async function exchange(ctx: ServiceContext, input: z.output<typeof exchangeInput>): Promise<Settlement> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    assertEditable(await ticketRow(trx, input.ticketId));
    const p = await prepare(ctx, trx, input.ticketId, input.priceFen, input.rateBp);
    await assertNotSettled(trx, p.unitId);
    assertAllowed(p, 'exchange', input.overrideReason);
    const old = await trx.selectFrom('units').selectAll().where('id', '=', p.unitId).executeTakeFirstOrThrow();
    const model = await trx.selectFrom('product_models').select(['id', 'discontinued_on', 'replacement_model_id', 'brand', 'model']).where('id', '=', old.model_id).executeTakeFirstOrThrow();
    const newModelId = input.newModelId ?? (model.discontinued_on && model.replacement_model_id ? model.replacement_model_id : model.id);
    const newModel = await trx.selectFrom('product_models').select(['id', 'discontinued_on', 'brand', 'model']).where('id', '=', newModelId).executeTakeFirst();
    if (!newModel) throw notFound('settle.errors.modelNotFound', { id: newModelId }, 'newModelId');
    if (newModel.discontinued_on) throw refuse('settle.errors.exchangeDiscontinued', { model: `${newModel.brand} ${newModel.model}` }, 'newModelId');
    const now = ctx.now().getTime();
    // The new unit's terms start on the exchange day, whatever the old unit's basis was.
    const newUnitId = await insertUnit(
      ctx,
      trx,
      {
        customerId: old.customer_id,
        modelId: newModel.id,
        serial: input.newSerial,
        purchaseDate: p.settledOn,
        installDate: null,
        acceptanceDate: old.acceptance_date ? p.settledOn : null,
        productionDate: null,
        invoiceNumber: old.invoice_number,
        siteAddress: old.site_address,
        locationNote: old.location_note,
        // An exchange is not a sale: the monthly sales statistics leave this unit out (it `replaces` one).
        salePriceFen: null,
        soldBy: null,
      },
      now,
    );
    await trx.updateTable('units').set({ replaced_by_id: newUnitId }).where('id', '=', old.id).execute();
    await trx.updateTable('units').set({ replaces_id: old.id }).where('id', '=', newUnitId).execute();
    const settlementId = await record(ctx, trx, p, 'exchange', input, { newUnitId, newPriceFen: input.newPriceFen ?? input.priceFen });
    await setStatus(trx, ctx, old.id, 'replaced', now, p.ticket.number);
    return settlementId;
  });
  return getSettlement(ctx, id);
}

export async function getSettlement(ctx: ServiceContext, id: number, db: Db = ctx.db): Promise<Settlement> {
  const r = await db
    .selectFrom('sanbao_settlements as s')
    .innerJoin('tickets as t', 't.id', 's.ticket_id')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .innerJoin('product_models as pm', 'pm.id', 'u.model_id')
    .leftJoin('units as nu', 'nu.id', 's.new_unit_id')
    .leftJoin('product_models as npm', 'npm.id', 'nu.model_id')
    .selectAll('s')
    .select(['t.number as ticket_number', 'c.id as customer_id', 'c.name as customer_name', 'u.serial', 'u.invoice_number', 'pm.brand', 'pm.model', 'nu.serial as new_serial', 'npm.brand as n_brand', 'npm.model as n_model'])
    .select((eb) => eb.selectFrom('customer_phones as ph').select('ph.phone').whereRef('ph.customer_id', '=', 'c.id').orderBy('ph.position').limit(1).as('phone'))
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound('settle.errors.settlementNotFound', { id });
  // The stays are counted again from the tickets as they stood on the day: the record keeps the totals.
  const stays = countDepreciation({ invoiceDate: r.invoice_date, returnDate: r.settled_on, priceFen: r.price_fen, rateBp: r.rate_bp, stays: await repairStays(db, r.unit_id) }).stays;
  return {
    id: r.id,
    number: r.number,
    kind: r.kind as Settlement['kind'],
    ticketId: r.ticket_id,
    ticketNumber: r.ticket_number,
    customerId: r.customer_id,
    customerName: r.customer_name,
    customerPhone: r.phone ?? null,
    unitId: r.unit_id,
    serial: r.serial,
    modelName: `${r.brand} ${r.model}`,
    newUnitId: r.new_unit_id,
    newSerial: r.new_serial,
    newModelName: r.n_brand ? `${r.n_brand} ${r.n_model}` : null,
    settledOn: r.settled_on,
    invoiceDate: r.invoice_date,
    invoiceNumber: r.invoice_number,
    receiptDate: r.receipt_date,
    daysElapsed: r.days_elapsed,
    stays,
    repairDays: r.repair_days,
    chargedDays: r.charged_days,
    rateBp: r.rate_bp,
    priceFen: r.price_fen,
    depreciationFen: r.depreciation_fen,
    refundFen: r.refund_fen,
    newPriceFen: r.new_price_fen,
    differenceFen: r.difference_fen,
    testReport: r.test_report,
    overrideReason: r.override_reason,
    note: r.note,
    createdBy: r.created_by,
  };
}

export async function settlementForTicket(ctx: ServiceContext, ticketId: number): Promise<Settlement | null> {
  await ticketRow(ctx.db, ticketId);
  const row = await ctx.db.selectFrom('sanbao_settlements').select('id').where('ticket_id', '=', ticketId).executeTakeFirst();
  return row ? getSettlement(ctx, row.id) : null;
}
