import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RestoreResult } from '../../../../shared/schemas/backup';
import { closeStore, openStore, type Store } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import { migrations as shippedMigrations } from '../../db/migrations';
import { refusal, refuse } from '../../lib/errors';
import { recordAuditEvent } from './audit';
import { currentRequest } from '../../app/request-context';
import { backupFolder, backupPath, inspectBackup, safetyBackup, saveFolder } from './backups';
import { examine, fsyncPath, toRollbackJournal } from './backup-files';
import type { ServiceContext } from '../../app/context';
import { rebuildIndex } from '../search/search-index';
import { unpackBackup } from './backup-compact';
import { raiseSequence, readSequences } from '../../lib/sequences';
import { reconcileArchiveNumbers } from '../archive/numbers';
import { restoreAttachmentsFromBackup } from '../attachments/backup';

/**
 * A copy of the closed, checked backup (never a live database), made durable beside the live
 * file. The backup itself is only read: a stick may be read-only, and it stays as it was.
 */
export async function stage(source: string, target: string): Promise<void> {
  rmSync(target, { force: true });
  // A compact backup is expanded: restored, it is the very file that was backed up.
  await unpackBackup(source, target, copyFileSync);
  toRollbackJournal(target);
  fsyncPath(target, 'r+');
  const check = examine(target).check;
  if (check !== 'ok') throw new Error(`staged copy failed its check: ${check}`);
}

/** Puts a staged file in place of the (closed) live database. */
function replaceLive(ctx: ServiceContext, staged: string): void {
  const { dbPath } = ctx.storage;
  for (const side of ['-wal', '-shm', '-journal']) rmSync(`${dbPath}${side}`, { force: true });
  renameSync(staged, dbPath);
  fsyncPath(dirname(dbPath), 'r');
}

/** Opens the live file, migrated to this build (a restored older backup is brought up to date). */
async function reopen(ctx: ServiceContext, backupDir: string): Promise<Store> {
  const store = openStore(ctx.storage.dbPath);
  try {
    const migration = await migrateToLatest(store, backupDir, ctx.storage.migrations);
    if (migration.applied.length > 0) await store.db.transaction().execute((trx) => rebuildIndex(trx));
    return store;
  } catch (error) {
    await closeStore(store);
    throw error;
  }
}

/**
 * No ticket, complaint or document number handed out before the restore is handed out again:
 * the counters pass what the replaced database had counted and what the archive holds on disk.
 */
async function keepNumbersTaken(ctx: ServiceContext, counted: Map<string, number>): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    for (const [kind, n] of counted) await raiseSequence(trx, kind, n);
  });
  await reconcileArchiveNumbers(ctx.db, ctx.documentsDir);
}

/**
 * A restore rolls the data back, never the log: the changes made since the backup (they are in
 * the safety backup just taken) are copied into the restored database's log, each marked with
 * this restore's change, so "who did what" survives and the screen can say it was undone.
 */
function carryLogForward(ctx: ServiceContext, safetyFile: string): void {
  const restore = currentRequest()?.changeId ?? null;
  const sqlite = ctx.storage.store.sqlite;
  sqlite.prepare('attach database ? as gone').run(safetyFile);
  try {
    sqlite.transaction(() => {
      const carried = sqlite
        .prepare(
          `insert into main.audit_changes (id, at, operator, channel, elevated, request, undone_by)
           select g.id, g.at, g.operator, g.channel, g.elevated, g.request, coalesce(g.undone_by, ?)
           from gone.audit_changes g where not exists (select 1 from main.audit_changes m where m.id = g.id)`,
        )
        .run(restore);
      if (carried.changes === 0) return;
      sqlite
        .prepare(
          `insert into main.audit_rows (change_id, table_name, row_id, op, before, after, label)
           select r.change_id, r.table_name, r.row_id, r.op, r.before, r.after, r.label
           from gone.audit_rows r where r.change_id in (select id from main.audit_changes where undone_by is not null)
             and not exists (select 1 from main.audit_rows x where x.change_id = r.change_id)
           order by r.id`,
        )
        .run();
      ctx.logger.info(`the log keeps ${carried.changes} changes the restore undid`);
    })();
  } finally {
    sqlite.prepare('detach database gone').run();
  }
}

function swap(ctx: ServiceContext, store: Store): void {
  // The dispatcher's ctx is shared by every handler: from here on they all use the new file.
  // Caches keyed by ctx.db (the working calendar) start fresh with it.
  ctx.storage.store = store;
  ctx.db = store.db;
}

/**
 * Replaces the live database with a backup: the current data is backed up first, the chosen
 * file is checked (quick_check, not from a newer build), copied beside the live file, synced,
 * and renamed into place; the app reopens on it, migrated if it is older. Anything that fails
 * before the rename leaves the live database untouched.
 */
export async function restoreBackup(ctx: ServiceContext, file: string): Promise<RestoreResult> {
  const chosen = await inspectBackup(ctx, file);
  if (chosen.check !== 'ok') {
    throw refuse('backup.errors.damaged', { file });
  }
  const supported = Object.keys(ctx.storage.migrations ?? shippedMigrations).length;
  if ((chosen.schemaVersion ?? 0) > supported) {
    throw refusal('DB_TOO_NEW', 'backup.errors.tooNew', { file });
  }
  const safety = await safetyBackup(ctx, 'beforeRestore');
  const { folder, isDefault } = await backupFolder(ctx);
  const source = backupPath(folder, file);
  const safetyFile = backupPath(folder, safety.file);
  const staged = `${ctx.storage.dbPath}.restoring`;
  try {
    await stage(source, staged);
  } catch (error) {
    rmSync(staged, { force: true });
    throw refusal('VALIDATION', 'backup.errors.damaged', { file }, { log: `backup ${file} could not be staged: ${(error as Error).message}` });
  }

  // What the database being replaced has counted up to: those numbers are on paper already.
  const counted = await readSequences(ctx.db);
  await closeStore(ctx.storage.store);
  let replaced = false;
  try {
    replaceLive(ctx, staged);
    replaced = true;
    swap(ctx, await reopen(ctx, folder));
  } catch (error) {
    // Not replaced: the live file is as it was. Replaced but unopenable: the data of a moment
    // ago (the safety backup) goes back. Either way the desk keeps running, and is told.
    ctx.logger.error(`restore of ${file} failed; ${replaced ? `putting ${safety.file} back` : 'live database untouched'}`, (error as Error).stack);
    if (replaced) {
      copyFileSync(safetyFile, staged);
      fsyncPath(staged, 'r+');
      replaceLive(ctx, staged);
    }
    swap(ctx, await reopen(ctx, folder));
    throw refusal('STORAGE', 'backup.errors.restoreFailed', { file }, { log: `restore of ${file} failed: ${(error as Error).message}` });
  } finally {
    if (existsSync(staged)) rmSync(staged, { force: true });
  }
  // Where backups go belongs to this PC, not to the data: a restored file keeps today's folder.
  await saveFolder(ctx, isDefault ? null : folder);
  await keepNumbersTaken(ctx, counted);
  await restoreAttachmentsFromBackup(ctx, folder);
  carryLogForward(ctx, safetyFile);
  // No trigger sees a whole file replaced: the restored database's own log says who did it.
  await recordAuditEvent(ctx.db, {
    table: 'database',
    rowId: 'desk',
    before: { backup: safety.file, ...safety.counts },
    after: { backup: file, ...chosen.counts },
  });
  ctx.logger.info(`restored ${file}; the data before is in ${safety.file}`);
  return { restoredFrom: file, safetyBackup: safety.file };
}
