import { sql, type Kysely } from 'kysely';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { DB } from '../../db/schema';
import { indexCustomer, indexDocument, indexUnit, type IndexKind } from './search-index';

/** Records re-indexed per transaction: a few milliseconds, then the desk's requests get their turn. */
const STEP = 250;

const KINDS: [IndexKind, 'customers' | 'units' | 'documents', (db: Kysely<DB>, id: number) => Promise<void>][] = [
  ['customer', 'customers', indexCustomer],
  ['unit', 'units', indexUnit],
  ['document', 'documents', indexDocument],
];

/**
 * The search index rebuilt beside the desk (after an upgrade): rebuildIndex's work, in short
 * transactions instead of one that held every request for a minute on ten years of records.
 * Each record's entries are replaced whole (indexCustomer and the others are what every save
 * runs), so a search meanwhile finds each record by its old entries or its new ones; entries
 * of records gone since are dropped at the end. Answers how many records were indexed.
 */
export async function rebuildIndexInSteps(db: Kysely<DB>, progress?: (done: number, total: number) => void, stopped = () => false): Promise<number> {
  const lists = await Promise.all(KINDS.map(([, table]) => db.selectFrom(table).select('id').orderBy('id', 'desc').execute()));
  const total = lists.reduce((sum, ids) => sum + ids.length, 0);
  let done = 0;
  for (const [k, [kind, table, index]] of KINDS.entries()) {
    const ids = lists[k]!.map((r) => r.id);
    for (let i = 0; i < ids.length; i += STEP) {
      if (stopped()) return done;
      await db.transaction().execute(async (trx) => {
        for (const id of ids.slice(i, i + STEP)) await index(trx, id);
      });
      done += Math.min(STEP, ids.length - i);
      progress?.(done, total);
      await nextTurn();
    }
    await db.transaction().execute(async (trx) => {
      await sql`delete from search_fts where kind = ${kind} and ref_id not in (select id from ${sql.table(table)})`.execute(trx);
      await trx.deleteFrom('search_keys').where('kind', '=', kind).where('ref_id', 'not in', trx.selectFrom(table).select('id')).execute();
    });
  }
  return total;
}
