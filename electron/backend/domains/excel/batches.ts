import type { Selectable } from 'kysely';
import type { ImportBatch } from '../../../../shared/schemas/excel';
import type { Db } from '../../db/schema';
import type { ImportBatchesTable, ImportedTable } from '../../db/tables/registry';
import type { ServiceContext } from '../../app/context';
import { currentOperator } from '../../app/request-context';
import { notFound } from '../../lib/errors';

/** The rows an import wrote itself; their phones, addresses, contacts and status lines are found from them. */
export interface CreatedRows {
  customers: number[];
  units: number[];
  models: number[];
}

/** How many recent imports the import screen lists. */
const RECENT = 10;
const CHUNK = 300;

export function toBatch(row: Selectable<ImportBatchesTable>): ImportBatch {
  return {
    id: row.id,
    fileName: row.file_name,
    sheet: row.sheet,
    operator: row.operator,
    createdAt: row.created_at,
    customersCreated: row.customers_created,
    customersReused: row.customers_reused,
    unitsCreated: row.units_created,
    modelsCreated: row.models_created,
    rowsNotImported: row.rows_not_imported,
    undoneAt: row.undone_at,
    undoneBy: row.undone_by,
    cutShortAt: row.cut_short_at ?? null,
  };
}

export async function loadBatch(db: Db, id: number): Promise<Selectable<ImportBatchesTable>> {
  // One still being written is not there yet for the desk (nor to undo).
  const row = await db.selectFrom('import_batches').selectAll().where('id', '=', id).where('running', '=', 0).executeTakeFirst();
  if (!row) throw notFound('errors.importBatchNotFound', { id }, 'batchId');
  return row;
}

async function childIds(db: Db, table: 'customer_phones' | 'customer_addresses' | 'customer_contacts', customers: number[]): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < customers.length; i += CHUNK) {
    const rows = await db.selectFrom(table).select('id').where('customer_id', 'in', customers.slice(i, i + CHUNK)).execute();
    out.push(...rows.map((r) => r.id));
  }
  return out;
}

async function statusIds(db: Db, units: number[]): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < units.length; i += CHUNK) {
    const rows = await db.selectFrom('unit_status_history').select('id').where('unit_id', 'in', units.slice(i, i + CHUNK)).execute();
    out.push(...rows.map((r) => r.id));
  }
  return out;
}

type BatchCounts = { customersCreated: number; customersReused: number; unitsCreated: number; modelsCreated: number; rowsNotImported: number };

/**
 * Opens an import's batch before its first row is written, marked running (migration 0360): who,
 * when, from which file, and the log's mark past which a change to its rows is someone's edit
 * (the import's own later steps, written under `changeId`, aside).
 */
export async function openBatch(trx: Db, batch: { fileName: string; sheet: string; at: number; changeId: string | null }): Promise<number> {
  const mark = await trx.selectFrom('audit_rows').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  const { id } = await trx
    .insertInto('import_batches')
    .values({
      file_name: batch.fileName,
      sheet: batch.sheet,
      operator: currentOperator(),
      audit_mark: Number(mark?.id ?? 0),
      created_at: batch.at,
      customers_created: 0,
      customers_reused: 0,
      units_created: 0,
      models_created: 0,
      rows_not_imported: 0,
      running: 1,
      change_id: batch.changeId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * Keeps the id of every row one step created, in that step's own transaction (the customers'
 * phones, addresses and contacts, the units' first status line): what undoing the import, or
 * taking back an import cut short, removes, and what tells when something else touched them.
 */
export async function recordRows(trx: Db, batchId: number, created: CreatedRows): Promise<void> {
  const { customers, units, models } = created;
  const rows: [ImportedTable, number[]][] = [
    ['customers', customers],
    ['customer_phones', await childIds(trx, 'customer_phones', customers)],
    ['customer_addresses', await childIds(trx, 'customer_addresses', customers)],
    ['customer_contacts', await childIds(trx, 'customer_contacts', customers)],
    ['units', units],
    ['unit_status_history', await statusIds(trx, units)],
    ['product_models', models],
  ];
  for (const [table, ids] of rows) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      await trx
        .insertInto('import_batch_rows')
        .values(ids.slice(i, i + CHUNK).map((row_id) => ({ batch_id: batchId, table_name: table, row_id })))
        .execute();
    }
  }
}

/** The last step: the counts, and the batch no longer running (an ordinary import from now on). */
export async function closeBatch(trx: Db, batchId: number, counts: BatchCounts): Promise<ImportBatch> {
  await trx
    .updateTable('import_batches')
    .set({
      customers_created: counts.customersCreated,
      customers_reused: counts.customersReused,
      units_created: counts.unitsCreated,
      models_created: counts.modelsCreated,
      rows_not_imported: counts.rowsNotImported,
      running: 0,
    })
    .where('id', '=', batchId)
    .execute();
  return toBatch(await loadBatch(trx, batchId));
}

export async function listBatches(ctx: ServiceContext): Promise<ImportBatch[]> {
  const rows = await ctx.db.selectFrom('import_batches').selectAll().where('running', '=', 0).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(RECENT).execute();
  return rows.map(toBatch);
}

/** Imports cut short and kept (import-steps.ts keepCutShort) whose note the clerk has not closed. */
export async function cutShortBatches(ctx: ServiceContext): Promise<ImportBatch[]> {
  const rows = await ctx.db
    .selectFrom('import_batches')
    .selectAll()
    .where('cut_short_at', 'is not', null)
    .where('cut_short_seen_at', 'is', null)
    .where('undone_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map(toBatch);
}

export async function markCutShortSeen(ctx: ServiceContext, batchId: number): Promise<ImportBatch> {
  const batch = await loadBatch(ctx.db, batchId);
  if (batch.cut_short_at !== null && batch.cut_short_seen_at === null) {
    await ctx.db.updateTable('import_batches').set({ cut_short_seen_at: ctx.now().getTime() }).where('id', '=', batchId).execute();
  }
  return toBatch(await loadBatch(ctx.db, batchId));
}
