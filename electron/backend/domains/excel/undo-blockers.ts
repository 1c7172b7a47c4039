import { sql } from 'kysely';
import type { Message } from '../../../../shared/result';
import type { Db } from '../../db/schema';
import type { ImportedTable } from '../../db/tables/registry';

/*
 * What happened to an import's rows since it was made. Undoing it is only safe while nothing has:
 * a ticket on one of its units, a phone changed on one of its customers, a unit added by hand
 * under one of them, one of its models used for another unit — each would be lost or orphaned.
 * Three sources are read, so that none of them alone has to be perfect: the audit log past the
 * batch's mark (every desk write, even one that leaves `updated_at` alone), the rows as they are
 * now (the batch's rows all there, nothing new hanging off them), and every foreign key in the
 * schema that points at a customer, unit or model (a table added later is covered too).
 */

export type BatchRows = Map<ImportedTable, Set<number>>;

export async function batchRows(db: Db, batchId: number): Promise<BatchRows> {
  const rows = await db.selectFrom('import_batch_rows').select(['table_name', 'row_id']).where('batch_id', '=', batchId).execute();
  const out: BatchRows = new Map();
  for (const r of rows) {
    let set = out.get(r.table_name);
    if (!set) out.set(r.table_name, (set = new Set()));
    set.add(r.row_id);
  }
  return out;
}

const idsOf = (db: Db, batchId: number, table: ImportedTable) =>
  db.selectFrom('import_batch_rows').select('row_id').where('batch_id', '=', batchId).where('table_name', '=', table);

/** The references the checks below read with a sentence of their own; any other is reported by table. */
const KNOWN_REFERENCES = new Set([
  'customer_phones.customer_id',
  'customer_addresses.customer_id',
  'customer_contacts.customer_id',
  'customer_tags.customer_id',
  'customers.merged_into_id',
  'units.customer_id',
  'units.model_id',
  'tickets.customer_id',
  'tickets.unit_id',
  'complaints.customer_id',
  'unit_status_history.unit_id',
  'warranty_exclusions.unit_id',
]);

interface Found {
  message: Message;
  /** The imported record it is about ('customer:12'): a record named once needs no "edited" line. */
  about: string;
}

export interface Blockers {
  messages: Message[];
  count: number;
}

/** Everything that changed since the batch was made, most telling first; the first `limit` as sentences. */
export async function findBlockers(db: Db, batch: { id: number; audit_mark: number; change_id: string | null }, limit = 8): Promise<Blockers> {
  const rows = await batchRows(db, batch.id);
  const mine = (table: ImportedTable) => rows.get(table) ?? new Set<number>();
  const found: Found[] = [];
  const add = (about: string, key: string, params: Message['params']) => found.push({ about, message: { key: `import.changedSince.${key}`, params } });

  const customers = new Map(
    (await db.selectFrom('customers').select(['id', 'name', 'archived_at', 'merged_into_id']).where('id', 'in', idsOf(db, batch.id, 'customers')).execute()).map((c) => [c.id, c]),
  );
  const units = new Map(
    (
      await db
        .selectFrom('units as u')
        .innerJoin('customers as c', 'c.id', 'u.customer_id')
        .select(['u.id', 'u.serial', 'c.name as customer'])
        .where('u.id', 'in', idsOf(db, batch.id, 'units'))
        .execute()
    ).map((u) => [u.id, u]),
  );
  const models = new Map(
    (await db.selectFrom('product_models').select(['id', 'brand', 'model']).where('id', 'in', idsOf(db, batch.id, 'product_models')).execute()).map((m) => [m.id, m]),
  );
  const customerName = (id: number) => customers.get(id)?.name ?? '';

  // Service work on what was imported.
  const tickets = await db
    .selectFrom('tickets as t')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .leftJoin('units as u', 'u.id', 't.unit_id')
    .select(['t.number', 't.unit_id', 't.customer_id', 'c.name as customer', 'u.serial'])
    .where((eb) => eb.or([eb('t.unit_id', 'in', idsOf(db, batch.id, 'units')), eb('t.customer_id', 'in', idsOf(db, batch.id, 'customers'))]))
    .orderBy('t.id')
    .execute();
  for (const t of tickets) {
    if (t.unit_id !== null && mine('units').has(t.unit_id)) add(`unit:${t.unit_id}`, 'ticketOnUnit', { number: t.number, serial: t.serial ?? '', customer: t.customer });
    else add(`customer:${t.customer_id}`, 'ticketOnCustomer', { number: t.number, customer: t.customer });
  }
  const complaints = await db
    .selectFrom('complaints')
    .select(['number', 'customer_id'])
    .where('customer_id', 'in', idsOf(db, batch.id, 'customers'))
    .orderBy('id')
    .execute();
  for (const c of complaints) add(`customer:${c.customer_id}`, 'complaint', { number: c.number, customer: customerName(c.customer_id!) });
  const documents = await db
    .selectFrom('documents')
    .select(['number', 'record_id'])
    .where('record_type', '=', 'unit')
    .where('record_id', 'in', idsOf(db, batch.id, 'units'))
    .orderBy('id')
    .execute();
  for (const d of documents) add(`unit:${d.record_id}`, 'document', { number: d.number, serial: units.get(d.record_id)?.serial ?? '' });

  // Records added by hand onto what was imported.
  const otherUnits = await db
    .selectFrom('units as u')
    .innerJoin('product_models as m', 'm.id', 'u.model_id')
    .select(['u.id', 'u.serial', 'u.customer_id', 'u.model_id', 'm.brand', 'm.model'])
    .where((eb) => eb.or([eb('u.customer_id', 'in', idsOf(db, batch.id, 'customers')), eb('u.model_id', 'in', idsOf(db, batch.id, 'product_models'))]))
    .where('u.id', 'not in', idsOf(db, batch.id, 'units'))
    .orderBy('u.id')
    .execute();
  for (const u of otherUnits) {
    if (mine('customers').has(u.customer_id)) add(`customer:${u.customer_id}`, 'unitAdded', { serial: u.serial, customer: customerName(u.customer_id) });
    else add(`model:${u.model_id}`, 'modelUsed', { brand: u.brand, model: u.model, serial: u.serial });
  }
  const mergedIn = await db
    .selectFrom('customers')
    .select(['name', 'merged_into_id'])
    .where('merged_into_id', 'in', idsOf(db, batch.id, 'customers'))
    .execute();
  for (const m of mergedIn) add(`customer:${m.merged_into_id}`, 'customerMergedInto', { other: m.name, customer: customerName(m.merged_into_id!) });
  for (const c of customers.values()) if (c.merged_into_id !== null) add(`customer:${c.id}`, 'customerMerged', { customer: c.name });

  // Edits: what the log says, and what the rows show (children replaced, status lines added).
  const edited = new Set<string>();
  const logged = await db
    .selectFrom('audit_rows')
    .select([
      'table_name',
      'row_id',
      sql<number | null>`json_extract(coalesce(after, before), '$.customer_id')`.as('customer_id'),
      sql<number | null>`json_extract(coalesce(after, before), '$.unit_id')`.as('unit_id'),
    ])
    .where('id', '>', batch.audit_mark)
    // The import's own steps after the first (0360: written in steps) are not edits to it.
    .$if(batch.change_id !== null, (q) => q.where('change_id', '!=', batch.change_id!))
    .where('table_name', 'in', ['customers', 'customer_phones', 'customer_addresses', 'customer_contacts', 'customer_tags', 'units', 'unit_status_history', 'warranty_exclusions', 'product_models'])
    .execute();
  for (const a of logged) {
    const id = Number(a.row_id);
    if (a.table_name === 'customers' && mine('customers').has(id)) edited.add(`customer:${id}`);
    else if (a.table_name === 'units' && mine('units').has(id)) edited.add(`unit:${id}`);
    else if (a.table_name === 'product_models' && mine('product_models').has(id)) edited.add(`model:${id}`);
    else if (a.customer_id !== null && mine('customers').has(Number(a.customer_id))) edited.add(`customer:${a.customer_id}`);
    else if (a.unit_id !== null && mine('units').has(Number(a.unit_id))) edited.add(`unit:${a.unit_id}`);
  }
  for (const table of ['customer_phones', 'customer_addresses', 'customer_contacts'] as const) {
    const extra = await db.selectFrom(table).select('customer_id').where('customer_id', 'in', idsOf(db, batch.id, 'customers')).where('id', 'not in', idsOf(db, batch.id, table)).execute();
    for (const r of extra) edited.add(`customer:${r.customer_id}`);
  }
  for (const table of ['unit_status_history', 'warranty_exclusions'] as const) {
    const extra = await db
      .selectFrom(table)
      .select('unit_id')
      .where('unit_id', 'in', idsOf(db, batch.id, 'units'))
      .$if(table === 'unit_status_history', (q) => q.where('id', 'not in', idsOf(db, batch.id, 'unit_status_history')))
      .execute();
    for (const r of extra) edited.add(`unit:${r.unit_id}`);
  }
  for (const c of customers.values()) if (c.archived_at !== null) edited.add(`customer:${c.id}`);

  const named = new Set(found.map((f) => f.about));
  for (const about of edited) {
    if (named.has(about)) continue;
    const [kind, raw] = about.split(':') as [string, string];
    const id = Number(raw);
    if (kind === 'customer') add(about, 'customerEdited', { customer: customerName(id) });
    else if (kind === 'unit' && units.has(id)) add(about, 'unitEdited', { serial: units.get(id)!.serial, customer: units.get(id)!.customer });
    else if (kind === 'model' && models.has(id)) add(about, 'modelEdited', { brand: models.get(id)!.brand, model: models.get(id)!.model });
  }

  // Rows of the batch that are gone and not explained above (deleted outside the desk's requests).
  let gone = 0;
  const present: Record<ImportedTable, Set<number>> = {
    customers: new Set(customers.keys()),
    units: new Set(units.keys()),
    product_models: new Set(models.keys()),
    customer_phones: new Set(),
    customer_addresses: new Set(),
    customer_contacts: new Set(),
    unit_status_history: new Set(),
  };
  for (const table of ['customer_phones', 'customer_addresses', 'customer_contacts', 'unit_status_history'] as const) {
    for (const r of await db.selectFrom(table).select('id').where('id', 'in', idsOf(db, batch.id, table)).execute()) present[table].add(r.id);
  }
  for (const [table, ids] of rows) for (const id of ids) if (!present[table].has(id)) gone += 1;
  if (gone > 0 && found.length === 0) found.push({ about: 'rows', message: { key: 'import.changedSince.rowsGone', params: { count: gone } } });

  // Any other table that points at what was imported (one added after this code was written):
  // each table once, however many of its columns point here; a row that belongs to a ticket is
  // told by the ticket above (the call logged with a phone ticket, say).
  const refs = await otherReferences(db);
  for (const table of new Set(refs.map((r) => r.table))) {
    const own = refs.filter((r) => r.table === table && r.parent !== 'tickets');
    if (own.length === 0) continue;
    const viaTicket = refs.find((r) => r.table === table && r.parent === 'tickets');
    const { n } = await db
      .selectFrom(sql.table(table).as('t'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.or(own.map((ref) => eb(sql.ref(`t.${ref.column}`), 'in', idsOf(db, batch.id, ref.parent as ImportedTable)))))
      .$if(viaTicket !== undefined, (q) => q.where(sql.ref(`t.${viaTicket!.column}`), 'is', null))
      .executeTakeFirstOrThrow();
    if (Number(n) > 0) found.push({ about: `table:${table}`, message: { key: 'import.changedSince.other', params: { table, count: Number(n) } } });
  }

  return { messages: found.slice(0, limit).map((f) => f.message), count: found.length };
}

/** Foreign keys to customers, units or models that the checks above do not read by name, and the same tables' keys to tickets. */
async function otherReferences(db: Db): Promise<{ table: string; column: string; parent: string }[]> {
  const { rows } = await sql<{ table: string; column: string; parent: string }>`
    select m.name as "table", f."from" as "column", f."table" as parent
    from sqlite_master m, pragma_foreign_key_list(m.name) f
    where m.type = 'table' and f."table" in ('customers', 'units', 'product_models', 'tickets')`.execute(db);
  return rows.filter((r) => !KNOWN_REFERENCES.has(`${r.table}.${r.column}`));
}
