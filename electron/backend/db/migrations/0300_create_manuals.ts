import { sql, type Kysely } from 'kysely';

/**
 * The maintenance manual (维修保养手册): content written once per product model (or for every
 * model of a category), kept as versions so a manual once issued never changes; the pictures
 * the content shows, stored once each by their digest; the values set or calibrated on a unit
 * at installation, which the manual's technical data prints; and each issued manual with the
 * content versions and the facts it was printed from, so it can be printed again exactly.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table manual_contents (
      id integer primary key,
      model_id integer unique references product_models (id) on delete restrict,
      category text,
      created_at integer not null,
      updated_at integer not null,
      check ((model_id is null) != (category is null))
    ) strict`,
    sql`create unique index manual_contents_category on manual_contents (category) where model_id is null`,
    sql`create table manual_content_versions (
      id integer primary key,
      content_id integer not null references manual_contents (id) on delete restrict,
      version integer not null,
      body text not null,
      created_by text not null,
      created_at integer not null,
      unique (content_id, version)
    ) strict`,
    sql`create table manual_images (
      id integer primary key,
      sha256 text not null unique,
      format text not null check (format in ('png', 'jpeg')),
      width integer not null,
      height integer not null,
      bytes blob not null,
      created_at integer not null
    ) strict`,
    sql`create table unit_set_values (
      id integer primary key,
      unit_id integer not null references units (id) on delete cascade,
      position integer not null,
      label text not null,
      value text not null,
      note text,
      unique (unit_id, position)
    ) strict`,
    sql`create table manual_issues (
      id integer primary key,
      document_id integer not null unique references documents (id) on delete restrict,
      installation_id integer not null references installations (id) on delete restrict,
      versions text not null,
      snapshot text not null,
      issue_day text not null,
      created_at integer not null
    ) strict`,
    sql`create index manual_issues_installation on manual_issues (installation_id)`,
  ];
  for (const statement of statements) await statement.execute(db);
}
