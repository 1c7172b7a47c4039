import { join } from 'node:path';
import { createBackend, type Backend, type BackendOptions } from '../../electron/backend/backend';
import { openBackend } from '../../electron/backend/domains/admin/recovery';
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
export async function openTestBackend(dir = tempDataDir('backend'), now?: () => Date, extra: Partial<BackendOptions> = {}): Promise<TestBackend> {
  const backend = await startTestBackend(dir, now, extra);
  // The weekly check runs in the background; tests start from a settled desk.
  await backend.maintenance;
  return backend;
}

/** As openTestBackend, answering while the start's background work (backup, checks, index fills) still runs. */
export async function startTestBackend(dir = tempDataDir('backend'), now?: () => Date, extra: Partial<BackendOptions> = {}): Promise<TestBackend> {
  const paths = dataPaths(dir);
  const platform = new RecordingPlatform(paths.trayDir);
  const logger = new MemoryLogger();
  const backend = await createBackend({ ...paths, platform, logger, now, ...extra });
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

export interface DeskTestBackend extends TestBackend {
  readonly mode: 'ok' | 'recovery';
}

/**
 * The desk as the main process opens it (openBackend): on a file that cannot be opened it
 * answers in recovery mode instead of throwing. Nothing is spread: `store` throws until the
 * database is open, and the same object turns normal after a restore or a retry.
 */
export async function openDeskTestBackend(dir = tempDataDir('desk'), now?: () => Date, extra: Partial<BackendOptions> = {}): Promise<DeskTestBackend> {
  const paths = dataPaths(dir);
  const platform = new RecordingPlatform(paths.trayDir);
  const logger = new MemoryLogger();
  const desk = await openBackend({ ...paths, platform, logger, now, ...extra });
  // The weekly check runs in the background; tests start from a settled desk.
  await desk.maintenance;
  const invoke = (channel: unknown, input: unknown) => desk.invoke(channel, input);
  return {
    invoke,
    close: () => desk.close(),
    get store() {
      return desk.store;
    },
    get migration() {
      return desk.migration;
    },
    get mode() {
      return desk.mode;
    },
    get maintenance() {
      return desk.maintenance;
    },
    get damaged() {
      return desk.damaged;
    },
    get documents() {
      return desk.documents;
    },
    dir,
    platform,
    logger,
    async ok(channel, input) {
      const result = await invoke(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value as never;
    },
    async fails(channel, input) {
      const result = await invoke(channel, input);
      if (result.ok) throw new Error(`${channel} unexpectedly succeeded: ${JSON.stringify(result.value)}`);
      return result.error;
    },
  };
}
