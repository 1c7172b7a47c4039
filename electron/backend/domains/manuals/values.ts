import type { z } from 'zod';
import type { UnitSetValue, unitSetValuesInput } from '../../../../shared/schemas/manual';
import type { ServiceContext } from '../../app/context';
import type { Db } from '../../db/schema';
import { notFound } from '../../lib/errors';

/*
 * The values set or calibrated on a unit at installation (pressures, set points, addresses,
 * thresholds): what the technician wrote on the commissioning sheet, kept on the unit so every
 * later visit, and the manual's technical data, can compare against them.
 */

export async function unitSetValues(ctx: ServiceContext, unitId: number, db: Db = ctx.db): Promise<UnitSetValue[]> {
  const unit = await db.selectFrom('units').select('id').where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw notFound('manuals.errors.unitMissing', { id: unitId });
  const rows = await db.selectFrom('unit_set_values').select(['label', 'value', 'note']).where('unit_id', '=', unitId).orderBy('position').execute();
  return rows.map((r) => ({ label: r.label, value: r.value, note: r.note }));
}

/** Replaces the unit's list as a whole, in the order given. */
export async function saveUnitSetValues(ctx: ServiceContext, input: z.output<typeof unitSetValuesInput>): Promise<UnitSetValue[]> {
  await ctx.db.transaction().execute(async (trx) => {
    const unit = await trx.selectFrom('units').select('id').where('id', '=', input.unitId).executeTakeFirst();
    if (!unit) throw notFound('manuals.errors.unitMissing', { id: input.unitId });
    await trx.deleteFrom('unit_set_values').where('unit_id', '=', input.unitId).execute();
    if (input.values.length > 0) {
      await trx
        .insertInto('unit_set_values')
        .values(input.values.map((v, i) => ({ unit_id: input.unitId, position: i + 1, label: v.label, value: v.value, note: v.note })))
        .execute();
    }
  });
  return unitSetValues(ctx, input.unitId);
}
