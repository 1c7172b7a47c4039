import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fsyncPath } from './backup-files';
import { checkOffThread } from './integrity-check';
import { classifyOpenError } from '../../db/connection';

/*
 * When the start checks the file. quick_check reads every page: 9 s on a 1.3 GB database with
 * years of history, too long to stand between the clerk and the first answer every morning.
 *
 * - After an unclean shutdown (a crash, a power cut, the process killed) the last writes may
 *   have been torn, so quick_check runs before anything can write, exactly as every start once
 *   did. The sign is `<db>.running`: written (and synced) right after the file opens, removed
 *   by a clean close; finding it at the next start means that close never happened.
 * - After a clean close the file was whole when it was closed, so the same quick_check runs
 *   in a worker on its own read-only connection while the desk already answers. Until it has
 *   passed nothing is checkpointed into the main file (writes wait in the WAL); damage it finds
 *   stops every request and opens the recovery screen, as damage found at the start does.
 */

const MAX_PROBLEMS = 20;

export function runningMarker(dbPath: string): string {
  return `${dbPath}.running`;
}

/** The last desk to open this file did not close it: its marker is still there. */
export function closedUncleanly(dbPath: string): boolean {
  return existsSync(runningMarker(dbPath));
}

/** Durable before the first write: a power cut right after must still find it next time. */
export function markRunning(dbPath: string): void {
  const marker = runningMarker(dbPath);
  writeFileSync(marker, `${process.pid} ${new Date().toISOString()}\n`);
  fsyncPath(marker, 'r+');
  fsyncPath(dirname(marker), 'r');
}

export function markClosed(dbPath: string): void {
  rmSync(runningMarker(dbPath), { force: true });
}

export type CheckOutcome = { damage: string } | { damage: null; skipped: string | null };

/**
 * The background quick_check. Damage is what the check lists, or SQLite refusing the file as
 * corrupt; a check that could not run for another reason (a worker that did not start, the
 * file busy) is logged by the caller and stops nothing: a false alarm would lock the desk out.
 */
export async function backgroundQuickCheck(dbPath: string): Promise<CheckOutcome> {
  const run = await checkOffThread(dbPath, MAX_PROBLEMS, 'quick_check');
  if (run.problems.length > 0) return { damage: `QUICK_CHECK: ${run.problems.join('; ')}` };
  if (run.error && classifyOpenError(run.error) === 'damaged') return { damage: `${run.error.code}: ${run.error.message}` };
  return { damage: null, skipped: run.error?.message ?? null };
}
