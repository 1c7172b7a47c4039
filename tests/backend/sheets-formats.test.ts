import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n';
import type { ImportOpened } from '../../shared/schemas/excel';
import { readPhoneCell, splitAddresses, splitPhones } from '../../electron/backend/domains/excel/phones';
import { openTestBackend, type TestBackend } from '../support/backend';
import { seedModel } from '../support/sample';

/*
 * Issue 24, point 1 and 2: every spreadsheet an office keeps, in and previewed, on a real
 * SQLite file. The fixtures under tests/fixtures/sheets were written by LibreOffice 7.4
 * (headless) from the sources in make-sources.mjs.txt; files for the limits are made here.
 */

const FIXTURES = join(__dirname, '..', 'fixtures', 'sheets');
const zh = translator('zh-CN');
const en = translator('en');

let backend: TestBackend;
let policyId: number;
beforeEach(async () => {
  backend = await openTestBackend(undefined, () => new Date('2026-11-22T10:00:00+08:00'));
  policyId = (await seedModel(backend)).policyId;
});
afterEach(async () => {
  await backend.close();
});

/** Makes a fixture (or bytes) the file the open dialog answers, under the name given. */
function offer(source: string | Buffer, name: string): string {
  const file = join(backend.dir, name);
  if (typeof source === 'string') copyFileSync(join(FIXTURES, source), file);
  else writeFileSync(file, source);
  backend.platform.openAnswer = file;
  return file;
}

const input = (opened: ImportOpened) => ({ token: opened.token, sheet: opened.sheets[0]!.name, mapping: opened.sheets[0]!.suggested, categoryPolicies: [{ category: '', policyId }] });
const customers = () => backend.store.sqlite.prepare('select name from customers order by id').all().map((r) => (r as { name: string }).name);
const count = (table: string) => (backend.store.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

const NAMES = ['张三', '李四', '王五', '赵六', '吉𠮷', '钱七', '孙八', '周九', '吴十', '郑十一'];
const HEADERS = ['客户名称', '联系电话', '地址', '品牌', '型号', '机身编号', '购买日期'];

describe('the same ten rows in every format an office has', () => {
  const cases = [
    { file: 'customers.xls', name: '客户.xls', format: 'xls', encoding: null, delimiter: null },
    // LibreOffice cannot write WPS's .et; WPS saves .et in the same compound-file BIFF8 as .xls.
    { file: 'customers.xls', name: '客户.et', format: 'et', encoding: null, delimiter: null },
    { file: 'customers.ods', name: '客户.ods', format: 'ods', encoding: null, delimiter: null },
    { file: 'customers-utf8.csv', name: '客户.csv', format: 'csv', encoding: 'utf-8', delimiter: 'comma' },
    { file: 'customers-gbk.csv', name: '客户-gbk.csv', format: 'csv', encoding: 'gb18030', delimiter: 'comma' },
    { file: 'customers-semicolon.csv', name: '客户.csv', format: 'csv', encoding: 'utf-8', delimiter: 'semicolon' },
    { file: 'customers-utf16.txt', name: '客户.txt', format: 'csv', encoding: 'utf-16le', delimiter: 'tab' },
  ] as const;
  for (const c of cases) {
    it(`${c.file} as ${c.name}: read, previewed and imported whole`, async () => {
      offer(c.file, c.name);
      const opened = (await backend.ok('import:open', {}))!;
      expect(opened).toMatchObject({ fileName: c.name, format: c.format, encoding: c.encoding, detectedEncoding: c.encoding, delimiter: c.delimiter });
      const sheet = opened.sheets[0]!;
      expect(sheet.headers).toEqual(HEADERS);
      expect(sheet.rowCount).toBe(10);
      expect(sheet.sample[0]).toEqual(['张三', '13900001111', '杭州市西湖区文三路1号', '格力', 'KFR-35GW', 'GL0001', '2025-03-01']);
      expect(sheet.suggested).toMatchObject({ customerName: 0, phone: 1, address: 2, brand: 3, model: 4, serial: 5, purchaseDate: 6 });
      const preview = await backend.ok('import:preview', input(opened));
      expect(preview).toMatchObject({ total: 10, okCount: 10, errorCount: 0, newCustomers: 10, newUnits: 10 });
      await backend.ok('import:commit', input(opened));
      expect(customers()).toEqual(NAMES);
      const units = backend.store.sqlite.prepare('select serial, purchase_date as d from units order by id').all() as { serial: string; d: string }[];
      // Leading zeros and dates as the sheet shows them, whatever the format kept them as.
      expect(units[5]).toEqual({ serial: '00123', d: '2025-05-05' });
      expect(units[2]).toEqual({ serial: 'HE0003', d: '2024-12-31' });
      const phones = backend.store.sqlite.prepare('select phone from customer_phones order by id').all().map((r) => (r as { phone: string }).phone);
      expect(phones).toContain('0571-87654321');
      expect(phones).toContain('021-58889999');
    });
  }

  it('reads a UTF-8 CSV with a byte-order mark, and a UTF-16 big-endian one, without a stray character', async () => {
    const text = readFileSync(join(FIXTURES, 'customers-utf8.csv'));
    offer(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]), 'bom.csv');
    let opened = (await backend.ok('import:open', {}))!;
    expect(opened.encoding).toBe('utf-8');
    expect(opened.sheets[0]!.headers[0]).toBe('客户名称');
    offer(iconv.encode(text.toString('utf8'), 'utf-16be', { addBOM: true }), 'be.txt');
    opened = (await backend.ok('import:open', {}))!;
    expect(opened.encoding).toBe('utf-16be');
    expect(opened.sheets[0]!.sample[4]![0]).toBe('吉𠮷');
    // Without a byte-order mark, UTF-16 is told by where its zero bytes fall.
    offer(iconv.encode(text.toString('utf8'), 'utf-16le'), 'le.txt');
    opened = (await backend.ok('import:open', {}))!;
    expect(opened.encoding).toBe('utf-16le');
    expect(opened.sheets[0]!.headers).toEqual(HEADERS);
  });

  it('reads a GBK file again in the encoding the clerk picks, and back', async () => {
    offer('customers-gbk.csv', 'gbk.csv');
    const opened = (await backend.ok('import:open', {}))!;
    expect(opened.sheets[0]!.sample[4]![0]).toBe('吉𠮷'); // four bytes in GB18030, as LibreOffice wrote it
    const garbled = await backend.ok('import:encoding', { token: opened.token, encoding: 'utf-8' });
    expect(garbled).toMatchObject({ encoding: 'utf-8', detectedEncoding: 'gb18030', format: 'csv' });
    expect(garbled.sheets[0]!.headers).not.toContain('客户名称');
    // The old token is spent: only the file as now read can be imported.
    expect((await backend.fails('import:preview', input(opened))).code).toBeDefined();
    const again = await backend.ok('import:encoding', { token: garbled.token, encoding: 'gb18030' });
    expect(again.sheets[0]!.headers).toEqual(HEADERS);
    expect(await backend.ok('import:preview', input(again))).toMatchObject({ okCount: 10 });
  });

  it('has no encoding to choose for a workbook', async () => {
    offer('customers.xls', 'a.xls');
    const opened = (await backend.ok('import:open', {}))!;
    const error = await backend.fails('import:encoding', { token: opened.token, encoding: 'gb18030' });
    expect(error.details.message).toEqual({ key: 'sheets.notText', params: undefined });
  });
});

describe('a sheet with a title, merged two-level headers and phones stored as numbers', () => {
  for (const file of ['merged.xls', 'merged.ods']) {
    it(`${file}: finds the header row under the title, restores what is unambiguous and refuses the rest`, async () => {
      offer(file, file);
      const opened = (await backend.ok('import:open', {}))!;
      const sheet = opened.sheets[0]!;
      // 客户名称 and 购买日期 are merged down over both header rows; 联系方式 and 设备 across.
      expect(sheet.headers).toEqual(['客户名称', '联系电话', '座机', '品牌', '型号', '机身编号', '发票号', '购买日期']);
      expect(sheet.rowCount).toBe(4);
      expect(sheet.suggested).toMatchObject({ customerName: 0, phone: 1, phone2: 2, brand: 3, model: 4, serial: 5, invoiceNumber: 6, purchaseDate: 7 });
      const preview = await backend.ok('import:preview', input(opened));
      expect(preview).toMatchObject({ total: 4, okCount: 3, errorCount: 1, warnedCount: 0 });
      const byRow = new Map(preview.rows.map((r) => [r.row, r]));
      expect(byRow.get(4)!.warnings.map((w) => w.message)).toEqual([{ key: 'sheets.phoneRestored', params: { stored: '2158889999', phone: '02158889999' } }]);
      expect(byRow.get(5)!.warnings.map((w) => w.message.params)).toEqual([
        { stored: '8613900139000', phone: '+8613900139000' },
        { stored: '57187654321', phone: '057187654321' },
      ]);
      expect(byRow.get(5)!.warnings[1]!.column).toBe('座机');
      expect(byRow.get(6)!.problems).toEqual([{ column: '联系电话', message: { key: 'sheets.phoneNumberCell', params: { value: '1390000' } } }]);
      expect(zh('sheets.phoneNumberCell', { value: '1390000' })).toContain('文本');
      expect(byRow.get(7)!.warnings[0]!.message.params).toEqual({ stored: '1058889999', phone: '01058889999' });
      await backend.ok('import:commit', input(opened));
      const phones = backend.store.sqlite.prepare('select phone from customer_phones order by id').all().map((r) => (r as { phone: string }).phone);
      expect(phones).toEqual(['13900001111', '02158889999', '13900139000', '057187654321', '01058889999']);
      const units = backend.store.sqlite.prepare('select serial, invoice_number as inv, purchase_date as d from units order by id').all();
      expect(units[0]).toEqual({ serial: 'GL0001', inv: '00012345', d: '2025-03-01' });
      expect(count('customers')).toBe(3);
    });
  }
});

describe('refusals that name the format and the reason, and change nothing', () => {
  const refusal = async (bytes: Buffer | string, name: string) => {
    offer(bytes, name);
    const error = await backend.fails('import:open', {});
    expect(error.code).toBe('VALIDATION');
    expect(count('customers')).toBe(0);
    return error.details.message!;
  };
  const said = (m: { key: string; params?: Record<string, unknown> }, t = zh) => t(m.key, (m.params ?? {}) as Record<string, string>);

  it('a PDF, a picture or a Word file under a spreadsheet name', async () => {
    expect(await refusal(Buffer.from('%PDF-1.7\n...'), 'list.xls')).toEqual({ key: 'sheets.notASheet.pdf', params: { file: 'list.xls' } });
    expect(await refusal(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'list.xlsx')).toMatchObject({ key: 'sheets.notASheet.image' });
    // A zip without a workbook inside (a .docx is one).
    const zip = XLSX.write(XLSX.utils.book_new(XLSX.utils.aoa_to_sheet([['x']])), { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const docx = Buffer.from(zip.toString('latin1').replaceAll('xl/workbook.xml', 'xl/wordbook.xml'), 'latin1');
    expect(await refusal(docx, 'list.xlsx')).toMatchObject({ key: 'sheets.notASheet.zip' });
  });

  it('a workbook protected by a password: a really encrypted one, said in both languages', async () => {
    // customers.xlsx encrypted with the password 1234 as Office does (make-encrypted.mjs.txt), checked by msoffcrypto-tool.
    const m = await refusal('customers-password.xlsx', '客户.xlsx');
    expect(m).toEqual({ key: 'sheets.unreadable.encrypted', params: { file: '客户.xlsx', format: 'xlsx' } });
    expect(said(m)).toBe('文件 客户.xlsx 是Excel 工作簿（.xlsx），但设置了打开密码，无法读取。请在表格软件中打开它，取消密码后另存一份再导入。');
    expect(said(m, en)).toContain('is an Excel workbook (.xlsx) protected by a password');
    // The same file named .xls (a clerk renamed it) is still a password, not damage.
    expect(await refusal('customers-password.xlsx', '客户.xls')).toMatchObject({ key: 'sheets.unreadable.encrypted' });
  });

  it('a damaged .xls and .ods say which format they are', async () => {
    const xls = readFileSync(join(FIXTURES, 'customers.xls')).subarray(0, 1500);
    const m = await refusal(xls, 'broken.xls');
    expect(m).toEqual({ key: 'sheets.unreadable.damaged', params: { file: 'broken.xls', format: 'xls' } });
    expect(said(m)).toBe('文件 broken.xls 看起来是Excel 97-2003 工作簿（.xls），但内容已损坏或不完整，无法读取。请在表格软件中打开它并另存为新文件后再导入。');
    expect(said(m, en)).toContain('looks like an Excel 97-2003 workbook (.xls)');
    const ods = readFileSync(join(FIXTURES, 'customers.ods')).subarray(0, 3000);
    expect(said(await refusal(ods, 'broken.ods'))).toContain('OpenDocument 表格（.ods）');
  });

  it('a CSV or .xls over the row limit, counted without keeping the rows', async () => {
    const lines = ['客户名称,联系电话', ...Array.from({ length: 50_003 }, (_, i) => `客户${i},139${String(i).padStart(8, '0')}`)];
    expect(await refusal(iconv.encode(lines.join('\r\n'), 'gb18030'), 'big.csv')).toEqual({
      key: 'errors.importTooManyRows',
      params: { file: 'big.csv', sheet: 'big', rows: 50_003, limit: 50_000 },
    });
    const book = XLSX.utils.book_new(XLSX.utils.aoa_to_sheet(lines.map((l) => l.split(','))), 'Sheet1');
    const xls = XLSX.write(book, { type: 'buffer', bookType: 'biff8' }) as Buffer;
    expect(await refusal(xls, 'big.xls')).toMatchObject({ key: 'errors.importTooManyRows', params: { rows: 50_003 } });
  });

  it('a text file too big is refused before it is decoded', async () => {
    expect(await refusal(Buffer.alloc(31 * 1024 * 1024, 0x41), 'huge.csv')).toEqual({ key: 'errors.importFileTooBig', params: { file: 'huge.csv', size: 31, limit: 30 } });
  });

  it('an empty CSV has no data', async () => {
    expect(await refusal(Buffer.from('\r\n\r\n'), 'empty.csv')).toEqual({ key: 'errors.importEmpty', params: { file: 'empty.csv' } });
  });
});

describe('phones as the cell holds them', () => {
  it('restores only what one reading allows', () => {
    expect(readPhoneCell(13900001111)).toEqual({ kind: 'asIs', text: '13900001111' });
    expect(readPhoneCell(2158889999)).toEqual({ kind: 'restored', text: '02158889999', stored: '2158889999' });
    expect(readPhoneCell(57187654321)).toEqual({ kind: 'restored', text: '057187654321', stored: '57187654321' });
    expect(readPhoneCell(8613900139000)).toEqual({ kind: 'restored', text: '+8613900139000', stored: '8613900139000' });
    expect(readPhoneCell(4008001234)).toEqual({ kind: 'asIs', text: '4008001234' });
    expect(readPhoneCell(58889999).kind).toBe('notAPhone'); // no area code: which city?
    expect(readPhoneCell(139000011.5).kind).toBe('notAPhone');
    expect(readPhoneCell('2158889999')).toEqual({ kind: 'restored', text: '02158889999', stored: '2158889999' });
    expect(readPhoneCell('0571-87654321')).toEqual({ kind: 'asIs', text: '0571-87654321' });
  });

  it('splits several phones and addresses in one cell', () => {
    expect(splitPhones('13900001111, 0571-87654321')).toEqual(['13900001111', '0571-87654321']);
    expect(splitPhones('13900001111\n0571-87654321；13800002222')).toEqual(['13900001111', '0571-87654321', '13800002222']);
    expect(splitAddresses('杭州市西湖区文三路1号，3楼\n宁波市海曙区中山路3号')).toEqual(['杭州市西湖区文三路1号，3楼', '宁波市海曙区中山路3号']);
  });
});
