import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely } from 'kysely';
import { AppError } from '../errors';
import { DeskDialect } from './dialect';
import type { DB } from './schema';

export interface OpenOptions {
  /**
   * Path of a better_sqlite3.node built for the running runtime. The Electron app passes the
   * copy built against Electron's ABI; under plain Node (tests, demo) the package's own is used.
   */
  nativeBinding?: string;
}

export interface Store {
  sqlite: Database.Database;
  db: Kysely<DB>;
  file: string;
}

/** Opens the database with the pragmas a single-PC desk needs to never lose a committed write. */
export function openStore(file: string, options: OpenOptions = {}): Store {
  mkdirSync(dirname(file), { recursive: true });
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    sqlite.pragma('journal_mode = WAL');
    // FULL: a commit is on disk before the call returns, so a power cut cannot undo it.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`quick_check: ${String(check)}`);
  } catch (error) {
    sqlite?.close();
    // A damaged file is never "repaired" or replaced here: the user's only copy stays as it is.
    throw new AppError('DB_DAMAGED', `cannot open ${file}: ${(error as Error).message}`, {
      message: { key: 'errors.DB_DAMAGED', params: { file } },
    });
  }
  const db = new Kysely<DB>({ dialect: new DeskDialect(sqlite) });
  return { sqlite, db, file };
}

export async function closeStore(store: Store): Promise<void> {
  // Kysely's destroy closes the better-sqlite3 handle too.
  await store.db.destroy();
}
