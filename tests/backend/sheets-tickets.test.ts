import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n';
import type { ImportOpened } from '../../shared/schemas/excel';
import type { TicketImportField } from '../../shared/schemas/ticket-import';
import type { TestBackend } from '../support/backend';
import { phoneTicket, seedModel } from '../support/sample';
import { closeDesks, desk, exported, filled, importAll } from '../support/sheets-desk';

/*
 * Issue 24, point 3 for tickets: the tickets list and a customer's history go out and come back
 * in. A desk with tickets in three states (closed after a visit with charges paid, new, answered
 * on an unregistered unit) exports; an empty desk with the same customers, units and technicians
 * imports; its own export must hold the same cells. The same file imported twice adds nothing,
 * and a sheet with any bad row writes nothing.
 */

afterEach(closeDesks);

const at = (text: string) => new Date(`${text}+08:00`).getTime();

async function technicians(b: TestBackend) {
  const li = await b.ok('technicians:create', { name: '李师傅', phone: '13700001111' });
  const wang = await b.ok('technicians:create', { name: '王师傅', phone: '13700002222' });
  return { li, wang };
}

/** Desk A: the filled desk, its technicians and three tickets. */
async function withTickets(): Promise<TestBackend> {
  const a = await filled();
  const { li, wang } = await technicians(a);
  const zhang = (await a.ok('customers:list', { query: '张三', limit: 10 })).items[0]!;
  const ji = (await a.ok('customers:list', { query: '吉𠮷', limit: 10 })).items[0]!;
  const gree = (await a.ok('units:listByCustomer', { customerId: zhang.id }))[0]!;
  const midea = (await a.ok('units:listByCustomer', { customerId: ji.id }))[0]!;

  const done = await a.ok('tickets:create', phoneTicket(zhang.id, { unitId: gree.id, unregisteredUnit: null, severity: 'major', faultCategory: 'noise', reportedAt: at('2026-11-20T09:15:30') }));
  await a.ok('tickets:transition', { id: done.id, to: 'answered', at: at('2026-11-20T09:20:00') });
  await a.ok('tickets:assign', { id: done.id, technicianIds: [li.id, wang.id], leadId: li.id });
  await a.ok('tickets:transition', { id: done.id, to: 'dispatched', at: at('2026-11-20T09:30:00') });
  await a.ok('tickets:transition', { id: done.id, to: 'onSite', at: at('2026-11-20T11:02:00') });
  await a.ok('tickets:recordWork', { id: done.id, diagnosis: '风扇轴承磨损', cause: '使用年久', action: '更换风扇电机', onSiteMinutes: 50 });
  await a.ok('tickets:setCharges', { id: done.id, labour: [{ feeId: null, name: '上门检测', amountFen: 12_050, quantity: 1 }], travelFen: 3000, discountFen: 0, discountReason: null, paidFen: 15_050, paymentMethod: 'cash', lifetimeMaintenance: false });
  await a.ok('tickets:transition', { id: done.id, to: 'resolved', at: at('2026-11-20T12:00:00') });
  await a.ok('tickets:transition', { id: done.id, to: 'closed', note: '客户电话确认', at: at('2026-11-21T10:00:00') });

  await a.ok('tickets:create', phoneTicket(ji.id, { unitId: midea.id, unregisteredUnit: null, reportedAt: at('2026-11-22T08:00:00') }));
  const loose = await a.ok('tickets:create', phoneTicket(zhang.id, { unregisteredUnit: { brand: '美的', model: 'KFR-26', serial: 'ZZ01' }, source: 'walkIn', reportedAt: at('2026-11-21T14:00:00') }));
  await a.ok('tickets:transition', { id: loose.id, to: 'answered', at: at('2026-11-21T14:05:00') });
  return a;
}

/** Desk B: empty, then the same customers and units by the customer import, and the same technicians. */
async function sameCustomers(a: TestBackend): Promise<TestBackend> {
  const customersFile = await exported(a, 'customers', 'customers.xlsx');
  const unitsFile = await exported(a, 'units', 'units.xlsx');
  const b = await desk();
  const policyId = (await seedModel(b)).policyId;
  await importAll(b, customersFile, policyId);
  await importAll(b, unitsFile, policyId);
  await technicians(b);
  return b;
}

async function openTickets(b: TestBackend, file: string, sheet?: string) {
  b.platform.openAnswer = file;
  const opened: ImportOpened = (await b.ok('import:open', {}))!;
  const s = sheet ? opened.sheets.find((x) => x.name === sheet)! : opened.sheets[0]!;
  expect(s.holdsTickets).toBe(true);
  return { token: opened.token, sheet: s.name, mapping: s.suggestedTickets };
}

/** Every cell of a sheet as ExcelJS reads it, row by row. */
async function cells(file: string, sheet: number | string = 0): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const ws = typeof sheet === 'number' ? workbook.worksheets[sheet]! : workbook.getWorksheet(sheet)!;
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

const allTickets = { tickets: { scope: 'all' } };

describe('tickets out and back in', () => {
  for (const language of ['zh-CN', 'en'] as const) {
    it(`the tickets list (${language}): exported, imported into an empty desk, exported again: the same cells`, async () => {
      const a = await withTickets();
      const b = await sameCustomers(a);
      for (const desk of [a, b]) await desk.ok('settings:update', { companyName: 'Anxin', hotline: '400-800-1234', language });
      const file = await exported(a, 'tickets', 'tickets.xlsx', allTickets);

      const input = await openTickets(b, file);
      // Every column the export writes is recognised by its header (24 of 25: the next deadline is worked out, not read).
      expect(Object.keys(input.mapping).sort()).toEqual(
        (['number', 'reportedAt', 'status', 'severity', 'customer', 'customerPhone', 'contactPhone', 'unit', 'serial', 'region', 'fault', 'technicians', 'inWarranty', 'source', 'faultCategory', 'diagnosis', 'cause', 'action', 'answeredAt', 'arrivedAt', 'resolvedAt', 'closedAt', 'total', 'paid'] satisfies TicketImportField[]).sort(),
      );
      const preview = await b.ok('import:ticketsPreview', input);
      expect(preview).toMatchObject({ total: 3, newCount: 3, onDeskCount: 0, errorCount: 0 });
      // The unregistered unit is kept as the sheet names it, and said so on its row.
      const loose = preview.rows.find((r) => r.unitLabel.includes('ZZ01'))!;
      expect(loose.warnings.map((w) => w.message.key)).toEqual(['sheets.ticketImport.warnings.unregistered']);
      expect(await b.ok('import:ticketsCommit', input)).toEqual({ created: 3, onDesk: 0 });

      const again = await exported(b, 'tickets', 'tickets-again.xlsx', allTickets);
      const [before, after] = [await cells(file), await cells(again)];
      expect(before).toHaveLength(4);
      // The closed ticket's cells as the desk had them: both technicians, the charges in yuan, every moment.
      const closed = before.find((r) => r.includes(150.5))!;
      expect(closed.filter((v) => v instanceof Date)).toHaveLength(5);
      expect(closed).toEqual(expect.arrayContaining(['李师傅、王师傅', '风扇轴承磨损', '使用年久', '更换风扇电机', '00123', '13900001111']));
      expect(after).toEqual(before);

      // The same file once more: every ticket is recognised by its number, nothing is added or changed.
      const twice = await openTickets(b, file);
      expect(await b.ok('import:ticketsPreview', twice)).toMatchObject({ total: 3, newCount: 0, onDeskCount: 3, errorCount: 0 });
      expect(await b.ok('import:ticketsCommit', twice)).toEqual({ created: 0, onDesk: 3 });
      expect((await b.ok('tickets:list', { scope: 'all' })).total).toBe(3);
      expect(await cells(await exported(b, 'tickets', 'tickets-third.xlsx', allTickets))).toEqual(before);
    });
  }

  it("a customer's history: its tickets sheet comes back in, and the desk's next ticket number follows the imported ones", async () => {
    const a = await withTickets();
    const zhang = (await a.ok('customers:list', { query: '张三', limit: 10 })).items[0]!;
    a.platform.saveAnswer = join(a.dir, 'history.xlsx');
    await a.ok('export:customerHistory', { customerId: zhang.id });
    const history = a.platform.saveAnswer;

    const b = await sameCustomers(a);
    const input = await openTickets(b, history, '工单');
    expect(await b.ok('import:ticketsPreview', input)).toMatchObject({ total: 2, newCount: 2, errorCount: 0 });
    expect(await b.ok('import:ticketsCommit', input)).toEqual({ created: 2, onDesk: 0 });
    const zhangB = (await b.ok('customers:list', { query: '张三', limit: 10 })).items[0]!;
    b.platform.saveAnswer = join(b.dir, 'history-again.xlsx');
    await b.ok('export:customerHistory', { customerId: zhangB.id });
    expect(await cells(b.platform.saveAnswer, '工单')).toEqual(await cells(history, '工单'));
    // The charges come back as their total: one line, the amount due and paid as the sheet has them.
    const closed = (await b.ok('tickets:list', { scope: 'all', statuses: ['closed'] })).rows[0]!;
    const detail = await b.ok('tickets:get', { id: closed.id });
    expect([detail.charges.totalFen, detail.paidFen, detail.status, detail.technicians.map((x) => x.name)]).toEqual([15_050, 15_050, 'closed', ['李师傅', '王师傅']]);
    // Its history: reported then, entered at the import, and the move to where it stood when it was closed.
    expect(detail.events.map((e) => [e.kind, e.from, e.to, e.at, e.enteredAt])).toEqual([
      ['created', null, 'new', at('2026-11-20T09:15:30'), at('2026-11-22T10:00:00')],
      ['status', 'new', 'closed', at('2026-11-21T10:00:00'), at('2026-11-22T10:00:00')],
    ]);

    const highest = Math.max(...(await b.ok('tickets:list', { scope: 'all' })).rows.map((r) => Number(r.number.slice(-6))));
    const next = await b.ok('tickets:create', phoneTicket(zhangB.id));
    expect(Number(next.number.slice(-6))).toBe(highest + 1);
  });
});

describe('a tickets sheet with a bad row writes nothing', () => {
  it('every row checked before the first write; each refusal named in both languages', async () => {
    const a = await withTickets();
    const file = await exported(a, 'tickets', 'tickets.xlsx', allTickets);
    const b = await sameCustomers(a);

    // Spoil the sheet as a clerk might: each row a different mistake, one row left good.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const ws = workbook.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const col = (name: string) => header.indexOf(name) + 1;
    const good = (ws.getRow(2).values as unknown[]).slice(1);
    const add = (changes: Record<string, unknown>) => {
      const row = ws.addRow(good);
      for (const [name, value] of Object.entries(changes)) row.getCell(col(name)).value = value as ExcelJS.CellValue;
    };
    add({ 工单号: 'GD-2026-900001', 客户电话: '13999999999' }); // nobody on file has the phone
    add({ 工单号: 'GD-2026-900002', 状态: '修好了' }); // not a status
    add({ 工单号: 'GD-2026-900003', 报修时间: new Date('2027-01-01T00:00:00Z') }); // not yet
    add({ 工单号: 'GD-2026-900004', 维修人员: '赵师傅' }); // no such technician
    add({ 工单号: 'GD-2026-900005', 保修内: '是', 应收金额: 80 }); // free in warranty, yet charged
    add({ 工单号: 'GD-2026-900005' }); // the number twice
    add({ 工单号: 'GD-2026-900006', 客户: '李四' }); // the phone is someone else's
    add({ 工单号: 'GD-2026-900007', 应收金额: '一百' }); // not an amount
    const spoiled = join(b.dir, 'spoiled.xlsx');
    await workbook.xlsx.writeFile(spoiled);

    const input = await openTickets(b, spoiled);
    const preview = await b.ok('import:ticketsPreview', input);
    expect(preview).toMatchObject({ total: 11, newCount: 3, errorCount: 8 });
    const keys = preview.rows.filter((r) => r.outcome === 'refused').map((r) => r.problems.map((p) => p.message.key.replace('sheets.ticketImport.errors.', '')));
    expect(keys).toEqual([['noCustomer'], ['badChoice'], ['inFuture'], ['unknownTechnician'], ['chargedInWarranty'], ['numberTwice'], ['otherName'], ['badMoney']]);
    // Each names the sheet's own header, and reads in both languages.
    const refused = preview.rows.filter((r) => r.outcome === 'refused');
    expect(refused[1]!.problems[0]!.column).toBe('状态');
    for (const lang of ['zh-CN', 'en'] as const) {
      const t = translator(lang);
      for (const r of refused) for (const p of r.problems) expect(t(p.message.key, p.message.params ?? {})).not.toContain('sheets.');
    }
    expect(translator('zh-CN')(refused[1]!.problems[0]!.message.key, refused[1]!.problems[0]!.message.params ?? {})).toContain('修好了');

    const error = await b.fails('import:ticketsCommit', input);
    expect(error.details.message).toMatchObject({ key: 'sheets.ticketImport.errors.refused', params: { count: 8 } });
    expect((await b.ok('tickets:list', { scope: 'all' })).total).toBe(0);
  });

  it('refuses a mapping without the columns a ticket needs, and an expired file', async () => {
    const a = await withTickets();
    const file = await exported(a, 'tickets', 'tickets.xlsx', allTickets);
    const b = await sameCustomers(a);
    const input = await openTickets(b, file);
    const { customerPhone: _phone, ...mapping } = input.mapping;
    expect((await b.fails('import:ticketsPreview', { ...input, mapping })).details.message).toMatchObject({ key: 'errors.importFieldUnmapped', params: { field: '客户电话' } });
    expect((await b.fails('import:ticketsPreview', { ...input, token: '00000000-0000-0000-0000-000000000000' })).code).toBe('NOT_FOUND');
  });
});
