import { sql } from 'kysely';
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { translator } from '../../../../shared/i18n';
import type { ImportResult } from '../../../../shared/schemas/excel';
import type { ServiceContext } from '../../app/context';
import type { Db } from '../../db/schema';
import { storageError } from '../../platform/storage-errors';
import { currentRequest, runAsRequest } from '../../app/request-context';
import { insertCustomer } from '../customers/customers';
import { getSettings } from '../admin/settings';
import { insertUnit } from '../units/units';
import { imported, modelKeyOf, toResult, type Analysis } from './analyse';
import { closeBatch, openBatch, recordRows, type CreatedRows } from './batches';
import { removeBatchRows } from './undo';
import { batchRows } from './undo-blockers';

/*
 * An import written in steps (issue 23): one transaction held the desk for the whole sheet (10,000
 * rows: seconds in which no search answered). Now every STEP_ROWS rows are a transaction of their
 * own and the desk's requests get their turn between them. What the clerk sees stays whole:
 * - everything is checked before the first write (the analysis: every row against the sheet and
 *   the database), as before;
 * - each step records the rows it wrote under the import's batch, in the same transaction, and
 *   the batch is marked running until its last step;
 * - a step that fails takes back every earlier step in one compensating transaction, and a start
 *   that finds a batch still running (the PC went off midway) does the same before it answers.
 * So an import is all there or not at all. While it runs, what it has written so far shows, but
 * the database refuses anyone else's write that would change, remove or point at it
 * (db/import-guard.ts): nothing the clerk does meanwhile can stand in the way of taking it back.
 * The import's own statements carry the mark that lets them through (`asImport`).
 */

/**
 * A step ends after STEP_MS of writing or STEP_ROWS rows, whichever comes first: a step holds the
 * one thread the desk answers on (SQLite's calls are synchronous), so its length is what a
 * search waits at worst. Each row is a customer, a unit, their index entries and their log.
 */
export const STEP_ROWS = 250;
const STEP_MS = 6;

/**
 * Test hooks, never set by the app: a step to fail, as a full disk or a lost file would; and a
 * wait before a step, in which a test does what the clerk would between two steps.
 */
export const importFaults = { failAtStep: null as number | null, beforeStep: null as ((step: number) => Promise<void>) | null };

export async function writeInSteps(ctx: ServiceContext, analysis: Analysis, source: { fileName: string; sheet: string }): Promise<ImportResult> {
  const { plans, newModels } = analysis;
  const now = ctx.now().getTime();
  const t = translator((await getSettings(ctx)).language);
  const modelIds = new Map<string, number>();
  // First step: the batch, marked running, and the new models the rows below point at.
  const batchId = await ctx.db.transaction().execute(async (trx) => {
    const id = await openBatch(trx, { ...source, at: now, changeId: currentRequest()?.changeId ?? null });
    const models: number[] = [];
    for (const [key, m] of newModels) {
      const { id: modelId } = await trx
        .insertInto('product_models')
        .values({ brand: m.brand, model: m.model, category: m.category || t('import.uncategorised'), policy_id: m.policyId, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      modelIds.set(key, modelId);
      models.push(modelId);
    }
    await recordRows(trx, id, { customers: [], units: [], models });
    return id;
  });
  const createdByRow = new Map<number, number>();
  const counts = { customersCreated: 0, customersReused: 0, unitsCreated: 0 };
  const rows = plans.filter((p) => imported(p) && p.customer);
  try {
    for (let next = 0, step = 1; next < rows.length; step++) {
      await nextTurn();
      await importFaults.beforeStep?.(step);
      await ctx.db.transaction().execute((trx) => asImport(trx, batchId, async () => {
        if (importFaults.failAtStep === step) throw new Error(`import step ${step} failed (test fault)`);
        const created: CreatedRows = { customers: [], units: [], models: [] };
        const started = performance.now();
        for (let n = 0; n < STEP_ROWS && next < rows.length && (n === 0 || performance.now() - started < STEP_MS); n++) {
          const plan = rows[next++]!;
          let customerId: number;
          if (plan.target.kind === 'new') {
            customerId = await insertCustomer(trx, plan.customer!, now);
            createdByRow.set(plan.row, customerId);
            created.customers.push(customerId);
            counts.customersCreated += 1;
          } else if (plan.target.kind === 'existing' || plan.target.kind === 'sameAs') {
            // On file (its id), or the customer a row above has just created (its row).
            customerId = plan.target.ref.id ?? createdByRow.get(plan.target.ref.row!)!;
            counts.customersReused += 1;
          } else continue;
          if (plan.unit) {
            const modelId =
              modelIds.get(modelKeyOf(plan.unit)) ??
              (await trx.selectFrom('product_models').select('id').where(sql<boolean>`brand = ${plan.unit.brand} collate nocase and model = ${plan.unit.model} collate nocase`).executeTakeFirstOrThrow()).id;
            const { brand: _b, model: _m, category: _c, ...unit } = plan.unit;
            created.units.push(await insertUnit(ctx, trx, { ...unit, customerId, modelId }, now));
            counts.unitsCreated += 1;
          }
        }
        await recordRows(trx, batchId, created);
      }));
    }
    const rejected = plans.filter((p) => !imported(p)).map(toResult);
    const batch = await ctx.db.transaction().execute((trx) => closeBatch(trx, batchId, { ...counts, modelsCreated: newModels.size, rowsNotImported: rejected.length }));
    return { ...counts, modelsCreated: newModels.size, rejected, batch };
  } catch (error) {
    await takeBack(ctx, batchId, (error as Error).message);
    throw error;
  }
}

/**
 * Marks the statements of `fn`, inside the import's own transaction, as the import's: the guard
 * triggers let them through. Inserted first and deleted last, so a committed file never holds
 * the mark, and a transaction that fails takes it back with everything else.
 */
async function asImport<T>(trx: Db, batchId: number, fn: () => Promise<T>): Promise<T> {
  await trx.insertInto('import_writing').values({ batch_id: batchId }).execute();
  const result = await fn();
  await trx.deleteFrom('import_writing').where('batch_id', '=', batchId).execute();
  return result;
}

/**
 * Removes what a running batch wrote and the batch itself, in one transaction. When that is
 * refused for good (a database written before the guard, where the clerk had built on the rows),
 * the batch is kept as it is, cut short (keepCutShort): said once, never tried again at every
 * start, and none of the clerk's records touched. A disk that refused is not "for good": the
 * batch stays running and the next start tries again.
 */
async function takeBack(ctx: ServiceContext, batchId: number, why: string): Promise<void> {
  try {
    await ctx.db.transaction().execute((trx) =>
      asImport(trx, batchId, async () => {
        const rows = await removeBatchRows(trx, batchId);
        await trx.deleteFrom('import_batches').where('id', '=', batchId).execute();
        ctx.logger.warn('import cut short: its rows were taken back', { batchId, why, customers: rows.get('customers')?.size ?? 0, units: rows.get('units')?.size ?? 0 });
      }),
    );
  } catch (error) {
    if (storageError(error)) {
      ctx.logger.error('import cut short and could not be taken back yet: the disk refused; the next start tries again', { batchId, why, error: (error as Error).message });
      return;
    }
    await keepCutShort(ctx, batchId, why, error);
  }
}

/** An import that cannot be taken back: kept, no longer running, its counts what it wrote. */
async function keepCutShort(ctx: ServiceContext, batchId: number, why: string, cause: unknown): Promise<void> {
  try {
    const counts = await ctx.db.transaction().execute(async (trx) => {
      const rows = await batchRows(trx, batchId);
      const counts = { customers: rows.get('customers')?.size ?? 0, units: rows.get('units')?.size ?? 0, models: rows.get('product_models')?.size ?? 0 };
      await trx
        .updateTable('import_batches')
        .set({ running: 0, cut_short_at: ctx.now().getTime(), customers_created: counts.customers, units_created: counts.units, models_created: counts.models })
        .where('id', '=', batchId)
        .execute();
      return counts;
    });
    ctx.logger.error('import cut short and could not be taken back: kept as it is, the clerk is told', { batchId, why, error: (cause as Error).message, ...counts });
  } catch (error) {
    ctx.logger.error('import cut short, could not be taken back nor kept: the next start tries again', { batchId, why, error: (error as Error).message, cause: (cause as Error).message });
  }
}

/** At the start, before the desk answers: an import the last run left midway goes, all of it, or is kept cut short. */
export async function takeBackInterruptedImports(ctx: ServiceContext): Promise<void> {
  // A schema before 0410 (a test's older set of migrations) has no import written in steps that the guard holds.
  const { rows } = await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = 'import_writing'`.execute(ctx.db);
  if (Number(rows[0]?.n ?? 0) === 0) return;
  const running = await ctx.db.selectFrom('import_batches').select('id').where('running', '=', 1).execute();
  for (const { id } of running) {
    // In the log as the undo it is: the steps that did commit are there under their import, and
    // so is their removal. Nobody has taken the desk yet at a start: no operator.
    const request = { at: ctx.now().getTime(), operator: '', channel: 'import:undo', elevated: false, pinSet: false, input: { batchId: id, interrupted: true } };
    await runAsRequest(request, () => takeBack(ctx, id, 'the app stopped while it was being written'));
  }
}
