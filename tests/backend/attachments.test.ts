import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AttachmentItem } from '../../shared/schemas/attachment';
import { MAX_ATTACHMENT_BYTES } from '../../shared/schemas/attachment';
import { dataPaths, openDeskTestBackend, openTestBackend, type TestBackend } from '../support/backend';
import { person, phoneTicket, seedModel } from '../support/sample';
import { tempDataDir } from '../support/temp';

const at = (y: number, m: number, d: number, h = 9, min = 30) => new Date(y, m - 1, d, h, min);
let clock = at(2026, 12, 4);
let backend: TestBackend;
/** Where the user's own files are: outside the data folder, as a desktop or a USB stick is. */
let outside: string;

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const blobOf = (b: TestBackend, item: AttachmentItem, ext: string) => join(b.dir, 'attachments', 'files', item.hash.slice(0, 2), `${item.hash}.${ext}`);
const count = (b: TestBackend, sql: string) => (b.store.sqlite.prepare(sql).get() as { n: number }).n;
const storedFiles = (b: TestBackend, root = join(b.dir, 'attachments', 'files')) => {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort();
};

/** A real photo (a gradient JPEG a camera could have taken), so the thumbnail is really drawn. */
async function photo(width = 640, height = 480, seed = 0): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    raw[i * 3] = (i + seed) % 256;
    raw[i * 3 + 1] = Math.floor(i / width) % 256;
    raw[i * 3 + 2] = 128;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();
}
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const DWG = Buffer.concat([Buffer.from('AC1032'), Buffer.alloc(200, 7)]);

async function seed(b: TestBackend) {
  const customer = await b.ok('customers:create', person());
  const model = await seedModel(b);
  const unit = await b.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'GL2026A0001', purchaseDate: '2026-03-01' });
  const ticket = await b.ok('tickets:create', phoneTicket(customer.id));
  return { customer, unit, ticket };
}

const drop = (b: TestBackend, record: { type: 'customer' | 'unit' | 'ticket' | 'document'; id: number }, name: string, bytes: Buffer) =>
  b.ok('attachments:add', { record, name, data: bytes.toString('base64') });

beforeEach(async () => {
  clock = at(2026, 12, 4);
  backend = await openTestBackend(undefined, () => clock);
  outside = tempDataDir('attachments-source');
});
afterEach(async () => {
  await backend.close();
});

describe('attachments', () => {
  it('keeps a dropped photo once per content in the data folder, with a thumbnail, on any kind of record', async () => {
    const { customer, unit, ticket } = await seed(backend);
    const bytes = await photo();
    const added = await drop(backend, { type: 'ticket', id: ticket.id }, '现场照片.jpg', bytes);
    expect(added).toMatchObject({ recordType: 'ticket', recordId: ticket.id, name: '现场照片.jpg', hash: sha(bytes), size: bytes.length, mime: 'image/jpeg', kind: 'photo', missing: false, createdAt: clock.getTime() });
    expect(added.thumbnail).toMatch(/^data:image\/webp;base64,/);
    const thumb = await sharp(Buffer.from(added.thumbnail!.split(',')[1]!, 'base64')).metadata();
    expect(Math.max(thumb.width!, thumb.height!)).toBeLessThanOrEqual(160);
    // Stored under its hash, read-only, byte for byte.
    const blob = blobOf(backend, added, 'jpg');
    expect(readFileSync(blob).equals(bytes)).toBe(true);

    // The same photo on the unit and the customer: three links, one copy on disk.
    await drop(backend, { type: 'unit', id: unit.id }, 'nameplate.jpg', bytes);
    await drop(backend, { type: 'customer', id: customer.id }, 'site.jpg', bytes);
    expect(storedFiles(backend)).toEqual([`${sha(bytes)}.jpg`]);
    expect(count(backend, 'select count(*) as n from attachments')).toBe(3);
    expect(count(backend, 'select count(*) as n from attachment_files')).toBe(1);

    // A PDF and a drawing: kept, no thumbnail (the panel shows the type's icon).
    const pdf = await drop(backend, { type: 'ticket', id: ticket.id }, '报价单.pdf', PDF);
    const dwg = await drop(backend, { type: 'ticket', id: ticket.id }, '机房布置.dwg', DWG);
    expect([pdf.kind, pdf.mime, pdf.thumbnail]).toEqual(['pdf', 'application/pdf', null]);
    expect([dwg.kind, dwg.thumbnail]).toEqual(['drawing', null]);
    const list = await backend.ok('attachments:list', { record: { type: 'ticket', id: ticket.id } });
    expect(list.map((a) => a.name)).toEqual(['现场照片.jpg', '报价单.pdf', '机房布置.dwg']);
    expect((await backend.ok('attachments:list', { record: { type: 'unit', id: unit.id } })).map((a) => a.name)).toEqual(['nameplate.jpg']);
  });

  it('keeps a scanned signed copy beside an archived document', async () => {
    const { unit } = await seed(backend);
    await backend.ok('settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234', complaintLine: '0571-88886666' });
    const card = await backend.ok('documents:warrantyCard', { unitId: unit.id, paper: 'A4', language: 'zh-CN' });
    const scan = await drop(backend, { type: 'document', id: card.id }, '签字回执扫描.pdf', PDF);
    expect(scan).toMatchObject({ recordType: 'document', recordId: card.id, kind: 'pdf' });
    expect((await backend.ok('attachments:list', { record: { type: 'document', id: card.id } })).map((a) => a.id)).toEqual([scan.id]);
  });

  it('adds a file chosen in the system dialog, read from where the user keeps it, and does nothing when cancelled', async () => {
    const { ticket } = await seed(backend);
    const source = join(outside, 'IMG_0001.JPG');
    const bytes = await photo(300, 200, 5);
    writeFileSync(source, bytes);
    backend.platform.openAnswer = source;
    const picked = await backend.ok('attachments:pick', { record: { type: 'ticket', id: ticket.id } });
    expect(picked).toMatchObject({ name: 'IMG_0001.JPG', hash: sha(bytes), kind: 'photo' });
    // The user's file is left where it was, untouched.
    expect(readFileSync(source).equals(bytes)).toBe(true);

    backend.platform.openAnswer = null;
    expect(await backend.ok('attachments:pick', { record: { type: 'ticket', id: ticket.id } })).toBeNull();
    expect(count(backend, 'select count(*) as n from attachments')).toBe(1);
  });

  describe('refuses bad input with a named reason, and saves nothing', () => {
    const nothingSaved = (b: TestBackend) => {
      expect(count(b, 'select count(*) as n from attachments')).toBe(0);
      expect(count(b, 'select count(*) as n from attachment_files')).toBe(0);
      expect(storedFiles(b)).toEqual([]);
    };

    it('a file over the size limit, naming its size and the limit (from the dialog and dropped)', async () => {
      const { ticket } = await seed(backend);
      const big = join(outside, 'scan.pdf');
      writeFileSync(big, PDF);
      truncateSync(big, MAX_ATTACHMENT_BYTES + 1024 * 1024);
      backend.platform.openAnswer = big;
      const refused = await backend.fails('attachments:pick', { record: { type: 'ticket', id: ticket.id } });
      expect(refused.code).toBe('VALIDATION');
      expect(refused.details.message).toEqual({ key: 'attachments.errors.tooLarge', params: { name: 'scan.pdf', size: 26, limit: 25 } });
      // A dropped file that big is refused by the contract before it is decoded.
      const dropped = await backend.fails('attachments:add', { record: { type: 'ticket', id: ticket.id }, name: 'scan.pdf', data: 'A'.repeat(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 8) });
      expect(dropped.code).toBe('VALIDATION');
      expect(JSON.stringify(dropped.details)).toContain('attachments.errors.tooLargeUpload');
      nothingSaved(backend);
    });

    it('a type it does not keep, judged by the content and not the name', async () => {
      const { ticket } = await seed(backend);
      const fake = await backend.fails('attachments:add', { record: { type: 'ticket', id: ticket.id }, name: 'photo.jpg', data: Buffer.from('MZ\x90\x00 this is a program').toString('base64') });
      expect(fake.details.message).toEqual({ key: 'attachments.errors.typeRefused', params: { name: 'photo.jpg', types: 'JPG, JPEG, PNG, WEBP, HEIC, HEIF, PDF, DWG' } });
      const word = join(outside, 'report.docx');
      writeFileSync(word, Buffer.from('PK\x03\x04 a word document'));
      backend.platform.openAnswer = word;
      expect((await backend.fails('attachments:pick', { record: { type: 'ticket', id: ticket.id } })).details.message?.key).toBe('attachments.errors.typeRefused');
      const empty = await backend.fails('attachments:add', { record: { type: 'ticket', id: ticket.id }, name: 'empty.pdf', data: '' });
      expect(empty.details.message).toEqual({ key: 'attachments.errors.empty', params: { name: 'empty.pdf' } });
      nothingSaved(backend);
    });

    it('a symbolic link, even one pointing at a good photo', async () => {
      const { ticket } = await seed(backend);
      const real = join(outside, 'real.jpg');
      writeFileSync(real, await photo(50, 50));
      const link = join(outside, 'link.jpg');
      symlinkSync(real, link);
      backend.platform.openAnswer = link;
      const refused = await backend.fails('attachments:pick', { record: { type: 'ticket', id: ticket.id } });
      expect(refused.code).toBe('FORBIDDEN');
      expect(refused.details.message).toEqual({ key: 'attachments.errors.symlink', params: { name: 'link.jpg' } });
      nothingSaved(backend);
    });

    it('a name with `..`, a slash or control characters', async () => {
      const { ticket } = await seed(backend);
      const bytes = await photo(40, 40);
      for (const name of ['../../desk.sqlite', '..', 'a/b.jpg', 'c:\\x.jpg', 'bad\u0007.jpg']) {
        const refused = await backend.fails('attachments:add', { record: { type: 'ticket', id: ticket.id }, name, data: bytes.toString('base64') });
        expect(refused.code, name).toBe('VALIDATION');
        expect(refused.details.message?.key, name).toBe('attachments.errors.badName');
      }
      nothingSaved(backend);
    });

    it('a file that vanished between the dialog and the read, a folder, and a record that does not exist', async () => {
      const { ticket } = await seed(backend);
      backend.platform.openAnswer = join(outside, 'gone.jpg');
      const gone = await backend.fails('attachments:pick', { record: { type: 'ticket', id: ticket.id } });
      expect(gone.code).toBe('NOT_FOUND');
      expect(gone.details.message).toEqual({ key: 'attachments.errors.unreadable', params: { name: 'gone.jpg' } });
      mkdirSync(join(outside, 'photos.jpg'));
      backend.platform.openAnswer = join(outside, 'photos.jpg');
      expect((await backend.fails('attachments:pick', { record: { type: 'ticket', id: ticket.id } })).details.message?.key).toBe('attachments.errors.unreadable');
      const noRecord = await backend.fails('attachments:add', { record: { type: 'unit', id: 999 }, name: 'x.pdf', data: PDF.toString('base64') });
      expect(noRecord.code).toBe('NOT_FOUND');
      expect(noRecord.details.message).toEqual({ key: 'attachments.errors.recordNotFound', params: { id: 999 } });
      expect((await backend.fails('attachments:list', { record: { type: 'invoice', id: 1 } } as never)).code).toBe('VALIDATION');
      nothingSaved(backend);
    });
  });

  it('opens the stored copy in the system viewer, and shows a file gone from disk as missing (never an internal error)', async () => {
    const { ticket } = await seed(backend);
    const item = await drop(backend, { type: 'ticket', id: ticket.id }, '故障.jpg', await photo());
    await backend.ok('attachments:open', { id: item.id });
    expect(backend.platform.opened).toEqual([blobOf(backend, item, 'jpg')]);
    expect(backend.platform.opened[0]!.startsWith(join(backend.dir, 'attachments'))).toBe(true);

    chmodSync(blobOf(backend, item, 'jpg'), 0o644);
    rmSync(blobOf(backend, item, 'jpg'));
    const [listed] = await backend.ok('attachments:list', { record: { type: 'ticket', id: ticket.id } });
    expect(listed).toMatchObject({ id: item.id, missing: true, thumbnail: null });
    const refused = await backend.fails('attachments:open', { id: item.id });
    expect(refused.code).toBe('NOT_FOUND');
    expect(refused.details.message).toEqual({ key: 'attachments.errors.missing', params: { name: '故障.jpg' } });
    expect(backend.platform.opened).toHaveLength(1);
    expect((await backend.fails('attachments:open', { id: 4242 })).details.message).toEqual({ key: 'attachments.errors.notFound', params: { id: 4242 } });

    // Attached again, the content comes back under the same name, and the first link is whole again.
    await drop(backend, { type: 'ticket', id: ticket.id }, 'again.jpg', await photo());
    expect((await backend.ok('attachments:list', { record: { type: 'ticket', id: ticket.id } })).map((a) => a.missing)).toEqual([false, false]);
  });

  it('never reads through a link planted in the data folder in place of a stored file', async () => {
    const { ticket } = await seed(backend);
    const item = await drop(backend, { type: 'ticket', id: ticket.id }, 'quote.pdf', PDF);
    const blob = blobOf(backend, item, 'pdf');
    chmodSync(blob, 0o644);
    rmSync(blob);
    const secret = join(outside, 'secret.pdf');
    writeFileSync(secret, PDF);
    symlinkSync(secret, blob);
    expect((await backend.ok('attachments:list', { record: { type: 'ticket', id: ticket.id } }))[0]!.missing).toBe(true);
    expect((await backend.fails('attachments:open', { id: item.id })).details.message?.key).toBe('attachments.errors.missing');
    expect(backend.platform.opened).toEqual([]);
    const check = await backend.ok('attachments:check', {});
    expect(check.problems).toEqual([{ hash: item.hash, names: ['quote.pdf'], problem: 'missing' }]);
  });

  it('deletes an attachment only with the admin PIN, logs who did it, and removes the content with its last link', async () => {
    const { ticket, unit } = await seed(backend);
    const bytes = await photo();
    const onTicket = await drop(backend, { type: 'ticket', id: ticket.id }, 'a.jpg', bytes);
    const onUnit = await drop(backend, { type: 'unit', id: unit.id }, 'b.jpg', bytes);
    await backend.ok('session:setPin', { next: '2580' });
    await backend.ok('session:lock', {});
    const refused = await backend.fails('attachments:delete', { id: onTicket.id });
    expect(refused.code).toBe('PIN_REQUIRED');
    expect(count(backend, 'select count(*) as n from attachments')).toBe(2);

    await backend.ok('session:unlock', { pin: '2580' });
    await backend.ok('attachments:delete', { id: onTicket.id });
    expect(await backend.ok('attachments:list', { record: { type: 'ticket', id: ticket.id } })).toEqual([]);
    // Still linked from the unit: the file stays.
    expect(storedFiles(backend)).toEqual([`${onUnit.hash}.jpg`]);
    const [logged] = (await backend.ok('audit:list', { channel: 'attachments:delete' })).items;
    expect(logged).toMatchObject({ channel: 'attachments:delete', elevated: true, tables: ['attachments'] });
    expect(logged!.subject?.label).toBe('a.jpg');

    await backend.ok('attachments:delete', { id: onUnit.id });
    expect(storedFiles(backend)).toEqual([]);
    expect(existsSync(join(backend.dir, 'attachments', 'thumbs', `${onUnit.hash}.webp`))).toBe(false);
    expect(count(backend, 'select count(*) as n from attachment_files')).toBe(0);
    expect((await backend.fails('attachments:delete', { id: onUnit.id })).code).toBe('NOT_FOUND');
  });

  it('goes into every backup and comes back with a restore', async () => {
    const { ticket, customer } = await seed(backend);
    const shot = await photo();
    const item = await drop(backend, { type: 'ticket', id: ticket.id }, '现场.jpg', shot);
    const drawing = await drop(backend, { type: 'customer', id: customer.id }, 'plan.dwg', DWG);
    const backup = await backend.ok('backups:create', {});
    const pool = join(backend.dir, 'backups', 'desk-attachments');
    expect(readFileSync(join(pool, 'files', item.hash.slice(0, 2), `${item.hash}.jpg`)).equals(shot)).toBe(true);
    expect(existsSync(join(pool, 'thumbs', `${item.hash}.webp`))).toBe(true);
    // A second backup copies nothing again: contents are named by their hash.
    await backend.ok('backups:create', {});
    expect(storedFiles(backend, join(pool, 'files'))).toEqual([`${drawing.hash}.dwg`, `${item.hash}.jpg`].sort());

    // The data folder loses its attachments (a disk cleaned by mistake); a later one is added too.
    rmSync(join(backend.dir, 'attachments'), { recursive: true, force: true });
    await drop(backend, { type: 'ticket', id: ticket.id }, 'later.pdf', PDF);
    expect((await backend.ok('attachments:list', { record: { type: 'ticket', id: ticket.id } })).map((a) => a.missing)).toEqual([true, false]);
    expect((await backend.ok('health:check', {})).ok).toBe(false);

    await backend.ok('session:setPin', { next: '2580' });
    await backend.ok('backups:restore', { file: backup.file });
    const restored = await backend.ok('attachments:list', { record: { type: 'ticket', id: ticket.id } });
    // The backup's data: the photo, whole again from the pool; the later PDF was not in it.
    expect(restored.map((a) => [a.name, a.missing])).toEqual([['现场.jpg', false]]);
    expect(restored[0]!.thumbnail).toMatch(/^data:image\/webp/);
    expect(readFileSync(blobOf(backend, item, 'jpg')).equals(shot)).toBe(true);
    expect((await backend.ok('attachments:list', { record: { type: 'customer', id: customer.id } }))[0]!.missing).toBe(false);
    expect(await backend.ok('attachments:check', {})).toEqual({ checked: 2, problems: [] });
    await backend.ok('attachments:open', { id: item.id });
    expect(backend.platform.opened.at(-1)).toBe(blobOf(backend, item, 'jpg'));
  });

  it('is checked by the health check: files missing or altered are named, nothing repaired', async () => {
    const { ticket } = await seed(backend);
    const a = await drop(backend, { type: 'ticket', id: ticket.id }, 'a.pdf', PDF);
    const b = await drop(backend, { type: 'ticket', id: ticket.id }, 'b.jpg', await photo());
    expect(await backend.ok('health:check', {})).toMatchObject({ ok: true, problems: [], attachments: { checked: 2, problems: [] } });

    chmodSync(blobOf(backend, a, 'pdf'), 0o644);
    rmSync(blobOf(backend, a, 'pdf'));
    chmodSync(blobOf(backend, b, 'jpg'), 0o644);
    writeFileSync(blobOf(backend, b, 'jpg'), Buffer.concat([await photo(), Buffer.from('edited')]));
    clock = new Date(clock.getTime() + 60_000);
    const check = await backend.ok('health:check', {});
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([]);
    expect(check.attachments?.problems.map((p) => [p.names, p.problem]).sort()).toEqual([
      [['a.pdf'], 'missing'],
      [['b.jpg'], 'altered'],
    ]);
    // Kept with the check, for the settings page.
    expect((await backend.ok('health:status', {})).lastFullCheck?.attachments?.problems).toHaveLength(2);
    expect(backend.logger.lines.filter((l) => l.level === 'error').map((l) => l.message)).toContain('attachment files missing or altered; nothing was repaired');
  });

  it('comes back with the restore offered by the recovery screen when the database itself is damaged', async () => {
    const { ticket } = await seed(backend);
    const shot = await photo();
    const item = await drop(backend, { type: 'ticket', id: ticket.id }, '现场.jpg', shot);
    const backup = await backend.ok('backups:create', {});
    const dir = backend.dir;
    await backend.close();
    // The disk that lost the database lost the attachments too; the database is no longer one.
    rmSync(join(dir, 'attachments'), { recursive: true, force: true });
    writeFileSync(dataPaths(dir).dbPath, 'not a database at all, just text that was written over it');
    rmSync(`${dataPaths(dir).dbPath}-wal`, { force: true });
    rmSync(`${dataPaths(dir).dbPath}-shm`, { force: true });

    const desk = await openDeskTestBackend(dir, () => clock);
    try {
      expect(desk.mode).toBe('recovery');
      await desk.ok('health:restore', { file: backup.file });
      const [back] = await desk.ok('attachments:list', { record: { type: 'ticket', id: ticket.id } });
      expect(back).toMatchObject({ id: item.id, name: '现场.jpg', missing: false });
      expect(back!.thumbnail).toMatch(/^data:image\/webp/);
      expect(readFileSync(join(dir, 'attachments', 'files', item.hash.slice(0, 2), `${item.hash}.jpg`)).equals(shot)).toBe(true);
    } finally {
      await desk.close();
    }
    // A fresh backend for the afterEach to close (the first one is closed above).
    backend = await openTestBackend(undefined, () => clock);
  });
});
