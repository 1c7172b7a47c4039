import { sql } from 'kysely';
import type { z } from 'zod';
import type { ServiceLevelTerms } from '../../../../shared/domain/sla';
import type { ServiceLevel, serviceLevelCreateInput, serviceLevelUpdateInput } from '../../../../shared/schemas/service';
import { refusal, refuse, notFound } from '../../lib/errors';
import type { Db } from '../../db/schema';
import type { ServiceContext } from '../../app/context';

function selectLevels(db: Db) {
  return db
    .selectFrom('service_levels as s')
    .select(['s.id', 's.name', 's.is_default', 's.terms'])
    .select((eb) => eb.selectFrom('tickets as t').whereRef('t.service_level_id', '=', 's.id').select(eb.fn.countAll<number>().as('n')).as('ticket_count'));
}

type LevelRow = { id: number; name: string; is_default: number; terms: string; ticket_count: number | null };
const toLevel = (r: LevelRow): ServiceLevel => ({
  id: r.id,
  name: r.name,
  isDefault: r.is_default === 1,
  terms: JSON.parse(r.terms) as ServiceLevelTerms,
  ticketCount: r.ticket_count ?? 0,
});

export async function getServiceLevel(ctx: ServiceContext, id: number, db: Db = ctx.db): Promise<ServiceLevel> {
  const row = await selectLevels(db).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('ticketing.errors.serviceLevelMissing', { id });
  return toLevel(row);
}

/** The level a new repair gets when none is chosen; null on a desk that has none (never after migration 0070). */
export async function defaultServiceLevel(ctx: ServiceContext): Promise<ServiceLevel | null> {
  const row = await selectLevels(ctx.db).where('s.is_default', '=', 1).executeTakeFirst();
  return row ? toLevel(row) : null;
}

/** The default first, then by name: the order the ticket form offers them in. */
export async function listServiceLevels(ctx: ServiceContext): Promise<ServiceLevel[]> {
  const rows = await selectLevels(ctx.db).orderBy('s.is_default', 'desc').orderBy('s.name').execute();
  return rows.map(toLevel);
}

/** A name picks a level in the ticket form, so two levels may not share one, whatever the case. */
async function assertNameFree(db: Db, name: string, exceptId?: number): Promise<void> {
  const clash = await db
    .selectFrom('service_levels')
    .select('name')
    .where(sql<boolean>`name = ${name} collate nocase`)
    .$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId!))
    .executeTakeFirst();
  if (clash) {
    throw refusal('CONFLICT', 'service.errors.levelNameTaken', { name: clash.name }, { field: 'name' });
  }
}

/** Exactly one level is the default: making one the default takes it from the others. */
async function takeDefault(db: Db, id: number): Promise<void> {
  await db.updateTable('service_levels').set({ is_default: 0 }).where('id', '!=', id).where('is_default', '=', 1).execute();
  await db.updateTable('service_levels').set({ is_default: 1 }).where('id', '=', id).execute();
}

export async function createServiceLevel(ctx: ServiceContext, input: z.output<typeof serviceLevelCreateInput>): Promise<ServiceLevel> {
  return ctx.db.transaction().execute(async (trx) => {
    await assertNameFree(trx, input.name);
    const now = ctx.now().getTime();
    const { id } = await trx
      .insertInto('service_levels')
      .values({ name: input.name, is_default: 0, terms: JSON.stringify(input.terms), created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.isDefault) await takeDefault(trx, id);
    return getServiceLevel(ctx, id, trx);
  });
}

export async function updateServiceLevel(ctx: ServiceContext, input: z.output<typeof serviceLevelUpdateInput>): Promise<ServiceLevel> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getServiceLevel(ctx, input.id, trx);
    // New tickets need a level to fall back on: the default moves only by naming another one.
    if (before.isDefault && !input.isDefault) {
      throw refuse('service.errors.defaultRequired', undefined, 'isDefault');
    }
    await assertNameFree(trx, input.name, input.id);
    await trx
      .updateTable('service_levels')
      .set({ name: input.name, terms: JSON.stringify(input.terms), updated_at: ctx.now().getTime() })
      .where('id', '=', input.id)
      .execute();
    if (input.isDefault && !before.isDefault) await takeDefault(trx, input.id);
    return getServiceLevel(ctx, input.id, trx);
  });
}
