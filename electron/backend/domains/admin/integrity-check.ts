import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * integrity_check reads every page of the file: seconds on a database with years of history.
 * It runs on a read-only connection of its own in a worker thread, so the desk keeps answering
 * while it runs (WAL lets it read a consistent snapshot beside the desk's writes). The worker's
 * code is inline and loads the same better-sqlite3 the backend uses, by absolute path, so it
 * needs no file of its own in the bundle.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  const rows = db.pragma('integrity_check(' + workerData.max + ')');
  parentPort.postMessage({ problems: rows.map((r) => String(r.integrity_check)).filter((p) => p !== 'ok') });
} catch (error) {
  parentPort.postMessage({ problems: [String((error && error.message) || 'integrity_check failed')] });
} finally {
  if (db) db.close();
}
`;

/** The problems integrity_check reports (at most `max`); empty when the file is sound. */
export function integrityCheckOffThread(file: string, max: number): Promise<string[]> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { file, max, driver: createRequire(__filename).resolve('better-sqlite3') } });
    worker.once('message', (message: { problems: string[] }) => resolve(message.problems));
    worker.once('error', (error) => resolve([error.message || 'integrity_check failed']));
    worker.once('exit', (code) => {
      if (code !== 0) resolve([`integrity_check worker stopped (${code})`]);
    });
  });
}
