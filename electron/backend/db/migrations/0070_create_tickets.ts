import { sql, type Kysely } from 'kysely';

/*
 * The values as they were when this migration shipped, written out: a migration must mean the
 * same thing forever, whatever the live code says later.
 */
const TICKET_SOURCES = ['phone', 'walkIn', 'inspection', 'complaint'] as const;
const SEVERITIES = ['ordinary', 'major', 'emergency'] as const;
const TICKET_STATUSES = ['new', 'answered', 'scheduled', 'dispatched', 'onSite', 'waitingParts', 'atWorkshop', 'resolved', 'calledBack', 'closed', 'cancelled'] as const;
/** The seeds' 标准服务 and 基础服务 terms (answer, arrival, fix by region and severity; loaner), as stored JSON. */
const STANDARD_TERMS = '{"targets":{"urban":{"ordinary":{"answer":{"amount":30,"unit":"minutes"},"arrival":{"amount":2,"unit":"hours"},"fix":{"amount":4,"unit":"hours"}},"major":{"answer":{"amount":30,"unit":"minutes"},"arrival":{"amount":2,"unit":"hours"},"fix":{"amount":8,"unit":"hours"}},"emergency":{"answer":{"amount":15,"unit":"minutes"},"arrival":{"amount":30,"unit":"minutes"},"fix":{"amount":4,"unit":"hours"}}},"suburban":{"ordinary":{"answer":{"amount":30,"unit":"minutes"},"arrival":{"amount":12,"unit":"hours"},"fix":{"amount":4,"unit":"hours"}},"major":{"answer":{"amount":30,"unit":"minutes"},"arrival":{"amount":12,"unit":"hours"},"fix":{"amount":8,"unit":"hours"}},"emergency":{"answer":{"amount":15,"unit":"minutes"},"arrival":{"amount":1,"unit":"hours"},"fix":{"amount":4,"unit":"hours"}}},"other":{"ordinary":{"answer":{"amount":30,"unit":"minutes"},"arrival":{"amount":24,"unit":"hours"},"fix":{"amount":4,"unit":"hours"}},"major":{"answer":{"amount":30,"unit":"minutes"},"arrival":{"amount":24,"unit":"hours"},"fix":{"amount":8,"unit":"hours"}},"emergency":{"answer":{"amount":15,"unit":"minutes"},"arrival":{"amount":2,"unit":"hours"},"fix":{"amount":4,"unit":"hours"}}}},"loaner":{"amount":48,"unit":"hours"}}';
const BASIC_TERMS = '{"targets":{"urban":{"ordinary":{"answer":{"amount":1,"unit":"hours"},"arrival":{"amount":4,"unit":"hours"},"fix":{"amount":4,"unit":"hours"}},"major":{"answer":{"amount":1,"unit":"hours"},"arrival":{"amount":4,"unit":"hours"},"fix":{"amount":8,"unit":"hours"}},"emergency":{"answer":{"amount":15,"unit":"minutes"},"arrival":{"amount":1,"unit":"hours"},"fix":{"amount":4,"unit":"hours"}}},"suburban":{"ordinary":{"answer":{"amount":1,"unit":"hours"},"arrival":{"amount":1,"unit":"workingDays"},"fix":{"amount":4,"unit":"hours"}},"major":{"answer":{"amount":1,"unit":"hours"},"arrival":{"amount":1,"unit":"workingDays"},"fix":{"amount":8,"unit":"hours"}},"emergency":{"answer":{"amount":15,"unit":"minutes"},"arrival":{"amount":2,"unit":"hours"},"fix":{"amount":4,"unit":"hours"}}},"other":{"ordinary":{"answer":{"amount":1,"unit":"hours"},"arrival":{"amount":1,"unit":"workingDays"},"fix":{"amount":4,"unit":"hours"}},"major":{"answer":{"amount":1,"unit":"hours"},"arrival":{"amount":1,"unit":"workingDays"},"fix":{"amount":8,"unit":"hours"}},"emergency":{"answer":{"amount":15,"unit":"minutes"},"arrival":{"amount":4,"unit":"hours"},"fix":{"amount":4,"unit":"hours"}}}},"loaner":{"amount":48,"unit":"hours"}}';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * Repair tickets and everything they touch: technicians, service levels, the working calendar
 * the desk edits, spare parts with their stock moves, loaners, callbacks and complaints.
 * Money columns are integer fen; times are epoch milliseconds; calendar days are ISO text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table technicians (
      id integer primary key,
      name text not null,
      phone text not null,
      skills text not null default '[]',
      certificate_no text,
      active integer not null default 1 check (active in (0, 1)),
      created_at integer not null,
      updated_at integer not null
    ) strict`,

    sql`create table service_levels (
      id integer primary key,
      name text not null unique,
      is_default integer not null default 0 check (is_default in (0, 1)),
      terms text not null,
      created_at integer not null,
      updated_at integer not null
    ) strict`,
    sql`create unique index service_levels_one_default on service_levels (is_default) where is_default = 1`,

    // A year entered or corrected by the desk; it replaces the shipped schedule for that year.
    sql`create table calendar_years (
      year integer primary key,
      holidays text not null,
      workdays text not null,
      updated_at integer not null
    ) strict`,

    sql`create table labour_fees (
      id integer primary key,
      name text not null,
      amount_fen integer not null check (amount_fen >= 0),
      active integer not null default 1 check (active in (0, 1)),
      created_at integer not null
    ) strict`,

    sql`create table parts (
      id integer primary key,
      part_number text not null,
      name text not null,
      fits text not null default '',
      cost_fen integer not null check (cost_fen >= 0),
      price_fen integer not null check (price_fen >= 0),
      quantity integer not null default 0 check (quantity >= 0),
      reorder_level integer not null default 0 check (reorder_level >= 0),
      location text,
      component_key text,
      active integer not null default 1 check (active in (0, 1)),
      created_at integer not null,
      updated_at integer not null
    ) strict`,
    sql`create unique index parts_number on parts (part_number collate nocase)`,

    sql`create table tickets (
      id integer primary key,
      number text not null unique,
      source text not null check (source in (${list(TICKET_SOURCES)})),
      customer_id integer not null references customers (id) on delete restrict,
      unit_id integer references units (id) on delete restrict,
      unregistered_unit text,
      fault_reported text not null,
      fault_category text not null,
      severity text not null check (severity in (${list(SEVERITIES)})),
      contact_name text,
      contact_phone text,
      site_address text,
      region text not null,
      service_level_id integer not null references service_levels (id),
      status text not null check (status in (${list(TICKET_STATUSES)})),
      reported_at integer not null,
      answer_due integer not null,
      arrival_due integer not null,
      fix_due integer not null,
      loaner_due integer not null,
      answered_at integer,
      arrived_at integer,
      resolved_at integer,
      closed_at integer,
      cancelled_at integer,
      cancel_reason text,
      warranty_engine text not null,
      warranty_in integer not null check (warranty_in in (0, 1)),
      warranty_override text,
      sanbao_path text,
      appointment_date text,
      appointment_from text,
      appointment_to text,
      intake_accessories text,
      intake_condition text,
      expected_on text,
      bring text,
      diagnosis text,
      cause text,
      action text,
      on_site_minutes integer check (on_site_minutes >= 0),
      unfixed_downtime integer not null default 0 check (unfixed_downtime in (0, 1)),
      lifetime_maintenance integer not null default 0 check (lifetime_maintenance in (0, 1)),
      travel_fen integer not null default 0 check (travel_fen >= 0),
      discount_fen integer not null default 0 check (discount_fen >= 0),
      discount_reason text,
      paid_fen integer not null default 0 check (paid_fen >= 0),
      payment_method text,
      open integer generated always as (status not in ('resolved', 'calledBack', 'closed', 'cancelled')) virtual,
      created_by text not null,
      created_at integer not null,
      updated_at integer not null,
      check (unit_id is not null or unregistered_unit is not null)
    ) strict`,
    sql`create index tickets_customer on tickets (customer_id, reported_at)`,
    sql`create index tickets_unit on tickets (unit_id, reported_at)`,
    sql`create index tickets_status on tickets (status, severity, reported_at)`,
    sql`create index tickets_reported on tickets (reported_at)`,
    sql`create index tickets_severity on tickets (severity, reported_at)`,
    // The board asks only for open tickets by their nearest deadline.
    sql`create index tickets_open_fix on tickets (fix_due) where open = 1`,
    sql`create index tickets_open_arrival on tickets (arrival_due) where open = 1`,
    sql`create index tickets_open_reported on tickets (reported_at) where open = 1`,
    sql`create index tickets_appointment on tickets (appointment_date) where appointment_date is not null`,

    // Every change to a ticket, stamped: the timeline and the audit of overrides.
    sql`create table ticket_events (
      id integer primary key,
      ticket_id integer not null references tickets (id) on delete cascade,
      at integer not null,
      who text not null,
      kind text not null,
      from_status text,
      to_status text,
      data text
    ) strict`,
    sql`create index ticket_events_ticket on ticket_events (ticket_id, at)`,

    sql`create table ticket_technicians (
      ticket_id integer not null references tickets (id) on delete cascade,
      technician_id integer not null references technicians (id) on delete restrict,
      lead integer not null default 0 check (lead in (0, 1)),
      -- The ticket's report time, copied so one technician's history pages from its own index.
      reported_at integer not null,
      primary key (ticket_id, technician_id)
    ) strict, without rowid`,
    sql`create index ticket_technicians_technician on ticket_technicians (technician_id, reported_at)`,

    sql`create table ticket_parts (
      id integer primary key,
      ticket_id integer not null references tickets (id) on delete cascade,
      part_id integer not null references parts (id) on delete restrict,
      quantity integer not null check (quantity > 0),
      price_fen integer not null check (price_fen >= 0),
      cost_fen integer not null check (cost_fen >= 0),
      in_warranty integer not null check (in_warranty in (0, 1)),
      component_key text,
      fitted_on text not null,
      created_at integer not null
    ) strict`,
    sql`create index ticket_parts_ticket on ticket_parts (ticket_id)`,
    sql`create index ticket_parts_fitted on ticket_parts (fitted_on)`,

    sql`create table ticket_labour (
      id integer primary key,
      ticket_id integer not null references tickets (id) on delete cascade,
      fee_id integer references labour_fees (id) on delete set null,
      name text not null,
      amount_fen integer not null check (amount_fen >= 0),
      quantity integer not null check (quantity > 0)
    ) strict`,
    sql`create index ticket_labour_ticket on ticket_labour (ticket_id)`,

    // Every change of stock, so the count can be explained and the monthly list drawn.
    sql`create table stock_moves (
      id integer primary key,
      part_id integer not null references parts (id) on delete restrict,
      ticket_id integer references tickets (id) on delete set null,
      delta integer not null check (delta <> 0),
      reason text not null check (reason in ('receive', 'use', 'return', 'adjust')),
      note text,
      at integer not null,
      who text not null
    ) strict`,
    sql`create index stock_moves_part on stock_moves (part_id, at)`,

    sql`create table loaners (
      id integer primary key,
      name text not null,
      model text,
      serial text,
      note text,
      active integer not null default 1 check (active in (0, 1)),
      created_at integer not null
    ) strict`,

    // loaner_id null: none was available, recorded so the promise shows as broken, not forgotten.
    sql`create table loans (
      id integer primary key,
      ticket_id integer not null references tickets (id) on delete cascade,
      loaner_id integer references loaners (id) on delete restrict,
      issued_at integer not null,
      expected_return text,
      returned_at integer,
      received_unit text,
      note text,
      who text not null
    ) strict`,
    sql`create index loans_ticket on loans (ticket_id)`,
    sql`create unique index loans_loaner_out on loans (loaner_id) where returned_at is null and loaner_id is not null`,

    sql`create table callbacks (
      id integer primary key,
      ticket_id integer not null references tickets (id) on delete cascade,
      due_on text not null,
      done_at integer,
      reached integer check (reached in (0, 1)),
      satisfaction integer check (satisfaction between 1 and 5),
      comments text,
      who text
    ) strict`,
    sql`create index callbacks_due on callbacks (due_on) where done_at is null`,
    sql`create index callbacks_ticket on callbacks (ticket_id)`,

    sql`create table complaints (
      id integer primary key,
      number text not null unique,
      channel text not null,
      content text not null,
      customer_id integer references customers (id) on delete restrict,
      ticket_id integer references tickets (id) on delete set null,
      received_at integer not null,
      answer_due integer not null,
      resolve_due integer not null,
      handler text,
      answered_at integer,
      steps text not null default '[]',
      resolution text,
      verdict text,
      resolved_at integer,
      closed_at integer,
      created_by text not null,
      created_at integer not null,
      updated_at integer not null
    ) strict`,
    sql`create index complaints_open on complaints (resolve_due) where closed_at is null`,
    sql`create index complaints_ticket on complaints (ticket_id)`,
  ];
  for (const statement of statements) await statement.execute(db);

  // A ticket always has a service level, so a new install starts with the seeds' two; the
  // names are the company's to change. Labour fees follow the seeds' 50-200 yuan range.
  const now = Date.now();
  await sql`insert into service_levels (name, is_default, terms, created_at, updated_at) values
    ('标准服务', 1, ${STANDARD_TERMS}, ${now}, ${now}),
    ('基础服务', 0, ${BASIC_TERMS}, ${now}, ${now})`.execute(db);
  await sql`insert into labour_fees (name, amount_fen, created_at) values
    ('上门检测', 5000, ${now}), ('一般维修', 10000, ${now}), ('复杂维修', 20000, ${now})`.execute(db);
}
