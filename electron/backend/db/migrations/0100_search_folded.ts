import type { Kysely } from 'kysely';

/**
 * The search index now holds text folded (traditional characters simplified, full-width letters
 * made plain, dash look-alikes made '-'), and queries are folded the same way: an index written
 * before would no longer match a traditional name or a full-width serial. Nothing in the schema
 * changes; this migration is here so that a database indexed the old way is migrated once, and
 * the app rebuilds the whole index after any migration (backend.ts, rebuildIndex).
 */
export async function up(_db: Kysely<unknown>): Promise<void> {}
