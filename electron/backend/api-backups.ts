import type { HandlersFor } from './api';
import { restoreBackup } from './services/backup-restore';
import { chooseBackupFolder, createBackup, inspectBackup, listBackups } from './services/backups';

/** Backups and restore: the renderer names a backup by file name only, resolved in the backup folder. */
export const backupHandlers: HandlersFor<'backups:list' | 'backups:create' | 'backups:inspect' | 'backups:restore' | 'backups:chooseFolder'> = {
  'backups:list': (ctx) => listBackups(ctx),
  'backups:create': (ctx) => createBackup(ctx, 'manual'),
  'backups:inspect': (ctx, input) => inspectBackup(ctx, input.file),
  'backups:restore': (ctx, input) => restoreBackup(ctx, input.file),
  'backups:chooseFolder': (ctx) => chooseBackupFolder(ctx),
};
