import { describe, expect, it } from 'vitest';
import { BASIC_TERMS, STANDARD_TERMS } from '../../shared/domain/sla';
import { SEVERITIES, TICKET_SOURCES, TICKET_STATUSES } from '../../shared/domain/ticket-status';
import { openTestBackend } from '../support/backend';
import { AIRCON_POLICY, phoneTicket } from '../support/sample';

/*
 * One test per migration from 0080 on: rows at the old version, migrate, check the rows (and the
 * query plan where an index is the point). A migration imports nothing of the live code, so these
 * tests are where it meets today's rules.
 */

describe('migration 0070 (tickets), its values written out', () => {
  it('seeds the two service levels with the terms the rules still start from', async () => {
    const backend = await openTestBackend();
    const rows = backend.store.sqlite.prepare('select name, is_default, terms from service_levels order by id').all() as { name: string; is_default: number; terms: string }[];
    expect(rows.map((r) => [r.name, r.is_default])).toEqual([
      ['标准服务', 1],
      ['基础服务', 0],
    ]);
    expect(JSON.parse(rows[0]!.terms)).toEqual(STANDARD_TERMS);
    expect(JSON.parse(rows[1]!.terms)).toEqual(BASIC_TERMS);
    await backend.close();
  });

  it('checks each ticket against the statuses, sources and severities the rules know', async () => {
    const backend = await openTestBackend();
    const sql = (backend.store.sqlite.prepare("select sql from sqlite_master where name = 'tickets'").get() as { sql: string }).sql;
    const listed = (column: string) => {
      const m = new RegExp(`${column} in \\(([^)]*)\\)`).exec(sql);
      return m ? m[1]!.split(',').map((v) => v.trim().replace(/'/g, '')) : [];
    };
    expect(listed('status')).toEqual([...TICKET_STATUSES]);
    expect(listed('source')).toEqual([...TICKET_SOURCES]);
    expect(listed('severity')).toEqual([...SEVERITIES]);
    await backend.close();
  });
});

/** A backend on a new database migrated only up to the migration named `first`; open its dir again to run the rest. */
async function backendBefore(first: string) {
  const { migrations } = await import('../../electron/backend/db/migrations');
  const { createBackend } = await import('../../electron/backend/backend');
  const { dataPaths } = await import('../support/backend');
  const { RecordingPlatform } = await import('../support/recording-platform');
  const { tempDataDir } = await import('../support/temp');
  const dir = tempDataDir(`m${first}`);
  const paths = dataPaths(dir);
  const older = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < first));
  return { dir, old: await createBackend({ ...paths, platform: new RecordingPlatform(paths.trayDir), migrations: older }) };
}


/** What a desk on the old version holds, written through its own channels: a policy, a Gree model, a customer and one unit. */
async function oldDeskWithUnit(old: Awaited<ReturnType<typeof backendBefore>>['old']) {
  const call = async (channel: string, input: unknown) => {
    const result = await old.invoke(channel as never, input);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value as { id: number };
  };
  await call('session:begin', { operator: '王芳' });
  const policy = await call('policies:create', { name: '整机一年', basis: 'purchase', components: [{ key: 'whole', name: '整机', months: 12 }] });
  const model = await call('models:create', { brand: '格力', model: 'KFR-35GW', category: '空调', policyId: policy.id });
  const customer = await call('customers:create', { name: '王小明', phones: [{ phone: '13812345678' }] });
  const unit = await call('units:create', { customerId: customer.id, modelId: model.id, serial: 'GL-OLD-1', purchaseDate: '2025-05-01' });
  return { call, policy, model, customer, unit };
}

/**
 * A ticket written through today's services on an older schema: the write commits, but reading
 * the ticket back selects columns a later migration adds (ticket_parts.fitted_set from 0160), so
 * the answer fails. The ticket is read from the file instead, with the columns it has.
 */
async function oldTicket(old: Awaited<ReturnType<typeof backendBefore>>['old'], channel: string, input: unknown): Promise<{ id: number; number: string }> {
  const before = old.store.sqlite.prepare('select coalesce(max(updated_at), 0) as at, count(*) as n from tickets').get() as { at: number; n: number };
  // A phone ticket also logs its call (0220), a table these schemas lack: the same ticket, walked in.
  const given = channel === 'tickets:create' ? { ...(input as object), source: 'walkIn' } : input;
  const result = await old.invoke(channel, given);
  if (!result.ok && result.error.code !== 'INTERNAL') throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  const row = old.store.sqlite.prepare('select id, number, updated_at from tickets order by updated_at desc, id desc limit 1').get() as { id: number; number: string; updated_at: number };
  const after = old.store.sqlite.prepare('select count(*) as n from tickets').get() as { n: number };
  if (after.n === before.n && row.updated_at === before.at) throw new Error(`${channel} wrote nothing`);
  return row;
}

describe('migration 0090 (the log keeps what a restore undid)', () => {
  it('adds the mark to a log that already has changes, leaving each of them standing', async () => {
    const { dir, old } = await backendBefore('0090');
    await old.invoke('session:begin', { operator: '王芳' });
    await old.invoke('customers:create', { name: '张三', phones: [{ phone: '13812345678' }] });
    const before = old.store.sqlite.prepare('select count(*) as n from audit_changes').get() as { n: number };
    expect(before.n).toBeGreaterThan(0);
    await old.close();
    const backend = await openTestBackend(dir);
    const rows = backend.store.sqlite.prepare('select undone_by from audit_changes').all() as { undone_by: string | null }[];
    expect(rows).toHaveLength(before.n);
    expect(rows.every((r) => r.undone_by === null)).toBe(true);
    expect((await backend.ok('audit:list', {})).items.every((c) => c.undoneBy === null)).toBe(true);
    await backend.close();
  });
});

describe('migration 0100 (the search index holds folded text)', () => {
  it('has the index of a database written before rebuilt, so a traditional name is found by its simplified form', async () => {
    const { dir, old } = await backendBefore('0100');
    const created = await old.invoke('customers:create', { name: '張三豐', phones: [{ phone: '13812345678' }] });
    const id = (created as { ok: true; value: { id: number } }).value.id;
    // The index as the code before 0100 wrote it: the name as typed, lower-cased, not folded.
    old.store.sqlite.exec('delete from search_fts; delete from search_keys;');
    old.store.sqlite.prepare("insert into search_fts (rowid, text, kind, ref_id) values (?, '張三豐 \u2063 zhangsanfeng \u2063 zsf \u2063 13812345678', 'customer', ?)").run(id * 4, id);
    for (const key of ['張三豐', '三豐', '豐', 'zhangsanfeng', 'zsf', '13812345678']) {
      old.store.sqlite.prepare("insert into search_keys (key, kind, ref_id) values (?, 'customer', ?)").run(key, id);
    }
    await old.close();

    const backend = await openTestBackend(dir);
    // Later migrations run after it too.
    expect(backend.migration.applied[0]).toBe('0100_search_folded');
    const keys = (backend.store.sqlite.prepare('select key from search_keys where ref_id = ?').all(id) as { key: string }[]).map((k) => k.key);
    expect(keys).toEqual(expect.arrayContaining(['张三丰', '三丰', 'zsf']));
    expect(keys).not.toContain('張三豐');
    for (const query of ['张三丰', '張三豐', '三丰', 'zsf']) {
      expect((await backend.ok('search:query', { query })).map((h) => h.kind === 'customer' && h.id), query).toEqual([id]);
    }
    await backend.close();
  });
});

describe('migration 0110 (a ticket event keeps when it was entered)', () => {
  it('leaves the events written before it standing, read as entered when they happened, and new ones carry both times', async () => {
    const { dir, old } = await backendBefore('0110');
    // A ticket and its history as the code before 0110 wrote them.
    const db = old.store.sqlite;
    const reported = new Date(2026, 8, 18, 14, 0).getTime();
    const customerId = Number(db.prepare("insert into customers (name, created_at, updated_at) values ('张三', ?, ?)").run(reported, reported).lastInsertRowid);
    const ticketId = Number(
      db
        .prepare(
          `insert into tickets (number, source, customer_id, unregistered_unit, fault_reported, fault_category, severity, region, service_level_id, status,
             reported_at, answer_due, arrival_due, fix_due, loaner_due, warranty_engine, warranty_in, created_by, created_at, updated_at)
           values ('GD-2026-000001', 'phone', ?, '{"brand":"格力","model":"KFR-35GW","serial":null}', '不制冷', 'notCooling', 'ordinary', 'urban',
             (select id from service_levels where is_default = 1), 'answered', ?, ?, ?, ?, ?, '{"inWarranty":false,"summary":"unknown","reasons":[]}', 0, '王芳', ?, ?)`,
        )
        .run(customerId, reported, reported + 1_800_000, reported + 7_200_000, reported + 21_600_000, reported + 172_800_000, reported, reported + 300_000).lastInsertRowid,
    );
    const event = db.prepare('insert into ticket_events (ticket_id, at, who, kind, from_status, to_status) values (?, ?, ?, ?, ?, ?)');
    event.run(ticketId, reported, '王芳', 'created', null, 'new');
    event.run(ticketId, reported + 300_000, '王芳', 'status', 'new', 'answered');
    await old.close();

    const backend = await openTestBackend(dir);
    expect(backend.migration.applied).toContain('0110_ticket_event_entered_at');
    const rows = backend.store.sqlite.prepare('select at, entered_at from ticket_events where ticket_id = ? order by id').all(ticketId);
    expect(rows).toEqual([
      { at: reported, entered_at: null },
      { at: reported + 300_000, entered_at: null },
    ]);
    await backend.ok('session:begin', { operator: '王芳' });
    const read = await backend.ok('tickets:get', { id: ticketId });
    expect(read.events.map((e) => [e.to, e.at, e.enteredAt])).toEqual([
      ['new', reported, reported],
      ['answered', reported + 300_000, reported + 300_000],
    ]);
    const cancelled = await backend.ok('tickets:transition', { id: ticketId, to: 'cancelled', note: '重复报修', at: reported + 600_000 });
    expect(cancelled.events.at(-1)).toMatchObject({ to: 'cancelled', at: reported + 600_000 });
    expect(cancelled.events.at(-1)!.enteredAt).toBeGreaterThan(reported + 600_000);
    await backend.close();
  });
});

describe('migration 0120 (imports kept as batches)', () => {
  it('leaves the customers already there standing, keeps the next import as a batch, and reads a batch by its key', async () => {
    const { dir, old } = await backendBefore('0120');
    await old.invoke('session:begin', { operator: '王芳' });
    await old.invoke('customers:create', { name: '张三', phones: [{ phone: '13812345678' }] });
    await old.close();

    const backend = await openTestBackend(dir);
    expect(backend.migration.applied).toContain('0120_create_import_batches');
    expect((await backend.ok('customers:list', { query: '张三' })).items).toHaveLength(1);
    expect(await backend.ok('import:batches', {})).toEqual([]);

    const { writeSampleSheet } = await import('../support/sample-sheet');
    const { join } = await import('node:path');
    backend.platform.openAnswer = join(dir, 'sheet.xlsx');
    await writeSampleSheet(backend.platform.openAnswer);
    const opened = (await backend.ok('import:open', {}))!;
    const result = await backend.ok('import:commit', { token: opened.token, sheet: '客户设备', mapping: opened.sheets[0]!.suggested });
    // No model and no policy on file: only the row without a unit (周杰) goes in.
    expect(result.batch).toMatchObject({ customersCreated: 1, unitsCreated: 0, rowsNotImported: 6 });
    const sqlite = backend.store.sqlite;
    const rows = sqlite.prepare("select count(*) as n from import_batch_rows where batch_id = ? and table_name = 'customers'").get(result.batch.id) as { n: number };
    expect(rows.n).toBe(1);
    const plan = sqlite.prepare("explain query plan select row_id from import_batch_rows where batch_id = ? and table_name = 'customers'").all(result.batch.id) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING PRIMARY KEY/);
    await backend.close();
  });
});

describe('migration 0140 (each logged row keeps the name of its record)', () => {
  it('leaves the rows logged before unnamed, and still names their records: from the log first, then from the live row', async () => {
    const { dir, old } = await backendBefore('0140');
    const call = async (channel: string, input: unknown): Promise<{ id: number; number?: string }> => {
      const result = await old.invoke(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
      return result.value as { id: number; number?: string };
    };
    await call('session:begin', { operator: '王芳' });
    const customer = await call('customers:create', { name: '王小明', phones: [{ phone: '13812345678' }] });
    const ticket = await oldTicket(old, 'tickets:create', phoneTicket(customer.id));
    await oldTicket(old, 'tickets:transition', { id: ticket.id, to: 'answered' });
    const gone = await call('customers:create', { name: '钱七', phones: [{ phone: '13500001111' }] });
    // Today's delete also looks for the customer's maintenance contracts (0180): give this older
    // file an empty stand-in for that one query, and take it away before the file is migrated.
    old.store.sqlite.exec('create table maintenance_contracts (customer_id integer)');
    await call('customers:delete', { id: gone.id });
    old.store.sqlite.exec('drop table maintenance_contracts');
    // The service levels were seeded by a migration, outside any request: the log never saw their names.
    const levels = (await old.invoke('serviceLevels:list', {})) as { ok: true; value: { id: number; name: string; terms: unknown }[] };
    const basic = levels.value.find((l) => l.name === '基础服务')!;
    await call('serviceLevels:update', { id: basic.id, name: basic.name, isDefault: true, terms: basic.terms });
    await old.close();

    const backend = await openTestBackend(dir);
    expect(backend.migration.applied).toContain('0140_audit_row_labels');
    expect(backend.store.sqlite.prepare('select count(*) as n from audit_rows where label is not null').get()).toEqual({ n: 0 });
    // Renamed after: the changes before still carry the name of their time.
    await backend.ok('customers:update', { id: customer.id, name: '王晓明', phones: [{ phone: '13812345678' }] });

    const page = await backend.ok('audit:list', {});
    const named = page.items.map((c) => [c.channel, c.subject?.label]);
    expect(named).toEqual([
      ['customers:update', '王晓明'],
      ['serviceLevels:update', '基础服务'],
      ['customers:delete', '钱七'],
      ['customers:create', '钱七'],
      ['tickets:transition', `${ticket.number!} · 王小明`],
      ['tickets:create', `${ticket.number!} · 王小明`],
      ['customers:create', '王小明'],
      ['session:begin', '王芳'],
    ]);
    // From now on the triggers keep the name with the row.
    expect(backend.store.sqlite.prepare("select label from audit_rows where table_name = 'customers' and label is not null").all()).toEqual([{ label: '王晓明' }]);
    await backend.close();
  });
});

describe('migration 0160 (a part is fitted on the day of the work)', () => {
  it('moves the parts of resolved tickets to their resolution day, leaves open ones, and says how many it changed', async () => {
    const { dir, old } = await backendBefore('0160');
    const call = async (channel: string, input: unknown): Promise<{ id: number }> => {
      const result = await old.invoke(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
      return result.value as { id: number };
    };
    await call('session:begin', { operator: '王芳' });
    const customer = await call('customers:create', { name: '王小明', phones: [{ phone: '13812345678' }] });
    const part = await call('parts:create', { partNumber: 'CAP-35', name: '启动电容', costFen: 2_000, priceFen: 4_500, quantity: 5, reorderLevel: 1 });
    const done = await oldTicket(old, 'tickets:create', { ...phoneTicket(customer.id), parts: [{ partId: part.id, quantity: 1 }] });
    const open = await oldTicket(old, 'tickets:create', { ...phoneTicket(customer.id), parts: [{ partId: part.id, quantity: 1 }] });
    // As the old code left them: each part fitted on the day it went on the ticket, the 2nd, and
    // one ticket's work done on the 5th.
    old.store.sqlite.prepare("update ticket_parts set fitted_on = '2026-11-02'").run();
    old.store.sqlite.prepare("update tickets set status = 'resolved', resolved_at = ? where id = ?").run(new Date(2026, 10, 5, 15, 0).getTime(), done.id);
    await old.close();

    const backend = await openTestBackend(dir);
    expect(backend.migration.applied).toContain('0160_part_fitted_on_work_day');
    expect((await backend.ok('tickets:get', { id: done.id })).parts[0]).toMatchObject({ fittedOn: '2026-11-05', fittedSet: false });
    expect((await backend.ok('tickets:get', { id: open.id })).parts[0]).toMatchObject({ fittedOn: '2026-11-02', fittedSet: false });
    const notes = (await backend.ok('health:status', {})).upgradeNotes;
    // (A later migration may leave its own note on a desk in use: 0265 does.)
    expect(notes.filter((n) => n.key.startsWith('health.'))).toEqual([{ at: expect.any(Number), key: 'health.upgrade.fittedDates', params: { count: 1 } }]);
    // Nothing was logged as if the clerk had done it.
    expect(backend.store.sqlite.prepare("select count(*) as n from audit_rows where table_name = 'ticket_parts' and op = 'update'").get()).toEqual({ n: 0 });
    await backend.close();
  });
});

describe('migration 0180 (maintenance contracts and visits)', () => {
  it('adds contracts over the customers and units already there, and their visits are audited like every record', async () => {
    const { dir, old } = await backendBefore('0180');
    const call = async (channel: string, input: unknown): Promise<{ id: number }> => {
      const result = await old.invoke(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
      return result.value as { id: number };
    };
    await call('session:begin', { operator: '王芳' });
    const customer = await call('customers:create', { name: '王小明', phones: [{ phone: '13812345678' }] });
    const policy = await call('policies:create', AIRCON_POLICY);
    const model = await call('models:create', { brand: '格力', model: 'KFR-35GW', category: '空调', policyId: policy.id });
    // Today's unit service also makes the unit's handover callbacks (0180): the unit goes in as the old one wrote it.
    const version = old.store.sqlite.prepare('select id from warranty_policy_versions where policy_id = ?').get(policy.id) as { id: number };
    const unit = old.store.sqlite
      .prepare("insert into units (customer_id, model_id, policy_version_id, serial, purchase_date, status, created_at, updated_at) values (?, ?, ?, 'GL-0001', '2026-03-01', 'inService', 0, 0) returning id")
      .get(customer.id, model.id, version.id) as { id: number };
    await old.close();

    const backend = await openTestBackend(dir, () => new Date('2026-11-20T09:00:00+08:00'));
    expect(backend.migration.applied).toContain('0180_create_maintenance');
    await backend.ok('session:begin', { operator: '王芳' });
    const contract = await backend.ok('contracts:create', {
      customerId: customer.id,
      unitIds: [unit.id],
      kind: 'paid',
      startsOn: '2026-12-01',
      endsOn: '2027-11-30',
      plan: [{ kind: 'inspection', repeat: 'quarter', from: '2026-12-01', to: '2027-11-30' }],
    });
    expect(contract.visits).toHaveLength(4);
    const logged = backend.store.sqlite.prepare("select count(*) as n from audit_rows where table_name = 'visits' and op = 'insert'").get();
    expect(logged).toEqual({ n: 4 });
    await backend.close();
  });
});

describe('migrations 0260 and 0265 (complaints reply within 2 working days, resolve within 5)', () => {
  const stored = (b: { store: { sqlite: { prepare: (s: string) => { get: () => unknown } } } }) =>
    JSON.parse((b.store.sqlite.prepare("select value from settings where key = 'service'").get() as { value: string } | undefined)?.value ?? 'null') as Record<string, unknown> | null;
  const before = async () => {
    const { dir, old } = await backendBefore('0260');
    const call = async (channel: string, input: unknown) => {
      const result = await old.invoke(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
      return result.value as { id: number; service: Record<string, unknown> };
    };
    await call('session:begin', { operator: '王芳' });
    return { dir, old, call };
  };
  const OLD_RULES = { callbackDays: 7, lifetimeMaintenance: true, travelFen: { urban: 0, suburban: 5000, other: 10000 }, complaintAnswer: { amount: 1, unit: 'hours' }, complaintResolve: { amount: 2, unit: 'workingDays' } };

  it('a desk in use that never saved its rules: the default reads 5, old complaints owe no reply, and the data check says so', async () => {
    const { dir, old, call } = await before();
    const customer = await call('customers:create', { name: '王小明', phones: [{ phone: '13812345678' }] });
    // A complaint as the old schema held it (no reply columns yet).
    old.store.sqlite
      .prepare("insert into complaints (number, channel, content, customer_id, received_at, answer_due, resolve_due, created_by, created_at, updated_at) values ('TS-2026-000001', 'phone', '师傅迟到', ?, ?, ?, ?, '王芳', ?, ?)")
      .run(customer.id, 1, 2, 3, 1, 1);
    await old.close();
    const backend = await openTestBackend(dir);
    // The first two it applies: later migrations (0300 on) follow them.
    expect(backend.migration.applied.slice(0, 2)).toEqual(['0260_complaint_reply_due', '0265_complaint_resolve_default']);
    expect(stored(backend)).toBeNull();
    expect((await backend.ok('settings:get', {})).service.complaintResolve).toEqual({ amount: 5, unit: 'workingDays' });
    const [complaint] = await backend.ok('complaints:list', { openOnly: true, limit: 10 });
    expect(complaint).toMatchObject({ replyDue: null, repliedAt: null, replyState: null });
    expect((await backend.ok('health:status', {})).upgradeNotes).toEqual([{ at: expect.any(Number), key: 'hours.upgrade.complaintResolve', params: { from: 2, to: 5 } }]);
    await backend.close();
  });

  it('rules saved with the old default untouched move to 5, the rest of them kept', async () => {
    const { dir, old } = await before();
    await old.invoke('customers:create', { name: '王小明', phones: [{ phone: '13812345678' }] });
    old.store.sqlite.prepare("insert into settings (key, value) values ('service', ?)").run(JSON.stringify(OLD_RULES));
    await old.close();
    const backend = await openTestBackend(dir);
    expect(stored(backend)).toEqual({ ...OLD_RULES, complaintResolve: { amount: 5, unit: 'workingDays' } });
    const { service } = await backend.ok('settings:get', {});
    expect(service).toMatchObject({ callbackDays: 7, complaintReply: { amount: 2, unit: 'workingDays' }, complaintShares: { reply: 100, resolve: 98 } });
    expect((await backend.ok('health:status', {})).upgradeNotes.map((n) => n.key)).toEqual(['hours.upgrade.complaintResolve']);
    await backend.close();
  });

  it('keeps a resolution time the desk set, even one set back to 2 after another, and says nothing', async () => {
    for (const history of [[3], [3, 2]]) {
      const { dir, old, call } = await before();
      const settings = (await old.invoke('settings:get', {})) as { ok: true; value: { service: Record<string, unknown> } };
      for (const amount of history) await call('settings:update', { service: { ...settings.value.service, complaintResolve: { amount, unit: 'workingDays' } } });
      await old.close();
      const backend = await openTestBackend(dir);
      expect(backend.migration.applied).toContain('0265_complaint_resolve_default');
      expect((await backend.ok('settings:get', {})).service.complaintResolve).toEqual({ amount: history.at(-1), unit: 'workingDays' });
      expect((await backend.ok('health:status', {})).upgradeNotes).toEqual([]);
      await backend.close();
    }
  });

  it('a new install starts on the seeds\' promises without a note', async () => {
    const backend = await openTestBackend();
    expect((await backend.ok('settings:get', {})).service.complaintResolve).toEqual({ amount: 5, unit: 'workingDays' });
    expect((await backend.ok('health:status', {})).upgradeNotes).toEqual([]);
    await backend.close();
  });
});

describe('migration 0250 (the supervisor\'s check and the callback survey)', () => {
  it('keeps the callbacks made before it readable with their single score, leaves the check off, and seeds the four questions', async () => {
    const { dir, old } = await backendBefore('0250');
    await old.invoke('session:begin', { operator: '王芳' });
    const customer = (await old.invoke('customers:create', { name: '王小明', phones: [{ phone: '13812345678' }] })) as { ok: true; value: { id: number } };
    const done = await oldTicket(old, 'tickets:create', phoneTicket(customer.value.id));
    const waiting = await oldTicket(old, 'tickets:create', phoneTicket(customer.value.id));
    // As the old code left them: one ticket called back with a score, one resolved with its callback due.
    const resolvedAt = new Date(2026, 10, 5, 15, 0).getTime();
    old.store.sqlite.prepare("update tickets set status = 'calledBack', resolved_at = ? where id = ?").run(resolvedAt, done.id);
    old.store.sqlite.prepare("update tickets set status = 'resolved', resolved_at = ? where id = ?").run(resolvedAt, waiting.id);
    old.store.sqlite.prepare("insert into callbacks (ticket_id, due_on, done_at, reached, satisfaction, comments, who) values (?, '2026-11-08', ?, 1, 4, '还行', '王芳')").run(done.id, resolvedAt + 86_400_000);
    old.store.sqlite.prepare("insert into callbacks (ticket_id, due_on) values (?, '2026-11-08')").run(waiting.id);
    await old.close();

    const backend = await openTestBackend(dir, () => new Date(2026, 10, 8, 9, 0));
    expect(backend.migration.applied).toContain('0250_review_and_survey');
    const called = await backend.ok('tickets:get', { id: done.id });
    expect(called.callbacks).toEqual([expect.objectContaining({ reached: true, satisfaction: 4, comments: '还行', answers: [] })]);
    expect(called.review).toBeNull();
    const due = await backend.ok('tickets:get', { id: waiting.id });
    expect(due.review).toBeNull();
    expect((await backend.ok('callbacks:due', {})).map((c) => c.ticketId)).toEqual([waiting.id]);
    expect(await backend.ok('review:settings', {})).toMatchObject({ supervisorCheck: false, waiting: 0, resolvedUnchecked: 1 });
    expect((await backend.ok('survey:questions', {})).map((q) => q.preset)).toEqual(['knowsProduct', 'meetsNeeds', 'technicianManner', 'suggestions']);
    // The old score counts in the period's satisfaction like a new one.
    expect((await backend.ok('survey:satisfaction', { from: '2026-11-01', to: '2026-11-30' })).overall).toMatchObject({ count: 1, average: 4 });
    // The period's callbacks are read through the new index.
    const plan = backend.store.sqlite.prepare('explain query plan select count(*) from callbacks where done_at >= 0 and done_at < 1').all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('callbacks_done');
    await backend.close();
  });
});

describe('migration 0230 (installations and the warranty card life)', () => {
  it('installs the units already there, and a card printed before it shows as not yet issued', async () => {
    const { dir, old } = await backendBefore('0230');
    const call = async (channel: string, input: unknown): Promise<{ id: number; number: string }> => {
      const result = await old.invoke(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
      return result.value as { id: number; number: string };
    };
    await call('session:begin', { operator: '王芳' });
    await call('settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234' });
    const customer = await call('customers:create', { name: '王小明', phones: [{ phone: '13812345678' }] });
    const policy = await call('policies:create', AIRCON_POLICY);
    const model = await call('models:create', { brand: '格力', model: 'KFR-35GW', category: '空调', policyId: policy.id });
    const sold = await call('units:create', { customerId: customer.id, modelId: model.id, serial: 'GL-0001', purchaseDate: '2026-10-01' });
    const card = await call('documents:warrantyCard', { unitId: sold.id, paper: 'A4', language: 'zh-CN' });
    await old.close();

    const backend = await openTestBackend(dir, () => new Date('2026-11-20T09:00:00+08:00'));
    expect(backend.migration.applied).toContain('0230_create_installations');
    await backend.ok('session:begin', { operator: '王芳' });
    const [life] = await backend.ok('cards:ofUnit', { unitId: sold.id });
    expect([life!.number, life!.issuedOn, life!.slipBackOn]).toEqual([card.number, null, null]);
    const job = await backend.ok('installations:create', { customerId: customer.id, unitIds: [sold.id], appointmentOn: '2026-11-10' });
    await backend.ok('installations:accept', { id: job.id, acceptedOn: '2026-11-12', acceptedBy: '王小明' });
    expect((await backend.ok('units:get', { id: sold.id })).acceptanceDate).toBe('2026-11-12');
    const logged = backend.store.sqlite.prepare("select count(*) as n from audit_rows where table_name in ('installations', 'installation_units')").get();
    expect(logged).toEqual({ n: 3 });
    await backend.close();
  });
});

describe('migration 0240 (attachments)', () => {
  it('adds attachments over the records already there, and reads the health checks made before as having no attachment check', async () => {
    const { dir, old } = await backendBefore('0240');
    const made = await old.invoke('customers:create', { name: '王小明', phones: [{ phone: '13812345678' }] });
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    const customer = made.value as { id: number };
    old.store.sqlite.prepare("delete from health_checks").run();
    // Made yesterday: the weekly check is not due when the migrated desk opens.
    const yesterday = new Date('2026-12-03T09:00:00+08:00').getTime();
    old.store.sqlite.prepare("insert into health_checks (at, ok, ms, problems) values (?, 1, 5, '[]')").run(yesterday);
    await old.close();

    const backend = await openTestBackend(dir, () => new Date('2026-12-04T09:00:00+08:00'));
    expect(backend.migration.applied).toContain('0240_create_attachments');
    expect((await backend.ok('health:status', {})).lastFullCheck).toEqual({ at: yesterday, ok: true, ms: 5, problems: [], attachments: null });
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');
    const item = await backend.ok('attachments:add', { record: { type: 'customer', id: customer.id }, name: '合同扫描.pdf', data: pdf });
    expect(item).toMatchObject({ recordType: 'customer', recordId: customer.id, kind: 'pdf', missing: false });
    const logged = backend.store.sqlite.prepare("select count(*) as n from audit_rows where table_name = 'attachments' and op = 'insert'").get();
    expect(logged).toEqual({ n: 1 });
    await backend.close();
  });
});

describe('migration 0300 (the maintenance manual)', () => {
  it('keeps a desk’s units and installations, and gives them manual content, set values and issued manuals with their rules', async () => {
    const { dir, old } = await backendBefore('0300');
    const call = async (channel: string, input: unknown) => {
      const result = await old.invoke(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
      return result.value as { id: number };
    };
    await call('session:begin', { operator: '王芳' });
    const policy = await call('policies:create', AIRCON_POLICY);
    const model = await call('models:create', { brand: '格力', model: 'KFR-35GW', category: '空调', policyId: policy.id });
    const customer = await call('customers:create', { name: '王小明', phones: [{ phone: '13812345678' }] });
    const unit = await call('units:create', { customerId: customer.id, modelId: model.id, serial: 'GL0001', purchaseDate: '2026-11-01' });
    await old.close();
    const backend = await openTestBackend(dir);
    expect(backend.migration.applied[0]).toBe('0300_create_manuals');
    expect((await backend.ok('units:get', { id: unit.id })).serial).toBe('GL0001');
    expect(await backend.ok('manuals:unitValues', { unitId: unit.id })).toEqual([]);
    const db = backend.store.sqlite;
    // Content is for a model or a category, never both nor neither; one per category.
    expect(() => db.prepare('insert into manual_contents (model_id, category, created_at, updated_at) values (?, ?, 1, 1)').run(model.id, '空调')).toThrow(/CHECK/);
    expect(() => db.prepare('insert into manual_contents (model_id, category, created_at, updated_at) values (null, null, 1, 1)').run()).toThrow(/CHECK/);
    db.prepare("insert into manual_contents (model_id, category, created_at, updated_at) values (null, '空调', 1, 1)").run();
    expect(() => db.prepare("insert into manual_contents (model_id, category, created_at, updated_at) values (null, '空调', 1, 1)").run()).toThrow(/UNIQUE/);
    await backend.close();
  });
});

describe('migration 0340 (settling with the maker and the customer)', () => {
  it('keeps the models, parts and units of a desk in use: no maker, no share, no exchange yet, and the new records work on them', async () => {
    const { dir, old } = await backendBefore('0340');
    const { call, model, unit } = await oldDeskWithUnit(old);
    const part = await call('parts:create', { partNumber: 'CAP-35', name: '压缩机电容', costFen: 2000, priceFen: 4500, quantity: 4, reorderLevel: 1 });
    await old.close();

    const backend = await openTestBackend(dir);
    expect(backend.migration.applied).toContain('0340_create_settlement');
    const row = (sql: string, id: number) => backend.store.sqlite.prepare(sql).get(id);
    expect(row('select maker_id, discontinued_on, replacement_model_id from product_models where id = ?', model.id)).toEqual({ maker_id: null, discontinued_on: null, replacement_model_id: null });
    expect(row('select quantity, reorder_level, share_model_id, share_pct from parts where id = ?', part.id)).toEqual({ quantity: 4, reorder_level: 1, share_model_id: null, share_pct: null });
    expect(row('select serial, status, replaced_by_id, replaces_id from units where id = ?', unit.id)).toEqual({ serial: 'GL-OLD-1', status: 'inService', replaced_by_id: null, replaces_id: null });
    const maker = await backend.ok('makers:create', { name: '格力电器售后服务部' });
    expect(await backend.ok('makers:setModelMaker', { modelId: model.id, makerId: maker.id })).toMatchObject({ makerName: '格力电器售后服务部', unitsInService: 1 });
    expect(await backend.ok('spares:setShare', { partId: part.id, modelId: model.id, sharePct: 3 })).toMatchObject([{ unitsInService: 1, required: 1, low: false }]);
    await backend.close();
  });
});

describe('migration 0310 (the owner\'s warning rules and the report indexes)', () => {
  it('gives a desk with tickets the default rules, one row only, and reads a period of tickets from the covering index', async () => {
    const { dir, old } = await backendBefore('0310');
    await old.invoke('session:begin', { operator: '王芳' });
    const customer = (await old.invoke('customers:create', { name: '王小明', phones: [{ phone: '13812345678' }] })) as { ok: true; value: { id: number } };
    const ticket = await oldTicket(old, 'tickets:create', phoneTicket(customer.value.id));
    await old.close();
    const backend = await openTestBackend(dir);
    expect(backend.migration.applied[0]).toBe('0310_create_report_settings');
    const db = backend.store.sqlite;
    // The defaults the migration writes: 30 days, a line of 10.00 per 100 units, a rise of 50 %, 3 failures.
    expect(db.prepare('select repeat_window_days, rate_threshold_x100, rise_percent, min_failures, changed_at, changed_by from report_settings').all()).toEqual([
      { repeat_window_days: 30, rate_threshold_x100: 1000, rise_percent: 50, min_failures: 3, changed_at: null, changed_by: null },
    ]);
    expect(() => db.prepare('insert into report_settings (id) values (2)').run()).toThrow(/CHECK/);
    expect(() => db.prepare('update report_settings set repeat_window_days = 0').run()).toThrow(/CHECK/);
    expect(() => db.prepare('update report_settings set rise_percent = 10001').run()).toThrow(/CHECK/);
    // The old ticket is counted, and a period's counts read the covering index, never the wide rows.
    const reported = (db.prepare('select reported_at from tickets where id = ?').get(ticket.id) as { reported_at: number }).reported_at;
    const day = new Date(reported);
    const from = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    expect((await backend.ok('reports:bundle', { from, to: from })).repairs.total).toBe(1);
    const plan = db.prepare('explain query plan select status, count(*) from tickets where reported_at >= ? and reported_at < ? group by status').all(0, 1) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(/USING COVERING INDEX tickets_report/);
    await backend.close();
  });
});

describe('migration 0350 (the month summary of the reports)', () => {
  it('marks the days of a desk\'s tickets dirty, sums their month when a report reads it, and keeps it by triggers after', async () => {
    const { dir, old } = await backendBefore('0350');
    await old.invoke('session:begin', { operator: '王芳' });
    const customer = (await old.invoke('customers:create', { name: '王小明', phones: [{ phone: '13812345678' }] })) as { ok: true; value: { id: number } };
    const ticket = await oldTicket(old, 'tickets:create', phoneTicket(customer.value.id));
    await old.close();
    const backend = await openTestBackend(dir);
    expect(backend.migration.applied[0]).toBe('0350_report_months');
    const db = backend.store.sqlite;
    const reported = (db.prepare('select reported_at from tickets where id = ?').get(ticket.id) as { reported_at: number }).reported_at;
    // One ticket, not resolved: the upgrade marked its one day dirty, and the start's background
    // work (awaited by openTestBackend) summed its month: the first report finds it done.
    expect(db.prepare('select count(*) as n from report_months_dirty').get()).toEqual({ n: 0 });
    const day = new Date(reported);
    const month = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}`;
    expect(db.prepare("select month, k1, n from report_months where kind = 'status'").all()).toEqual([{ month, k1: 'new', n: 1 }]);
    expect(backend.logger.lines.some((e) => /1 months of the summary summed in the background/.test(e.message))).toBe(true);
    // A write marks the day again, in the same statement; a note on the ticket does not.
    db.prepare("update tickets set diagnosis = '待查' where id = ?").run(ticket.id);
    expect(db.prepare('select count(*) as n from report_months_dirty').get()).toEqual({ n: 0 });
    db.prepare("update tickets set fault_category = 'leak' where id = ?").run(ticket.id);
    expect(db.prepare('select day from report_months_dirty').all()).toEqual([{ day: Math.floor(reported / 86_400_000) }]);
    // A report reads the dirty month summed again first, and the day is clean after.
    const last = new Date(day.getFullYear(), day.getMonth() + 1, 0).getDate();
    expect((await backend.ok('reports:bundle', { from: `${month}-01`, to: `${month}-${last}` })).repairs.byCategory).toEqual([expect.objectContaining({ key: 'leak', count: 1 })]);
    expect(db.prepare("select k1, n from report_months where kind = 'category'").all()).toEqual([{ k1: 'leak', n: 1 }]);
    expect(db.prepare('select count(*) as n from report_months_dirty').get()).toEqual({ n: 0 });
    // The unsettled tickets of a period are found by their partial index.
    const plan = db.prepare('explain query plan select id from tickets where reported_at >= ? and reported_at < ? and (answered_at is null or resolved_at is null or (arrived_at is null and solved_by_phone = 0))').all(0, 1) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(/tickets_unsettled/);
    await backend.close();
  });
});

describe('migration 0380 (the monthly returns to a maker)', () => {
  it("keeps a desk's units, with no sale price or seller yet, and their monthly returns can be drawn and priced after", async () => {
    const { dir, old } = await backendBefore('0380');
    const { call, model, unit } = await oldDeskWithUnit(old);
    const maker = await call('makers:create', { name: '格力电器售后服务部' });
    await call('makers:setModelMaker', { modelId: model.id, makerId: maker.id });
    await old.close();

    const backend = await openTestBackend(dir);
    expect(backend.migration.applied).toContain('0380_maker_returns');
    expect(backend.store.sqlite.prepare('select serial, sale_price_fen, sold_by from units where id = ?').get(unit.id)).toEqual({ serial: 'GL-OLD-1', sale_price_fen: null, sold_by: null });
    expect(await backend.ok('makerReturns:list', {})).toEqual([]);
    const before = await backend.ok('units:get', { id: unit.id });
    const { id, customerId, modelId, serial, purchaseDate, installDate, acceptanceDate, productionDate, invoiceNumber, siteAddress, locationNote } = before;
    const priced = await backend.ok('units:update', { id, customerId, modelId, serial, purchaseDate, installDate, acceptanceDate, productionDate, invoiceNumber, siteAddress, locationNote, salePriceFen: 329_900, soldBy: '周建国' });
    expect(priced).toMatchObject({ salePriceFen: 329_900, soldBy: '周建国' });
    const pack = await backend.ok('makerReturns:pack', { makerId: maker.id, month: '2025-05' });
    expect(pack.sales).toMatchObject({ units: 1, amountFen: 329_900, bySeller: [{ seller: '周建国', units: 1, amountFen: 329_900 }] });
    await backend.close();
  });
});

describe('migration 0410 (an import still being written holds its rows)', () => {
  it('keeps an import a desk before it left half written with a ticket on it, said once, and the desk opens', async () => {
    const { dir, old } = await backendBefore('0410');
    const { customer, unit } = await oldDeskWithUnit(old);
    // The state 0360's stepped import could leave: its batch still running (the PC went off),
    // and the clerk's ticket on one of the customers it had written.
    const sqlite = old.store.sqlite;
    const batch = Number(
      sqlite
        .prepare("insert into import_batches (file_name, sheet, operator, audit_mark, created_at, customers_created, customers_reused, units_created, models_created, rows_not_imported, running) values ('客户.xlsx', 'Sheet1', '王芳', 0, 0, 0, 0, 0, 0, 0, 1)")
        .run().lastInsertRowid,
    );
    const record = sqlite.prepare('insert into import_batch_rows (batch_id, table_name, row_id) values (?, ?, ?)');
    record.run(batch, 'customers', customer.id);
    record.run(batch, 'units', unit.id);
    const ticket = await oldTicket(old, 'tickets:create', phoneTicket(customer.id));
    await old.close();

    const backend = await openTestBackend(dir);
    expect(backend.migration.applied).toContain('0410_import_guard');
    expect(backend.logger.lines.filter((l) => l.message.startsWith('import cut short')).map((l) => l.level)).toEqual(['error']);
    expect(backend.store.sqlite.prepare('select running, cut_short_at is not null as cut, customers_created, units_created from import_batches').get()).toEqual({ running: 0, cut: 1, customers_created: 1, units_created: 1 });
    expect(backend.store.sqlite.prepare('select count(*) from customers where id = ?').pluck().get(customer.id)).toBe(1);
    expect((await backend.ok('tickets:get', { id: ticket.id })).number).toBe(ticket.number);
    expect(await backend.ok('import:cutShort', {})).toHaveLength(1);
    expect(backend.store.sqlite.prepare("select count(*) from sqlite_master where type = 'trigger' and name like 'import_guard_%'").pluck().get()).toBeGreaterThan(60);
    await backend.close();
  });
});

describe('migration 0420 (renewals and visits for the scheduled-service report)', () => {
  it("finds a contract's renewal by a seek and counts a period's visits from the index alone", async () => {
    const { dir, old } = await backendBefore('0420');
    await old.close();
    const backend = await openTestBackend(dir);
    expect(backend.migration.applied[0]).toBe('0420_contract_renewals_index');
    const db = backend.store.sqlite;
    const plan = (query: string, ...args: unknown[]) => (db.prepare(`explain query plan ${query}`).all(...args) as { detail: string }[]).map((p) => p.detail).join(' | ');
    // Before, each contract ending in the period walked every contract for its renewal.
    expect(plan("select sum(exists (select 1 from maintenance_contracts r where r.renewed_from_id = c.id and r.cancelled_at is null)) from maintenance_contracts c where c.cancelled_at is null and c.ends_on between ? and ?", '2026-01-01', '2026-12-31')).toMatch(
      /SEARCH r USING INDEX maintenance_contracts_renewed/,
    );
    expect(plan("select count(*), sum(status = 'done') from visits v where v.due_on >= ? and v.due_on <= ?", '2026-01-01', '2026-12-31')).toMatch(/USING COVERING INDEX visits_due/);
    expect((await backend.ok('reports:bundle', { from: '2026-01-01', to: '2026-12-31' })).scheduled).toEqual({ planned: 0, done: 0, missed: 0, cancelled: 0, open: 0, ending: 0, renewed: 0, lapsed: 0 });
    await backend.close();
  });
});

describe('migration 0430 (the search box on ten years of history)', () => {
  it("reads a unit's repair history from its index alone and a customer's open repairs among the open tickets only", async () => {
    const { dir, old } = await backendBefore('0430');
    const { customer, unit } = await oldDeskWithUnit(old);
    const ticket = await oldTicket(old, 'tickets:create', { customerId: customer.id, unitId: unit.id, faultReported: '不制冷', faultCategory: 'notCooling' });
    await old.close();
    const backend = await openTestBackend(dir);
    expect(backend.migration.applied[0]).toBe('0430_search_glance_indexes');
    const db = backend.store.sqlite;
    const plan = (query: string, ...args: unknown[]) => (db.prepare(`explain query plan ${query}`).all(...args) as { detail: string }[]).map((p) => p.detail).join(' | ');
    expect(
      plan("select id, unit_id, reported_at, resolved_at, fault_category, warranty_in, unfixed_downtime from tickets where unit_id in (?, ?) and status != 'cancelled' order by reported_at", unit.id, unit.id + 1),
    ).toMatch(/USING COVERING INDEX tickets_unit/);
    expect(plan('select id from tickets where open = 1 and customer_id in (?, ?) order by reported_at desc', customer.id, customer.id + 1)).toMatch(/USING INDEX tickets_open_customer/);
    expect(plan('select id from tickets where open = 1 and unit_id in (?, ?) order by reported_at desc', unit.id, unit.id + 1)).toMatch(/USING INDEX tickets_open_unit/);
    // The search box still finds the customer by a fragment of the phone, with the open repair in the row.
    const hits = await backend.ok('search:query', { query: '12345678', limit: 20 });
    const row = hits.find((h) => h.kind === 'customer' && h.id === customer.id);
    expect(row && 'openTickets' in row ? row.openTickets.map((t) => t.number) : null).toEqual([ticket.number]);
    await backend.close();
  });
});
