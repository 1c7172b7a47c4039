import { sql, type Kysely } from 'kysely';

/*
 * Settling with the maker and with the customer (seed 001: an authorised outlet's claims,
 * old parts and quality feedback; seeds 002–004: 三包 refunds and exchanges, scrapping).
 *
 * - makers: a brand's service department; product models point at it, so a unit knows whom
 *   to claim from. A model may be discontinued with the model that replaces it.
 * - warranty_claims / warranty_claim_lines: parts fitted under warranty on one maker's units,
 *   sent with a waybill, checked line by line, replacements received into stock; each replaced
 *   (old) part kept, returned with its own waybill and postage, or scrapped.
 * - feedback_forms: the information feedback form (信息返馈单), the maker's answer due in days.
 * - sanbao_settlements: a refund or exchange form (退货单 / 换货单) with the depreciation as counted.
 * - scrap_records: the scrapping record (报废品处理记录) of a unit, a loaner or a stock part.
 * - settle_settings: key → JSON (the depreciation rate, the feedback answer days).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table makers (
      id integer primary key,
      name text not null,
      department text,
      contact_name text,
      phone text,
      fax text,
      email text,
      address text,
      returns_due_day integer not null default 5 check (returns_due_day between 1 and 28),
      forms text not null default '[]',
      note text,
      archived integer not null default 0 check (archived in (0, 1)),
      created_at integer not null,
      updated_at integer not null
    ) strict`,
    sql`create unique index makers_name on makers (name collate nocase)`,
    sql`alter table product_models add column maker_id integer references makers (id)`,
    sql`alter table product_models add column discontinued_on text`,
    sql`alter table product_models add column replacement_model_id integer references product_models (id)`,
    sql`create index product_models_maker on product_models (maker_id) where maker_id is not null`,
    // A spare kept for one model may be held as a share of that model's units in service (seed
    // 004: at least 3% of the units served) instead of a fixed reorder level.
    sql`alter table parts add column share_model_id integer references product_models (id)`,
    sql`alter table parts add column share_pct integer check (share_pct is null or share_pct between 1 and 100)`,
    // An exchanged unit and the unit given in its place point at each other.
    sql`alter table units add column replaced_by_id integer references units (id)`,
    sql`alter table units add column replaces_id integer references units (id)`,
    sql`create table warranty_claims (
      id integer primary key,
      number text not null unique,
      maker_id integer not null references makers (id),
      created_on text not null,
      sent_on text,
      waybill text,
      checked_on text,
      note text,
      created_by text not null,
      created_at integer not null,
      updated_at integer not null
    ) strict`,
    sql`create index warranty_claims_maker on warranty_claims (maker_id, created_on)`,
    sql`create table warranty_claim_lines (
      id integer primary key,
      claim_id integer not null references warranty_claims (id),
      ticket_part_id integer not null unique references ticket_parts (id),
      ticket_id integer not null references tickets (id),
      unit_id integer not null references units (id),
      part_id integer not null references parts (id),
      quantity integer not null check (quantity > 0),
      fault text not null,
      fitted_on text not null,
      decision text check (decision in ('accepted', 'rejected')),
      reject_reason text,
      decided_on text,
      received_quantity integer not null default 0 check (received_quantity >= 0),
      received_on text,
      old_part text not null default 'pending' check (old_part in ('pending', 'kept', 'returned', 'scrapped')),
      old_waybill text,
      old_postage_fen integer not null default 0 check (old_postage_fen >= 0),
      old_on text,
      check (decision is not 'rejected' or reject_reason is not null),
      check (received_quantity <= quantity)
    ) strict`,
    sql`create index warranty_claim_lines_claim on warranty_claim_lines (claim_id)`,
    sql`create table feedback_forms (
      id integer primary key,
      number text not null unique,
      maker_id integer not null references makers (id),
      ticket_id integer references tickets (id),
      unit_id integer references units (id),
      model_id integer not null references product_models (id),
      problem text not null,
      raised_on text not null,
      due_on text not null,
      answered_on text,
      answer text,
      created_by text not null,
      created_at integer not null
    ) strict`,
    sql`create index feedback_forms_open on feedback_forms (due_on) where answered_on is null`,
    sql`create table sanbao_settlements (
      id integer primary key,
      number text not null unique,
      kind text not null check (kind in ('refund', 'exchange')),
      ticket_id integer not null references tickets (id),
      unit_id integer not null unique references units (id),
      new_unit_id integer references units (id),
      settled_on text not null,
      invoice_date text not null,
      receipt_date text not null,
      days_elapsed integer not null,
      repair_days integer not null,
      charged_days integer not null,
      rate_bp integer not null,
      price_fen integer not null check (price_fen >= 0),
      depreciation_fen integer not null check (depreciation_fen >= 0),
      refund_fen integer not null check (refund_fen >= 0),
      new_price_fen integer,
      difference_fen integer,
      test_report text,
      override_reason text,
      note text,
      created_by text not null,
      created_at integer not null
    ) strict`,
    sql`create table scrap_records (
      id integer primary key,
      number text not null unique,
      kind text not null check (kind in ('unit', 'loaner', 'part')),
      unit_id integer references units (id),
      loaner_id integer references loaners (id),
      part_id integer references parts (id),
      quantity integer not null default 1 check (quantity > 0),
      reason text not null,
      assessment text not null,
      disposal text not null,
      approved_by text not null,
      scrapped_on text not null,
      kept_loan_id integer references loans (id),
      note text,
      created_by text not null,
      created_at integer not null,
      check ((kind = 'unit') = (unit_id is not null) and (kind = 'loaner') = (loaner_id is not null) and (kind = 'part') = (part_id is not null))
    ) strict`,
    sql`create table settle_settings (key text primary key, value text not null) strict`,
  ];
  for (const statement of statements) await statement.execute(db);
}
