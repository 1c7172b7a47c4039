import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { FAULT_CATEGORIES } from '../../shared/domain/ticket-status';
import { auditedTables, syncAuditTriggers } from '../../electron/backend/db/audit-triggers';
import { migrations } from '../../electron/backend/db/migrations';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person } from '../support/sample';

let backend: TestBackend;
let clock: Date;
const count = (sql: string) => (backend.store.sqlite.prepare(sql).get() as { n: number }).n;

beforeEach(async () => {
  clock = new Date(2026, 10, 20, 9, 0);
  backend = await openTestBackend(undefined, () => clock);
  await backend.ok('session:begin', { operator: '王芳' });
});
afterEach(async () => {
  await backend.close();
});

describe('the audit log', () => {
  it('records who, what, when, and each changed row before and after', async () => {
    const customer = await backend.ok('customers:create', person());
    clock = new Date(2026, 10, 20, 9, 5);
    await backend.ok('session:begin', { operator: '李娜' });
    await backend.ok('customers:update', { ...person(), id: customer.id, phones: [{ phone: '13999998888' }], note: '老客户' });

    const page = await backend.ok('audit:list', {});
    const [update, , create] = page.items;
    expect(create).toMatchObject({ operator: '王芳', channel: 'customers:create', at: new Date(2026, 10, 20, 9, 0).getTime(), elevated: false });
    expect(create!.tables).toContain('customers');
    expect(update).toMatchObject({ operator: '李娜', channel: 'customers:update', at: new Date(2026, 10, 20, 9, 5).getTime() });
    // Between them: 李娜 taking the desk is itself a write (the operators table), and hers.
    expect(page.items[1]).toMatchObject({ channel: 'session:begin', operator: '李娜', tables: ['operators'] });

    const detail = await backend.ok('audit:get', { id: update!.id });
    expect(JSON.parse(detail.change.request)).toMatchObject({ id: customer.id, note: '老客户' });
    const phoneRows = detail.rows.filter((r) => r.table === 'customer_phones');
    expect(phoneRows.map((r) => r.op).sort()).toEqual(['delete', 'insert']);
    expect(phoneRows.find((r) => r.op === 'delete')!.before).toMatchObject({ phone: '13812345678' });
    expect(phoneRows.find((r) => r.op === 'insert')!.after).toMatchObject({ phone: '13999998888' });
    // An update keeps only what changed, so it reads as "note: — → 老客户".
    const customerRow = detail.rows.find((r) => r.table === 'customers' && r.op === 'update')!;
    expect(customerRow.rowId).toBe(String(customer.id));
    expect(customerRow.before).toMatchObject({ note: null });
    expect(customerRow.after).toMatchObject({ note: '老客户' });
    expect(Object.keys(customerRow.after!)).not.toContain('name');
  });

  it('keeps each request its own stamp when many are in flight at once', async () => {
    const calls = Array.from({ length: 30 }, (_, i) =>
      i % 2 === 0
        ? backend.ok('customers:create', person({ name: `客户${i}`, phones: [{ phone: `1380000${String(i).padStart(4, '0')}` }] }))
        : backend.ok('technicians:create', { name: `师傅${i}`, phone: `1390000${String(i).padStart(4, '0')}`, skills: [] }),
    );
    await Promise.all(calls);
    const { items } = await backend.ok('audit:list', { pageSize: 100 });
    const made = items.filter((c) => c.channel !== 'session:begin');
    expect(made).toHaveLength(30);
    for (const change of made) {
      const tables = change.channel === 'customers:create' ? ['customers'] : ['technicians'];
      for (const table of tables) expect(change.tables, change.channel).toContain(table);
      if (change.channel === 'technicians:create') expect(change.tables).not.toContain('customers');
      const detail = await backend.ok('audit:get', { id: change.id });
      const name = JSON.parse(detail.change.request).name as string;
      expect(detail.rows.find((r) => r.op === 'insert' && (r.table === 'customers' || r.table === 'technicians'))!.after).toMatchObject({ name });
    }
  });

  it('logs nothing for a refused or rolled-back write', async () => {
    const before = count('select count(*) as n from audit_changes');
    await backend.fails('customers:create', { name: '' });
    const part = await backend.ok('parts:create', { partNumber: 'P-1', name: '电容', costFen: 100, priceFen: 200, reorderLevel: 0, quantity: 1 });
    const customer = await backend.ok('customers:create', person());
    const afterSetup = count('select count(*) as n from audit_changes');
    expect(afterSetup).toBe(before + 2);
    // Too many parts: the whole ticket is refused, and so is its log.
    await backend.fails('tickets:create', {
      customerId: customer.id,
      unregisteredUnit: { brand: '格力', model: 'KFR-35GW' },
      faultReported: '不制冷',
      faultCategory: FAULT_CATEGORIES[0],
      parts: [{ partId: part.id, quantity: 5 }],
    });
    expect(count('select count(*) as n from audit_changes')).toBe(afterSetup);
    expect(count('select count(*) as n from audit_rows where change_id not in (select id from audit_changes)')).toBe(0);
  });

  it('cannot be edited: no channel writes it and the database refuses updates and deletes', async () => {
    await backend.ok('customers:create', person());
    expect(CHANNELS.filter((c) => c.startsWith('audit:')).sort()).toEqual(['audit:facets', 'audit:get', 'audit:list']);
    const sqlite = backend.store.sqlite;
    expect(() => sqlite.prepare("update audit_changes set operator = 'someone else'").run()).toThrow(/read-only/);
    expect(() => sqlite.prepare('delete from audit_changes').run()).toThrow(/read-only/);
    expect(() => sqlite.prepare("update audit_rows set after = '{}'").run()).toThrow(/read-only/);
    expect(() => sqlite.prepare('delete from audit_rows').run()).toThrow(/read-only/);
    expect(count("select count(*) as n from audit_changes where operator = '王芳'")).toBeGreaterThan(0);
  });

  it('is searchable by operator, action, record, text and date', async () => {
    const a = await backend.ok('customers:create', person({ name: '杭州西湖宾馆' }));
    clock = new Date(2026, 10, 21, 10, 0);
    await backend.ok('session:begin', { operator: '李娜' });
    await backend.ok('technicians:create', { name: '赵师傅', phone: '13900001111', skills: ['电梯'] });
    await backend.ok('customers:archive', { id: a.id });

    const byOperator = await backend.ok('audit:list', { operator: '李娜' });
    expect(byOperator.items.map((c) => c.channel).sort()).toEqual(['customers:archive', 'session:begin', 'technicians:create']);
    expect((await backend.ok('audit:list', { channel: 'customers:archive' })).items).toHaveLength(1);
    expect((await backend.ok('audit:list', { table: 'technicians' })).items.map((c) => c.channel)).toEqual(['technicians:create']);
    // Text is found in the values written and in the name of the record changed: the archive
    // logged only the time it was archived, and is found by the customer's name all the same.
    expect((await backend.ok('audit:list', { text: '西湖宾馆' })).items.map((c) => c.channel)).toEqual(['customers:archive', 'customers:create']);
    expect((await backend.ok('audit:list', { text: '电梯' })).items.map((c) => c.channel)).toEqual(['technicians:create']);
    expect((await backend.ok('audit:list', { text: '100%_' })).total).toBe(0);
    const record = await backend.ok('audit:list', { table: 'customers', rowId: String(a.id) });
    expect(record.items.map((c) => c.channel)).toEqual(['customers:archive', 'customers:create']);
    expect((await backend.ok('audit:list', { from: '2026-11-21', to: '2026-11-21' })).items).toHaveLength(3);
    expect((await backend.ok('audit:list', { to: '2026-11-20' })).items.map((c) => c.channel)).toContain('customers:create');
    const facets = await backend.ok('audit:facets', {});
    expect(facets.operators).toEqual(['李娜', '王芳']);
    expect(facets.tables).toEqual(expect.arrayContaining(['customers', 'technicians', 'operators']));
    const paged = await backend.ok('audit:list', { pageSize: 10, page: 1 });
    expect(paged.total).toBe(paged.items.length);
  });

  it('searches free text over the whole log through its index, and one or two characters over the last 90 days unless a start date is chosen, saying so', async () => {
    // A desk that has been in use since June (the log's clock never runs backwards, so the old
    // change is made before anything else is logged).
    await backend.close();
    clock = new Date(2026, 5, 1, 9, 0);
    backend = await openTestBackend(undefined, () => clock);
    await backend.ok('session:begin', { operator: '王芳' });
    await backend.ok('customers:create', person({ name: '旧客户甲', phones: [{ phone: '13811112222' }] }));
    clock = new Date(2026, 10, 20, 9, 0);
    await backend.ok('customers:create', person({ name: '新客户乙', phones: [{ phone: '13811113333' }] }));
    // Three characters or more go through the text index (issue 23): the whole log at once.
    const indexed = await backend.ok('audit:list', { text: '1381111' });
    expect(indexed.textSince).toBeNull();
    expect(indexed.items).toHaveLength(2);
    // Shorter text reads the values, as before: the last 90 days unless a start date is chosen.
    const recent = await backend.ok('audit:list', { text: '客户' });
    expect(recent.textSince).toBe('2026-08-22');
    expect(recent.items).toHaveLength(1);
    const all = await backend.ok('audit:list', { text: '客户', from: '2026-01-01' });
    expect(all.textSince).toBeNull();
    expect(all.items).toHaveLength(2);
    expect((await backend.ok('audit:list', {})).textSince).toBeNull();
  });

  it('covers every data table, rebuilds its triggers for a new column, and logs nothing outside a request', async () => {
    const sqlite = backend.store.sqlite;
    const tables = auditedTables(sqlite);
    for (const expected of ['customers', 'units', 'tickets', 'ticket_events', 'parts', 'stock_moves', 'settings', 'operators', 'security', 'complaints', 'loans', 'calendar_years']) {
      expect(tables).toContain(expected);
    }
    for (const skipped of ['audit_changes', 'audit_rows', 'kysely_migration', 'search_keys', 'sequences', 'health_checks']) {
      expect(tables).not.toContain(skipped);
    }
    const triggers = count("select count(*) as n from sqlite_master where type = 'trigger' and name like 'audit_log_%'");
    expect(triggers).toBe(tables.length * 3);
    expect(syncAuditTriggers(sqlite)).toEqual({ created: 0, dropped: 0 });

    // A later migration adds a column: its values are logged from the next start.
    sqlite.exec('alter table technicians add column region text');
    expect(syncAuditTriggers(sqlite)).toEqual({ created: 3, dropped: 3 });
    const tech = await backend.ok('technicians:create', { name: '钱师傅', phone: '13900002222', skills: [] });
    sqlite.prepare('update technicians set region = ? where id = ?').run('拱墅', tech.id);
    // That direct update ran outside any request: not the desk's action, not in the log.
    const logged = await backend.ok('audit:list', { table: 'technicians' });
    expect(logged.items).toHaveLength(1);
    const row = (await backend.ok('audit:get', { id: logged.items[0]!.id })).rows[0]!;
    expect(Object.keys(row.after!)).toContain('region');
  });
});

describe('operators', () => {
  it('are created on first use, reused whatever the case, and a retired one cannot take the desk', async () => {
    await backend.ok('session:begin', { operator: 'Amy' });
    const info = await backend.ok('session:begin', { operator: 'amy' });
    expect(info.operator).toBe('Amy');
    expect(info.operators.map((o) => o.name)).toEqual(['Amy', '王芳']);
    const amy = info.operators[0]!;
    await backend.ok('operators:update', { id: amy.id, active: false });
    expect((await backend.ok('session:get', {})).operator).toBeNull();
    const refused = await backend.fails('session:begin', { operator: 'Amy' });
    expect(refused.details.message).toEqual({ key: 'security.errors.operatorInactive', params: { name: 'Amy' } });
    const wang = info.operators[1]!;
    const clash = await backend.fails('operators:update', { id: wang.id, name: 'AMY' });
    expect(clash.details.message?.key).toBe('security.errors.operatorExists');
    expect((await backend.ok('operators:list', {})).map((o) => [o.name, o.active])).toEqual([
      ['王芳', true],
      ['Amy', false],
    ]);
  });

  it('stamps ticket events and stock moves with the operator at the desk', async () => {
    await backend.ok('session:begin', { operator: '李娜' });
    const part = await backend.ok('parts:create', { partNumber: 'P-9', name: '滤网', costFen: 100, priceFen: 200, reorderLevel: 0, quantity: 0 });
    await backend.ok('parts:receive', { partId: part.id, quantity: 3, note: null });
    expect((await backend.ok('parts:moves', { id: part.id }))[0]!.who).toBe('李娜');
  });
});

describe('the admin PIN', () => {
  const PIN = '2580';

  it('guards nothing until it is set, then refuses guarded work with PIN_REQUIRED and changes nothing', async () => {
    const first = await backend.ok('customers:create', person({ name: '甲' }));
    await backend.ok('customers:delete', { id: first.id });

    await backend.ok('session:setPin', { next: PIN });
    await backend.ok('session:lock', {});
    const keep = await backend.ok('customers:create', person({ name: '乙', phones: [{ phone: '13800001111' }] }));
    const auditBefore = count('select count(*) as n from audit_changes');
    const refused = await backend.fails('customers:delete', { id: keep.id });
    expect(refused.code).toBe('PIN_REQUIRED');
    expect(refused.details.message).toEqual({ key: 'errors.PIN_REQUIRED' });
    expect((await backend.ok('customers:get', { id: keep.id })).name).toBe('乙');
    expect(count('select count(*) as n from audit_changes')).toBe(auditBefore);

    // Everyday work is not behind the PIN; the language is the person's own.
    await backend.ok('customers:update', { ...person({ name: '乙', phones: [{ phone: '13800001111' }] }), id: keep.id, note: '改备注不需要密码' });
    await backend.ok('settings:update', { language: 'en' });
    expect((await backend.fails('settings:update', { companyName: '别的公司' })).code).toBe('PIN_REQUIRED');
    expect((await backend.fails('export:list', { list: 'customers', query: '' })).code).toBe('PIN_REQUIRED');
    const part = await backend.ok('parts:create', { partNumber: 'P-2', name: '电容', costFen: 100, priceFen: 200, reorderLevel: 0, quantity: 0 });
    const fields = { id: part.id, partNumber: 'P-2', name: '启动电容', fits: null, costFen: 100, priceFen: 200, reorderLevel: 1, location: 'B-1' };
    await backend.ok('parts:update', fields);
    expect((await backend.fails('parts:update', { ...fields, priceFen: 150 })).code).toBe('PIN_REQUIRED');
    expect((await backend.ok('parts:list', { query: 'P-2' }))[0]!.priceFen).toBe(200);
  });

  it('unlocks for five minutes of guarded work, counts wrong tries, and makes the sixth wait', async () => {
    await backend.ok('session:setPin', { next: PIN });
    await backend.ok('session:lock', {});
    const target = await backend.ok('customers:create', person());
    for (let left = 4; left >= 1; left -= 1) {
      expect((await backend.fails('session:unlock', { pin: '0000' })).details.message).toEqual({ key: 'security.errors.wrongPin', params: { left } });
    }
    expect((await backend.fails('session:unlock', { pin: '0000' })).details.message).toEqual({ key: 'security.errors.tooManyTries', params: { seconds: 60 } });
    // Even the right PIN waits out the minute.
    expect((await backend.fails('session:unlock', { pin: PIN })).details.message?.key).toBe('security.errors.tooManyTries');
    clock = new Date(clock.getTime() + 61_000);
    const unlocked = await backend.ok('session:unlock', { pin: PIN });
    expect(unlocked.unlockedUntil).toBe(clock.getTime() + 5 * 60_000);

    clock = new Date(clock.getTime() + 4 * 60_000);
    await backend.ok('customers:delete', { id: target.id });
    const [deleted] = (await backend.ok('audit:list', { channel: 'customers:delete' })).items;
    expect(deleted).toMatchObject({ elevated: true, operator: '王芳' });
    // The guarded action renewed the unlock; six quiet minutes lock it again.
    clock = new Date(clock.getTime() + 4 * 60_000);
    expect((await backend.ok('session:get', {})).unlockedUntil).not.toBeNull();
    clock = new Date(clock.getTime() + 6 * 60_000);
    expect((await backend.ok('session:get', {})).unlockedUntil).toBeNull();
    // A new person at the desk starts locked.
    await backend.ok('session:unlock', { pin: PIN });
    expect((await backend.ok('session:begin', { operator: '李娜' })).unlockedUntil).toBeNull();
  });

  it('needs the current PIN to change or remove it, and never lets it into the log', async () => {
    expect((await backend.fails('session:unlock', { pin: PIN })).details.message?.key).toBe('security.errors.noPinSet');
    expect((await backend.fails('session:setPin', { next: '12' })).code).toBe('VALIDATION');
    await backend.ok('session:setPin', { next: PIN });
    expect((await backend.fails('session:setPin', { next: '13579' })).details.message?.key).toBe('security.errors.currentPinRequired');
    expect((await backend.fails('session:setPin', { current: '1111', next: '13579' })).details.message?.key).toBe('security.errors.wrongPin');
    await backend.ok('session:setPin', { current: PIN, next: '13579' });
    await backend.ok('session:lock', {});
    await backend.fails('session:unlock', { pin: PIN });
    await backend.ok('session:unlock', { pin: '13579' });
    expect((await backend.ok('session:setPin', { current: '13579', next: null })).pinSet).toBe(false);

    const stored = count("select count(*) as n from audit_rows where before like '%2580%' or after like '%2580%' or before like '%13579%' or after like '%13579%'");
    const requests = count("select count(*) as n from audit_changes where request like '%2580%' or request like '%13579%'");
    expect(stored + requests).toBe(0);
    const pinChanges = await backend.ok('audit:list', { channel: 'session:setPin' });
    // Set, a wrong current PIN (logged as a count, never the digits), changed, removed.
    expect(pinChanges.items).toHaveLength(4);
    const wrong = await backend.ok('audit:get', { id: pinChanges.items[2]!.id });
    expect(wrong.rows.find((r) => r.rowId === 'pin')).toMatchObject({ table: 'security', after: { wrongTries: 1 } });
    const detail = await backend.ok('audit:get', { id: pinChanges.items[3]!.id });
    expect(detail.rows[0]).toMatchObject({ table: 'security', op: 'insert', after: { key: 'adminPin', value: '••••' } });
    expect(JSON.parse(detail.change.request)).toEqual({ current: null, next: '••••' });
  });
});

describe('a forgotten PIN', () => {
  it('is cleared by starting once with --reset-admin-pin, and the log says so', async () => {
    await backend.ok('session:setPin', { next: '2580' });
    const dir = backend.dir;
    await backend.close();
    // A normal start keeps it.
    backend = await openTestBackend(dir, () => clock);
    expect((await backend.ok('session:get', {})).pinSet).toBe(true);
    await backend.close();

    const { createBackend } = await import('../../electron/backend/backend');
    const { dataPaths } = await import('../support/backend');
    const { MemoryLogger, RecordingPlatform } = await import('../support/recording-platform');
    const paths = dataPaths(dir);
    const logger = new MemoryLogger();
    const reset = await createBackend({ ...paths, platform: new RecordingPlatform(paths.trayDir), logger, now: () => clock, resetAdminPin: true });
    expect((await reset.invoke('session:get', {})).ok && ((await reset.invoke('session:get', {})) as { value: { pinSet: boolean } }).value.pinSet).toBe(false);
    expect(logger.lines.some((l) => /--reset-admin-pin/.test(l.message))).toBe(true);
    const logged = (await reset.invoke('audit:list', { channel: 'session:setPin' })) as { ok: true; value: { items: { id: string; request: string; operator: string }[] } };
    expect(logged.value.items[0]).toMatchObject({ operator: '', request: JSON.stringify({ reset: '--reset-admin-pin' }) });
    await reset.close();
    backend = await openTestBackend(dir, () => clock);
  });
});

describe('migration 0080', () => {
  it('makes the operator once kept in settings the first operator', async () => {
    const dir = backend.dir;
    await backend.close();
    const { rmSync } = await import('node:fs');
    rmSync(dir, { recursive: true, force: true });
    const older = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0080'));
    const { createBackend } = await import('../../electron/backend/backend');
    const { dataPaths } = await import('../support/backend');
    const { RecordingPlatform } = await import('../support/recording-platform');
    const paths = dataPaths(dir);
    const old = await createBackend({ ...paths, platform: new RecordingPlatform(paths.trayDir), migrations: older });
    old.store.sqlite.prepare("insert into settings (key, value) values ('operator', ?)").run(JSON.stringify(' 王芳 '));
    await old.close();
    backend = await openTestBackend(dir, () => clock);
    const info = await backend.ok('session:get', {});
    expect(info.operators.map((o) => o.name)).toEqual(['王芳']);
    expect(info.operator).toBeNull();
    expect(await backend.ok('settings:get', {})).not.toHaveProperty('operator');
  });
});
