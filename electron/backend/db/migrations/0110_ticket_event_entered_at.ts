import { sql, type Kysely } from 'kysely';

/**
 * An arrival, a completion or a callback is often recorded after the fact, with the time it
 * really happened: the event's `at` is that time, and `entered_at` when the desk wrote it down,
 * so the history says both. Events written before this migration were stamped when entered and
 * keep null here (read as "entered at `at`"): filling it in would rewrite every event of every
 * ticket, each a row in the audit log.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table ticket_events add column entered_at integer`.execute(db);
}
