import type { z } from 'zod';
import { todayIso } from '../../../../shared/domain/dates';
import { CLAIM_MAX_LINES } from '../../../../shared/schemas/settle';
import type {
  Claim,
  ClaimCandidate,
  ClaimCandidates,
  claimCandidatesInput,
  ClaimLine,
  ClaimStatus,
  claimCheckInput,
  claimCreateInput,
  claimListInput,
  claimReceiveInput,
  claimSendInput,
  oldPartInput,
} from '../../../../shared/schemas/settle';
import type { ServiceContext } from '../../app/context';
import { currentOperator } from '../../app/request-context';
import type { Db } from '../../db/schema';
import { notFound, refusal, refuse } from '../../lib/errors';
import { takeNumber } from '../../lib/sequences';
import { changeStock } from '../stock/parts';
import { getMaker } from './makers';

/*
 * Warranty parts claims (seed 001: parts replaced under 三包 are replenished by the maker only
 * after it has the parts-replaced list and the waybill, and has checked them; old parts go back
 * at the outlet's cost). A claim gathers parts fitted under warranty on one maker's units; it is
 * sent with a waybill, the maker accepts or rejects each line, and accepted parts come back into
 * stock against their line. Each old part is kept, returned (its own waybill and postage) or scrapped.
 */

function lineQuery(db: Db) {
  return db
    .selectFrom('ticket_parts as tp')
    .innerJoin('tickets as t', 't.id', 'tp.ticket_id')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .innerJoin('product_models as pm', 'pm.id', 'u.model_id')
    .innerJoin('parts as p', 'p.id', 'tp.part_id')
    .select([
      'tp.id as ticket_part_id',
      'tp.ticket_id',
      'tp.quantity',
      'tp.in_warranty',
      'tp.fitted_on',
      't.number as ticket_number',
      't.status as ticket_status',
      't.fault_reported',
      't.diagnosis',
      'u.id as unit_id',
      'u.serial',
      'pm.brand',
      'pm.model',
      'pm.maker_id',
      'p.id as part_id',
      'p.part_number',
      'p.name as part_name',
    ]);
}
type LineRow = Awaited<ReturnType<ReturnType<typeof lineQuery>['executeTakeFirstOrThrow']>>;

const toCandidate = (r: LineRow): ClaimCandidate => ({
  ticketPartId: r.ticket_part_id,
  ticketId: r.ticket_id,
  ticketNumber: r.ticket_number,
  unitId: r.unit_id,
  serial: r.serial,
  modelName: `${r.brand} ${r.model}`,
  partId: r.part_id,
  partNumber: r.part_number,
  partName: r.part_name,
  quantity: r.quantity,
  fault: r.diagnosis || r.fault_reported,
  fittedOn: r.fitted_on,
});

/** Parts fitted under warranty on the maker's units, on tickets not cancelled, not yet in any claim. */
function unclaimed(db: Db, input: z.output<typeof claimCandidatesInput>) {
  let q = lineQuery(db)
    .where('pm.maker_id', '=', input.makerId)
    .where('tp.in_warranty', '=', 1)
    .where('t.status', '!=', 'cancelled')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('warranty_claim_lines as l').select('l.id').whereRef('l.ticket_part_id', '=', 'tp.id'))));
  if (input.fittedFrom) q = q.where('tp.fitted_on', '>=', input.fittedFrom);
  if (input.fittedTo) q = q.where('tp.fitted_on', '<=', input.fittedTo);
  return q;
}

/** The oldest parts one claim can take (a desk with years unclaimed sees them a claim at a time), and how many there are. */
export async function claimCandidates(ctx: ServiceContext, input: z.output<typeof claimCandidatesInput>, db: Db = ctx.db): Promise<ClaimCandidates> {
  await getMaker(ctx, input.makerId, db);
  const rows = await unclaimed(db, input).orderBy('tp.fitted_on').orderBy('tp.id').limit(CLAIM_MAX_LINES).execute();
  const total =
    rows.length < CLAIM_MAX_LINES
      ? rows.length
      : Number((await unclaimed(db, input).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { candidates: rows.map(toCandidate), total };
}

function statusOf(sentOn: string | null, lines: ClaimLine[]): ClaimStatus {
  if (sentOn === null) return 'notSent';
  return lines.some((l) => l.decision === null) ? 'waiting' : 'checked';
}

export async function loadClaims(ctx: ServiceContext, db: Db, where: { id?: number; makerId?: number; ids?: number[] }): Promise<Claim[]> {
  let q = db.selectFrom('warranty_claims as c').innerJoin('makers as m', 'm.id', 'c.maker_id').selectAll('c').select('m.name as maker_name');
  if (where.id !== undefined) q = q.where('c.id', '=', where.id);
  if (where.makerId !== undefined) q = q.where('c.maker_id', '=', where.makerId);
  if (where.ids !== undefined) q = q.where('c.id', 'in', where.ids.length ? where.ids : [0]);
  const claims = await q.orderBy('c.created_on', 'desc').orderBy('c.id', 'desc').execute();
  if (claims.length === 0) return [];
  const lines = await db
    .selectFrom('warranty_claim_lines as l')
    .innerJoin('tickets as t', 't.id', 'l.ticket_id')
    .innerJoin('units as u', 'u.id', 'l.unit_id')
    .innerJoin('product_models as pm', 'pm.id', 'u.model_id')
    .innerJoin('parts as p', 'p.id', 'l.part_id')
    .selectAll('l')
    .select(['t.number as ticket_number', 'u.serial', 'pm.brand', 'pm.model', 'p.part_number', 'p.name as part_name'])
    .where('l.claim_id', 'in', claims.map((c) => c.id))
    .orderBy('l.id')
    .execute();
  return claims.map((c) => {
    const own: ClaimLine[] = lines
      .filter((l) => l.claim_id === c.id)
      .map((l) => ({
        id: l.id,
        ticketPartId: l.ticket_part_id,
        ticketId: l.ticket_id,
        ticketNumber: l.ticket_number,
        unitId: l.unit_id,
        serial: l.serial,
        modelName: `${l.brand} ${l.model}`,
        partId: l.part_id,
        partNumber: l.part_number,
        partName: l.part_name,
        quantity: l.quantity,
        fault: l.fault,
        fittedOn: l.fitted_on,
        decision: l.decision as ClaimLine['decision'],
        rejectReason: l.reject_reason,
        decidedOn: l.decided_on,
        receivedQuantity: l.received_quantity,
        receivedOn: l.received_on,
        oldPart: l.old_part as ClaimLine['oldPart'],
        oldWaybill: l.old_waybill,
        oldPostageFen: l.old_postage_fen,
        oldOn: l.old_on,
      }));
    return {
      id: c.id,
      number: c.number,
      makerId: c.maker_id,
      makerName: c.maker_name,
      status: statusOf(c.sent_on, own),
      createdOn: c.created_on,
      sentOn: c.sent_on,
      waybill: c.waybill,
      checkedOn: c.checked_on,
      note: c.note,
      lines: own,
      postageFen: own.reduce((sum, l) => sum + l.oldPostageFen, 0),
    };
  });
}

export async function getClaim(ctx: ServiceContext, id: number, db: Db = ctx.db): Promise<Claim> {
  const [claim] = await loadClaims(ctx, db, { id });
  if (!claim) throw notFound('settle.errors.claimNotFound', { id });
  return claim;
}

export async function listClaims(ctx: ServiceContext, input: z.output<typeof claimListInput>): Promise<Claim[]> {
  return loadClaims(ctx, ctx.db, { makerId: input.makerId });
}

/** Each named part is checked: fitted under warranty, on this maker's unit, not claimed already. */
async function chosenLines(ctx: ServiceContext, trx: Db, makerId: number, makerName: string, ids: number[]): Promise<ClaimCandidate[]> {
  const chosen: ClaimCandidate[] = [];
  for (const ticketPartId of [...new Set(ids)]) {
    const row = await lineQuery(trx).where('tp.id', '=', ticketPartId).executeTakeFirst();
    if (!row) throw notFound('settle.errors.ticketPartNotFound', { id: ticketPartId }, 'ticketPartIds');
    const what = { part: row.part_name, number: row.ticket_number, serial: row.serial, maker: makerName };
    if (row.in_warranty !== 1) throw refuse('settle.errors.claimOutOfWarranty', what, 'ticketPartIds');
    if (row.maker_id !== makerId) throw refuse('settle.errors.claimOtherMaker', what, 'ticketPartIds');
    if (row.ticket_status === 'cancelled') throw refuse('settle.errors.claimTicketCancelled', what, 'ticketPartIds');
    const taken = await trx
      .selectFrom('warranty_claim_lines as l')
      .innerJoin('warranty_claims as c', 'c.id', 'l.claim_id')
      .select('c.number')
      .where('l.ticket_part_id', '=', ticketPartId)
      .executeTakeFirst();
    if (taken) throw refusal('CONFLICT', 'settle.errors.claimAlreadyClaimed', { ...what, claim: taken.number }, { field: 'ticketPartIds' });
    chosen.push(toCandidate(row));
  }
  return chosen;
}

export async function createClaim(ctx: ServiceContext, input: z.output<typeof claimCreateInput>): Promise<Claim> {
  return ctx.db.transaction().execute(async (trx) => {
    const maker = await getMaker(ctx, input.makerId, trx);
    const lines = input.ticketPartIds ? await chosenLines(ctx, trx, maker.id, maker.name, input.ticketPartIds) : (await claimCandidates(ctx, { makerId: maker.id }, trx)).candidates;
    if (lines.length === 0) throw refuse('settle.errors.claimEmpty', { maker: maker.name });
    const now = ctx.now();
    const number = await takeNumber(trx, 'warrantyClaim', 'SP', now.getFullYear());
    const { id } = await trx
      .insertInto('warranty_claims')
      .values({ number, maker_id: maker.id, created_on: todayIso(now), sent_on: null, waybill: null, checked_on: null, note: input.note, created_by: currentOperator(), created_at: now.getTime(), updated_at: now.getTime() })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const l of lines) {
      await trx
        .insertInto('warranty_claim_lines')
        .values({ claim_id: id, ticket_part_id: l.ticketPartId, ticket_id: l.ticketId, unit_id: l.unitId, part_id: l.partId, quantity: l.quantity, fault: l.fault, fitted_on: l.fittedOn, decision: null, reject_reason: null, decided_on: null, received_on: null, old_waybill: null, old_on: null })
        .execute();
    }
    return getClaim(ctx, id, trx);
  });
}

/** A step's day: not before the step it follows, not after today. */
function assertDay(ctx: ServiceContext, day: string, notBefore: string, field: string): void {
  const today = todayIso(ctx.now());
  if (day > today) throw refuse('settle.errors.dayInFuture', { day, today }, field);
  if (day < notBefore) throw refuse('settle.errors.dayBeforeStep', { day, before: notBefore }, field);
}

async function touch(ctx: ServiceContext, trx: Db, id: number): Promise<void> {
  await trx.updateTable('warranty_claims').set({ updated_at: ctx.now().getTime() }).where('id', '=', id).execute();
}

export async function sendClaim(ctx: ServiceContext, input: z.output<typeof claimSendInput>): Promise<Claim> {
  return ctx.db.transaction().execute(async (trx) => {
    const claim = await getClaim(ctx, input.id, trx);
    if (claim.sentOn) throw refusal('CONFLICT', 'settle.errors.claimAlreadySent', { number: claim.number, day: claim.sentOn, waybill: claim.waybill ?? '' });
    assertDay(ctx, input.sentOn, claim.createdOn, 'sentOn');
    await trx.updateTable('warranty_claims').set({ sent_on: input.sentOn, waybill: input.waybill }).where('id', '=', claim.id).execute();
    await touch(ctx, trx, claim.id);
    return getClaim(ctx, claim.id, trx);
  });
}

function lineOf(claim: Claim, lineId: number): ClaimLine {
  const line = claim.lines.find((l) => l.id === lineId);
  if (!line) throw notFound('settle.errors.claimLineNotFound', { id: lineId, number: claim.number }, 'lines');
  return line;
}

/** The maker's check: each line accepted, or rejected with the maker's reason; a line is decided once. */
export async function checkClaim(ctx: ServiceContext, input: z.output<typeof claimCheckInput>): Promise<Claim> {
  return ctx.db.transaction().execute(async (trx) => {
    const claim = await getClaim(ctx, input.id, trx);
    if (!claim.sentOn) throw refuse('settle.errors.claimNotSent', { number: claim.number });
    assertDay(ctx, input.checkedOn, claim.sentOn, 'checkedOn');
    const seen = new Set<number>();
    for (const d of input.lines) {
      const line = lineOf(claim, d.lineId);
      if (line.decision !== null || seen.has(d.lineId)) {
        throw refusal('CONFLICT', 'settle.errors.claimLineDecided', { part: line.partName, serial: line.serial, decision: line.decision ?? d.decision }, { field: 'lines' });
      }
      seen.add(d.lineId);
      if (d.decision === 'rejected' && !d.reason) throw refuse('settle.errors.claimRejectNeedsReason', { part: line.partName, serial: line.serial }, 'lines');
      await trx
        .updateTable('warranty_claim_lines')
        .set({ decision: d.decision, reject_reason: d.decision === 'rejected' ? d.reason : null, decided_on: input.checkedOn })
        .where('id', '=', line.id)
        .execute();
    }
    const after = await getClaim(ctx, claim.id, trx);
    if (after.status === 'checked') await trx.updateTable('warranty_claims').set({ checked_on: input.checkedOn }).where('id', '=', claim.id).execute();
    await touch(ctx, trx, claim.id);
    return getClaim(ctx, claim.id, trx);
  });
}

/** The maker's replacements into stock, each against its accepted line, in one transaction. */
export async function receiveClaim(ctx: ServiceContext, input: z.output<typeof claimReceiveInput>): Promise<Claim> {
  return ctx.db.transaction().execute(async (trx) => {
    const claim = await getClaim(ctx, input.id, trx);
    const who = currentOperator();
    const at = ctx.now().getTime();
    const received = new Map<number, number>();
    for (const r of input.lines) {
      const line = lineOf(claim, r.lineId);
      const what = { part: line.partName, serial: line.serial, number: claim.number };
      if (line.decision === 'rejected') throw refuse('settle.errors.claimReceiveRejected', { ...what, reason: line.rejectReason ?? '' }, 'lines');
      if (line.decision === null) throw refuse('settle.errors.claimReceiveUndecided', what, 'lines');
      assertDay(ctx, input.receivedOn, line.decidedOn ?? claim.createdOn, 'receivedOn');
      const total = (received.get(line.id) ?? line.receivedQuantity) + r.quantity;
      if (total > line.quantity) throw refuse('settle.errors.claimReceiveTooMany', { ...what, quantity: line.quantity, received: line.receivedQuantity }, 'lines');
      received.set(line.id, total);
      await trx.updateTable('warranty_claim_lines').set({ received_quantity: total, received_on: input.receivedOn }).where('id', '=', line.id).execute();
      await changeStock(trx, { partId: line.partId, delta: r.quantity, reason: 'receive', note: claim.number, who, at });
    }
    await touch(ctx, trx, claim.id);
    return getClaim(ctx, claim.id, trx);
  });
}

/** What became of the part taken out: kept, returned to the maker with a waybill and postage, or scrapped. */
export async function settleOldPart(ctx: ServiceContext, input: z.output<typeof oldPartInput>): Promise<Claim> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('warranty_claim_lines').select(['id', 'claim_id', 'old_part']).where('id', '=', input.lineId).executeTakeFirst();
    if (!row) throw notFound('settle.errors.claimLineNotFound', { id: input.lineId, number: '' }, 'lineId');
    const claim = await getClaim(ctx, row.claim_id, trx);
    const line = lineOf(claim, row.id);
    if (line.oldPart !== 'pending') throw refusal('CONFLICT', 'settle.errors.oldPartDone', { part: line.partName, serial: line.serial, fate: line.oldPart });
    if (input.fate === 'returned' && !input.waybill) throw refuse('settle.errors.oldPartNeedsWaybill', { part: line.partName }, 'waybill');
    if (input.fate !== 'returned' && (input.waybill || input.postageFen > 0)) throw refuse('settle.errors.oldPartPostageOnlyReturned', undefined, 'postageFen');
    assertDay(ctx, input.on, line.fittedOn, 'on');
    await trx
      .updateTable('warranty_claim_lines')
      .set({ old_part: input.fate, old_waybill: input.waybill, old_postage_fen: input.postageFen, old_on: input.on })
      .where('id', '=', line.id)
      .execute();
    await touch(ctx, trx, claim.id);
    return getClaim(ctx, claim.id, trx);
  });
}
