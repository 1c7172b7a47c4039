import type Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, statfsSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { BACKUP_REASONS, type BackupInfo, type BackupList, type BackupReason } from '../../../../shared/schemas/backup';
import { AppError, notFound, refusal } from '../../lib/errors';
import type { ServiceContext } from '../../app/context';
import { getSettings } from './settings';
import { expiredBackups } from './retention';
import { localDay, localTime } from '../../../../shared/domain/dates';
import { copyAttachmentsToBackup } from '../attachments/backup';
import { codecOf, compressedName } from './backup-codec';
import { examineBackup, writeCompactBackup, type BackupProgressFn } from './backup-compact';
import { examine, sidecarOf, toRollbackJournal } from './backup-files';

import { backupState, trackedBackup } from './backup-job';

const COMPACT: readonly BackupReason[] = ['startup', 'manual'];

/** Our own file names only: a shared drive or USB stick may hold anything else, never touched. */
const NAME = /^desk-(\d{4})-(\d{2})-(\d{2})T(\d{2})(\d{2})-([A-Za-z]+)(?:-\d+)?\.sqlite(?:\.zst|\.gz)?$/;
/** Pre-migration backups as `migrateToLatest` names them. */
const PRE_MIGRATION = /^pre-migration-v\d+-.*\.sqlite$/;

export async function backupFolder(ctx: ServiceContext): Promise<{ folder: string; isDefault: boolean }> {
  const chosen = (await getSettings(ctx)).backupFolder;
  return chosen ? { folder: chosen, isDefault: false } : { folder: ctx.storage.defaultBackupDir, isDefault: true };
}

/** A backup named by the renderer is looked for in the backup folder and nowhere else. */
export function backupPath(folder: string, file: string): string {
  const root = resolve(folder);
  const full = resolve(root, file);
  if (dirname(full) !== root || basename(full) !== file) {
    throw refusal('FORBIDDEN', 'backup.errors.invalidFile', undefined, { log: `path escapes the backup folder: ${file}` });
  }
  return full;
}

/** Local calendar day: "today" is the desk's today, not UTC's. */

function newName(folder: string, now: Date, reason: BackupReason): string {
  const stem = `desk-${localDay(now)}T${localTime(now).replace(':', '')}-${reason}`;
  const taken = (name: string) => [name, `${name}.partial`, compressedName(name), `${compressedName(name)}.partial`].some((f) => existsSync(join(folder, f)));
  let name = `${stem}.sqlite`;
  for (let i = 2; taken(name); i++) name = `${stem}-${i}.sqlite`;
  return name;
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  // Directories cannot be opened for fsync on Windows; the rename is durable enough there.
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* not supported on this platform */
  }
}

function readSidecar(file: string): Partial<BackupInfo> | null {
  try {
    return JSON.parse(readFileSync(sidecarOf(file), 'utf8')) as Partial<BackupInfo>;
  } catch {
    return null;
  }
}

/** What the name and the file say, for a backup without (or with a damaged) sidecar. */
function fromName(folder: string, name: string): BackupInfo | null {
  const full = join(folder, name);
  let size = 0;
  let mtime = 0;
  try {
    const st = statSync(full);
    if (!st.isFile()) return null;
    size = st.size;
    mtime = st.mtimeMs;
  } catch {
    return null;
  }
  const m = NAME.exec(name);
  if (m) {
    const reason = BACKUP_REASONS.find((r) => r === m[6]);
    if (!reason) return null;
    const createdAt = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])).getTime();
    return { file: name, createdAt, reason, size, check: null, counts: null, schemaVersion: null };
  }
  if (PRE_MIGRATION.test(name)) return { file: name, createdAt: Math.round(mtime), reason: 'beforeMigration', size, check: null, counts: null, schemaVersion: null };
  return null;
}

function describe(folder: string, name: string): BackupInfo | null {
  const base = fromName(folder, name);
  if (!base) return null;
  const side = readSidecar(join(folder, name));
  if (!side) return base;
  return {
    ...base,
    createdAt: typeof side.createdAt === 'number' ? side.createdAt : base.createdAt,
    reason: BACKUP_REASONS.find((r) => r === side.reason) ?? base.reason,
    check: typeof side.check === 'string' ? side.check : null,
    counts: side.counts ?? null,
    schemaVersion: typeof side.schemaVersion === 'number' ? side.schemaVersion : null,
    rawSize: typeof side.rawSize === 'number' ? side.rawSize : null,
    codec: codecOf(name),
  };
}

/** Every backup of ours in the folder, newest first. */
export function readBackups(folder: string): BackupInfo[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .map((name) => describe(folder, name))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => b.createdAt - a.createdAt || b.file.localeCompare(a.file));
}

export async function listBackups(ctx: ServiceContext): Promise<BackupList> {
  const { folder, isDefault } = await backupFolder(ctx);
  const counted = async (table: 'customers' | 'units' | 'tickets') =>
    Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const current = { customers: await counted('customers'), units: await counted('units'), tickets: await counted('tickets') };
  const { running, last } = backupState(ctx);
  return { folder, isDefaultFolder: isDefault, backups: readBackups(folder), current, running: running && { ...running }, lastRun: last };
}

function prune(ctx: ServiceContext, folder: string, justMade: string): void {
  for (const file of expiredBackups(readBackups(folder), ctx.now(), justMade)) {
    try {
      rmSync(join(folder, file), { force: true });
      rmSync(sidecarOf(join(folder, file)), { force: true });
    } catch (error) {
      ctx.logger.warn(`could not delete old backup ${file}`, (error as Error).message);
    }
  }
}

/**
 * A backup needs about the database's size, and the disk some room left after it: refused before
 * a byte is written, not half written to a full disk (the one the database lives on, often).
 */
function assertRoomFor(ctx: ServiceContext, folder: string): void {
  let free: number;
  try {
    const fs = statfsSync(folder);
    free = fs.bavail * fs.bsize;
  } catch {
    return; // not every file system can say; the write itself will tell
  }
  const needed = statSync(ctx.storage.dbPath).size + 64 * 1024 * 1024;
  if (free < needed) throw refusal('STORAGE', 'errors.diskFull', undefined, { log: `backup folder ${folder} has ${free} bytes free, ${needed} needed` });
}

function writeFailed(folder: string, error: unknown): AppError {
  return refusal('STORAGE', 'backup.errors.writeFailed', { folder }, { log: `backup to ${folder} failed: ${(error as Error).message}` });
}

/**
 * Copies the live database with SQLite's online backup API (a consistent snapshot even while
 * the desk writes, never a copy of the live file), checks the copy, records what it holds in a
 * sidecar, then applies the retention rules.
 */
export async function createBackup(ctx: ServiceContext, reason: BackupReason, progress?: BackupProgressFn): Promise<BackupInfo> {
  const { folder } = await backupFolder(ctx);
  const now = ctx.now();
  let info: BackupInfo;
  try {
    mkdirSync(folder, { recursive: true });
    assertRoomFor(ctx, folder);
    const name = newName(folder, now, reason);
    // The backups that pile up (the day's, the ones made by hand) are compact and made beside
    // the desk; the safety copies taken right before a merge or a restore stay plain files,
    // ready to be put back at once.
    info = COMPACT.includes(reason)
      ? await writeCompactBackup(ctx.storage.store.sqlite, folder, name, reason, now.getTime(), progress)
      : await writeBackup(ctx.storage.store.sqlite, folder, name, reason, now.getTime());
    // The files the database names travel beside it (see copyAttachmentsToBackup).
    await copyAttachmentsToBackup(ctx, folder);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw writeFailed(folder, error);
  }
  if (info.check !== 'ok') ctx.logger.warn(`backup ${info.file} failed its check`, info.check);
  prune(ctx, folder, info.file);
  return info;
}

/**
 * The one way a backup file is made (also before a migration): an online snapshot written
 * under a temporary name, made durable, renamed, then checked and described in its sidecar.
 */
export async function writeBackup(
  sqlite: Database.Database,
  folder: string,
  name: string,
  reason: BackupReason,
  createdAt: number,
): Promise<BackupInfo> {
  const partial = join(folder, `${name}.partial`);
  const file = join(folder, name);
  try {
    await sqlite.backup(partial);
    toRollbackJournal(partial);
    fsyncFile(partial);
    renameSync(partial, file);
    fsyncDir(folder);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  const examined = examine(file);
  const info: BackupInfo = { file: name, createdAt, reason, size: statSync(file).size, ...examined };
  const { file: _name, ...sidecar } = info;
  writeFileSync(sidecarOf(file), JSON.stringify(sidecar, null, 2));
  return info;
}

/** A backup that must be good before something destructive runs (a merge, a restore). */
export async function safetyBackup(ctx: ServiceContext, reason: BackupReason): Promise<BackupInfo> {
  const info = await createBackup(ctx, reason);
  if (info.check !== 'ok') {
    throw refusal('STORAGE', 'backup.errors.safetyFailed', { file: info.file });
  }
  return info;
}

/** Once a day, at start-up: a failed backup (a pulled USB stick) is logged, never stops the desk. */
export async function startupBackup(ctx: ServiceContext): Promise<BackupInfo | null> {
  try {
    const { folder } = await backupFolder(ctx);
    const today = localDay(ctx.now());
    if (readBackups(folder).some((b) => localDay(new Date(b.createdAt)) === today)) return null;
    return await trackedBackup(ctx, 'startup', createBackup);
  } catch (error) {
    ctx.logger.warn('start-up backup failed', (error as Error).message);
    return null;
  }
}

/** What a backup holds, read from the file itself (not the sidecar); the live data is not touched. */
export async function inspectBackup(ctx: ServiceContext, file: string): Promise<BackupInfo> {
  const { folder } = await backupFolder(ctx);
  const full = backupPath(folder, file);
  const base = describe(folder, file);
  if (!base || !existsSync(full)) {
    throw notFound('backup.errors.notFound', { file });
  }
  return { ...base, size: statSync(full).size, ...(await examineBackup(full)) };
}

/** A person deletes one of our backups (and its sidecar); nothing else in the folder can be named. */
export async function deleteBackup(ctx: ServiceContext, file: string): Promise<BackupList> {
  const { folder } = await backupFolder(ctx);
  const full = backupPath(folder, file);
  if (!describe(folder, file) || !existsSync(full)) throw notFound('backup.errors.notFound', { file });
  rmSync(full, { force: true });
  rmSync(sidecarOf(full), { force: true });
  ctx.logger.info(`backup ${file} deleted at the desk`);
  return listBackups(ctx);
}

/** The folder comes from the system's folder dialog, and must take a file before it is kept. */
export async function chooseBackupFolder(ctx: ServiceContext): Promise<BackupList | null> {
  const chosen = await ctx.platform.chooseFolder();
  if (!chosen) return null;
  const folder = resolve(chosen);
  const probe = join(folder, `.desk-write-test-${process.pid}`);
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(probe, 'ok');
    rmSync(probe);
  } catch (error) {
    throw refusal('STORAGE', 'backup.errors.folderNotWritable', { folder }, { log: `backup folder ${folder} is not writable: ${(error as Error).message}` });
  }
  await saveFolder(ctx, folder);
  return listBackups(ctx);
}

/** Null goes back to the default folder. */
export async function saveFolder(ctx: ServiceContext, folder: string | null): Promise<void> {
  if (folder === null) {
    await ctx.db.deleteFrom('settings').where('key', '=', 'backupFolder').execute();
    return;
  }
  await ctx.db
    .insertInto('settings')
    .values({ key: 'backupFolder', value: JSON.stringify(folder) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(folder) }))
    .execute();
}
