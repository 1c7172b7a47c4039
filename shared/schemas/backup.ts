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
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.sqlite$/, { error: 'backup.errors.invalidFile' }),
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
  size: number;
  /** 'ok', the first problem quick_check found, or null when the backup was never checked. */
  check: string | null;
  counts: BackupCounts | null;
  schemaVersion: number | null;
}

export interface BackupList {
  /** The folder backups go to (the chosen one, or `backups` beside the database). */
  folder: string;
  isDefaultFolder: boolean;
  backups: BackupInfo[];
  /** What the live database holds now, to set beside a backup before restoring it. */
  current: BackupCounts;
}

export interface RestoreResult {
  restoredFrom: string;
  safetyBackup: string;
}
