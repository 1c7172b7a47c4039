import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n';
import type { ImportOpened } from '../../shared/schemas/excel';
import { openTestBackend, type TestBackend } from '../support/backend';
import { seedModel } from '../support/sample';
import { writeXlsxBomb } from '../support/zip-bomb';

/*
 * Issue 11, point 6 ("Hold the line"): the Excel import as testers broke it. Each describe is
 * one of their findings, on a real SQLite file, with sheets built here by exceljs.
 */

let backend: TestBackend;
let policyId: number;
beforeEach(async () => {
  backend = await openTestBackend(undefined, () => new Date('2026-11-22T10:00:00+08:00'));
  await seedModel(backend);
  policyId = (await backend.ok('models:list', { query: '' }))[0]!.policyId;
});
afterEach(async () => {
  await backend.close();
});

/** Writes one sheet of rows (headers first) and makes it the file the open dialog answers. */
async function sheetFile(rows: unknown[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('客户设备');
  for (const row of rows) sheet.addRow(row);
  const file = join(backend.dir, 'sheet.xlsx');
  await workbook.xlsx.writeFile(file);
  backend.platform.openAnswer = file;
  return file;
}

const input = (opened: ImportOpened) => ({ token: opened.token, sheet: opened.sheets[0]!.name, mapping: opened.sheets[0]!.suggested, defaultPolicyId: policyId });
const count = (table: string) => (backend.store.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const zh = translator('zh-CN');
const en = translator('en');

describe('point 1: the whole sheet or a refusal naming the limit', () => {
  it('reads every row past the old cap of 20,000 and checks each of them', async () => {
    const rows = Array.from({ length: 20_005 }, (_, i) => [`客户${i}`, `139${String(i).padStart(8, '0')}`]);
    await sheetFile([['客户名称', '联系电话'], ...rows]);
    const opened = (await backend.ok('import:open', {}))!;
    expect(opened.sheets[0]!.rowCount).toBe(20_005);
    const preview = await backend.ok('import:preview', input(opened));
    expect(preview).toMatchObject({ total: 20_005, okCount: 20_005, newCustomers: 20_005 });
  });

  it('refuses a sheet over 50,000 rows, saying the limit and how many rows it found, and opens nothing', async () => {
    const rows = Array.from({ length: 50_003 }, (_, i) => [`客户${i}`, `139${String(i).padStart(8, '0')}`]);
    await sheetFile([['客户名称', '联系电话'], ...rows]);
    const error = await backend.fails('import:open', {});
    expect(error.code).toBe('VALIDATION');
    expect(error.details.message).toEqual({ key: 'errors.importTooManyRows', params: { file: 'sheet.xlsx', sheet: '客户设备', rows: 50_003, limit: 50_000 } });
    expect(zh(error.details.message!.key, error.details.message!.params)).toContain('50,000');
    expect(zh(error.details.message!.key, error.details.message!.params)).toContain('50,003');
    expect(en(error.details.message!.key, error.details.message!.params)).toContain('50,000 rows');
    expect(count('customers')).toBe(0);
  });
});

describe('point 2: sizes checked before anything is inflated', () => {
  it('refuses a file too big to be a customer sheet without reading it', async () => {
    const file = join(backend.dir, 'huge.xlsx');
    writeFileSync(file, Buffer.alloc(31 * 1024 * 1024));
    backend.platform.openAnswer = file;
    const error = await backend.fails('import:open', {});
    expect(error.details.message).toEqual({ key: 'errors.importFileTooBig', params: { file: 'huge.xlsx', size: 31, limit: 30 } });
  });

  it('refuses a 3 MB workbook that declares 3 GB of zeros inside, from the zip directory alone', async () => {
    const file = join(backend.dir, 'bomb.xlsx');
    writeXlsxBomb(file, { zeroBytes: 3 * 1024 * 1024 * 1024 });
    backend.platform.openAnswer = file;
    const error = await backend.fails('import:open', {});
    expect(error.details.message).toEqual({ key: 'errors.importUnpackedTooBig', params: { file: 'bomb.xlsx', size: 3073, limit: 100 } });
    expect(zh(error.details.message!.key, error.details.message!.params)).toContain('3,073 MB');
  });

  it('refuses a sheet compressed far beyond what real data compresses to, though it would fit', async () => {
    const file = join(backend.dir, 'dense.xlsx');
    writeXlsxBomb(file, { zeroBytes: 60 * 1024 * 1024 });
    backend.platform.openAnswer = file;
    const error = await backend.fails('import:open', {});
    expect(error.details.message).toEqual({ key: 'errors.importSuspiciousZip', params: { file: 'dense.xlsx' } });
  });

  it('stops inflating as soon as a sheet outgrows the size its zip declared', async () => {
    const file = join(backend.dir, 'liar.xlsx');
    // Says 4 KB, holds 3 GB: only counting while inflating can catch it.
    writeXlsxBomb(file, { zeroBytes: 3 * 1024 * 1024 * 1024, declaredSize: 4096 });
    backend.platform.openAnswer = file;
    const error = await backend.fails('import:open', {});
    expect(error.details.message).toEqual({ key: 'errors.importSuspiciousZip', params: { file: 'liar.xlsx' } });
  });
});
