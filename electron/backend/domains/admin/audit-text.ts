import { sql, type Kysely } from 'kysely';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { DB, Db } from '../../db/schema';
import { backgroundHolds } from './background-holds';

/*
 * The audit log's text index (migration 0360): the phrase asked of it, the walk that reads only
 * as far as the page needs, and the background fill of what was logged before the index existed.
 */

/** Rows indexed per step: a few milliseconds' work, then the desk's requests get their turn. */
const STEP = 2_000;

/** The trigram tokenizer finds nothing shorter: one and two characters read the recent log instead. */
export const INDEXED_MIN_CHARS = 3;

/**
 * The text typed as one FTS5 phrase, taken literally: inside double quotes FTS5 reads no
 * operator (AND, OR, NEAR, *, ^, parentheses, column filters), and a quote is written twice. The
 * trigram tokenizer turns the phrase into its trigrams in order, so it matches where the text is
 * a substring of one value. Lower-cased as SQLite's lower() did the indexed values (ASCII only,
 * as LIKE folds). Null when the index cannot answer: under three characters, or a NUL (SQLite's
 * LIKE and FTS5 read a string differently past one), which then read the log itself.
 */
export function phraseQuery(text: string): string | null {
  if ([...text].length < INDEXED_MIN_CHARS || text.includes('\0')) return null;
  const folded = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return `"${folded.replace(/"/g, '""')}"`;
}

/** How many index hits one round reads: small first (a rare text ends there), larger after. */
const FIRST_ROUND = 200;
const LARGEST_ROUND = 5_000;

/** A change found through the index: its id and its place in the log's order. */
export type Confirmed = { id: string; at: number; seq: number };

type Hit = { rowid: number } & ({ id: string; at: number; seq: number } | { id: null; at: null; seq: null });

/**
 * Walks one half of the index newest first (its rowid order is the log's writing order), a
 * round at a time and no more than the changes still wanted, handing each round's new changes
 * to `confirm` (the list's other filters) until `enough` says so (given how many this half has
 * confirmed) or the index has no more.
 */
async function walk(hits: (below: number, limit: number) => Promise<Hit[]>, enough: (confirmed: number) => number, confirm: (found: Confirmed[]) => Promise<Confirmed[]>, found: Map<string, Confirmed>) {
  const seen = new Set<string>();
  let confirmed = 0;
  let below = Number.MAX_SAFE_INTEGER;
  for (let round = FIRST_ROUND; enough(confirmed) > 0; round = Math.min(round * 4, LARGEST_ROUND)) {
    const limit = Math.min(round, Math.max(FIRST_ROUND, enough(confirmed)));
    const batch = await hits(below, limit);
    const fresh: Confirmed[] = [];
    for (const h of batch) {
      if (h.id === null || seen.has(h.id)) continue;
      seen.add(h.id);
      fresh.push({ id: h.id, at: h.at, seq: h.seq });
    }
    for (const change of fresh.length > 0 ? await confirm(fresh) : []) {
      found.set(change.id, change);
      confirmed++;
    }
    if (batch.length < limit) break;
    below = batch[batch.length - 1]!.rowid;
  }
}

/**
 * The changes whose request or written rows hold the phrase, newest first, at least `want` of
 * them when there are (the capped count's worth), not the whole log's, and surely the newest
 * `page` (the page's rows and those before it). Both halves are walked: a change found through
 * its rows and one found through its request are one change. The requests' half is walked to
 * `want`; the rows' half only to its own newest `page` once the two together reach `want`
 * (a phrase found in every change counts to the cap from one half, not twice): what either half
 * left unread is older than the `page` newest it read, so it could not be on the page. The
 * phrase answers exactly what LIKE would (migration 0360), so `confirm` only applies the list's
 * other filters, when there are any.
 */
export async function changesHolding(db: Db, phrase: string, want: number, page: number, confirm: (found: Confirmed[]) => Promise<Confirmed[]>): Promise<Confirmed[]> {
  const found = new Map<string, Confirmed>();
  await walk(
    async (below, limit) =>
      (
        await sql<Hit>`select f.rowid, c.id, c.at, c.rowid as seq from (select rowid from search_fts_audit_changes where search_fts_audit_changes match ${phrase} and rowid < ${below} order by rowid desc limit ${limit}) f
          left join audit_changes c on c.rowid = f.rowid order by f.rowid desc`.execute(db)
      ).rows,
    (confirmed) => want - confirmed,
    confirm,
    found,
  );
  await walk(
    async (below, limit) =>
      (
        await sql<Hit>`select f.rowid, c.id, c.at, c.rowid as seq from (select rowid from search_fts_audit_rows where search_fts_audit_rows match ${phrase} and rowid < ${below} order by rowid desc limit ${limit}) f
          left join audit_rows r on r.id = f.rowid left join audit_changes c on c.id = r.change_id order by f.rowid desc`.execute(db)
      ).rows,
    (confirmed) => Math.max(page - confirmed, want - found.size),
    confirm,
    found,
  );
  return [...found.values()];
}

export interface AuditIndexProgress {
  /** Logged rows and requests indexed so far of those logged before the index existed. */
  done: number;
  total: number;
}

/** Whether the rows logged before the index existed are all in it: until then free text reads the recent log. */
export async function auditIndexComplete(db: Db): Promise<boolean> {
  const state = await db.selectFrom('audit_index_backfill').select(['rows_left', 'changes_left']).executeTakeFirst();
  return !state || (state.rows_left === 0 && state.changes_left === 0);
}

/**
 * Indexes the log written before migration 0360, newest first, one short transaction per step,
 * yielding between steps. Resumes where a previous run stopped (the app was closed midway).
 */
export async function fillAuditIndex(db: Kysely<DB>, progress?: (p: AuditIndexProgress) => void, stopped = () => false): Promise<void> {
  const start = await db.selectFrom('audit_index_backfill').select(['rows_left', 'changes_left']).executeTakeFirst();
  if (!start) return;
  const total = start.rows_left + start.changes_left;
  let left = total;
  // Said at once, so the screens show how much there is before the first step ends.
  progress?.({ done: 0, total });
  while (left > 0 && !stopped()) {
    if (backgroundHolds.indexStep) await backgroundHolds.indexStep;
    left = await db.transaction().execute(async (trx) => {
      const state = await trx.selectFrom('audit_index_backfill').select(['rows_left', 'changes_left']).executeTakeFirstOrThrow();
      if (state.rows_left > 0) {
        const from = Math.max(0, state.rows_left - STEP);
        await sql`insert into search_fts_audit_rows (rowid, label, before, after)
          select id, lower(label), lower(before), lower(after) from audit_rows where id > ${from} and id <= ${state.rows_left}`.execute(trx);
        await trx.updateTable('audit_index_backfill').set({ rows_left: from }).execute();
        return from + state.changes_left;
      }
      const from = Math.max(0, state.changes_left - STEP);
      await sql`insert into search_fts_audit_changes (rowid, operator, request)
        select rowid, lower(operator), lower(request) from audit_changes where rowid > ${from} and rowid <= ${state.changes_left}`.execute(trx);
      await trx.updateTable('audit_index_backfill').set({ changes_left: from }).execute();
      return from;
    });
    progress?.({ done: total - left, total });
    await nextTurn();
  }
}
