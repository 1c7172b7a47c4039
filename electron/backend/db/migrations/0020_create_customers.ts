import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customers')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('person').check(sql`kind in ('person', 'organisation')`))
    .addColumn('name', 'text', (c) => c.notNull())
    // The region sets response deadlines (urban 2 h on site, suburban 12 h, ...).
    .addColumn('region', 'text', (c) => c.notNull().defaultTo('urban').check(sql`region in ('urban', 'suburban', 'other')`))
    .addColumn('note', 'text')
    // Customers are archived, never deleted while they have units; a merged one points at its survivor.
    .addColumn('archived_at', 'integer')
    .addColumn('merged_into_id', 'integer', (c) => c.references('customers.id'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute();
  await db.schema.createIndex('customers_updated').on('customers').column('updated_at').execute();

  await db.schema
    .createTable('customer_phones')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute();
  await db.schema.createIndex('customer_phones_customer').on('customer_phones').columns(['customer_id', 'position']).execute();
  await db.schema.createIndex('customer_phones_phone').on('customer_phones').column('phone').execute();

  await db.schema
    .createTable('customer_addresses')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0).check(sql`is_default in (0, 1)`))
    .addColumn('position', 'integer', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute();
  await db.schema.createIndex('customer_addresses_customer').on('customer_addresses').columns(['customer_id', 'position']).execute();

  await db.schema
    .createTable('customer_contacts')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text')
    .addColumn('phone', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute();
  await db.schema.createIndex('customer_contacts_customer').on('customer_contacts').columns(['customer_id', 'position']).execute();

  await db.schema
    .createTable('customer_tags')
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_tags_pk', ['customer_id', 'tag'])
    .modifyEnd(sql`strict, without rowid`)
    .execute();
  await db.schema.createIndex('customer_tags_tag').on('customer_tags').column('tag').execute();
}
