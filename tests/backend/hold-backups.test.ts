import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expiredBackups } from '../../electron/backend/domains/admin/retention';
import type { BackupInfo } from '../../shared/schemas/backup';
import { openTestBackend } from '../support/backend';
import { tempDataDir } from '../support/temp';

/* "Hold the line", backups whatever the clock says (issue 11, point 2 and the backup part of 12). */

const DAY = 86_400_000;
const at = (y: number, m: number, d: number, h = 8) => new Date(y, m - 1, d, h, 0);
const backup = (file: string, when: Date, reason: BackupInfo['reason'] = 'startup'): BackupInfo => ({ file, createdAt: when.getTime(), reason, size: 1, check: 'ok', counts: null, schemaVersion: 8 });
const ourBackups = (dir: string) => readdirSync(join(dir, 'backups')).filter((f) => /\.sqlite(\.zst|\.gz)?$/.test(f));

describe('retention against a wrong clock', () => {
  const daily = Array.from({ length: 120 }, (_, i) => backup(`day-${i}`, new Date(at(2026, 11, 22).getTime() - i * DAY)));

  it('deletes nothing when the clock jumped far past every backup (one start at 2099)', () => {
    expect(expiredBackups([backup('now', at(2099, 1, 1)), ...daily], at(2099, 1, 1), 'now')).toEqual([]);
  });

  it('keeps the newest three whatever their dates say', () => {
    const old = [backup('a', at(2020, 1, 1)), backup('b', at(2019, 1, 1)), backup('c', at(2018, 1, 1)), backup('d', at(2017, 1, 1))];
    expect(expiredBackups(old, at(2020, 1, 20), null).sort()).toEqual(['d']);
  });

  it('keeps a backup dated after "now" (the clock was set back)', () => {
    const list = [backup('from-the-future', at(2027, 3, 1)), ...daily.slice(0, 40)];
    expect(expiredBackups(list, at(2026, 11, 22, 10), null)).not.toContain('from-the-future');
  });

  it('keeps the safety backup of a restore until a person deletes it, years on', () => {
    const list = [backup('safety', at(2024, 5, 1), 'beforeRestore'), ...daily.slice(0, 40)];
    expect(expiredBackups(list, at(2026, 11, 22, 10), null)).not.toContain('safety');
  });

  it('keeps only the newest five backups made by hand today', () => {
    const today = Array.from({ length: 9 }, (_, i) => backup(`manual-${i}`, new Date(at(2026, 11, 22, 9).getTime() + i * 60_000), 'manual'));
    const expired = expiredBackups([...today, ...daily.slice(1, 10)], at(2026, 11, 22, 18), null);
    expect(expired.sort()).toEqual(['manual-0', 'manual-1', 'manual-2', 'manual-3']);
  });
});

describe('retention on a real backup folder', () => {
  it('a start with the PC’s date at 2099 leaves every daily backup in place', async () => {
    const dir = tempDataDir('hold-backups');
    let clock = at(2026, 7, 1);
    for (let day = 0; day < 45; day++) {
      clock = new Date(at(2026, 7, 1).getTime() + day * DAY);
      const b = await openTestBackend(dir, () => clock);
      await b.close();
    }
    const before = ourBackups(dir).length;
    expect(before).toBeGreaterThanOrEqual(31);
    const b = await openTestBackend(dir, () => at(2099, 1, 1));
    await b.close();
    expect(ourBackups(dir).length).toBe(before + 1);
    // 46 starts, each with its background check and a compressed, read-back backup in workers.
  }, 120_000);

  it('a person can delete a safety backup, behind the admin PIN, and nothing else in the folder', async () => {
    const b = await openTestBackend();
    const made = await b.ok('backups:create', {});
    await b.ok('session:setPin', { current: null, next: '2468' });
    await b.ok('session:lock', {});
    expect((await b.fails('backups:delete', { file: made.file })).code).toBe('PIN_REQUIRED');
    await b.ok('session:unlock', { pin: '2468' });
    expect(['VALIDATION', 'FORBIDDEN']).toContain((await b.fails('backups:delete', { file: '../desk.sqlite' })).code);
    const after = await b.ok('backups:delete', { file: made.file });
    expect(after.backups.map((x) => x.file)).not.toContain(made.file);
    await b.close();
  });
});
