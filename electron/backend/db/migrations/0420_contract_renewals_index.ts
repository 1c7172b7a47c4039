import { sql, type Kysely } from 'kysely';

/**
 * The owner's month (issue 17): a contract's renewal found by a seek. The scheduled-service
 * report asks, for each contract ending in its period, whether a live contract renews it
 * (`renewed_from_id = c.id`); with no index each asking walked every contract, so a year with
 * 1,600 contracts ending among 5,000 read some sixteen million rows (0.5–2.6 s). Only renewals
 * have the column set: the index holds them alone.
 *
 * And a period's visits counted by status from the index alone: `visits_due` (0310) gains the
 * status, so a year's 20,000 visits are no longer 20,000 row lookups.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create index maintenance_contracts_renewed on maintenance_contracts (renewed_from_id) where renewed_from_id is not null`,
    sql`drop index visits_due`,
    sql`create index visits_due on visits (due_on, status)`,
  ];
  for (const statement of statements) await statement.execute(db);
}
