import { join } from 'node:path';
import { sql } from 'kysely';
import type { z } from 'zod';
import {
  CUSTOMER_LIMITS,
  type Customer,
  type CustomerKind,
  type CustomerPage,
  type MergeResult,
  type Region,
  type customerCreateInput,
  type customerListInput,
  type customerMergeInput,
  type customerUpdateInput,
} from '../../../../shared/schemas/customer';
import { notFound, refusal, refuse } from '../../lib/errors';
import type { Db } from '../../db/schema';
import { backupFolder, safetyBackup } from '../admin/backups';
import { refuseHeld } from '../../db/import-guard';
import type { ServiceContext } from '../../app/context';
import { dropFromIndex, indexCustomer, indexUnit, matchIds } from '../search/search-index';

type CustomerInput = z.output<typeof customerCreateInput>;

/** Loads customers with their phones, addresses, contacts, tags and unit counts, in id order given. */
export async function loadCustomers(db: Db, ids: number[]): Promise<Customer[]> {
  if (ids.length === 0) return [];
  const [rows, phones, addresses, contacts, tags, counts] = await Promise.all([
    db.selectFrom('customers').selectAll().where('id', 'in', ids).execute(),
    db.selectFrom('customer_phones').selectAll().where('customer_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('customer_addresses').selectAll().where('customer_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('customer_contacts').selectAll().where('customer_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('customer_tags').selectAll().where('customer_id', 'in', ids).orderBy('tag').execute(),
    db
      .selectFrom('units')
      .select(['customer_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('customer_id', 'in', ids)
      .groupBy('customer_id')
      .execute(),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const own = <T extends { customer_id: number }>(list: T[]) => list.filter((x) => x.customer_id === id);
    const addressList = own(addresses).map((a) => ({ address: a.address, isDefault: a.is_default === 1 }));
    const phoneList = own(phones).map((p) => ({ phone: p.phone, label: p.label }));
    return [
      {
        id,
        kind: row.kind as CustomerKind,
        name: row.name,
        region: row.region as Region,
        phone: phoneList[0]?.phone ?? '',
        address: (addressList.find((a) => a.isDefault) ?? addressList[0])?.address ?? null,
        phones: phoneList,
        addresses: addressList,
        contacts: own(contacts).map((c) => ({ name: c.name, role: c.role, phone: c.phone })),
        tags: own(tags).map((t) => t.tag),
        note: row.note,
        archived: row.archived_at !== null,
        archivedAt: row.archived_at,
        mergedIntoId: row.merged_into_id,
        unitCount: counts.find((c) => c.customer_id === id)?.n ?? 0,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      },
    ];
  });
}

export async function getCustomer(ctx: ServiceContext, id: number, db: Db = ctx.db): Promise<Customer> {
  const [customer] = await loadCustomers(db, [id]);
  if (!customer) throw notFound('errors.customerNotFound', { id });
  return customer;
}

/** Replaces a customer's phones, addresses, contacts and tags with the ones given. */
async function writeDetails(db: Db, id: number, input: CustomerInput): Promise<void> {
  for (const table of ['customer_phones', 'customer_addresses', 'customer_contacts', 'customer_tags'] as const) {
    await db.deleteFrom(table).where('customer_id', '=', id).execute();
  }
  const rows = <T>(list: T[], map: (x: T, i: number) => object) => list.map(map);
  if (input.phones.length) {
    await db.insertInto('customer_phones').values(rows(input.phones, (p, i) => ({ customer_id: id, phone: p.phone, label: p.label, position: i })) as never).execute();
  }
  if (input.addresses.length) {
    // With addresses but none marked, the first is the default: there is always one to print.
    const anyDefault = input.addresses.some((a) => a.isDefault);
    await db
      .insertInto('customer_addresses')
      .values(rows(input.addresses, (a, i) => ({ customer_id: id, address: a.address, is_default: a.isDefault || (!anyDefault && i === 0) ? 1 : 0, position: i })) as never)
      .execute();
  }
  if (input.contacts.length) {
    await db.insertInto('customer_contacts').values(rows(input.contacts, (c, i) => ({ customer_id: id, name: c.name, role: c.role, phone: c.phone, position: i })) as never).execute();
  }
  const tags = [...new Set(input.tags)];
  if (tags.length) await db.insertInto('customer_tags').values(tags.map((tag) => ({ customer_id: id, tag }))).execute();
}

export async function insertCustomer(db: Db, input: CustomerInput, now: number): Promise<number> {
  const { id } = await db
    .insertInto('customers')
    .values({ kind: input.kind, name: input.name, region: input.region, note: input.note, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeDetails(db, id, input);
  await indexCustomer(db, id);
  return id;
}

export async function createCustomer(ctx: ServiceContext, input: CustomerInput): Promise<Customer> {
  return ctx.db.transaction().execute(async (trx) => getCustomer(ctx, await insertCustomer(trx, input, ctx.now().getTime()), trx));
}

export async function updateCustomer(ctx: ServiceContext, input: z.output<typeof customerUpdateInput>): Promise<Customer> {
  const { id, ...fields } = input;
  return ctx.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('customers')
      .set({ kind: fields.kind, name: fields.name, region: fields.region, note: fields.note, updated_at: ctx.now().getTime() })
      .where('id', '=', id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw notFound('errors.customerNotFound', { id });
    await writeDetails(trx, id, fields);
    await indexCustomer(trx, id);
    return getCustomer(ctx, id, trx);
  });
}

/** The customer list: filters above, newest first, a page at a time, with the total. */
export async function listCustomers(ctx: ServiceContext, input: z.output<typeof customerListInput>): Promise<CustomerPage> {
  const matched = input.query.trim() ? await matchIds(ctx.db, input.query, 'customer', 2000) : null;
  if (matched && matched.length === 0) return { items: [], total: 0 };
  let query = ctx.db.selectFrom('customers as c');
  if (matched) query = query.where('c.id', 'in', matched);
  if (!input.includeArchived) query = query.where('c.archived_at', 'is', null);
  if (input.region) query = query.where('c.region', '=', input.region);
  if (input.tag) {
    const tag = input.tag;
    query = query.where((eb) => eb.exists(eb.selectFrom('customer_tags as t').select('t.tag').whereRef('t.customer_id', '=', 'c.id').where('t.tag', '=', tag)));
  }
  const [{ total }, page] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    query.select('c.id').orderBy('c.updated_at', 'desc').orderBy('c.id', 'desc').limit(input.limit).offset(input.offset).execute(),
  ]);
  return { items: await loadCustomers(ctx.db, page.map((r) => r.id)), total };
}

export async function setArchived(ctx: ServiceContext, id: number, archived: boolean): Promise<Customer> {
  return ctx.db.transaction().execute(async (trx) => {
    await getCustomer(ctx, id, trx);
    await trx.updateTable('customers').set({ archived_at: archived ? ctx.now().getTime() : null, merged_into_id: archived ? undefined : null }).where('id', '=', id).execute();
    return getCustomer(ctx, id, trx);
  });
}

/** A customer with units (their history) is never deleted: archive or merge instead. */
export async function deleteCustomer(ctx: ServiceContext, id: number): Promise<null> {
  return ctx.db.transaction().execute(async (trx) => {
    const customer = await getCustomer(ctx, id, trx);
    if (customer.unitCount > 0) {
      throw refusal('CONFLICT', 'errors.customerHasUnits', { name: customer.name, count: customer.unitCount });
    }
    // Tickets, complaints and contracts are service history too: the customer behind them stays.
    const history = await trx
      .selectNoFrom([
        sql<number>`(select count(*) from tickets where customer_id = ${id})`.as('tickets'),
        sql<number>`(select count(*) from complaints where customer_id = ${id})`.as('complaints'),
        sql<number>`(select count(*) from maintenance_contracts where customer_id = ${id})`.as('contracts'),
      ])
      .executeTakeFirstOrThrow();
    const records = Number(history.tickets) + Number(history.complaints) + Number(history.contracts);
    if (records > 0) {
      throw refusal('CONFLICT', 'errors.customerHasTickets', { name: customer.name, count: records });
    }
    await trx.updateTable('customers').set({ merged_into_id: null }).where('merged_into_id', '=', id).execute();
    await trx.deleteFrom('customers').where('id', '=', id).execute();
    await dropFromIndex(trx, 'customer', id);
    return null;
  });
}

/**
 * What the customer kept holds after a merge: both sets of phones, addresses, contacts and tags,
 * and both notes. Refused, naming what does not fit, when the kept record would exceed what a
 * customer may hold (the form could not save it again) or when either record is archived (merged
 * away before, or set aside: merging into it, or it again, would leave both archived).
 */
function mergedDetails(keep: Customer, gone: Customer): CustomerInput {
  if (keep.archived) throw refuse('errors.mergeIntoArchived', { name: keep.name }, 'keepId');
  if (gone.archived) throw refuse('errors.mergeArchived', { name: gone.name }, 'mergeId');
  const unique = <T>(list: T[], key: (x: T) => string) => list.filter((x, i) => list.findIndex((y) => key(y) === key(x)) === i);
  const merged: CustomerInput = {
    kind: keep.kind,
    name: keep.name,
    region: keep.region,
    phones: unique([...keep.phones, ...gone.phones], (p) => p.phone),
    addresses: unique([...keep.addresses, ...gone.addresses.map((a) => ({ ...a, isDefault: false }))], (a) => a.address),
    contacts: unique([...keep.contacts, ...gone.contacts], (c) => `${c.name}|${c.phone ?? ''}`),
    tags: unique([...keep.tags, ...gone.tags], (t) => t),
    note: [keep.note, gone.note].filter(Boolean).join('\n') || null,
  };
  const counts: Record<keyof typeof CUSTOMER_LIMITS, number> = {
    phones: merged.phones.length,
    addresses: merged.addresses.length,
    contacts: merged.contacts.length,
    tags: merged.tags.length,
    note: merged.note?.length ?? 0,
  };
  for (const [what, max] of Object.entries(CUSTOMER_LIMITS) as [keyof typeof CUSTOMER_LIMITS, number][]) {
    const count = counts[what];
    if (count > max) throw refuse(`errors.mergeTooMany.${what}`, { count, max, keep: keep.name, gone: gone.name }, 'mergeId');
  }
  return merged;
}

/**
 * Two records of one customer become one: units, phones, addresses, contacts and tags move to
 * the one kept; the other is archived and points at it, so old paperwork still leads somewhere.
 */
export async function mergeCustomers(ctx: ServiceContext, input: z.output<typeof customerMergeInput>): Promise<MergeResult> {
  // A merge cannot be undone by hand: both records must exist and fit together, then a checked
  // backup comes first.
  mergedDetails(await getCustomer(ctx, input.keepId), await getCustomer(ctx, input.mergeId));
  // Nor may either be held by an import still being written: asked before the backup, not at the first write after it.
  await refuseHeld(ctx.db, 'customers', [input.keepId, input.mergeId]);
  await refuseHeld(ctx.db, 'units', [input.mergeId], 'customer_id');
  const backup = await safetyBackup(ctx, 'beforeMerge');
  const backupPath = join((await backupFolder(ctx)).folder, backup.file);
  return ctx.db.transaction().execute(async (trx) => {
    const keep = await getCustomer(ctx, input.keepId, trx);
    const gone = await getCustomer(ctx, input.mergeId, trx);
    const now = ctx.now().getTime();
    const moved = await trx.updateTable('units').set({ customer_id: keep.id, updated_at: now }).where('customer_id', '=', gone.id).executeTakeFirst();
    // The service history follows the units to the customer kept.
    await trx.updateTable('tickets').set({ customer_id: keep.id }).where('customer_id', '=', gone.id).execute();
    await trx.updateTable('complaints').set({ customer_id: keep.id }).where('customer_id', '=', gone.id).execute();
    // A maintenance contract belongs with the units it covers.
    await trx.updateTable('maintenance_contracts').set({ customer_id: keep.id, updated_at: now }).where('customer_id', '=', gone.id).execute();
    const merged = mergedDetails(keep, gone);
    await writeDetails(trx, keep.id, merged);
    await trx.updateTable('customers').set({ note: merged.note, updated_at: now }).where('id', '=', keep.id).execute();
    await trx.updateTable('customers').set({ archived_at: now, merged_into_id: keep.id, updated_at: now }).where('id', '=', gone.id).execute();
    await trx.updateTable('customers').set({ merged_into_id: keep.id }).where('merged_into_id', '=', gone.id).execute();
    await indexCustomer(trx, keep.id);
    await indexCustomer(trx, gone.id);
    const units = await trx.selectFrom('units').select('id').where('customer_id', '=', keep.id).execute();
    for (const unit of units) await indexUnit(trx, unit.id);
    return { customer: await getCustomer(ctx, keep.id, trx), movedUnits: Number(moved.numUpdatedRows), backupPath };
  });
}

