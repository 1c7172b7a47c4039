import { sql } from 'kysely';
import type { z } from 'zod';
import { translator } from '../../../../shared/i18n';
import type {
  Part,
  PartReplacedRow,
  StockMove,
  monthInput,
  partCreateInput,
  partListInput,
  partUpdateInput,
  stockAdjustInput,
  stockReceiveInput,
} from '../../../../shared/schemas/resources';
import { partCharge } from '../../../../shared/domain/charges';
import { type AppError, refusal, refuse, notFound } from '../../lib/errors';
import type { Db } from '../../db/schema';
import type { ServiceContext } from '../../app/context';
import { getSettings } from '../admin/settings';
import { likeContains } from '../../lib/sql-like';
import { requireAdmin } from '../../app/request-context';
import { currentOperator } from '../../app/request-context';

export function partNotFound(id: number): AppError {
  return notFound('stock.errors.partNotFound', { id });
}

/**
 * Spares held as a share of a model's units in service (migration 0340, seed 004: at least 3 %):
 * that many, rounded up, are needed; null when the part keeps only its fixed reorder level. Read
 * against the table itself (`parts`), so the list, the filter and the Desk's count agree.
 */
export const SHARE_REQUIRED = sql<number | null>`(case when parts.share_pct is null or parts.share_model_id is null then null else
  ((select count(*) from units where units.model_id = parts.share_model_id and units.status in ('inService', 'atWorkshop', 'onLoan')) * parts.share_pct + 99) / 100 end)`;
/** Low: at or below the reorder level, or below the share of units in service. */
export const PART_LOW = sql<boolean>`(parts.quantity <= parts.reorder_level or parts.quantity < coalesce(${SHARE_REQUIRED}, 0))`;

type PartRow = {
  id: number;
  part_number: string;
  name: string;
  fits: string;
  cost_fen: number;
  price_fen: number;
  quantity: number;
  reorder_level: number;
  location: string | null;
  component_key: string | null;
  active: number;
  share_required: number | null;
};

const toPart = (r: PartRow): Part => ({
  id: r.id,
  partNumber: r.part_number,
  name: r.name,
  fits: r.fits || null,
  costFen: r.cost_fen,
  priceFen: r.price_fen,
  quantity: r.quantity,
  reorderLevel: r.reorder_level,
  location: r.location,
  componentKey: r.component_key,
  active: r.active === 1,
  shareRequired: r.share_required,
  low: r.quantity <= r.reorder_level || (r.share_required !== null && r.quantity < r.share_required),
});

export async function getPart(ctx: ServiceContext, id: number, db: Db = ctx.db): Promise<Part> {
  const row = await db.selectFrom('parts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw partNotFound(id);
  // Counted only for a part held by share: a file from before 0340 has no share columns, and a part
  // is still written and read back through here on one (an upgrade's first steps, the migration tests).
  const held = (row as { share_pct?: number | null }).share_pct ?? null;
  const required = held === null ? null : (await db.selectFrom('parts').select(SHARE_REQUIRED.as('n')).where('id', '=', id).executeTakeFirstOrThrow()).n;
  return toPart({ ...row, share_required: required });
}

export async function listParts(ctx: ServiceContext, input: z.output<typeof partListInput>): Promise<Part[]> {
  const q = input.query.trim();
  let query = ctx.db.selectFrom('parts').selectAll().select(SHARE_REQUIRED.as('share_required'));
  if (q) {
    const like = likeContains(q);
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`part_number like ${like} escape '\\'`,
        sql<boolean>`name like ${like} escape '\\'`,
        sql<boolean>`fits like ${like} escape '\\'`,
        sql<boolean>`location like ${like} escape '\\'`,
      ]),
    );
  }
  if (input.lowStockOnly) query = query.where(PART_LOW);
  if (!input.includeInactive) query = query.where('active', '=', 1);
  const rows = await query.orderBy(sql`part_number collate nocase`).orderBy('id').limit(input.limit).execute();
  return rows.map(toPart);
}

/** A part number names one part however it is typed: "ab-12" is "AB-12". */
async function assertPartNumberFree(db: Db, partNumber: string, exceptId?: number): Promise<void> {
  const clash = await db
    .selectFrom('parts')
    .select(['id', 'part_number', 'name'])
    .where(sql<boolean>`part_number = ${partNumber} collate nocase`)
    .$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId!))
    .executeTakeFirst();
  if (clash) {
    throw refusal('CONFLICT', 'stock.errors.partNumberTaken', { partNumber: clash.part_number, name: clash.name }, { field: 'partNumber' });
  }
}

type PartFields = z.output<typeof partUpdateInput>;
function columns(input: Omit<PartFields, 'id'>) {
  return {
    part_number: input.partNumber,
    name: input.name,
    fits: input.fits ?? '',
    cost_fen: input.costFen,
    price_fen: input.priceFen,
    reorder_level: input.reorderLevel,
    location: input.location,
    component_key: input.componentKey,
    active: input.active ? 1 : 0,
  };
}

interface StockChange {
  partId: number;
  delta: number;
  reason: StockMove['reason'];
  note: string | null;
  ticketId?: number | null;
  who: string;
  at: number;
}

/**
 * Moves stock and records why, inside the caller's transaction. The UPDATE itself refuses a
 * result below zero, so two desks taking the last part at once cannot both succeed.
 */
export async function changeStock(trx: Db, change: StockChange): Promise<void> {
  const result = await trx
    .updateTable('parts')
    .set({ quantity: sql`quantity + ${change.delta}`, updated_at: change.at })
    .where('id', '=', change.partId)
    .where(sql<boolean>`quantity + ${change.delta} >= 0`)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) {
    const part = await trx.selectFrom('parts').select(['name', 'quantity']).where('id', '=', change.partId).executeTakeFirst();
    if (!part) throw partNotFound(change.partId);
    const params = { name: part.name, stock: part.quantity, delta: change.delta };
    throw refuse('stock.errors.belowZero', params, 'delta');
  }
  await trx
    .insertInto('stock_moves')
    .values({ part_id: change.partId, ticket_id: change.ticketId ?? null, delta: change.delta, reason: change.reason, note: change.note, at: change.at, who: change.who })
    .execute();
}

/** The opening quantity is goods in like any other, so the moves add up to the stock. */
export async function createPart(ctx: ServiceContext, input: z.output<typeof partCreateInput>): Promise<Part> {
  return ctx.db.transaction().execute(async (trx) => {
    await assertPartNumberFree(trx, input.partNumber);
    const now = ctx.now().getTime();
    const { id } = await trx
      .insertInto('parts')
      .values({ ...columns(input), quantity: 0, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.quantity > 0) {
      const settings = await getSettings(ctx, trx);
      const note = translator(settings.language)('stock.moves.openingNote');
      await changeStock(trx, { partId: id, delta: input.quantity, reason: 'receive', note, who: currentOperator(), at: now });
    }
    return getPart(ctx, id, trx);
  });
}

/**
 * Details only: the count moves through receive, adjust and tickets, each leaving a move.
 * A new cost or price is the admin's (the PIN), the rest of a part's details are everyday work.
 */
export async function updatePart(ctx: ServiceContext, input: z.output<typeof partUpdateInput>): Promise<Part> {
  const { id, ...fields } = input;
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getPart(ctx, id, trx);
    // A new number for an old part would let a new part take the old number at another price.
    if (before.costFen !== fields.costFen || before.priceFen !== fields.priceFen || before.partNumber !== fields.partNumber) requireAdmin();
    await assertPartNumberFree(trx, fields.partNumber, id);
    await trx
      .updateTable('parts')
      .set({ ...columns(fields), updated_at: ctx.now().getTime() })
      .where('id', '=', id)
      .execute();
    return getPart(ctx, id, trx);
  });
}

export async function receiveStock(ctx: ServiceContext, input: z.output<typeof stockReceiveInput>): Promise<Part> {
  return ctx.db.transaction().execute(async (trx) => {
    await getPart(ctx, input.partId, trx);
    const who = currentOperator();
    await changeStock(trx, { partId: input.partId, delta: input.quantity, reason: 'receive', note: input.note, who, at: ctx.now().getTime() });
    return getPart(ctx, input.partId, trx);
  });
}

/** A counted correction: either sign, always with the reason written down. */
export async function adjustStock(ctx: ServiceContext, input: z.output<typeof stockAdjustInput>): Promise<Part> {
  return ctx.db.transaction().execute(async (trx) => {
    await getPart(ctx, input.partId, trx);
    const who = currentOperator();
    await changeStock(trx, { partId: input.partId, delta: input.delta, reason: 'adjust', note: input.note, who, at: ctx.now().getTime() });
    return getPart(ctx, input.partId, trx);
  });
}

export async function partMoves(ctx: ServiceContext, partId: number): Promise<StockMove[]> {
  await getPart(ctx, partId);
  const rows = await ctx.db
    .selectFrom('stock_moves as m')
    .leftJoin('tickets as k', 'k.id', 'm.ticket_id')
    .select(['m.id', 'm.part_id', 'm.ticket_id', 'k.number as ticket_number', 'm.delta', 'm.reason', 'm.note', 'm.at', 'm.who'])
    .where('m.part_id', '=', partId)
    .orderBy('m.at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(1000)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    partId: r.part_id,
    ticketId: r.ticket_id,
    ticketNumber: r.ticket_number,
    delta: r.delta,
    reason: r.reason as StockMove['reason'],
    note: r.note,
    at: r.at,
    who: r.who,
  }));
}

function nextMonth(month: string): string {
  const [y = 0, m = 0] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** An unregistered unit is kept as the caller described it; older rows may hold plain text. */
function unregisteredLabel(text: string | null): string {
  if (!text) return '';
  try {
    const value = JSON.parse(text) as { brand?: unknown; model?: unknown; serial?: unknown };
    if (value && typeof value === 'object') return unitLabel(String(value.brand ?? ''), String(value.model ?? ''), typeof value.serial === 'string' ? value.serial : null);
  } catch {
    // not JSON: shown as typed
  }
  return text;
}

function unitLabel(brand: string, model: string, serial: string | null): string {
  const name = `${brand} ${model}`.trim();
  return serial ? `${name} · ${serial}` : name;
}

/**
 * The monthly parts-replaced list (零件更换清单): every part fitted in the month, with what the
 * customer was charged for it (nothing in warranty; cost under lifetime maintenance; else price).
 */
export async function monthlyReplaced(ctx: ServiceContext, input: z.output<typeof monthInput>): Promise<PartReplacedRow[]> {
  const rows = await ctx.db
    .selectFrom('ticket_parts as tp')
    .innerJoin('tickets as k', 'k.id', 'tp.ticket_id')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .innerJoin('parts as p', 'p.id', 'tp.part_id')
    .leftJoin('units as u', 'u.id', 'k.unit_id')
    .leftJoin('product_models as pm', 'pm.id', 'u.model_id')
    .select([
      'tp.fitted_on',
      'tp.ticket_id',
      'k.number',
      'c.name as customer_name',
      'pm.brand',
      'pm.model',
      'u.serial',
      'k.unregistered_unit',
      'k.lifetime_maintenance',
      'k.warranty_in',
      'p.part_number',
      'p.name as part_name',
      'tp.quantity',
      'tp.in_warranty',
      'tp.price_fen',
      'tp.cost_fen',
    ])
    .where('tp.fitted_on', '>=', `${input.month}-01`)
    .where('tp.fitted_on', '<', `${nextMonth(input.month)}-01`)
    .orderBy('tp.fitted_on')
    .orderBy('k.number')
    .orderBy('tp.id')
    .execute();
  return rows.map((r) => {
    // The same rule the ticket's bill used: a ticket decided in warranty charges no part.
    const terms = { inWarranty: r.warranty_in === 1, lifetimeMaintenance: r.lifetime_maintenance === 1 };
    const charge = partCharge({ quantity: r.quantity, priceFen: r.price_fen, costFen: r.cost_fen, inWarranty: r.in_warranty === 1 }, terms);
    const inWarranty = charge.basis === 'warranty';
    return {
      fittedOn: r.fitted_on,
      ticketId: r.ticket_id,
      ticketNumber: r.number,
      customerName: r.customer_name,
      unitLabel: r.brand !== null && r.model !== null ? unitLabel(r.brand, r.model, r.serial) : unregisteredLabel(r.unregistered_unit),
      partNumber: r.part_number,
      partName: r.part_name,
      quantity: r.quantity,
      inWarranty,
      chargedFen: charge.lineFen,
      costFen: r.cost_fen * r.quantity,
    };
  });
}
