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
  };
}

export async function loadBatch(db: Db, id: number): Promise<Selectable<ImportBatchesTable>> {
  const row = await db.selectFrom('import_batches').selectAll().where('id', '=', id).executeTakeFirst();
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

/**
 * Keeps an import as a batch, in the import's own transaction: who, when, from which file, and the id of
 * every row it created (the customers' phones, addresses and contacts, the units' first status
 * line), so that undoing it can remove exactly those and tell when something else touched them.
 */
export async function recordBatch(
  trx: Db,
  batch: {
    fileName: string;
    sheet: string;
    at: number;
    counts: { customersCreated: number; customersReused: number; unitsCreated: number; modelsCreated: number; rowsNotImported: number };
    created: CreatedRows;
  },
): Promise<ImportBatch> {
  const mark = await trx.selectFrom('audit_rows').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  const { id } = await trx
    .insertInto('import_batches')
    .values({
      file_name: batch.fileName,
      sheet: batch.sheet,
      operator: currentOperator(),
      audit_mark: Number(mark?.id ?? 0),
      created_at: batch.at,
      customers_created: batch.counts.customersCreated,
      customers_reused: batch.counts.customersReused,
      units_created: batch.counts.unitsCreated,
      models_created: batch.counts.modelsCreated,
      rows_not_imported: batch.counts.rowsNotImported,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { customers, units, models } = batch.created;
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
        .values(ids.slice(i, i + CHUNK).map((row_id) => ({ batch_id: id, table_name: table, row_id })))
        .execute();
    }
  }
  return toBatch(await loadBatch(trx, id));
}

export async function listBatches(ctx: ServiceContext): Promise<ImportBatch[]> {
  const rows = await ctx.db.selectFrom('import_batches').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(RECENT).execute();
  return rows.map(toBatch);
}
