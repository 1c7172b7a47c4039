import { sql } from 'kysely';
import { pinyin } from 'pinyin-pro';
import type { Db } from '../../db/schema';
import { foldText } from './fold';

export type IndexKind = 'customer' | 'unit' | 'document';

const HAN = /[\u3400-\u9fff]/;

/**
 * Full pinyin and initials of a Chinese name (surnames read as surnames: 单 shan, 曾 zeng), read
 * from its simplified form, so 單田芳 is shan too.
 */
export function pinyinForms(text: string): { full: string; initials: string } | null {
  if (!HAN.test(text)) return null;
  const syllables = pinyin(foldText(text), { toneType: 'none', type: 'array', surname: 'head', nonZh: 'removed', v: true });
  return { full: syllables.join('').toLowerCase(), initials: syllables.map((s) => s[0] ?? '').join('').toLowerCase() };
}

/** What the caller reads out for a number: its digits, whatever dashes it was written with. */
const digitsOf = (phone: string) => phone.replace(/\D/g, '');

/** A name's short keys: the name, every tail of it (so 三丰 finds 张三丰), its pinyin and initials. */
function nameKeys(name: string): string[] {
  const folded = foldText(name);
  const keys = new Set<string>();
  for (let i = 0; i < Math.min(folded.length, 12); i++) keys.add(folded.slice(i));
  const forms = pinyinForms(name);
  if (forms) keys.add(forms.full).add(forms.initials);
  return [...keys].filter(Boolean);
}

/**
 * The FTS row of a record has a rowid derived from its kind and id, so it is found and
 * replaced by rowid: FTS5 cannot look rows up by an UNINDEXED column without a full scan.
 */
const KIND_SLOT: Record<IndexKind, number> = { customer: 0, unit: 1, document: 2 };
export const ftsRowid = (kind: IndexKind, id: number) => id * 4 + KIND_SLOT[kind];

async function writeIndex(db: Db, kind: IndexKind, id: number, parts: (string | null | undefined)[], keys: string[]): Promise<void> {
  // Folded as queries are (normaliseQuery): the record itself keeps the text as written.
  const text = parts
    .filter((p): p is string => Boolean(p))
    .map(foldText)
    .join(' \u2063 ');
  const unique = [...new Set(keys.map(foldText).filter(Boolean))];
  if (await indexedAs(db, kind, id, text, unique)) return;
  await dropFromIndex(db, kind, id);
  await sql`insert into search_fts (rowid, text, kind, ref_id) values (${ftsRowid(kind, id)}, ${text}, ${kind}, ${id})`.execute(db);
  if (unique.length) {
    await db
      .insertInto('search_keys')
      .values(unique.map((key) => ({ key, kind, ref_id: id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/**
 * Whether the record's entries already say exactly this. A rebuild after an upgrade goes over
 * every record while most of them have not changed: rewriting an FTS5 row means a delete marker
 * and a new entry for each of its trigrams, and merging them in, so on ten years of records the
 * rebuild ran for over an hour beside the desk. Two indexed reads settle it instead.
 */
async function indexedAs(db: Db, kind: IndexKind, id: number, text: string, keys: string[]): Promise<boolean> {
  const { rows } = await sql<{ text: string }>`select text from search_fts where rowid = ${ftsRowid(kind, id)}`.execute(db);
  if (rows[0]?.text !== text) return false;
  const have = await db.selectFrom('search_keys').select('key').where('kind', '=', kind).where('ref_id', '=', id).execute();
  if (have.length !== keys.length) return false;
  const wanted = new Set(keys);
  return have.every((k) => wanted.has(k.key));
}

export async function dropFromIndex(db: Db, kind: IndexKind, id: number): Promise<void> {
  await sql`delete from search_fts where rowid = ${ftsRowid(kind, id)}`.execute(db);
  await db.deleteFrom('search_keys').where('kind', '=', kind).where('ref_id', '=', id).execute();
}

/** Drops many records of one kind at once (an import taken back), a few hundred per statement. */
export async function dropManyFromIndex(db: Db, kind: IndexKind, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await sql`delete from search_fts where rowid in (${sql.join(chunk.map((id) => ftsRowid(kind, id)))})`.execute(db);
    await db.deleteFrom('search_keys').where('kind', '=', kind).where('ref_id', 'in', chunk).execute();
  }
}

/** Re-indexes a customer from its rows; call in the transaction that changed them. */
export async function indexCustomer(db: Db, id: number): Promise<void> {
  const row = await db.selectFrom('customers').select(['name']).where('id', '=', id).executeTakeFirst();
  if (!row) return dropFromIndex(db, 'customer', id);
  const [phones, addresses, contacts, tags] = await Promise.all([
    db.selectFrom('customer_phones').select('phone').where('customer_id', '=', id).execute(),
    db.selectFrom('customer_addresses').select('address').where('customer_id', '=', id).execute(),
    db.selectFrom('customer_contacts').select(['name', 'phone']).where('customer_id', '=', id).execute(),
    db.selectFrom('customer_tags').select('tag').where('customer_id', '=', id).execute(),
  ]);
  const people = [row.name, ...contacts.map((c) => c.name)];
  const forms = people.map(pinyinForms).flatMap((f) => (f ? [f.full, f.initials] : []));
  const numbers = [...phones.map((p) => p.phone), ...contacts.flatMap((c) => (c.phone ? [c.phone] : []))].map(digitsOf);
  await writeIndex(
    db,
    'customer',
    id,
    [...people, ...forms, ...numbers, ...addresses.map((a) => a.address), ...tags.map((t) => t.tag)],
    [...people.flatMap(nameKeys), ...numbers, ...tags.map((t) => t.tag)],
  );
}

export async function indexUnit(db: Db, id: number): Promise<void> {
  const row = await db
    .selectFrom('units as u')
    .innerJoin('product_models as m', 'm.id', 'u.model_id')
    .select(['u.serial', 'u.site_address', 'u.invoice_number', 'm.brand', 'm.model'])
    .where('u.id', '=', id)
    .executeTakeFirst();
  if (!row) return dropFromIndex(db, 'unit', id);
  await writeIndex(db, 'unit', id, [row.serial, row.brand, row.model, row.site_address, row.invoice_number], [row.serial, row.model, row.brand]);
}

export async function indexDocument(db: Db, id: number): Promise<void> {
  const row = await db.selectFrom('documents').select(['number', 'title']).where('id', '=', id).executeTakeFirst();
  if (!row) return dropFromIndex(db, 'document', id);
  await writeIndex(db, 'document', id, [row.number, row.title], [row.number]);
}

/**
 * How a typed query is looked up: folded as the index is (張三豐 is 张三丰, ＧＬ２０２６ is gl2026);
 * digits typed with spaces or dashes (a phone read aloud, 138 1234 5678) are joined; letters
 * lose their spaces (zhang san). NULs are dropped.
 */
export function normaliseQuery(query: string): string {
  // A NUL ends an FTS5 query string early ("unterminated string"); no one types one.
  const q = foldText(query.replace(/\0/g, '')).trim();
  if (/^[\d\s\-()]+$/.test(q)) return q.replace(/\D/g, '');
  if (/^[a-z\s]+$/.test(q)) return q.replace(/\s+/g, '');
  return q.replace(/\s+/g, ' ');
}

export interface IndexMatch {
  kind: IndexKind;
  id: number;
}

/**
 * Finds records by any fragment. Three characters or more go to the trigram index (any part of
 * a name, phone, address, serial or number); shorter ones are prefixes of the short keys.
 */
export async function matchIndex(db: Db, query: string, limit: number, kind?: IndexKind): Promise<IndexMatch[]> {
  const q = normaliseQuery(query);
  if (!q) return [];
  const seen = new Set<string>();
  const out: IndexMatch[] = [];
  const add = (rows: { kind: string; ref_id: number }[]) => {
    for (const r of rows) {
      const key = `${r.kind}:${r.ref_id}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push({ kind: r.kind as IndexKind, id: Number(r.ref_id) });
      }
    }
  };
  // Exact keys first: a scanned serial, a whole name, initials typed in full.
  add(await keyRows(db, q, limit, kind, false));
  if ([...q].length >= 3) {
    const phrase = `"${q.replace(/"/g, '""')}"`;
    const rows = await sql<{ kind: string; ref_id: number }>`
      select kind, ref_id from search_fts where search_fts match ${phrase} ${kind ? sql`and kind = ${kind}` : sql``} limit ${limit}`.execute(db);
    add(rows.rows);
  }
  if (out.length < limit) add(await keyRows(db, q, limit, kind, true));
  return out.slice(0, limit);
}

async function keyRows(db: Db, q: string, limit: number, kind: IndexKind | undefined, prefix: boolean) {
  let query = db.selectFrom('search_keys').select(['kind', 'ref_id']);
  query = prefix ? query.where('key', '>=', q).where('key', '<', `${q}\uffff`) : query.where('key', '=', q);
  if (kind) query = query.where('kind', '=', kind);
  return query.limit(limit).execute();
}

export async function matchIds(db: Db, query: string, kind: IndexKind, limit: number): Promise<number[]> {
  return (await matchIndex(db, query, limit, kind)).map((m) => m.id);
}

/**
 * Rebuilds the whole index from the records. Run after migrations, since a migration may
 * change what is indexed (and the index's own migration starts it empty).
 */
export async function rebuildIndex(db: Db): Promise<number> {
  await sql`delete from search_fts`.execute(db);
  await db.deleteFrom('search_keys').execute();
  const [customers, units, documents] = await Promise.all([
    db.selectFrom('customers').select('id').execute(),
    db.selectFrom('units').select('id').execute(),
    db.selectFrom('documents').select('id').execute(),
  ]);
  for (const { id } of customers) await indexCustomer(db, id);
  for (const { id } of units) await indexUnit(db, id);
  for (const { id } of documents) await indexDocument(db, id);
  return customers.length + units.length + documents.length;
}
