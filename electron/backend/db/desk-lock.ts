import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { dirname } from 'node:path';
import { refusal } from '../lib/errors';
import { openFailure } from './connection';

/** Who holds the database file: written beside it as `<db>.lock` while a desk has it open. */
export interface DeskHolder {
  host: string;
  pid: number;
  user: string;
  since: number;
  /** Renewed every HEARTBEAT_MS while the desk runs; a lock not renewed for STALE_MS is left over. */
  heartbeat: number;
}

export const HEARTBEAT_MS = 20_000;
const STALE_MS = 90_000;

export interface DeskLock {
  readonly file: string;
  release(): void;
}

function readHolder(file: string): DeskHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<DeskHolder>;
    if (typeof parsed.host !== 'string' || typeof parsed.pid !== 'number' || typeof parsed.heartbeat !== 'number') return null;
    return { host: parsed.host, pid: parsed.pid, user: String(parsed.user ?? ''), since: Number(parsed.since ?? parsed.heartbeat), heartbeat: parsed.heartbeat };
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Left over by a desk that is gone: on this PC its process is dead; anywhere, it stopped renewing. */
function leftOver(holder: DeskHolder | null, now: number): boolean {
  if (!holder) return true;
  if (holder.host === hostname() && holder.pid !== process.pid && !alive(holder.pid)) return true;
  return now - holder.heartbeat > STALE_MS;
}

function write(file: string, holder: DeskHolder, exclusive: boolean): boolean {
  if (exclusive) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
    try {
      writeSync(fd, JSON.stringify(holder));
    } finally {
      closeSync(fd);
    }
    return true;
  }
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(holder));
  renameSync(tmp, file);
  return true;
}

/**
 * One desk per database file. Two copies of the app on one file (a shared folder opened from two
 * PCs, or the app started twice) would each believe their writes landed while the other restores
 * or rewrites under them. The lock file works on a local disk and a network share alike, names
 * the desk holding the file, and is taken over only when that desk is gone. The second desk is
 * refused before it opens the database, with a sentence naming the first.
 */
export function acquireDeskLock(dbPath: string, now: () => number = Date.now): DeskLock {
  const file = `${dbPath}.lock`;
  const mine: DeskHolder = { host: hostname(), pid: process.pid, user: safeUser(), since: now(), heartbeat: now() };
  let created: boolean;
  try {
    mkdirSync(dirname(dbPath), { recursive: true });
    created = write(file, mine, true);
  } catch (error) {
    // A folder that cannot take a small file cannot take the database's writes either.
    throw openFailure(dbPath, 'unreadable', (error as Error).message);
  }
  if (!created) {
    const holder = readHolder(file);
    const ours = holder && holder.host === mine.host && holder.pid === mine.pid;
    if (!ours && !leftOver(holder, now())) {
      throw refusal(
        'DB_DAMAGED',
        'health.errors.inUse',
        { file: dbPath, host: holder!.host, user: holder!.user || holder!.host },
        { log: `${dbPath} is open on ${holder!.host} (pid ${holder!.pid}) since ${new Date(holder!.since).toISOString()}`, extra: { kind: 'inUse', detail: holder!.user ? `${holder!.host} (${holder!.user})` : holder!.host, holder } },
      );
    }
    write(file, mine, false);
  }
  const timer = setInterval(() => {
    // Only while the lock is still ours: a desk that lost it (taken over after a long sleep) stops renewing.
    const holder = readHolder(file);
    if (holder && holder.host === mine.host && holder.pid === mine.pid) {
      try {
        write(file, { ...mine, heartbeat: now() }, false);
      } catch {
        /* a share gone for a moment: the next beat tries again */
      }
    }
  }, HEARTBEAT_MS);
  timer.unref();
  return {
    file,
    release() {
      clearInterval(timer);
      const holder = readHolder(file);
      if (holder && holder.host === mine.host && holder.pid === mine.pid && existsSync(file)) rmSync(file, { force: true });
    },
  };
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}
