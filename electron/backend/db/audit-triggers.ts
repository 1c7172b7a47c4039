import type Database from 'better-sqlite3';
import { labelSql } from './record-labels';
import { quoteName, syncTriggers } from './trigger-sync';

/**
 * Not audited: SQLite's and Kysely's own tables, the log itself, and what is derived or
 * bookkeeping rather than the company's data (the search index, number sequences, the
 * database's health checks, the ids an import or the sample data created: the rows themselves are logged).
 */
const SKIPPED = [/^sqlite_/, /^kysely_/, /^audit_/, /^search_/, /^sequences$/, /^health_checks$/, /^import_batch_rows$/, /^import_writing$/, /^sample_records$/, /^upgrade_notes$/, /^report_months/];

/** Columns whose values never go into the log, only the fact that they changed. */
const MASKED: Record<string, string[]> = { security: ['value'] };

const TRIGGER_PREFIX = 'audit_log_';
/** Longer `data:` URLs (a logo, a scanned picture) are logged by their digest: different pictures still read as different. */
const MAX_DATA_URL = 2000;

interface Column {
  name: string;
  pk: number;
}

const quote = quoteName;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

export function auditedTables(sqlite: Database.Database): string[] {
  const rows = sqlite
    .prepare("select name, sql from sqlite_master where type = 'table' order by name")
    .all() as { name: string; sql: string | null }[];
  const virtual = rows.filter((r) => /^create virtual table/i.test(r.sql ?? '')).map((r) => r.name);
  return rows
    .map((r) => r.name)
    .filter((name) => !SKIPPED.some((re) => re.test(name)))
    // FTS shadow tables (`<vt>_data`, `<vt>_idx` ...) belong to their virtual table.
    .filter((name) => !virtual.some((vt) => name === vt || name.startsWith(`${vt}_`)));
}

function columnsOf(sqlite: Database.Database, table: string): Column[] {
  return sqlite.prepare(`select name, pk from pragma_table_info(${literal(table)})`).all() as Column[];
}

/**
 * A value as the log keeps it: whole (a long fault description or note is logged in full, so
 * before and after never look alike when they differ), except what is not text worth keeping
 * twice: a blob by its length, a picture by its digest. Which is which is `desk_value`'s to say
 * (`auditValue` below): written out in SQL for every column, it made the triggers a megabyte of
 * schema that every connection parsed and held (issue 23: ~6 MB a connection, 15 ms an open).
 */
function value(table: string, row: 'new' | 'old', column: string): string {
  if (MASKED[table]?.includes(column)) return "'••••'";
  const ref = `${row}.${quote(column)}`;
  return `coalesce(desk_value(${ref}), ${ref})`;
}

/** A data URL (alone or as a JSON string, a setting's value) starts within its first 48 characters; LIKE's case folding. */
const DATA_URL_START = /data:[\s\S]*;base64,/i;

/**
 * What `desk_value` answers for a value about to be logged: a blob's length, a long picture's
 * digest, or null for "log it as it is" (numbers keep their type through `coalesce`).
 * Characters are counted as SQLite counts them, in code points.
 */
export function auditValue(value: unknown, digest: (text: string) => string): string | null {
  if (Buffer.isBuffer(value)) return `<${value.length} bytes>`;
  if (typeof value !== 'string' || value.length <= MAX_DATA_URL) return null;
  const start = Array.from(value.slice(0, 96)).slice(0, 48).join('');
  if (!DATA_URL_START.test(start)) return null;
  let characters = 0;
  for (const _ of value) if (++characters > MAX_DATA_URL) return digest(value);
  return null;
}

function rowObject(table: string, columns: Column[], row: 'new' | 'old'): string {
  return `json_object(${columns.map((c) => `${literal(c.name)}, ${value(table, row, c.name)}`).join(', ')})`;
}

/** Only what an update changed, so the log reads as "phone: old → new". */
function changedObject(table: string, columns: Column[], row: 'new' | 'old'): string {
  const parts = columns.map(
    (c) => `select ${literal(c.name)} as k, ${value(table, row, c.name)} as v where old.${quote(c.name)} is not new.${quote(c.name)}`,
  );
  return `(select json_group_object(k, v) from (${parts.join(' union all ')}))`;
}

function rowId(columns: Column[], row: 'new' | 'old'): string {
  const keys = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  if (keys.length === 0) return `cast(${row}.rowid as text)`;
  if (keys.length === 1) return `cast(${row}.${quote(keys[0]!.name)} as text)`;
  return `json_array(${keys.map((k) => `${row}.${quote(k.name)}`).join(', ')})`;
}

/*
 * The request's row, once. Not "insert or ignore": inside a trigger fired by an upsert's update
 * path SQLite applies the outer statement's conflict handling, so the second upsert of a request
 * (two settings saved together) failed on the row the first had written.
 */
const HEADER = `insert into audit_changes (id, at, operator, channel, elevated, request)
    select desk_audit('id'), desk_audit('at'), desk_audit('operator'), desk_audit('channel'), desk_audit('elevated'), desk_audit('request')
    where not exists (select 1 from audit_changes where id = desk_audit('id'));`;

/** Since migration 0140 each logged row keeps the record's name as it was (see record-labels.ts). */
function logKeepsLabels(sqlite: Database.Database): boolean {
  return sqlite.prepare("select 1 from pragma_table_info('audit_rows') where name = 'label'").get() !== undefined;
}

function triggersFor(sqlite: Database.Database, table: string, withLabel: boolean): Map<string, string> {
  const columns = columnsOf(sqlite, table);
  const name = (op: string) => `${TRIGGER_PREFIX}${table}_${op}`;
  const on = quote(table);
  const record = (op: string, id: string, before: string, after: string) => {
    const label = withLabel ? labelSql(table, op === 'delete' ? 'old' : 'new') : null;
    return label === null
      ? `insert into audit_rows (change_id, table_name, row_id, op, before, after)
    values (desk_audit('id'), ${literal(table)}, ${id}, '${op}', ${before}, ${after});`
      : `insert into audit_rows (change_id, table_name, row_id, op, before, after, label)
    values (desk_audit('id'), ${literal(table)}, ${id}, '${op}', ${before}, ${after}, ${label});`;
  };
  const changed = columns.map((c) => `old.${quote(c.name)} is not new.${quote(c.name)}`).join(' or ');
  return new Map([
    [
      name('insert'),
      `CREATE TRIGGER ${quote(name('insert'))} after insert on ${on} when desk_audit('id') is not null begin
  ${HEADER}
  ${record('insert', rowId(columns, 'new'), 'null', rowObject(table, columns, 'new'))}
end`,
    ],
    [
      name('update'),
      `CREATE TRIGGER ${quote(name('update'))} after update on ${on} when desk_audit('id') is not null and (${changed}) begin
  ${HEADER}
  ${record('update', rowId(columns, 'new'), changedObject(table, columns, 'old'), changedObject(table, columns, 'new'))}
end`,
    ],
    [
      name('delete'),
      `CREATE TRIGGER ${quote(name('delete'))} after delete on ${on} when desk_audit('id') is not null begin
  ${HEADER}
  ${record('delete', rowId(columns, 'old'), rowObject(table, columns, 'old'), 'null')}
end`,
    ],
  ]);
}

/**
 * Every audited table gets insert, update and delete triggers covering all of its current
 * columns. Run after migrations: a table or column added later is covered from its first
 * start, and nothing is written when the triggers are already what they should be (so a
 * read-only file still opens).
 */
export function syncAuditTriggers(sqlite: Database.Database): { created: number; dropped: number } {
  const wanted = new Map<string, string>();
  // A schema from before the log (a test's older migration list) gets no triggers to fail on.
  const hasLog = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'audit_rows'").get();
  if (hasLog) {
    const withLabel = logKeepsLabels(sqlite);
    for (const table of auditedTables(sqlite)) for (const [name, sql] of triggersFor(sqlite, table, withLabel)) wanted.set(name, sql);
  }
  return syncTriggers(sqlite, TRIGGER_PREFIX, wanted);
}
