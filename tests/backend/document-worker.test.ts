import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderJob, type DocumentJob } from '../../electron/backend/documents/jobs';
import { CjkFamilies } from '../../electron/backend/documents/kit/font-families';
import { cjkFonts } from '../../electron/backend/documents/kit/fonts';
import { renderPdfDocument, warmFontsStep } from '../../electron/backend/documents/kit/render';
import { warrantyCardDefinition } from '../../electron/backend/documents/warranty-card/warranty-card';
import type { GeneratedDocument } from '../../shared/schemas/document';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person, seedModel } from '../support/sample';
import { tempDataDir } from '../support/temp';

// The document worker: what it draws is what the desk's thread draws, its failures read as
// before, it stops with the desk, and its warm-up never keeps a document waiting.

const CLOCK = new Date('2026-11-22T09:30:00+08:00');
const TODAY = '2026-11-22';
const company = { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234', complaintLine: '0571-88886666' };

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
/** A PDF without what changes from one render to the next: its creation time and the file ID made from it. */
const stable = (pdf: Buffer) => pdf.toString('latin1').replace(/D:\d{14}Z/g, '').replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/g, '');

let backend: TestBackend | undefined;
afterEach(async () => {
  await backend?.close();
  backend = undefined;
});

async function open(documents: { warmUp?: boolean; fontDir?: string; workerEntry?: string; idleStopMs?: number } = {}) {
  backend = await openTestBackend(undefined, () => CLOCK, { documents });
  return backend;
}

async function seedUnit(b: TestBackend, name = '张三丰') {
  const customer = await b.ok('customers:create', person({ name, addresses: [{ address: '浙江省杭州市西湖区文三路 90 号' }] }));
  const model = await seedModel(b);
  const unit = await b.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'GL2026A0001', purchaseDate: '2026-03-01', acceptanceDate: '2026-03-05', invoiceNumber: 'FP-0001' });
  return { customer, unit };
}

async function seedTicket(b: TestBackend) {
  const { customer, unit } = await seedUnit(b);
  const tech = await b.ok('technicians:create', { name: '李建国', phone: '13900001111' });
  const part = await b.ok('parts:create', { partNumber: 'CAP-35', name: '启动电容', costFen: 1_800, priceFen: 4_500, quantity: 5 });
  const ticket = await b.ok('tickets:create', { customerId: customer.id, unitId: unit.id, faultReported: '开机后不制冷', faultCategory: 'notCooling', parts: [{ partId: part.id, quantity: 1 }] });
  return { customer, unit, ticket: await b.ok('tickets:assign', { id: ticket.id, technicianIds: [tech.id] }) };
}

const archived = (b: TestBackend, doc: GeneratedDocument) => join(b.dir, 'documents', doc.fileName);
const archiveFiles = (b: TestBackend) => {
  const root = join(b.dir, 'documents');
  return existsSync(root) ? readdirSync(root, { recursive: true }).filter((f) => String(f).endsWith('.pdf')) : [];
};
const rows = (b: TestBackend, table: string) => (b.store.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('documents drawn in the worker', () => {
  it('come out byte for byte as the desk thread draws the same data: valid, fonts embedded and subset, the same text', async () => {
    const b = await open();
    await b.ok('settings:update', company);
    const { unit, ticket } = await seedTicket(b);
    // The very data each paper was drawn from, as the services sent it to the worker.
    const sent: DocumentJob[] = [];
    const render = b.documents.render.bind(b.documents);
    b.documents.render = (job) => (sent.push(job), render(job));
    const made: GeneratedDocument[] = [
      await b.ok('documents:warrantyCard', { unitId: unit.id, paper: 'A4', language: 'zh-CN' }),
      await b.ok('documents:warrantyCard', { unitId: unit.id, paper: 'A5', language: 'en' }),
      await b.ok('documents:dispatchOrder', { ticketId: ticket.id, paper: 'A5', language: 'zh-CN' }),
      await b.ok('documents:repairReceipt', { ticketId: ticket.id, copy: 'intake', paper: 'C241', language: 'zh-CN' }),
      await b.ok('documents:repairReceipt', { ticketId: ticket.id, copy: 'completion', paper: 'A4', language: 'en' }),
    ];
    expect(sent.map((job) => job.kind)).toEqual(['warrantyCard', 'warrantyCard', 'dispatchOrder', 'repairReceipt', 'repairReceipt']);
    expect(b.documents.mode).toBe('worker');
    const dir = tempDataDir('worker-pdfs');
    for (const [i, doc] of made.entries()) {
      const fromWorker = readFileSync(archived(b, doc));
      const here = await renderJob(sent[i]!);
      expect(stable(fromWorker), doc.number).toBe(stable(here.pdf));
      expect(doc.missingGlyphs).toEqual(here.missingGlyphs);
      const file = join(dir, `${doc.number}.pdf`);
      writeFileSync(file, here.pdf);
      expect(() => run('qpdf', ['--check', archived(b, doc)])).not.toThrow();
      expect(run('pdftotext', ['-raw', archived(b, doc), '-'])).toBe(run('pdftotext', ['-raw', file, '-']));
      const fonts = run('pdffonts', [archived(b, doc)]).trim().split('\n').slice(2);
      expect(fonts.length, doc.number).toBeGreaterThan(0);
      for (const row of fonts) expect(row.trim().split(/\s+/).slice(-5, -3), row).toEqual(['yes', 'yes']);
    }
  });

  it.each([
    ['font files that are not fonts', (file: string) => writeFileSync(file, 'not a font')],
    // Node's own error, with a code of its own (EISDIR): still INTERNAL, never that code.
    ['font files that are folders', (file: string) => mkdirSync(file)],
  ])('fail as they failed on the desk thread: INTERNAL, logged with the cause, nothing archived, and the next one is tried again (%s)', async (_, make) => {
    const fontDir = tempDataDir('broken-fonts');
    for (const name of ['NotoSansHans-Regular.otf', 'NotoSansHans-Bold.otf']) make(join(fontDir, name));
    const b = await open({ fontDir });
    await b.ok('settings:update', company);
    const { unit } = await seedUnit(b);
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await b.fails('documents:warrantyCard', { unitId: unit.id, paper: 'A4', language: 'zh-CN' });
      expect(error).toEqual({ code: 'INTERNAL', message: 'documents:warrantyCard failed', details: {} });
    }
    expect(b.documents.mode).toBe('worker');
    expect(rows(b, 'documents')).toBe(0);
    expect(archiveFiles(b)).toEqual([]);
    const logged = b.logger.lines.filter((l) => l.level === 'error');
    expect(logged).toHaveLength(2);
    // The worker's own stack reaches the log: where it failed, not just that it did.
    expect(String(logged[0]!.data)).toMatch(/harfbuzz|EISDIR/);
    expect(String(logged[0]!.data)).toMatch(/font-families/);
  });

  it('stop with the desk: a document still being drawn fails, and the thread is gone', async () => {
    const b = await open();
    await b.ok('settings:update', company);
    const { unit } = await seedUnit(b);
    await b.ok('documents:warrantyCard', { unitId: unit.id, paper: 'A5', language: 'zh-CN' });
    expect(b.documents.threadId).toBeGreaterThan(0);
    const late = b.invoke('documents:warrantyCard', { unitId: unit.id, paper: 'A4', language: 'zh-CN' });
    await b.close();
    backend = undefined;
    expect(b.documents.mode).toBe('closed');
    // Node marks a worker whose thread has ended with -1.
    expect(b.documents.threadId).toBe(-1);
    const result = await late;
    expect(result.ok).toBe(false);
    await expect(b.documents.render({ kind: 'recoverySheet', facts: { code: 'x', companyName: 'x', printedAt: 'x' }, language: 'en', meta: { title: 'x', creator: 'x', producer: 'x' } })).rejects.toThrow(/closing/);
  });

  it('are drawn on the desk thread, and the log says why, only when the worker cannot start', async () => {
    const dir = tempDataDir('no-worker');
    const b = await open({ workerEntry: join(dir, 'missing-document-worker.js') });
    await b.ok('settings:update', company);
    const { unit } = await seedUnit(b);
    const doc = await b.ok('documents:warrantyCard', { unitId: unit.id, paper: 'A5', language: 'zh-CN' });
    expect(run('pdftotext', ['-raw', archived(b, doc), '-']).replace(/\s+/g, '')).toContain('GL2026A0001');
    expect(b.documents.mode).toBe('in-process');
    expect(b.logger.lines.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual([expect.stringMatching(/could not start.*missing-document-worker\.js/)]);
  });

  it("warm up on the desk's own papers at start without numbering or archiving any", async () => {
    let b = await open();
    await b.ok('settings:update', company);
    const { ticket } = await seedTicket(b);
    const sequences = () => b.store.sqlite.prepare('select * from sequences order by 1, 2').all();
    const numbered = sequences();
    const dir = b.dir;
    await b.close();
    backend = b = await openTestBackend(dir, () => CLOCK, { documents: { warmUp: true } });
    await b.documents.whenWarm();
    expect(rows(b, 'documents')).toBe(0);
    expect(sequences()).toEqual(numbered);
    expect(archiveFiles(b)).toEqual([]);
    expect(b.logger.lines.filter((l) => l.level !== 'info')).toEqual([]);
    const made = await b.ok('documents:repairReceipt', { ticketId: ticket.id, copy: 'completion', paper: 'A4', language: 'zh-CN' });
    expect(made.number).toBe('WXD-2026-000001');
  });

  it('do not wait for the warm-up: the first one asked for at start is drawn, and the warm-up finishes after', async () => {
    const b = await open({ warmUp: true });
    expect(b.documents.mode).toBe('worker');
    await b.ok('settings:update', company);
    const { unit } = await seedUnit(b);
    const first = await b.ok('documents:warrantyCard', { unitId: unit.id, paper: 'A4', language: 'zh-CN' });
    await b.documents.whenWarm();
    const second = await b.ok('documents:warrantyCard', { unitId: unit.id, paper: 'A4', language: 'zh-CN' });
    for (const doc of [first, second]) expect(run('pdftotext', ['-raw', archived(b, doc), '-']).replace(/\s+/g, '')).toContain(doc.number);
    expect(b.logger.lines.filter((l) => l.level !== 'info')).toEqual([]);
  });

  it('let the worker go when the desk is left alone, and start it warm again when the clerk is back', async () => {
    const b = await open({ warmUp: true, idleStopMs: 400 });
    await b.ok('settings:update', company);
    const { unit } = await seedUnit(b);
    await b.documents.whenWarm();
    const first = b.documents.threadId;
    let deskPapers = 0;
    const send = b.documents.deskPapers!;
    b.documents.deskPapers = () => (deskPapers++, send());
    // Left alone: the pages' refreshes go on, but the thread ends and its memory goes with it.
    const refreshes = setInterval(() => void b.invoke('health:background', {}), 50);
    try {
      await expect.poll(() => b.documents.mode, { timeout: 10_000, interval: 50 }).toBe('idle');
    } finally {
      clearInterval(refreshes);
    }
    expect(await b.documents.heap()).toBeNull();
    // The clerk comes back (a key or a click): a worker starts, and warms up on the desk's papers.
    await b.ok('desk:active', {});
    expect(b.documents.mode).toBe('worker');
    expect(b.documents.threadId).not.toBe(first);
    expect(deskPapers).toBe(1);
    const doc = await b.ok('documents:warrantyCard', { unitId: unit.id, paper: 'A5', language: 'zh-CN' });
    expect(run('pdftotext', ['-raw', archived(b, doc), '-']).replace(/\s+/g, '')).toContain('GL2026A0001');
    // Let go again, a document asked for at once is drawn all the same (the worker starts for it).
    await expect.poll(() => b.documents.mode, { timeout: 10_000, interval: 50 }).toBe('idle');
    const again = await b.ok('documents:warrantyCard', { unitId: unit.id, paper: 'A4', language: 'en' });
    expect(run('pdftotext', ['-raw', archived(b, again), '-']).replace(/\s+/g, '')).toContain('GL2026A0001');
    expect(b.logger.lines.filter((l) => l.level !== 'info')).toEqual([]);
    expect(rows(b, 'documents')).toBe(2);
  });

  it('never let the worker go while a document is being drawn', async () => {
    // The wait runs out again and again while each paper is drawn.
    const b = await open({ warmUp: true, idleStopMs: 1 });
    await b.ok('settings:update', company);
    const { unit } = await seedUnit(b);
    await b.documents.whenWarm();
    const made = await Promise.all((['A4', 'A5', 'A4'] as const).map((paper) => b.ok('documents:warrantyCard', { unitId: unit.id, paper, language: 'zh-CN' })));
    expect(made.map((d) => d.number).sort()).toEqual(['BXK-2026-000001', 'BXK-2026-000002', 'BXK-2026-000003']);
    expect(b.logger.lines.filter((l) => l.level !== 'info')).toEqual([]);
  });
});

describe('the working font', () => {
  it('serves every document it covers once cut in the background, and takes in what it lacked', () => {
    const storage: Record<string, unknown> = {};
    const host = { fonts: {} as Record<string, unknown>, virtualfs: { storage, writeFileSync: (name: string, content: Buffer) => void (storage[name] = content) }, addFonts: (f: Record<string, unknown>) => void Object.assign(host.fonts, f) };
    const families = new CjkFamilies(host, cjkFonts());
    // Before the background steps, every document gets a family of its own, dropped after.
    const before = families.familyFor('保修卡 张三');
    before.release();
    expect(Object.keys(host.fonts)).toEqual([]);
    let steps = 0;
    while (families.hasWork()) {
      families.step();
      steps++;
    }
    expect(steps).toBeLessThanOrEqual(5);
    const working = families.familyFor('保修卡 张三丰 BXK-2026-000001\n杭州市西湖区文三路 90 号');
    expect(working.family).not.toBe(before.family);
    expect(families.familyFor('保修单位（盖章）').family).toBe(working.family);
    // 喆 is outside GB 2312 and no catalog has it: cut alone this time, in the working font after a step.
    const rare = families.familyFor('王喆');
    expect(rare.family).not.toBe(working.family);
    rare.release();
    expect(families.hasWork()).toBe(true);
    while (families.hasWork()) families.step();
    const grown = families.familyFor('王喆');
    expect(grown.family).not.toBe(working.family);
    expect(families.familyFor('保修卡').family).toBe(grown.family);
    // The old working font is dropped once the new one is in place.
    expect(Object.keys(host.fonts)).toEqual([grown.family]);
  });

  it('gives the same PDF as a font cut for the document alone', async () => {
    const b = await open();
    await b.ok('settings:update', company);
    // 喆 and 堃 are outside GB 2312: a font of its own first, the working font once it has grown.
    const { customer, unit } = await seedUnit(b, '王喆堃');
    const data = {
      number: 'BXK-2026-000009',
      issuedOn: TODAY,
      settings: await b.ok('settings:get', {}),
      customer: await b.ok('customers:get', { id: customer.id }),
      unit: await b.ok('units:get', { id: unit.id }),
      serviceLevel: null,
    };
    const definition = warrantyCardDefinition(data, 'zh-CN', 'A5');
    const meta = { title: 't', creator: 'c', producer: 'pdfmake' };
    const alone = await renderPdfDocument(definition, meta);
    while (warmFontsStep());
    const working = await renderPdfDocument(definition, meta);
    expect(stable(working.pdf)).toBe(stable(alone.pdf));
    const file = join(tempDataDir('working-font'), 'card.pdf');
    writeFileSync(file, working.pdf);
    expect(run('pdftotext', ['-raw', file, '-']).replace(/\s+/g, '')).toContain('王喆堃');
  });
});
