import { sql, type Kysely } from 'kysely';

/**
 * Two things for a desk that stays quick on years of history (issue 23).
 *
 * 1. The audit log's free text, second shape: 0330's index (trigram, detail=none) could
 * only say "every trigram of the text is somewhere in this document"; digits share trigrams, so a
 * phone fragment gave thousands of candidates for LIKE to rule out (129 ms on 500,000 logged
 * requests). These two replace it:
 *
 * - detail=full keeps each trigram's position, so the text typed is asked as one phrase: only
 *   documents holding it as a substring come back, newest first, and the search stops after the
 *   first page's worth (audit-text.ts).
 * - One column per logged value (operator / request; label / before / after), so a phrase never
 *   matches across two values, as the LIKE over each value never does.
 * - The values are indexed through SQLite's lower() with a case-sensitive tokenizer: lower()
 *   folds ASCII only, exactly as LIKE does, so the index answers what LIKE would (the trigram
 *   tokenizer's own folding is Unicode-wide and would find more).
 * - rowid is the log's own: audit_changes.rowid, audit_rows.id. The log is read-only (0080's
 *   triggers), so inserts are all the index has to follow.
 *
 * What was logged before is indexed in the background, newest first, in steps
 * (audit-text.ts fillAuditIndex); audit_index_backfill starts over for the new tables.
 *
 * 2. An import written in steps (excel/import-steps.ts): each few hundred rows their own
 *    transaction, so the desk answers between them. `running` marks a batch whose steps are not
 *    all written: a failure, or a start finding one left by a crash, removes what it wrote, so an
 *    import is all there or not at all. `change_id` is the import's own request in the log, which
 *    its later steps write under: not an edit made to its rows since.
 */
const OPTIONS = `tokenize = 'trigram case_sensitive 1', detail = 'full', content = ''`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists audit_changes_text`.execute(db);
  await sql`drop trigger if exists audit_rows_text`.execute(db);
  await sql`drop table if exists search_fts_audit`.execute(db);
  await sql.raw(`create virtual table search_fts_audit_changes using fts5(operator, request, ${OPTIONS})`).execute(db);
  await sql.raw(`create virtual table search_fts_audit_rows using fts5(label, before, after, ${OPTIONS})`).execute(db);
  await sql`create trigger audit_changes_text after insert on audit_changes begin
    insert into search_fts_audit_changes (rowid, operator, request) values (new.rowid, lower(new.operator), lower(new.request));
  end`.execute(db);
  await sql`create trigger audit_rows_text after insert on audit_rows begin
    insert into search_fts_audit_rows (rowid, label, before, after) values (new.id, lower(new.label), lower(new.before), lower(new.after));
  end`.execute(db);
  await sql`alter table import_batches add column running integer not null default 0 check (running in (0, 1))`.execute(db);
  await sql`alter table import_batches add column change_id text`.execute(db);
  // Everything logged so far is filled again, into the new tables, beside the desk.
  await sql`update audit_index_backfill set
    rows_left = (select coalesce(max(id), 0) from audit_rows),
    changes_left = (select coalesce(max(rowid), 0) from audit_changes)`.execute(db);
}
