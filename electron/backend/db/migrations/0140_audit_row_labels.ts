import { sql, type Kysely } from 'kysely';

/**
 * Each logged row keeps the name of the record it touched (a ticket's number and customer, a
 * unit's model and serial), as it was when written: the triggers fill it from now on, so the
 * log still names a record renamed or deleted since, and free text finds a change by that name.
 * Rows logged before stay without one (the log is never rewritten); the screen works theirs out.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table audit_rows add column label text`.execute(db);
}
