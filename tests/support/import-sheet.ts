import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import type { ImportOpened } from '../../shared/schemas/excel';
import type { TestBackend } from './backend';

/*
 * The stepped import's tests (import-steps.test.ts, import-guard.test.ts): a sheet of numbered
 * customers with one unit each, opened for import, and what the clerk can see of the database.
 */

/** What the clerk can see: every table but the log, the index's own tables, the month summary (derived, re-summed in the background) and the health record, one digest each. */
export function digests(sqlite: Database.Database): Record<string, string> {
  const tables = (sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite%' and name not like 'search_fts%' and name not like 'audit_%' and name not like 'kysely%' and name not like 'report_months%' and name <> 'health_checks'").pluck().all() as string[]).sort();
  return Object.fromEntries(tables.map((t) => [t, createHash('sha256').update(sqlite.prepare(`select * from "${t}"`).all().map((r) => JSON.stringify(r)).sort().join('\n')).digest('hex')]));
}

/** `rows` customers 导入客户N with a 格力 KFR-35GW each (serials STEP-…); the first row's unit of `firstModel` when given (a model the desk does not have yet). */
export async function writeSheet(file: string, rows: number, serialFrom = 0, firstModel: string | null = null) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('客户设备');
  sheet.addRow(['客户名称', '联系电话', '品牌', '型号', '机身编号', '购买日期']);
  for (let i = 0; i < rows; i++) {
    const model = i === 0 && firstModel ? ['美的', firstModel] : ['格力', 'KFR-35GW'];
    sheet.addRow([`导入客户${i}`, `186${String(i).padStart(8, '0')}`, ...model, `STEP-${String(serialFrom + i).padStart(6, '0')}`, '2026-03-01']);
  }
  await workbook.xlsx.writeFile(file);
}

/** The sheet written and opened through the import's own dialog; the commit's input. */
export async function openedSheet(b: TestBackend, rows: number, serialFrom = 0, firstModel: string | null = null) {
  const file = join(b.dir, `sheet-${rows}-${serialFrom}.xlsx`);
  await writeSheet(file, rows, serialFrom, firstModel);
  b.platform.openAnswer = file;
  const o = (await b.ok('import:open', {})) as ImportOpened;
  const policyId = (await b.ok('models:list', { query: '' }))[0]!.policyId;
  return { token: o.token, sheet: o.sheets[0]!.name, mapping: o.sheets[0]!.suggested, categoryPolicies: [{ category: '', policyId }] };
}
