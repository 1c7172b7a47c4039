import type ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import type { z } from 'zod';
import { CALL_OUTCOMES, CALL_PURPOSES } from '../../../../shared/domain/calls';
import { formatDateTime } from '../../../../shared/format';
import { translator } from '../../../../shared/i18n';
import type { callWeekInput } from '../../../../shared/schemas/call';
import type { ServiceContext } from '../../app/context';
import { assertSaveTarget } from '../admin/owned-files';
import { getSettings } from '../admin/settings';
import { callsQuery, toCall } from './calls';
import { weekSummary } from './summary';
import { loadExcelJs } from '../excel/libraries';

/**
 * The week's calls to Excel: a summary sheet laid out as the paper (purpose by outcome, per day,
 * the share against the target) and the calls themselves, one a row, for the desk's own sums.
 */
export async function exportCallWeek(ctx: ServiceContext, input: z.output<typeof callWeekInput>): Promise<{ savedTo: string | null; rows: number }> {
  const lang = (await getSettings(ctx)).language;
  const t = translator(lang);
  const k = (key: string, params?: Record<string, unknown>) => t(`calls.export.${key}`, params ?? {});
  const s = await weekSummary(ctx, input);
  const chosen = await ctx.platform.chooseSavePath(`${k('fileName', { from: s.from, to: s.to })}.xlsx`, [{ name: 'Excel', extensions: ['xlsx'] }]);
  if (!chosen) return { savedTo: null, rows: 0 };
  const target = await assertSaveTarget(ctx, chosen);
  const calls = (await callsQuery(ctx.db).where('calls.day', '>=', s.from).where('calls.day', '<=', s.to).orderBy('calls.at').orderBy('calls.id').execute()).map(toCall);

  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = t('appName');
  const summary = workbook.addWorksheet(k('summarySheet'));
  const bold = (row: ExcelJS.Row) => {
    row.font = { bold: true };
  };
  bold(summary.addRow([k('title')]));
  summary.addRow([k('period'), s.from, s.to]);
  summary.addRow([k('total'), s.total]);
  summary.addRow([k('solvedByPhone'), s.solvedByPhone]);
  // A share as a number the sheet can sum and chart; empty with no calls.
  summary.addRow([k('share'), s.phoneSharePct === null ? null : s.phoneSharePct / 100]).getCell(2).numFmt = '0.0%';
  summary.addRow([k('target'), s.phoneTargetPct / 100]).getCell(2).numFmt = '0%';
  summary.addRow([k('ticketsOpened'), s.ticketsOpened]);
  summary.addRow([]);
  bold(summary.addRow([k('purpose'), ...CALL_OUTCOMES.map((o) => t(`calls.outcome.${o}`)), k('total')]));
  for (const p of CALL_PURPOSES) summary.addRow([t(`calls.purpose.${p}`), ...CALL_OUTCOMES.map((o) => s.grid[p][o]), s.byPurpose[p]]);
  bold(summary.addRow([k('total'), ...CALL_OUTCOMES.map((o) => s.byOutcome[o]), s.total]));
  summary.addRow([]);
  bold(summary.addRow([k('day'), k('calls'), k('solvedByPhone')]));
  for (const d of s.days) summary.addRow([d.day, d.total, d.solvedByPhone]);
  summary.getColumn(1).width = 24;
  for (let c = 2; c <= CALL_OUTCOMES.length + 2; c++) summary.getColumn(c).width = 14;

  const columns = ['at', 'customer', 'callerName', 'callerPhone', 'unit', 'purpose', 'outcome', 'ticket', 'notes', 'operator'];
  const list = workbook.addWorksheet(k('callsSheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  list.columns = columns.map((key) => ({ header: k(`column.${key}`), key, width: key === 'notes' ? 40 : 16 }));
  list.getRow(1).font = { bold: true };
  for (const c of calls) {
    list.addRow([formatDateTime(c.at, lang), c.customerName, c.callerName, c.callerPhone, c.unitLabel, t(`calls.purpose.${c.purpose}`), t(`calls.outcome.${c.outcome}`), c.ticketNumber, c.notes, c.createdBy]);
  }
  list.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  writeFileSync(target, Buffer.from(await workbook.xlsx.writeBuffer()));
  return { savedTo: target, rows: calls.length };
}
