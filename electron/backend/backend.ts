import { join } from 'node:path';
import type { Migration } from 'kysely';
import type { AppInfo } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { createDispatcher } from './app/dispatcher';
import { handlers } from './app/handlers';
import { closeStore, openStore, type Store } from './db/connection';
import { acquireDeskLock } from './db/desk-lock';
import { migrateToLatest, type MigrateResult } from './db/migrate';
import { takeBackInterruptedImports } from './domains/excel/import-steps';
import type { Logger, Platform } from './platform/platform';
import { startupBackup } from './domains/admin/backups';
import { reconcileArchiveNumbers } from './domains/archive/numbers';
import { weeklyCheck } from './domains/admin/health';
import { resetPinAtStart } from './domains/admin/session';
import type { ServiceContext } from './app/context';
import { storageError } from './platform/storage-errors';
import { backgroundQuickCheck, closedUncleanly, markClosed, markRunning } from './domains/admin/start-check';
import { openFailure } from './db/connection';
import { fillIndexes } from './domains/admin/index-fill';
import { fillSummaries } from './domains/reports/summary-fill';
import { DocumentRenderer, type DocumentRendererOptions } from './documents/worker/document-renderer';
import { warmUpDeskPapers } from './domains/archive/warm-up';
import { IdleTrim } from './lib/idle-trim';

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
  /**
   * The work the start leaves to run beside the desk: the quick_check of a cleanly closed file,
   * then the day's first backup and the week's full check. Settles when all of it is done.
   */
  maintenance: Promise<void>;
  /**
   * Settles with what the background quick_check found (null: sound, or checked before the
   * start). Damage stops every request (each answers DB_DAMAGED); openBackend turns to recovery.
   */
  damaged: Promise<string | null>;
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
  // After a crash or a power cut the file is checked before anything can write (start-check.ts).
  const unclean = closedUncleanly(options.dbPath);
  try {
    store = openStore(options.dbPath, { check: unclean });
    markRunning(options.dbPath);
    // Until the background check has passed, writes stay in the WAL: nothing goes into a file
    // that may turn out damaged (damage found then leaves the main file as it was found).
    if (!unclean) store.sqlite.pragma('wal_autocheckpoint = 0');
  } catch (error) {
    await documents.close();
    lock.release();
    throw error;
  }
  let migration: MigrateResult;
  try {
    const backupDir = options.backupDir ?? join(options.dbPath, '..', 'backups');
    migration = await migrateToLatest(store, backupDir, options.migrations);
    // The search index is rebuilt after migrations (one may change what is indexed), beside the
    // desk rather than before it: a minute on ten years of records (index-fill.ts).
  } catch (error) {
    await closeStore(store);
    // Closed cleanly after all: a marker this start wrote goes (one found at the start stays).
    if (!unclean) markClosed(options.dbPath);
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
    // An import the last run left midway is taken back before the desk shows any of it.
    await takeBackInterruptedImports(ctx);
    if (options.resetAdminPin) await resetPinAtStart(ctx);
  } catch (error) {
    await documents.close();
    throw error;
  }
  let damage: string | null = null;
  let closing = false;
  // Whether the main file may take the WAL's pages: after an unclean shutdown it was checked
  // before the desk answered; otherwise once the background check has passed.
  let checkpointing = unclean;
  const damaged = unclean
    ? Promise.resolve(null)
    : backgroundQuickCheck(options.dbPath).then((outcome) => {
        if (outcome.damage === null) {
          if (outcome.skipped) logger.warn('the background quick_check could not run', outcome.skipped);
          ctx.storage.store.sqlite.pragma('wal_autocheckpoint = 1000');
          checkpointing = true;
          return null;
        }
        damage = outcome.damage;
        logger.error(`database ${options.dbPath} found damaged after the start; requests stop`, outcome.damage);
        return outcome.damage;
      });
  // None of it awaited: the day's first backup (a copy of the file, its check in a worker),
  // then the week's full check, both after the quick_check has passed and while the desk
  // answers. What they find shows on the backups screen and the Desk; a failure only reports.
  const maintenance = damaged.then(async (found) => {
    if (found) return;
    // The backup waits mostly on the disk and its workers; the index fill takes short turns on
    // this thread. Side by side, neither holds the desk.
    await Promise.all([startupBackup(ctx), fillIndexes(ctx, migration.applied.length > 0, () => closing).then(() => fillSummaries(ctx, () => closing))]);
    await weeklyCheck(ctx);
  });
  // Not awaited either: the desk's own papers, drawn once by the warming worker and thrown away.
  if (options.documents?.warmUp) {
    documents.deskPapers = () => {
      warmUpDeskPapers(ctx, (job) => documents.warm(job)).catch((error: unknown) => logger.warn('documents: no desk papers to warm up with', (error as Error).message));
    };
    documents.deskPapers();
  }
  const info = (): AppInfo => ({
    version: options.appVersion ?? '0.0.0',
    dbPath: options.dbPath,
    documentsDir: options.documentsDir,
    schemaVersion: migration.schemaVersion,
  });
  const dispatch = createDispatcher(ctx, handlers(info));
  // A report, an import or an export grows the desk's heap by tens of MB; the start's work too.
  let answering = 0;
  const trim = new IdleTrim({ quietMs: 5_000, growthBytes: 8 * 2 ** 20, isIdle: () => answering === 0, onQuiet: () => quietCheckpoint() });
  /**
   * The WAL's pages go into the main file while the desk is quiet. Otherwise SQLite does it in
   * whichever write reaches 1,000 pages, and on ten years of data that write (a clerk's new
   * ticket) took 35–165 ms instead of 4. PASSIVE: it never waits for, nor holds up, anyone.
   */
  const quietCheckpoint = () => {
    const { sqlite } = ctx.storage.store;
    if (!checkpointing || damage !== null || closing || sqlite.inTransaction) return;
    try {
      sqlite.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      // A full disk or a file held elsewhere: the writes stay in the WAL, as before.
      logger.warn('the quiet checkpoint could not run', (error as Error).message);
    }
  };
  maintenance.then(
    () => trim.touch(),
    () => trim.touch(),
  );
  return {
    invoke: async (channel, input) => {
      if (damage !== null) {
        const refused = openFailure(options.dbPath, 'damaged', damage);
        return { ok: false, error: { code: refused.code, message: refused.message, details: refused.details } };
      }
      answering++;
      try {
        return await dispatch(channel, input);
      } finally {
        answering--;
        trim.touch();
      }
    },
    // A restore swaps the connection: close and expose whichever is live now.
    close: async () => {
      closing = true;
      trim.stop();
      await maintenance;
      await documents.close();
      await closeStore(ctx.storage.store);
      // A clean close: the next start need not check the file before it answers. Damaged, the
      // marker stays, so the next start checks before any write.
      if (damage === null) markClosed(options.dbPath);
      lock.release();
    },
    get store() {
      return ctx.storage.store;
    },
    migration,
    maintenance,
    damaged,
    documents,
  };
}
