import { sql, type Selectable } from 'kysely';
import type { z } from 'zod';
import { todayIso } from '../../../shared/domain/dates';
import { warrantyState, warrantyTerm } from '../../../shared/domain/warranty';
import type { Unit, unitCreateInput, unitUpdateInput } from '../../../shared/schemas/unit';
import { AppError, notFound } from '../errors';
import type { Db, UnitsTable } from '../db/schema';
import type { ServiceContext } from './context';
import { getCustomer } from './customers';

type Row = Selectable<UnitsTable> & { customer_name: string };

export function toUnit(row: Row, today: string): Unit {
  const term = warrantyTerm({
    purchaseDate: row.purchase_date,
    acceptanceDate: row.acceptance_date,
    warrantyMonths: row.warranty_months,
  });
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    brand: row.brand,
    model: row.model,
    serial: row.serial,
    purchaseDate: row.purchase_date,
    acceptanceDate: row.acceptance_date,
    warrantyMonths: row.warranty_months,
    warranty: { ...term, state: warrantyState(term, today) },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function selectUnits(db: Db) {
  return db
    .selectFrom('units as u')
    .innerJoin('customers as c', 'c.id', 'u.customer_id')
    .selectAll('u')
    .select('c.name as customer_name');
}

export async function getUnit(ctx: ServiceContext, id: number, db: Db = ctx.db): Promise<Unit> {
  const row = await selectUnits(db).where('u.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('unitNotFound', { id });
  return toUnit(row, todayIso(ctx.now()));
}

export async function listUnitsByCustomer(ctx: ServiceContext, customerId: number): Promise<Unit[]> {
  await getCustomer(ctx.db, customerId);
  const rows = await selectUnits(ctx.db).where('u.customer_id', '=', customerId).orderBy('u.id', 'desc').execute();
  const today = todayIso(ctx.now());
  return rows.map((r) => toUnit(r, today));
}

/** The same model and serial (ignoring case) registered on another unit is a CONFLICT naming it. */
async function assertSerialFree(db: Db, unit: { brand: string; model: string; serial: string }, exceptId?: number) {
  const existing = await selectUnits(db)
    .where(sql<boolean>`u.brand = ${unit.brand} collate nocase`)
    .where(sql<boolean>`u.model = ${unit.model} collate nocase`)
    .where(sql<boolean>`u.serial = ${unit.serial} collate nocase`)
    .$if(exceptId !== undefined, (q) => q.where('u.id', '!=', exceptId!))
    .executeTakeFirst();
  if (!existing) return;
  const params = {
    serial: existing.serial,
    brand: existing.brand,
    model: existing.model,
    customer: existing.customer_name,
    unitId: existing.id,
  };
  throw new AppError('CONFLICT', `serial ${unit.serial} already registered as unit ${existing.id}`, {
    message: { key: 'errors.serialTaken', params },
    fields: { serial: [{ key: 'errors.serialTaken', params }] },
    existingUnitId: existing.id,
  });
}

function columns(input: z.output<typeof unitCreateInput>) {
  return {
    customer_id: input.customerId,
    brand: input.brand,
    model: input.model,
    serial: input.serial,
    purchase_date: input.purchaseDate,
    acceptance_date: input.acceptanceDate,
    warranty_months: input.warrantyMonths,
  };
}

export async function createUnit(ctx: ServiceContext, input: z.output<typeof unitCreateInput>): Promise<Unit> {
  return ctx.db.transaction().execute(async (trx) => {
    await getCustomer(trx, input.customerId);
    await assertSerialFree(trx, input);
    const now = ctx.now().getTime();
    const { id } = await trx
      .insertInto('units')
      .values({ ...columns(input), created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('customers').set({ updated_at: now }).where('id', '=', input.customerId).execute();
    return getUnit(ctx, id, trx);
  });
}

export async function updateUnit(ctx: ServiceContext, input: z.output<typeof unitUpdateInput>): Promise<Unit> {
  const { id, ...fields } = input;
  return ctx.db.transaction().execute(async (trx) => {
    await getUnit(ctx, id, trx);
    await getCustomer(trx, fields.customerId);
    await assertSerialFree(trx, fields, id);
    await trx
      .updateTable('units')
      .set({ ...columns(fields), updated_at: ctx.now().getTime() })
      .where('id', '=', id)
      .execute();
    return getUnit(ctx, id, trx);
  });
}
