import { sql, type Kysely } from 'kysely';

/**
 * Renewal (续保): the dedicated visit offered before a contract or a warranty ends is marked on
 * the visit (an on-site visit like an inspection, but made by the desk, not by a plan, so a plan
 * made again leaves it alone); a customer who declines is recorded against the contract, or
 * against the unit and the warranty end it was asked about, so it leaves the due list.
 * A column rather than a new visit kind: widening the kind's check would mean rebuilding the
 * visits table, which the inspection results and tickets point to.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`alter table visits add column renewal integer not null default 0 check (renewal in (0, 1))`,
    sql`create table renewal_declines (
      id integer primary key,
      contract_id integer references maintenance_contracts (id) on delete cascade,
      unit_id integer references units (id) on delete cascade,
      ends_on text not null,
      declined_on text not null,
      note text,
      created_by text not null,
      created_at integer not null,
      check ((contract_id is null) <> (unit_id is null))
    ) strict`,
    sql`create unique index renewal_declines_contract on renewal_declines (contract_id) where contract_id is not null`,
    sql`create unique index renewal_declines_unit on renewal_declines (unit_id, ends_on) where unit_id is not null`,
  ];
  for (const statement of statements) await statement.execute(db);
}
