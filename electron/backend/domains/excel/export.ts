import { writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { translator } from '../../../../shared/i18n';
import type { exportInput } from '../../../../shared/schemas/excel';
import { formatDateTime } from '../../../../shared/format';
import type { ServiceContext } from '../../app/context';
import { loadCustomers } from '../customers/customers';
import { listModels } from '../products/products';
import { matchIds } from '../search/search-index';
import { getSettings } from '../admin/settings';
import { loadUnits } from '../units/units';
import { requireAdmin } from '../../app/request-context';
import { likeContains } from '../../lib/sql-like';
import { assertSaveTarget } from '../admin/owned-files';

type Row = (string | number | null)[];

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
  const { columns, rows } = await collect(ctx, input, t, lang);
  if (rows.length > EVERYDAY_EXPORT_ROWS) requireAdmin();
  const chosen = await ctx.platform.chooseSavePath(`${t(`export.${input.list}.sheet`)}.xlsx`, [{ name: 'Excel', extensions: ['xlsx'] }]);
  if (!chosen) return { savedTo: null, rows: 0 };
  const target = await assertSaveTarget(ctx, chosen);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = t('appName');
  const sheet = workbook.addWorksheet(t(`export.${input.list}.sheet`), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((key) => ({ header: t(`export.${input.list}.${key}`), key, width: Math.max(10, Math.min(40, t(`export.${input.list}.${key}`).length * 2 + 4)) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  writeFileSync(target, Buffer.from(await workbook.xlsx.writeBuffer()));
  return { savedTo: target, rows: rows.length };
}

async function idsFor(ctx: ServiceContext, table: 'customers' | 'units', query: string): Promise<number[]> {
  if (query.trim()) return matchIds(ctx.db, query, table === 'customers' ? 'customer' : 'unit', 100_000);
  return (await ctx.db.selectFrom(table).select('id').orderBy('id').execute()).map((r) => r.id);
}

async function collect(ctx: ServiceContext, input: z.output<typeof exportInput>, t: ReturnType<typeof translator>, lang: 'zh-CN' | 'en'): Promise<{ columns: string[]; rows: Row[] }> {
  const chunks = async <T>(ids: number[], load: (ids: number[]) => Promise<T[]>) => {
    const out: T[] = [];
    for (let i = 0; i < ids.length; i += 1000) out.push(...(await load(ids.slice(i, i + 1000))));
    return out;
  };
  switch (input.list) {
    case 'customers': {
      const customers = await chunks(await idsFor(ctx, 'customers', input.query), (ids) => loadCustomers(ctx.db, ids));
      return {
        columns: ['name', 'kind', 'region', 'phones', 'address', 'contacts', 'tags', 'units', 'archived', 'note'],
        rows: customers.map((c) => [
          c.name,
          t(`customerKind.${c.kind}`),
          t(`region.${c.region}`),
          c.phones.map((p) => p.phone).join(', '),
          c.address,
          c.contacts.map((x) => [x.name, x.role, x.phone].filter(Boolean).join(' ')).join('; '),
          c.tags.join(', '),
          c.unitCount,
          c.archived ? t('export.yes') : '',
          c.note,
        ]),
      };
    }
    case 'units': {
      const units = await chunks(await idsFor(ctx, 'units', input.query), (ids) => loadUnits(ctx, ctx.db, ids));
      return {
        columns: ['customer', 'brand', 'model', 'category', 'serial', 'purchaseDate', 'installDate', 'acceptanceDate', 'invoiceNumber', 'status', 'warranty', 'warrantyEnd', 'siteAddress'],
        rows: units.map((u) => [
          u.customerName,
          u.brand,
          u.model,
          u.category,
          u.serial,
          u.purchaseDate,
          u.installDate,
          u.acceptanceDate,
          u.invoiceNumber,
          t(`unitStatus.${u.status}`),
          t(`warrantyState.${u.warranty.summary}`),
          u.warranty.components[0]?.end ?? null,
          u.siteAddress,
        ]),
      };
    }
    case 'models': {
      const models = await listModels(ctx, { query: input.query });
      return { columns: ['brand', 'model', 'category', 'policy', 'units'], rows: models.map((m) => [m.brand, m.model, m.category, m.policyName, m.unitCount]) };
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
        columns: ['number', 'kind', 'title', 'paper', 'language', 'created'],
        rows: docs.map((d) => [d.number, t(`export.documentKind.${d.kind}`), d.title, d.paper, t(`language.${d.language}`), formatDateTime(d.created_at, lang)]),
      };
    }
  }
}
