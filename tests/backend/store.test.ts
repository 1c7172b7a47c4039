import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { openStore, closeStore } from '../../electron/backend/db/connection';
import { migrateToLatest } from '../../electron/backend/db/migrate';
import { migrations, SCHEMA_VERSION } from '../../electron/backend/db/migrations';
import { AppError } from '../../electron/backend/lib/errors';
import { dataPaths, openTestBackend } from '../support/backend';
import { RecordingPlatform } from '../support/recording-platform';
import { tempDataDir } from '../support/temp';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function openError(dbPath: string): Promise<AppError> {
  const dir = join(dbPath, '..');
  try {
    await createBackend({ dbPath, documentsDir: join(dir, 'documents'), platform: new RecordingPlatform(dir) });
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the open to fail');
}

describe('store', () => {
  it('migrates an empty file to the latest schema with the safety pragmas on', async () => {
    const backend = await openTestBackend();
    const { sqlite } = backend.store;
    expect(backend.migration.applied).toEqual(Object.keys(migrations));
    expect(backend.migration.backupPath).toBeNull();
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(sqlite.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const tables = sqlite.prepare("select name, sql from sqlite_master where type = 'table' and name not like 'kysely%' and name not like 'sqlite%'").all() as { name: string; sql: string }[];
    const own = tables.filter((t) => !t.name.startsWith('search_fts'));
    expect(own.map((t) => t.name).sort()).toEqual([
      'attachment_files',
      'attachments',
      'audit_changes',
      'audit_index_backfill',
      'audit_rows',
      'calendar_years',
      'call_settings',
      'callback_answers',
      'callbacks',
      'calls',
      'checklist_versions',
      'checklists',
      'complaints',
      'contract_plan_lines',
      'contract_units',
      'customer_addresses',
      'customer_contacts',
      'customer_phones',
      'customer_tags',
      'customers',
      'documents',
      'feedback_forms',
      'health_checks',
      'import_batch_rows',
      'import_batches',
      'import_writing',
      'installation_technicians',
      'installation_units',
      'installations',
      'labour_fees',
      'loaners',
      'loans',
      'maintenance_contracts',
      'maker_returns',
      'makers',
      'manual_content_versions',
      'manual_contents',
      'manual_images',
      'manual_issues',
      'operators',
      'parts',
      'product_models',
      'renewal_declines',
      'report_months',
      'report_months_dirty',
      'report_settings',
      'review_settings',
      'sample_records',
      'sanbao_settlements',
      'scrap_records',
      'search_keys',
      'security',
      'sequences',
      'service_levels',
      'settings',
      'settle_settings',
      'stock_moves',
      'survey_questions',
      'technicians',
      'ticket_events',
      'ticket_labour',
      'ticket_parts',
      'ticket_reviews',
      'ticket_technicians',
      'tickets',
      'unit_set_values',
      'unit_status_history',
      'units',
      'upgrade_notes',
      'visit_results',
      'visits',
      'warranty_card_life',
      'warranty_claim_lines',
      'warranty_claims',
      'warranty_exclusions',
      'warranty_policies',
      'warranty_policy_versions',
    ]);
    for (const t of own) expect(t.sql.toLowerCase(), t.name).toMatch(/\)\s*strict(, without rowid)?$/);
    await backend.close();
  });

  it('reopens without migrating again, and keeps the data', async () => {
    const first = await openTestBackend();
    await first.ok('customers:create', { name: '李四', phones: [{ phone: '13900001111' }] });
    await first.close();
    const again = await openTestBackend(first.dir);
    expect(again.migration.applied).toEqual([]);
    expect(await again.ok('search:query', { query: '李' })).toHaveLength(1);
    await again.close();
  });

  it('takes an online backup before pending migrations run on existing data', async () => {
    const dir = tempDataDir('premigration');
    const { dbPath } = dataPaths(dir);
    const old = openStore(dbPath);
    const firstTwo = Object.fromEntries(Object.entries(migrations).slice(0, 2));
    await migrateToLatest(old, join(dir, 'backups'), firstTwo);
    const { lastInsertRowid } = old.sqlite.prepare('insert into customers (name, created_at, updated_at) values (?, 0, 0)').run('王五');
    old.sqlite.prepare('insert into customer_phones (customer_id, phone, position) values (?, ?, 0)').run(lastInsertRowid, '13700002222');
    await closeStore(old);

    const backend = await openTestBackend(dir);
    expect(backend.migration.applied).toEqual(Object.keys(migrations).slice(2));
    const backup = backend.migration.backupPath!;
    expect(existsSync(backup)).toBe(true);
    const copy = new Database(backup, { readonly: true });
    expect(copy.prepare('select name from customers').all()).toEqual([{ name: '王五' }]);
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    copy.close();
    // The index is built for data that predates it: the old customer is findable at once.
    expect(await backend.ok('search:query', { query: 'ww' })).toMatchObject([{ kind: 'customer', name: '王五' }]);
    expect(await backend.ok('search:query', { query: '2222' })).toMatchObject([{ kind: 'customer', name: '王五' }]);
    await backend.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', async () => {
    const seeded = await openTestBackend();
    await seeded.close();
    const { dbPath } = dataPaths(seeded.dir);
    const raw = new Database(dbPath);
    raw.prepare("insert into kysely_migration (name, timestamp) values ('9990_from_the_future', '2030-01-01')").run();
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = sha(dbPath);
    const error = await openError(dbPath);
    expect(error.code).toBe('DB_TOO_NEW');
    expect(error.details.message).toEqual({ key: 'errors.DB_TOO_NEW', params: { found: SCHEMA_VERSION + 1, supported: SCHEMA_VERSION } });
    expect(sha(dbPath)).toBe(before);
    // No pre-migration backup was taken of a file it refused (the start-up backup is from the first open).
    expect(readdirSync(join(seeded.dir, 'backups')).filter((f) => f.startsWith('pre-migration'))).toEqual([]);
  });

  it('does not touch a damaged file: DB_DAMAGED, bytes unchanged', async () => {
    const dir = tempDataDir('damaged');
    const { dbPath } = dataPaths(dir);
    writeFileSync(dbPath, Buffer.from('this is not a database, it is a shopping list'.repeat(200)));
    const before = sha(dbPath);
    const error = await openError(dbPath);
    expect(error.code).toBe('DB_DAMAGED');
    expect(sha(dbPath)).toBe(before);
  });
});
