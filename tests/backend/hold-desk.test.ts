import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { dataPaths, openDeskTestBackend, openTestBackend } from '../support/backend';
import { tempDataDir } from '../support/temp';

/* "Hold the line": one desk per database file (issue 11, point 4). */

describe('a second desk on the same database file', () => {
  it('is refused before it opens the file, naming the desk that holds it, and may try again once that desk closes', async () => {
    const dir = tempDataDir('two-desks');
    const { dbPath } = dataPaths(dir);
    const first = await openTestBackend(dir);
    await first.ok('customers:create', { name: '张三', phones: [{ phone: '13812345678' }] });
    // The other desk: this app on another PC, renewing its lock a moment ago.
    const lock = JSON.parse(readFileSync(`${dbPath}.lock`, 'utf8')) as Record<string, unknown>;
    writeFileSync(`${dbPath}.lock`, JSON.stringify({ ...lock, host: 'FRONT-DESK-2', pid: 4242, user: 'wangfang', heartbeat: Date.now() }));
    await first.close(); // our own desk leaves the other's lock alone

    const second = await openDeskTestBackend(dir);
    expect(second.mode).toBe('recovery');
    const status = await second.ok('health:status', {});
    expect(status.problem?.kind).toBe('inUse');
    const restore = await second.fails('health:restore', { file: 'desk-2026-01-01T0000-manual.sqlite' });
    expect(restore.details.message?.key).toBe('health.errors.inUseNoRestore');

    // The other desk is closed: its lock is gone, and "try again" opens the data as it was.
    writeFileSync(`${dbPath}.lock`, JSON.stringify({ ...lock, host: 'FRONT-DESK-2', pid: 4242, heartbeat: Date.now() - 10 * 60_000 }));
    const retried = await second.ok('health:retry', {});
    expect(retried.mode).toBe('ok');
    expect((await second.ok('customers:list', {})).total).toBe(1);
    await second.close();
    expect(existsSync(`${dbPath}.lock`)).toBe(false);
  });

  it('refuses a second process on this PC while the first runs, and takes over the lock of one that was killed', async () => {
    const dir = tempDataDir('two-processes');
    const { dbPath } = dataPaths(dir);
    // A live process on this PC holds the file.
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    writeFileSync(`${dbPath}.lock`, JSON.stringify({ host: hostname(), pid: sleeper.pid, user: 'desk', since: Date.now(), heartbeat: Date.now() }));
    const refused = await openDeskTestBackend(dir);
    expect(refused.mode).toBe('recovery');
    expect((await refused.ok('health:status', {})).problem?.kind).toBe('inUse');
    sleeper.kill('SIGKILL');
    await new Promise((resolve) => sleeper.once('exit', resolve));
    // Killed: its lock is left over, and the next start takes it.
    const opened = await openTestBackend(dir);
    expect(JSON.parse(readFileSync(`${dbPath}.lock`, 'utf8')).pid).toBe(process.pid);
    await opened.close();
  });
});
