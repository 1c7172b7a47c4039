import { sql, type Kysely } from 'kysely';

/**
 * Inspection checklists per product model or category, each edit a new version (a finished
 * visit keeps the version it used); what a visit found per unit and item; what else the visit
 * records (times, what was fixed on the spot, advice, the customer's word and who signed); and
 * the ticket a finding opened, which points back to its visit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table checklists (
      id integer primary key,
      name text not null,
      model_id integer references product_models (id) on delete restrict,
      category text,
      archived integer not null default 0 check (archived in (0, 1)),
      created_at integer not null,
      updated_at integer not null,
      check (model_id is not null or category is not null)
    ) strict`,
    sql`create unique index checklists_model on checklists (model_id) where model_id is not null and archived = 0`,
    sql`create unique index checklists_category on checklists (category) where model_id is null and archived = 0`,

    sql`create table checklist_versions (
      id integer primary key,
      checklist_id integer not null references checklists (id) on delete cascade,
      version integer not null,
      items text not null,
      created_by text not null,
      created_at integer not null,
      unique (checklist_id, version)
    ) strict`,

    sql`create table visit_results (
      visit_id integer not null references visits (id) on delete cascade,
      unit_id integer not null references units (id) on delete cascade,
      checklist_version_id integer not null references checklist_versions (id) on delete restrict,
      item_key text not null,
      answer text check (answer is null or answer in ('ok', 'adjusted', 'fault', 'na')),
      reading real,
      text text,
      remark text,
      needs_repair integer not null default 0 check (needs_repair in (0, 1)),
      ticket_id integer references tickets (id) on delete set null,
      primary key (visit_id, unit_id, item_key)
    ) strict`,

    sql`alter table visits add column arrived_at integer`,
    sql`alter table visits add column left_at integer`,
    sql`alter table visits add column fixed_on_spot text`,
    sql`alter table visits add column advice text`,
    sql`alter table visits add column feedback text`,
    sql`alter table visits add column signed_by text`,
    sql`alter table tickets add column visit_id integer references visits (id) on delete set null`,
    sql`create index tickets_visit on tickets (visit_id) where visit_id is not null`,
  ];
  for (const statement of statements) await statement.execute(db);
}
