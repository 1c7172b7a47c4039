import { sql, type Kysely } from 'kysely';

/**
 * The sample data a new desk may load to practise on: the id of every record it added, so that
 * removing it takes exactly those (and the practice done on them) and never a real record. The
 * records themselves are logged by the audit triggers; this list is bookkeeping and is not.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table sample_records (
    table_name text not null check (table_name in ('warranty_policies', 'product_models', 'customers', 'units', 'technicians', 'parts', 'tickets', 'complaints')),
    row_id integer not null,
    primary key (table_name, row_id)
  ) strict, without rowid`.execute(db);
}
