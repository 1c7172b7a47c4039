import { resolve } from 'node:path';
import type { DomainHandlers } from '../../app/handler-types';
import { auditFacets, getAudit, listAudit } from './audit';
import { restoreBackup } from './backup-restore';
import { chooseBackupFolder, createBackup, deleteBackup, inspectBackup, listBackups } from './backups';
import { trackedBackup } from './backup-job';
import { backgroundWork } from './background-work';
import { saveDiagnostics } from './diagnostics';
import { healthStatus, notInRecovery, runFullCheck } from './health';
import { keepRecoveryCode, recoverPin, replaceRecoveryCode, setPin } from './pin-recovery';
import { beginSession, listOperators, lock, sessionInfo, unlock, updateOperator } from './session';
import { getSettings, updateSettings } from './settings';
import { listPrinters } from './printing';

/**
 * Settings; backups and restore (the renderer names a backup by file name only, resolved in the
 * backup folder); the start-up checks; who is at the desk, the admin PIN, and the read-only
 * audit log (no channel edits it).
 */
export const adminHandlers = {
  'settings:get': (ctx) => getSettings(ctx),
  'settings:update': updateSettings,
  'settings:printers': (ctx) => listPrinters(ctx),

  'backups:list': (ctx) => listBackups(ctx),
  'backups:create': (ctx) => trackedBackup(ctx, 'manual', createBackup),
  'backups:inspect': (ctx, input) => inspectBackup(ctx, input.file),
  'backups:restore': (ctx, input) => restoreBackup(ctx, input.file),
  'backups:chooseFolder': (ctx) => chooseBackupFolder(ctx),
  'backups:delete': (ctx, input) => deleteBackup(ctx, input.file),

  // In recovery mode (the database could not be opened) the health channels are answered by
  // recovery.ts instead, before any of this runs.
  'health:status': (ctx) => healthStatus(ctx),
  'health:check': (ctx) => runFullCheck(ctx),
  // Open and working: there is nothing to try again.
  'health:retry': (ctx) => healthStatus(ctx),
  'health:restore': async () => {
    throw notInRecovery();
  },
  // Only looks: the backup folder itself is changed in Settings → Backups, behind the admin PIN.
  'health:chooseFolder': async (ctx) => {
    const chosen = await ctx.platform.chooseFolder();
    return chosen ? healthStatus(ctx, resolve(chosen)) : null;
  },

  'health:saveDiagnostics': saveDiagnostics,

  'session:get': (ctx) => sessionInfo(ctx),
  'session:begin': beginSession,
  'session:unlock': unlock,
  'session:lock': (ctx) => lock(ctx),
  'session:setPin': setPin,
  'session:recover': recoverPin,
  'session:newRecoveryCode': replaceRecoveryCode,
  'session:keepRecoveryCode': keepRecoveryCode,
  'operators:list': (ctx) => listOperators(ctx),
  'operators:update': updateOperator,
  'audit:list': listAudit,
  'audit:get': getAudit,
  'audit:facets': (ctx) => auditFacets(ctx),
  'health:background': async (ctx) => backgroundWork(ctx),
  'desk:active': async (ctx) => (ctx.documents.wake(), null),
} satisfies DomainHandlers;
