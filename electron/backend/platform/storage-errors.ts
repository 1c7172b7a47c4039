import { type AppError, refusal } from '../lib/errors';

/** The SQLite result codes that mean "the disk refused", not "the program is wrong". */
const STORAGE_KEYS: [prefix: string, key: string][] = [
  ['SQLITE_FULL', 'errors.diskFull'],
  ['SQLITE_READONLY', 'errors.readOnly'],
  ['SQLITE_IOERR', 'errors.STORAGE'],
  ['SQLITE_CANTOPEN', 'errors.STORAGE'],
];

function sqliteCode(error: unknown): string | null {
  // Walk the cause chain: a driver error may arrive wrapped by the query builder or a service.
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) return code;
  }
  return null;
}

/**
 * A full disk, a read-only folder or a pulled USB stick is the user's to fix, so it is answered
 * as STORAGE with a sentence saying what to do, not as INTERNAL. Null for anything else.
 */
export function storageError(error: unknown): AppError | null {
  const code = sqliteCode(error);
  const match = code && STORAGE_KEYS.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`));
  if (!code || !match) return null;
  return refusal('STORAGE', match[1], undefined, { log: `storage refused the write: ${code}`, extra: { sqlite: code } });
}
