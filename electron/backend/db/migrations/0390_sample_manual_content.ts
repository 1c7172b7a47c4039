import { sql, type Kysely } from 'kysely';

/**
 * The sample set brings manual content too (for the categories of its models), so a new clerk
 * trying the desk sees a maintenance manual with chapters instead of "not written". Removing the
 * sample must find that content again: sample_records may now name manual_contents. SQLite
 * cannot change a CHECK in place, so the (small) list is copied into a table with the new check.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table sample_records_new (
    table_name text not null check (table_name in ('warranty_policies', 'product_models', 'customers', 'units', 'technicians', 'parts', 'tickets', 'complaints', 'manual_contents')),
    row_id integer not null,
    primary key (table_name, row_id)
  ) strict, without rowid`.execute(db);
  await sql`insert into sample_records_new (table_name, row_id) select table_name, row_id from sample_records`.execute(db);
  await sql`drop table sample_records`.execute(db);
  await sql`alter table sample_records_new rename to sample_records`.execute(db);
}
