import { sql, type Kysely } from 'kysely';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { DB, Db } from '../../db/schema';

/*
 * The audit log's text index (migration 0330): what the free-text search asks first, and the
 * background fill of the rows logged before the index existed.
 */

/** Rows indexed per step: a few milliseconds' work, then the desk's requests get their turn. */
const STEP = 2_000;

/** The trigram tokenizer finds nothing shorter: one and two characters still read the log itself. */
export const INDEXED_MIN_CHARS = 3;

/**
 * Every trigram of the text, all required: with detail=none FTS5 cannot match a phrase, so this
 * finds each document holding all of them (a few more than hold the text itself, which the
 * log's LIKE then rules out). Trigrams are case-folded by the tokenizer as LIKE folds ASCII.
 */
export function trigramQuery(text: string): string | null {
  // A NUL ends an FTS5 string early ("unterminated string"); the LIKE after still sees it.
  const chars = [...text.replace(/\0/g, '')];
  if (chars.length < INDEXED_MIN_CHARS) return null;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars.slice(i, i + 3).join(''));
  return [...grams].map((g) => `"${g.replace(/"/g, '""')}"`).join(' AND ');
}

/** The changes whose request or written rows hold every trigram of the query: ids of audit_changes. */
export function candidateChanges(match: string) {
  return sql<string>`(select id from audit_changes where rowid in (select -rowid from search_fts_audit where search_fts_audit match ${match} and rowid < 0)
    union select change_id from audit_rows where id in (select rowid from search_fts_audit where search_fts_audit match ${match} and rowid > 0))`;
}

export interface AuditIndexProgress {
  /** Logged rows and requests indexed so far of those logged before the index existed. */
  done: number;
  total: number;
}

/** Whether the rows logged before the index existed are all in it: until then free text reads the log as before. */
export async function auditIndexComplete(db: Db): Promise<boolean> {
  const state = await db.selectFrom('audit_index_backfill').select(['rows_left', 'changes_left']).executeTakeFirst();
  return !state || (state.rows_left === 0 && state.changes_left === 0);
}

/**
 * Indexes the log written before migration 0330, newest first, one short transaction per step,
 * yielding between steps. Resumes where a previous run stopped (the app was closed midway).
 */
export async function fillAuditIndex(db: Kysely<DB>, progress?: (p: AuditIndexProgress) => void, stopped = () => false): Promise<void> {
  const start = await db.selectFrom('audit_index_backfill').select(['rows_left', 'changes_left']).executeTakeFirst();
  if (!start) return;
  const total = start.rows_left + start.changes_left;
  let left = total;
  while (left > 0 && !stopped()) {
    left = await db.transaction().execute(async (trx) => {
      const state = await trx.selectFrom('audit_index_backfill').select(['rows_left', 'changes_left']).executeTakeFirstOrThrow();
      if (state.rows_left > 0) {
        const from = Math.max(0, state.rows_left - STEP);
        await sql`insert into search_fts_audit (rowid, body)
          select id, coalesce(label, '') || ' ' || coalesce(before, '') || ' ' || coalesce(after, '') from audit_rows where id > ${from} and id <= ${state.rows_left}`.execute(trx);
        await trx.updateTable('audit_index_backfill').set({ rows_left: from }).execute();
        return from + state.changes_left;
      }
      const from = Math.max(0, state.changes_left - STEP);
      await sql`insert into search_fts_audit (rowid, body)
        select -rowid, operator || ' ' || request from audit_changes where rowid > ${from} and rowid <= ${state.changes_left}`.execute(trx);
      await trx.updateTable('audit_index_backfill').set({ changes_left: from }).execute();
      return from;
    });
    progress?.({ done: total - left, total });
    await nextTurn();
  }
}
