import { sql } from 'kysely';
import type { z } from 'zod';
import { todayIso } from '../../../../shared/domain/dates';
import type { WorkingCalendar } from '../../../../shared/domain/calendar';
import { evaluateWarranty, type Exclusion, type ExclusionReason, type RepairRecord, type WarrantyRules } from '../../../../shared/domain/warranty-engine';
import type {
  Unit,
  UnitStatus,
  UnitStatusChange,
  exclusionInput,
  unitCreateInput,
  unitStatusInput,
  unitUpdateInput,
} from '../../../../shared/schemas/unit';
import { refusal, refuse, notFound } from '../../lib/errors';
import type { Db } from '../../db/schema';
import { syncHandoverVisits } from '../maintenance/handover';
import type { ServiceContext } from '../../app/context';
import { getCustomer } from '../customers/customers';
import { getModel, policyVersionForModel, toPolicyVersion } from '../products/products';
import { indexCustomer, indexUnit } from '../search/search-index';
import { getSettings } from '../admin/settings';
import { loadCalendar } from '../service-desk/calendar';
import { repairsForUnits } from './repair-history';
import { requireAdmin } from '../../app/request-context';

function selectUnits(db: Db) {
  return db
    .selectFrom('units as u')
    .innerJoin('customers as c', 'c.id', 'u.customer_id')
    .innerJoin('product_models as m', 'm.id', 'u.model_id')
    .innerJoin('warranty_policy_versions as v', 'v.id', 'u.policy_version_id')
    .innerJoin('warranty_policies as p', 'p.id', 'v.policy_id')
    .selectAll('u')
    .select([
      'c.name as customer_name',
      'm.brand',
      'm.model',
      'm.category',
      'v.version as v_version',
      'v.basis as v_basis',
      'v.components as v_components',
      'v.created_at as v_created_at',
      'v.policy_id as v_policy_id',
      'p.name as policy_name',
    ]);
}

type UnitRow = Awaited<ReturnType<ReturnType<typeof selectUnits>['executeTakeFirstOrThrow']>>;

/** Loads units by id with the engine's answer for `on` (today by default), their repairs counted. */
export async function loadUnits(ctx: ServiceContext, db: Db, ids: number[], on?: string): Promise<Unit[]> {
  if (ids.length === 0) return [];
  const [rows, exclusions, settings, calendar, repairs] = await Promise.all([
    selectUnits(db).where('u.id', 'in', ids).execute(),
    db.selectFrom('warranty_exclusions').selectAll().where('unit_id', 'in', ids).orderBy('decided_on').execute(),
    getSettings(ctx, db),
    loadCalendar(ctx, db),
    repairsForUnits(db, ids),
  ]);
  const today = on ?? todayIso(ctx.now());
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const own: Exclusion[] = exclusions
      .filter((e) => e.unit_id === id)
      .map((e) => ({ reason: e.reason as ExclusionReason, decidedOn: e.decided_on, componentKey: e.component_key, note: e.note }));
    return [toUnit(row, own, repairs.get(id) ?? [], today, settings.warrantyRules, calendar)];
  });
}

function toUnit(row: UnitRow, exclusions: Exclusion[], repairs: RepairRecord[], today: string, rules: WarrantyRules, calendar: WorkingCalendar): Unit {
  const policy = toPolicyVersion({
    id: row.policy_version_id,
    policy_id: row.v_policy_id,
    version: row.v_version,
    basis: row.v_basis,
    components: row.v_components,
    created_at: row.v_created_at,
  });
  const warranty = evaluateWarranty(
    {
      unit: {
        purchaseDate: row.purchase_date,
        installDate: row.install_date,
        acceptanceDate: row.acceptance_date,
        productionDate: row.production_date,
        hasInvoice: !!row.invoice_number,
      },
      policy: { basis: policy.basis, components: policy.components },
      repairs,
      exclusions,
      rules,
      calendar,
    },
    today,
  );
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    modelId: row.model_id,
    brand: row.brand,
    model: row.model,
    category: row.category,
    serial: row.serial,
    purchaseDate: row.purchase_date,
    installDate: row.install_date,
    acceptanceDate: row.acceptance_date,
    productionDate: row.production_date,
    invoiceNumber: row.invoice_number,
    siteAddress: row.site_address,
    locationNote: row.location_note,
    salePriceFen: row.sale_price_fen ?? null,
    soldBy: row.sold_by ?? null,
    replacedById: row.replaced_by_id ?? null,
    replacesId: row.replaces_id ?? null,
    status: row.status as UnitStatus,
    policy: { ...policy, policyId: row.v_policy_id, name: row.policy_name },
    warranty,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function getUnit(ctx: ServiceContext, id: number, db: Db = ctx.db): Promise<Unit> {
  const [unit] = await loadUnits(ctx, db, [id]);
  if (!unit) throw notFound('errors.unitNotFound', { id });
  return unit;
}

export async function listUnitsByCustomer(ctx: ServiceContext, customerId: number): Promise<Unit[]> {
  await getCustomer(ctx, customerId);
  const rows = await ctx.db.selectFrom('units').select('id').where('customer_id', '=', customerId).orderBy('id', 'desc').execute();
  return loadUnits(ctx, ctx.db, rows.map((r) => r.id));
}

/** A barcode scanner types the serial exactly: every unit with it, whatever the model. */
export async function findUnitsBySerial(ctx: ServiceContext, serial: string): Promise<Unit[]> {
  const rows = await ctx.db.selectFrom('units').select('id').where(sql<boolean>`serial = ${serial.trim()} collate nocase`).limit(20).execute();
  return loadUnits(ctx, ctx.db, rows.map((r) => r.id));
}

/** The same model and serial (ignoring case) registered on another unit is a CONFLICT naming it. */
export async function assertSerialFree(ctx: ServiceContext, db: Db, unit: { modelId: number; serial: string }, exceptId?: number) {
  const existing = await db
    .selectFrom('units')
    .select('id')
    .where('model_id', '=', unit.modelId)
    .where(sql<boolean>`serial = ${unit.serial} collate nocase`)
    .$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId!))
    .executeTakeFirst();
  if (!existing) return;
  const other = await getUnit(ctx, existing.id, db);
  // Named for the clerk by serial, model and owner; the unit's id travels apart, for the screen to link to.
  const params = { serial: other.serial, brand: other.brand, model: other.model, customer: other.customerName };
  throw refusal('CONFLICT', 'errors.serialTaken', params, { field: 'serial', extra: { existingUnitId: other.id } });
}

function columns(input: z.output<typeof unitCreateInput>) {
  return {
    customer_id: input.customerId,
    model_id: input.modelId,
    serial: input.serial,
    purchase_date: input.purchaseDate,
    install_date: input.installDate,
    acceptance_date: input.acceptanceDate,
    production_date: input.productionDate,
    invoice_number: input.invoiceNumber,
    site_address: input.siteAddress,
    location_note: input.locationNote,
  };
}

/**
 * The sale's price and seller (migration 0380), written only when there is something to write or
 * to clear: a unit saved without them stays writable on a desk whose file predates the columns.
 */
function saleColumns(input: { salePriceFen: number | null; soldBy: string | null }, before: { salePriceFen: number | null; soldBy: string | null } = { salePriceFen: null, soldBy: null }) {
  const unchanged = input.salePriceFen === null && input.soldBy === null && (before.salePriceFen ?? null) === null && (before.soldBy ?? null) === null;
  return unchanged ? {} : { sale_price_fen: input.salePriceFen, sold_by: input.soldBy };
}

/** Registers a unit inside an open transaction; the import uses it row by row. */
export async function insertUnit(ctx: ServiceContext, trx: Db, input: z.output<typeof unitCreateInput>, now: number): Promise<number> {
  await getCustomer(ctx, input.customerId, trx);
  await getModel(ctx, input.modelId, trx);
  await assertSerialFree(ctx, trx, input);
  const { id } = await trx
    .insertInto('units')
    .values({ ...columns(input), ...saleColumns(input), policy_version_id: await policyVersionForModel(ctx, input.modelId, trx), status: 'inService', created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('unit_status_history').values({ unit_id: id, status: 'inService', changed_at: now, note: null }).execute();
  await trx.updateTable('customers').set({ updated_at: now }).where('id', '=', input.customerId).execute();
  await indexUnit(trx, id);
  await syncHandoverVisits(ctx, trx, id);
  return id;
}

export async function createUnit(ctx: ServiceContext, input: z.output<typeof unitCreateInput>): Promise<Unit> {
  return ctx.db.transaction().execute(async (trx) => getUnit(ctx, await insertUnit(ctx, trx, input, ctx.now().getTime()), trx));
}

export async function updateUnit(ctx: ServiceContext, input: z.output<typeof unitUpdateInput>): Promise<Unit> {
  const { id, ...fields } = input;
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getUnit(ctx, id, trx);
    await getCustomer(ctx, fields.customerId, trx);
    await getModel(ctx, fields.modelId, trx);
    await assertSerialFree(ctx, trx, fields, id);
    // Moving a unit to another model puts it under that model's current policy: a warranty
    // decision, which the admin PIN guards (a new model with a long policy would otherwise give
    // any sold unit a longer warranty).
    if (fields.modelId !== before.modelId) requireAdmin();
    // A unit under a maintenance contract stays with the contract's customer until it ends.
    if (fields.customerId !== before.customerId) {
      const contract = await trx
        .selectFrom('contract_units as cu')
        .innerJoin('maintenance_contracts as m', 'm.id', 'cu.contract_id')
        .select('m.number')
        .where('cu.unit_id', '=', id)
        .where('m.cancelled_at', 'is', null)
        .where('m.ends_on', '>=', todayIso(ctx.now()))
        .executeTakeFirst();
      if (contract) throw refuse('maintenance.errors.unitUnderContract', { number: contract.number }, 'customerId');
    }
    const policyVersion = fields.modelId === before.modelId ? before.policy.id : await policyVersionForModel(ctx, fields.modelId, trx);
    await trx
      .updateTable('units')
      .set({ ...columns(fields), ...saleColumns(fields, before), policy_version_id: policyVersion, updated_at: ctx.now().getTime() })
      .where('id', '=', id)
      .execute();
    await indexUnit(trx, id);
    if (before.customerId !== fields.customerId) await indexCustomer(trx, before.customerId);
    await syncHandoverVisits(ctx, trx, id);
    return getUnit(ctx, id, trx);
  });
}

export async function setUnitStatus(ctx: ServiceContext, input: z.output<typeof unitStatusInput>): Promise<Unit> {
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await getUnit(ctx, input.id, trx);
    if (unit.status === input.status) return unit;
    const now = ctx.now().getTime();
    await trx.updateTable('units').set({ status: input.status, updated_at: now }).where('id', '=', input.id).execute();
    await trx.insertInto('unit_status_history').values({ unit_id: input.id, status: input.status, changed_at: now, note: input.note }).execute();
    await syncHandoverVisits(ctx, trx, input.id);
    return getUnit(ctx, input.id, trx);
  });
}

export async function unitHistory(ctx: ServiceContext, id: number): Promise<UnitStatusChange[]> {
  await getUnit(ctx, id);
  const rows = await ctx.db.selectFrom('unit_status_history').selectAll().where('unit_id', '=', id).orderBy('changed_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map((r) => ({ status: r.status as UnitStatus, changedAt: r.changed_at, note: r.note }));
}

export async function addExclusion(ctx: ServiceContext, input: z.output<typeof exclusionInput>): Promise<Unit> {
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await getUnit(ctx, input.unitId, trx);
    if (input.componentKey && !unit.policy.components.some((c) => c.key === input.componentKey)) {
      throw refuse('validation.invalid', undefined, 'componentKey');
    }
    await trx
      .insertInto('warranty_exclusions')
      .values({ unit_id: input.unitId, component_key: input.componentKey, reason: input.reason, decided_on: input.decidedOn, note: input.note, created_at: ctx.now().getTime() })
      .execute();
    return getUnit(ctx, input.unitId, trx);
  });
}
