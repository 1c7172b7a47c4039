import { sql, type Kysely } from 'kysely';

/**
 * An import still being written keeps its rows whole (issue 23, after 0360's stepped import).
 *
 * - `import_writing`: the mark an import's own statements carry. A row is inserted first and
 *   deleted last inside each of the import's transactions (its steps, and taking it back), so the
 *   guard triggers (db/import-guard.ts, made at every start from the live schema) let those
 *   through and refuse anyone else's write that would change, remove or point at a row of an
 *   import still running. Committed, the table is always empty. Not audited: bookkeeping.
 * - `cut_short_at`: an import cut short whose rows could not be taken back (a database written
 *   before the guard, where the clerk had already built on them). It is then kept as it is, no
 *   longer running, instead of being tried again at every start; the import screen and a note on
 *   every page say so until the clerk has read it (`cut_short_seen_at`), and its undo, which names
 *   whatever holds it, removes it once nothing does.
 * - An index on the running batches: every guarded write first asks whether one runs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table import_writing (batch_id integer primary key) strict`.execute(db);
  await sql`alter table import_batches add column cut_short_at integer`.execute(db);
  await sql`alter table import_batches add column cut_short_seen_at integer`.execute(db);
  await sql`create index import_batches_running on import_batches (id) where running = 1`.execute(db);
}
