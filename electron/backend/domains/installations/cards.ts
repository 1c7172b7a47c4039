import { sql } from 'kysely';
import type { z } from 'zod';
import { cardNumberOf } from '../../../../shared/domain/card-number';
import { addDays, daysBetween, localDay, todayIso } from '../../../../shared/domain/dates';
import type { CardIssueWay, CardNotIssued, WarrantyCardLife, cardIssueInput, slipReturnInput, slipScanInput } from '../../../../shared/schemas/installation';
import type { ServiceContext } from '../../app/context';
import type { Db } from '../../db/schema';
import { notFound, refuse } from '../../lib/errors';
import { getSettings } from '../admin/settings';

/*
 * The warranty card's life after it is printed: handed over or posted on a day, and its return
 * slip (回执) back on a day. The slip's QR code carries the card's number, so a 2D scanner (a
 * keyboard that types the number and Enter) marks it back. Kept against the card's archived
 * document: a unit reprinted a card has two, and the slip names the one it came with.
 */

function selectCards(db: Db) {
  return db
    .selectFrom('documents as d')
    .innerJoin('units as u', 'u.id', 'd.record_id')
    .innerJoin('customers as c', 'c.id', 'u.customer_id')
    .leftJoin('warranty_card_life as l', 'l.document_id', 'd.id')
    .select(['d.id as document_id', 'd.number', 'd.created_at', 'u.id as unit_id', 'u.serial', 'c.name as customer_name', 'l.issued_on', 'l.issued_how', 'l.slip_back_on'])
    .where('d.kind', '=', 'warrantyCard')
    .where('d.record_type', '=', 'unit');
}
type Row = Awaited<ReturnType<ReturnType<typeof selectCards>['executeTakeFirstOrThrow']>>;

const toLife = (r: Row): WarrantyCardLife => ({
  documentId: r.document_id,
  number: r.number,
  unitId: r.unit_id,
  serial: r.serial,
  customerName: r.customer_name,
  printedAt: r.created_at,
  issuedOn: r.issued_on,
  issuedHow: r.issued_how as CardIssueWay | null,
  slipBackOn: r.slip_back_on,
});

async function cardOf(db: Db, documentId: number): Promise<WarrantyCardLife> {
  const row = await selectCards(db).where('d.id', '=', documentId).executeTakeFirst();
  if (!row) throw notFound('installations.errors.cardMissing', { id: documentId }, 'documentId');
  return toLife(row);
}

export async function unitCards(ctx: ServiceContext, unitId: number): Promise<WarrantyCardLife[]> {
  const rows = await selectCards(ctx.db).where('u.id', '=', unitId).orderBy('d.created_at', 'desc').orderBy('d.id', 'desc').execute();
  return rows.map(toLife);
}

export async function issueCard(ctx: ServiceContext, input: z.output<typeof cardIssueInput>): Promise<WarrantyCardLife> {
  const now = ctx.now();
  if (input.issuedOn > todayIso(now)) throw refuse('installations.errors.dateInFuture', { date: input.issuedOn }, 'issuedOn');
  await ctx.db.transaction().execute(async (trx) => {
    const card = await cardOf(trx, input.documentId);
    const printedOn = localDay(card.printedAt);
    if (input.issuedOn < printedOn) throw refuse('installations.errors.issuedBeforePrinted', { number: card.number, date: printedOn }, 'issuedOn');
    if (card.slipBackOn !== null) throw refuse('installations.errors.slipAlreadyBack', { number: card.number, date: card.slipBackOn });
    await trx
      .insertInto('warranty_card_life')
      .values({ document_id: card.documentId, unit_id: card.unitId, issued_on: input.issuedOn, issued_how: input.how, created_at: now.getTime(), updated_at: now.getTime() })
      .onConflict((oc) => oc.column('document_id').doUpdateSet({ issued_on: input.issuedOn, issued_how: input.how, updated_at: now.getTime() }))
      .execute();
  });
  return cardOf(ctx.db, input.documentId);
}

/** The slip back: refused for a card never recorded as issued, or whose slip is already back (a duplicate scan). */
async function markSlipBack(ctx: ServiceContext, documentId: number, returnedOn: string | null): Promise<WarrantyCardLife> {
  const now = ctx.now();
  const today = todayIso(now);
  const day = returnedOn ?? today;
  if (day > today) throw refuse('installations.errors.dateInFuture', { date: day }, 'returnedOn');
  await ctx.db.transaction().execute(async (trx) => {
    const card = await cardOf(trx, documentId);
    if (card.slipBackOn !== null) throw refuse('installations.errors.slipAlreadyBack', { number: card.number, date: card.slipBackOn });
    if (card.issuedOn === null) throw refuse('installations.errors.cardNotIssued', { number: card.number });
    if (day < card.issuedOn) throw refuse('installations.errors.slipBeforeIssue', { number: card.number, date: card.issuedOn }, 'returnedOn');
    await trx.updateTable('warranty_card_life').set({ slip_back_on: day, updated_at: now.getTime() }).where('document_id', '=', documentId).execute();
  });
  return cardOf(ctx.db, documentId);
}

export function slipBack(ctx: ServiceContext, input: z.output<typeof slipReturnInput>): Promise<WarrantyCardLife> {
  return markSlipBack(ctx, input.documentId, input.returnedOn);
}

/** What the scanner typed from the slip's QR code: a card number, or refused as unreadable or unknown. */
export async function scanSlip(ctx: ServiceContext, input: z.output<typeof slipScanInput>): Promise<WarrantyCardLife> {
  const number = cardNumberOf(input.scanned);
  if (!number) throw refuse('installations.errors.slipUnreadable', { text: input.scanned.slice(0, 40) }, 'scanned');
  const doc = await ctx.db.selectFrom('documents').select('id').where('kind', '=', 'warrantyCard').where('number', '=', number).executeTakeFirst();
  if (!doc) throw refuse('installations.errors.slipCardUnknown', { number }, 'scanned');
  return markSlipBack(ctx, doc.id, input.returnedOn);
}

/**
 * Units whose card was not issued within the set days of completion (acceptance for installed
 * units, else purchase). Only completions of the last year: older ones are past the slip's
 * window anyway, and a desk upgrading from before cards were tracked is not shown its whole past.
 */
export async function cardsNotIssued(ctx: ServiceContext): Promise<CardNotIssued[]> {
  const today = todayIso(ctx.now());
  const { cardIssueDays } = (await getSettings(ctx)).installation;
  const completed = sql<string>`coalesce(u.acceptance_date, u.purchase_date)`;
  const rows = await ctx.db
    .selectFrom('units as u')
    .innerJoin('product_models as m', 'm.id', 'u.model_id')
    .innerJoin('customers as c', 'c.id', 'u.customer_id')
    .select(['u.id', 'u.serial', 'm.brand', 'm.model', 'c.name as customer_name', completed.as('completed_on')])
    .where(completed, '<=', addDays(today, -cardIssueDays))
    .where(completed, '>=', addDays(today, -365))
    .where('u.status', '=', 'inService')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('warranty_card_life as l').select('l.id').whereRef('l.unit_id', '=', 'u.id').where('l.issued_on', 'is not', null))))
    .orderBy(completed)
    .orderBy('u.id')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    unitId: r.id,
    serial: r.serial,
    label: `${r.brand} ${r.model}`.trim(),
    customerName: r.customer_name,
    completedOn: r.completed_on,
    daysSince: daysBetween(r.completed_on, today),
  }));
}

/** Cards handed over or posted whose slip has not come back, the longest out first. */
export async function slipsNotBack(ctx: ServiceContext): Promise<WarrantyCardLife[]> {
  const rows = await selectCards(ctx.db).where('l.issued_on', 'is not', null).where('l.slip_back_on', 'is', null).orderBy('l.issued_on').orderBy('d.id').limit(200).execute();
  return rows.map(toLife);
}
