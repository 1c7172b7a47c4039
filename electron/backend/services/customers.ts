import { sql, type Selectable } from 'kysely';
import type { Customer } from '../../../shared/schemas/customer';
import type { customerCreateInput, customerSearchInput, customerUpdateInput } from '../../../shared/schemas/customer';
import type { z } from 'zod';
import { notFound } from '../errors';
import type { CustomersTable, Db } from '../db/schema';
import type { ServiceContext } from './context';
import { likeContains } from './sql-like';

type Row = Selectable<CustomersTable> & { unit_count: number };

function toCustomer(row: Row): Customer {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    address: row.address,
    note: row.note,
    unitCount: row.unit_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function selectCustomers(db: Db) {
  return db
    .selectFrom('customers as c')
    .selectAll('c')
    .select((eb) =>
      eb.selectFrom('units as u').whereRef('u.customer_id', '=', 'c.id').select(eb.fn.countAll<number>().as('n')).as('unit_count'),
    );
}

export async function getCustomer(db: Db, id: number): Promise<Customer> {
  const row = await selectCustomers(db).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('customerNotFound', { id });
  return toCustomer(row as Row);
}

export async function createCustomer(ctx: ServiceContext, input: z.output<typeof customerCreateInput>): Promise<Customer> {
  const now = ctx.now().getTime();
  const { id } = await ctx.db
    .insertInto('customers')
    .values({ ...input, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getCustomer(ctx.db, id);
}

export async function updateCustomer(ctx: ServiceContext, input: z.output<typeof customerUpdateInput>): Promise<Customer> {
  const { id, ...fields } = input;
  const result = await ctx.db
    .updateTable('customers')
    .set({ ...fields, updated_at: ctx.now().getTime() })
    .where('id', '=', id)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw notFound('customerNotFound', { id });
  return getCustomer(ctx.db, id);
}

/**
 * Type-ahead for the desk: any fragment of the name, the address, or the phone digits (the
 * caller may read the number with spaces or dashes). An empty query lists the latest touched.
 */
export async function searchCustomers(ctx: ServiceContext, input: z.output<typeof customerSearchInput>): Promise<Customer[]> {
  const q = input.query.trim();
  let query = selectCustomers(ctx.db);
  if (q) {
    const digits = q.replace(/\D/g, '');
    const byPhone = digits.length >= 3 && digits.length === q.replace(/[\s\-()]/g, '').length;
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`c.name like ${likeContains(q)} escape '\\'`,
        sql<boolean>`c.address like ${likeContains(q)} escape '\\'`,
        ...(byPhone ? [sql<boolean>`replace(c.phone, '-', '') like ${likeContains(digits)} escape '\\'`] : []),
      ]),
    );
  }
  const rows = await query.orderBy('c.updated_at', 'desc').orderBy('c.id', 'desc').limit(input.limit).execute();
  return rows.map((r) => toCustomer(r as Row));
}
