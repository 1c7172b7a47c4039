import type { z } from 'zod';
import type { ChecklistItem } from '../../../../shared/domain/checklist';
import type { Checklist, checklistCreateInput, checklistUpdateInput } from '../../../../shared/schemas/checklist';
import type { ServiceContext } from '../../app/context';
import { currentOperator } from '../../app/request-context';
import type { Db } from '../../db/schema';
import { notFound, refusal, refuse } from '../../lib/errors';

/*
 * Inspection checklists, one per product model or per category. Every edit is a new version:
 * a visit records against the version it used, so an old record and its archived form never change.
 */

type Input = z.output<typeof checklistCreateInput>;

function checklistMissing(id: number) {
  return notFound('maintenance.errors.checklistMissing', { id });
}

/** The checklists with their current version, a model's before a category's. */
async function loadChecklists(db: Db, ids: number[] | null): Promise<Checklist[]> {
  const rows = await db
    .selectFrom('checklists as c')
    .leftJoin('product_models as m', 'm.id', 'c.model_id')
    .innerJoin('checklist_versions as v', (join) =>
      join.onRef('v.checklist_id', '=', 'c.id').on('v.version', '=', (eb) => eb.selectFrom('checklist_versions as v2').select((e) => e.fn.max('v2.version').as('n')).whereRef('v2.checklist_id', '=', 'c.id')),
    )
    .select(['c.id', 'c.name', 'c.model_id', 'c.category', 'm.brand', 'm.model', 'v.id as version_id', 'v.version', 'v.items'])
    .select((eb) =>
      eb
        .selectFrom('visit_results as r')
        .innerJoin('checklist_versions as v3', 'v3.id', 'r.checklist_version_id')
        .innerJoin('visits as vi', 'vi.id', 'r.visit_id')
        .select((e) => e.fn.count<number>('r.visit_id').distinct().as('n'))
        .whereRef('v3.checklist_id', '=', 'c.id')
        .where('vi.status', '=', 'done')
        .as('used_by'),
    )
    .where('c.archived', '=', 0)
    .$if(ids !== null, (q) => q.where('c.id', 'in', ids!))
    .orderBy('c.model_id', 'desc')
    .orderBy('c.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    modelId: r.model_id,
    modelLabel: r.brand === null ? null : `${r.brand} ${r.model ?? ''}`.trim(),
    category: r.category,
    version: r.version,
    versionId: r.version_id,
    items: JSON.parse(r.items) as ChecklistItem[],
    usedBy: Number(r.used_by ?? 0),
  }));
}

export async function listChecklists(ctx: ServiceContext): Promise<Checklist[]> {
  return loadChecklists(ctx.db, null);
}

export async function getChecklist(ctx: ServiceContext, id: number, db: Db = ctx.db): Promise<Checklist> {
  const [found] = await loadChecklists(db, [id]);
  if (!found) throw checklistMissing(id);
  return found;
}

/** The model must exist; only one live checklist per model and per category. */
async function checkTarget(trx: Db, input: Input, selfId: number | null): Promise<void> {
  if (input.modelId !== null) {
    const model = await trx.selectFrom('product_models').select('id').where('id', '=', input.modelId).executeTakeFirst();
    if (!model) throw refuse('maintenance.errors.modelMissing', {}, 'modelId');
  }
  const clash = await trx
    .selectFrom('checklists')
    .select(['name'])
    .where('archived', '=', 0)
    .$if(input.modelId !== null, (q) => q.where('model_id', '=', input.modelId!))
    .$if(input.modelId === null, (q) => q.where('model_id', 'is', null).where('category', '=', input.category))
    .$if(selfId !== null, (q) => q.where('id', '!=', selfId!))
    .executeTakeFirst();
  if (clash) throw refuse('maintenance.errors.checklistTaken', { name: clash.name }, input.modelId !== null ? 'modelId' : 'category');
}

async function addVersion(ctx: ServiceContext, trx: Db, checklistId: number, version: number, items: ChecklistItem[]): Promise<void> {
  await trx
    .insertInto('checklist_versions')
    .values({ checklist_id: checklistId, version, items: JSON.stringify(items), created_by: currentOperator(), created_at: ctx.now().getTime() })
    .execute();
}

const itemsOf = (input: Input): ChecklistItem[] => input.items.map((i) => ({ ...i }));

export async function createChecklist(ctx: ServiceContext, input: Input): Promise<Checklist> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    await checkTarget(trx, input, null);
    const at = ctx.now().getTime();
    const { id } = await trx
      .insertInto('checklists')
      .values({ name: input.name, model_id: input.modelId, category: input.modelId === null ? input.category : null, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addVersion(ctx, trx, id, 1, itemsOf(input));
    return id;
  });
  return getChecklist(ctx, id);
}

/** Saves the items as a new version; visits already recorded keep theirs. */
export async function updateChecklist(ctx: ServiceContext, input: z.output<typeof checklistUpdateInput>): Promise<Checklist> {
  await ctx.db.transaction().execute(async (trx) => {
    const current = await getChecklist(ctx, input.id, trx);
    await checkTarget(trx, input, input.id);
    await trx
      .updateTable('checklists')
      .set({ name: input.name, model_id: input.modelId, category: input.modelId === null ? input.category : null, updated_at: ctx.now().getTime() })
      .where('id', '=', input.id)
      .execute();
    if (JSON.stringify(current.items) !== JSON.stringify(itemsOf(input))) await addVersion(ctx, trx, input.id, current.version + 1, itemsOf(input));
  });
  return getChecklist(ctx, input.id);
}

/** Takes a checklist out of use; its versions stay for the visits recorded against them. */
export async function archiveChecklist(ctx: ServiceContext, id: number): Promise<null> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('checklists').select(['archived']).where('id', '=', id).executeTakeFirst();
    if (!row) throw checklistMissing(id);
    if (row.archived === 1) throw refusal('CONFLICT', 'maintenance.errors.checklistMissing', { id });
    await trx.updateTable('checklists').set({ archived: 1, updated_at: ctx.now().getTime() }).where('id', '=', id).execute();
  });
  return null;
}

/** The checklist a unit is inspected with now: its model's, else its category's; null when there is none. */
export async function checklistForUnits(db: Db, unitIds: number[]): Promise<Map<number, Checklist | null>> {
  const out = new Map<number, Checklist | null>();
  if (unitIds.length === 0) return out;
  const units = await db.selectFrom('units as u').innerJoin('product_models as m', 'm.id', 'u.model_id').select(['u.id', 'm.id as model_id', 'm.category']).where('u.id', 'in', unitIds).execute();
  const all = await loadChecklists(db, null);
  for (const u of units) {
    out.set(u.id, all.find((c) => c.modelId === u.model_id) ?? all.find((c) => c.modelId === null && c.category === u.category) ?? null);
  }
  return out;
}
