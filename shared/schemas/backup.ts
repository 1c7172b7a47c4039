import { z } from 'zod';

export const BACKUP_REASONS = ['startup', 'manual', 'beforeMerge', 'beforeRestore', 'beforeMigration', 'beforeSampleRemoval'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/**
 * The renderer names a backup by its bare file name only: no folder, no "..", nothing hidden.
 * The backend still resolves it inside the backup folder and refuses anything that escapes.
 */
export const backupFileInput = z.strictObject({
  file: z
    .string()
    .max(200, { error: 'backup.errors.invalidFile' })
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.sqlite(?:\.zst|\.gz)?$/, { error: 'backup.errors.invalidFile' }),
});

export interface BackupCounts {
  customers: number;
  units: number;
  tickets: number;
}

export interface BackupInfo {
  file: string;
  /** Epoch ms. */
  createdAt: number;
  reason: BackupReason;
  /** Bytes on disk (compressed, for a compressed backup). */
  size: number;
  /** A compressed backup: the SQLite file's own size, and the codec (older backups are plain files). */
  rawSize?: number | null;
  codec?: 'zstd' | 'gzip' | null;
  /** 'ok', the first problem quick_check found, or null when the backup was never checked. */
  check: string | null;
  counts: BackupCounts | null;
  schemaVersion: number | null;
}

/** A backup being made beside the desk: the copy counts pages, the check and the compression are one step each. */
export interface BackupRunning {
  reason: BackupReason;
  startedAt: number;
  phase: 'copy' | 'check' | 'compress';
  done: number;
  total: number;
}

/** How the last backup made since the app started ended: its file, or what went wrong. */
export interface BackupRun {
  reason: BackupReason;
  at: number;
  ms: number;
  file: string | null;
  size: number | null;
  rawSize: number | null;
  /** Null: made and checked. Else the check's finding or the error (for the log and support). */
  problem: string | null;
}

export interface BackupList {
  /** The folder backups go to (the chosen one, or `backups` beside the database). */
  folder: string;
  isDefaultFolder: boolean;
  backups: BackupInfo[];
  /** What the live database holds now, to set beside a backup before restoring it. */
  current: BackupCounts;
  /** The backup being made now (the day's first runs after the start), if any. */
  running: BackupRunning | null;
  lastRun: BackupRun | null;
}

export interface RestoreResult {
  restoredFrom: string;
  safetyBackup: string;
}
