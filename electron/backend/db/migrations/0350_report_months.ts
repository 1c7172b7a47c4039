import { sql, type Kysely } from 'kysely';

/**
 * The owner's month, kept summed by month (issue 17): a year's reports add twelve months of rows
 * instead of reading a hundred thousand tickets.
 *
 * - `report_months`: per local month, what the repairs, service-level, money and failure reports
 *   count, by `kind` and its keys (status, fault category, lead technician, component, region and
 *   severity, paid or warranty) and always by product model, so a report of some models (issue 21)
 *   reads it too. Derived data: `rebuildReportMonths` recomputes it whole from the tickets.
 * - `report_months_dirty`: the UTC days (ms / 86,400,000) whose tickets changed since their months
 *   were last summed. Triggers below fill it inside the very statement that writes a ticket, its
 *   technicians, parts or labour, its unit's model or a part's component, so no write path (the
 *   desk, an import, a merge, a deletion, the sample data, a restore migrated up) can leave a month
 *   stale; a report sums the dirty months it needs again before reading. Days, not months, because
 *   which month a moment falls in is the desk's time zone, which SQL does not know.
 * - `tickets_unsettled`: the few tickets whose service-level verdict still depends on when it is
 *   judged (a promise neither kept nor broken yet); those are judged at read time, not summed.
 *
 * Every day that holds a ticket starts dirty: the months are summed the first time a report needs
 * them (or by a rebuild), not in this migration, so upgrading a large database stays quick.
 */
const TICKET_COLUMNS = [
  'status',
  'fault_category',
  'unit_id',
  'reported_at',
  'resolved_at',
  'answered_at',
  'arrived_at',
  'answer_due',
  'arrival_due',
  'fix_due',
  'solved_by_phone',
  'cancelled_at',
  'region',
  'severity',
  'warranty_in',
  'paid_fen',
];

/** Marks the UTC days of the given moments (SQL expressions, null ignored) dirty. */
const mark = (moments: string[]) =>
  `insert or ignore into report_months_dirty (day) select t / 86400000 from (${moments.map((m) => `select ${m} as t`).join(' union ')}) where t is not null;`;
/**
 * A fix counts as the earlier repair of tickets reported up to 365 days after it (the longest
 * repeat window), so a change to a resolved ticket also marks a day in every month of the year
 * after its fix: every 28 days, and the 365th.
 */
const YEAR_AFTER = (moment: string) => [...Array.from({ length: 13 }, (_, k) => `${moment} + ${(k + 1) * 28 * 86_400_000}`), `${moment} + ${365 * 86_400_000}`];
/** Marks the days a ticket was reported and resolved on, for the tickets a subquery names. */
const markTickets = (where: string) => `insert or ignore into report_months_dirty (day) select t / 86400000 from (select reported_at as t from tickets where ${where} union select resolved_at from tickets where ${where}) where t is not null;`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table report_months (
      month text not null,
      kind text not null check (kind in ('status', 'category', 'technician', 'component', 'service', 'money', 'repeat')),
      k1 text not null,
      k2 text not null default '',
      model_id integer not null,
      n integer not null default 0,
      late integer not null default 0,
      answer_kept integer not null default 0,
      answer_late integer not null default 0,
      arrival_kept integer not null default 0,
      arrival_late integer not null default 0,
      fix_kept integer not null default 0,
      fix_late integer not null default 0,
      revenue_fen integer not null default 0,
      parts_fen integer not null default 0,
      labour_fen integer not null default 0,
      primary key (kind, month, k1, k2, model_id)
    ) strict, without rowid`,
    `create table report_months_dirty (day integer primary key) strict`,
    `create index tickets_unsettled on tickets (reported_at) where answered_at is null or resolved_at is null or (arrived_at is null and solved_by_phone = 0)`,
    `create trigger report_months_ticket_insert after insert on tickets begin ${mark(['new.reported_at', 'new.resolved_at', ...YEAR_AFTER('new.resolved_at')])} end`,
    `create trigger report_months_ticket_update after update on tickets when ${TICKET_COLUMNS.map((c) => `old.${c} is not new.${c}`).join(' or ')} begin ${mark(['old.reported_at', 'old.resolved_at', 'new.reported_at', 'new.resolved_at'])} end`,
    // Only what makes a ticket another's earlier repair: its unit, fault, fix time, or being cancelled
    // (a change of charges on an old ticket does not re-sum the year after it).
    `create trigger report_months_ticket_fix after update on tickets when old.unit_id is not new.unit_id or old.fault_category is not new.fault_category or old.resolved_at is not new.resolved_at or (old.status = 'cancelled') is not (new.status = 'cancelled') begin ${mark([...YEAR_AFTER('old.resolved_at'), ...YEAR_AFTER('new.resolved_at')])} end`,
    `create trigger report_months_ticket_delete after delete on tickets begin ${mark(['old.reported_at', 'old.resolved_at', ...YEAR_AFTER('old.resolved_at')])} end`,
    ...['ticket_technicians', 'ticket_parts', 'ticket_labour'].flatMap((table) => [
      `create trigger report_months_${table}_insert after insert on ${table} begin ${markTickets('id = new.ticket_id')} end`,
      `create trigger report_months_${table}_update after update on ${table} begin ${markTickets('id in (old.ticket_id, new.ticket_id)')} end`,
      `create trigger report_months_${table}_delete after delete on ${table} begin ${markTickets('id = old.ticket_id')} end`,
    ]),
    `create trigger report_months_unit_model after update of model_id on units when old.model_id is not new.model_id begin ${markTickets('unit_id = old.id')} end`,
    `create trigger report_months_unit_delete after delete on units begin ${markTickets('unit_id = old.id')} end`,
    `create trigger report_months_part_component after update of component_key on parts when old.component_key is not new.component_key begin ${markTickets('id in (select ticket_id from ticket_parts where part_id = old.id)')} end`,
    `insert or ignore into report_months_dirty (day) select reported_at / 86400000 from tickets union select resolved_at / 86400000 from tickets where resolved_at is not null`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
