import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('units')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('restrict'))
    .addColumn('brand', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('serial', 'text', (c) => c.notNull())
    .addColumn('purchase_date', 'text', (c) => c.notNull())
    .addColumn('acceptance_date', 'text')
    .addColumn('warranty_months', 'integer', (c) => c.notNull().check(sql`warranty_months > 0`))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute();
  // A serial identifies a unit only together with its model: two makers may reuse a serial.
  // Case and stray spacing typed at the desk must not let the same unit be registered twice.
  await sql`create unique index units_model_serial on units (brand collate nocase, model collate nocase, serial collate nocase)`.execute(db);
  await sql`create index units_serial on units (serial collate nocase)`.execute(db);
  await db.schema.createIndex('units_customer').on('units').column('customer_id').execute();
}
