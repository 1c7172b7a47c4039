import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Customer } from '../../shared/schemas/customer';
import type { TestBackend } from '../support/backend';
import { phoneTicket, seedModel } from '../support/sample';
import { closeDesks, desk, exported, filled, importAll } from '../support/sheets-desk';

/*
 * Issue 24, points 3, 4 and 6: what goes out comes back in. A desk with customers that have
 * several phones, addresses and contacts, and units with every date, exports its lists; an
 * empty desk imports them; everything the import takes is compared. The cells themselves are
 * checked as a spreadsheet program sees them: dates as dates, money as yuan, phones as text.
 */

afterEach(closeDesks);

const customerFacts = (c: Customer) => ({
  name: c.name,
  kind: c.kind,
  region: c.region,
  phones: c.phones.map((p) => p.phone),
  addresses: c.addresses.map((x) => ({ address: x.address, isDefault: x.isDefault })),
  contacts: c.contacts.map((x) => ({ name: x.name, role: x.role, phone: x.phone })),
  tags: c.tags,
  note: c.note,
});
async function customersOf(b: TestBackend) {
  const page = await b.ok('customers:list', { query: '', limit: 100 });
  const all = await Promise.all(page.items.map((c) => b.ok('customers:get', { id: c.id })));
  return all.map(customerFacts).sort((x, y) => x.name.localeCompare(y.name));
}
async function unitsOf(b: TestBackend) {
  const customers = (await b.ok('customers:list', { query: '', limit: 100 })).items;
  const units = (await Promise.all(customers.map((c) => b.ok('units:listByCustomer', { customerId: c.id })))).flat();
  return units
    .map((u) => ({
      customer: u.customerName,
      brand: u.brand,
      model: u.model,
      category: u.category,
      serial: u.serial,
      purchaseDate: u.purchaseDate,
      installDate: u.installDate,
      acceptanceDate: u.acceptanceDate,
      productionDate: u.productionDate,
      invoiceNumber: u.invoiceNumber,
      siteAddress: u.siteAddress,
      locationNote: u.locationNote,
    }))
    .sort((x, y) => x.serial.localeCompare(y.serial));
}

describe('export, then import into an empty desk: nothing lost', () => {
  it('customers with several phones, addresses and contacts; units with every date and leading zeros', async () => {
    const a = await filled();
    const customersFile = await exported(a, 'customers', 'customers.xlsx');
    const unitsFile = await exported(a, 'units', 'units.xlsx');

    const b = await desk();
    const policyId = (await seedModel(b)).policyId;
    expect(await importAll(b, customersFile, policyId)).toMatchObject({ customersCreated: 2, unitsCreated: 0 });
    expect(await customersOf(b)).toEqual(await customersOf(a));
    // The units list names each owner by name and phone: they join the customers just imported.
    expect(await importAll(b, unitsFile, policyId)).toMatchObject({ customersCreated: 0, customersReused: 2, unitsCreated: 2 });
    expect(await unitsOf(b)).toEqual(await unitsOf(a));
    expect(await customersOf(b)).toEqual(await customersOf(a));
  });

  it('in English too: the labels the export writes are read back', async () => {
    const a = await filled();
    await a.ok('settings:update', { companyName: 'Anxin Service', hotline: '400-800-1234', language: 'en' });
    const file = await exported(a, 'customers', 'customers-en.xlsx');
    const b = await desk();
    await importAll(b, file, (await seedModel(b)).policyId);
    expect(await customersOf(b)).toEqual(await customersOf(a));
  });
});

describe('real cells, as a spreadsheet program sees them', () => {
  it('dates as date cells, phones and serials as text, frozen header, filters, widths for Chinese', async () => {
    const a = await filled();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await exported(a, 'units', 'units.xlsx'));
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const col = (name: string) => header.indexOf(name) + 1;
    const row = sheet.getRow(2);
    expect(row.getCell(col('购买日期')).value).toEqual(new Date('2025-03-01T00:00:00Z'));
    expect(row.getCell(col('购买日期')).numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(col('序列号')).value).toBe('00123');
    expect(row.getCell(col('序列号')).numFmt).toBe('@');
    expect(row.getCell(col('发票号')).value).toBe('000456');
    expect(row.getCell(col('客户电话')).value).toBe('13900001111, 0571-87654321');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // The filter spans the header row over every column (16 here: A to P).
    expect(header).toHaveLength(16);
    expect(sheet.autoFilter).toBe('A1:P1');
    // 杭州市西湖区文三路1号 is 10 Chinese characters and a digit: 21 narrow widths, and a margin.
    expect(sheet.getColumn(col('安装地址')).width).toBe(23);
  });

  it('the tickets list as filtered on screen, and a customer history with money as yuan', async () => {
    const a = await filled();
    const zhang = (await a.ok('customers:list', { query: '张三', limit: 10 })).items[0]!;
    const ji = (await a.ok('customers:list', { query: '吉𠮷', limit: 10 })).items[0]!;
    const ticket = await a.ok('tickets:create', phoneTicket(zhang.id, { severity: 'major' }));
    await a.ok('tickets:create', phoneTicket(ji.id));
    await a.ok('tickets:setCharges', { id: ticket.id, labour: [{ feeId: null, name: '上门检测', amountFen: 12_050, quantity: 1 }], travelFen: 3000, discountFen: 0, discountReason: null, paidFen: 0, paymentMethod: null, lifetimeMaintenance: false });

    let workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await exported(a, 'tickets', 'tickets.xlsx', { tickets: { scope: 'all', customerId: zhang.id } }));
    let sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('工单');
    expect(sheet.rowCount).toBe(2); // the header and 张三's one ticket: the filter went out with it
    expect(sheet.getRow(2).getCell(1).value).toBe(ticket.number);
    expect(sheet.getRow(2).getCell(2).value).toBeInstanceOf(Date);
    expect(sheet.getRow(2).getCell(4).value).toBe('重大故障');

    a.platform.saveAnswer = join(a.dir, 'history.xlsx');
    expect(await a.ok('export:customerHistory', { customerId: zhang.id })).toEqual({ savedTo: a.platform.saveAnswer, rows: 1 });
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(a.platform.saveAnswer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['客户', '设备', '工单', '配件', '费用', '回访']);
    sheet = workbook.getWorksheet('费用')!;
    const charges = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(charges.slice(0, 6)).toEqual([ticket.number, 0, 120.5, 30, 0, 150.5]);
    expect(sheet.getRow(2).getCell(6).numFmt).toContain('0.00');
    expect(workbook.getWorksheet('设备')!.getRow(2).getCell(4).value).toBe('00123');
    expect((await a.fails('export:customerHistory', { customerId: 999 })).code).toBe('NOT_FOUND');
  });
});

describe('the import template', () => {
  for (const language of ['zh-CN', 'en'] as const) {
    it(`in ${language}: every column the import reads, recognised without matching, its example row imported`, async () => {
      const b = await desk();
      const policyId = (await seedModel(b)).policyId;
      b.platform.saveAnswer = join(b.dir, `template-${language}.xlsx`);
      expect(await b.ok('import:template', { language })).toEqual({ savedTo: b.platform.saveAnswer });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(b.platform.saveAnswer);
      const [sheet, notes] = workbook.worksheets;
      expect(workbook.worksheets).toHaveLength(2);
      expect(sheet!.getCell('B2').dataValidation).toMatchObject({ type: 'list' });
      expect(sheet!.getCell('C500').dataValidation).toMatchObject({ type: 'list' });
      expect(sheet!.getCell('N2').dataValidation).toMatchObject({ type: 'date' });
      expect(sheet!.getCell('N2').value).toEqual(new Date('2025-03-01T00:00:00Z'));
      expect(sheet!.getCell('R2').value).toBe('00012345');
      expect(String(sheet!.getCell('A1').note ?? '')).not.toBe('');
      expect(notes!.rowCount).toBe(22); // header, 20 columns, the general advice

      b.platform.openAnswer = b.platform.saveAnswer;
      const opened = (await b.ok('import:open', {}))!;
      const suggested = opened.sheets[0]!.suggested;
      expect(Object.keys(suggested)).toHaveLength(20);
      expect(Object.values(suggested).sort((x, y) => x! - y!)).toEqual(Array.from({ length: 20 }, (_, i) => i));
      const input = { token: opened.token, sheet: opened.sheets[0]!.name, mapping: suggested, categoryPolicies: [{ category: language === 'en' ? 'Air conditioner' : '空调', policyId }] };
      expect(await b.ok('import:preview', input)).toMatchObject({ total: 1, okCount: 1, errorCount: 0, newUnits: 1 });
      await b.ok('import:commit', input);
      const [customer] = (await b.ok('customers:list', { query: '', limit: 10 })).items;
      expect((await b.ok('customers:get', { id: customer!.id })).contacts[0]).toMatchObject({ role: language === 'en' ? 'purchasing' : '采购', phone: '13800002222' });
    });
  }
});
