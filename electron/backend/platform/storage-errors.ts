import { type AppError, refusal } from '../lib/errors';

/** The SQLite result codes that mean "the disk refused", not "the program is wrong". */
const STORAGE_KEYS: [prefix: string, key: string][] = [
  ['SQLITE_FULL', 'errors.diskFull'],
  ['SQLITE_READONLY', 'errors.readOnly'],
  ['SQLITE_IOERR', 'errors.STORAGE'],
  ['SQLITE_CANTOPEN', 'errors.STORAGE'],
  // Another program (or a second desk, against the one-desk lock) holds the file.
  ['SQLITE_BUSY', 'errors.fileBusy'],
  ['SQLITE_LOCKED', 'errors.fileBusy'],
];

/** What the file system says when a disk or a folder refuses (Node's error codes, the same on Windows). */
const FILE_KEYS: Record<string, string> = {
  ENOSPC: 'errors.diskFull',
  EDQUOT: 'errors.diskFull',
  EROFS: 'errors.readOnly',
  EACCES: 'errors.readOnly',
  EPERM: 'errors.readOnly',
  EIO: 'errors.STORAGE',
  ENODEV: 'errors.STORAGE',
  EBUSY: 'errors.fileBusy',
};

function errorCode(error: unknown, accept: (code: string) => boolean): string | null {
  // Walk the cause chain: a driver error may arrive wrapped by the query builder or a service.
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && accept(code)) return code;
  }
  return null;
}

const sqliteCode = (error: unknown) => errorCode(error, (code) => code.startsWith('SQLITE_'));

/**
 * A full disk, a read-only folder or a pulled USB stick is the user's to fix, so it is answered
 * as STORAGE with a sentence saying what to do, not as INTERNAL. Null for anything else.
 */
export function storageError(error: unknown): AppError | null {
  const code = sqliteCode(error);
  const match = code && STORAGE_KEYS.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`));
  if (code && match) return refusal('STORAGE', match[1], undefined, { log: `storage refused the write: ${code}`, extra: { sqlite: code } });
  const fileCode = errorCode(error, (c) => c in FILE_KEYS);
  if (fileCode) return refusal('STORAGE', FILE_KEYS[fileCode]!, undefined, { log: `the file system refused: ${(error as Error).message}`, extra: { fs: fileCode } });
  return null;
}
