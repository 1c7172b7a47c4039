import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n';
import type { ApiError } from '../../shared/result';
import { dataPaths, openTestBackend, type TestBackend } from '../support/backend';
import { person, seedModel } from '../support/sample';
import { tempDataDir } from '../support/temp';
import { bundleChild, ROOT, sharedNode } from '../support/child-bundle';

/*
 * Disk full: PRAGMA max_page_count caps the file just above its size, which is how SQLite itself
 * reports a full disk (SQLITE_FULL). Read-only: the tests may run as root, where chmod stops no
 * write and mounting a read-only filesystem is not allowed in a container, so the live
 * connection is switched to PRAGMA query_only: SQLite then refuses writes with the same
 * SQLITE_READONLY a write-protected file or USB stick gives, and no test-only option is needed
 * in the shipped code. A real write-protected file is also tried, in a child process that drops
 * root for an unprivileged user (setpriv), where permissions do bind.
 */

let clock = new Date(2026, 8, 18, 14, 0);
let backend: TestBackend;

beforeEach(async () => {
  clock = new Date(2026, 8, 18, 14, 0);
  backend = await openTestBackend(undefined, () => clock);
  await backend.ok('settings:update', { companyName: '杭州惠民制冷设备有限公司', hotline: '4008123456' });
  await backend.ok('session:begin', { operator: '王芳' });
});
afterEach(async () => {
  await backend.close();
});

async function seed() {
  const model = await seedModel(backend);
  const customer = await backend.ok('customers:create', person());
  const unit = await backend.ok('units:create', {
    customerId: customer.id,
    modelId: model.id,
    serial: 'SN-DISK-0001',
    purchaseDate: '2026-05-01',
    acceptanceDate: '2026-05-01',
  });
  const part = await backend.ok('parts:create', { partNumber: 'PCB-35', name: '主控板', costFen: 20_000, priceFen: 35_000, quantity: 5 });
  const ticket = await backend.ok('tickets:create', { customerId: customer.id, unitId: unit.id, faultReported: '不制冷', faultCategory: 'notCooling' });
  return { customer, unit, part, ticket };
}
type Seeded = Awaited<ReturnType<typeof seed>>;

/** Row count of every table, straight from SQLite: a failed write must leave all of them as they were. */
function counts(): Record<string, number> {
  const { sqlite } = backend.store;
  const tables = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (sqlite.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]));
}

const stockOf = async (partId: number) => (await backend.ok('parts:list', {})).find((p) => p.id === partId)?.quantity;

/** A ticket whose report needs overflow pages: it cannot squeeze into space left on existing pages. */
const bigTicket = (s: Seeded) => ({
  customerId: s.customer.id,
  unitId: s.unit.id,
  faultReported: '外机运行时有异响，室内机滴水，遥控器偶尔失灵。'.repeat(80).slice(0, 2000),
  faultCategory: 'noise' as const,
  parts: [{ partId: s.part.id, quantity: 2 }],
});

function expectStorage(error: ApiError, key: 'errors.diskFull' | 'errors.readOnly') {
  expect(error.code).toBe('STORAGE');
  expect(error.details.message).toEqual({ key });
  // Each sentence names the cause, says nothing was changed, and says what to do.
  expect(translator('zh-CN')(key)).toMatch(key === 'errors.diskFull' ? /磁盘已满.*没有改动.*腾出磁盘空间/ : /只读.*没有改动.*写保护/);
  expect(translator('en')(key)).toMatch(key === 'errors.diskFull' ? /disk is full.*nothing was changed.*Free some disk space/ : /read-only.*nothing was changed.*permissions/);
}

/** The reads the desk keeps using while the disk refuses writes. */
async function readsStillWork(s: Seeded, customers: number, tickets: number) {
  expect((await backend.ok('customers:list', {})).total).toBe(customers);
  expect((await backend.ok('tickets:list', { scope: 'all' })).total).toBe(tickets);
  expect(await backend.ok('tickets:get', { id: s.ticket.id })).toMatchObject({ number: s.ticket.number });
  expect(await backend.ok('search:query', { query: '张三' })).toMatchObject([{ kind: 'customer', name: '张三' }]);
  expect(await backend.ok('units:get', { id: s.unit.id })).toMatchObject({ serial: 'SN-DISK-0001' });
}

describe('disk full', () => {
  it('refuses the write that does not fit with a clear message, leaves no trace of it, keeps reading, and writes again once space is back', async () => {
    const s = await seed();
    const { sqlite } = backend.store;
    const pages = Number(sqlite.pragma('page_count', { simple: true }));
    sqlite.pragma(`max_page_count = ${pages + 2}`);

    // The desk keeps registering callers until the disk runs out; the one that did not fit is not half-saved.
    let saved = 0;
    let refused: ApiError | null = null;
    for (let i = 0; i < 200 && !refused; i++) {
      const before = counts();
      const input = person({
        name: `满盘测试客户${String(i).padStart(3, '0')}`,
        phones: [{ phone: `1380000${String(i).padStart(4, '0')}` }],
        addresses: [{ address: `浙江省杭州市西湖区文三路 ${i} 号`.padEnd(200, '甲'), isDefault: true }],
      });
      const result = await backend.invoke('customers:create', input);
      if (result.ok) {
        saved++;
        continue;
      }
      refused = result.error;
      expect(counts()).toEqual(before);
      expect(await backend.ok('search:query', { query: input.name })).toEqual([]);
    }
    expect(refused, 'the capped file should fill up').not.toBeNull();
    expectStorage(refused!, 'errors.diskFull');
    expect(backend.logger.lines.filter((l) => l.level === 'error')).toEqual([]);

    // A ticket with parts: a multi-table write, and the stock must not move.
    const before = counts();
    expectStorage(await backend.fails('tickets:create', bigTicket(s)), 'errors.diskFull');
    expect(counts()).toEqual(before);
    expect(await stockOf(s.part.id)).toBe(5);
    await readsStillWork(s, 1 + saved, 1);

    // Space given back: the same writes go through.
    sqlite.pragma('max_page_count = 4294967294');
    await backend.ok('customers:create', person({ name: '满盘之后', phones: [{ phone: '13900009999' }] }));
    const ticket = await backend.ok('tickets:create', bigTicket(s));
    expect(ticket.parts).toHaveLength(1);
    expect(await stockOf(s.part.id)).toBe(3);
    await readsStillWork(s, 2 + saved, 2);
    expect(sqlite.pragma('quick_check', { simple: true })).toBe('ok');
  });
});

describe('read-only data folder', () => {
  it('refuses every write with a clear message, changes nothing, keeps reading, and writes again once writable', async () => {
    const s = await seed();
    const { sqlite } = backend.store;
    sqlite.pragma('query_only = 1');

    const before = counts();
    expectStorage(await backend.fails('customers:create', person({ name: '只读客户', phones: [{ phone: '13900001234' }] })), 'errors.readOnly');
    expectStorage(await backend.fails('tickets:create', bigTicket(s)), 'errors.readOnly');
    expectStorage(await backend.fails('customers:archive', { id: s.customer.id }), 'errors.readOnly');
    expect(counts()).toEqual(before);
    expect(await stockOf(s.part.id)).toBe(5);
    expect(await backend.ok('customers:get', { id: s.customer.id })).toMatchObject({ name: '张三', archivedAt: null });
    await readsStillWork(s, 1, 1);
    expect(backend.logger.lines.filter((l) => l.level === 'error')).toEqual([]);

    sqlite.pragma('query_only = 0');
    await backend.ok('customers:create', person({ name: '只读之后', phones: [{ phone: '13900001234' }] }));
    await backend.ok('tickets:create', bigTicket(s));
    expect(await stockOf(s.part.id)).toBe(3);
    await readsStillWork(s, 2, 2);
  });
});

const isRoot = process.getuid?.() === 0;
const canDropRoot = existsSync('/usr/bin/setpriv');

/** Opens the backend on `dir` as an ordinary user, tries a write and some reads, prints the results. */
const CHILD = (dir: string) => `
import { createBackend } from ${JSON.stringify(join(ROOT, 'electron/backend/backend'))};
import { MemoryLogger, RecordingPlatform } from ${JSON.stringify(join(ROOT, 'tests/support/recording-platform'))};
const paths = ${JSON.stringify(dataPaths(dir))};
const backend = await createBackend({ ...paths, platform: new RecordingPlatform(paths.trayDir), logger: new MemoryLogger() });
const create = await backend.invoke('customers:create', { name: '只读文件客户', phones: [{ phone: '13900005678' }] });
const list = await backend.invoke('customers:list', {});
const search = await backend.invoke('search:query', { query: '张三' });
await backend.close();
console.log('RESULT ' + JSON.stringify({ create, list, search }));
`;

describe.skipIf(process.platform === 'win32' || (isRoot && !canDropRoot))('a write-protected database file (real permissions)', () => {
  it('opens for reading and answers a write with the read-only message', async () => {
    const dir = tempDataDir('readonly-file');
    const seeded = await openTestBackend(dir);
    await seeded.ok('customers:create', person());
    await seeded.close();
    const { dbPath } = dataPaths(dir);
    // The folder stays writable (SQLite keeps its WAL index beside the file); only the file is protected.
    chmodSync(dir, 0o777);
    chmodSync(dbPath, 0o444);
    // Bundled beside the data and run with a Node anyone may execute: the checkout may sit in a
    // private folder the ordinary user cannot enter.
    const node = [sharedNode(), bundleChild(CHILD(dir), join(dir, 'child'))];
    chmodSync(join(dir, 'child'), 0o755);
    const run = isRoot
      ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', ...node], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: dir } })
      : spawnSync(node[0]!, node.slice(1), { cwd: dir, encoding: 'utf8' });
    const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    expect(line, run.stderr).toBeDefined();
    const out = JSON.parse(line!.slice('RESULT '.length)) as {
      create: { ok: false; error: ApiError };
      list: { ok: true; value: { total: number } };
      search: { ok: true; value: { name: string }[] };
    };
    expect(out.create.ok).toBe(false);
    expectStorage(out.create.error, 'errors.readOnly');
    expect(out.list).toMatchObject({ ok: true, value: { total: 1 } });
    expect(out.search).toMatchObject({ ok: true, value: [{ name: '张三' }] });
    const raw = new Database(dbPath, { readonly: true });
    expect(raw.prepare('select name from customers').all()).toEqual([{ name: '张三' }]);
    raw.close();
  });
});
