import { sql, type Kysely } from 'kysely';

/**
 * The Desk asks every time it refreshes which whole-unit warranties end within the renewal lead
 * time. A term counts from one of the unit's dates, so indexes on those dates let the question
 * read a few weeks of units instead of ten years of them; and only repairs in warranty that left
 * the unit down extend a term, so those tickets get their own small index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create index units_purchase_date on units (purchase_date) where purchase_date is not null`,
    sql`create index units_acceptance_date on units (acceptance_date) where acceptance_date is not null`,
    sql`create index units_install_date on units (install_date) where install_date is not null`,
    sql`create index units_production_date on units (production_date) where production_date is not null`,
    sql`create index tickets_extending on tickets (unit_id) where warranty_in = 1 and unfixed_downtime = 1 and unit_id is not null`,
  ];
  for (const statement of statements) await statement.execute(db);
}
