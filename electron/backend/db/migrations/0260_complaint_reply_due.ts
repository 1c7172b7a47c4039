import { sql, type Kysely } from 'kysely';

/**
 * A complaint owes three things, as the seeds promise them: an acknowledgement within 1 hour
 * (the first answer, answered_at), a reply within 2 working days, and its resolution. Complaints
 * recorded before had no reply promise: their reply_due stays null (nothing was promised then),
 * and a reply recorded later still stamps replied_at.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table complaints add column reply_due integer`.execute(db);
  await sql`alter table complaints add column replied_at integer`.execute(db);
}
