import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per findable record. `text` holds everything a caller might say: names, every
  // phone's digits, addresses, serials, document numbers, and the pinyin of Chinese names
  // (full and initials). The trigram tokenizer finds any fragment of 3+ characters.
  await sql`create virtual table search_fts using fts5(text, kind unindexed, ref_id unindexed, tokenize = 'trigram')`.execute(db);
  // Fragments shorter than a trigram (张三, zs, 王) are looked up as prefixes of short keys:
  // each name, each suffix of it, its pinyin and initials.
  await db.schema
    .createTable('search_keys')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_keys_pk', ['key', 'kind', 'ref_id'])
    .modifyEnd(sql`strict, without rowid`)
    .execute();
  await db.schema.createIndex('search_keys_ref').on('search_keys').columns(['kind', 'ref_id']).execute();
}
