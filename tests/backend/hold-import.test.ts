import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n';
import { customerCreateInput } from '../../shared/schemas/customer';
import type { ImportOpened } from '../../shared/schemas/excel';
import { unitBySerialInput, unitCreateInput } from '../../shared/schemas/unit';
import { cellDate } from '../../electron/backend/domains/excel/read';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person, seedModel } from '../support/sample';
import { writeXlsxBomb } from '../support/zip-bomb';

/*
 * Issue 11, point 6 ("Hold the line"): the Excel import as testers broke it. Each describe is
 * one of their findings, on a real SQLite file, with sheets built here by exceljs.
 */

let backend: TestBackend;
let policyId: number;
let modelId: number;
beforeEach(async () => {
  backend = await openTestBackend(undefined, () => new Date('2026-11-22T10:00:00+08:00'));
  const model = await seedModel(backend);
  modelId = model.id;
  policyId = (await backend.ok('models:list', { query: '' }))[0]!.policyId;
});
afterEach(async () => {
  await backend.close();
});

const HEADERS = ['客户名称', '联系电话', '品牌', '型号', '机身编号', '购买日期'];

/** Writes one sheet of rows (headers first) and makes it the file the open dialog answers. */
async function sheetFile(rows: unknown[][], configure?: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  configure?.(workbook);
  const sheet = workbook.addWorksheet('客户设备');
  for (const row of rows) sheet.addRow(row);
  const file = join(backend.dir, 'sheet.xlsx');
  await workbook.xlsx.writeFile(file);
  backend.platform.openAnswer = file;
  return file;
}

const input = (opened: ImportOpened) => ({ token: opened.token, sheet: opened.sheets[0]!.name, mapping: opened.sheets[0]!.suggested, categoryPolicies: [{ category: '', policyId }] });
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
    expect(zh(error.details.message!.key, error.details.message!.params ?? {})).toContain('50,000');
    expect(zh(error.details.message!.key, error.details.message!.params ?? {})).toContain('50,003');
    expect(en(error.details.message!.key, error.details.message!.params ?? {})).toContain('50,000 rows');
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
    expect(zh(error.details.message!.key, error.details.message!.params ?? {})).toContain('3,073 MB');
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

describe('point 3: an existing customer only when the name and a phone agree', () => {
  it('files a row with another name under a new customer, saying whose number it is, and names both in the preview', async () => {
    const owner = await backend.ok('customers:create', person({ name: '杭州启航物业', phones: [{ phone: '0571-88001122' }] }));
    await sheetFile([HEADERS, ['杭州安信电梯', '0571-88001122', '格力', 'KFR-35GW', 'HOLD-3-1', '2026-03-01']]);
    const opened = (await backend.ok('import:open', {}))!;
    const preview = await backend.ok('import:preview', input(opened));
    expect(preview).toMatchObject({ okCount: 1, newCustomers: 1, existingCustomers: 0 });
    expect(preview.rows[0]).toMatchObject({
      row: 2,
      ok: true,
      customer: 'new',
      targetName: '杭州安信电梯',
      targetId: null,
      warnings: [{ column: '联系电话', message: { key: 'import.phoneOfOtherCustomer', params: { phone: '0571-88001122', existing: '杭州启航物业', name: '杭州安信电梯' } } }],
    });
    const sentence = zh('import.phoneOfOtherCustomer', preview.rows[0]!.warnings[0]!.message.params ?? {});
    expect(sentence).toContain('杭州启航物业');
    expect(sentence).toContain('杭州安信电梯');

    const result = await backend.ok('import:commit', input(opened));
    expect(result).toMatchObject({ customersCreated: 1, customersReused: 0, unitsCreated: 1 });
    const [unit] = await backend.ok('units:findBySerial', { serial: 'HOLD-3-1' });
    expect(unit!.customerName).toBe('杭州安信电梯');
    expect(unit!.customerId).not.toBe(owner.id);
    expect((await backend.ok('customers:get', { id: owner.id })).unitCount).toBe(0);
  });

  it('reuses the customer when the name agrees once written alike (spaces, traditional characters) and a phone agrees', async () => {
    const zhang = await backend.ok('customers:create', person({ name: '张三丰', phones: [{ phone: '13812345678' }] }));
    await sheetFile([HEADERS, [' 張三豐 ', '138-1234-5678', '格力', 'KFR-35GW', 'HOLD-3-2', '']]);
    const opened = (await backend.ok('import:open', {}))!;
    const preview = await backend.ok('import:preview', input(opened));
    expect(preview.rows[0]).toMatchObject({ ok: true, customer: 'existing', targetName: '张三丰', targetId: zhang.id, warnings: [] });
    expect(await backend.ok('import:commit', input(opened))).toMatchObject({ customersCreated: 0, customersReused: 1 });
    expect((await backend.ok('customers:get', { id: zhang.id })).unitCount).toBe(1);
  });

  it('keeps two rows of the sheet that share a number but not a name apart', async () => {
    await sheetFile([
      HEADERS,
      ['李明', '13900001111', '格力', 'KFR-35GW', 'HOLD-3-3', ''],
      ['李明', '13900001111', '格力', 'KFR-35GW', 'HOLD-3-4', ''],
      ['王芳', '13900001111', '格力', 'KFR-35GW', 'HOLD-3-5', ''],
    ]);
    const opened = (await backend.ok('import:open', {}))!;
    const preview = await backend.ok('import:preview', input(opened));
    expect(preview.rows.map((r) => [r.row, r.customer, r.targetName])).toEqual([
      [2, 'new', '李明'],
      [3, 'sameAsAbove', '李明'],
      [4, 'new', '王芳'],
    ]);
    expect(preview.rows[2]!.warnings).toEqual([{ column: '联系电话', message: { key: 'import.phoneOfOtherRow', params: { phone: '13900001111', other: '李明', row: 2, name: '王芳' } } }]);
    expect(await backend.ok('import:commit', input(opened))).toMatchObject({ customersCreated: 2, customersReused: 1, unitsCreated: 3 });
    const [wang] = await backend.ok('units:findBySerial', { serial: 'HOLD-3-5' });
    expect(wang!.customerName).toBe('王芳');
  });
});

describe('point 4: dates, phones and serials as people and programs write them', () => {
  it.each([
    ['an afternoon serial keeps its day', 46000.75, '2025-12-09'],
    ['a serial one second before midnight', 46000 + 86_399 / 86_400, '2025-12-09'],
    ['a date with a time', '2026-3-1 10:00', '2026-03-01'],
    ['slashes with seconds', '2026/3/1 15:30:00', '2026-03-01'],
    ['slashes', '2026/3/1', '2026-03-01'],
    ['month/day/year, as Excel (en-US) writes it', '3/1/2026', '2026-03-01'],
    ['month/day/year with a time', '12/31/2025 8:00 PM', '2025-12-31'],
    ['full-width digits and dashes', '２０２６－０３－０１', '2026-03-01'],
    ['full-width with 年月日', '２０２６年３月１日', '2026-03-01'],
  ])('%s: %s → %s', (_what, cell, iso) => {
    expect(cellDate(cell)).toBe(iso);
  });

  it('counts day numbers from 1904 in a workbook that says so', async () => {
    await sheetFile(
      [
        HEADERS,
        ['李明', '13900001111', '格力', 'KFR-35GW', 'HOLD-4-0', 44_538.6],
      ],
      (workbook) => {
        workbook.properties.date1904 = true;
      },
    );
    const opened = (await backend.ok('import:open', {}))!;
    expect(await backend.ok('import:commit', input(opened))).toMatchObject({ unitsCreated: 1 });
    expect((await backend.ok('units:findBySerial', { serial: 'HOLD-4-0' }))[0]!.purchaseDate).toBe('2025-12-09');
  });

  it.each([
    ['+86 139 0000 1111', '13900001111'],
    ['0086-13900001111', '13900001111'],
    ['86-139-0000-1111', '13900001111'],
    ['+86-139-0000-1111', '13900001111'],
    ['１３９ ００００ １１１１', '13900001111'],
    ['139\u20110000\u20111111', '13900001111'],
    ['0571-8800-1122', '0571-88001122'],
    ['+86 571 8800 1122', '057188001122'],
    ['+86 (10) 8800 1122', '01088001122'],
    ['０５７１－８８００１１２２', '0571-88001122'],
  ])('phone %s is kept as %s', (typed, stored) => {
    expect(customerCreateInput.parse({ name: '张三', phones: [{ phone: typed }] }).phones[0]!.phone).toBe(stored);
  });

  it.each([
    ['full-width letters and digits', 'ＧＬ２０２６Ａ０００１', 'GL2026A0001'],
    ['a zero-width space inside', 'GL2026\u200BA0001', 'GL2026A0001'],
    ['a byte-order mark and a word joiner', '\uFEFFGL2026\u2060A0001', 'GL2026A0001'],
    ['a non-breaking hyphen', 'GL\u20112026', 'GL-2026'],
    ['an en dash and a minus sign', 'GL\u20132026\u2212A', 'GL-2026-A'],
    ['a full-width hyphen', 'GL－2026', 'GL-2026'],
    ['non-breaking and ideographic spaces around it', '\u00A0GL2026\u3000', 'GL2026'],
  ])('serial with %s (%s) is stored as %s', (_what, typed, stored) => {
    expect(unitCreateInput.parse({ customerId: 1, modelId: 1, serial: typed }).serial).toBe(stored);
    expect(unitBySerialInput.parse({ serial: typed }).serial).toBe(stored);
  });

  it('imports the rows the tester typed, and finds a look-alike serial already on file', async () => {
    const customer = await backend.ok('customers:create', person({ name: '赵磊', phones: [{ phone: '13700002222' }] }));
    await backend.ok('units:create', { customerId: customer.id, modelId, serial: 'GL2026A0001' });
    await sheetFile([
      HEADERS,
      ['李明', '+86 139 0000 1111', '格力', 'KFR-35GW', 'ＧＬ－２０２６－Ｂ\u200B０１', 46000.75],
      ['王芳', '0086 135 0000 4444', '格力', 'KFR-35GW', 'GL2026\u2011B02', '3/1/2026'],
      ['孙丽', '86-136-0000-3333', '格力', 'KFR-35GW', 'GL2026B03', '２０２６－０３－０１'],
      ['周杰', '１３７００００５５５５', '格力', 'KFR-35GW', 'ＧＬ２０２６Ａ０００１', '2026-3-1 10:00'],
    ]);
    const opened = (await backend.ok('import:open', {}))!;
    const preview = await backend.ok('import:preview', input(opened));
    expect(preview.rows.filter((r) => !r.ok).map((r) => [r.row, r.problems.map((p) => p.message.key)])).toEqual([[5, ['import.serialTaken']]]);
    expect(preview.rows.map((r) => r.serial)).toEqual(['GL-2026-B01', 'GL2026-B02', 'GL2026B03', 'GL2026A0001']);
    await backend.ok('import:commit', input(opened));
    const [li] = await backend.ok('units:findBySerial', { serial: 'GL-2026-B01' });
    expect(li).toMatchObject({ customerName: '李明', purchaseDate: '2025-12-09' });
    expect((await backend.ok('customers:get', { id: li!.customerId })).phones[0]!.phone).toBe('13900001111');
    const [wang] = await backend.ok('units:findBySerial', { serial: 'GL2026-B02' });
    expect(wang).toMatchObject({ customerName: '王芳', purchaseDate: '2026-03-01' });
    // A scanner types plain ASCII: it finds what was typed with look-alikes.
    expect((await backend.ok('search:query', { query: 'GL-2026-B01' }))[0]).toMatchObject({ kind: 'unit', id: li!.id });
  });

  it('stores and finds a serial typed at the desk with a zero-width space', async () => {
    const customer = await backend.ok('customers:create', person());
    const unit = await backend.ok('units:create', { customerId: customer.id, modelId, serial: 'KF\u200B-0001' });
    expect(unit.serial).toBe('KF-0001');
    expect((await backend.ok('units:findBySerial', { serial: 'ＫＦ\u2011０００１' })).map((u) => u.id)).toEqual([unit.id]);
  });
});

describe('point 5: traditional and simplified forms of a name find each other', () => {
  it('finds a name imported in traditional characters by its simplified form, its pinyin and its initials', async () => {
    await sheetFile([HEADERS, ['張三豐', '13812345678', '', '', '', '']]);
    const opened = (await backend.ok('import:open', {}))!;
    await backend.ok('import:commit', input(opened));
    for (const query of ['张三丰', '張三豐', '三丰', '三豐', 'zsf', 'zhangsanfeng']) {
      expect((await backend.ok('search:query', { query })).map((h) => h.kind === 'customer' && h.name), query).toEqual(['張三豐']);
    }
  });

  it('finds a simplified name by its traditional form, in the customer list too', async () => {
    const id = (await backend.ok('customers:create', person({ name: '单田芳', phones: [{ phone: '13900001111' }] }))).id;
    for (const query of ['單田芳', '單', '田芳', 'stf', 'shantianfang']) {
      expect((await backend.ok('customers:list', { query })).items.map((c) => c.id), query).toEqual([id]);
    }
  });
});
