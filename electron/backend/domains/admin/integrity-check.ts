import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * integrity_check reads every page of the file: seconds on a database with years of history.
 * It runs on a read-only connection of its own in a worker thread, so the desk keeps answering
 * while it runs (WAL lets it read a consistent snapshot beside the desk's writes). The worker's
 * code is inline and loads the same better-sqlite3 the backend uses, by absolute path (and the
 * same native addon, see loadedSqliteAddon), so it needs no file of its own in the bundle.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  const options = { readonly: true, fileMustExist: true };
  if (workerData.addon) options.nativeBinding = workerData.addon;
  db = new Database(workerData.file, options);
  const rows = db.pragma(workerData.pragma + '(' + workerData.max + ')');
  const problems = rows.map((r) => String(Object.values(r)[0])).filter((p) => p !== 'ok');
  // What a backup holds, as examine() in backups.ts reads it, for a file that passed.
  let described = null;
  if (workerData.describe && problems.length === 0) {
    const count = (table) => {
      try { return db.prepare('select count(*) as n from "' + table + '"').get().n; } catch { return 0; }
    };
    described = {
      counts: { customers: count('customers'), units: count('units'), tickets: count('tickets') },
      schemaVersion: Math.max(Number(db.pragma('user_version', { simple: true })), count('kysely_migration')),
    };
  }
  parentPort.postMessage({ problems, error: null, described });
} catch (error) {
  const message = String((error && error.message) || workerData.pragma + ' failed');
  parentPort.postMessage({ problems: [], error: { code: String((error && error.code) || ''), message }, described: null });
} finally {
  if (db) db.close();
}
`;

export interface CheckRun {
  /** What the check listed: the file's damage. */
  problems: string[];
  /** The check could not run to the end (SQLite's code, when it gave one): not by itself damage. */
  error: { code: string; message: string } | null;
  /** Asked for with `describe`: what the file holds, when it passed. */
  described?: { counts: { customers: number; units: number; tickets: number }; schemaVersion: number } | null;
}

/**
 * The SQLite addon this process already runs, for the worker to load the very same file. A second
 * copy of SQLite in one process (a bundle carries the addon beside itself while the worker finds
 * the one in node_modules: the crash test's writer did) undoes the first copy's file locks when
 * it closes the database, and a WAL whose writes are not yet in the main file can then be lost
 * (sqlite.org/howtocorrupt.html, 2.2.1). Null when none is loaded yet: the worker finds its own.
 */
export function loadedSqliteAddon(): string | null {
  for (const [file, module] of Object.entries(createRequire(__filename).cache)) {
    const exports = module?.exports as Record<string, unknown> | undefined;
    if (file.endsWith('.node') && typeof exports?.Database === 'function' && typeof exports.Backup === 'function') return file;
  }
  return null;
}

/** integrity_check, or the lighter quick_check the start runs, listing at most `max` problems. */
export function checkOffThread(file: string, max: number, pragma: 'integrity_check' | 'quick_check', describe = false): Promise<CheckRun> {
  return new Promise((resolve) => {
    let driver: string;
    try {
      driver = createRequire(__filename).resolve('better-sqlite3');
    } catch (error) {
      // A build that carries the driver inside its own bundle: the check cannot run, which is not damage.
      resolve({ problems: [], error: { code: '', message: (error as Error).message || `${pragma}: no SQLite driver for the worker` } });
      return;
    }
    const worker = new Worker(WORKER, { eval: true, workerData: { file, max, pragma, describe, driver, addon: loadedSqliteAddon() } });
    worker.once('message', (message: CheckRun) => resolve(message));
    worker.once('error', (error) => resolve({ problems: [], error: { code: '', message: error.message || `${pragma} failed` } }));
    worker.once('exit', (code) => {
      if (code !== 0) resolve({ problems: [], error: { code: '', message: `${pragma} worker stopped (${code})` } });
    });
  });
}

/** The problems integrity_check reports (at most `max`); empty when the file is sound. */
export async function integrityCheckOffThread(file: string, max: number): Promise<string[]> {
  const run = await checkOffThread(file, max, 'integrity_check');
  return run.error ? [...run.problems, run.error.message] : run.problems;
}
