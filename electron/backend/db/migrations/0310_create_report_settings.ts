import { sql, type Kysely } from 'kysely';

/**
 * The owner's month (issue 17).
 *
 * - `report_settings`: one row, the early-warning rules the owner may tune: the window in which
 *   the same fault on the same unit counts as a repeat (30 days), the failure rate per 100 units
 *   in service that warns (10.00, stored in hundredths), the rise over the model's own previous
 *   period that warns (50 %), and the fewest failures before a rate warns at all (3).
 * - Indexes so a year's reports read their period from an index instead of the whole table:
 *   complaints by when they came in, stock moves and loans
 *   by day, visits by due day, tickets by when they were resolved (the money report), tickets by
 *   report time with what the counts group by (covering), and a unit's fixes by fault (repeats).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table report_settings (
      id integer primary key check (id = 1),
      repeat_window_days integer not null default 30 check (repeat_window_days between 1 and 365),
      rate_threshold_x100 integer not null default 1000 check (rate_threshold_x100 between 1 and 1000000),
      rise_percent integer not null default 50 check (rise_percent between 1 and 10000),
      min_failures integer not null default 3 check (min_failures between 1 and 1000),
      changed_at integer,
      changed_by text
    ) strict`,
    sql`insert into report_settings (id) values (1)`,
    sql`create index complaints_received on complaints (received_at)`,
    sql`create index stock_moves_at on stock_moves (at)`,
    sql`create index loans_issued on loans (issued_at)`,
    sql`create index visits_due on visits (due_on)`,
    // Covering what the money report reads of a resolved ticket, so a year is read from the index.
    sql`create index tickets_resolved on tickets (resolved_at, warranty_in, status, paid_fen, customer_id, unit_id) where resolved_at is not null`,
    // A year's counts by status, category, model and customer read from this index alone, never the wide rows.
    sql`create index tickets_report on tickets (reported_at, status, fault_category, unit_id, customer_id)`,
    // The repeat-fault rule looks up the same unit's same fault fixed within the window: a seek, not a walk of its history.
    sql`create index tickets_same_fault on tickets (unit_id, fault_category, resolved_at) where resolved_at is not null`,
  ];
  for (const statement of statements) await statement.execute(db);
}
