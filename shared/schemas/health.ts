import { z } from 'zod';
import type { BackupInfo } from './backup';
import type { AttachmentCheck } from './attachment';

/**
 * Why the desk could not open its database:
 * - damaged: SQLite says the file is not a database, or quick_check found damage;
 * - unreadable: the file or its folder cannot be opened or written (permissions, another
 *   program holding it, a missing drive). Restoring a backup would not help that.
 * - inUse: another desk (this app on another PC, or started twice) has the file open. Restoring
 *   would pull the data from under it: only "try again" once it is closed there.
 */
export const DAMAGE_KINDS = ['damaged', 'unreadable', 'inUse'] as const;
export type DamageKind = (typeof DAMAGE_KINDS)[number];

export interface FullCheck {
  at: number;
  ok: boolean;
  /** How long integrity_check took, for the figure the settings page shows. */
  ms: number;
  /** The first problems SQLite reported (at most 20); empty when ok. */
  problems: string[];
  /** Every stored attachment read back and hashed; null for checks made before attachments. */
  attachments: AttachmentCheck | null;
}

export interface HealthStatus {
  /** 'ok' for a database open and working; 'recovery' when it could not be opened. */
  mode: 'ok' | 'recovery';
  dbPath: string;
  /** Set in recovery mode: what went wrong, in SQLite's words (for support), and its kind. */
  problem: { kind: DamageKind; detail: string } | null;
  /** The newest full integrity check, and whether the weekly one is due. */
  lastFullCheck: FullCheck | null;
  fullCheckDue: boolean;
  /** In recovery mode: the newest backup that passed its check, to offer first. */
  newestGoodBackup: BackupInfo | null;
  /** What upgrades corrected in the data (a catalog key and its values), newest first. */
  upgradeNotes: UpgradeNote[];
}

export interface UpgradeNote {
  at: number;
  key: string;
  params: Record<string, string | number>;
}

export interface RecoveryResult {
  restoredFrom: string;
  /** Where the damaged file was kept (renamed beside the database), never deleted. */
  keptAs: string | null;
}

/** Save diagnostics: the data itself only when the clerk ticks the box (and then behind the admin PIN). */
export const diagnosticsInput = z.strictObject({ includeData: z.boolean().default(false) });

export interface DiagnosticsSaved {
  file: string;
  bytes: number;
  /** The zip's entries, in order: manifest.json, versions.json, ... logs/desk.log, data/desk.sqlite. */
  entries: string[];
  includesData: boolean;
}
