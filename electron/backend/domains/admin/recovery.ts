import Database from 'better-sqlite3';
import { existsSync, lstatSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { contract, isChannel, type AppInfo, type Channel } from '../../../../shared/contract';
import type { Result } from '../../../../shared/result';
import type { DamageKind, HealthStatus, RecoveryResult } from '../../../../shared/schemas/health';
import { fieldErrors } from '../../../../shared/validation';
import { consoleLogger, createBackend, type Backend, type BackendOptions } from '../../backend';
import { migrations as shippedMigrations } from '../../db/migrations';
import { AppError, refusal, refuse, notFound } from '../../lib/errors';
import { runAsRequest } from '../../app/request-context';
import { recordAuditEvent } from './audit';
import { stage } from './backup-restore';
import { fsyncPath } from './backup-files';
import { restoreAttachmentFiles } from '../attachments/backup';
import { backupPath, readBackups } from './backups';
import { examineBackup } from './backup-compact';
import { newestGoodBackup } from './health';
import { localDay, localTime } from '../../../../shared/domain/dates';

/** The backend the main process talks to: the normal one, or, while the file cannot be opened, recovery. */
export interface DeskBackend extends Backend {
  readonly mode: 'ok' | 'recovery';
}

interface Problem {
  kind: DamageKind;
  detail: string;
}

/** Only a file that cannot be opened leads to recovery; a newer schema or a failed migration keeps its own message. */
function problemOf(error: unknown): Problem | null {
  if (!(error instanceof AppError) || error.code !== 'DB_DAMAGED') return null;
  const kind: DamageKind = error.details.kind === 'unreadable' || error.details.kind === 'inUse' ? error.details.kind : 'damaged';
  return { kind, detail: typeof error.details.detail === 'string' ? error.details.detail : error.message };
}

/**
 * Opens the desk's database; if it cannot be opened (damaged or unreadable), answers in recovery
 * mode instead of failing, so the window can explain and offer the newest good backup. The same
 * object switches to the normal backend after a successful retry or restore: whatever holds it
 * (the main process's IPC handlers, the e2e bridge) keeps working.
 */
export async function openBackend(options: BackendOptions): Promise<DeskBackend> {
  try {
    return new Desk(options, await createBackend(options), null);
  } catch (error) {
    const problem = problemOf(error);
    if (!problem) throw error;
    (options.logger ?? consoleLogger).error(`database ${options.dbPath} cannot be opened (${problem.kind}); recovery mode`, problem.detail);
    return new Desk(options, null, problem);
  }
}

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const SIDE_FILES = ['', '-wal', '-shm', '-journal'];

class Desk implements DeskBackend {
  /** Chosen in the recovery screen: looked in for this run only, never written anywhere. */
  private chosenFolder: string | null = null;
  /** The backup folder the damaged file's own settings name, if it can be read at all. */
  private savedFolder: string | null;
  /** Recovery calls run one at a time: a second click on "restore" waits for the first. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Settles once damage found after the start has turned this desk to recovery (or was not found). */
  private turned: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: BackendOptions,
    private live: Backend | null,
    private problem: Problem | null,
  ) {
    this.savedFolder = live ? null : readSavedFolder(options.dbPath);
    if (live) this.adopt(live);
  }

  /** The backend now answering; watched for damage its background check may still find. */
  private adopt(live: Backend): Backend {
    this.live = live;
    this.turned = live.damaged.then((detail) => (detail ? this.turnToRecovery(live, detail) : undefined));
    return live;
  }

  /**
   * The background quick_check found damage in a file that opened: from now on every request
   * is answered as if the file had not opened (the window reloads onto the recovery screen).
   */
  private async turnToRecovery(live: Backend, detail: string): Promise<void> {
    if (this.live !== live) return;
    this.live = null;
    this.problem = { kind: 'damaged', detail };
    this.logger.error(`database ${this.options.dbPath} is damaged; recovery mode`, detail);
    try {
      await live.close();
    } catch (error) {
      this.logger.warn('closing the damaged database failed', (error as Error).message);
    }
    this.savedFolder = readSavedFolder(this.options.dbPath);
  }

  get mode() {
    return this.live ? ('ok' as const) : ('recovery' as const);
  }

  get store() {
    return this.opened().store;
  }

  get migration() {
    return this.opened().migration;
  }

  get maintenance() {
    return Promise.all([this.live?.maintenance, this.turned]).then(() => undefined);
  }

  get damaged() {
    return this.live?.damaged ?? Promise.resolve(this.problem?.detail ?? null);
  }

  get documents() {
    return this.opened().documents;
  }

  invoke = (channel: unknown, input: unknown): Promise<Result<unknown>> => {
    if (this.live) return this.live.invoke(channel, input);
    const next = this.queue.then(() => (this.live ? this.live.invoke(channel, input) : this.recover(channel, input)));
    this.queue = next.catch(() => undefined);
    return next;
  };

  close = async (): Promise<void> => {
    await this.turned;
    await this.live?.close();
  };

  private get logger() {
    return this.options.logger ?? consoleLogger;
  }

  private opened(): Backend {
    if (!this.live) throw this.notOpen();
    return this.live;
  }

  private notOpen(): AppError {
    const kind = this.problem?.kind ?? 'damaged';
    return refusal('DB_DAMAGED', 'health.errors.notOpen', { file: this.options.dbPath }, { log: `the database is not open (${kind})`, extra: { kind } });
  }

  private async recover(channel: unknown, raw: unknown): Promise<Result<unknown>> {
    if (!isChannel(channel)) return { ok: false, error: { code: 'VALIDATION', message: `unknown channel ${String(channel).slice(0, 80)}`, details: {} } };
    const parsed = contract[channel].input.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, error: { code: 'VALIDATION', message: `invalid input for ${channel}`, details: { fields: fieldErrors(parsed.error) } } };
    }
    try {
      return await this.answer(channel, parsed.data);
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message, details: error.details } };
      this.logger.error(`${channel} failed in recovery mode`, error instanceof Error ? error.stack : error);
      return { ok: false, error: { code: 'INTERNAL', message: `${channel} failed`, details: {} } };
    }
  }

  private async answer(channel: Channel, input: unknown): Promise<Result<unknown>> {
    switch (channel) {
      case 'app:info':
        return ok(this.info());
      case 'health:status':
        return ok(this.status());
      case 'health:chooseFolder': {
        const chosen = await this.options.platform.chooseFolder();
        if (!chosen) return ok(null);
        this.chosenFolder = resolve(chosen);
        return ok(this.status());
      }
      case 'health:retry':
        return this.retry();
      case 'health:restore':
        return ok(await this.restore((input as { file: string }).file));
      default:
        throw this.notOpen();
    }
  }

  private info(): AppInfo {
    const { appVersion, dbPath, documentsDir } = this.options;
    return { version: appVersion ?? '0.0.0', dbPath, documentsDir, schemaVersion: 0 };
  }

  /** Where backups are looked for: the folder chosen on this screen, else the saved one and the default. */
  private folders(): string[] {
    if (this.chosenFolder) return [this.chosenFolder];
    const fallback = this.options.backupDir ?? join(dirname(this.options.dbPath), 'backups');
    return [...new Set([this.savedFolder, fallback].filter((f): f is string => !!f).map((f) => resolve(f)))];
  }

  private status(): HealthStatus {
    return {
      mode: 'recovery',
      dbPath: this.options.dbPath,
      problem: this.problem,
      lastFullCheck: null,
      fullCheckDue: false,
      newestGoodBackup: newestGoodBackup(this.folders())?.backup ?? null,
      upgradeNotes: [],
    };
  }

  /** After the user fixed what kept the file closed (rights, another program, the drive). */
  private async retry(): Promise<Result<unknown>> {
    let live: Backend;
    try {
      live = this.adopt(await createBackend(this.options));
    } catch (error) {
      const problem = problemOf(error);
      if (!problem) throw error;
      this.problem = problem;
      return ok(this.status());
    }
    this.problem = null;
    this.logger.info(`database ${this.options.dbPath} opened on retry`);
    return live.invoke('health:status', {});
  }

  private locate(file: string): string {
    for (const folder of this.folders()) {
      const full = backupPath(folder, file);
      if (existsSync(full) && readBackups(folder).some((b) => b.file === file)) return full;
    }
    throw notFound('backup.errors.notFound', { file });
  }

  /**
   * Puts a checked backup where the database was. The file that could not be opened is kept
   * beside it under a new name (with its -wal and -shm, which may hold its last writes), never
   * deleted or overwritten; if the restored copy does not open either, everything goes back.
   */
  private async restore(file: string): Promise<RecoveryResult> {
    const { dbPath } = this.options;
    // The file is fine and open on another desk: replacing it would pull its data from under it.
    if (this.problem?.kind === 'inUse') throw refusal('CONFLICT', 'health.errors.inUseNoRestore', { file: dbPath });
    const source = this.locate(file);
    const examined = await examineBackup(source);
    if (examined.check !== 'ok') {
      throw refuse('backup.errors.damaged', { file });
    }
    const supported = Object.keys(this.options.migrations ?? shippedMigrations).length;
    if ((examined.schemaVersion ?? 0) > supported) {
      throw refusal('DB_TOO_NEW', 'backup.errors.tooNew', { file });
    }
    const staged = `${dbPath}.restoring`;
    try {
      await stage(source, staged);
    } catch (error) {
      rmSync(staged, { force: true });
      throw refusal('STORAGE', 'health.errors.restoreFailed', { file }, { log: `backup ${file} could not be copied beside ${dbPath}: ${(error as Error).message}` });
    }

    const keptAs = keptName(dbPath, this.options.now?.() ?? new Date());
    const moved: [from: string, to: string][] = [];
    let placed = false;
    let live: Backend;
    try {
      for (const side of SIDE_FILES) {
        if (!exists(`${dbPath}${side}`)) continue;
        renameSync(`${dbPath}${side}`, `${keptAs}${side}`);
        moved.push([`${dbPath}${side}`, `${keptAs}${side}`]);
      }
      renameSync(staged, dbPath);
      placed = true;
      fsyncPath(dirname(dbPath), 'r');
      live = this.adopt(await createBackend(this.options));
    } catch (error) {
      this.logger.error(`restore of ${file} in recovery mode failed; putting the files back`, error instanceof Error ? error.stack : error);
      this.putBack(placed, moved, staged);
      const problem = problemOf(error);
      throw refusal(problem ? 'DB_DAMAGED' : 'STORAGE', 'health.errors.restoreFailed', { file }, { log: `restore of ${file} failed: ${(error as Error).message}` });
    } finally {
      rmSync(staged, { force: true });
    }
    this.problem = null;
    // The attachments the restored data names come back from the backup folder's pool too.
    await restoreAttachmentFiles(live.store.db, dbPath, this.logger, dirname(source));
    const kept = moved.length > 0 ? keptAs : null;
    // Nobody has said who is at the desk yet (that is asked once the app opens): the log
    // records the restore itself, with the file kept and what the backup holds.
    const restored = live.store.db;
    const request = { at: (this.options.now?.() ?? new Date()).getTime(), operator: '', channel: 'health:restore', elevated: false, pinSet: false, input: { file } };
    await runAsRequest(request, () =>
      recordAuditEvent(restored, { table: 'database', rowId: 'desk', before: { keptAs: kept ? basename(kept) : null }, after: { backup: file, ...examined.counts } }),
    );
    this.logger.info(`restored ${file} in recovery mode; the file that could not be opened is kept as ${kept ?? '(there was none)'}`);
    return { restoredFrom: file, keptAs: kept };
  }

  /** Our restored copy goes (it is only a copy of the backup); the user's files return under their names. */
  private putBack(placed: boolean, moved: [string, string][], staged: string): void {
    const { dbPath } = this.options;
    try {
      if (placed) for (const side of SIDE_FILES) rmSync(`${dbPath}${side}`, { force: true });
      rmSync(staged, { force: true });
      for (const [from, to] of [...moved].reverse()) renameSync(to, from);
    } catch (error) {
      // Nothing is lost (the files are all still there, under the kept names), but say where.
      this.logger.error(`could not put ${dbPath} back; the original is kept as ${moved[0]?.[1] ?? '?'}`, (error as Error).message);
    }
  }
}

/** `lstat`, not `existsSync`: a dangling link in the file's place counts too. */
function exists(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return true; // cannot even look: treat the name as taken, never overwrite it
  }
}


/** `desk.damaged-20260918-140512.sqlite` beside the database; a name already taken is never reused. */
export function keptName(dbPath: string, now: Date): string {
  const ext = extname(dbPath);
  const stem = join(dirname(dbPath), basename(dbPath, ext));
  const stamp = `${localDay(now).replaceAll('-', '')}-${localTime(now, { seconds: true }).replaceAll(':', '')}`;
  for (let i = 1; ; i++) {
    const name = `${stem}.damaged-${stamp}${i > 1 ? `-${i}` : ''}${ext}`;
    if (!SIDE_FILES.some((side) => exists(`${name}${side}`))) return name;
  }
}

/** The backup folder the user chose, read from the damaged file read-only, if it opens at all. */
function readSavedFolder(dbPath: string): string | null {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(dbPath, { readonly: true, fileMustExist: true, timeout: 500 });
    const row = sqlite.prepare("select value from settings where key = 'backupFolder'").get() as { value: string } | undefined;
    const folder: unknown = row ? JSON.parse(row.value) : null;
    return typeof folder === 'string' && folder ? folder : null;
  } catch {
    return null;
  } finally {
    sqlite?.close();
  }
}
