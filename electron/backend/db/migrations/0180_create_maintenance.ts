import { sql, type Kysely } from 'kysely';

/**
 * Scheduled service (月回访、季维护、年保养): maintenance contracts with the units they cover and
 * their visit plan (lines with their own date ranges), and the visits the plan gives, each due,
 * done, missed or cancelled. A visit belongs to a contract, or to a unit alone (the callbacks
 * after handover of a unit in warranty without a contract).
 * Money is integer fen; times epoch milliseconds; calendar days ISO text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table maintenance_contracts (
      id integer primary key,
      number text not null unique,
      customer_id integer not null references customers (id) on delete restrict,
      kind text not null check (kind in ('warranty', 'paid')),
      starts_on text not null,
      ends_on text not null,
      service_level_id integer references service_levels (id) on delete restrict,
      price_fen integer not null default 0 check (price_fen >= 0),
      payment_terms text,
      note text,
      renewed_from_id integer references maintenance_contracts (id) on delete set null,
      cancelled_at integer,
      cancel_reason text,
      created_by text not null,
      created_at integer not null,
      updated_at integer not null,
      check (ends_on >= starts_on)
    ) strict`,
    sql`create index maintenance_contracts_customer on maintenance_contracts (customer_id)`,
    sql`create index maintenance_contracts_ends on maintenance_contracts (ends_on) where cancelled_at is null`,

    sql`create table contract_units (
      contract_id integer not null references maintenance_contracts (id) on delete cascade,
      unit_id integer not null references units (id) on delete restrict,
      primary key (contract_id, unit_id)
    ) strict`,
    sql`create index contract_units_unit on contract_units (unit_id)`,

    sql`create table contract_plan_lines (
      id integer primary key,
      contract_id integer not null references maintenance_contracts (id) on delete cascade,
      position integer not null,
      kind text not null check (kind in ('callback', 'inspection', 'maintenance')),
      repeat text not null check (repeat in ('quarter', 'months', 'days', 'after')),
      n integer check (n is null or n > 0),
      offsets text,
      from_on text not null,
      to_on text not null,
      check (to_on >= from_on)
    ) strict`,
    sql`create index contract_plan_lines_contract on contract_plan_lines (contract_id, position)`,

    sql`create table visits (
      id integer primary key,
      number text not null unique,
      contract_id integer references maintenance_contracts (id) on delete cascade,
      unit_id integer references units (id) on delete cascade,
      kind text not null check (kind in ('callback', 'inspection', 'maintenance')),
      planned_on text not null,
      due_on text not null,
      status text not null default 'due' check (status in ('due', 'done', 'missed', 'cancelled')),
      rescheduled integer not null default 0 check (rescheduled in (0, 1)),
      technician_id integer references technicians (id) on delete set null,
      reason text,
      done_at integer,
      notes text,
      created_at integer not null,
      updated_at integer not null,
      check (contract_id is not null or unit_id is not null)
    ) strict`,
    sql`create index visits_open on visits (due_on) where status = 'due'`,
    sql`create index visits_contract on visits (contract_id, due_on)`,
    sql`create index visits_unit on visits (unit_id, due_on)`,
    sql`create index visits_technician on visits (technician_id, due_on) where technician_id is not null`,
  ];
  for (const statement of statements) await statement.execute(db);
}
