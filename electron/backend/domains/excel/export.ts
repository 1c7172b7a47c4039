import { sql } from 'kysely';
import type { z } from 'zod';
import { translator } from '../../../../shared/i18n';
import type { exportInput } from '../../../../shared/schemas/excel';
import type { ServiceContext } from '../../app/context';
import { loadCustomers } from '../customers/customers';
import { listModels } from '../products/products';
import { matchIds } from '../search/search-index';
import { getSettings } from '../admin/settings';
import { loadUnits } from '../units/units';
import { requireAdmin } from '../../app/request-context';
import { likeContains } from '../../lib/sql-like';
import { addListSheet, newWorkbook, saveWorkbook, type ColumnKind, type SheetValue } from './sheet-writer';
import { ticketListRows } from './export-tickets';

type Row = SheetValue[];
type Columns = { key: string; kind: ColumnKind }[];
const cols = (spec: string): Columns =>
  spec.split(' ').map((k) => {
    const [key, kind] = k.split(':');
    return { key: key!, kind: (kind ?? 'text') as ColumnKind };
  });

/**
 * A clerk exports a handful of rows (one customer's units, a region's contracts); more than this
 * is the company's list going out, which the admin PIN guards however the filter was typed (a
 * search for "1" matches nearly everyone).
 */
export const EVERYDAY_EXPORT_ROWS = 200;

/** Writes one list the way it is shown, to a file the user picks, with translated headers. */
export async function exportList(ctx: ServiceContext, input: z.output<typeof exportInput>): Promise<{ savedTo: string | null; rows: number }> {
  const lang = (await getSettings(ctx)).language;
  const t = translator(lang);
  const { columns, rows } = await collect(ctx, input, t);
  if (rows.length > EVERYDAY_EXPORT_ROWS) requireAdmin();
  const name = t(input.list === 'tickets' ? 'sheets.ticketList.sheet' : `export.${input.list}.sheet`);
  const workbook = await newWorkbook(t);
  // The tickets list's headers live with the rest of this words.
  const prefix = input.list === 'tickets' ? 'sheets.ticketList' : `export.${input.list}`;
  addListSheet(workbook, name, columns.map((c) => ({ header: t(`${prefix}.${c.key}`), kind: c.kind })), rows);
  const savedTo = await saveWorkbook(ctx, workbook, `${name}.xlsx`);
  return { savedTo, rows: savedTo ? rows.length : 0 };
}

async function idsFor(ctx: ServiceContext, table: 'customers' | 'units', query: string): Promise<number[]> {
  if (query.trim()) return matchIds(ctx.db, query, table === 'customers' ? 'customer' : 'unit', 100_000);
  return (await ctx.db.selectFrom(table).select('id').orderBy('id').execute()).map((r) => r.id);
}

async function collect(ctx: ServiceContext, input: z.output<typeof exportInput>, t: ReturnType<typeof translator>): Promise<{ columns: Columns; rows: Row[] }> {
  const chunks = async <T>(ids: number[], load: (ids: number[]) => Promise<T[]>) => {
    const out: T[] = [];
    for (let i = 0; i < ids.length; i += 1000) out.push(...(await load(ids.slice(i, i + 1000))));
    return out;
  };
  switch (input.list) {
    case 'customers': {
      const customers = await chunks(await idsFor(ctx, 'customers', input.query), (ids) => loadCustomers(ctx.db, ids));
      return {
        // Several phones in one cell between commas, addresses and contacts one a line: the
        // import reads each of them back (see phones.ts and plan-row.ts).
        columns: cols('name kind region phones address contacts tags units:count archived note'),
        rows: customers.map((c) => [
          c.name,
          t(`customerKind.${c.kind}`),
          t(`region.${c.region}`),
          c.phones.map((p) => p.phone).join(', '),
          c.addresses.map((a) => a.address).join('\n'),
          c.contacts.map(contactText).join('\n'),
          c.tags.join(', '),
          c.unitCount,
          c.archived ? t('export.yes') : '',
          c.note,
        ]),
      };
    }
    case 'units': {
      const units = await chunks(await idsFor(ctx, 'units', input.query), (ids) => loadUnits(ctx, ctx.db, ids));
      const phonesOf = await customerPhones(ctx, [...new Set(units.map((u) => u.customerId))]);
      return {
        // The owner's phone goes out too: the import files a unit under the customer whose name and phone agree.
        columns: cols('customer customerPhone brand model category serial purchaseDate:date installDate:date acceptanceDate:date productionDate:date invoiceNumber status warranty warrantyEnd:date siteAddress locationNote'),
        rows: units.map((u) => [
          u.customerName,
          phonesOf.get(u.customerId) ?? null,
          u.brand,
          u.model,
          u.category,
          u.serial,
          u.purchaseDate,
          u.installDate,
          u.acceptanceDate,
          u.productionDate,
          u.invoiceNumber,
          t(`unitStatus.${u.status}`),
          t(`warrantyState.${u.warranty.summary}`),
          u.warranty.components[0]?.end ?? null,
          u.siteAddress,
          u.locationNote,
        ]),
      };
    }
    case 'models': {
      const models = await listModels(ctx, { query: input.query });
      return { columns: cols('brand model category policy units:count'), rows: models.map((m) => [m.brand, m.model, m.category, m.policyName, m.unitCount]) };
    }
    case 'documents': {
      // The same filter as the archive screen's: a fragment of the number or the title.
      const q = input.query.trim();
      const docs = await ctx.db
        .selectFrom('documents')
        .selectAll()
        .$if(q !== '', (qb) => qb.where(sql<boolean>`(number || ' ' || title) like ${likeContains(q)} escape '\\'`))
        .orderBy('created_at', 'desc')
        .execute();
      return {
        columns: cols('number kind title paper language created:moment'),
        rows: docs.map((d) => [d.number, t(`export.documentKind.${d.kind}`), d.title, d.paper, t(`language.${d.language}`), d.created_at]),
      };
    }
    case 'tickets':
      return ticketListRows(ctx, input.tickets, t);
  }
}

/** A contact as one line the import reads back: name, role in brackets, phone. */
function contactText(c: { name: string; role: string | null; phone: string | null }): string {
  return [c.role ? `${c.name}（${c.role}）` : c.name, c.phone].filter(Boolean).join(' ');
}

/** Each customer's phones as one cell, for the units list. */
async function customerPhones(ctx: ServiceContext, ids: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string[]>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await ctx.db.selectFrom('customer_phones').select(['customer_id', 'phone']).where('customer_id', 'in', ids.slice(i, i + 1000)).orderBy('id').execute();
    for (const r of rows) out.set(r.customer_id, [...(out.get(r.customer_id) ?? []), r.phone]);
  }
  return new Map([...out].map(([id, phones]) => [id, phones.join(', ')]));
}
