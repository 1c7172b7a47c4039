import { join } from 'node:path';
import type { AppInfo } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { createDispatcher, handlers } from './api';
import { closeStore, openStore, type Store } from './db/connection';
import { migrateToLatest, type MigrateResult } from './db/migrate';
import type { Logger, Platform } from './platform';
import { rebuildIndex } from './services/search';

export interface BackendOptions {
  dbPath: string;
  documentsDir: string;
  /** Where pre-migration backups go; defaults to `backups/` beside the database. */
  backupDir?: string;
  platform: Platform;
  logger?: Logger;
  nativeBinding?: string;
  appVersion?: string;
  now?: () => Date;
}

export interface Backend {
  invoke(channel: unknown, input: unknown): Promise<Result<unknown>>;
  close(): Promise<void>;
  store: Store;
  migration: MigrateResult;
}

export const consoleLogger: Logger = {
  info: (m, d) => console.info(m, d ?? ''),
  warn: (m, d) => console.warn(m, d ?? ''),
  error: (m, d) => console.error(m, d ?? ''),
};

/** Opens (and migrates) the store and wires the services: everything the main process runs. */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const store = openStore(options.dbPath, { nativeBinding: options.nativeBinding });
  let migration: MigrateResult;
  try {
    migration = await migrateToLatest(store, options.backupDir ?? join(options.dbPath, '..', 'backups'));
    if (migration.applied.length > 0) await store.db.transaction().execute((trx) => rebuildIndex(trx));
  } catch (error) {
    await closeStore(store);
    throw error;
  }
  const ctx = {
    db: store.db,
    documentsDir: options.documentsDir,
    platform: options.platform,
    logger: options.logger ?? consoleLogger,
    now: options.now ?? (() => new Date()),
  };
  const info = (): AppInfo => ({
    version: options.appVersion ?? '0.0.0',
    dbPath: options.dbPath,
    documentsDir: options.documentsDir,
    schemaVersion: migration.schemaVersion,
  });
  const dispatch = createDispatcher(ctx, handlers(info));
  return {
    invoke: dispatch,
    close: () => closeStore(store),
    store,
    migration,
  };
}
