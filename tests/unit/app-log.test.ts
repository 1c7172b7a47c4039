import { EventEmitter } from 'node:events';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { logFilesIn, openFileLog, rotatedName } from '../../electron/backend/platform/file-log';
import { startAppLog, type CrashSource } from '../../electron/main/logger';
import { tempDataDir } from '../support/temp';

/* The application log (issue 13, part 9): electron-log's file transport under plain Node, rotated for real. */

let ids = 0;
const quietLog = (file: string, options: { maxBytes?: number; keep?: number } = {}) => openFileLog(file, { ...options, echo: false, logId: `test-${++ids}` });

describe('the rotating log file', () => {
  it('writes levels, messages and data (stacks, objects) as lines in its folder, creating the folder', () => {
    const dir = join(tempDataDir('log'), 'logs');
    const log = quietLog(join(dir, 'desk.log'));
    log.info('backup taken', { file: 'desk-2026-11-22.sqlite' });
    log.warn('the PC clock is behind');
    log.error('tickets:create failed', new Error('disk I/O error').stack);
    const lines = readFileSync(join(dir, 'desk.log'), 'utf8').trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} [+-]\d{2}:\d{2}\] \[info\] +backup taken/);
    expect(lines[0]).toContain('desk-2026-11-22.sqlite');
    expect(lines[1]).toMatch(/\[warn\] +the PC clock is behind$/);
    expect(lines[2]).toMatch(/\[error\] +tickets:create failed Error: disk I\/O error/);
    expect(lines.slice(3).join('\n')).toMatch(/at /);
  });

  it('sets a full file aside as desk.1.log, moves older ones up and keeps only so many', () => {
    const dir = tempDataDir('log-rotate');
    const file = join(dir, 'desk.log');
    const log = quietLog(file, { maxBytes: 2_000, keep: 3 });
    // About 100 bytes a line: 200 lines fill ten files' worth; only the current one and three old ones stay.
    for (let i = 0; i < 200; i++) log.info(`line ${String(i).padStart(4, '0')} ${'x'.repeat(50)}`);
    expect(readdirSync(dir).sort()).toEqual(['desk.1.log', 'desk.2.log', 'desk.3.log', 'desk.log']);
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(2_000 + 200);
    const numbers = (name: string) => [...readFileSync(join(dir, name), 'utf8').matchAll(/line (\d{4})/g)].map((m) => Number(m[1]));
    // Newest in desk.log, then desk.1.log, desk.2.log, desk.3.log: each older than the one before, none lost between them.
    const chain = [...numbers('desk.3.log'), ...numbers('desk.2.log'), ...numbers('desk.1.log'), ...numbers('desk.log')];
    expect(chain.at(-1)).toBe(199);
    expect(chain).toEqual(Array.from({ length: chain.length }, (_, i) => chain[0]! + i));
    expect(chain[0]).toBeGreaterThan(0);
  });

  it('rotates a file left full by the last run at the first line of this one', () => {
    const dir = tempDataDir('log-restart');
    const file = join(dir, 'desk.log');
    writeFileSync(file, `${'old run\n'.repeat(400)}`);
    const log = quietLog(file, { maxBytes: 1_000, keep: 2 });
    log.info('started');
    expect(readFileSync(rotatedName(file, 1), 'utf8')).toMatch(/^old run/);
    expect(readFileSync(file, 'utf8')).toMatch(/\[info\] +started\s*$/);
  });

  it('lists the current file first, then the older ones by number', () => {
    const dir = tempDataDir('log-list');
    for (const name of ['desk.10.log', 'desk.2.log', 'desk.log', 'desk.1.log', 'notes.txt']) writeFileSync(join(dir, name), 'x');
    expect(logFilesIn(dir).map((f) => f.slice(dir.length + 1))).toEqual(['desk.log', 'desk.1.log', 'desk.2.log', 'desk.10.log']);
    expect(logFilesIn(join(dir, 'missing'))).toEqual([]);
  });
});

describe('the main process log', () => {
  let stop: (() => void) | null = null;
  afterEach(() => {
    stop?.();
    stop = null;
  });

  it('logs the window’s page dying, a helper process dying and errors nothing caught', () => {
    const file = join(tempDataDir('main-log'), 'logs', 'desk.log');
    const app = new EventEmitter();
    const before = process.listeners('uncaughtException').length;
    const log = startAppLog(file, app as unknown as CrashSource);
    stop = () => log.engine.errorHandler.stopCatching();
    log.engine.transports.console.level = false;

    app.emit('render-process-gone', {}, { getURL: () => 'app://desk/index.html#/tickets' }, { reason: 'oom', exitCode: 9 });
    app.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode: 1 });
    // The listener Electron would call for an uncaught error: called directly, since emitting the
    // event itself in a test process would also reach the test runner's own listener.
    const added = process.listeners('uncaughtException').slice(before);
    expect(added).toHaveLength(1);
    added[0]!(new Error('nobody caught this'), 'uncaughtException');

    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/\[error\] +the window’s page stopped .*reason: 'oom'.*exitCode: 9.*app:\/\/desk\/index\.html#\/tickets/s);
    expect(text).toMatch(/\[error\] +a helper process stopped \(GPU\).*reason: 'crashed'/s);
    expect(text).toMatch(/\[error\] +Unhandled Error: nobody caught this/);
  });
});
