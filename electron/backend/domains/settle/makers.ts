import { sql } from 'kysely';
import type { z } from 'zod';
import type { SettleModel, makerCreateInput, makerListInput, makerUpdateInput, modelDiscontinueInput, modelMakerInput } from '../../../../shared/schemas/settle';
import { MAKER_FORMS, type Maker, type MakerForm } from '../../../../shared/schemas/settle-base';
import type { ServiceContext } from '../../app/context';
import type { Db } from '../../db/schema';
import { notFound, refusal, refuse } from '../../lib/errors';

/*
 * Makers: the brand's service department an authorised outlet settles with (seed 001). Product
 * models point at their maker, so each unit knows whom a claim or a feedback form goes to.
 */

type MakerRow = {
  id: number;
  name: string;
  department: string | null;
  contact_name: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  address: string | null;
  returns_due_day: number;
  forms: string;
  note: string | null;
  archived: number;
  model_count: number;
};

const toMaker = (r: MakerRow): Maker => ({
  id: r.id,
  name: r.name,
  department: r.department,
  contactName: r.contact_name,
  phone: r.phone,
  fax: r.fax,
  email: r.email,
  address: r.address,
  returnsDueDay: r.returns_due_day,
  forms: (JSON.parse(r.forms) as string[]).filter((f): f is MakerForm => (MAKER_FORMS as readonly string[]).includes(f)),
  note: r.note,
  archived: r.archived === 1,
  modelCount: r.model_count,
});

function makerQuery(db: Db) {
  return db
    .selectFrom('makers as m')
    .selectAll('m')
    .select((eb) => eb.selectFrom('product_models as pm').select(eb.fn.countAll<number>().as('n')).whereRef('pm.maker_id', '=', 'm.id').as('model_count'));
}

export async function getMaker(ctx: ServiceContext, id: number, db: Db = ctx.db): Promise<Maker> {
  const row = await makerQuery(db).where('m.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('settle.errors.makerNotFound', { id });
  return toMaker({ ...row, model_count: Number(row.model_count ?? 0) });
}

export async function listMakers(ctx: ServiceContext, input: z.output<typeof makerListInput>): Promise<Maker[]> {
  const rows = await makerQuery(ctx.db)
    .$if(!input.includeArchived, (q) => q.where('m.archived', '=', 0))
    .orderBy(sql`m.name collate nocase`)
    .execute();
  return rows.map((r) => toMaker({ ...r, model_count: Number(r.model_count ?? 0) }));
}

async function assertNameFree(db: Db, name: string, exceptId?: number): Promise<void> {
  const clash = await db
    .selectFrom('makers')
    .select('name')
    .where(sql<boolean>`name = ${name} collate nocase`)
    .$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId!))
    .executeTakeFirst();
  if (clash) throw refusal('CONFLICT', 'settle.errors.makerNameTaken', { name: clash.name }, { field: 'name' });
}

function columns(input: z.output<typeof makerCreateInput>) {
  return {
    name: input.name,
    department: input.department,
    contact_name: input.contactName,
    phone: input.phone,
    fax: input.fax,
    email: input.email,
    address: input.address,
    returns_due_day: input.returnsDueDay,
    forms: JSON.stringify(MAKER_FORMS.filter((f) => input.forms.includes(f))),
    note: input.note,
  };
}

export async function createMaker(ctx: ServiceContext, input: z.output<typeof makerCreateInput>): Promise<Maker> {
  return ctx.db.transaction().execute(async (trx) => {
    await assertNameFree(trx, input.name);
    const now = ctx.now().getTime();
    const { id } = await trx.insertInto('makers').values({ ...columns(input), created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    return getMaker(ctx, id, trx);
  });
}

export async function updateMaker(ctx: ServiceContext, input: z.output<typeof makerUpdateInput>): Promise<Maker> {
  return ctx.db.transaction().execute(async (trx) => {
    await getMaker(ctx, input.id, trx);
    await assertNameFree(trx, input.name, input.id);
    await trx
      .updateTable('makers')
      .set({ ...columns(input), archived: input.archived ? 1 : 0, updated_at: ctx.now().getTime() })
      .where('id', '=', input.id)
      .execute();
    return getMaker(ctx, input.id, trx);
  });
}

/** Models with their maker and, when discontinued, what replaces them. */
export async function listSettleModels(ctx: ServiceContext, db: Db = ctx.db, only?: number): Promise<SettleModel[]> {
  const rows = await db
    .selectFrom('product_models as pm')
    .leftJoin('makers as m', 'm.id', 'pm.maker_id')
    .leftJoin('product_models as r', 'r.id', 'pm.replacement_model_id')
    .select(['pm.id', 'pm.brand', 'pm.model', 'pm.category', 'pm.maker_id', 'm.name as maker_name', 'pm.discontinued_on', 'pm.replacement_model_id', 'r.brand as r_brand', 'r.model as r_model'])
    .select((eb) =>
      eb
        .selectFrom('units as u')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('u.model_id', '=', 'pm.id')
        .where('u.status', 'in', ['inService', 'atWorkshop', 'onLoan'])
        .as('in_service'),
    )
    .$if(only !== undefined, (q) => q.where('pm.id', '=', only!))
    .orderBy(sql`pm.brand collate nocase`)
    .orderBy(sql`pm.model collate nocase`)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    brand: r.brand,
    model: r.model,
    category: r.category,
    makerId: r.maker_id,
    makerName: r.maker_name,
    discontinuedOn: r.discontinued_on,
    replacementModelId: r.replacement_model_id,
    replacementName: r.r_brand ? `${r.r_brand} ${r.r_model}` : null,
    unitsInService: Number(r.in_service ?? 0),
  }));
}

async function settleModel(ctx: ServiceContext, id: number, db: Db): Promise<SettleModel> {
  const [model] = await listSettleModels(ctx, db, id);
  if (!model) throw notFound('settle.errors.modelNotFound', { id });
  return model;
}

export async function setModelMaker(ctx: ServiceContext, input: z.output<typeof modelMakerInput>): Promise<SettleModel> {
  return ctx.db.transaction().execute(async (trx) => {
    await settleModel(ctx, input.modelId, trx);
    if (input.makerId !== null) {
      const maker = await getMaker(ctx, input.makerId, trx);
      if (maker.archived) throw refuse('settle.errors.makerArchived', { name: maker.name }, 'makerId');
    }
    await trx.updateTable('product_models').set({ maker_id: input.makerId, updated_at: ctx.now().getTime() }).where('id', '=', input.modelId).execute();
    return settleModel(ctx, input.modelId, trx);
  });
}

/** Marks a model no longer made, with the model offered in its place (seed 003: 停产的产品应有替代备品). */
export async function discontinueModel(ctx: ServiceContext, input: z.output<typeof modelDiscontinueInput>): Promise<SettleModel> {
  return ctx.db.transaction().execute(async (trx) => {
    const model = await settleModel(ctx, input.modelId, trx);
    const replacement = input.discontinuedOn === null ? null : input.replacementModelId;
    if (replacement !== null) {
      if (replacement === input.modelId) throw refuse('settle.errors.replacementSelf', undefined, 'replacementModelId');
      const other = await settleModel(ctx, replacement, trx);
      if (other.discontinuedOn) throw refuse('settle.errors.replacementDiscontinued', { model: `${other.brand} ${other.model}` }, 'replacementModelId');
    }
    await trx
      .updateTable('product_models')
      .set({ discontinued_on: input.discontinuedOn, replacement_model_id: replacement, updated_at: ctx.now().getTime() })
      .where('id', '=', model.id)
      .execute();
    return settleModel(ctx, input.modelId, trx);
  });
}

/** The maker a unit's claims and feedback go to, refused when its model has none. */
export async function makerOfUnit(db: Db, unitId: number): Promise<{ makerId: number; modelId: number; makerName: string }> {
  const row = await db
    .selectFrom('units as u')
    .innerJoin('product_models as pm', 'pm.id', 'u.model_id')
    .leftJoin('makers as m', 'm.id', 'pm.maker_id')
    .select(['pm.id as model_id', 'pm.brand', 'pm.model', 'm.id as maker_id', 'm.name as maker_name', 'u.serial'])
    .where('u.id', '=', unitId)
    .executeTakeFirst();
  if (!row) throw notFound('settle.errors.unitNotFound', { id: unitId });
  if (row.maker_id === null || row.maker_name === null) throw refuse('settle.errors.modelWithoutMaker', { model: `${row.brand} ${row.model}` });
  return { makerId: row.maker_id, modelId: row.model_id, makerName: row.maker_name };
}
