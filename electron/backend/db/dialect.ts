import type Database from 'better-sqlite3';
import { SqliteAdapter, SqliteDialect, SqliteDriver, type DatabaseConnection, type DialectAdapter, type Driver } from 'kysely';

/**
 * After SQLITE_FULL, SQLITE_IOERR and a few others SQLite rolls the transaction back by itself.
 * Kysely then sends its own ROLLBACK, which fails ("no transaction is active") and replaces the
 * real cause, so a full disk would reach the user as INTERNAL. Roll back only what is still open.
 */
class RollbackSafeDriver extends SqliteDriver {
  constructor(private readonly sqlite: Database.Database) {
    super({ database: sqlite });
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
