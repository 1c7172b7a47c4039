import { sql, type Kysely } from 'kysely';

export const UNIT_STATUSES = ['inService', 'atWorkshop', 'onLoan', 'replaced', 'scrapped', 'returned'] as const;
const statusList = sql.raw(UNIT_STATUSES.map((s) => `'${s}'`).join(', '));

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('units')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('restrict'))
    .addColumn('model_id', 'integer', (c) => c.notNull().references('product_models.id').onDelete('restrict'))
    .addColumn('policy_version_id', 'integer', (c) => c.notNull().references('warranty_policy_versions.id'))
    .addColumn('serial', 'text', (c) => c.notNull())
    .addColumn('purchase_date', 'text')
    .addColumn('install_date', 'text')
    .addColumn('acceptance_date', 'text')
    .addColumn('production_date', 'text')
    .addColumn('invoice_number', 'text')
    .addColumn('site_address', 'text')
    .addColumn('location_note', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('inService').check(sql`status in (${statusList})`))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute();
  // A serial identifies a unit only together with its model: two makers may reuse a serial.
  // Case typed at the desk must not let the same unit be registered twice.
  await sql`create unique index units_model_serial on units (model_id, serial collate nocase)`.execute(db);
  await sql`create index units_serial on units (serial collate nocase)`.execute(db);
  await db.schema.createIndex('units_customer').on('units').column('customer_id').execute();

  await db.schema
    .createTable('unit_status_history')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in (${statusList})`))
    .addColumn('changed_at', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .modifyEnd(sql`strict`)
    .execute();
  await db.schema.createIndex('unit_status_history_unit').on('unit_status_history').columns(['unit_id', 'changed_at']).execute();

  // Exclusions decided by the desk (misuse, altered card, ...) override coverage in the engine.
  await db.schema
    .createTable('warranty_exclusions')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('component_key', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute();
  await db.schema.createIndex('warranty_exclusions_unit').on('warranty_exclusions').column('unit_id').execute();
}
