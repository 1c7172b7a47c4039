import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import electronLog from 'electron-log/node';
import type { Logger } from './platform';

/** The desk's log file, in the user data folder's `logs`. */
export const LOG_FILE_NAME = 'desk.log';
/** One file grows to this size before it is set aside... */
const LOG_MAX_BYTES = 5 * 1024 * 1024;
/** ...and this many older files are kept beside it (desk.1.log newest): at most 25 MB in all. */
const LOG_KEEP = 4;

/** `desk.log` → `desk.2.log`. */
export function rotatedName(file: string, n: number): string {
  const ext = extname(file);
  return join(dirname(file), `${basename(file, ext)}.${n}${ext}`);
}

/**
 * Sets the full file aside as desk.1.log, moving the older ones up a number and dropping the
 * oldest. electron-log's own rotation keeps a single `.old` file; support asking "what happened
 * on Monday" needs a few days of a busy desk.
 */
function rotateLogFiles(file: string, keep: number): void {
  rmSync(rotatedName(file, keep), { force: true });
  for (let n = keep - 1; n >= 1; n--) {
    const from = rotatedName(file, n);
    if (existsSync(from)) renameSync(from, rotatedName(file, n + 1));
  }
  if (keep > 0) renameSync(file, rotatedName(file, 1));
  else rmSync(file, { force: true });
}

/** The log files in a folder, the current one first, then older ones by number. */
export function logFilesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const number = (name: string) => {
    const found = /\.(\d+)\.log$/.exec(name);
    return found ? Number(found[1]) : 0;
  };
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.log'))
    .map((entry) => entry.name)
    .sort((a, b) => number(a) - number(b) || a.localeCompare(b))
    .map((name) => join(dir, name));
}

export interface FileLogOptions {
  maxBytes?: number;
  keep?: number;
  /** Warnings and errors also go to the console (a developer's terminal); off in tests. */
  echo?: boolean;
  /** A logger of its own instead of electron-log's default one (tests open several). */
  logId?: string;
}

export type ElectronLogInstance = typeof electronLog;

export interface FileLog extends Logger {
  readonly file: string;
  /** The electron-log instance behind it, for the main process to hook crash reporting to. */
  readonly engine: ElectronLogInstance;
}

/**
 * The application log: lines with the local time and zone, the level and the message, objects
 * and stacks written out by electron-log; written synchronously so the last line before a crash
 * is on disk. The node entry of electron-log is used in the main process too: its Electron entry
 * registers IPC channels of its own (for renderer logging, which the desk does not do), and every
 * channel the window can reach must come from the contract.
 */
export function openFileLog(file: string, options: FileLogOptions = {}): FileLog {
  const engine = options.logId ? electronLog.create({ logId: options.logId }) : electronLog;
  const keep = options.keep ?? LOG_KEEP;
  // Only used to find a default folder, which resolvePathFn replaces; set so it never searches.
  engine.transports.file.setAppName('aftersales-desk');
  engine.transports.file.resolvePathFn = () => file;
  engine.transports.file.maxSize = options.maxBytes ?? LOG_MAX_BYTES;
  engine.transports.file.level = 'info';
  engine.transports.file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms} {z}] [{level}] {text}';
  engine.transports.file.archiveLogFn = (full) => {
    try {
      rotateLogFiles(full.path, keep);
    } catch {
      // Windows refuses to rename a file another program holds open (an editor showing the
      // log): keep the newest part rather than grow without limit.
      (full as typeof full & { crop(bytesAfter: number): void }).crop(Math.round((options.maxBytes ?? LOG_MAX_BYTES) / 4));
    }
  };
  engine.transports.console.level = options.echo === false ? false : 'warn';
  const write = (level: 'info' | 'warn' | 'error') => (message: string, data?: unknown) => {
    if (data === undefined) engine[level](message);
    else engine[level](message, data);
  };
  return { file, engine, info: write('info'), warn: write('warn'), error: write('error') };
}
