import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, isAbsolute } from 'node:path';
import { ATTACHMENT_TYPES } from '../../../../shared/schemas/attachment';
import type { ServiceContext } from '../../app/context';
import { refusal } from '../../lib/errors';

/**
 * Where attachments live: `attachments/` in the data folder (beside the database), each content
 * once under its SHA-256, `files/<first two hex>/<hash>.<ext>` (the extension so the system's
 * viewer knows it), and its thumbnail `thumbs/<hash>.webp`. Every path is built here from a hash
 * and an extension checked against the known types; none ever comes from a name or the renderer.
 */
export const ATTACHMENTS_FOLDER = 'attachments';
/** The same layout inside a backup folder: one pool of contents shared by every backup there. */
export const BACKUP_POOL = 'desk-attachments';

const HASH = /^[0-9a-f]{64}$/;
const EXTS: readonly string[] = ATTACHMENT_TYPES.map((t) => t.ext);

export const attachmentsRootOf = (dbPath: string) => join(dirname(dbPath), ATTACHMENTS_FOLDER);
export const attachmentsRoot = (ctx: ServiceContext) => attachmentsRootOf(ctx.storage.dbPath);

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function checked(hash: string, ext: string): void {
  if (!HASH.test(hash) || !EXTS.includes(ext)) {
    throw refusal('FORBIDDEN', 'attachments.errors.outsideDataFolder', undefined, { log: `attachment path from a bad hash or type: ${hash}.${ext}` });
  }
}

export function blobPath(root: string, hash: string, ext: string): string {
  checked(hash, ext);
  return join(root, 'files', hash.slice(0, 2), `${hash}.${ext}`);
}

export function thumbPath(root: string, hash: string): string {
  checked(hash, 'webp');
  return join(root, 'thumbs', `${hash}.webp`);
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** The attachments folder's real place on disk (links followed); null while it does not exist. */
export function realRootOf(root: string): string | null {
  try {
    return realpathSync.native(root);
  } catch {
    return null;
  }
}

/**
 * Whether a stored file is there as a plain file of ours: not a symlink (which could point
 * anywhere on the disk), and, followed to its real place, still inside the attachments folder.
 * A list passes the folder's real place once instead of resolving it for every row.
 */
export function isOwnFile(root: string, path: string, realRoot: string | null = realRootOf(root)): boolean {
  if (realRoot === null) return false;
  try {
    if (!lstatSync(path).isFile()) return false;
    return inside(realRoot, realpathSync.native(path));
  } catch {
    return false;
  }
}

/** The stored bytes, or null when the file is gone, replaced by a link, or unreadable. */
export function readOwnFile(root: string, path: string, realRoot: string | null = realRootOf(root)): Buffer | null {
  if (!isOwnFile(root, path, realRoot)) return null;
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}

/** readOwnFile without holding the desk's thread while the disk reads. */
export async function readOwnFileAsync(root: string, path: string): Promise<Buffer | null> {
  if (!isOwnFile(root, path)) return null;
  try {
    return await readFile(path);
  } catch {
    return null;
  }
}

/** Present and still the content its name says. */
export function holdsContent(root: string, path: string, hash: string): boolean {
  const bytes = readOwnFile(root, path);
  return bytes !== null && sha256(bytes) === hash;
}

/**
 * Writes bytes under their final name durably enough: a temporary name beside it, then a
 * rename, so a half-written file never carries a hash's name. Read-only afterwards, so a viewer
 * cannot save over the desk's copy. Anything already there in its place that is not the right
 * content (a link, an altered file) is replaced.
 */
export function writeOwnFile(root: string, path: string, bytes: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  if (!inside(realpathSync.native(root), join(realpathSync.native(dirname(path)), 'x'))) {
    throw refusal('FORBIDDEN', 'attachments.errors.outsideDataFolder', undefined, { log: `attachment folder leaves the data folder: ${path}` });
  }
  const partial = `${path}.partial`;
  rmSync(partial, { force: true });
  writeFileSync(partial, bytes, { flag: 'wx' });
  chmodSync(partial, 0o444);
  if (existsSync(path) || isLink(path)) rmSync(path, { force: true });
  renameSync(partial, path);
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Copies a stored file to another root (a backup pool, or back) when the target lacks it.
 * `size` given: a target of ours already that size counts as present without reading it (a
 * daily backup must not hash gigabytes; the pool is written by rename only, and a restore
 * checks each hash as it copies back).
 */
export function copyOwnFile(fromRoot: string, from: string, toRoot: string, to: string, hash: string | null, size?: number): boolean {
  if (hash !== null && size !== undefined && sizeOf(toRoot, to) === size) return false;
  if (hash === null ? existsSync(to) : holdsContent(toRoot, to, hash)) return false;
  const bytes = readOwnFile(fromRoot, from);
  if (bytes === null || (hash !== null && sha256(bytes) !== hash)) return false;
  mkdirSync(toRoot, { recursive: true });
  writeOwnFile(toRoot, to, bytes);
  return true;
}

function sizeOf(root: string, path: string): number | null {
  if (!existsSync(root) || !isOwnFile(root, path)) return null;
  try {
    return lstatSync(path).size;
  } catch {
    return null;
  }
}

export function removeOwnFile(path: string): void {
  rmSync(path, { force: true });
}
