import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BackupInfo } from '../../../../shared/schemas/backup';
import type { FullCheck, HealthStatus, UpgradeNote } from '../../../../shared/schemas/health';
import { type AppError, refusal } from '../../lib/errors';
import { checkOffThread, integrityCheckOffThread } from './integrity-check';
import { codecOf, expand } from './backup-codec';
import { backupFolder, readBackups } from './backups';
import type { ServiceContext } from '../../app/context';
import { checkAttachments } from '../attachments/attachments';
import type { AttachmentCheck } from '../../../../shared/schemas/attachment';

const WEEK = 7 * 24 * 60 * 60 * 1000;
/** SQLite stops listing after this many problems: enough for support, never a wall of text. */
const MAX_PROBLEMS = 20;

export async function lastFullCheck(ctx: ServiceContext): Promise<FullCheck | null> {
  const row = await ctx.db.selectFrom('health_checks').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!row) return null;
  let problems: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.problems);
    if (Array.isArray(parsed)) problems = parsed.map(String);
  } catch {
    problems = [row.problems];
  }
  let attachments: AttachmentCheck | null = null;
  try {
    attachments = row.attachments === null ? null : (JSON.parse(row.attachments) as AttachmentCheck);
  } catch {
    attachments = null;
  }
  return { at: row.at, ok: row.ok === 1, ms: row.ms, problems, attachments };
}

export const isFullCheckDue = (last: FullCheck | null, now: Date) => !last || now.getTime() - last.at >= WEEK;

/**
 * PRAGMA integrity_check: unlike the quick_check of every start it also compares each index
 * with its table, so it reads the whole file. It only reports: nothing is repaired, the user
 * decides (a damaged database is restored from a backup, never "fixed" behind their back).
 */
export async function runFullCheck(ctx: ServiceContext): Promise<FullCheck> {
  const at = ctx.now().getTime();
  const started = performance.now();
  // Off the desk's thread; SQLite stopping at damage it cannot walk comes back as a problem too.
  const problems = await integrityCheckOffThread(ctx.storage.dbPath, MAX_PROBLEMS);
  // The files the database names are part of the data: each read back and hashed.
  const attachments = await checkAttachments(ctx);
  const check: FullCheck = {
    at,
    ok: problems.length === 0 && attachments.problems.length === 0,
    ms: Math.round(performance.now() - started),
    problems: problems.slice(0, MAX_PROBLEMS),
    attachments,
  };
  await ctx.db
    .insertInto('health_checks')
    .values({ at: check.at, ok: check.ok ? 1 : 0, ms: check.ms, problems: JSON.stringify(check.problems), attachments: JSON.stringify(attachments) })
    .execute();
  if (problems.length > 0) ctx.logger.error('integrity_check found damage; nothing was repaired', check.problems);
  if (attachments.problems.length > 0) ctx.logger.error('attachment files missing or altered; nothing was repaired', attachments.problems);
  return check;
}

/** At start-up: the full check once a week. A failure to record it never stops the desk. */
export async function weeklyCheck(ctx: ServiceContext): Promise<FullCheck | null> {
  try {
    if (!isFullCheckDue(await lastFullCheck(ctx), ctx.now())) return null;
    return await runFullCheck(ctx);
  } catch (error) {
    ctx.logger.warn('weekly integrity check could not run', (error as Error).message);
    return null;
  }
}

/** The newest backup that passed its own check, across the folders given in order of preference. */
export function newestGoodBackup(folders: string[]): { backup: BackupInfo; folder: string } | null {
  let best: { backup: BackupInfo; folder: string } | null = null;
  for (const folder of folders) {
    for (const backup of readBackups(folder)) {
      if (backup.check !== 'ok') continue;
      if (!best || backup.createdAt > best.backup.createdAt) best = { backup, folder };
    }
  }
  return best;
}

/** integrity_check of a backup file, remembered while the file is unchanged: it reads the whole file. */
const verified = new Map<string, boolean>();

async function passesFullCheck(file: string): Promise<boolean> {
  let key: string;
  try {
    const st = statSync(file);
    key = `${file}|${st.size}|${st.mtimeMs}`;
  } catch {
    return false;
  }
  const known = verified.get(key);
  if (known !== undefined) return known;
  let passed = false;
  const codec = codecOf(file);
  if (codec) {
    // A compact backup: expanded to a private copy, checked in a worker.
    const dir = mkdtempSync(join(tmpdir(), 'desk-fullcheck-'));
    try {
      const copy = join(dir, 'copy.sqlite');
      await expand(file, codec, copy);
      const run = await checkOffThread(copy, 1, 'integrity_check');
      passed = !run.error && run.problems.length === 0;
    } catch {
      passed = false;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    let sqlite: Database.Database | undefined;
    try {
      // Our backups are in rollback-journal mode: opening them read-only leaves nothing beside them.
      sqlite = new Database(file, { readonly: true, fileMustExist: true });
      passed = sqlite.pragma('integrity_check(1)', { simple: true }) === 'ok';
    } catch {
      passed = false;
    } finally {
      sqlite?.close();
    }
  }
  verified.set(key, passed);
  return passed;
}

/**
 * Once a full check has failed, a recent backup may hold the same damage (a backup copies pages,
 * and its own quick_check does not compare indexes with tables), so the newest backups are given
 * the full check too and the first that passes is offered.
 */
async function offeredBackup(ctx: ServiceContext, last: FullCheck | null, folder?: string): Promise<BackupInfo | null> {
  const where = folder ?? (await backupFolder(ctx)).folder;
  const good = readBackups(where).filter((b) => b.check === 'ok');
  if (!last || last.ok) return good[0] ?? null;
  for (const b of good.slice(0, 10)) if (await passesFullCheck(join(where, b.file))) return b;
  return null;
}

export async function healthStatus(ctx: ServiceContext, folder?: string): Promise<HealthStatus> {
  const last = await lastFullCheck(ctx);
  return {
    mode: 'ok',
    dbPath: ctx.storage.dbPath,
    problem: null,
    lastFullCheck: last,
    fullCheckDue: isFullCheckDue(last, ctx.now()),
    newestGoodBackup: await offeredBackup(ctx, last, folder),
    upgradeNotes: await upgradeNotes(ctx),
  };
}

async function upgradeNotes(ctx: ServiceContext): Promise<UpgradeNote[]> {
  const rows = await ctx.db.selectFrom('upgrade_notes').select(['at', 'key', 'params']).orderBy('at', 'desc').execute();
  return rows.map((r) => ({ at: r.at, key: r.key, params: JSON.parse(r.params) as UpgradeNote['params'] }));
}

/** Restoring over a working database goes through backups:restore (admin PIN, safety backup). */
export function notInRecovery(): AppError {
  return refusal('CONFLICT', 'health.errors.notInRecovery');
}
