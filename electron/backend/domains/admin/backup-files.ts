import Database from 'better-sqlite3';
import { closeSync, copyFileSync, fsyncSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackupCounts } from '../../../../shared/schemas/backup';

/*
 * What a backup file is, read from the file alone: the helpers the backup, its compression and
 * the restore share, kept apart so none of those modules has to import another in a circle.
 */

export function fsyncPath(path: string, flags: string): void {
  try {
    const fd = openSync(path, flags);
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    // Directories cannot be fsynced on Windows; a file that cannot be is a real failure.
    if (flags !== 'r') throw error;
  }
}

function count(sqlite: Database.Database, table: string): number {
  try {
    return (sqlite.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n;
  } catch {
    return 0; // an older schema without that table holds none
  }
}

export interface Examined {
  check: string;
  counts: BackupCounts | null;
  schemaVersion: number | null;
}

/**
 * Opens a backup read-only and looks inside: quick_check, what it holds, its schema version.
 * A file that is not a database at all answers its error as the check, never throws.
 */
export function examine(file: string): Examined {
  if (!isWalFile(file)) return examineFile(file);
  // Opening a WAL-mode file, even read-only, leaves -wal/-shm files beside it (and fails on a
  // read-only stick): a private copy in rollback mode is examined instead.
  const dir = mkdtempSync(join(tmpdir(), 'desk-examine-'));
  try {
    const copy = join(dir, 'copy.sqlite');
    copyFileSync(file, copy);
    toRollbackJournal(copy);
    return examineFile(copy);
  } catch (error) {
    return { check: (error as Error).message || 'unreadable', counts: null, schemaVersion: null };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Bytes 18 and 19 of an SQLite header are 2 when the file is in WAL mode. */
function isWalFile(file: string): boolean {
  try {
    const fd = openSync(file, 'r');
    try {
      const header = Buffer.alloc(20);
      return readSync(fd, header, 0, 20, 0) === 20 && (header[18] === 2 || header[19] === 2);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** Our own copies are not live: rollback-journal mode, so reading them never leaves -wal files. */
export function toRollbackJournal(file: string): void {
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

function examineFile(file: string): Examined {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    const check = String(sqlite.pragma('quick_check', { simple: true }));
    if (check !== 'ok') return { check, counts: null, schemaVersion: null };
    const userVersion = Number(sqlite.pragma('user_version', { simple: true }));
    const migrated = count(sqlite, 'kysely_migration');
    return {
      check,
      counts: { customers: count(sqlite, 'customers'), units: count(sqlite, 'units'), tickets: count(sqlite, 'tickets') },
      schemaVersion: Math.max(userVersion, migrated),
    };
  } catch (error) {
    return { check: (error as Error).message || 'unreadable', counts: null, schemaVersion: null };
  } finally {
    sqlite?.close();
  }
}

export function sidecarOf(file: string): string {
  return `${file}.json`;
}
