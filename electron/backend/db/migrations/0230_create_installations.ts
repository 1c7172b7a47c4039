import { sql, type Kysely } from 'kysely';

/**
 * Installation (安装) and acceptance (验收): the job that starts a unit's life. One job installs
 * one or many units of one customer at one site (a project installs dozens); acceptance sets
 * every unit's acceptance date at once, from which the warranty of installed systems runs.
 * A unit is installed by one job only (`installation_units.unit_id` is unique).
 *
 * The warranty card's life: each printed card (an archived document) is handed over or posted,
 * and its return slip (回执) comes back; both days are kept against the card's document, since
 * the slip's QR code carries the card's number.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table installations (
      id integer primary key,
      number text not null unique,
      customer_id integer not null references customers (id) on delete restrict,
      site_address text,
      appointment_on text not null,
      notice_sent_on text,
      work_done text,
      trial_starts_on text,
      trial_ends_on text,
      trial_result text check (trial_result in ('passed', 'failed')),
      trial_note text,
      status text not null default 'planned' check (status in ('planned', 'accepted', 'cancelled')),
      accepted_on text,
      accepted_by text,
      recorded_by text,
      note text,
      created_at integer not null,
      updated_at integer not null,
      check (trial_ends_on is null or trial_starts_on is null or trial_ends_on >= trial_starts_on),
      check ((status = 'accepted') = (accepted_on is not null))
    ) strict`,
    sql`create index installations_customer on installations (customer_id)`,
    sql`create index installations_appointment on installations (status, appointment_on)`,
    sql`create table installation_units (
      id integer primary key,
      installation_id integer not null references installations (id) on delete cascade,
      unit_id integer not null unique references units (id) on delete restrict,
      position integer not null
    ) strict`,
    sql`create index installation_units_installation on installation_units (installation_id, position)`,
    sql`create table installation_technicians (
      id integer primary key,
      installation_id integer not null references installations (id) on delete cascade,
      technician_id integer not null references technicians (id) on delete restrict,
      unique (installation_id, technician_id)
    ) strict`,
    sql`create table warranty_card_life (
      id integer primary key,
      document_id integer not null unique references documents (id) on delete cascade,
      unit_id integer not null references units (id) on delete cascade,
      issued_on text,
      issued_how text check (issued_how in ('handed', 'posted')),
      slip_back_on text,
      created_at integer not null,
      updated_at integer not null,
      check ((issued_on is null) = (issued_how is null)),
      check (slip_back_on is null or issued_on is not null)
    ) strict`,
    sql`create index warranty_card_life_unit on warranty_card_life (unit_id)`,
  ];
  for (const statement of statements) await statement.execute(db);
}
