import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type {
  PolicyVersion,
  ProductModel,
  WarrantyPolicyRecord,
  modelCreateInput,
  modelListInput,
  modelUpdateInput,
  policyCreateInput,
  policyUpdateInput,
} from '../../../../shared/schemas/product';
import { refusal, notFound } from '../../lib/errors';
import type { Db, WarrantyPolicyVersionsTable } from '../../db/schema';
import type { ServiceContext } from '../../app/context';
import { indexUnit } from '../search/search-index';
import { likeContains } from '../../lib/sql-like';
import { sql } from 'kysely';
import { requireAdmin } from '../../app/request-context';

export function toPolicyVersion(row: Selectable<WarrantyPolicyVersionsTable>): PolicyVersion {
  return {
    id: row.id,
    version: row.version,
    basis: row.basis as PolicyVersion['basis'],
    components: JSON.parse(row.components) as PolicyVersion['components'],
    createdAt: row.created_at,
  };
}

async function currentVersion(db: Db, policyId: number) {
  return db
    .selectFrom('warranty_policy_versions')
    .selectAll()
    .where('policy_id', '=', policyId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function getPolicy(ctx: ServiceContext, id: number, db: Db = ctx.db): Promise<WarrantyPolicyRecord> {
  const row = await db.selectFrom('warranty_policies').selectAll().where('id', '=', id).executeTakeFirst();
  const version = await currentVersion(db, id);
  if (!row || !version) throw notFound('errors.policyNotFound', { id });
  const { n } = await db.selectFrom('product_models').select((eb) => eb.fn.countAll<number>().as('n')).where('policy_id', '=', id).executeTakeFirstOrThrow();
  return { id, name: row.name, current: toPolicyVersion(version), modelCount: n };
}

export async function listPolicies(ctx: ServiceContext): Promise<WarrantyPolicyRecord[]> {
  const rows = await ctx.db.selectFrom('warranty_policies').select('id').orderBy('name').execute();
  return Promise.all(rows.map((r) => getPolicy(ctx, r.id)));
}

async function addVersion(db: Db, policyId: number, input: z.output<typeof policyCreateInput>, now: number): Promise<void> {
  const latest = await currentVersion(db, policyId);
  await db
    .insertInto('warranty_policy_versions')
    .values({ policy_id: policyId, version: (latest?.version ?? 0) + 1, basis: input.basis, components: JSON.stringify(input.components), created_at: now })
    .execute();
}

/** A new policy and its first version, inside the caller's transaction. */
export async function addPolicy(ctx: ServiceContext, trx: Db, input: z.output<typeof policyCreateInput>): Promise<WarrantyPolicyRecord> {
  const now = ctx.now().getTime();
  const { id } = await trx.insertInto('warranty_policies').values({ name: input.name, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
  await addVersion(trx, id, input, now);
  return getPolicy(ctx, id, trx);
}

export async function createPolicy(ctx: ServiceContext, input: z.output<typeof policyCreateInput>): Promise<WarrantyPolicyRecord> {
  return ctx.db.transaction().execute((trx) => addPolicy(ctx, trx, input));
}

/** An edit is a new version: units sold before keep the terms printed on their cards. */
export async function updatePolicy(ctx: ServiceContext, input: z.output<typeof policyUpdateInput>): Promise<WarrantyPolicyRecord> {
  const { id, ...fields } = input;
  return ctx.db.transaction().execute(async (trx) => {
    await getPolicy(ctx, id, trx);
    const now = ctx.now().getTime();
    await trx.updateTable('warranty_policies').set({ name: fields.name, updated_at: now }).where('id', '=', id).execute();
    await addVersion(trx, id, fields, now);
    return getPolicy(ctx, id, trx);
  });
}

function selectModels(db: Db) {
  return db
    .selectFrom('product_models as m')
    .innerJoin('warranty_policies as p', 'p.id', 'm.policy_id')
    .select(['m.id', 'm.brand', 'm.model', 'm.category', 'm.policy_id', 'p.name as policy_name'])
    .select((eb) => eb.selectFrom('units as u').whereRef('u.model_id', '=', 'm.id').select(eb.fn.countAll<number>().as('n')).as('unit_count'));
}

type ModelRow = { id: number; brand: string; model: string; category: string; policy_id: number; policy_name: string; unit_count: number | null };
const toModel = (r: ModelRow): ProductModel => ({
  id: r.id,
  brand: r.brand,
  model: r.model,
  category: r.category,
  policyId: r.policy_id,
  policyName: r.policy_name,
  unitCount: r.unit_count ?? 0,
});

export async function getModel(ctx: ServiceContext, id: number, db: Db = ctx.db): Promise<ProductModel> {
  const row = await selectModels(db).where('m.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('errors.modelNotFound', { id });
  return toModel(row);
}

export async function listModels(ctx: ServiceContext, input: z.output<typeof modelListInput>): Promise<ProductModel[]> {
  const q = input.query.trim();
  let query = selectModels(ctx.db);
  if (q) {
    const like = likeContains(q);
    query = query.where((eb) =>
      eb.or([sql<boolean>`m.brand like ${like} escape '\\'`, sql<boolean>`m.model like ${like} escape '\\'`, sql<boolean>`m.category like ${like} escape '\\'`]),
    );
  }
  return (await query.orderBy('m.brand').orderBy('m.model').limit(500).execute()).map(toModel);
}

/** Brand and model together name a product once, whatever the case they were typed in. */
/** The model of that brand and name, as the desk compares them (case aside), if it has one. */
export async function findModel(db: Db, brand: string, model: string, exceptId?: number) {
  return db
    .selectFrom('product_models')
    .select(['id', 'brand', 'model'])
    .where(sql<boolean>`brand = ${brand} collate nocase and model = ${model} collate nocase`)
    .$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId!))
    .executeTakeFirst();
}

async function assertModelFree(db: Db, brand: string, model: string, exceptId?: number): Promise<void> {
  const clash = await findModel(db, brand, model, exceptId);
  if (clash) {
    const params = { brand: clash.brand, model: clash.model };
    throw refusal('CONFLICT', 'errors.modelTaken', params, { field: 'model' });
  }
}

export async function createModel(ctx: ServiceContext, input: z.output<typeof modelCreateInput>): Promise<ProductModel> {
  return ctx.db.transaction().execute(async (trx) => {
    await getPolicy(ctx, input.policyId, trx);
    await assertModelFree(trx, input.brand, input.model);
    const now = ctx.now().getTime();
    const { id } = await trx
      .insertInto('product_models')
      .values({ brand: input.brand, model: input.model, category: input.category, policy_id: input.policyId, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return getModel(ctx, id, trx);
  });
}

export async function updateModel(ctx: ServiceContext, input: z.output<typeof modelUpdateInput>): Promise<ProductModel> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getModel(ctx, input.id, trx);
    // Which policy new units of a model are sold under is a warranty decision: the admin's.
    if (before.policyId !== input.policyId) requireAdmin();
    await getPolicy(ctx, input.policyId, trx);
    await assertModelFree(trx, input.brand, input.model, input.id);
    await trx
      .updateTable('product_models')
      .set({ brand: input.brand, model: input.model, category: input.category, policy_id: input.policyId, updated_at: ctx.now().getTime() })
      .where('id', '=', input.id)
      .execute();
    // Brand and model are part of what the search box finds a unit by.
    const units = await trx.selectFrom('units').select('id').where('model_id', '=', input.id).execute();
    for (const unit of units) await indexUnit(trx, unit.id);
    return getModel(ctx, input.id, trx);
  });
}

/** The version a newly registered unit is sold under: the model's policy as it stands today. */
export async function policyVersionForModel(ctx: ServiceContext, modelId: number, db: Db = ctx.db): Promise<number> {
  const model = await getModel(ctx, modelId, db);
  const version = await currentVersion(db, model.policyId);
  if (!version) throw notFound('errors.policyNotFound', { id: model.policyId });
  return version.id;
}
