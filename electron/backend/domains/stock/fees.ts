import { sql } from 'kysely';
import type { z } from 'zod';
import type { LabourFee, feeCreateInput, feeUpdateInput } from '../../../../shared/schemas/resources';
import { refusal, notFound } from '../../lib/errors';
import type { Db } from '../../db/schema';
import type { ServiceContext } from '../../app/context';

type FeeRow = { id: number; name: string; amount_fen: number; active: number };
const toFee = (r: FeeRow): LabourFee => ({ id: r.id, name: r.name, amountFen: r.amount_fen, active: r.active === 1 });

export async function getFee(ctx: ServiceContext, id: number, db: Db = ctx.db): Promise<LabourFee> {
  const row = await db.selectFrom('labour_fees').select(['id', 'name', 'amount_fen', 'active']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('ticketing.errors.feeMissing', { id });
  return toFee(row);
}

/** The fee table in the order the desk reads it: from the cheapest call-out to the big jobs. */
export async function listFees(ctx: ServiceContext): Promise<LabourFee[]> {
  const rows = await ctx.db
    .selectFrom('labour_fees')
    .select(['id', 'name', 'amount_fen', 'active'])
    .orderBy('active', 'desc')
    .orderBy('amount_fen')
    .orderBy('id')
    .execute();
  return rows.map(toFee);
}

/** A ticket's labour line is picked by name: two fees called the same would be a guess. */
async function assertNameFree(db: Db, name: string, exceptId?: number): Promise<void> {
  const clash = await db
    .selectFrom('labour_fees')
    .select(['id', 'name'])
    .where(sql<boolean>`name = ${name} collate nocase`)
    .$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId!))
    .executeTakeFirst();
  if (clash) {
    throw refusal('CONFLICT', 'stock.errors.feeNameTaken', { name: clash.name }, { field: 'name' });
  }
}

type FeeInput = z.output<typeof feeCreateInput>;
const columns = (input: FeeInput) => ({ name: input.name, amount_fen: input.amountFen, active: input.active ? 1 : 0 });

export async function createFee(ctx: ServiceContext, input: FeeInput): Promise<LabourFee> {
  return ctx.db.transaction().execute(async (trx) => {
    await assertNameFree(trx, input.name);
    const { id } = await trx
      .insertInto('labour_fees')
      .values({ ...columns(input), created_at: ctx.now().getTime() })
      .returning('id')
      .executeTakeFirstOrThrow();
    return getFee(ctx, id, trx);
  });
}

/** Tickets copy name and amount when the fee is used, so an edit never changes a past bill. */
export async function updateFee(ctx: ServiceContext, input: z.output<typeof feeUpdateInput>): Promise<LabourFee> {
  const { id, ...fields } = input;
  return ctx.db.transaction().execute(async (trx) => {
    await getFee(ctx, id, trx);
    await assertNameFree(trx, fields.name, id);
    await trx.updateTable('labour_fees').set(columns(fields)).where('id', '=', id).execute();
    return getFee(ctx, id, trx);
  });
}
