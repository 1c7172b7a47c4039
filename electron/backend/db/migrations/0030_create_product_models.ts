import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A policy is edited by adding a version; a unit keeps the version it was sold under.
  await db.schema
    .createTable('warranty_policies')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute();
  await db.schema
    .createTable('warranty_policy_versions')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('policy_id', 'integer', (c) => c.notNull().references('warranty_policies.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull().check(sql`basis in ('acceptance', 'purchase', 'install')`))
    // [{ key, name, months }], the whole unit first.
    .addColumn('components', 'text', (c) => c.notNull().check(sql`json_valid(components)`))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addUniqueConstraint('warranty_policy_versions_unique', ['policy_id', 'version'])
    .modifyEnd(sql`strict`)
    .execute();

  await db.schema
    .createTable('product_models')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('brand', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('policy_id', 'integer', (c) => c.notNull().references('warranty_policies.id'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute();
  await sql`create unique index product_models_brand_model on product_models (brand collate nocase, model collate nocase)`.execute(db);
}
