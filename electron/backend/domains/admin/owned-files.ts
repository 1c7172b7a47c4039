import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import type { ServiceContext } from '../../app/context';
import { refusal } from '../../lib/errors';
import { backupFolder } from './backups';

/** Files SQLite keeps beside the database, and the one-desk lock. */
const SIDE_FILES = ['', '-wal', '-shm', '-journal', '.lock', '.restoring'];

/** The real path of a file that may not exist yet: its folder's real path and its name. */
function realTarget(path: string): string {
  const full = resolve(path);
  if (existsSync(full)) return realpathSync.native(full);
  const folder = dirname(full);
  return existsSync(folder) ? join(realpathSync.native(folder), basename(full)) : full;
}

const onWindows = process.platform === 'win32';
const same = (a: string, b: string) => (onWindows ? a.toLowerCase() === b.toLowerCase() : a === b);

function inside(folder: string, path: string): boolean {
  const rel = relative(onWindows ? folder.toLowerCase() : folder, onWindows ? path.toLowerCase() : path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Where a save dialog's answer may not point: the live database and the files beside it, the
 * backup folders and the document archive. The desk keeps running on an open database whose file
 * was replaced, and only finds out at the next start; a backup or an archived copy overwritten is
 * the copy the company counted on. The system dialog may offer any of them, so the answer is
 * checked here, where the paths are known.
 */
export async function assertSaveTarget(ctx: ServiceContext, target: string): Promise<string> {
  const real = realTarget(target);
  const db = realTarget(ctx.storage.dbPath);
  const { folder } = await backupFolder(ctx);
  const folders = [folder, ctx.storage.defaultBackupDir, ctx.documentsDir].map(realTarget);
  const ownsIt = SIDE_FILES.some((side) => same(real, `${db}${side}`)) || folders.some((f) => inside(f, real));
  if (ownsIt) {
    throw refusal('FORBIDDEN', 'errors.saveOverOwnFile', { file: basename(real) }, { log: `refused to save over the desk's own file ${real}` });
  }
  return real;
}
