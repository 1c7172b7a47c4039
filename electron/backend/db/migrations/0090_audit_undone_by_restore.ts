import { sql, type Kysely } from 'kysely';

/**
 * A restore rolls the data back, but not the log: the changes it undid are carried into the
 * restored database's log and marked with the restore that undid them (its change id).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table audit_changes add column undone_by text`.execute(db);
}
