import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person } from '../support/sample';

// A Thursday mid-morning: the sample's "today", "yesterday" and "a week ago" are fixed.
let clock = new Date(2026, 11, 3, 10, 30);
let backend: TestBackend;
beforeEach(async () => {
  clock = new Date(2026, 11, 3, 10, 30);
  backend = await openTestBackend(undefined, () => clock);
});
afterEach(async () => {
  await backend.close();
});

const tableCounts = (b: TestBackend) => {
  const tables = (b.store.sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'audit_%' and name not like 'search_%' order by name").all() as { name: string }[]).map((r) => r.name);
  return Object.fromEntries(tables.map((t) => [t, (b.store.sqlite.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n]));
};

describe('sample data', () => {
  it('loads a desk to practise on: customers, units, technicians, parts, and tickets at every stage', async () => {
    expect(await backend.ok('sample:status', {})).toEqual({ loaded: false, counts: { customers: 0, units: 0, tickets: 0 } });
    const status = await backend.ok('sample:load', { language: 'zh-CN' });
    expect(status).toEqual({ loaded: true, counts: { customers: 5, units: 8, tickets: 5 } });

    const customers = await backend.ok('customers:list', { query: '' });
    expect(customers.items.map((c) => c.name).sort()).toEqual(['宁波启明科技有限公司', '张三丰', '李秀英', '杭州市西湖中学', '杭州西子湖畔国际酒店管理有限公司'].sort());
    // Two customers share the home landline, as a family does.
    const shared = await backend.ok('search:query', { query: '88123456' });
    expect(shared.flatMap((h) => (h.kind === 'customer' ? [h.name] : [])).sort()).toEqual(['张三丰', '李秀英']);

    const tickets = await backend.ok('tickets:list', { scope: 'all', limit: 50 });
    expect(tickets.rows.map((t) => t.status).sort()).toEqual(['closed', 'dispatched', 'new', 'resolved', 'scheduled']);
    // Numbered in the order they came in, oldest first.
    const byNumber = [...tickets.rows].sort((a, b) => a.number.localeCompare(b.number));
    expect(byNumber.map((t) => t.status)).toEqual(['closed', 'resolved', 'dispatched', 'scheduled', 'new']);
    expect(byNumber[0]!.reportedAt).toBe(new Date(2026, 10, 25, 9, 30).getTime());

    const paid = await backend.ok('tickets:get', { id: byNumber[1]!.id });
    expect(paid.parts).toHaveLength(1);
    expect(paid.charges.totalFen).toBe(13000);
    expect(paid.paidFen).toBe(13000);
    // Fixed three days ago: its callback is due today.
    const due = await backend.ok('callbacks:due', {});
    expect(due.map((c) => c.ticketNumber)).toContain(paid.number);

    const technicians = await backend.ok('technicians:list', {});
    expect(technicians.map((t) => t.name).sort()).toEqual(['李明', '王建国', '陈志强'].sort());
    const parts = await backend.ok('parts:list', { lowStockOnly: true });
    expect(parts.map((p) => p.name)).toEqual(['投影机灯泡']);
    const complaints = await backend.ok('complaints:list', {});
    expect(complaints).toHaveLength(1);
    expect((await backend.ok('policies:list', {})).length).toBe(6);
    expect((await backend.ok('settings:get', {})).setupDone).toBe(true);
  });

  it('loads in the language asked for', async () => {
    await backend.ok('sample:load', { language: 'en' });
    const customers = await backend.ok('customers:list', { query: 'Zhang' });
    expect(customers.items.map((c) => c.name)).toEqual(['Zhang Sanfeng']);
    expect((await backend.ok('technicians:list', {})).map((t) => t.name)).toContain('Wang Jianguo');
    // Taken away again from a desk with nothing else: the first start does not come back.
    await backend.ok('sample:remove', {});
    expect(tableCounts(backend).customers).toBe(0);
    expect((await backend.ok('settings:get', {})).setupDone).toBe(true);
  });

  it('is loaded once: a second load is refused and changes nothing', async () => {
    await backend.ok('sample:load', { language: 'zh-CN' });
    const before = tableCounts(backend);
    const error = await backend.fails('sample:load', { language: 'zh-CN' });
    expect(error.code).toBe('CONFLICT');
    expect(error.details.message?.key).toBe('sample.errors.alreadyLoaded');
    expect(tableCounts(backend)).toEqual(before);
  });

  it('removes in one step everything it added and the practice done on it, and leaves real data as it was', async () => {
    // Real work before and after the sample arrives.
    await backend.ok('settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234' });
    const real = await backend.ok('customers:create', person({ name: '真实客户', phones: [{ phone: '13611112222', label: null }] }));
    const empty = tableCounts(backend);
    await backend.ok('sample:load', { language: 'zh-CN' });
    const [model] = await backend.ok('models:list', { query: 'KFR-35GW' });
    const realUnit = await backend.ok('units:create', { customerId: real.id, modelId: model!.id, serial: 'REAL-0001', purchaseDate: '2026-06-01' });
    const [wang] = (await backend.ok('technicians:list', {})).filter((t) => t.name === '王建国');
    const realTicket = await backend.ok('tickets:create', { customerId: real.id, unitId: realUnit.id, faultReported: '不制冷', faultCategory: 'notCooling' });
    await backend.ok('tickets:assign', { id: realTicket.id, technicianIds: [wang!.id], leadId: wang!.id });

    // Practice on a sample customer: a new ticket with a real part taken from stock, and its paper printed.
    const realPart = await backend.ok('parts:create', { partNumber: 'R-1', name: '电容', costFen: 100, priceFen: 300, quantity: 5 });
    const [zhang] = (await backend.ok('customers:list', { query: '张三丰' })).items;
    const [zhangUnit] = await backend.ok('units:listByCustomer', { customerId: zhang!.id });
    const practice = await backend.ok('tickets:create', { customerId: zhang!.id, unitId: zhangUnit!.id, faultReported: '练习', faultCategory: 'other', parts: [{ partId: realPart.id, quantity: 2 }] });
    expect((await backend.ok('parts:list', { query: '电容' }))[0]!.quantity).toBe(3);
    const intake = await backend.ok('documents:repairReceipt', { ticketId: practice.id, copy: 'intake', paper: 'A4', language: 'zh-CN' });
    const intakeFile = join(backend.dir, 'documents', intake.fileName);
    expect(existsSync(intakeFile)).toBe(true);
    expect((await backend.ok('sample:status', {})).counts).toEqual({ customers: 5, units: 8, tickets: 6 });

    const removal = await backend.ok('sample:remove', {});
    expect(removal.removed).toEqual({ customers: 5, units: 8, tickets: 6 });
    // Wang is on a real ticket and the Gree model under a real unit (with its policy): they stay.
    expect(removal.kept).toBe(3);
    expect(readdirSync(join(backend.dir, 'backups')).some((f) => f === removal.backupFile)).toBe(true);

    expect(await backend.ok('sample:status', {})).toEqual({ loaded: false, counts: { customers: 0, units: 0, tickets: 0 } });
    expect((await backend.ok('settings:get', {})).setupDone).toBe(true);
    expect((await backend.ok('customers:list', { query: '' })).items.map((c) => c.name)).toEqual(['真实客户']);
    expect((await backend.ok('tickets:list', { scope: 'all', limit: 50 })).rows.map((t) => t.id)).toEqual([realTicket.id]);
    expect((await backend.ok('technicians:list', {})).map((t) => t.name)).toEqual(['王建国']);
    expect((await backend.ok('models:list', { query: '' })).map((m) => m.model)).toEqual(['KFR-35GW/(35592)FNhAa-B1']);
    expect((await backend.ok('policies:list', {})).length).toBe(1);
    expect((await backend.ok('complaints:list', { openOnly: false })).length).toBe(0);
    // The practice ticket's parts go back on the shelf; its printed copy leaves the archive.
    expect((await backend.ok('parts:list', { query: '电容' }))[0]!.quantity).toBe(5);
    expect(existsSync(intakeFile)).toBe(false);
    expect(await backend.ok('documents:list', {})).toEqual([]);
    expect(await backend.ok('search:query', { query: '张三丰' })).toEqual([]);

    const after = tableCounts(backend);
    // What real work added since: one unit with its status line, one ticket with its events,
    // technician line and callbacks, the part and its opening stock, and what stayed shared.
    expect(after.customers).toBe(empty.customers);
    expect(after.units).toBe(1);
    expect(after.sample_records).toBe(0);
    expect(after.stock_moves).toBe(1);
    // The removal is in the log, row by row, like any other delete.
    const log = await backend.ok('audit:list', { channel: 'sample:remove' });
    expect(log.items).toHaveLength(1);
    expect(log.items[0]!.tables).toEqual(expect.arrayContaining(['customers', 'units', 'tickets', 'ticket_events', 'documents', 'parts']));
  });

  it('is loaded whole or not at all: a clash halfway leaves the desk exactly as it was', async () => {
    // A real unit on the sample's own model and serial: the sample's seventh unit cannot be registered.
    const [policy] = await backend.ok('policies:addPresets', { ids: ['elevator'], language: 'zh-CN' });
    const model = await backend.ok('models:create', { brand: '日立', model: 'MCA-1000-CO', category: '电梯', policyId: policy!.id });
    const owner = await backend.ok('customers:create', person());
    await backend.ok('units:create', { customerId: owner.id, modelId: model.id, serial: 'HT-E2025-0088', acceptanceDate: '2025-01-01' });
    const before = tableCounts(backend);
    const auditBefore = (await backend.ok('audit:list', {})).total;
    const error = await backend.fails('sample:load', { language: 'zh-CN' });
    expect(error.details.message?.key).toBe('errors.serialTaken');
    expect(tableCounts(backend)).toEqual(before);
    expect((await backend.ok('audit:list', {})).total).toBe(auditBefore);
    expect((await backend.ok('sample:status', {})).loaded).toBe(false);
  });

  it('uses a model the desk already has, and leaves it when the sample goes', async () => {
    const [policy] = await backend.ok('policies:addPresets', { ids: ['projector'], language: 'zh-CN' });
    const model = await backend.ok('models:create', { brand: '爱普生', model: 'CB-X51', category: '投影机', policyId: policy!.id });
    await backend.ok('sample:load', { language: 'zh-CN' });
    expect((await backend.ok('models:list', { query: 'CB-X51' })).map((m) => m.id)).toEqual([model.id]);
    const removal = await backend.ok('sample:remove', {});
    expect(removal.kept).toBe(0);
    expect((await backend.ok('models:list', { query: '' })).map((m) => m.id)).toEqual([model.id]);
    expect((await backend.ok('policies:list', {})).map((p) => p.id)).toEqual([policy!.id]);
  });

  it('brings manual content for its categories, never over the desk’s own, and takes it away unless it was edited or printed', async () => {
    // The desk's own words for projectors stay as they are.
    const own = { zh: { description: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '本公司自编投影机说明' }] }] }, operation: { type: 'doc', content: [] }, troubleshooting: { type: 'doc', content: [] } }, en: null };
    await backend.ok('manuals:save', { modelId: null, category: '投影机', body: own });
    await backend.ok('settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234' });
    await backend.ok('sample:load', { language: 'zh-CN' });
    const contents = await backend.ok('manuals:contents', {});
    expect(contents.map((c) => [c.category, c.version]).sort()).toEqual([['中央空调', 1], ['安防监控', 1], ['家用空调', 1], ['投影机', 1], ['电梯', 1], ['网络设备', 1]].sort());
    expect(JSON.stringify((await backend.ok('manuals:content', { modelId: null, category: '投影机' })).body)).toContain('本公司自编投影机说明');

    // Practice on the sample school: an installation with its manual issued (written, not "not
    // written"), and a maintenance contract with its visits.
    const [school] = (await backend.ok('customers:list', { query: '西湖中学' })).items;
    const schoolUnits = await backend.ok('units:listByCustomer', { customerId: school!.id });
    const job = await backend.ok('installations:create', { customerId: school!.id, unitIds: schoolUnits.map((u) => u.id), appointmentOn: '2026-12-05' });
    expect((await backend.ok('manuals:check', { installationId: job.id })).unwritten).toEqual([]);
    const manual = await backend.ok('manuals:issue', { installationId: job.id, paper: 'A4', language: 'zh-CN' });
    const manualFile = join(backend.dir, 'documents', manual.fileName);
    expect(existsSync(manualFile)).toBe(true);
    const contract = await backend.ok('contracts:create', {
      customerId: school!.id,
      unitIds: schoolUnits.map((u) => u.id),
      kind: 'paid',
      startsOn: '2026-12-01',
      endsOn: '2027-11-30',
      plan: [{ kind: 'inspection', repeat: 'quarter', from: '2026-12-01', to: '2027-11-30' }],
    });
    expect(contract.visits.length).toBe(4);

    // The lift's content edited since: the desk's own now, it stays with the projectors'.
    const lift = await backend.ok('manuals:content', { modelId: null, category: '电梯' });
    await backend.ok('manuals:save', { modelId: null, category: '电梯', body: { en: null, zh: { ...lift.body!.zh, troubleshooting: own.zh.description } } });
    const removal = await backend.ok('sample:remove', {});
    expect(removal.kept).toBe(1);
    expect((await backend.ok('manuals:contents', {})).map((c) => c.category).sort()).toEqual(['投影机', '电梯'].sort());
    const after = tableCounts(backend);
    expect(after.manual_content_versions).toBe(3);
    expect([after.installations, after.installation_units, after.manual_issues, after.maintenance_contracts, after.contract_units, after.visits]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(existsSync(manualFile)).toBe(false);
    expect(after.customers).toBe(0);
  });

  it('is refused, in words, while a maker’s claim or a scrapping record stands on a sample unit, and changes nothing', async () => {
    await backend.ok('sample:load', { language: 'en' });
    // Quality feedback to Gree about the sample's newest air-conditioner ticket.
    const [ticket] = (await backend.ok('tickets:list', { scope: 'all', limit: 50 })).rows.filter((t) => t.status === 'new');
    const gree = await backend.ok('makers:create', { name: 'Gree after-sales' });
    const unit = await backend.ok('units:get', { id: (await backend.ok('tickets:get', { id: ticket!.id })).unitId! });
    await backend.ok('makers:setModelMaker', { modelId: unit.modelId, makerId: gree.id });
    await backend.ok('feedback:create', { ticketId: ticket!.id, problem: 'Capacitor swelling' });
    const before = tableCounts(backend);
    const error = await backend.fails('sample:remove', {});
    expect(error.code).toBe('CONFLICT');
    expect(error.details.message).toEqual({ key: 'sample.errors.settled', params: { count: 1 } });
    expect(tableCounts(backend)).toEqual(before);
  });

  it('is refused when there is nothing to remove, and changes nothing', async () => {
    await backend.ok('customers:create', person());
    const before = tableCounts(backend);
    const error = await backend.fails('sample:remove', {});
    expect(error.details.message?.key).toBe('sample.errors.notLoaded');
    expect(tableCounts(backend)).toEqual(before);
  });

  it('needs the admin PIN once one is set', async () => {
    await backend.ok('session:begin', { operator: '王芳' });
    await backend.ok('session:setPin', { next: '2468' });
    await backend.ok('session:lock', {});
    expect((await backend.fails('sample:load', { language: 'zh-CN' })).code).toBe('PIN_REQUIRED');
    await backend.ok('session:unlock', { pin: '2468' });
    await backend.ok('sample:load', { language: 'zh-CN' });
    await backend.ok('session:lock', {});
    expect((await backend.fails('sample:remove', {})).code).toBe('PIN_REQUIRED');
  });
});
