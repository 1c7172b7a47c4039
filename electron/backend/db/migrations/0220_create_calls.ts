import { sql, type Kysely } from 'kysely';

// The purposes and outcomes as they stood when this was written: a migration means the same forever.
const CALL_PURPOSES = ['repair', 'consultation', 'complaint', 'other'];
const CALL_OUTCOMES = ['solvedByPhone', 'ticketOpened', 'complaintRecorded', 'callBack', 'other'];

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * The call log (来电登记): every incoming call, whoever it came from (a customer on file, or a
 * name and number), what it was for and how it ended. Most end on the phone (seed 004: 电话在线
 * 解决率 80%), so a repair ticket can also end "solved on the phone": still `resolved` (it takes its
 * callback like any other), marked here so it counts as resolved without a visit.
 * The call rules (the target share solved on the phone) are a table of their own, key → JSON,
 * rather than a key of `settings`, whose form sends back every key it reads.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table calls (
      id integer primary key,
      at integer not null,
      day text not null,
      customer_id integer references customers (id) on delete set null,
      caller_name text,
      caller_phone text,
      unit_id integer references units (id) on delete set null,
      purpose text not null check (purpose in (${list(CALL_PURPOSES)})),
      outcome text not null check (outcome in (${list(CALL_OUTCOMES)})),
      notes text,
      ticket_id integer references tickets (id) on delete set null,
      created_by text not null,
      created_at integer not null,
      check (customer_id is not null or caller_name is not null or caller_phone is not null)
    ) strict`,
    // The week's summary counts by day, purpose and outcome from the index alone.
    sql`create index calls_day on calls (day, purpose, outcome)`,
    // The Desk's day list, newest first, read from the index without sorting the day's calls.
    sql`create index calls_day_at on calls (day, at)`,
    sql`create index calls_ticket on calls (ticket_id) where ticket_id is not null`,
    sql`create table call_settings (key text primary key, value text not null) strict`,
    sql`alter table tickets add column solved_by_phone integer not null default 0 check (solved_by_phone in (0, 1))`,
  ];
  for (const statement of statements) await statement.execute(db);
}
