import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n';
import { dataPaths, openDeskTestBackend, openTestBackend, type DeskTestBackend } from '../support/backend';
import { person } from '../support/sample';
import { migrations } from '../../electron/backend/db/migrations';
import { tempDataDir } from '../support/temp';
import { bundleChild, ROOT, sharedNode } from '../support/child-bundle';
import { compressedName } from '../../electron/backend/domains/admin/backup-codec';

/*
 * Real files damaged on disk: pages overwritten in the middle of a seeded database, a file of
 * random bytes, a text file named desk.sqlite; a folder in the file's place, a file held by
 * another connection, a write-protected folder for an unprivileged user. The damaged file is
 * compared byte for byte before and after everything the desk does with it.
 */

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A desk with 张三 in a backup and 李四 entered after it: a restore must bring back exactly the backup. */
async function seededDesk(start = new Date(2026, 8, 18, 9, 0)) {
  const dir = tempDataDir('health');
  let clock = start;
  const backend = await openTestBackend(dir, () => clock);
  await backend.ok('session:begin', { operator: '王芳' });
  await backend.ok('customers:create', person());
  clock = new Date(start.getTime() + 60 * 60 * 1000);
  const backup = await backend.ok('backups:create', {});
  expect(backup.check).toBe('ok');
  await backend.ok('customers:create', person({ name: '李四', phones: [{ phone: '13900001111' }] }));
  await backend.close();
  const { dbPath } = dataPaths(dir);
  // Closed cleanly: everything is in the main file, no -wal left to hide the damage.
  expect(existsSync(`${dbPath}-wal`)).toBe(false);
  return { dir, dbPath, backup };
}

/** Random bytes over pages in the middle of the file: the header still says "SQLite", the tree does not hold. */
function damageMiddlePages(dbPath: string): void {
  const pageSize = 4096;
  const pages = Math.floor(statSync(dbPath).size / pageSize);
  expect(pages).toBeGreaterThan(10);
  const fd = openSync(dbPath, 'r+');
  try {
    for (let page = Math.floor(pages / 3); page < Math.floor((2 * pages) / 3); page++) writeSync(fd, randomBytes(pageSize), 0, pageSize, page * pageSize);
  } finally {
    closeSync(fd);
  }
}

/** Random bytes over one table's root page only: the schema and the settings still read. */
function damageTable(dbPath: string, table: string): void {
  const raw = new Database(dbPath, { readonly: true });
  const { rootpage } = raw.prepare('select rootpage from sqlite_master where name = ?').get(table) as { rootpage: number };
  raw.close();
  const fd = openSync(dbPath, 'r+');
  try {
    writeSync(fd, randomBytes(4096), 0, 4096, (rootpage - 1) * 4096);
  } finally {
    closeSync(fd);
  }
}

const names = (b: DeskTestBackend) => b.ok('customers:list', {}).then((p) => p.items.map((c) => c.name).sort());

async function expectRecovery(desk: DeskTestBackend, kind: 'damaged' | 'unreadable') {
  expect(desk.mode).toBe('recovery');
  const status = await desk.ok('health:status', {});
  expect(status).toMatchObject({ mode: 'recovery', dbPath: dataPaths(desk.dir).dbPath, problem: { kind }, lastFullCheck: null });
  expect(status.problem!.detail.length).toBeGreaterThan(0);
  // Every other channel answers the same clear error, in both languages.
  for (const channel of ['customers:list', 'settings:get', 'tickets:list', 'backups:list'] as const) {
    const error = await desk.fails(channel, channel === 'tickets:list' ? { scope: 'all' } : {});
    expect(error.code).toBe('DB_DAMAGED');
    expect(error.details.message).toEqual({ key: 'health.errors.notOpen', params: { file: dataPaths(desk.dir).dbPath } });
  }
  expect(translator('zh-CN')('health.errors.notOpen', { file: 'x' })).toMatch(/没有打开/);
  expect(translator('en')(`health.errors.${kind}`, { file: 'x' })).toMatch(kind === 'damaged' ? /damaged.*has not changed it/ : /cannot read.*folder/);
  expect((await desk.ok('app:info', {})).dbPath).toBe(dataPaths(desk.dir).dbPath);
  return status;
}

describe('a damaged database file', () => {
  it('opens in recovery mode, is never touched, and a restore brings back the newest good backup while keeping it renamed', async () => {
    const { dir, dbPath, backup } = await seededDesk();
    damageMiddlePages(dbPath);
    const before = sha(dbPath);

    const desk = await openDeskTestBackend(dir, () => new Date(2026, 8, 19, 8, 30, 5));
    const status = await expectRecovery(desk, 'damaged');
    expect(status.problem!.detail).toMatch(/QUICK_CHECK|CORRUPT|NOTADB|malformed/i);
    expect(status.newestGoodBackup).toMatchObject({ file: backup.file, check: 'ok', counts: { customers: 1 } });
    expect(desk.logger.lines.some((l) => l.level === 'error' && /recovery mode/.test(l.message))).toBe(true);
    expect(sha(dbPath)).toBe(before);

    // A name that is not a backup of ours is refused before anything moves.
    expect((await desk.fails('health:restore', { file: '../desk.sqlite' })).code).toBe('VALIDATION');
    expect((await desk.fails('health:restore', { file: 'desk-2020-01-01T0000-manual.sqlite' })).code).toBe('NOT_FOUND');
    expect(sha(dbPath)).toBe(before);

    const restored = await desk.ok('health:restore', { file: backup.file });
    expect(restored.restoredFrom).toBe(backup.file);
    expect(restored.keptAs).toBe(join(dir, 'desk.damaged-20260919-083005.sqlite'));
    expect(sha(restored.keptAs!)).toBe(before);
    expect(desk.mode).toBe('ok');
    // The same object now answers from the restored database: the backup's data, not what came after.
    expect(await names(desk)).toEqual(['张三']);
    expect(await desk.ok('health:status', {})).toMatchObject({ mode: 'ok', problem: null });
    expect(desk.store.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
    // The restored database's own log says it was restored, and from which backup.
    const [logged] = (await desk.ok('audit:list', { channel: 'health:restore' })).items;
    const detail = await desk.ok('audit:get', { id: logged!.id });
    expect(detail.rows).toEqual([
      {
        table: 'database',
        rowId: 'desk',
        op: 'update',
        before: { keptAs: 'desk.damaged-20260919-083005.sqlite' },
        after: expect.objectContaining({ backup: backup.file, customers: 1 }),
        label: 'desk',
        refs: {},
      },
    ]);
    await desk.close();
  });

  it.each([
    ['random bytes', () => randomBytes(64 * 1024)],
    ['a text file', () => Buffer.from('客户名单：张三 13800001234\n'.repeat(500))],
  ])('treats %s named desk.sqlite the same way', async (_label, bytes) => {
    const { dir, dbPath, backup } = await seededDesk();
    writeFileSync(dbPath, bytes());
    const before = sha(dbPath);
    const desk = await openDeskTestBackend(dir, () => new Date(2026, 8, 19, 8, 0));
    const status = await expectRecovery(desk, 'damaged');
    expect(status.problem!.detail).toMatch(/NOTADB|not a database/i);
    expect(status.newestGoodBackup?.file).toBe(backup.file);
    expect(sha(dbPath)).toBe(before);
    const { keptAs } = await desk.ok('health:restore', { file: backup.file });
    expect(sha(keptAs!)).toBe(before);
    expect(await names(desk)).toEqual(['张三']);
    await desk.close();
  });

  it('looks in the backup folder the damaged file names, and in a folder chosen on the recovery screen', async () => {
    const dir = tempDataDir('health-folder');
    const stick = join(tempDataDir('health-stick'), 'desk-backups');
    const other = tempDataDir('health-other');
    let clock = new Date(2026, 8, 18, 9, 0);
    const seeded = await openTestBackend(dir, () => clock);
    await seeded.ok('session:begin', { operator: '王芳' });
    await seeded.ok('customers:create', person());
    seeded.platform.folderAnswer = stick;
    await seeded.ok('backups:chooseFolder', {});
    clock = new Date(2026, 8, 18, 9, 30);
    const onStick = await seeded.ok('backups:create', {});
    await seeded.close();
    const { dbPath } = dataPaths(dir);
    damageTable(dbPath, 'customers');

    const desk = await openDeskTestBackend(dir);
    const status = await expectRecovery(desk, 'damaged');
    expect(status.newestGoodBackup?.file).toBe(onStick.file);

    // A folder with no good backup: said so, nothing offered.
    desk.platform.folderAnswer = other;
    expect((await desk.ok('health:chooseFolder', {}))?.newestGoodBackup).toBeNull();
    desk.platform.folderAnswer = null;
    expect(await desk.ok('health:chooseFolder', {})).toBeNull();
    desk.platform.folderAnswer = stick;
    expect((await desk.ok('health:chooseFolder', {}))?.newestGoodBackup?.file).toBe(onStick.file);
    await desk.ok('health:restore', { file: onStick.file });
    expect(await names(desk)).toEqual(['张三']);
    await desk.close();
  });

  it('puts everything back when the restored backup cannot be brought up to date', async () => {
    const { dir, dbPath, backup } = await seededDesk();
    damageMiddlePages(dbPath);
    const before = sha(dbPath);
    const failing = {
      ...migrations,
      '0999_broken': { up: async () => { throw new Error('disk said no'); } },
    };
    const desk = await openDeskTestBackend(dir, undefined, { migrations: failing });
    await expectRecovery(desk, 'damaged');
    const sideFiles = readdirSync(dir).sort();
    const error = await desk.fails('health:restore', { file: backup.file });
    expect(error.details.message).toEqual({ key: 'health.errors.restoreFailed', params: { file: backup.file } });
    expect(desk.mode).toBe('recovery');
    expect(sha(dbPath)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(sideFiles);
    expect(readdirSync(dir).filter((f) => f.includes('damaged') || f.endsWith('.restoring'))).toEqual([]);
    expect((await desk.ok('health:status', {})).problem?.kind).toBe('damaged');
    await desk.close();
  });
});

describe('an unreadable database file', () => {
  it('a folder where the file should be: unreadable, kept, and a restore still works', async () => {
    const { dir, dbPath, backup } = await seededDesk();
    const moved = `${dbPath}.elsewhere`;
    writeFileSync(moved, readFileSync(dbPath));
    rmSync(dbPath);
    mkdirSync(dbPath);
    writeFileSync(join(dbPath, 'note.txt'), 'not a database');
    const desk = await openDeskTestBackend(dir, () => new Date(2026, 8, 19, 8, 0));
    const status = await expectRecovery(desk, 'unreadable');
    expect(status.problem!.detail).toMatch(/CANTOPEN|unable to open/i);
    // Still unreadable: retry says so and changes nothing.
    expect((await desk.ok('health:retry', {})).mode).toBe('recovery');
    const { keptAs } = await desk.ok('health:restore', { file: backup.file });
    expect(readFileSync(join(keptAs!, 'note.txt'), 'utf8')).toBe('not a database');
    expect(await names(desk)).toEqual(['张三']);
    await desk.close();
  });

  it('a file held by another program: unreadable, and "try again" opens it once it is free', async () => {
    const { dir, dbPath } = await seededDesk();
    const holder = new Database(dbPath);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('begin exclusive');
    const desk = await openDeskTestBackend(dir);
    const status = await expectRecovery(desk, 'unreadable');
    expect(status.problem!.detail).toMatch(/BUSY|LOCKED|locked/i);
    holder.exec('rollback');
    holder.close();
    const after = await desk.ok('health:retry', {});
    expect(after.mode).toBe('ok');
    expect(desk.mode).toBe('ok');
    // Opened as it was: nothing restored, nothing renamed, both customers there.
    expect(await names(desk)).toEqual(['张三', '李四']);
    expect(readdirSync(dir).filter((f) => f.includes('damaged'))).toEqual([]);
    await desk.close();
  }, 30_000);

  const isRoot = process.getuid?.() === 0;
  const canDropRoot = existsSync('/usr/bin/setpriv');
  describe.skipIf(process.platform === 'win32' || (isRoot && !canDropRoot))('with real permissions', () => {
    it('a write-protected data folder, for an ordinary user, is unreadable (not damaged) and left alone', async () => {
      const { dir, dbPath } = await seededDesk();
      const before = sha(dbPath);
      // Bundled beside the data and run with a Node anyone may execute: the checkout may sit in a
      // private folder the ordinary user cannot enter.
      const childDir = join(dirname(dir), `${basename(dir)}-child`);
      const node = [
        sharedNode(),
        bundleChild(
          `
import { openDeskTestBackend } from ${JSON.stringify(join(ROOT, 'tests/support/backend'))};
const desk = await openDeskTestBackend(${JSON.stringify(dir)});
const status = await desk.invoke('health:status', {});
const list = await desk.invoke('customers:list', {});
await desk.close();
console.log('RESULT ' + JSON.stringify({ mode: desk.mode, status, list }));
`,
          childDir,
        ),
      ];
      chmodSync(childDir, 0o755);
      chmodSync(dbPath, 0o644);
      chmodSync(dir, 0o555);
      const run = isRoot
        ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', ...node], { cwd: childDir, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: dirname(dir) } })
        : spawnSync(node[0]!, node.slice(1), { cwd: childDir, encoding: 'utf8' });
      chmodSync(dir, 0o700);
      const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
      expect(line, run.stderr).toBeDefined();
      const out = JSON.parse(line!.slice('RESULT '.length)) as {
        mode: string;
        status: { ok: true; value: { problem: { kind: string; detail: string } } };
        list: { ok: false; error: { code: string } };
      };
      expect(out.mode).toBe('recovery');
      expect(out.status.value.problem.kind).toBe('unreadable');
      expect(out.list).toMatchObject({ ok: false, error: { code: 'DB_DAMAGED' } });
      expect(sha(dbPath)).toBe(before);
      // Once the folder is writable again, the desk opens it as it was.
      const desk = await openDeskTestBackend(dir);
      expect(desk.mode).toBe('ok');
      expect(await names(desk)).toEqual(['张三', '李四']);
      await desk.close();
    }, 60_000);
  });
});

describe('the weekly full check', () => {
  it('runs at start-up when none ran for a week, not when a recent one exists, and on demand', async () => {
    const dir = tempDataDir('weekly');
    let clock = new Date(2026, 8, 1, 9, 0);
    const rows = (b: { store: { sqlite: Database.Database } }) => b.store.sqlite.prepare('select at, ok from health_checks order by id').all();
    let desk = await openTestBackend(dir, () => clock);
    expect(rows(desk)).toEqual([{ at: clock.getTime(), ok: 1 }]);
    const first = (await desk.ok('health:status', {})).lastFullCheck!;
    expect(first).toMatchObject({ at: clock.getTime(), ok: true, problems: [] });
    expect(first.ms).toBeGreaterThanOrEqual(0);
    await desk.close();

    clock = new Date(2026, 8, 7, 9, 0); // six days on: not due
    desk = await openTestBackend(dir, () => clock);
    expect(rows(desk)).toHaveLength(1);
    expect((await desk.ok('health:status', {})).fullCheckDue).toBe(false);
    await desk.close();

    clock = new Date(2026, 8, 8, 9, 0); // seven days on: due, and run
    desk = await openTestBackend(dir, () => clock);
    expect(rows(desk)).toHaveLength(2);
    expect((await desk.ok('health:status', {})).lastFullCheck?.at).toBe(clock.getTime());

    clock = new Date(2026, 8, 9, 10, 0);
    const onDemand = await desk.ok('health:check', {});
    expect(onDemand).toMatchObject({ at: clock.getTime(), ok: true, problems: [] });
    expect(rows(desk)).toHaveLength(3);
    expect(await desk.ok('health:status', {})).toMatchObject({ mode: 'ok', lastFullCheck: onDemand, fullCheckDue: false });
    // A working database is restored through backups:restore (admin PIN, safety backup), not here.
    expect((await desk.fails('health:restore', { file: 'desk-2026-09-01T0900-startup.sqlite' })).details.message).toEqual({ key: 'health.errors.notInRecovery' });
    await desk.close();
  });

  it('reads the file in a worker, so the desk answers while a check runs', async () => {
    const desk = await openTestBackend();
    for (let i = 0; i < 200; i++) await desk.ok('customers:create', person({ name: `客户${i}`, phones: [{ phone: `1380000${String(i).padStart(4, '0')}` }] }));
    const order: string[] = [];
    const check = desk.ok('health:check', {}).then((c) => {
      order.push('check');
      return c;
    });
    const list = desk.ok('customers:list', { limit: 10 }).then((l) => {
      order.push('list');
      return l;
    });
    const [checked, listed] = await Promise.all([check, list]);
    expect(checked.ok).toBe(true);
    expect(listed.total).toBe(200);
    expect(order).toEqual(['list', 'check']);
    await desk.close();
  });

  it('finds damage quick_check cannot see, repairs nothing, and offers the backup from before it', async () => {
    const dir = tempDataDir('integrity');
    let clock = new Date(2026, 8, 1, 9, 0);
    const seeded = await openTestBackend(dir, () => clock);
    await seeded.ok('session:begin', { operator: '王芳' });
    for (let i = 0; i < 30; i++) await seeded.ok('customers:create', person({ name: `客户${i}`, phones: [{ phone: `1380000${String(i).padStart(4, '0')}` }] }));
    clock = new Date(2026, 8, 1, 9, 30);
    const good = await seeded.ok('backups:create', {});
    await seeded.close();
    const { dbPath } = dataPaths(dir);

    // The index on phones now claims to index another column: its pages are intact (quick_check
    // passes) but no longer agree with the table, which only integrity_check compares.
    const raw = new Database(dbPath);
    raw.unsafeMode(true);
    raw.pragma('writable_schema = ON');
    raw.prepare("update sqlite_master set sql = 'CREATE INDEX customer_phones_phone ON customer_phones (customer_id)' where name = 'customer_phones_phone'").run();
    raw.pragma('writable_schema = OFF');
    raw.close();
    const check = new Database(dbPath, { readonly: true });
    expect(check.pragma('quick_check', { simple: true })).toBe('ok');
    expect(check.pragma('integrity_check', { simple: true })).not.toBe('ok');
    check.close();

    clock = new Date(2026, 8, 9, 9, 0);
    const desk = await openTestBackend(dir, () => clock);
    const status = await desk.ok('health:status', {});
    expect(status.mode).toBe('ok');
    expect(status.lastFullCheck).toMatchObject({ at: clock.getTime(), ok: false });
    expect(status.lastFullCheck!.problems.length).toBeGreaterThan(0);
    expect(status.lastFullCheck!.problems.length).toBeLessThanOrEqual(20);
    expect(status.lastFullCheck!.problems.join('\n')).toMatch(/customer_phones_phone/);
    // Today's start-up backup copied the damage (and passed its quick_check): the newest one that also passes the full check is offered.
    expect(readdirSync(join(dir, 'backups')).filter((f) => /\.sqlite(\.zst|\.gz)?$/.test(f))).toContain(compressedName('desk-2026-09-09T0900-startup.sqlite'));
    expect(status.newestGoodBackup?.file).toBe(good.file);
    expect(desk.logger.lines.some((l) => l.level === 'error' && /integrity_check/.test(l.message))).toBe(true);
    // Nothing repaired: the index still says what it said.
    expect(desk.store.sqlite.prepare("select sql from sqlite_master where name = 'customer_phones_phone'").get()).toEqual({
      sql: 'CREATE INDEX customer_phones_phone ON customer_phones (customer_id)',
    });
    expect(await desk.ok('health:check', {})).toMatchObject({ ok: false });

    await desk.ok('backups:restore', { file: good.file });
    expect(await desk.ok('health:check', {})).toMatchObject({ ok: true, problems: [] });
    expect((await desk.ok('customers:list', {})).total).toBe(30);
    await desk.close();
  });
});
