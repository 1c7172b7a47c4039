import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../shared/schemas/backup';
import { createBackend } from '../../electron/backend/backend';
import { openStore, closeStore } from '../../electron/backend/db/connection';

import { migrations } from '../../electron/backend/db/migrations';
import { readBackups } from '../../electron/backend/domains/admin/backups';
import { codecOf } from '../../electron/backend/domains/admin/backup-codec';
import { expiredBackups } from '../../electron/backend/domains/admin/retention';
import { dataPaths, openTestBackend } from '../support/backend';
import { MemoryLogger, RecordingPlatform } from '../support/recording-platform';
import { person, phoneTicket } from '../support/sample';
import { tempDataDir } from '../support/temp';

/*
 * Issue 23: the work the start used to wait for now runs beside the desk (the day's backup, an
 * upgrade's index work), backups are compact and still restore exactly, retention is bounded
 * by size, and the audit log's free text goes through an index.
 */

const at = (y: number, m: number, d: number, h = 9, min = 30) => new Date(y, m - 1, d, h, min);

/** Every table's rows, hashed: the same data gives the same digests. */
function tableDigests(sqlite: Database.Database, skip: (table: string) => boolean): Record<string, { rows: number; sha: string }> {
  const tables = (sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite%' and name not like 'search_fts%'").pluck().all() as string[]).filter((t) => !skip(t));
  const out: Record<string, { rows: number; sha: string }> = {};
  for (const table of tables.sort()) {
    // Sorted as text: some tables are WITHOUT ROWID, and the order of a scan is not the data.
    const rows = sqlite.prepare(`select * from "${table}"`).all().map((row) => JSON.stringify(row)).sort();
    out[table] = { rows: rows.length, sha: createHash('sha256').update(rows.join('\n')).digest('hex') };
  }
  return out;
}

describe('the day’s first backup', () => {
  it('runs after the start: a request is answered while it has not finished, and its progress and result are shown', async () => {
    const dir = tempDataDir('background-backup');
    let clock = at(2026, 11, 22);
    const first = await openTestBackend(dir, () => clock);
    await first.ok('customers:create', person());
    await first.close();

    clock = at(2026, 11, 23, 8, 5);
    const paths = dataPaths(dir);
    const backend = await createBackend({ ...paths, platform: new RecordingPlatform(paths.trayDir), logger: new MemoryLogger(), now: () => clock });
    const folder = join(dir, 'backups');
    const today = (b: BackupInfo) => b.file.startsWith('desk-2026-11-23');
    // Answered straight away, before the backup of the day exists.
    const answered = await backend.invoke('customers:list', {});
    expect(answered.ok).toBe(true);
    expect(readBackups(folder).filter(today)).toEqual([]);
    const during = await backend.invoke('health:background', {});
    expect(during.ok).toBe(true);
    await backend.maintenance;
    const made = readBackups(folder).filter(today);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ reason: 'startup', check: 'ok', counts: { customers: 1 } });
    const after = await backend.invoke('health:background', {});
    expect(after).toMatchObject({ ok: true, value: { backup: null, indexing: null, lastBackup: { reason: 'startup', file: made[0]!.file, problem: null } } });
    const listed = await backend.invoke('backups:list', {});
    expect(listed).toMatchObject({ ok: true, value: { running: null, lastRun: { file: made[0]!.file } } });
    await backend.close();
  });
});

describe('compact backups', () => {
  it('restore to the same data: row counts and a checksum per table', async () => {
    const b = await openTestBackend(undefined, () => at(2026, 11, 22));
    await b.ok('session:begin', { operator: '王芳' });
    for (let i = 0; i < 30; i++) {
      const customer = await b.ok('customers:create', person({ name: `客户${i}`, phones: [{ phone: `1380000${String(i).padStart(4, '0')}` }] }));
      if (i % 3 === 0) await b.ok('tickets:create', phoneTicket(customer.id));
    }
    const backup = await b.ok('backups:create', {});
    expect(codecOf(backup.file)).not.toBeNull();
    expect(backup.size).toBeLessThan(backup.rawSize!);
    // The restore rolls the log forward, raises the counters and keeps this PC's backup folder:
    // everything else must come back exactly as it was backed up.
    const skip = (t: string) => ['audit_changes', 'audit_rows', 'sequences', 'settings', 'operators'].includes(t) || t.startsWith('kysely');
    const before = tableDigests(b.store.sqlite, skip);
    expect(before.customers!.rows).toBe(30);
    expect(before.tickets!.rows).toBe(10);

    await b.ok('customers:create', person({ name: '后来的', phones: [{ phone: '13900009999' }] }));
    expect(tableDigests(b.store.sqlite, skip)).not.toEqual(before);
    await b.ok('backups:restore', { file: backup.file });
    expect(tableDigests(b.store.sqlite, skip)).toEqual(before);
    const inspected = await b.ok('backups:inspect', { file: backup.file });
    expect(inspected).toMatchObject({ check: 'ok', counts: { customers: 30, tickets: 10 }, rawSize: backup.rawSize });
    await b.close();
  });
});

describe('retention by total size', () => {
  const backup = (file: string, when: Date, size: number, reason: BackupInfo['reason'] = 'startup'): BackupInfo => ({ file, createdAt: when.getTime(), reason, size, check: 'ok', counts: null, schemaVersion: 9 });

  it('drops the oldest beyond the bound, never the newest, the one just made, or a restore’s safety backup', () => {
    const list = [
      backup('newest', at(2026, 11, 22), 900),
      backup('yesterday', at(2026, 11, 21), 300),
      backup('safety', at(2026, 11, 20), 300, 'beforeRestore'),
      backup('older', at(2026, 11, 19), 300),
      backup('oldest', at(2026, 11, 18), 300),
    ];
    // Within the dated rules all five stay; the bound takes the oldest first until the rest fit.
    expect(expiredBackups(list, at(2026, 11, 22, 12), null, 1_600)).toEqual(['oldest', 'older']);
    // A newest backup larger than the bound on its own is still kept, whatever else goes.
    expect(expiredBackups(list, at(2026, 11, 22, 12), null, 100).sort()).toEqual(['older', 'oldest', 'yesterday']);
    expect(expiredBackups(list, at(2026, 11, 22, 12), 'oldest', 100).sort()).toEqual(['older', 'yesterday']);
    // Under the bound, nothing beyond what the dated rules say.
    expect(expiredBackups(list, at(2026, 11, 22, 12), null, 10_000)).toEqual([]);
  });
});

describe('the audit log’s free text', () => {
  it('goes through the text index for three characters or more, over the whole log, and finds what LIKE found', async () => {
    const b = await openTestBackend(undefined, () => at(2026, 11, 22));
    await b.ok('session:begin', { operator: '王芳' });
    await b.ok('customers:create', person({ name: '杭州西湖宾馆', phones: [{ phone: '13712345678' }] }));
    await b.ok('customers:create', person({ name: '李建国', phones: [{ phone: '13800001111' }] }));
    const byPhone = await b.ok('audit:list', { text: '2345' });
    expect(byPhone.textSince).toBeNull();
    expect(byPhone.items.map((c) => c.subject?.label)).toEqual(['杭州西湖宾馆']);
    expect((await b.ok('audit:list', { text: '西湖宾' })).items).toHaveLength(1);
    // Trigrams all present but not together: not the phrase.
    expect((await b.ok('audit:list', { text: '湖西杭州' })).items).toHaveLength(0);
    // Two characters are below the trigram index: read from the recent log.
    const short = await b.ok('audit:list', { text: '建国' });
    expect(short.textSince).not.toBeNull();
    expect(short.items).toHaveLength(1);
    await b.close();
  });

  it('indexes the log written before the upgrade in the background, and the search index is rebuilt there too', async () => {
    const dir = tempDataDir('audit-upgrade');
    // A desk on the build before this one, with a log of its own.
    const older = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0330'));
    const oldDesk = await openTestBackend(dir, () => at(2026, 11, 20), { migrations: older });
    await oldDesk.ok('session:begin', { operator: '王芳' });
    for (let i = 0; i < 40; i++) await oldDesk.ok('customers:create', person({ name: `老客户${i}`, phones: [{ phone: `1391234${String(i).padStart(4, '0')}` }] }));
    await oldDesk.close();
    const store = openStore(dataPaths(dir).dbPath);
    // As if the index had been emptied by a migration: the rebuild must bring it all back.
    store.sqlite.exec('delete from search_fts; delete from search_keys;');
    await closeStore(store);

    const paths = dataPaths(dir);
    const backend = await createBackend({ ...paths, platform: new RecordingPlatform(paths.trayDir), logger: new MemoryLogger(), now: () => at(2026, 11, 22) });
    expect(backend.migration.applied).toEqual(expect.arrayContaining(['0330_audit_text_index', '0360_audit_phrases_import_steps']));
    expect(existsSync(join(dir, 'backups'))).toBe(true); // the pre-migration backup, as before
    // Answered at once, while the work goes on.
    const progress = await backend.invoke('health:background', {});
    expect(progress.ok).toBe(true);
    await backend.maintenance;
    const left = backend.store.sqlite.prepare('select rows_left + changes_left from audit_index_backfill').pluck().get();
    expect(left).toBe(0);
    const found = await backend.invoke('audit:list', { text: '老客户17' });
    expect(found).toMatchObject({ ok: true, value: { textSince: null, items: [{ subject: { label: '老客户17' } }] } });
    const searched = await backend.invoke('search:query', { query: '12340017' });
    expect(searched).toMatchObject({ ok: true, value: [{ kind: 'customer', name: '老客户17' }] });
    await backend.close();
  });
});
