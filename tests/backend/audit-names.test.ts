import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditChange } from '../../shared/schemas/security';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person, phoneTicket, seedModel } from '../support/sample';

/*
 * The audit log names the business record each change touched, in the desk's words, from what
 * the log recorded at the time: a ticket by its number and customer, a customer by name, a unit
 * by model and serial; a record deleted or renamed since keeps the name it had.
 */

let backend: TestBackend;
let clock: Date;

beforeEach(async () => {
  clock = new Date(2026, 10, 20, 9, 0);
  backend = await openTestBackend(undefined, () => clock);
  await backend.ok('session:begin', { operator: '王芳' });
});
afterEach(async () => {
  await backend.close();
});

const subjects = (items: AuditChange[]) => items.map((c) => [c.channel, c.subject?.table, c.subject?.label]);

describe('each change names its record', () => {
  it('names a ticket by its number and customer, in the list, the detail and the references it holds', async () => {
    const model = await seedModel(backend);
    const customer = await backend.ok('customers:create', person({ name: '王小明' }));
    const unit = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'GL2026A0001', purchaseDate: '2026-03-01' });
    const ticket = await backend.ok('tickets:create', { customerId: customer.id, unitId: unit.id, faultReported: '不制冷', faultCategory: 'notCooling' });
    // A transition logs only the status and times: the name still comes with it.
    await backend.ok('tickets:transition', { id: ticket.id, to: 'answered' });

    const page = await backend.ok('audit:list', {});
    const name = `${ticket.number} · 王小明`;
    expect(subjects(page.items.slice(0, 3))).toEqual([
      ['tickets:transition', 'tickets', name],
      ['tickets:create', 'tickets', name],
      ['units:create', 'units', '格力 KFR-35GW · GL2026A0001'],
    ]);

    const created = await backend.ok('audit:get', { id: page.items[1]!.id });
    expect(created.rows.map((r) => [r.table, r.label])).toEqual([
      ['tickets', name],
      ['ticket_events', name],
      // A repair reported by phone logs its call (issue 20).
      ['calls', '2026-11-20 · 王小明 · 13812345678'],
    ]);
    const row = created.rows[0]!;
    expect(row.refs).toMatchObject({ customer_id: 'customers', unit_id: 'units', service_level_id: 'service_levels' });
    expect(created.names).toEqual({
      [`customers:${customer.id}`]: '王小明',
      [`units:${unit.id}`]: '格力 KFR-35GW · GL2026A0001',
      [`service_levels:${row.after!.service_level_id as number}`]: '标准服务',
      // The event's ticket.
      [`tickets:${ticket.id}`]: name,
    });

    // Free text finds every change of the ticket by its customer's name, and by its number.
    const byName = await backend.ok('audit:list', { text: '王小明' });
    expect(byName.items.map((c) => c.channel)).toEqual(['tickets:transition', 'tickets:create', 'customers:create']);
    expect((await backend.ok('audit:list', { text: ticket.number })).items.map((c) => c.channel)).toEqual(['tickets:transition', 'tickets:create']);
  });

  it('names a customer as it was called at each change, the old name kept after a rename', async () => {
    const customer = await backend.ok('customers:create', person({ name: '杭州西湖宾馆' }));
    clock = new Date(2026, 10, 20, 9, 5);
    await backend.ok('customers:update', { ...person({ name: '西湖国宾馆' }), id: customer.id });
    const page = await backend.ok('audit:list', { table: 'customers', rowId: String(customer.id) });
    expect(subjects(page.items)).toEqual([
      ['customers:update', 'customers', '西湖国宾馆'],
      ['customers:create', 'customers', '杭州西湖宾馆'],
    ]);
    // The record's own history is headed by its name today.
    expect(page.record).toEqual({ table: 'customers', label: '西湖国宾馆' });
    const created = await backend.ok('audit:get', { id: page.items[1]!.id });
    expect(created.rows.map((r) => [r.table, r.label])).toEqual([
      ['customers', '杭州西湖宾馆'],
      ['customer_phones', '杭州西湖宾馆'],
      ['customer_addresses', '杭州西湖宾馆'],
    ]);
    expect(created.names).toEqual({ [`customers:${customer.id}`]: '杭州西湖宾馆' });
  });

  it('names a unit by model and serial, also when only its status changed', async () => {
    const model = await seedModel(backend, '海信', 'HX-120');
    const customer = await backend.ok('customers:create', person());
    const unit = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'HX2026B0002' });
    await backend.ok('units:setStatus', { id: unit.id, status: 'atWorkshop', note: '返厂检测' });
    const page = await backend.ok('audit:list', {});
    expect(subjects(page.items.slice(0, 2))).toEqual([
      ['units:setStatus', 'units', '海信 HX-120 · HX2026B0002'],
      ['units:create', 'units', '海信 HX-120 · HX2026B0002'],
    ]);
    const detail = await backend.ok('audit:get', { id: page.items[0]!.id });
    expect(detail.rows.find((r) => r.table === 'unit_status_history')?.label).toBe('海信 HX-120 · HX2026B0002');
    // The model is named by brand and model, the policy by its name.
    const made = await backend.ok('audit:get', { id: page.items[1]!.id });
    const unitRow = made.rows.find((r) => r.table === 'units')!;
    expect(made.names[`product_models:${model.id}`]).toBe('海信 HX-120');
    expect(made.names[`warranty_policy_versions:${unitRow.after!.policy_version_id as number}`]).toBe('家用空调标准保修');
  });

  it('names a deleted record by what the log kept, in its own history and in the changes before', async () => {
    const gone = await backend.ok('customers:create', person({ name: '赵六', phones: [{ phone: '13600001111' }] }));
    const ticket = await backend.ok('tickets:create', phoneTicket(gone.id));
    await backend.ok('tickets:transition', { id: ticket.id, to: 'cancelled', note: '客户自行修好' });
    // A customer with history cannot be deleted; one without can, and then is gone from the data.
    const other = await backend.ok('customers:create', person({ name: '钱七', phones: [{ phone: '13500001111' }] }));
    await backend.ok('customers:delete', { id: other.id });
    expect(backend.store.sqlite.prepare('select count(*) as n from customers where id = ?').get(other.id)).toEqual({ n: 0 });

    const record = await backend.ok('audit:list', { table: 'customers', rowId: String(other.id) });
    expect(record.record).toEqual({ table: 'customers', label: '钱七' });
    expect(subjects(record.items)).toEqual([
      ['customers:delete', 'customers', '钱七'],
      ['customers:create', 'customers', '钱七'],
    ]);
    const deleted = await backend.ok('audit:get', { id: record.items[0]!.id });
    expect(deleted.rows.map((r) => [r.table, r.op, r.label])).toEqual(
      expect.arrayContaining([
        ['customer_phones', 'delete', '钱七'],
        ['customers', 'delete', '钱七'],
      ]),
    );
    expect(deleted.names).toEqual({ [`customers:${other.id}`]: '钱七' });
    // A record the log never saw and the data no longer has is not named by a number.
    expect((await backend.ok('audit:list', { table: 'customers', rowId: '9999' })).record).toEqual({ table: 'customers', label: null });
    // Nor is a table typed by hand, whatever it is called.
    expect((await backend.ok('audit:list', { table: 'constructor', rowId: '1' })).record).toEqual({ table: 'constructor', label: null });
  });

  it('names settings and the PIN by their key, for the screen to put in words', async () => {
    await backend.ok('settings:update', { language: 'en' });
    await backend.ok('session:setPin', { next: '2468' });
    const page = await backend.ok('audit:list', {});
    expect(subjects(page.items.slice(0, 2))).toEqual([
      ['session:setPin', 'security', 'adminPin'],
      ['settings:update', 'settings', 'language'],
    ]);
  });
});

describe('a restore and the names', () => {
  it('keeps the names of the changes it undid, though their records are gone from the data', async () => {
    const backup = await backend.ok('backups:create', {});
    const later = await backend.ok('customers:create', person({ name: '备份后的客户', phones: [{ phone: '13900009999' }] }));
    await backend.ok('backups:restore', { file: backup.file });
    const [created] = (await backend.ok('audit:list', { channel: 'customers:create' })).items;
    expect(created!.undoneBy).not.toBeNull();
    expect(created!.subject).toEqual({ table: 'customers', label: '备份后的客户' });
    // Carried over with the rows, not worked out again: the restored data never had this customer.
    const kept = backend.store.sqlite.prepare('select table_name, label from audit_rows where change_id = ? order by id').all(created!.id);
    expect(kept).toEqual([
      { table_name: 'customers', label: '备份后的客户' },
      { table_name: 'customer_phones', label: '备份后的客户' },
      { table_name: 'customer_addresses', label: '备份后的客户' },
    ]);
    expect((await backend.ok('audit:list', { table: 'customers', rowId: String(later.id) })).record?.label).toBe('备份后的客户');
    const [restore] = (await backend.ok('audit:list', { channel: 'backups:restore' })).items;
    expect(restore!.subject).toEqual({ table: 'database', label: 'desk' });
  });
});

describe('free text, counted and paged in one walk', () => {
  it('pages the changes found newest first, with the count over all pages', async () => {
    for (let i = 0; i < 23; i++) {
      clock = new Date(2026, 10, 20, 10, i);
      await backend.ok('customers:create', person({ name: `同名客户${i}`, phones: [{ phone: `1380000${String(i).padStart(4, '0')}` }] }));
    }
    const pages = await Promise.all([1, 2, 3].map((page) => backend.ok('audit:list', { text: '同名客户', pageSize: 10, page })));
    expect(pages.map((p) => [p.total, p.more, p.items.length])).toEqual([
      [23, false, 10],
      [23, false, 10],
      [23, false, 3],
    ]);
    const names = pages.flatMap((p) => p.items.map((c) => c.subject?.label));
    expect(names).toEqual(Array.from({ length: 23 }, (_, i) => `同名客户${22 - i}`));
    expect((await backend.ok('audit:list', { text: '同名客户', pageSize: 10, page: 4 })).items).toEqual([]);
  });
});
