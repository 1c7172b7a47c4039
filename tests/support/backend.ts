import { join } from 'node:path';
import { createBackend, type Backend } from '../../electron/backend/backend';
import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import type { ApiError } from '../../shared/result';
import { MemoryLogger, RecordingPlatform } from './recording-platform';
import { tempDataDir } from './temp';

export interface TestBackend extends Backend {
  dir: string;
  platform: RecordingPlatform;
  logger: MemoryLogger;
  /** Calls a channel and returns its value, failing the test on an error result. */
  ok<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
  /** Calls a channel that must fail, and returns the error. */
  fails<C extends Channel>(channel: C, input: unknown): Promise<ApiError>;
}

export function dataPaths(dir: string) {
  return { dbPath: join(dir, 'desk.sqlite'), documentsDir: join(dir, 'documents'), trayDir: join(dir, 'printed') };
}

/** A real backend on a real SQLite file in a temp folder; reopen by passing the same dir. */
export async function openTestBackend(dir = tempDataDir('backend'), now?: () => Date): Promise<TestBackend> {
  const paths = dataPaths(dir);
  const platform = new RecordingPlatform(paths.trayDir);
  const logger = new MemoryLogger();
  const backend = await createBackend({ ...paths, platform, logger, now });
  return {
    ...backend,
    // Live, not copied: a restore swaps the store under the backend.
    get store() {
      return backend.store;
    },
    dir,
    platform,
    logger,
    async ok(channel, input) {
      const result = await backend.invoke(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value as never;
    },
    async fails(channel, input) {
      const result = await backend.invoke(channel, input);
      if (result.ok) throw new Error(`${channel} unexpectedly succeeded: ${JSON.stringify(result.value)}`);
      return result.error;
    },
  };
}
