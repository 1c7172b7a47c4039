import Database from 'better-sqlite3';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFileLog } from '../../electron/backend/platform/file-log';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person, phoneTicket } from '../support/sample';
import { tempDataDir } from '../support/temp';

/* "Save diagnostics" (issue 13): one zip for support, without customer data unless the clerk asks. */

const PIN = '2580';
const CUSTOMERS = [
  { name: '欧阳娜娜', phone: '13987654321' },
  { name: 'Zhuge Liangcheng', phone: '15811223344' },
];
let backend: TestBackend;
let logDir: string;

beforeEach(async () => {
  const dir = tempDataDir('diagnostics');
  logDir = join(dir, 'logs');
  // The desk's own log writer, as the main process uses it, writing where the zip reads.
  const logger = openFileLog(join(logDir, 'desk.log'), { echo: false, logId: `diagnostics-${Date.now()}-${Math.random()}`, maxBytes: 4_000, keep: 2 });
  backend = await openTestBackend(dir, () => new Date('2026-11-22T09:30:00+08:00'), { logger, logDir, appVersion: '1.4.2' });
  await backend.ok('settings:update', { companyName: '安信机电', hotline: '4008001234' });
  await backend.ok('session:begin', { operator: '王芳' });
  for (const c of CUSTOMERS) {
    const customer = await backend.ok('customers:create', person({ name: c.name, phones: [{ phone: c.phone }] }));
    await backend.ok('tickets:create', phoneTicket(customer.id));
  }
  // Enough logged to have rotated once: every file of the folder goes in.
  for (let i = 0; i < 150; i++) logger.info(`start-up step ${i}`, { ok: true });
  logger.error('tickets:create failed', new Error('SQLITE_FULL: database or disk is full').stack);
  await backend.ok('session:setPin', { next: PIN });
  await backend.ok('session:lock', {});
});
afterEach(async () => {
  await backend.close();
});

/** Every entry of a zip, read back with yauzl (as the import reads workbooks). */
function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err ?? new Error('no stream'));
          const parts: Buffer[] = [];
          stream.on('data', (b: Buffer) => parts.push(b));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(parts));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const parse = (entries: Map<string, Buffer>, name: string) => JSON.parse(entries.get(name)!.toString('utf8')) as Record<string, unknown>;

describe('save diagnostics', () => {
  it('writes one zip of logs, versions, health, settings and counts, with no customer’s data in any of its bytes', async () => {
    const target = join(backend.dir, 'support.zip');
    backend.platform.saveAnswer = target;
    const saved = await backend.ok('health:saveDiagnostics', { includeData: false });
    expect(saved).toMatchObject({ file: target, includesData: false });
    expect(saved!.bytes).toBe(readFileSync(target).length);

    const entries = await readZip(target);
    expect([...entries.keys()]).toEqual(['manifest.json', 'versions.json', 'health.json', 'settings.json', 'database.json', 'logs/desk.log', 'logs/desk.1.log', 'logs/desk.2.log']);
    expect(saved!.entries).toEqual([...entries.keys()]);
    expect(parse(entries, 'manifest.json')).toMatchObject({ includesData: false, appVersion: '1.4.2' });

    const versions = parse(entries, 'versions.json');
    expect(versions).toMatchObject({ app: '1.4.2', node: process.versions.node, electron: null, chromium: null });
    expect(versions.betterSqlite3).toMatch(/^\d+\.\d+\.\d+$/);
    expect(versions.sqlite).toBe((backend.store.sqlite.prepare('select sqlite_version() as v').get() as { v: string }).v);
    expect((versions.os as { platform: string }).platform).toBe(process.platform);

    const db = parse(entries, 'database.json') as { rows: Record<string, number>; schemaVersion: number; bytes: number };
    expect(db.rows).toMatchObject({ customers: 2, tickets: 2, customer_phones: 2 });
    expect(db.schemaVersion).toBe(backend.migration.schemaVersion);
    expect(db.bytes).toBeGreaterThan(0);

    const settings = parse(entries, 'settings.json');
    expect(settings).toMatchObject({ companyName: '安信机电', security: { pinSet: true, recoveryCodeSet: true } });
    expect(parse(entries, 'health.json')).toHaveProperty('status.mode', 'ok');

    // What was logged is there: the rotated files and the error with its stack.
    const logs = ['logs/desk.2.log', 'logs/desk.1.log', 'logs/desk.log'].map((n) => entries.get(n)!.toString('utf8')).join('');
    expect(logs).toContain('SQLITE_FULL');
    expect(logs).toContain('start-up step 149');

    // Not one customer's name or phone, in the zip's raw bytes or in any entry once inflated; no PIN hash.
    const raw = readFileSync(target);
    const pinHash = (JSON.parse((backend.store.sqlite.prepare("select value from security where key = 'adminPin'").get() as { value: string }).value) as { hash: string }).hash;
    for (const secret of [...CUSTOMERS.flatMap((c) => [c.name, c.phone]), pinHash]) {
      expect(raw.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
      for (const [name, data] of entries) expect(data.includes(Buffer.from(secret, 'utf8')), `${secret} in ${name}`).toBe(false);
    }
    // Nothing half-written is left beside it.
    expect(readdirSync(backend.dir).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('with the box ticked, asks for the admin PIN and adds a consistent database copy holding the customers', async () => {
    const target = join(backend.dir, 'with-data.zip');
    backend.platform.saveAnswer = target;
    expect((await backend.fails('health:saveDiagnostics', { includeData: true })).code).toBe('PIN_REQUIRED');
    expect(existsSync(target)).toBe(false);
    await backend.ok('session:unlock', { pin: PIN });
    const saved = await backend.ok('health:saveDiagnostics', { includeData: true });
    expect(saved).toMatchObject({ includesData: true });

    const entries = await readZip(target);
    expect([...entries.keys()].at(-1)).toBe('data/desk.sqlite');
    expect(parse(entries, 'manifest.json')).toMatchObject({ includesData: true, dataCopyCheck: 'ok' });
    const copyFile = join(tempDataDir('diagnostics-copy'), 'desk.sqlite');
    writeFileSync(copyFile, entries.get('data/desk.sqlite')!);
    const copy = new Database(copyFile, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
      // One file, complete on its own: not in WAL mode, so nothing beside it was needed.
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      const rows = copy.prepare('select c.name, p.phone from customers c join customer_phones p on p.customer_id = c.id order by c.id').all();
      expect(rows).toEqual(CUSTOMERS.map((c) => ({ name: c.name, phone: c.phone })));
      expect((copy.prepare('select count(*) as n from tickets').get() as { n: number }).n).toBe(2);
    } finally {
      copy.close();
    }
    // The log says who carried all the data out.
    const [logged] = (await backend.ok('audit:list', { channel: 'health:saveDiagnostics' })).items;
    expect(logged).toMatchObject({ operator: '王芳', elevated: true });
  });

  it('changes nothing when the dialog is cancelled, and refuses the desk’s own files', async () => {
    backend.platform.saveAnswer = null;
    expect(await backend.ok('health:saveDiagnostics', { includeData: false })).toBeNull();
    backend.platform.saveAnswer = join(backend.dir, 'desk.sqlite');
    const refused = await backend.fails('health:saveDiagnostics', { includeData: false });
    expect(refused.code).toBe('FORBIDDEN');
    expect((backend.store.sqlite.prepare('select count(*) as n from customers').get() as { n: number }).n).toBe(2);
  });
});
