import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { runningMarker } from '../../electron/backend/domains/admin/start-check';
import { dataPaths, openDeskTestBackend, openTestBackend } from '../support/backend';
import { MemoryLogger, RecordingPlatform } from '../support/recording-platform';
import { person } from '../support/sample';
import { tempDataDir } from '../support/temp';

/*
 * The start no longer reads the whole file before its first answer (issue 23): quick_check runs
 * before any write only after an unclean shutdown, and otherwise in a worker beside the desk.
 * Real files, damaged on disk the way health.test.ts damages them.
 */

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A desk with 张三 and a backup of him, closed cleanly (no marker, nothing left in the WAL). */
async function closedDesk() {
  const dir = tempDataDir('start-check');
  let clock = new Date(2026, 8, 18, 9, 0);
  const backend = await openTestBackend(dir, () => clock);
  const { dbPath } = dataPaths(dir);
  expect(existsSync(runningMarker(dbPath))).toBe(true);
  await backend.ok('session:begin', { operator: '王芳' });
  await backend.ok('customers:create', person());
  clock = new Date(2026, 8, 18, 10, 0);
  const backup = await backend.ok('backups:create', {});
  await backend.close();
  expect(existsSync(runningMarker(dbPath))).toBe(false);
  expect(existsSync(`${dbPath}-wal`)).toBe(false);
  return { dir, dbPath, backup };
}

/** Random bytes over one table's root page: the schema and the settings still read, the table does not. */
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

const options = (dir: string) => {
  const paths = dataPaths(dir);
  return { ...paths, platform: new RecordingPlatform(paths.trayDir), logger: new MemoryLogger() };
};

describe('the start checks the file', () => {
  it('after an unclean shutdown (the marker left behind), before anything can write', async () => {
    const { dir, dbPath } = await closedDesk();
    damageTable(dbPath, 'units');
    // What a crash or a power cut leaves: the marker the clean close would have removed.
    writeFileSync(runningMarker(dbPath), '4242 2026-09-18T10:00:00.000Z\n');
    const before = sha(dbPath);
    const opening = createBackend(options(dir));
    await expect(opening).rejects.toMatchObject({ code: 'DB_DAMAGED', details: { kind: 'damaged' } });
    await expect(opening).rejects.toMatchObject({ details: { detail: expect.stringMatching(/QUICK_CHECK/) } });
    expect(sha(dbPath)).toBe(before);
    expect(existsSync(`${dbPath}-wal`)).toBe(false);
    // The desk as the app opens it: the recovery screen straight away, the marker kept for next time.
    const desk = await openDeskTestBackend(dir);
    expect(desk.mode).toBe('recovery');
    expect(existsSync(runningMarker(dbPath))).toBe(true);
    await desk.close();
  });

  it('after a clean close, in the background: the desk answers first, and damage found then stops every request', async () => {
    const { dir, dbPath } = await closedDesk();
    damageTable(dbPath, 'units');
    const before = sha(dbPath);
    const backend = await createBackend(options(dir));
    // Opened without reading the whole file: the first answer comes before the check's verdict.
    const first = await backend.invoke('settings:get', {});
    expect(first.ok).toBe(true);
    const found = await backend.damaged;
    expect(found).toMatch(/QUICK_CHECK|SQLITE_CORRUPT/);
    // From now on nothing is written: a new customer is refused with the damage named.
    const write = await backend.invoke('customers:create', person({ name: '李四', phones: [{ phone: '13900001111' }] }));
    expect(write).toMatchObject({ ok: false, error: { code: 'DB_DAMAGED', details: { kind: 'damaged' } } });
    await backend.close();
    // Nothing reached the main file, and the marker stays: the next start checks before it writes.
    expect(sha(dbPath)).toBe(before);
    expect(existsSync(runningMarker(dbPath))).toBe(true);
  });

  it('turns the open desk to the recovery screen, whose restore brings the backup back', async () => {
    const { dir, dbPath, backup } = await closedDesk();
    damageTable(dbPath, 'units');
    const desk = await openDeskTestBackend(dir, () => new Date(2026, 8, 19, 8, 30));
    // openDeskTestBackend waits for the background work: by then the desk has turned.
    expect(desk.mode).toBe('recovery');
    const status = await desk.ok('health:status', {});
    expect(status).toMatchObject({ mode: 'recovery', problem: { kind: 'damaged' }, newestGoodBackup: { file: backup.file } });
    expect(status.problem!.detail).toMatch(/QUICK_CHECK|SQLITE_CORRUPT/);
    const refused = await desk.fails('customers:list', {});
    expect(refused).toMatchObject({ code: 'DB_DAMAGED', details: { message: { key: 'health.errors.notOpen' } } });
    const restored = await desk.ok('health:restore', { file: backup.file });
    expect(restored.keptAs).toMatch(/desk\.damaged-/);
    expect(desk.mode).toBe('ok');
    expect((await desk.ok('customers:list', {})).items.map((c) => c.name)).toEqual(['张三']);
    await desk.close();
    expect(existsSync(runningMarker(dbPath))).toBe(false);
  });

  it('a sound file checked in the background changes nothing the desk sees, and the close clears the marker', async () => {
    const { dir, dbPath } = await closedDesk();
    const desk = await openDeskTestBackend(dir);
    expect(desk.mode).toBe('ok');
    expect(await desk.damaged).toBeNull();
    await desk.ok('customers:create', person({ name: '李四', phones: [{ phone: '13900001111' }] }));
    expect((await desk.ok('customers:list', {})).items).toHaveLength(2);
    await desk.close();
    expect(existsSync(runningMarker(dbPath))).toBe(false);
  });
});
