import { writeFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import type { translator } from '../../../../shared/i18n';
import type { ServiceContext } from '../../app/context';
import { assertSaveTarget } from '../admin/owned-files';
import { loadExcelJs } from './libraries';

/*
 * Cells as a spreadsheet program expects them, so that sorting, filtering and sums work in
 * Excel and WPS: a date is a date cell, money a number with a currency format, a count a
 * number; phones, serials and invoice numbers are text cells, so Excel neither drops their
 * leading zeros nor shows them as 1.39E+10 when the clerk edits them.
 */

export type ColumnKind = 'text' | 'date' | 'moment' | 'money' | 'count';
export interface SheetColumn {
  header: string;
  kind: ColumnKind;
}
/** A value as the desk holds it: text, a YYYY-MM-DD day, a moment in ms, money in fen, a count. */
export type SheetValue = string | number | null;

const FORMATS: Record<ColumnKind, string> = {
  text: '@',
  date: 'yyyy-mm-dd',
  moment: 'yyyy-mm-dd hh:mm',
  // Yuan with two decimals; negative amounts (refunds) in red, as Chinese Excel shows them.
  money: '"¥"#,##0.00;[Red]-"¥"#,##0.00',
  count: '0',
};

/** How many narrow characters a text takes on screen: CJK and full-width forms take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return width;
}

function cellValue(kind: ColumnKind, value: SheetValue): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  // A spreadsheet has no time zones: a moment goes out as the desk's wall-clock time.
  if (kind === 'moment' && typeof value === 'number') return new Date(value - new Date(value).getTimezoneOffset() * 60_000);
  if (kind === 'money' && typeof value === 'number') return value / 100;
  if (kind === 'text') return String(value);
  return value;
}

/**
 * One sheet of a list: bold frozen header, filters on, each column as wide as its longest
 * value (counted in Chinese widths, up to a limit past which the text wraps).
 */
export function addListSheet(workbook: ExcelJS.Workbook, name: string, columns: SheetColumn[], rows: SheetValue[][], options = { filter: true }): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = columns.map((c) => displayWidth(c.header));
  sheet.addRow(columns.map((c) => c.header)).font = { bold: true };
  for (const values of rows) {
    const row = sheet.addRow(values.map((v, i) => cellValue(columns[i]!.kind, v)));
    values.forEach((v, i) => {
      const kind = columns[i]!.kind;
      const text = v === null ? '' : kind === 'money' && typeof v === 'number' ? `¥${(v / 100).toFixed(2)},` : kind === 'moment' ? '0000-00-00 00:00' : String(v);
      const longest = Math.max(0, ...text.split('\n').map(displayWidth));
      widths[i] = Math.max(widths[i]!, longest);
      if (text.includes('\n')) row.getCell(i + 1).alignment = { wrapText: true, vertical: 'top' };
    });
  }
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.numFmt = FORMATS[c.kind];
    column.width = Math.min(60, Math.max(8, widths[i]! + 2));
  });
  sheet.getRow(1).eachCell((cell) => {
    cell.numFmt = 'General';
  });
  if (options.filter && columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

export async function newWorkbook(t: ReturnType<typeof translator>): Promise<ExcelJS.Workbook> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = t('appName');
  return workbook;
}

/** Asks where to save, then writes the workbook there; null when the dialog is cancelled. */
export async function saveWorkbook(ctx: ServiceContext, workbook: ExcelJS.Workbook, defaultName: string): Promise<string | null> {
  const chosen = await ctx.platform.chooseSavePath(defaultName, [{ name: 'Excel', extensions: ['xlsx'] }]);
  if (!chosen) return null;
  const target = await assertSaveTarget(ctx, chosen);
  writeFileSync(target, Buffer.from(await workbook.xlsx.writeBuffer()));
  return target;
}

