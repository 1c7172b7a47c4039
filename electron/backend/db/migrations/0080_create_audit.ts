import { sql, type Kysely } from 'kysely';

/**
 * Who is at the desk, the admin PIN, the audit log and the database's health checks.
 *
 * The audit log is filled by triggers (see db/audit-triggers.ts), so every write through any
 * service is recorded in the same transaction as the write itself. It can only grow: updates
 * and deletes of its rows are refused by the database, whatever code asks.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table operators (
      id integer primary key,
      name text not null unique collate nocase,
      active integer not null default 1 check (active in (0, 1)),
      created_at integer not null,
      last_seen_at integer
    ) strict`,

    // The PIN's scrypt hash and salt; kept out of "settings" so settings:get can never send it.
    sql`create table security (
      key text primary key,
      value text not null
    ) strict`,

    sql`create table audit_changes (
      id text primary key,
      at integer not null,
      operator text not null,
      channel text not null,
      elevated integer not null check (elevated in (0, 1)),
      request text not null
    ) strict`,
    sql`create index audit_changes_at on audit_changes (at desc)`,
    sql`create index audit_changes_operator on audit_changes (operator, at desc)`,
    sql`create index audit_changes_channel on audit_changes (channel, at desc)`,

    sql`create table audit_rows (
      id integer primary key,
      change_id text not null references audit_changes (id),
      table_name text not null,
      row_id text not null,
      op text not null check (op in ('insert', 'update', 'delete')),
      before text,
      after text
    ) strict`,
    sql`create index audit_rows_change on audit_rows (change_id)`,
    sql`create index audit_rows_record on audit_rows (table_name, row_id)`,

    sql`create trigger audit_changes_read_only_update before update on audit_changes
      begin select raise(abort, 'the audit log is read-only'); end`,
    sql`create trigger audit_changes_read_only_delete before delete on audit_changes
      begin select raise(abort, 'the audit log is read-only'); end`,
    sql`create trigger audit_rows_read_only_update before update on audit_rows
      begin select raise(abort, 'the audit log is read-only'); end`,
    sql`create trigger audit_rows_read_only_delete before delete on audit_rows
      begin select raise(abort, 'the audit log is read-only'); end`,

    sql`create table health_checks (
      id integer primary key,
      at integer not null,
      ok integer not null check (ok in (0, 1)),
      ms integer not null,
      problems text not null default '[]'
    ) strict`,
    sql`create index health_checks_at on health_checks (at desc)`,

    // The one operator name the desk used before operators existed becomes the first operator.
    sql`insert into operators (name, created_at)
      select trim(json_extract(value, '$')), cast(unixepoch('subsec') * 1000 as integer)
      from settings where key = 'operator' and trim(coalesce(json_extract(value, '$'), '')) <> ''`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0080_create_audit cannot be undone: the audit log only grows');
}
