import type { z } from 'zod';
import type { SpareLevel, spareShareInput } from '../../../../shared/schemas/settle';
import type { ServiceContext } from '../../app/context';
import { refuse } from '../../lib/errors';
import { partNotFound } from '../stock/parts';

/*
 * Spares held as a share of a model's units in service (seed 004: 本地库存不少于服务总量 3% 的备品
 * 备件), beside the fixed reorder level a part already has; and, for a discontinued model, the
 * spares the desk keeps because the maker no longer makes them (seed 003).
 */

export async function spareLevels(ctx: ServiceContext): Promise<SpareLevel[]> {
  const rows = await ctx.db
    .selectFrom('parts as p')
    .innerJoin('product_models as pm', 'pm.id', 'p.share_model_id')
    .select(['p.id', 'p.part_number', 'p.name', 'p.quantity', 'p.share_pct', 'pm.id as model_id', 'pm.brand', 'pm.model', 'pm.discontinued_on'])
    .select((eb) =>
      eb
        .selectFrom('units as u')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('u.model_id', '=', 'pm.id')
        .where('u.status', 'in', ['inService', 'atWorkshop', 'onLoan'])
        .as('in_service'),
    )
    .where('p.share_pct', 'is not', null)
    .where('p.active', '=', 1)
    .orderBy('p.part_number')
    .execute();
  return rows.map((r) => {
    const units = Number(r.in_service ?? 0);
    const pct = r.share_pct ?? 0;
    // "At least 3 %": 34 units need 2 spares (1.02 rounded up), not 1.
    const required = Math.ceil((units * pct) / 100);
    return {
      partId: r.id,
      partNumber: r.part_number,
      name: r.name,
      quantity: r.quantity,
      modelId: r.model_id,
      modelName: `${r.brand} ${r.model}`,
      discontinued: r.discontinued_on !== null,
      unitsInService: units,
      sharePct: pct,
      required,
      low: r.quantity < required,
    };
  });
}

export async function setSpareShare(ctx: ServiceContext, input: z.output<typeof spareShareInput>): Promise<SpareLevel[]> {
  await ctx.db.transaction().execute(async (trx) => {
    const part = await trx.selectFrom('parts').select('id').where('id', '=', input.partId).executeTakeFirst();
    if (!part) throw partNotFound(input.partId);
    if ((input.modelId === null) !== (input.sharePct === null)) throw refuse('settle.errors.shareNeedsBoth', undefined, input.modelId === null ? 'modelId' : 'sharePct');
    if (input.modelId !== null) {
      const model = await trx.selectFrom('product_models').select('id').where('id', '=', input.modelId).executeTakeFirst();
      if (!model) throw refuse('settle.errors.modelNotFound', { id: input.modelId }, 'modelId');
    }
    await trx.updateTable('parts').set({ share_model_id: input.modelId, share_pct: input.sharePct, updated_at: ctx.now().getTime() }).where('id', '=', input.partId).execute();
  });
  return spareLevels(ctx);
}
