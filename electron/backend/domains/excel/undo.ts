import { sql } from 'kysely';
import { localDay } from '../../../../shared/domain/dates';
import type { ImportBatch, ImportUndoCheck } from '../../../../shared/schemas/excel';
import type { Db } from '../../db/schema';
import type { ImportedTable } from '../../db/tables/registry';
import type { ServiceContext } from '../../app/context';
import { currentOperator, requireAdmin } from '../../app/request-context';
import { AppError, refusal } from '../../lib/errors';
import { dropManyFromIndex } from '../search/search-index';
import { loadBatch, toBatch } from './batches';
import { batchRows, findBlockers } from './undo-blockers';

/**
 * An import made today is the clerk's own work of the moment, undone as everyday work; one from
 * an earlier day deletes customers the desk may have come to rely on, as deleting a customer
 * does, so it asks for the admin PIN.
 */
const needsAdmin = (ctx: ServiceContext, createdAt: number) => localDay(createdAt) !== localDay(ctx.now());

export async function checkUndo(ctx: ServiceContext, batchId: number): Promise<ImportUndoCheck> {
  const batch = await loadBatch(ctx.db, batchId);
  const blockers = batch.undone_at === null ? await findBlockers(ctx.db, batch) : { messages: [], count: 0 };
  return { batch: toBatch(batch), blockers: blockers.messages, blockerCount: blockers.count, needsAdmin: needsAdmin(ctx, batch.created_at) };
}

/** Children first, so no foreign key stands in the way and no cascade removes what was not counted. */
const DELETE_ORDER: ImportedTable[] = ['unit_status_history', 'units', 'customer_contacts', 'customer_addresses', 'customer_phones', 'customers', 'product_models'];

/**
 * Removes exactly the rows one import created, in one transaction, and marks the batch undone;
 * refused, changing nothing, when anything has touched those rows since (each change named).
 * The audit triggers log every row removed under this request, as for any other write.
 */
export async function undoImport(ctx: ServiceContext, batchId: number): Promise<ImportBatch> {
  const before = await loadBatch(ctx.db, batchId);
  if (before.undone_at !== null) throw refusal('CONFLICT', 'errors.importAlreadyUndone', { file: before.file_name });
  if (needsAdmin(ctx, before.created_at)) requireAdmin();
  return ctx.db.transaction().execute(async (trx) => {
    const batch = await loadBatch(trx, batchId);
    if (batch.undone_at !== null) throw refusal('CONFLICT', 'errors.importAlreadyUndone', { file: batch.file_name });
    const blockers = await findBlockers(trx, batch);
    if (blockers.count > 0) {
      throw refusal('CONFLICT', 'errors.importChangedSince', { file: batch.file_name, count: blockers.count }, { extra: { blockers: blockers.messages, blockerCount: blockers.count } });
    }
    const rows = await removeBatchRows(trx, batchId);
    const customers = rows.get('customers') ?? new Set();
    await trx.updateTable('import_batches').set({ undone_at: ctx.now().getTime(), undone_by: currentOperator() }).where('id', '=', batchId).execute();
    ctx.logger.info('import undone', { batchId, file: batch.file_name, customers: customers.size, units: rows.get('units')?.size ?? 0 });
    return toBatch(await loadBatch(trx, batchId));
  });
}

/**
 * Deletes every row a batch recorded, children first, and the batch's list of them: the undo's
 * work, and the taking back of an import cut short (import-steps.ts). Throws, so the caller's
 * transaction rolls back, when a row is missing or something holds on to one.
 */
export async function removeBatchRows(trx: Db, batchId: number) {
  const rows = await batchRows(trx, batchId);
  const customers = [...(rows.get('customers') ?? [])];
  // Tags have no id of their own: they are the imported customers' and go with them.
  await deleteIn(trx, 'customer_tags', 'customer_id', customers);
  for (const table of DELETE_ORDER) {
    const ids = [...(rows.get(table) ?? [])];
    const removed = await deleteIn(trx, table, 'id', ids);
    // The checks found every row in place: a shortfall means they missed something.
    if (removed !== ids.length) throw new AppError('INTERNAL', `import undo: ${table} removed ${removed} of ${ids.length}`);
  }
  await dropManyFromIndex(trx, 'unit', [...(rows.get('units') ?? [])]);
  await dropManyFromIndex(trx, 'customer', customers);
  await trx.deleteFrom('import_batch_rows').where('batch_id', '=', batchId).execute();
  return rows;
}

async function deleteIn(db: Db, table: ImportedTable | 'customer_tags', column: 'id' | 'customer_id', ids: number[]): Promise<number> {
  let removed = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const result = await db
      .deleteFrom(table)
      .where(sql.ref(column), 'in', ids.slice(i, i + 500))
      .executeTakeFirst();
    removed += Number(result.numDeletedRows);
  }
  return removed;
}
