import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { z } from 'zod';
import { localDay, localTime } from '../../../../shared/domain/dates';
import type { DiagnosticsSaved, diagnosticsInput } from '../../../../shared/schemas/health';
import type { ServiceContext } from '../../app/context';
import { AppError, refusal } from '../../lib/errors';
import { logFilesIn } from '../../platform/file-log';
import { storageError } from '../../platform/storage-errors';
import { recordAuditEvent } from './audit';
import { examine, toRollbackJournal } from './backup-files';
import { healthStatus } from './health';
import { assertSaveTarget } from './owned-files';
import { getSettings } from './settings';
import { sessionInfo } from './session';

/*
 * "Save diagnostics" (issue 13): one zip a clerk can send to support, with what support asks
 * for first: the log, the versions, the health check, the settings and the shape of the data.
 * No customer's record goes in unless the clerk ticks the box for a copy of the database, which
 * is behind the admin PIN like every other way of carrying all the data out.
 */

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

function versions(ctx: ServiceContext) {
  const sqlite = ctx.storage.store.sqlite;
  // Electron's main process has its own entries in process.versions; plain Node (tests) has none.
  const v = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string };
  return {
    app: ctx.appVersion,
    electron: v.electron ?? null,
    chromium: v.chrome ?? null,
    node: v.node,
    v8: v.v8,
    betterSqlite3: (createRequire(__filename)('better-sqlite3/package.json') as { version: string }).version,
    sqlite: (sqlite.prepare('select sqlite_version() as v').get() as { v: string }).v,
    os: {
      platform: process.platform,
      arch: process.arch,
      type: os.type(),
      release: os.release(),
      version: os.version(),
      memoryMb: Math.round(os.totalmem() / 2 ** 20),
      freeMemoryMb: Math.round(os.freemem() / 2 ** 20),
      cpus: os.cpus().length,
    },
    locale: Intl.DateTimeFormat().resolvedOptions().locale,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}

/** How big each table is and how the file stands: counts, never rows. */
function databaseStats(ctx: ServiceContext) {
  const sqlite = ctx.storage.store.sqlite;
  const tables = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[];
  const rows: Record<string, number | string> = {};
  for (const { name } of tables) {
    try {
      rows[name] = (sqlite.prepare(`select count(*) as n from "${name.replace(/"/g, '""')}"`).get() as { n: number }).n;
    } catch (error) {
      // A damaged table is what support needs to hear about, not a reason to send nothing.
      rows[name] = `unreadable: ${(error as Error).message}`;
    }
  }
  const size = (file: string) => (existsSync(file) ? statSync(file).size : null);
  const pragma = (name: string) => sqlite.pragma(name, { simple: true }) as unknown;
  return {
    file: ctx.storage.dbPath,
    bytes: size(ctx.storage.dbPath),
    walBytes: size(`${ctx.storage.dbPath}-wal`),
    schemaVersion: Number(pragma('user_version')),
    migrations: (sqlite.prepare("select name from kysely_migration order by name").all() as { name: string }[]).map((m) => m.name),
    pageSize: pragma('page_size'),
    pageCount: pragma('page_count'),
    freePages: pragma('freelist_count'),
    journalMode: pragma('journal_mode'),
    rows,
  };
}

/** The company's settings as support reads them: the logo by size and digest, the PIN only as set or not. */
async function settingsForSupport(ctx: ServiceContext) {
  const { logo, ...settings } = await getSettings(ctx);
  const session = await sessionInfo(ctx);
  return {
    ...settings,
    logo: logo ? { bytes: logo.length, sha256: createHash('sha256').update(logo).digest('hex') } : null,
    security: { pinSet: session.pinSet, recoveryCodeSet: session.recoveryCodeSet, operators: session.operators.length },
  };
}

async function healthForSupport(ctx: ServiceContext) {
  const recent = await ctx.db.selectFrom('health_checks').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(10).execute();
  return { status: await healthStatus(ctx), recentFullChecks: recent.map((r) => ({ at: new Date(r.at).toISOString(), ok: r.ok === 1, ms: r.ms, problems: r.problems })) };
}

/** A consistent snapshot with SQLite's online backup API (the desk may be writing), in rollback mode so it is one file. */
async function databaseCopy(ctx: ServiceContext, dir: string): Promise<{ file: string; check: string; counts: unknown }> {
  const file = join(dir, 'desk.sqlite');
  await ctx.storage.store.sqlite.backup(file);
  toRollbackJournal(file);
  const examined = examine(file);
  return { file, check: examined.check, counts: examined.counts };
}

async function writeZip(target: string, entries: { name: string; data?: Buffer; file?: string }[], at: Date): Promise<void> {
  const zip = new ZipFile();
  for (const entry of entries) {
    if (entry.file) zip.addFile(entry.file, entry.name, { mtime: at });
    else zip.addBuffer(entry.data!, entry.name, { mtime: at });
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(target));
}

function diagnosticsFileName(now: Date): string {
  return `desk-diagnostics-${localDay(now.getTime())}-${localTime(now.getTime()).replace(':', '')}.zip`;
}

export async function saveDiagnostics(ctx: ServiceContext, input: z.output<typeof diagnosticsInput>): Promise<DiagnosticsSaved | null> {
  const now = ctx.now();
  const chosen = await ctx.platform.chooseSavePath(diagnosticsFileName(now), [{ name: 'Zip', extensions: ['zip'] }]);
  if (!chosen) return null;
  const target = await assertSaveTarget(ctx, chosen);
  const work = mkdtempSync(join(os.tmpdir(), 'desk-diagnostics-'));
  const partial = join(dirname(target), `.${basename(target)}.partial`);
  try {
    const copy = input.includeData ? await databaseCopy(ctx, work) : null;
    // Read now, whole: the log keeps growing while the zip is written, and a file that changes
    // size under the zip writer makes a broken entry.
    const logs = ctx.logDir ? logFilesIn(ctx.logDir).map((file) => ({ name: `logs/${basename(file)}`, data: readFileSync(file) })) : [];
    const entries: { name: string; data?: Buffer; file?: string }[] = [
      { name: 'versions.json', data: json(versions(ctx)) },
      { name: 'health.json', data: json(await healthForSupport(ctx)) },
      { name: 'settings.json', data: json(await settingsForSupport(ctx)) },
      { name: 'database.json', data: json(databaseStats(ctx)) },
      ...logs,
      ...(copy ? [{ name: 'data/desk.sqlite', file: copy.file }] : []),
    ];
    const manifest = {
      createdAt: now.toISOString(),
      appVersion: ctx.appVersion,
      includesData: copy !== null,
      dataCopyCheck: copy?.check ?? null,
      logsFolder: ctx.logDir,
      entries: entries.map((e) => e.name),
    };
    await writeZip(partial, [{ name: 'manifest.json', data: json(manifest) }, ...entries], now);
    renameSync(partial, target);
    if (copy) {
      // No trigger sees a copy leave: the log says who took all the data, and where to.
      await recordAuditEvent(ctx.db, { table: 'database', rowId: 'desk', before: null, after: { diagnosticsCopy: basename(target), ...(copy.counts as object) } });
    }
    ctx.logger.info(`diagnostics saved to ${target}${copy ? ' with a copy of the database' : ''}`);
    return { file: target, bytes: statSync(target).size, entries: ['manifest.json', ...manifest.entries], includesData: copy !== null };
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof AppError) throw error;
    throw storageError(error) ?? refusal('STORAGE', 'health.errors.diagnosticsFailed', { file: basename(target) }, { log: `diagnostics to ${target} failed: ${(error as Error).message}` });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
