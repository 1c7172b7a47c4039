import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVERYDAY_EXPORT_ROWS } from '../../electron/backend/domains/excel/export';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person, phoneTicket, seedModel } from '../support/sample';

/* "Hold the line": the admin PIN cannot be walked around (issue 11, points 10 and 11). */

const PIN = '2580';
let backend: TestBackend;

beforeEach(async () => {
  backend = await openTestBackend(undefined, () => new Date('2026-11-22T09:30:00+08:00'));
  await backend.ok('settings:update', { companyName: '安信机电', hotline: '4008001234' });
});
afterEach(async () => {
  await backend.close();
});

async function lockWithPin() {
  await backend.ok('session:setPin', { next: PIN });
  await backend.ok('session:lock', {});
}

async function rowsOf(file: string): Promise<number> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book.worksheets[0]!.rowCount - 1;
}

describe('exports (point 10)', () => {
  it('asks for the PIN when a filter matches the whole list ("1" matches every phone)', async () => {
    const db = backend.store.sqlite;
    const insert = db.prepare('insert into customers (kind, name, region, created_at, updated_at) values (?, ?, ?, ?, ?)');
    const phone = db.prepare('insert into customer_phones (customer_id, phone, position) values (?, ?, 0)');
    db.transaction(() => {
      for (let i = 0; i < EVERYDAY_EXPORT_ROWS + 10; i++) {
        const id = Number(insert.run('person', `客户${i}`, 'urban', 1, 1).lastInsertRowid);
        phone.run(id, `1380000${String(i).padStart(4, '0')}`);
      }
    })();
    const { rebuildIndex } = await import('../../electron/backend/domains/search/search-index');
    await rebuildIndex(backend.store.db);
    await lockWithPin();
    backend.platform.saveAnswer = join(backend.dir, 'all.xlsx');
    expect((await backend.fails('export:list', { list: 'customers', query: '1' })).code).toBe('PIN_REQUIRED');
    // A handful is everyday work.
    backend.platform.saveAnswer = join(backend.dir, 'few.xlsx');
    const few = await backend.ok('export:list', { list: 'customers', query: '客户12' });
    expect(few.rows).toBeGreaterThan(0);
    expect(few.rows).toBeLessThanOrEqual(EVERYDAY_EXPORT_ROWS);
    await backend.ok('session:unlock', { pin: PIN });
    backend.platform.saveAnswer = join(backend.dir, 'all.xlsx');
    expect((await backend.ok('export:list', { list: 'customers', query: '1' })).rows).toBe(EVERYDAY_EXPORT_ROWS + 10);
  });

  it('exports the documents the archive screen shows for its filter, not every document', async () => {
    const customer = await backend.ok('customers:create', person({ name: '张三丰' }));
    const model = await seedModel(backend);
    const unit = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'GL2026A0001', purchaseDate: '2026-03-01' });
    const first = await backend.ok('documents:warrantyCard', { unitId: unit.id, paper: 'A4', language: 'zh-CN' });
    await backend.ok('documents:warrantyCard', { unitId: unit.id, paper: 'A5', language: 'zh-CN' });
    backend.platform.saveAnswer = join(backend.dir, 'docs.xlsx');
    const out = await backend.ok('export:list', { list: 'documents', query: first.number });
    expect(out.rows).toBe(1);
    expect(await rowsOf(join(backend.dir, 'docs.xlsx'))).toBe(1);
  });
});

describe('money and warranty behind the PIN however they are reached (point 11)', () => {
  it('refuses to give a part’s number to another part without the PIN', async () => {
    const part = await backend.ok('parts:create', { partNumber: 'PCB-35', name: '主控板', priceFen: 98_000, costFen: 60_000, quantity: 1, reorderLevel: 0 });
    await lockWithPin();
    const renamed = await backend.fails('parts:update', { id: part.id, partNumber: 'PCB-35-OLD', name: part.name, priceFen: part.priceFen, costFen: part.costFen, reorderLevel: 0 });
    expect(renamed.code).toBe('PIN_REQUIRED');
    // Everyday details still change without it.
    await backend.ok('parts:update', { id: part.id, partNumber: 'PCB-35', name: '室外机主控板', priceFen: part.priceFen, costFen: part.costFen, reorderLevel: 1 });
  });

  it('charges labour and travel at the tables’ amounts unless the PIN says otherwise', async () => {
    const customer = await backend.ok('customers:create', person());
    const ticket = await backend.ok('tickets:create', phoneTicket(customer.id));
    const [fee] = await backend.ok('fees:list', {});
    await lockWithPin();
    const base = { id: ticket.id, travelFen: ticket.charges.travelFen, discountFen: 0, discountReason: null, paidFen: 0, paymentMethod: null, lifetimeMaintenance: false };
    await backend.ok('tickets:setCharges', { ...base, labour: [{ feeId: fee!.id, name: fee!.name, amountFen: fee!.amountFen, quantity: 1 }] });
    expect((await backend.fails('tickets:setCharges', { ...base, labour: [{ feeId: fee!.id, name: fee!.name, amountFen: 1, quantity: 1 }] })).code).toBe('PIN_REQUIRED');
    expect((await backend.fails('tickets:setCharges', { ...base, labour: [{ feeId: null, name: '特殊处理', amountFen: 99_900, quantity: 1 }] })).code).toBe('PIN_REQUIRED');
    expect((await backend.fails('tickets:setCharges', { ...base, travelFen: 1, labour: [] })).code).toBe('PIN_REQUIRED');
    // Saving again what was saved needs nothing more.
    await backend.ok('tickets:setCharges', { ...base, labour: [{ feeId: fee!.id, name: fee!.name, amountFen: fee!.amountFen, quantity: 2 }] });
  });

  it('keeps a sold unit under its policy: moving it to another model, or a model to another policy, needs the PIN', async () => {
    const customer = await backend.ok('customers:create', person());
    const model = await seedModel(backend);
    const unit = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'GL2026A0001', purchaseDate: '2026-03-01' });
    const long = await backend.ok('policies:create', { name: '二十年', basis: 'purchase', components: [{ key: 'whole', name: '整机', months: 240 }] });
    await lockWithPin();
    const other = await backend.ok('models:create', { brand: '格力', model: 'KFR-35GW-X', category: '空调', policyId: long.id });
    const moved = await backend.fails('units:update', { id: unit.id, customerId: customer.id, modelId: other.id, serial: unit.serial, purchaseDate: unit.purchaseDate });
    expect(moved.code).toBe('PIN_REQUIRED');
    const repoliced = await backend.fails('models:update', { id: model.id, brand: model.brand, model: model.model, category: model.category, policyId: long.id });
    expect(repoliced.code).toBe('PIN_REQUIRED');
    expect((await backend.ok('units:get', { id: unit.id })).warranty.components[0]!.months).toBe(12);
  });
});
