import type { BackupInfo, BackupReason, BackupRun, BackupRunning } from '../../../../shared/schemas/backup';
import type { ServiceContext, Storage } from '../../app/context';
import type { BackupProgressFn } from './backup-compact';

/*
 * The backup running beside the desk (the day's first, or one asked for by hand) and how the
 * last one ended, for the backups screen and the Desk to show. Kept per open database (its
 * Storage, which a restore keeps while it swaps the connection), only while the app runs: the
 * backups themselves, with their sidecars, are the lasting record.
 */
interface State {
  running: BackupRunning | null;
  last: BackupRun | null;
}
const states = new WeakMap<Storage, State>();

export function backupState(ctx: ServiceContext): State {
  let state = states.get(ctx.storage);
  if (!state) states.set(ctx.storage, (state = { running: null, last: null }));
  return state;
}

/**
 * A backup (`make`, createBackup in practice: passed in so this module needs nothing of the
 * backups module, which reads the state), its progress and outcome kept where the screens ask.
 */
export async function trackedBackup(ctx: ServiceContext, reason: BackupReason, make: (ctx: ServiceContext, reason: BackupReason, progress: BackupProgressFn) => Promise<BackupInfo>): Promise<BackupInfo> {
  const state = backupState(ctx);
  const startedAt = Date.now();
  const running: BackupRunning = { reason, startedAt, phase: 'copy', done: 0, total: 0 };
  state.running = running;
  try {
    const info = await make(ctx, reason, (step) => Object.assign(running, step));
    state.last = { reason, at: Date.now(), ms: Date.now() - startedAt, file: info.file, size: info.size, rawSize: info.rawSize ?? null, problem: info.check === 'ok' ? null : info.check };
    return info;
  } catch (error) {
    state.last = { reason, at: Date.now(), ms: Date.now() - startedAt, file: null, size: null, rawSize: null, problem: (error as Error).message || 'failed' };
    throw error;
  } finally {
    if (state.running === running) state.running = null;
  }
}
