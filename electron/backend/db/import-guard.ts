import type Database from 'better-sqlite3';
import { sql } from 'kysely';
import { ATTACHMENT_RECORD_TABLES } from '../../../shared/schemas/attachment';
import { type AppError, refusal } from '../lib/errors';
import type { Db } from './schema';
import { quoteName, syncTriggers } from './trigger-sync';

/*
 * While an import is being written in steps (domains/excel/import-steps.ts) the rows its first
 * steps wrote are already in the file, and the desk's lists and search show them. If the clerk
 * built on one of them (a ticket on a just-imported customer) and a later step failed, taking the
 * import back would need to delete a row the ticket points at: the foreign key refuses, the
 * import stays half written, and every start tries again and fails. A CASCADE or SET NULL key
 * would be worse: the clerk's visit or call would silently go with it.
 *
 * So the database itself holds the rule: until its last step commits, an import's rows may be
 * read but not changed, removed or pointed at. BEFORE triggers refuse, with RAISE(ABORT), any
 * write that would do so; the dispatcher turns that into a translated refusal ("this customer is
 * still being imported, try again in a moment"). In the database, not in each handler, so that
 * every write path (a form, a merge, a paper archived, an attachment, a future table) is held by
 * it alike; generated from the live schema at every start like the audit triggers, so a table or
 * key added later is covered from its first start.
 *
 * The import's own writes (its later steps, and taking it back) mark themselves by a row in
 * `import_writing`, inserted first and deleted last inside their own transaction: committed, the
 * table is always empty, and the desk's requests never run inside that transaction (one
 * connection, transactions take it whole), so only the import's statements ever see the mark.
 */

/** The tables an import writes, and the kind of record the refusal names for each. */
const GUARDED: Record<string, Kind> = {
  customers: 'customer',
  customer_phones: 'customer',
  customer_addresses: 'customer',
  customer_contacts: 'customer',
  units: 'unit',
  unit_status_history: 'unit',
  product_models: 'model',
};
type Kind = 'customer' | 'unit' | 'model';

/**
 * References without a foreign key: a record named by its type and id. The attachments' types
 * come from the shared list (a new kind there is covered here); a document is archived against
 * a unit (its warranty card) or a customer (a pack).
 */
const POLYMORPHIC: { table: string; types: Record<string, string> }[] = [
  { table: 'attachments', types: Object.fromEntries(Object.entries(ATTACHMENT_RECORD_TABLES).filter(([, table]) => table in GUARDED)) },
  { table: 'documents', types: { unit: 'units', customer: 'customers' } },
];

const PREFIX = 'import_guard_';
const MESSAGE = 'desk:import-running:';
const quote = quoteName;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** An import is being written and this statement is not one of its own. */
const OTHERS_WHILE_RUNNING = `exists (select 1 from import_batches where running = 1) and not exists (select 1 from import_writing)`;
/** The row `id` of `table` was written by an import still running. */
const held = (table: string, id: string) =>
  `exists (select 1 from import_batches b join import_batch_rows r on r.batch_id = b.id where b.running = 1 and r.table_name = ${literal(table)} and r.row_id = ${id})`;
const raise = (kind: Kind) => `select raise(abort, ${literal(MESSAGE + kind)});`;

function trigger(name: string, when: string, on: string, condition: string, kind: Kind): [string, string] {
  return [name, `CREATE TRIGGER ${quote(name)} before ${when} on ${quote(on)} when ${OTHERS_WHILE_RUNNING} and (${condition}) begin\n  ${raise(kind)}\nend`];
}

function guardsFor(sqlite: Database.Database): Map<string, string> {
  const wanted = new Map<string, string>();
  const tables = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name").pluck().all() as string[];
  // The import's own rows: not changed nor removed by anyone else while it runs.
  for (const [table, kind] of Object.entries(GUARDED)) {
    if (!tables.includes(table)) continue;
    wanted.set(...trigger(`${PREFIX}${table}_update`, 'update', table, held(table, 'old.id'), kind));
    wanted.set(...trigger(`${PREFIX}${table}_delete`, 'delete', table, held(table, 'old.id'), kind));
  }
  // Every foreign key to one of them: no new row pointing at it, no row moved onto it.
  for (const table of tables) {
    const keys = sqlite.prepare(`select "table" as parent, "from" as col from pragma_foreign_key_list(${literal(table)})`).all() as { parent: string; col: string }[];
    for (const { parent, col } of keys) {
      const kind = GUARDED[parent];
      if (!kind) continue;
      const column = `new.${quote(col)}`;
      wanted.set(...trigger(`${PREFIX}${table}_${col}_insert`, 'insert', table, `${column} is not null and ${held(parent, column)}`, kind));
      wanted.set(...trigger(`${PREFIX}${table}_${col}_update`, `update of ${quote(col)}`, table, `${column} is not old.${quote(col)} and ${held(parent, column)}`, kind));
    }
  }
  for (const { table, types } of POLYMORPHIC) {
    if (!tables.includes(table)) continue;
    for (const [type, parent] of Object.entries(types)) {
      const condition = `new.record_type = ${literal(type)} and ${held(parent, 'new.record_id')}`;
      wanted.set(...trigger(`${PREFIX}${table}_${type}_insert`, 'insert', table, condition, GUARDED[parent]!));
      wanted.set(...trigger(`${PREFIX}${table}_${type}_update`, 'update of record_type, record_id', table, condition, GUARDED[parent]!));
    }
  }
  return wanted;
}

/**
 * Makes the guard triggers what the schema calls for: run after the migrations, like the audit
 * triggers, and writing nothing when they already are (a read-only file still opens). A schema
 * before 0410 (a test's older list of migrations) has no `import_writing` and gets none.
 */
export function syncImportGuards(sqlite: Database.Database): { created: number; dropped: number } {
  const ready = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'import_writing'").get();
  const wanted = ready ? guardsFor(sqlite) : new Map<string, string>();
  return syncTriggers(sqlite, PREFIX, wanted);
}

/**
 * A write the guard refused, as the clerk reads it: CONFLICT, "this customer (unit, model) is
 * still being imported, try again in a moment". Null for any other error.
 */
export function stillImporting(error: unknown): AppError | null {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && message.startsWith(MESSAGE)) {
      const kind = message.slice(MESSAGE.length);
      return refusal('CONFLICT', `importGuard.stillImporting.${kind}`, undefined, { log: `refused: a ${kind} of an import still being written` });
    }
  }
  return null;
}

/**
 * The same rule asked before a long piece of work rather than at its last write: an archived
 * paper takes its number and is drawn before its row is written (archive.ts), so a refusal there
 * would skip a number and waste the drawing. The trigger stays the rule; this only answers early.
 */
export async function refuseWhileImporting(db: Db, table: 'documents' | 'attachments', recordType: string, recordId: number): Promise<void> {
  const parent = POLYMORPHIC.find((p) => p.table === table)?.types[recordType];
  if (parent) await refuseHeld(db, parent, [recordId]);
}

/**
 * The same, for a piece of work on imported records themselves: a merge takes a checked backup
 * of the whole file before its first write, which a refusal at that write would have wasted.
 * `ids` name the rows of `table` the work will change, by `column` (a customer's units by
 * `customer_id`).
 */
export async function refuseHeld(db: Db, table: string, ids: number[], column = 'id'): Promise<void> {
  const kind = GUARDED[table];
  if (!kind || ids.length === 0) return;
  // A schema before 0410 (an older desk's migrations, as the migration tests open it) has no guard.
  const ready = await sql`select 1 from sqlite_master where type = 'table' and name = 'import_writing'`.execute(db);
  if (ready.rows.length === 0) return;
  const list = ids.map((id) => String(Math.trunc(id))).join(', ');
  const { rows } = await sql<{ held: number }>`select exists (select 1 from ${sql.table(table)} t where t.${sql.ref(column)} in (${sql.raw(list)}) and ${sql.raw(held(table, 't.id'))}) and not exists (select 1 from import_writing) as held`.execute(db);
  if (rows[0]?.held) throw stillImporting(new Error(MESSAGE + kind))!;
}
