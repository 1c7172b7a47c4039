import { sql } from 'kysely';
import type { Db } from '../db/schema';

/**
 * The next number of a per-kind counter (tickets, complaints, each kind of document), inside the
 * caller's transaction: the number is taken with the record or not at all, so no two records
 * ever share one. The counter never restarts, not even with the year.
 */
export async function nextInSequence(trx: Db, kind: string): Promise<number> {
  const { last_value } = await trx
    .insertInto('sequences')
    .values({ kind, last_value: 1 })
    .onConflict((oc) => oc.column('kind').doUpdateSet({ last_value: sql`last_value + 1` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return last_value;
}

/** A printed number: prefix, year, and the counter in six digits (`GD-2026-000123`). */
export function recordNumber(prefix: string, year: number, n: number): string {
  return `${prefix}-${year}-${String(n).padStart(6, '0')}`;
}

/** Takes the kind's next number and prints it, in one step. */
export async function takeNumber(trx: Db, kind: string, prefix: string, year: number): Promise<string> {
  return recordNumber(prefix, year, await nextInSequence(trx, kind));
}

/** Every counter and where it stands. */
export async function readSequences(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom('sequences').select(['kind', 'last_value']).execute();
  return new Map(rows.map((r) => [r.kind, r.last_value]));
}

/**
 * Moves a counter up to at least `atLeast`, never down: after a restore the numbers handed out
 * since the backup (on paper, in the archive, in the database that was replaced) stay taken.
 */
export async function raiseSequence(trx: Db, kind: string, atLeast: number): Promise<void> {
  await trx
    .insertInto('sequences')
    .values({ kind, last_value: atLeast })
    .onConflict((oc) => oc.column('kind').doUpdateSet({ last_value: sql`max(last_value, excluded.last_value)` }))
    .execute();
}
