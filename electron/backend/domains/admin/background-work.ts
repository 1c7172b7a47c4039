import type { BackgroundWork, IndexingProgress } from '../../../../shared/schemas/background';
import type { ServiceContext, Storage } from '../../app/context';
import { backupState } from './backup-job';

/*
 * The index work running beside the desk, kept per open database like the backup's (see
 * backup-job.ts), and what health:background answers: enough for a progress bar on the Desk.
 */
const indexing = new WeakMap<Storage, IndexingProgress>();

/** Runs an index fill or rebuild, its progress kept for the screens while it runs. */
export async function trackedIndexing(ctx: ServiceContext, index: IndexingProgress['index'], run: (progress: (done: number, total: number) => void) => Promise<unknown>): Promise<void> {
  const state: IndexingProgress = { index, startedAt: Date.now(), done: 0, total: 0 };
  indexing.set(ctx.storage, state);
  try {
    await run((done, total) => Object.assign(state, { done, total }));
  } finally {
    if (indexing.get(ctx.storage) === state) indexing.delete(ctx.storage);
  }
}

export function backgroundWork(ctx: ServiceContext): BackgroundWork {
  const { running, last } = backupState(ctx);
  const now = indexing.get(ctx.storage);
  return { backup: running && { ...running }, lastBackup: last, indexing: now ? { ...now } : null };
}
