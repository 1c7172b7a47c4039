import { sql, type Kysely } from 'kysely';

/**
 * Attachments (附件): photos, PDFs and drawings kept beside a customer, a unit, a ticket, an
 * archived document (a scanned signed copy) or, later, an installation. The bytes live in the
 * data folder under their SHA-256 (one copy per content); `attachment_files` describes each
 * content once, `attachments` links it to a record under the name it was added with. The record
 * type is a plain text column without a check: a new kind of record (the installation) is one
 * entry in the shared list, not a table rebuild.
 *
 * The weekly health check reads every stored file back and hashes it; what it found is kept
 * beside the database's own check (`health_checks.attachments`, JSON, null for older checks).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table attachment_files (
      hash text primary key check (length(hash) = 64),
      size integer not null check (size > 0),
      mime text not null,
      ext text not null,
      thumb integer not null default 0 check (thumb in (0, 1)),
      created_at integer not null
    ) strict`,
    sql`create table attachments (
      id integer primary key,
      record_type text not null,
      record_id integer not null,
      hash text not null references attachment_files (hash),
      name text not null,
      created_by text not null,
      created_at integer not null
    ) strict`,
    sql`create index attachments_record on attachments (record_type, record_id, id)`,
    sql`create index attachments_hash on attachments (hash)`,
    sql`alter table health_checks add column attachments text`,
  ];
  for (const statement of statements) await statement.execute(db);
}
