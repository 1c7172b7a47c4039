import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person, phoneTicket, seedModel } from '../support/sample';

/*
 * "Hold the line", the files the desk owns: a save dialog may not point at them, the archive is
 * read back only when it is what was archived, and numbers are never handed out twice, a restore
 * included. Each of these failed on the code before the fix (issue 11, points 1, 3, 9, 16).
 */

let backend: TestBackend;
let unitId: number;
const company = { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234' };
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

beforeEach(async () => {
  backend = await openTestBackend(undefined, () => new Date('2026-11-22T09:30:00+08:00'));
  await backend.ok('settings:update', company);
  const customer = await backend.ok('customers:create', person({ name: '张三丰' }));
  const model = await seedModel(backend);
  unitId = (await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'GL2026A0001', purchaseDate: '2026-03-01' })).id;
});
afterEach(async () => {
  await backend.close();
});

describe('a save dialog answered with one of the desk’s own files (point 1)', () => {
  it('refuses an export over the live database, its side files, a backup or the archive, and leaves each untouched', async () => {
    const backup = await backend.ok('backups:create', {});
    const card = await backend.ok('documents:warrantyCard', { unitId, paper: 'A4', language: 'zh-CN' });
    const dbPath = join(backend.dir, 'desk.sqlite');
    const targets = [dbPath, `${dbPath}-wal`, join(backend.dir, 'backups', backup.file), join(backend.dir, 'documents', card.fileName), join(backend.dir, 'documents', 'new.xlsx')];
    for (const target of targets) {
      const before = existsSync(target) ? sha(target) : null;
      backend.platform.saveAnswer = target;
      const error = await backend.fails('export:list', { list: 'customers', query: '张' });
      expect(error.code, target).toBe('FORBIDDEN');
      expect(error.details.message?.key).toBe('errors.saveOverOwnFile');
      expect(existsSync(target) ? sha(target) : null, target).toBe(before);
    }
    // The database still opens and holds what it held.
    expect((backend.store.sqlite.pragma('quick_check', { simple: true }) as string)).toBe('ok');
  });

  it('refuses to save an archived PDF over a backup, and saves it anywhere else', async () => {
    const backup = await backend.ok('backups:create', {});
    const card = await backend.ok('documents:warrantyCard', { unitId, paper: 'A4', language: 'zh-CN' });
    const backupFile = join(backend.dir, 'backups', backup.file);
    const before = sha(backupFile);
    backend.platform.saveAnswer = backupFile;
    expect((await backend.fails('documents:saveAs', { id: card.id })).code).toBe('FORBIDDEN');
    expect(sha(backupFile)).toBe(before);
    const elsewhere = join(backend.dir, 'desktop', 'card.pdf');
    mkdirSync(join(backend.dir, 'desktop'));
    backend.platform.saveAnswer = elsewhere;
    expect((await backend.ok('documents:saveAs', { id: card.id })).savedTo).toBe(elsewhere);
    expect(sha(elsewhere)).toBe(card.sha256);
  });
});

describe('the archive on disk (point 9)', () => {
  it('refuses to show, print or save a copy replaced on disk or by a link, and says which', async () => {
    const card = await backend.ok('documents:warrantyCard', { unitId, paper: 'A4', language: 'zh-CN' });
    const file = join(backend.dir, 'documents', card.fileName);
    const original = readFileSync(file);
    writeFileSync(file, Buffer.concat([original.subarray(0, original.length - 10), Buffer.from('0123456789')]));
    for (const channel of ['documents:content', 'documents:print', 'documents:saveAs'] as const) {
      backend.platform.saveAnswer = join(backend.dir, 'out.pdf');
      const error = await backend.fails(channel, { id: card.id });
      expect(error.code, channel).toBe('CONFLICT');
      expect(error.details.message).toMatchObject({ key: 'errors.documentChanged', params: { number: card.number } });
    }
    expect(backend.platform.printed).toEqual([]);
    const elsewhere = join(backend.dir, 'forged.pdf');
    writeFileSync(elsewhere, original);
    rmSync(file);
    symlinkSync(elsewhere, file);
    expect((await backend.fails('documents:content', { id: card.id })).details.message?.key).toBe('errors.documentChanged');
  });

  it('prints the checked bytes, not whatever the archive file is by the time the spooler reads it', async () => {
    const card = await backend.ok('documents:warrantyCard', { unitId, paper: 'A4', language: 'zh-CN' });
    await backend.ok('documents:print', { id: card.id });
    const printed = backend.platform.printed[0]!;
    expect(printed.file.startsWith(join(backend.dir, 'documents'))).toBe(false);
    expect(sha(printed.copy)).toBe(card.sha256);
  });
});

describe('numbers never repeat, a restore included (point 3)', () => {
  it('after restoring an earlier backup, the next card and ticket take new numbers and no archived PDF is replaced', async () => {
    const backup = await backend.ok('backups:create', {});
    const customer = await backend.ok('customers:create', person({ name: '李四', phones: [{ phone: '13900001111' }] }));
    const firstTicket = await backend.ok('tickets:create', phoneTicket(customer.id));
    const printedAfterBackup = await backend.ok('documents:warrantyCard', { unitId, paper: 'A4', language: 'zh-CN' });
    const archived = join(backend.dir, 'documents', printedAfterBackup.fileName);
    const archivedHash = sha(archived);

    await backend.ok('backups:restore', { file: backup.file });
    const next = await backend.ok('documents:warrantyCard', { unitId, paper: 'A5', language: 'en' });
    expect(next.number).not.toBe(printedAfterBackup.number);
    expect(sha(archived)).toBe(archivedHash);
    const again = await backend.ok('customers:create', person({ name: '王五', phones: [{ phone: '13900002222' }] }));
    const secondTicket = await backend.ok('tickets:create', phoneTicket(again.id, { faultReported: '漏水', faultCategory: 'leak' }));
    expect(secondTicket.number).not.toBe(firstTicket.number);
  });

  it('takes the archive on disk as the truth when the database was copied back by hand', async () => {
    const first = await backend.ok('documents:warrantyCard', { unitId, paper: 'A4', language: 'zh-CN' });
    // Someone put an older database file back: its counter knows nothing of the card.
    backend.store.sqlite.prepare("update sequences set last_value = 0 where kind = 'warrantyCard'").run();
    const dir = backend.dir;
    await backend.close();
    backend = await openTestBackend(dir, () => new Date('2026-11-22T10:30:00+08:00'));
    const second = await backend.ok('documents:warrantyCard', { unitId, paper: 'A4', language: 'zh-CN' });
    expect(second.number).not.toBe(first.number);
    expect(sha(join(dir, 'documents', first.fileName))).toBe(first.sha256);
  });
});

describe('a paper is drawn outside the write transaction (point 16)', () => {
  it('answers a search while a long document renders', async () => {
    const card = backend.invoke('documents:warrantyCard', { unitId, paper: 'A4', language: 'zh-CN' });
    // While the card renders, a read on the same connection is answered: the renderer holds no transaction.
    const order: string[] = [];
    const search = backend.invoke('search:query', { query: '张三丰', limit: 5 }).then((r) => {
      order.push('search');
      return r;
    });
    const done = card.then((r) => {
      order.push('card');
      return r;
    });
    const [searched, printed] = await Promise.all([search, done]);
    expect(searched.ok && printed.ok).toBe(true);
    expect(order[0]).toBe('search');
    expect(backend.store.sqlite.inTransaction).toBe(false);
  });
});
