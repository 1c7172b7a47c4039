import { writeFileSync } from 'node:fs';
import type { z } from 'zod';
import { makerReturnsForms } from '../../../../shared/domain/maker-returns-tables';
import { cellValue } from '../../../../shared/domain/report-tables';
import { translator, type Language } from '../../../../shared/i18n';
import type { MakerReturnsPack, makerReturnsExportInput } from '../../../../shared/schemas/maker-returns';
import type { ServiceContext } from '../../app/context';
import { assertSaveTarget } from '../admin/owned-files';
import { makerReturnsPack } from './maker-returns';
import { loadExcelJs } from '../excel/libraries';

/** The pack as a workbook: one sheet per form, its tables one under the other, the same the paper prints. */
export async function makerReturnsWorkbook(pack: MakerReturnsPack, lang: Language): Promise<{ buffer: Buffer; sheets: number }> {
  const t = translator(lang);
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = t('appName');
  const forms = makerReturnsForms(t, pack);
  const head = `${pack.maker.name} · ${t('makerReturns.print.cover.periodText', { from: pack.from, to: pack.to })}${pack.provisional ? ` · ${t('makerReturns.print.provisional', { day: pack.asOf })}` : ''}`;
  for (const form of forms) {
    // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
    const sheet = workbook.addWorksheet(form.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 3 }] });
    sheet.addRow([form.title]).font = { bold: true, size: 13 };
    sheet.addRow([head]);
    let widest = 1;
    form.tables.forEach((table, i) => {
      if (i > 0) {
        sheet.addRow([]);
        sheet.addRow([table.title]).font = { bold: true };
      }
      sheet.addRow(table.columns).font = { bold: true };
      for (const row of table.rows) {
        const added = sheet.addRow(row.map(cellValue));
        row.forEach((cell, j) => {
          if (cell !== null && typeof cell === 'object' && 'fen' in cell) added.getCell(j + 1).numFmt = '¥#,##0.00';
        });
      }
      if (table.note) sheet.addRow([table.note]);
      widest = Math.max(widest, table.columns.length);
    });
    for (let i = 1; i <= widest; i++) sheet.getColumn(i).width = i === 1 ? 22 : 16;
  }
  return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), sheets: forms.length };
}

export async function exportMakerReturns(ctx: ServiceContext, input: z.output<typeof makerReturnsExportInput>): Promise<{ savedTo: string | null; sheets: number }> {
  const pack = await makerReturnsPack(ctx, input);
  const t = translator(input.language);
  const chosen = await ctx.platform.chooseSavePath(`${t('makerReturns.file', { maker: pack.maker.name, month: pack.month })}.xlsx`, [{ name: 'Excel', extensions: ['xlsx'] }]);
  if (!chosen) return { savedTo: null, sheets: 0 };
  const target = await assertSaveTarget(ctx, chosen);
  const { buffer, sheets } = await makerReturnsWorkbook(pack, input.language);
  writeFileSync(target, buffer);
  return { savedTo: target, sheets };
}
