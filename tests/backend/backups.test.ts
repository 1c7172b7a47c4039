import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../shared/schemas/backup';
import { openStore, closeStore } from '../../electron/backend/db/connection';
import { migrateToLatest } from '../../electron/backend/db/migrate';
import { migrations } from '../../electron/backend/db/migrations';
import { backupPath } from '../../electron/backend/domains/admin/backups';
import { BACKUP_CODEC, codecOf, compressedName, expand } from '../../electron/backend/domains/admin/backup-codec';
import { expiredBackups } from '../../electron/backend/domains/admin/retention';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person, seedModel } from '../support/sample';
import { tempDataDir } from '../support/temp';

/** Local wall-clock times: "today" and the file names are the desk's own day, whatever the TZ. */
const at = (y: number, m: number, d: number, h = 9, min = 30) => new Date(y, m - 1, d, h, min);

let backend: TestBackend | null = null;
let clock = at(2026, 11, 22);
async function open(dir?: string) {
  backend = await openTestBackend(dir, () => clock);
  return backend;
}
afterEach(async () => {
  await backend?.close();
  backend = null;
  clock = at(2026, 11, 22);
});

const folderOf = (b: TestBackend) => join(b.dir, 'backups');
const customerNames = async (b: TestBackend) => (await b.ok('customers:list', { includeArchived: true })).items.map((c) => c.name).sort();
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('backups', () => {
  it('backs up at start-up once a day, with the online backup API, checked, with a sidecar of what it holds', async () => {
    let b = await open();
    const first = await b.ok('backups:list', {});
    expect(first.isDefaultFolder).toBe(true);
    // The backups that pile up are compact (issue 23): compressed, with both sizes in the sidecar.
    expect(first.backups.map((x) => [x.file, x.reason, x.check])).toEqual([[compressedName('desk-2026-11-22T0930-startup.sqlite'), 'startup', 'ok']]);

    await b.ok('customers:create', person());
    const manual = await b.ok('backups:create', {});
    expect(manual).toMatchObject({ file: compressedName('desk-2026-11-22T0930-manual.sqlite'), reason: 'manual', check: 'ok', counts: { customers: 1, units: 0, tickets: 0 }, codec: BACKUP_CODEC });
    expect(manual.schemaVersion).toBe(Object.keys(migrations).length);
    const sidecar = JSON.parse(readFileSync(join(folderOf(b), `${manual.file}.json`), 'utf8')) as Omit<BackupInfo, 'file'> & { sha256: string };
    expect(sidecar).toEqual({
      reason: 'manual',
      createdAt: clock.getTime(),
      size: manual.size,
      rawSize: manual.rawSize,
      codec: BACKUP_CODEC,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      check: 'ok',
      counts: manual.counts,
      schemaVersion: manual.schemaVersion,
    });
    expect(manual.size).toBeLessThan(manual.rawSize! / 2);
    // The same minute again gets its own name; the copy is a database of its own, not left in WAL mode.
    expect((await b.ok('backups:create', {})).file).toBe(compressedName('desk-2026-11-22T0930-manual-2.sqlite'));
    const expanded = join(tempDataDir('expanded'), 'copy.sqlite');
    await expand(join(folderOf(b), manual.file), codecOf(manual.file)!, expanded);
    expect(sha(expanded)).toBe(sidecar.sha256);
    const copy = new Database(expanded, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect((copy.prepare('select name from customers').all() as { name: string }[]).map((r) => r.name)).toEqual(['张三']);
    copy.close();
    expect(readdirSync(folderOf(b)).filter((f) => /-(wal|shm)$|\.partial$/.test(f))).toEqual([]);

    // Reopened the same day: no second start-up backup. The next day: one.
    const dir = b.dir;
    await b.close();
    b = await open(dir);
    expect((await b.ok('backups:list', {})).backups.filter((x) => x.reason === 'startup')).toHaveLength(1);
    await b.close();
    clock = at(2026, 11, 23, 8, 5);
    b = await open(dir);
    expect((await b.ok('backups:list', {})).backups[0]).toMatchObject({ file: compressedName('desk-2026-11-23T0805-startup.sqlite'), counts: { customers: 1 } });
  });

  it('keeps every backup of today, one a day for 30 days, one a month for 12 months, and safety backups 90 days', () => {
    const now = at(2026, 11, 22, 10, 0);
    const b = (file: string, when: Date, reason: BackupInfo['reason'] = 'startup'): BackupInfo => ({ file, createdAt: when.getTime(), reason, size: 1, check: 'ok', counts: null, schemaVersion: 7 });
    const list: BackupInfo[] = [
      b('today-1', at(2026, 11, 22, 8, 0)),
      b('today-2', at(2026, 11, 22, 9, 0), 'manual'),
      b('yesterday-early', at(2026, 11, 21, 8, 0)),
      b('yesterday-late', at(2026, 11, 21, 18, 0), 'manual'),
      b('day30-a', at(2026, 10, 23, 8, 0)),
      b('day30-b', at(2026, 10, 23, 17, 0)),
      b('day40-a', at(2026, 10, 13, 8, 0)),
      b('day45-b', at(2026, 10, 8, 8, 0)),
      b('september-1', at(2026, 9, 1)),
      b('september-20', at(2026, 9, 20)),
      b('restore-60-days', at(2026, 9, 23), 'beforeRestore'),
      b('migration-80-days', at(2026, 9, 3), 'beforeMigration'),
      b('migration-100-days', at(2026, 8, 14), 'beforeMigration'),
      b('august-20', at(2026, 8, 20)),
      b('december-last-year', at(2025, 12, 5)),
      b('december-last-year-2', at(2025, 12, 1)),
      b('eleven-months-ago', at(2025, 12, 23)),
      b('thirteen-months-ago', at(2025, 10, 20)),
      b('two-years-ago', at(2024, 11, 22)),
    ];
    const expired = expiredBackups(list, now, null).sort();
    expect(expired).toEqual(
      [
        'yesterday-early',
        'day30-a',
        'day45-b',
        'september-1',
        'september-20', // September's newest is the before-restore one, kept for it
        'migration-100-days', // past 90 days, and not August's newest
        'december-last-year',
        'december-last-year-2',
        'thirteen-months-ago',
        'two-years-ago',
      ].sort(),
    );
    // The one just made is never deleted, however old its clock says it is.
    expect(expiredBackups(list, now, 'two-years-ago')).not.toContain('two-years-ago');
  });

  it('applies retention after a backup to our own files only, never to anything else in the folder', async () => {
    const dir = tempDataDir('backups');
    const folder = join(dir, 'backups');
    mkdirSync(folder, { recursive: true });
    const fake = (d: Date, reason = 'startup') => {
      const pad = (n: number) => String(n).padStart(2, '0');
      const name = `desk-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}${pad(d.getMinutes())}-${reason}.sqlite`;
      writeFileSync(join(folder, name), 'old');
      return name;
    };
    const names = [] as string[];
    for (let day = 1; day <= 400; day += 3) names.push(fake(new Date(at(2026, 11, 22).getTime() - day * 86_400_000)));
    const restore = fake(at(2026, 10, 1), 'beforeRestore');
    writeFileSync(join(folder, 'notes.txt'), 'mine');
    writeFileSync(join(folder, 'desk-photo.sqlite'), 'not ours either');
    const b = await open(dir);
    const left = readdirSync(folder).sort();
    expect(left).toContain('notes.txt');
    expect(left).toContain('desk-photo.sqlite');
    expect(left).toContain(restore);
    expect(left).toContain(compressedName('desk-2026-11-22T0930-startup.sqlite'));
    const kept = (await b.ok('backups:list', {})).backups.map((x) => x.createdAt);
    const cutoff = at(2025, 11, 22).getTime();
    expect(kept.every((t) => t >= cutoff)).toBe(true);
    // 30 days: one every 3 days were there, all kept; then at most one per month.
    const recent = kept.filter((t) => t >= at(2026, 10, 23, 0, 0).getTime());
    expect(recent.length).toBe(1 + names.filter((_, i) => (i + 1) * 3 - 2 <= 30).length);
    const months = kept.filter((t) => t < at(2026, 10, 23, 0, 0).getTime()).map((t) => `${new Date(t).getFullYear()}-${new Date(t).getMonth()}`);
    expect(new Set(months).size).toBe(months.length - 1); // the before-restore one shares its month
    expect(months.length).toBeGreaterThanOrEqual(11);
  });

  it('names backups by file name only, confined to the backup folder', async () => {
    const b = await open();
    for (const file of ['../desk.sqlite', '/etc/passwd.sqlite', 'sub/desk.sqlite', '..\\desk.sqlite', '.hidden.sqlite', 'desk.txt']) {
      expect((await b.fails('backups:inspect', { file })).code).toBe('VALIDATION');
      expect((await b.fails('backups:restore', { file })).code).toBe('VALIDATION');
    }
    expect(() => backupPath(folderOf(b), '../desk.sqlite')).toThrow(/escapes/);
    expect(() => backupPath(folderOf(b), 'a/../../desk.sqlite')).toThrow(/escapes/);
    const missing = await b.fails('backups:inspect', { file: 'desk-2026-01-01T0000-manual.sqlite' });
    expect(missing).toMatchObject({ code: 'NOT_FOUND', details: { message: { key: 'backup.errors.notFound' } } });
    // The live database is not a backup, even when it sits in the chosen folder.
    b.platform.folderAnswer = b.dir;
    await b.ok('backups:chooseFolder', {});
    expect((await b.fails('backups:restore', { file: 'desk.sqlite' })).code).toBe('NOT_FOUND');
  });

  it('goes to the folder the user chose in the dialog; a typed path is ignored', async () => {
    const b = await open();
    expect(await b.ok('backups:chooseFolder', {})).toBeNull();
    const usb = join(tempDataDir('usb'), 'desk backups');
    b.platform.folderAnswer = usb;
    const list = await b.ok('backups:chooseFolder', {});
    expect(list).toMatchObject({ folder: usb, isDefaultFolder: false, backups: [] });
    const made = await b.ok('backups:create', {});
    expect(existsSync(join(usb, made.file))).toBe(true);
    expect((await b.ok('settings:get', {})).backupFolder).toBe(usb);
    await b.ok('settings:update', { backupFolder: '/etc' } as never);
    expect((await b.ok('settings:get', {})).backupFolder).toBe(usb);

    const blocked = join(b.dir, 'a-file');
    writeFileSync(blocked, 'x');
    b.platform.folderAnswer = join(blocked, 'inside');
    expect(await b.fails('backups:chooseFolder', {})).toMatchObject({ code: 'STORAGE', details: { message: { key: 'backup.errors.folderNotWritable' } } });
    expect((await b.ok('settings:get', {})).backupFolder).toBe(usb);
  });

  it('backs up before a merge; the backup holds both records as they were', async () => {
    const b = await open();
    const model = await seedModel(b);
    const keep = await b.ok('customers:create', person());
    const dup = await b.ok('customers:create', person({ name: '张三（重复）' }));
    await b.ok('units:create', { customerId: dup.id, modelId: model.id, serial: 'DUP1', purchaseDate: '2026-03-01' });
    const result = await b.ok('customers:merge', { keepId: keep.id, mergeId: dup.id });
    expect(result.backupPath).toBe(join(folderOf(b), 'desk-2026-11-22T0930-beforeMerge.sqlite'));
    const copy = new Database(result.backupPath!, { readonly: true });
    expect(copy.prepare('select count(*) as n from customers where merged_into_id is null').get()).toEqual({ n: 2 });
    copy.close();
    // A merge of a missing record takes no backup.
    const before = readdirSync(folderOf(b)).length;
    expect((await b.fails('customers:merge', { keepId: keep.id, mergeId: 9999 })).code).toBe('NOT_FOUND');
    expect(readdirSync(folderOf(b))).toHaveLength(before);
  });
});

describe('restore', () => {
  it('backs up the current data, replaces the live database and reopens on it', async () => {
    const b = await open();
    await b.ok('customers:create', person({ name: '王芳', phones: [{ phone: '13900001111' }] }));
    const saved = await b.ok('backups:create', {});
    clock = at(2026, 11, 22, 10, 15);
    await b.ok('customers:create', person({ name: '李四', phones: [{ phone: '13700002222' }] }));
    const oldStore = b.store;

    const inspected = await b.ok('backups:inspect', { file: saved.file });
    expect(inspected).toMatchObject({ check: 'ok', counts: { customers: 1, units: 0, tickets: 0 }, reason: 'manual', createdAt: at(2026, 11, 22).getTime() });
    expect(await customerNames(b)).toEqual(['李四', '王芳']); // inspecting changed nothing

    expect((await b.ok('backups:list', {})).current).toEqual({ customers: 2, units: 0, tickets: 0 });
    const result = await b.ok('backups:restore', { file: saved.file });
    expect(result).toEqual({ restoredFrom: saved.file, safetyBackup: 'desk-2026-11-22T1015-beforeRestore.sqlite' });
    expect(await customerNames(b)).toEqual(['王芳']);
    expect((await b.ok('backups:list', {})).current).toEqual({ customers: 1, units: 0, tickets: 0 });
    expect(b.store).not.toBe(oldStore);
    expect((await b.ok('search:query', { query: '李四' })).length).toBe(0);
    expect((await b.ok('search:query', { query: '王芳' })).length).toBe(1);
    const safety = await b.ok('backups:inspect', { file: result.safetyBackup });
    expect(safety).toMatchObject({ reason: 'beforeRestore', check: 'ok', counts: { customers: 2 } });

    // The desk keeps working on the restored file, and it is the file on disk after a restart.
    await b.ok('customers:create', person({ name: '赵六', phones: [{ phone: '13600003333' }] }));
    const dir = b.dir;
    await b.close();
    const again = await open(dir);
    expect(await customerNames(again)).toEqual(['王芳', '赵六']);
  });

  it('reads and restores a WAL-mode backup (as taken before a migration) without leaving files beside it', async () => {
    const b = await open();
    await b.ok('customers:create', person({ name: '王芳', phones: [{ phone: '13900001111' }] }));
    const file = 'pre-migration-v6-2026-11-22T01-30-00-000Z.sqlite';
    await b.store.sqlite.backup(join(folderOf(b), file));
    expect(readFileSync(join(folderOf(b), file))[18]).toBe(2);
    await b.ok('customers:create', person({ name: '李四', phones: [{ phone: '13700002222' }] }));
    expect(await b.ok('backups:inspect', { file })).toMatchObject({ reason: 'beforeMigration', check: 'ok', counts: { customers: 1 } });
    await b.ok('backups:restore', { file });
    expect(await customerNames(b)).toEqual(['王芳']);
    expect(readdirSync(folderOf(b)).filter((f) => /-(wal|shm|journal)$/.test(f))).toEqual([]);
    expect(readFileSync(join(folderOf(b), file))[18]).toBe(2);
  });

  it('refuses a damaged backup with a clear message and leaves the live data untouched', async () => {
    const b = await open();
    await b.ok('customers:create', person());
    const good = await b.ok('backups:create', {});
    const damaged = 'desk-2026-11-20T0800-manual.sqlite';
    const bytes = readFileSync(join(folderOf(b), good.file));
    for (let i = 4096; i < bytes.length; i += 97) bytes[i] = 0xa5;
    writeFileSync(join(folderOf(b), damaged), bytes);
    writeFileSync(join(folderOf(b), 'desk-2026-11-19T0800-manual.sqlite'), 'not a database at all, just words');
    await b.ok('customers:create', person({ name: '李四', phones: [{ phone: '13700002222' }] }));
    b.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const liveBefore = sha(join(b.dir, 'desk.sqlite'));
    const listed = (await b.ok('backups:list', {})).backups.length;

    for (const file of [damaged, 'desk-2026-11-19T0800-manual.sqlite']) {
      expect((await b.ok('backups:inspect', { file })).check).not.toBe('ok');
      const refused = await b.fails('backups:restore', { file });
      expect(refused).toMatchObject({ code: 'VALIDATION', details: { message: { key: 'backup.errors.damaged', params: { file } } } });
    }
    expect(await customerNames(b)).toEqual(['张三', '李四']);
    b.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(sha(join(b.dir, 'desk.sqlite'))).toBe(liveBefore);
    expect((await b.ok('backups:list', {})).backups).toHaveLength(listed); // no safety backup for a refused restore
  });

  it('refuses a backup from a newer build, and migrates an older one', async () => {
    const b = await open();
    const saved = await b.ok('backups:create', {});
    const newer = 'desk-2026-11-21T0800-manual.sqlite';
    await expand(join(folderOf(b), saved.file), codecOf(saved.file)!, join(folderOf(b), newer));
    const db = new Database(join(folderOf(b), newer));
    db.pragma('user_version = 999');
    db.close();
    expect(await b.fails('backups:restore', { file: newer })).toMatchObject({ code: 'DB_TOO_NEW', details: { message: { key: 'backup.errors.tooNew' } } });

    // Backups go on to the folder chosen after that backup was made.
    const usb = tempDataDir('usb');
    b.platform.folderAnswer = usb;
    await b.ok('backups:chooseFolder', {});
    copyFileSync(join(folderOf(b), saved.file), join(usb, saved.file));
    await b.ok('backups:restore', { file: saved.file });
    expect((await b.ok('backups:list', {})).folder).toBe(usb);
    b.platform.folderAnswer = folderOf(b);
    await b.ok('backups:chooseFolder', {});

    // A backup made by an older build, before the ticket tables existed.
    const older = 'desk-2026-01-05T0800-manual.sqlite';
    const oldStore = openStore(join(folderOf(b), older));
    const firstSix = Object.fromEntries(Object.entries(migrations).slice(0, 6));
    await migrateToLatest(oldStore, join(b.dir, 'unused'), firstSix);
    oldStore.sqlite.pragma('journal_mode = DELETE');
    await closeStore(oldStore);
    expect((await b.ok('backups:inspect', { file: older })).schemaVersion).toBe(6);
    await b.ok('backups:restore', { file: older });
    expect((await b.ok('app:info', {})).schemaVersion).toBe(Object.keys(migrations).length);
    expect(b.store.sqlite.prepare('select count(*) as n from kysely_migration').get()).toEqual({ n: Object.keys(migrations).length });
    expect((await b.ok('tickets:list', { scope: 'all' })).rows).toEqual([]);
  });

  it('puts the data of a moment ago back when the restored file cannot be brought up to date', async () => {
    const b = await open();
    await b.ok('customers:create', person({ name: '王芳', phones: [{ phone: '13900001111' }] }));
    // An old backup that passes its check but that this build's migrations cannot upgrade.
    const broken = 'desk-2026-01-05T0800-manual.sqlite';
    const oldStore = openStore(join(folderOf(b), broken));
    await migrateToLatest(oldStore, join(b.dir, 'unused'), Object.fromEntries(Object.entries(migrations).slice(0, 6)));
    oldStore.sqlite.exec('create table tickets (x text)');
    oldStore.sqlite.pragma('journal_mode = DELETE');
    await closeStore(oldStore);
    expect((await b.ok('backups:inspect', { file: broken })).check).toBe('ok');

    const failed = await b.fails('backups:restore', { file: broken });
    expect(failed).toMatchObject({ code: 'STORAGE', details: { message: { key: 'backup.errors.restoreFailed', params: { file: broken } } } });
    expect(await customerNames(b)).toEqual(['王芳']);
    await b.ok('customers:create', person({ name: '李四', phones: [{ phone: '13700002222' }] }));
    expect((await b.ok('search:query', { query: '李四' })).length).toBe(1);
    expect((await b.ok('backups:list', {})).backups.filter((x) => x.reason === 'beforeRestore')).toHaveLength(1);
    expect(readdirSync(b.dir).filter((f) => f.includes('restoring'))).toEqual([]);
  });
});
