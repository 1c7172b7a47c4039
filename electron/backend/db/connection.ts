import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely } from 'kysely';
import { type AppError, refusal } from '../lib/errors';
import { DeskDialect } from './dialect';
import { registerAuditFunctions } from '../app/request-context';
import type { DB } from './schema';
import type { DamageKind } from '../../../shared/schemas/health';

export interface Store {
  sqlite: Database.Database;
  db: Kysely<DB>;
  file: string;
}

/** SQLite's own words for "this is not (or no longer) a database": restoring a backup helps. */
const DAMAGED_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/**
 * Damaged (the bytes are wrong) or unreadable (the file or its folder cannot be opened: rights,
 * another program holding it, a drive that is gone). Only SQLite saying so, or quick_check, makes
 * a file "damaged": anything else is treated as a problem around the file, which retrying can fix.
 */
export function classifyOpenError(error: unknown): DamageKind {
  const code = errorCode(error);
  return DAMAGED_CODES.has(code) || code.startsWith('SQLITE_CORRUPT_') || code === 'QUICK_CHECK' ? 'damaged' : 'unreadable';
}

export function openFailure(file: string, kind: DamageKind, detail: string): AppError {
  return refusal('DB_DAMAGED', `health.errors.${kind}`, { file }, { log: `cannot open ${file} (${kind}): ${detail}`, extra: { kind, detail } });
}

/**
 * Opens the database with the pragmas a single-PC desk needs to never lose a committed write.
 * `check` runs quick_check first (it reads the whole file: seconds on years of history); the
 * desk asks for it only after an unclean shutdown (see start-check.ts), a restore's file is
 * examined before it is opened, and otherwise the check runs in a worker after the start.
 */
export function openStore(file: string, options: { check?: boolean } = {}): Store {
  let sqlite: Database.Database | undefined;
  try {
    mkdirSync(dirname(file), { recursive: true });
    sqlite = new Database(file);
    sqlite.pragma('busy_timeout = 5000');
    // Checked before anything that writes (switching to WAL rewrites the header): a damaged
    // file is refused exactly as it was found.
    const check = options.check === false ? 'ok' : sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw Object.assign(new Error(`quick_check: ${String(check)}`), { code: 'QUICK_CHECK' });
    sqlite.pragma('journal_mode = WAL');
    // FULL: a commit is on disk before the call returns, so a power cut cannot undo it.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    registerAuditFunctions(sqlite);
  } catch (error) {
    sqlite?.close();
    // A damaged file is never "repaired" or replaced here: the user's only copy stays as it is.
    const detail = [errorCode(error), (error as Error).message].filter(Boolean).join(': ');
    throw openFailure(file, classifyOpenError(error), detail);
  }
  const db = new Kysely<DB>({ dialect: new DeskDialect(sqlite) });
  return { sqlite, db, file };
}

export async function closeStore(store: Store): Promise<void> {
  // Kysely's destroy closes the better-sqlite3 handle too.
  await store.db.destroy();
}
