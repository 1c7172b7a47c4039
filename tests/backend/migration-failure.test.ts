import Database from 'better-sqlite3';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Migration } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { migrations, SCHEMA_VERSION } from '../../electron/backend/db/migrations';
import { AppError } from '../../electron/backend/lib/errors';
import { translator } from '../../shared/i18n';
import { dataPaths, openTestBackend } from '../support/backend';
import { MemoryLogger, RecordingPlatform } from '../support/recording-platform';
import { person, seedModel } from '../support/sample';
import { tempDataDir } from '../support/temp';

/** Throws after real work, so a half-applied migration would show if it were not rolled back. */
const boom: Migration = {
  async up(db) {
    await db.schema.createTable('boom_leftover').addColumn('id', 'integer', (c) => c.primaryKey()).execute();
    await db.schema.alterTable('customers').addColumn('boom_note', 'text').execute();
    await sql`update customers set name = 'overwritten'`.execute(db);
    throw new Error('boom: the new column cannot be filled');
  },
};
/** Succeeds on its own: it must still be undone when a later one in the same run fails. */
const fine: Migration = {
  async up(db) {
    await db.schema.createTable('fine_table').addColumn('id', 'integer', (c) => c.primaryKey()).execute();
  },
};

async function openFailure(dir: string, list: Record<string, Migration>): Promise<AppError> {
  try {
    await createBackend({ ...dataPaths(dir), platform: new RecordingPlatform(join(dir, 'printed')), logger: new MemoryLogger(), migrations: list });
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the migration to fail');
}

/** What the file holds, read straight from SQLite: schema text, version, migrations and rows. */
function snapshot(dbPath: string) {
  const raw = new Database(dbPath, { readonly: true });
  try {
    return {
      userVersion: raw.pragma('user_version', { simple: true }),
      schema: raw.prepare("select type, name, sql from sqlite_master where name not like 'sqlite_%' order by type, name").all(),
      migrations: (raw.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name),
      customers: raw.prepare('select id, name from customers order by id').all(),
      units: raw.prepare('select count(*) as n from units').get(),
      tickets: raw.prepare('select id, number, status from tickets order by id').all(),
    };
  } finally {
    raw.close();
  }
}

async function seeded() {
  const backend = await openTestBackend(tempDataDir('migfail'));
  const model = await seedModel(backend);
  const zhang = await backend.ok('customers:create', person());
  await backend.ok('customers:create', person({ name: '李四', phones: [{ phone: '13900002222' }] }));
  const unit = await backend.ok('units:create', {
    customerId: zhang.id,
    modelId: model.id,
    serial: 'SN-MIG-0001',
    purchaseDate: '2026-05-01',
    acceptanceDate: '2026-05-01',
  });
  const ticket = await backend.ok('tickets:create', { customerId: zhang.id, unitId: unit.id, faultReported: '不制冷', faultCategory: 'notCooling' });
  await backend.close();
  return { dir: backend.dir, zhang, unit, ticket };
}

describe('a migration that throws', () => {
  it('leaves version, schema and data as they were, keeps a checked backup, and says so in both languages', async () => {
    const s = await seeded();
    const { dbPath } = dataPaths(s.dir);
    const before = snapshot(dbPath);
    expect(before.userVersion).toBe(SCHEMA_VERSION);
    expect(before.customers).toHaveLength(2);
    expect(before.tickets).toHaveLength(1);

    const error = await openFailure(s.dir, { ...migrations, '9990_fine': fine, '9999_boom': boom });
    expect(error.code).toBe('DB_MIGRATION_FAILED');
    expect(error.details.migration).toBe('9999_boom');
    const backup = error.details.message?.params?.backup as string;
    expect(error.details.message).toEqual({ key: 'errors.migrationFailed', params: { backup } });
    for (const lang of ['zh-CN', 'en'] as const) {
      const text = translator(lang)('errors.migrationFailed', { backup });
      expect(text).toContain(backup);
      expect(text).not.toContain('{{');
    }

    // Nothing of either pending migration stayed: not the table, not the column, not the update.
    const after = snapshot(dbPath);
    expect(after).toEqual(before);
    expect(after.migrations).toEqual(Object.keys(migrations));

    // The pre-migration backup is a sound copy of the data as it was.
    // (Other backups, e.g. the daily one at start-up, may sit beside it.)
    expect(readdirSync(join(s.dir, 'backups'))).toContain(backup.split(/[\\/]/).pop());
    expect(backup.split(/[\\/]/).pop()).toMatch(new RegExp(`^pre-migration-v${SCHEMA_VERSION}-`));
    expect(existsSync(backup)).toBe(true);
    const copy = new Database(backup, { readonly: true });
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    expect(copy.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(copy.prepare('select id, name from customers order by id').all()).toEqual(before.customers);
    expect(copy.prepare('select id, number, status from tickets order by id').all()).toEqual(before.tickets);
    copy.close();
    // Described like every backup, so the restore list shows its date, counts and check.
    const sidecar = JSON.parse(readFileSync(`${backup}.json`, 'utf8')) as Record<string, unknown>;
    expect(sidecar).toMatchObject({ reason: 'beforeMigration', check: 'ok', counts: { customers: 2 }, schemaVersion: SCHEMA_VERSION });

    // The shipped build opens the same file as if nothing had happened.
    const again = await openTestBackend(s.dir);
    expect(again.migration.applied).toEqual([]);
    expect((await again.ok('customers:list', {})).total).toBe(2);
    expect(await again.ok('units:get', { id: s.unit.id })).toMatchObject({ serial: 'SN-MIG-0001' });
    expect(await again.ok('tickets:get', { id: s.ticket.id })).toMatchObject({ number: s.ticket.number, status: 'new' });
    expect(await again.ok('search:query', { query: '张三' })).toMatchObject([{ kind: 'customer', name: '张三' }]);
    // And it still writes.
    await again.ok('customers:create', person({ name: '王五', phones: [{ phone: '13700003333' }] }));
    expect((await again.ok('customers:list', {})).total).toBe(3);
    await again.close();
  });

  it('on a brand-new file leaves no table at all and says the data is unchanged', async () => {
    const dir = tempDataDir('migfail-new');
    const error = await openFailure(dir, { ...migrations, '9999_boom': boom });
    expect(error.code).toBe('DB_MIGRATION_FAILED');
    // No existing data means no backup to name: the plain sentence, without a path.
    expect(error.details.message).toEqual({ key: 'errors.DB_MIGRATION_FAILED' });
    expect(existsSync(join(dir, 'backups'))).toBe(false);
    const raw = new Database(dataPaths(dir).dbPath, { readonly: true });
    const tables = (raw.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(raw.pragma('user_version', { simple: true })).toBe(0);
    raw.close();
    // Only the migrator's own bookkeeping, empty: none of the shipped migrations is recorded as applied.
    expect(tables.filter((t) => !t.startsWith('kysely_migration'))).toEqual([]);

    const fresh = await openTestBackend(dir);
    expect(fresh.migration.applied).toEqual(Object.keys(migrations));
    await fresh.close();
  });
});
