import { sql, type Kysely } from 'kysely';

/**
 * Each Excel import is kept as a batch: when, by whom, from which file, and the ids of every row
 * it created, so that the import can be taken back as one step while nothing else has touched
 * those rows. The rows themselves are logged by the audit triggers; the list of ids is
 * bookkeeping and is not.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table import_batches (
      id integer primary key,
      file_name text not null,
      sheet text not null,
      operator text not null,
      -- The last audit row written before the batch was recorded: what the log holds past it
      -- about the batch's rows was done to them since.
      audit_mark integer not null,
      created_at integer not null,
      customers_created integer not null check (customers_created >= 0),
      customers_reused integer not null check (customers_reused >= 0),
      units_created integer not null check (units_created >= 0),
      models_created integer not null check (models_created >= 0),
      rows_not_imported integer not null check (rows_not_imported >= 0),
      undone_at integer,
      undone_by text,
      check ((undone_at is null) = (undone_by is null))
    ) strict`,
    sql`create index import_batches_created on import_batches (created_at desc)`,

    sql`create table import_batch_rows (
      batch_id integer not null references import_batches (id) on delete cascade,
      table_name text not null check (table_name in ('customers', 'customer_phones', 'customer_addresses', 'customer_contacts', 'units', 'unit_status_history', 'product_models')),
      row_id integer not null,
      -- Read a batch and table at a time (the checks and the undo): the key is the index.
      primary key (batch_id, table_name, row_id)
    ) strict, without rowid`,
  ];
  for (const statement of statements) await statement.execute(db);
}
