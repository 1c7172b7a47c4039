import type Database from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type SqliteDatabase,
  type SqliteStatement,
} from 'kysely';

/** Distinct SQL texts kept prepared; the desk's queries number a few hundred. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query afresh. Under Node-API, better-sqlite3 frees a statement only in a
 * finalizer that runs on a later turn of the event loop, so a transaction of many awaited
 * queries (a search-index rebuild, an import) piled up native statements by the hundred
 * thousand: the bench's process grew from 0.4 to 1.7 GB. Reusing one prepared statement per SQL
 * text bounds that and skips the re-parse. Safe because every call binds its own parameters and
 * runs to completion before the next (nothing here streams with iterate()).
 */
export function cachingDatabase(sqlite: Database.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (sql) => {
      let statement = cache.get(sql);
      if (statement) cache.delete(sql);
      else statement = sqlite.prepare(sql);
      cache.set(sql, statement);
      // Least recently used out first: Map keeps insertion order.
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
}

/**
 * After SQLITE_FULL, SQLITE_IOERR and a few others SQLite rolls the transaction back by itself.
 * Kysely then sends its own ROLLBACK, which fails ("no transaction is active") and replaces the
 * real cause, so a full disk would reach the user as INTERNAL. Roll back only what is still open.
 */
class RollbackSafeDriver extends SqliteDriver {
  constructor(private readonly sqlite: Database.Database) {
    super({ database: cachingDatabase(sqlite) });
  }

  /**
   * BEGIN IMMEDIATE: the write lock is taken at the start. A deferred transaction reads first
   * and asks for the lock at its first write; if another connection (a second process starting
   * on the same file, a restore's copy) committed in between, SQLite answers SQLITE_BUSY_SNAPSHOT
   * at once, busy_timeout or not, and the desk's write fails. Taken at BEGIN, the wait is the
   * ordinary busy wait. The desk's transactions are writes (reads need none on one connection).
   */
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.sqlite.inTransaction) await super.rollbackTransaction(connection);
  }
}

/**
 * Kysely's adapter claims SQLite has no transactional DDL (it has), so its Migrator would run
 * migrations outside a transaction and a migration that throws halfway would leave its first
 * tables behind. The migrator's instance says yes, so the whole run is one transaction.
 */
class TransactionalDdlAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export class DeskDialect extends SqliteDialect {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly options: { transactionalDdl?: boolean } = {},
  ) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    return new RollbackSafeDriver(this.sqlite);
  }

  override createAdapter(): DialectAdapter {
    return this.options.transactionalDdl ? new TransactionalDdlAdapter() : new SqliteAdapter();
  }
}
