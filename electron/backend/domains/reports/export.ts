import { writeFileSync } from 'node:fs';
import type { z } from 'zod';
import { cellValue, reportTables } from '../../../../shared/domain/report-tables';
import { translator, type Language } from '../../../../shared/i18n';
import type { ReportBundle, WarningSettings, reportExportInput } from '../../../../shared/schemas/reports';
import type { ServiceContext } from '../../app/context';
import { assertSaveTarget } from '../admin/owned-files';
import { warningSettings } from './failures';
import { reportBundle } from './reports';
import { loadExcelJs } from '../excel/libraries';

/** The bundle as a workbook, one sheet per report, the same tables the pack prints. */
export async function reportWorkbook(bundle: ReportBundle, settings: WarningSettings, lang: Language): Promise<Buffer> {
  const t = translator(lang);
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = t('appName');
  const period = t('reports.period.text', { from: bundle.period.from, to: bundle.period.to });
  for (const table of reportTables(t, lang, bundle, settings)) {
    // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
    const sheet = workbook.addWorksheet(t(`reports.pack.sheet.${table.key}`).replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 2 }] });
    sheet.addRow([`${table.title} · ${period}`]).font = { bold: true };
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map(cellValue));
    if (table.note) sheet.addRow([table.note]);
    sheet.columns.forEach((column, i) => (column.width = i === 0 ? 28 : table.numeric.includes(i) ? 14 : 20));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function exportReports(ctx: ServiceContext, input: z.output<typeof reportExportInput>): Promise<{ savedTo: string | null; sheets: number }> {
  const bundle = await reportBundle(ctx, input, { customerId: input.customerId, modelIds: input.modelIds });
  const t = translator(input.language);
  const chosen = await ctx.platform.chooseSavePath(`${t('reports.pack.file', { from: input.from, to: input.to })}.xlsx`, [{ name: 'Excel', extensions: ['xlsx'] }]);
  if (!chosen) return { savedTo: null, sheets: 0 };
  const target = await assertSaveTarget(ctx, chosen);
  const settings = await warningSettings(ctx);
  const buffer = await reportWorkbook(bundle, settings, input.language);
  writeFileSync(target, buffer);
  return { savedTo: target, sheets: reportTables(t, input.language, bundle, settings).length };
}
