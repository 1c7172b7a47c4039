import type { BackupRun, BackupRunning } from './backup';

/** An index being filled or rebuilt beside the desk (after an upgrade or an import). */
export interface IndexingProgress {
  /** 'audit': the log's text index; 'search': the search index of customers, units and papers. */
  index: 'audit' | 'search';
  startedAt: number;
  done: number;
  total: number;
}

/** The work the start leaves to run beside the desk, for the Desk and the backups screen to show. */
export interface BackgroundWork {
  backup: BackupRunning | null;
  lastBackup: BackupRun | null;
  indexing: IndexingProgress | null;
}
