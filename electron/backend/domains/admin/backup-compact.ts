import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupInfo, BackupReason } from '../../../../shared/schemas/backup';
import { codecOf, compressedName, compressVerified, expand } from './backup-codec';
import { examine, fsyncPath, sidecarOf, toRollbackJournal, type Examined } from './backup-files';
import { checkOffThread } from './integrity-check';
import { backgroundHolds } from './background-holds';

/** How far a backup has got: the copy counts pages; the check and the compression are one step each. */
export interface BackupStep {
  phase: 'copy' | 'check' | 'compress';
  done: number;
  total: number;
}
export type BackupProgressFn = (step: BackupStep) => void;

/** examine(), on a worker's own read-only connection: the desk's thread stays free while the copy is read. */
export async function examineOffThread(file: string): Promise<Examined> {
  const run = await checkOffThread(file, 1, 'quick_check', true);
  if (run.error) return { check: run.error.message, counts: null, schemaVersion: null };
  if (run.problems.length > 0) return { check: run.problems[0]!, counts: null, schemaVersion: null };
  return { check: 'ok', counts: run.described?.counts ?? null, schemaVersion: run.described?.schemaVersion ?? null };
}

/** Looks inside any backup of ours, compressed or not; a compressed one is expanded to a private temp copy first. */
export async function examineBackup(file: string): Promise<Examined> {
  const codec = codecOf(file);
  if (!codec) return examine(file);
  const dir = mkdtempSync(join(tmpdir(), 'desk-examine-'));
  try {
    const copy = join(dir, 'copy.sqlite');
    await expand(file, codec, copy);
    return await examineOffThread(copy);
  } catch (error) {
    return { check: (error as Error).message || 'unreadable', counts: null, schemaVersion: null };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The SQLite file a backup holds, at `target`: copied as it is, or expanded from a compressed backup. */
export async function unpackBackup(source: string, target: string, copy: (from: string, to: string) => void): Promise<void> {
  const codec = codecOf(source);
  if (codec) await expand(source, codec, target);
  else copy(source, target);
}

/**
 * A compact backup, made while the desk answers: SQLite's online backup in steps of 256 pages
 * (one turn of the event loop each, so requests go between them), the copy's quick_check in a
 * worker, then compression and a read-back that must give the copy's bytes again (see
 * compressVerified). Only then is the file renamed into place and its sidecar written, with the
 * size before and after. The plain copy is removed whatever happens.
 */
export async function writeCompactBackup(
  sqlite: Database.Database,
  folder: string,
  name: string,
  reason: BackupReason,
  createdAt: number,
  progress?: BackupProgressFn,
): Promise<BackupInfo> {
  const raw = join(folder, `${name}.partial`);
  const target = join(folder, compressedName(name));
  const partial = `${target}.partial`;
  try {
    await sqlite.backup(raw, {
      progress: ({ totalPages, remainingPages }) => {
        progress?.({ phase: 'copy', done: totalPages - remainingPages, total: totalPages });
        // Pages per step: 1 MiB, about a millisecond, then the event loop turns (requests in between).
        return 256;
      },
    });
    toRollbackJournal(raw);
    progress?.({ phase: 'check', done: 0, total: 1 });
    if (backgroundHolds.backupCheck) await backgroundHolds.backupCheck;
    const examined = await examineOffThread(raw);
    progress?.({ phase: 'compress', done: 0, total: 1 });
    const packed = await compressVerified(raw, partial);
    renameSync(partial, target);
    fsyncPath(folder, 'r');
    const info: BackupInfo = { file: basename(target), createdAt, reason, size: packed.size, rawSize: packed.rawSize, codec: packed.codec, ...examined };
    const { file: _file, ...sidecar } = info;
    writeFileSync(sidecarOf(target), JSON.stringify({ ...sidecar, sha256: packed.sha256 }, null, 2));
    return info;
  } finally {
    rmSync(raw, { force: true });
    rmSync(partial, { force: true });
  }
}
