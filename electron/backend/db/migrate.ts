import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, Migrator, sql, type Migration } from 'kysely';
import { type AppError, refusal } from '../lib/errors';
import type { Store } from './connection';
import { DeskDialect } from './dialect';
import { syncAuditTriggers } from './audit-triggers';
import { syncImportGuards } from './import-guard';
import { writeBackup } from '../domains/admin/backups';
import type { DB } from './schema';
import { migrations as shippedMigrations } from './migrations';

export interface MigrateResult {
  applied: string[];
  /** The online backup taken before pending migrations ran, if any ran on existing data. */
  backupPath: string | null;
  schemaVersion: number;
}

async function executedMigrations(store: Store): Promise<string[]> {
  const table = store.sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
    .get();
  if (!table) return [];
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(store.db);
  return rows.rows.map((r) => r.name);
}

function tooNew(found: number, supported: number): AppError {
  return refusal('DB_TOO_NEW', 'errors.DB_TOO_NEW', { found, supported });
}

function failed(name: string, cause: unknown, backupPath: string | null): AppError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const log = `migration ${name} failed, nothing applied: ${reason}`;
  const extra = { migration: name };
  return backupPath
    ? refusal('DB_MIGRATION_FAILED', 'errors.migrationFailed', { backup: backupPath }, { log, extra })
    : refusal('DB_MIGRATION_FAILED', 'errors.DB_MIGRATION_FAILED', undefined, { log, extra });
}

/**
 * Brings the schema up to date before the window opens. A database written by a newer build is
 * refused untouched; existing data is backed up with SQLite's online backup API first. If any
 * pending migration throws, none of them is applied and DB_MIGRATION_FAILED names the backup.
 */
export async function migrateToLatest(
  store: Store,
  backupDir: string,
  migrations: Record<string, Migration> = shippedMigrations,
): Promise<MigrateResult> {
  const known = Object.keys(migrations);
  const supported = known.length;
  const userVersion = Number(store.sqlite.pragma('user_version', { simple: true }));
  const executed = await executedMigrations(store);
  const unknown = executed.filter((name) => !(name in migrations));
  if (userVersion > supported || unknown.length > 0) throw tooNew(Math.max(userVersion, executed.length), supported);

  const pending = known.filter((name) => !executed.includes(name));
  if (pending.length === 0) {
    // A crash between the migrations' commit and the version stamp leaves the stamp behind.
    if (userVersion !== supported) store.sqlite.pragma(`user_version = ${supported}`);
    syncAuditTriggers(store.sqlite);
    syncImportGuards(store.sqlite);
    return { applied: [], backupPath: null, schemaVersion: supported };
  }

  let backupPath: string | null = null;
  if (executed.length > 0) {
    mkdirSync(backupDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const name = `pre-migration-v${executed.length}-${stamp}.sqlite`;
    // Checked and described like every other backup, so the restore list shows what it holds.
    await writeBackup(store.sqlite, backupDir, name, 'beforeMigration', Date.now());
    backupPath = join(backupDir, name);
  }

  // One transaction for the whole run (see DeskDialect). Not destroyed after use: that would
  // close the store's own better-sqlite3 handle.
  const db = new Kysely<DB>({ dialect: new DeskDialect(store.sqlite, { transactionalDdl: true }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    // All pending migrations ran in one transaction, now rolled back: the schema is as it was.
    const name = results?.find((r) => r.status === 'Error')?.migrationName ?? pending[0]!;
    throw failed(name, error, backupPath);
  }
  store.sqlite.pragma(`user_version = ${supported}`);
  syncAuditTriggers(store.sqlite);
  syncImportGuards(store.sqlite);
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
    backupPath,
    schemaVersion: supported,
  };
}
