import { join } from 'node:path';
import type { Migration } from 'kysely';
import type { AppInfo } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { createDispatcher } from './app/dispatcher';
import { handlers } from './app/handlers';
import { closeStore, openStore, type Store } from './db/connection';
import { acquireDeskLock } from './db/desk-lock';
import { migrateToLatest, type MigrateResult } from './db/migrate';
import type { Logger, Platform } from './platform/platform';
import { rebuildIndex } from './domains/search/search-index';
import { startupBackup } from './domains/admin/backups';
import { reconcileArchiveNumbers } from './domains/archive/numbers';
import { weeklyCheck } from './domains/admin/health';
import { resetPinAtStart } from './domains/admin/session';
import type { ServiceContext } from './app/context';
import { storageError } from './platform/storage-errors';
import { DocumentRenderer, type DocumentRendererOptions } from './documents/worker/document-renderer';

export interface BackendOptions {
  dbPath: string;
  documentsDir: string;
  /** Where pre-migration backups go; defaults to `backups/` beside the database. */
  backupDir?: string;
  /** The migrations to bring the schema to; the shipped list unless a test injects a failing one. */
  migrations?: Record<string, Migration>;
  platform: Platform;
  logger?: Logger;
  /** The folder the application log rotates in: what "save diagnostics" sends to support. */
  logDir?: string;
  appVersion?: string;
  now?: () => Date;
  /** Started with --reset-admin-pin: the owner forgot the PIN (the clearing is logged). */
  resetAdminPin?: boolean;
  /**
   * The document worker: its built file (the app names it), another font folder, and whether
   * to warm up at once (the app, the demo and the bench do; otherwise it starts with the first
   * document, so a backend that prints nothing, as most tests, costs no thread and no CPU).
   */
  documents?: Omit<DocumentRendererOptions, 'logger'>;
}

export interface Backend {
  invoke(channel: unknown, input: unknown): Promise<Result<unknown>>;
  close(): Promise<void>;
  store: Store;
  migration: MigrateResult;
  /** The weekly full check started at open, running off the desk's thread; settles when done. */
  maintenance: Promise<void>;
  /** Where documents are rendered (a worker thread), and when it has warmed up. */
  documents: DocumentRenderer;
}

export const consoleLogger: Logger = {
  info: (m, d) => console.info(m, d ?? ''),
  warn: (m, d) => console.warn(m, d ?? ''),
  error: (m, d) => console.error(m, d ?? ''),
};

/** Opens (and migrates) the store and wires the services: everything the main process runs. */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  // Real time, not the injectable clock: the lock is about processes that are running now.
  const lock = acquireDeskLock(options.dbPath);
  const logger = options.logger ?? consoleLogger;
  // Started first: fonts and layout warm up on their own thread while the database opens.
  const documents = new DocumentRenderer({ ...options.documents, logger });
  let store: Store;
  try {
    store = openStore(options.dbPath);
  } catch (error) {
    await documents.close();
    lock.release();
    throw error;
  }
  let migration: MigrateResult;
  try {
    const backupDir = options.backupDir ?? join(options.dbPath, '..', 'backups');
    migration = await migrateToLatest(store, backupDir, options.migrations);
    if (migration.applied.length > 0) await store.db.transaction().execute((trx) => rebuildIndex(trx));
  } catch (error) {
    await closeStore(store);
    await documents.close();
    lock.release();
    // A full disk while taking the pre-migration backup is the user's to fix: say so, not INTERNAL.
    throw storageError(error) ?? error;
  }
  const ctx: ServiceContext = {
    db: store.db,
    documentsDir: options.documentsDir,
    platform: options.platform,
    logger,
    logDir: options.logDir ?? null,
    appVersion: options.appVersion ?? '0.0.0',
    now: options.now ?? (() => new Date()),
    storage: {
      store,
      dbPath: options.dbPath,
      defaultBackupDir: options.backupDir ?? join(options.dbPath, '..', 'backups'),
      migrations: options.migrations,
    },
    session: { operator: null, unlockedUntil: 0 },
    documents,
  };
  try {
    await reconcileArchiveNumbers(ctx.db, ctx.documentsDir);
    await startupBackup(ctx);
    if (options.resetAdminPin) await resetPinAtStart(ctx);
  } catch (error) {
    await documents.close();
    throw error;
  }
  // After the backup, and not awaited: the week's full check reads the whole file in a worker
  // while the window opens; what it finds shows on the Desk. A failure only reports.
  const maintenance = weeklyCheck(ctx).then(() => undefined);
  const info = (): AppInfo => ({
    version: options.appVersion ?? '0.0.0',
    dbPath: options.dbPath,
    documentsDir: options.documentsDir,
    schemaVersion: migration.schemaVersion,
  });
  const dispatch = createDispatcher(ctx, handlers(info));
  return {
    invoke: dispatch,
    // A restore swaps the connection: close and expose whichever is live now.
    close: async () => {
      await maintenance;
      await documents.close();
      await closeStore(ctx.storage.store);
      lock.release();
    },
    get store() {
      return ctx.storage.store;
    },
    migration,
    maintenance,
    documents,
  };
}
