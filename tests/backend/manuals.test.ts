import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIN_PT } from '../../electron/backend/documents/kit/layout';
import type { BlockNode, ManualBody, ManualDoc } from '../../shared/schemas/manual';
import { openTestBackend, type TestBackend } from '../support/backend';
import { tempDataDir } from '../support/temp';
import { readPdf, smallestType } from '../support/pdf-read';
import { pngDataUrl } from '../support/png';
import { AIRCON_POLICY, person } from '../support/sample';

/*
 * The maintenance manual on a real database: content written per model (or category) as
 * structured documents, versioned; a site's manual assembled from it and from what the desk
 * knows (units, set values, contract, checklist, parts, promises, warranty), printed on A4 and
 * A5 in both languages and read back page by page; issued manuals reprinted exactly after the
 * content changed; and every bad input refused with its reason, changing nothing.
 */

let backend: TestBackend;
// Friday 4 December 2026, 09:00 at the desk.
const clock = () => new Date('2026-12-04T09:00:00+08:00');

const text = (t: string) => ({ type: 'text' as const, text: t });
const para = (t: string): BlockNode => ({ type: 'paragraph', content: [text(t)] });
const doc = (...content: BlockNode[]): ManualDoc => ({ type: 'doc', content });
const cell = (t: string, header = false) => ({ type: header ? ('tableHeader' as const) : ('tableCell' as const), content: [para(t)] });
const table = (rows: string[][], header = true): BlockNode => ({ type: 'table', content: rows.map((r, i) => ({ type: 'tableRow', content: r.map((t) => cell(t, header && i === 0)) })) });
const chapters = (description: string, troubleshooting: BlockNode[] = [table([['现象', '原因', '处理方法'], ['不制冷', '缺氟', '检漏后补充冷媒']])]) => ({
  description: doc({ type: 'heading', attrs: { level: 2 }, content: [text('系统组成')] }, para(description)),
  operation: doc({ type: 'heading', attrs: { level: 2 }, content: [text('正常操作')] }, { type: 'orderedList', content: [{ type: 'listItem', content: [para('开机前确认电源电压正常。')] }, { type: 'listItem', content: [para('遥控器设定运行模式。')] }] }, { type: 'heading', attrs: { level: 2 }, content: [text('异常情况')] }, { type: 'bulletList', content: [{ type: 'listItem', content: [para('出现异响立即停机并报修。')] }] }),
  troubleshooting: doc(...troubleshooting),
});
const body = (description: string, extra: Partial<ManualBody> = {}): ManualBody => ({ zh: chapters(description), en: null, ...extra });

const count = (table: string) => (backend.store.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

/** pdftotext's text of each page, without white space (it may add or drop spaces between characters). */
function pagesOf(pdf: Buffer): string[] {
  const file = join(tempDataDir('manual-pdf'), 'm.pdf');
  writeFileSync(file, pdf);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  return Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }));
}
const squeeze = (s: string) => s.replace(/\s+/g, '');

async function content(id: number): Promise<Buffer> {
  return Buffer.from((await backend.ok('documents:content', { id })).base64, 'base64');
}

/** A site of two models (one with its own content, one from its category), a third with none. */
async function setUp() {
  const policy = await backend.ok('policies:create', AIRCON_POLICY);
  const gree = await backend.ok('models:create', { brand: '格力', model: 'KFR-35GW', category: '空调', policyId: policy.id });
  const midea = await backend.ok('models:create', { brand: '美的', model: 'KFR-26GW', category: '空调', policyId: policy.id });
  const epson = await backend.ok('models:create', { brand: '爱普生', model: 'CB-X51', category: '投影机', policyId: policy.id });
  const customer = await backend.ok('customers:create', person({ name: '杭州市余杭区良渚第二小学', kind: 'organisation' }));
  const unit = (modelId: number, serial: string) => backend.ok('units:create', { customerId: customer.id, modelId, serial, purchaseDate: '2026-11-20', locationNote: '三楼机房' });
  const units = [await unit(gree.id, 'GL-1001'), await unit(midea.id, 'MD-2001')];
  const installation = await backend.ok('installations:create', { customerId: customer.id, unitIds: units.map((u) => u.id), appointmentOn: '2026-11-25' });
  await backend.ok('installations:accept', { id: installation.id, acceptedOn: '2026-11-28', acceptedBy: '张工' });
  return { gree, midea, epson, customer, units, installation };
}

beforeEach(async () => {
  backend = await openTestBackend(undefined, clock);
  await backend.ok('session:begin', { operator: '王芳' });
  await backend.ok('settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234', address: '浙江省杭州市拱墅区湖墅南路 186 号' });
});
afterEach(async () => {
  await backend.close();
});

describe('manual content', () => {
  it('is saved per model as structured documents with a table and a picture, each change a new version', async () => {
    const { gree } = await setUp();
    const picture = pngDataUrl(40, 30);
    const first = await backend.ok('manuals:save', { modelId: gree.id, body: { zh: { ...chapters('格力分体机由室内机和室外机组成。'), description: doc(para('组成'), { type: 'image', attrs: { src: picture, alt: '外形' } }) }, en: null } });
    expect(first.version).toBe(1);
    expect(first.createdBy).toBe('王芳');
    // The picture is stored once, in the database, and comes back as a picture the editor shows.
    expect(count('manual_images')).toBe(1);
    const image = first.body!.zh.description.content[1]!;
    expect(image.type === 'image' && image.attrs.src.startsWith('data:image/png;base64,')).toBe(true);
    const stored = backend.store.sqlite.prepare('select body from manual_content_versions').get() as { body: string };
    expect(stored.body).toContain('"src":"manual-image:');
    expect(stored.body).not.toContain('data:image');
    // Saving what is there adds no version; a change does.
    expect((await backend.ok('manuals:save', { modelId: gree.id, body: first.body! })).version).toBe(1);
    const second = await backend.ok('manuals:save', { modelId: gree.id, body: body('改过的说明。') });
    expect(second.version).toBe(2);
    expect(second.versions.map((v) => v.version)).toEqual([2, 1]);
    const old = await backend.ok('manuals:version', { versionId: first.versionId! });
    expect(JSON.stringify(old)).toContain('组成');
    const list = await backend.ok('manuals:contents', {});
    expect(list.map((c) => [c.modelLabel, c.version])).toEqual([['格力 KFR-35GW', 2]]);
  });

  it('refuses every bad input with its reason and stores nothing', async () => {
    const { gree } = await setUp();
    const before = () => [count('manual_contents'), count('manual_content_versions'), count('manual_images')];
    const save = (b: unknown) => backend.fails('manuals:save', { modelId: gree.id, body: b as ManualBody });
    const withImage = (src: string) => ({ zh: { ...chapters('x'), description: doc({ type: 'image', attrs: { src } }) }, en: null });
    // Not a picture: text dressed up as a PNG.
    const notImage = await save(withImage(`data:image/png;base64,${Buffer.from('hello, not a picture').toString('base64')}`));
    expect(notImage.details.message?.key).toBe('manuals.errors.imageNotImage');
    // A picture from elsewhere (a web address) is never fetched.
    expect((await save(withImage('https://example.com/a.png'))).details.message?.key).toBe('manuals.errors.imageNotImage');
    // Too many bytes: a picture with 5 MB more after its end.
    const padded = `${pngDataUrl(8, 8)}${Buffer.alloc(5 * 1024 * 1024).toString('base64')}`;
    expect(JSON.stringify((await backend.fails('manuals:image', { dataUrl: padded })).details)).toContain('manuals.errors.imageTooLarge');
    expect(JSON.stringify((await save(withImage(padded))).details)).toContain('manuals.errors.imageTooLarge');
    // A decompression bomb: a few bytes whose header says 30 000 × 30 000 pixels.
    const png = Buffer.from(pngDataUrl(1, 1).split(',')[1]!, 'base64');
    png.writeUInt32BE(30_000, 16);
    png.writeUInt32BE(30_000, 20);
    png.writeUInt32BE(crc32(png.subarray(12, 29)) >>> 0, 29);
    const bomb = await backend.fails('manuals:image', { dataUrl: `data:image/png;base64,${png.toString('base64')}` });
    expect(bomb.details.message?.key).toBe('manuals.errors.imageTooManyPixels');
    // A table wider than any page prints.
    const wide = await save({ zh: { ...chapters('x'), troubleshooting: doc(table([['1', '2', '3', '4', '5', '6', '7']])) }, en: null });
    expect(JSON.stringify(wide.details)).toContain('manuals.errors.tableTooWide');
    // Nodes the paper cannot print (HTML smuggled in, a code block) are not content.
    const html = await save({ zh: { ...chapters('x'), description: '<p>hello</p>' }, en: null });
    expect(html.code).toBe('VALIDATION');
    expect((await save({ zh: { ...chapters('x'), description: doc({ type: 'codeBlock', content: [text('rm -rf')] } as unknown as BlockNode) }, en: null })).code).toBe('VALIDATION');
    // Nothing written in Chinese.
    const empty = await save({ zh: { description: doc(), operation: doc({ type: 'paragraph' }), troubleshooting: doc() }, en: null });
    expect(empty.details.message?.key).toBe('manuals.errors.nothingWritten');
    // Neither a model nor a category, or both.
    expect(JSON.stringify((await backend.fails('manuals:save', { modelId: null, category: null, body: body('x') })).details)).toContain('manuals.errors.contentFor');
    expect(JSON.stringify((await backend.fails('manuals:save', { modelId: gree.id, category: '空调', body: body('x') })).details)).toContain('manuals.errors.contentFor');
    expect(before()).toEqual([0, 0, 0]);
    // A good picture next to a bad one: the good one is not kept either.
    const mixed = await save({ zh: { ...chapters('x'), description: doc({ type: 'image', attrs: { src: pngDataUrl(8, 8) } }, { type: 'image', attrs: { src: 'data:image/png;base64,AAAA' } }) }, en: null });
    expect(mixed.details.message?.key).toBe('manuals.errors.imageNotImage');
    expect(before()).toEqual([0, 0, 0]);
  });

  it('keeps the values set at installation on the unit, in order, and refuses one without a name', async () => {
    const { units } = await setUp();
    const saved = await backend.ok('manuals:saveUnitValues', { unitId: units[0]!.id, values: [{ label: '制冷设定温度', value: '26 °C', note: '用户要求' }, { label: '高压保护', value: '4.15 MPa', note: null }] });
    expect(saved.map((v) => v.label)).toEqual(['制冷设定温度', '高压保护']);
    const bad = await backend.fails('manuals:saveUnitValues', { unitId: units[0]!.id, values: [{ label: ' ', value: '1', note: null }] });
    expect(bad.code).toBe('VALIDATION');
    expect((await backend.ok('manuals:unitValues', { unitId: units[0]!.id })).length).toBe(2);
  });
});

describe('a site manual', () => {
  it('is assembled from a model’s content, its category’s, or says none was written; the desk is told first', async () => {
    const { gree, customer, units, installation } = await setUp();
    // 格力 has its own content; 美的 only its category's (空调); then a projector with none at all.
    await backend.ok('manuals:save', { modelId: gree.id, body: body('格力专用说明：室外机应离墙 30 cm。') });
    await backend.ok('manuals:save', { modelId: null, category: '空调', body: body('空调通用说明：每季度清洗过滤网。') });
    const check = await backend.ok('manuals:check', { installationId: installation.id });
    expect(check.versions.map((v) => [v.modelLabel, v.source, v.version])).toEqual([
      ['格力 KFR-35GW', 'model', 1],
      ['美的 KFR-26GW', 'category', 1],
    ]);
    expect(check.unwritten).toEqual([]);
    expect(check.noEnglish).toEqual(['格力 KFR-35GW', '美的 KFR-26GW']);
    await backend.ok('manuals:saveUnitValues', { unitId: units[0]!.id, values: [{ label: '制冷设定温度', value: '26 °C', note: null }] });
    await backend.ok('contracts:create', { customerId: customer.id, unitIds: [units[0]!.id], kind: 'paid', startsOn: '2026-12-01', endsOn: '2027-11-30', priceFen: 120_000, plan: [{ kind: 'inspection', repeat: 'quarter', from: '2026-12-01', to: '2027-11-30' }] });
    await backend.ok('checklists:create', { name: '空调巡检', category: '空调', items: [{ key: 'filter', text: '过滤网清洁', standard: '无积尘', answer: 'check', kinds: ['inspection'] }] });
    await backend.ok('parts:create', { partNumber: 'GL-FLT-35', name: '过滤网', fits: 'KFR-35GW', costFen: 1000, priceFen: 3000, quantity: 4 });

    const issued = await backend.ok('manuals:issue', { installationId: installation.id, paper: 'A4', language: 'zh-CN' });
    expect(issued.number).toMatch(/^SCH-2026-\d{6}$/);
    expect(issued.missingGlyphs).toEqual([]);
    const pages = pagesOf(await content(issued.id)).map(squeeze);
    const all = pages.join('');
    expect(all).toContain('格力专用说明');
    expect(all).toContain('空调通用说明');
    expect(all).toContain('制冷设定温度');
    expect(all).toContain('26°C');
    expect(all).toContain('过滤网清洁');
    expect(all).toContain('GL-FLT-35');
    expect(all).toContain('检漏后补充冷媒');
    // Running header from page 2: the manual's number and page x of y.
    expect(pages[2]).toContain(`维修保养手册${issued.number}`);
    expect(pages[2]).toContain(`第3/${pages.length}页`);

    // A third unit whose model has no content: its chapters say so, and the check says so first.
    const epson = (await backend.ok('models:list', {})).find((m) => m.model === 'CB-X51')!;
    const projector = await backend.ok('units:create', { customerId: customer.id, modelId: epson.id, serial: 'EP-3001', purchaseDate: '2026-11-20' });
    const second = await backend.ok('installations:create', { customerId: customer.id, unitIds: [projector.id], appointmentOn: '2026-11-26' });
    expect((await backend.ok('manuals:check', { installationId: second.id })).unwritten).toEqual(['爱普生 CB-X51']);
    const bare = pagesOf(await content((await backend.ok('manuals:issue', { installationId: second.id, paper: 'A5', language: 'zh-CN' })).id)).map(squeeze).join('');
    expect(bare).toContain('爱普生CB-X51的维修保养内容尚未编写');
    expect(bare).not.toContain('格力专用说明');
  });

  it('has a table of contents whose page numbers are the pages the chapters start on, on both papers in both languages', async () => {
    const { gree, installation } = await setUp();
    // Long enough to push chapters onto later pages: a long table breaks across pages and keeps every row.
    const rows = Array.from({ length: 120 }, (_, i) => [`故障${i + 1}`, `原因${i + 1}`, `处理${i + 1}`]);
    await backend.ok('manuals:save', {
      modelId: gree.id,
      body: { zh: chapters('说明', [table([['现象', '原因', '处理方法'], ...rows])]), en: { ...chapters('Description in English', [table([['Symptom', 'Cause', 'Remedy'], ...rows.map((r) => r.map((c) => c.replace('故障', 'Fault ').replace('原因', 'Cause ').replace('处理', 'Fix ')))])]) } },
    });
    for (const language of ['zh-CN', 'en'] as const) {
      for (const paper of ['A4', 'A5'] as const) {
        const issued = await backend.ok('manuals:issue', { installationId: installation.id, paper, language });
        const pdf = await content(issued.id);
        const pages = pagesOf(pdf);
        // Page 2 is the contents: each chapter line ends in its page number.
        const toc = pages[1]!.split('\n').map((l) => l.trim()).filter((l) => /\d+$/.test(l) && !/\/|of/.test(l));
        const chapterLines = toc.filter((l) => (language === 'zh-CN' ? /^第 ?\d+ ?章/.test(l) : /^\d+\s+[A-Z]/.test(l)));
        expect(chapterLines.length, `${language} ${paper}: ${toc.join(' | ')}`).toBe(8);
        for (const line of chapterLines) {
          const page = Number(/(\d+)$/.exec(line)![1]);
          const title = squeeze(line.replace(/[.\s·…]*\d+$/, ''));
          const top = squeeze(pages[page - 1]!.split('\n').slice(0, 4).join(''));
          expect(top, `${language} ${paper}: "${title}" on page ${page}`).toContain(title);
        }
        const all = squeeze(pages.join(''));
        for (const r of [1, 60, 120]) expect(all).toContain(language === 'zh-CN' ? `故障${r}原因${r}处理${r}` : `Fault${r}Cause${r}Fix${r}`);
        if (language === 'en') expect(all).toContain('DescriptioninEnglish');
        // Nothing a customer reads is under 8 pt.
        expect(smallestType(await readPdf(pdf)).size).toBeGreaterThanOrEqual(MIN_PT);
      }
    }
  });

  it('prints exactly the same again after its content is edited, and a new one prints the new version', async () => {
    const { gree, midea, installation, units } = await setUp();
    await backend.ok('manuals:save', { modelId: gree.id, body: body('第一版说明。') });
    await backend.ok('manuals:save', { modelId: midea.id, body: body('美的说明。') });
    const first = await backend.ok('manuals:issue', { installationId: installation.id, paper: 'A5', language: 'zh-CN' });
    await backend.ok('manuals:save', { modelId: gree.id, body: body('第二版说明。') });
    await backend.ok('manuals:saveUnitValues', { unitId: units[0]!.id, values: [{ label: '风速', value: '高', note: null }] });
    const again = await backend.ok('manuals:reprint', { issueId: first.issueId });
    expect(again).toEqual({ documentId: first.id, identical: true });
    const old = squeeze(pagesOf(await content(first.id)).join(''));
    expect(old).toContain('第一版说明');
    expect(old).not.toContain('第二版说明');
    const second = await backend.ok('manuals:issue', { installationId: installation.id, paper: 'A5', language: 'zh-CN' });
    expect(squeeze(pagesOf(await content(second.id)).join(''))).toContain('第二版说明');
    const issued = await backend.ok('manuals:issued', { unitId: units[1]!.id });
    expect(issued.map((i) => [i.number, i.versions.find((v) => v.modelLabel === '格力 KFR-35GW')?.version])).toEqual([
      [second.number, 2],
      [first.number, 1],
    ]);
    expect((await backend.ok('manuals:issued', { customerId: installation.customerId })).length).toBe(2);
  });

  it('names the characters the font lacks before printing', async () => {
    const { gree, midea, installation } = await setUp();
    await backend.ok('manuals:save', { modelId: gree.id, body: body('象形文字 𓀀 无字形。') });
    await backend.ok('manuals:save', { modelId: midea.id, body: body('正常。') });
    const check = await backend.ok('manuals:check', { installationId: installation.id });
    expect(check.missingGlyphs).toEqual(['𓀀']);
    const issued = await backend.ok('manuals:issue', { installationId: installation.id, paper: 'A4', language: 'zh-CN' });
    expect(issued.missingGlyphs).toEqual(['𓀀']);
  });

  it('is refused for an installation with no such id, and for a unit that does not exist', async () => {
    expect((await backend.fails('manuals:issue', { installationId: 999, paper: 'A4', language: 'zh-CN' })).code).toBe('NOT_FOUND');
    expect((await backend.fails('manuals:unitValues', { unitId: 999 })).code).toBe('NOT_FOUND');
    expect((await backend.fails('manuals:reprint', { issueId: 999 })).code).toBe('NOT_FOUND');
    expect(count('documents')).toBe(0);
  });
});
