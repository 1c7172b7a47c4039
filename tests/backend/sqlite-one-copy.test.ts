import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleChild, ROOT } from '../support/child-bundle';

/*
 * The file checks run in a worker thread on a connection of their own. That worker must load the
 * SQLite addon the process already runs, not a second copy: two copies in one process undo each
 * other's file locks when one closes the database, and writes still in the WAL can be lost. The
 * crash test's writer, a bundle carrying its own copy of the addon inside the checkout, lost a
 * customer it had just saved this way, twice in many runs, always at its first trial (the only
 * one whose start runs the quick_check in a worker).
 */

const dir = join(ROOT, '.test-output', 'sqlite-one-copy');

describe.runIf(process.platform === 'linux')('the file check worker', () => {
  it('runs on the SQLite addon the process already loaded, even from a bundle that carries its own copy', () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const child = bundleChild(
      `
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { checkOffThread } from ${JSON.stringify(join(ROOT, 'electron/backend/domains/admin/integrity-check'))};
const file = ${JSON.stringify(join(dir, 'desk.sqlite'))};
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.exec('create table customers (id integer primary key, name text)');
db.prepare('insert into customers (name) values (?)').run('王小明');
const run = await checkOffThread(file, 10, 'quick_check', true);
// Every native addon mapped into this process, once each.
const addons = [...new Set(readFileSync('/proc/self/maps', 'utf8').split('\\n').filter((l) => l.endsWith('.node')).map((l) => l.slice(l.indexOf('/'))))];
db.close();
console.log('RESULT ' + JSON.stringify({ run, addons }));
`,
      dir,
    );
    const run = spawnSync(process.execPath, [child], { cwd: dir, encoding: 'utf8' });
    const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    expect(line, run.stderr).toBeDefined();
    const out = JSON.parse(line!.slice('RESULT '.length)) as { run: { problems: string[]; error: unknown; described: { counts: { customers: number } } }; addons: string[] };
    // The worker did check the file (the checkout's better-sqlite3 was found), and saw the row.
    expect(out.run).toMatchObject({ problems: [], error: null, described: { counts: { customers: 1 } } });
    // One copy of SQLite: the bundle's own, beside it.
    expect(out.addons).toHaveLength(1);
    expect(out.addons[0]!.startsWith(dir)).toBe(true);
  });
});
