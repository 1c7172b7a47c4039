import { resolve } from 'node:path';
import type { HandlersFor } from './api';
import { healthStatus, notInRecovery, runFullCheck } from './services/health';

/**
 * The start-up checks while the database is open. In recovery mode (it could not be opened)
 * these channels are answered by recovery.ts instead, before any of this runs.
 */
export const healthHandlers: HandlersFor<'health:status' | 'health:check' | 'health:retry' | 'health:restore' | 'health:chooseFolder'> = {
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
};
