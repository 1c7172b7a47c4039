import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportOpened } from '../../shared/schemas/excel';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person, seedModel } from '../support/sample';
import { writeSampleSheet } from '../support/sample-sheet';

let backend: TestBackend;
let policyId: number;
beforeEach(async () => {
  backend = await openTestBackend(undefined, () => new Date('2026-11-22T10:00:00+08:00'));
  const model = await seedModel(backend);
  policyId = (await backend.ok('models:list', { query: '' }))[0]!.policyId;
  // Someone already on file: the sheet's row for this phone must reuse, not duplicate, them.
  await backend.ok('customers:create', person({ name: '赵磊', phones: [{ phone: '13700002222' }] }));
  expect(model.id).toBeGreaterThan(0);
  backend.platform.openAnswer = join(backend.dir, 'customers.xlsx');
  await writeSampleSheet(backend.platform.openAnswer);
});
afterEach(async () => {
  await backend.close();
});

const count = (table: string) => (backend.store.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const mappingOf = (opened: ImportOpened) => opened.sheets[0]!.suggested;

describe('Excel import', () => {
  it('reads the sheet and guesses the columns from Chinese headers', async () => {
    const opened = (await backend.ok('import:open', {}))!;
    expect(opened.fileName).toBe('customers.xlsx');
    expect(opened.sheets[0]).toMatchObject({ name: '客户设备', rowCount: 7 });
    expect(mappingOf(opened)).toMatchObject({ customerName: 0, phone: 1, address: 2, region: 3, brand: 4, model: 5, serial: 6, purchaseDate: 7, acceptanceDate: 8, invoiceNumber: 9, note: 10 });
    expect(opened.sheets[0]!.sample[0]![7]).toBe('2026-03-01');
  });

  it('previews every row with reasons and writes nothing until confirmed', async () => {
    const opened = (await backend.ok('import:open', {}))!;
    const before = ['customers', 'units', 'product_models'].map(count);
    const preview = await backend.ok('import:preview', { token: opened.token, sheet: '客户设备', mapping: mappingOf(opened), categoryPolicies: [{ category: '', policyId }] });
    expect(preview).toMatchObject({ total: 7, okCount: 5, errorCount: 2, newCustomers: 3, existingCustomers: 1, newUnits: 4 });
    expect(preview.newModels.sort()).toEqual(['奥的斯 GeN2-MRL', '美的 KFR-26GW']);
    const bad = preview.rows.filter((r) => !r.ok);
    expect(bad.map((r) => r.row)).toEqual([4, 6]);
    expect(bad[0]!.problems).toEqual([{ column: '联系电话', message: { key: 'validation.phone' } }]);
    expect(bad[1]!.problems).toEqual([{ column: '验收日期', message: { key: 'validation.acceptanceBeforePurchase' } }]);
    expect(bad[1]!.serial).toBe('IMP-0005');
    expect(preview.rows.find((r) => r.row === 3)).toMatchObject({ ok: true, customer: 'sameAsAbove' });
    expect(preview.rows.find((r) => r.row === 8)).toMatchObject({ ok: true, customer: 'existing', customerName: '赵磊' });
    expect(['customers', 'units', 'product_models'].map(count)).toEqual(before);
  });

  it('imports the good rows in one go once confirmed, and lists the rejected ones', async () => {
    const opened = (await backend.ok('import:open', {}))!;
    const result = await backend.ok('import:commit', { token: opened.token, sheet: '客户设备', mapping: mappingOf(opened), categoryPolicies: [{ category: '', policyId }] });
    expect(result).toMatchObject({ customersCreated: 3, customersReused: 2, unitsCreated: 4, modelsCreated: 2 });
    expect(result.rejected.map((r) => r.row)).toEqual([4, 6]);
    const [li] = (await backend.ok('customers:list', { query: 'lm' })).items;
    expect(li).toMatchObject({ name: '李明', region: 'urban', unitCount: 2, address: '杭州市上城区解放路 1 号' });
    const units = await backend.ok('units:listByCustomer', { customerId: li!.id });
    expect(units.map((u) => [u.serial, u.purchaseDate, u.acceptanceDate]).sort()).toEqual([
      ['IMP-0001', '2026-03-01', '2026-03-05'],
      ['IMP-0002', '2026-03-01', null],
    ]);
    const [lift] = await backend.ok('units:findBySerial', { serial: 'IMP-0004' });
    expect(lift).toMatchObject({ purchaseDate: '2025-12-09', brand: '奥的斯', customerName: '杭州启航物业' });
    expect((await backend.ok('customers:list', { query: '周杰' })).items[0]!.unitCount).toBe(0);
    expect((await backend.ok('customers:list', { query: '赵磊' })).items).toMatchObject([{ unitCount: 1 }]);
    // The session is used up: a second confirm cannot import twice.
    expect((await backend.fails('import:commit', { token: opened.token, sheet: '客户设备', mapping: mappingOf(opened), categoryPolicies: [{ category: '', policyId }] })).code).toBe('NOT_FOUND');
  });

  it('rolls the whole import back when any write fails', async () => {
    const opened = (await backend.ok('import:open', {}))!;
    const before = ['customers', 'customer_phones', 'units', 'product_models'].map(count);
    backend.store.sqlite.exec("create temp trigger refuse before insert on units when new.serial = 'IMP-0004' begin select raise(abort, 'disk full'); end");
    const error = await backend.fails('import:commit', { token: opened.token, sheet: '客户设备', mapping: mappingOf(opened), categoryPolicies: [{ category: '', policyId }] });
    expect(error.code).toBe('INTERNAL');
    expect(['customers', 'customer_phones', 'units', 'product_models'].map(count)).toEqual(before);
    expect(await backend.ok('search:query', { query: '李明' })).toEqual([]);
  });

  it('asks for a policy before creating new models, and refuses a sheet without the required columns', async () => {
    const opened = (await backend.ok('import:open', {}))!;
    const preview = await backend.ok('import:preview', { token: opened.token, sheet: '客户设备', mapping: mappingOf(opened), categoryPolicies: [{ category: '', policyId: null }] });
    expect(preview.rows.find((r) => r.row === 5)!.problems[0]!.message.key).toBe('import.modelNeedsPolicyUncategorised');
    const unmapped = await backend.fails('import:preview', { token: opened.token, sheet: '客户设备', mapping: { customerName: 0 }, categoryPolicies: [{ category: '', policyId }] });
    expect(unmapped.details.message).toEqual({ key: 'errors.importFieldUnmapped', params: { field: 'phone' } });
  });

  it('says plainly when the file is not a workbook, and does nothing when the dialog is cancelled', async () => {
    backend.platform.openAnswer = join(backend.dir, 'desk.sqlite');
    expect((await backend.fails('import:open', {})).details.message).toEqual({ key: 'sheets.notASheet.other', params: { file: 'desk.sqlite' } });
    backend.platform.openAnswer = null;
    expect(await backend.ok('import:open', {})).toBeNull();
  });
});

describe('Excel export', () => {
  it('writes a list with translated headers to the file the user picks', async () => {
    backend.platform.saveAnswer = join(backend.dir, 'out.xlsx');
    const result = await backend.ok('export:list', { list: 'customers' });
    expect(result).toEqual({ savedTo: backend.platform.saveAnswer, rows: 1 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(backend.platform.saveAnswer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('客户');
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['客户名称', '类型', '区域']);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 5)).toEqual(['赵磊', '个人', '市区', '13700002222']);
    for (const list of ['units', 'models', 'documents'] as const) expect((await backend.ok('export:list', { list })).savedTo).toBe(backend.platform.saveAnswer);
    backend.platform.saveAnswer = null;
    expect(await backend.ok('export:list', { list: 'units' })).toEqual({ savedTo: null, rows: 0 });
  });
});
