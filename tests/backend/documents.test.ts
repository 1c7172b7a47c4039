import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person, seedModel } from '../support/sample';

let backend: TestBackend;
let unitId: number;
const company = { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234', complaintLine: '0571-88886666' };

beforeEach(async () => {
  backend = await openTestBackend(undefined, () => new Date('2026-11-22T09:30:00+08:00'));
  const customer = await backend.ok('customers:create', person({ name: '张三丰', addresses: [{ address: '浙江省杭州市西湖区文三路 90 号' }] }));
  const model = await seedModel(backend);
  const unit = await backend.ok('units:create', {
    customerId: customer.id,
    modelId: model.id,
    serial: 'GL2026A0001',
    purchaseDate: '2026-03-01',
    acceptanceDate: '2026-03-05',
    invoiceNumber: 'FP-0001',
  });
  unitId = unit.id;
});
afterEach(async () => {
  await backend.close();
});

const rows = (table: string) => (backend.store.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const archiveFiles = () => {
  const root = join(backend.dir, 'documents');
  return existsSync(root) ? readdirSync(root, { recursive: true }).filter((f) => String(f).endsWith('.pdf')) : [];
};

describe('warranty card documents', () => {
  it('refuses to print before the company is set up, and writes nothing', async () => {
    const error = await backend.fails('documents:warrantyCard', { unitId, paper: 'A4', language: 'zh-CN' });
    expect(error.code).toBe('VALIDATION');
    expect(error.details.message).toEqual({ key: 'errors.companySettingsMissing' });
    expect(rows('documents')).toBe(0);
    expect(rows('sequences')).toBe(0);
    expect(archiveFiles()).toEqual([]);
  });

  it('archives each card with the next number of its kind, its hash and file', async () => {
    await backend.ok('settings:update', company);
    const first = await backend.ok('documents:warrantyCard', { unitId, paper: 'A4', language: 'zh-CN' });
    const second = await backend.ok('documents:warrantyCard', { unitId, paper: 'A5', language: 'en' });
    expect(first.number).toBe('BXK-2026-000001');
    expect(second.number).toBe('BXK-2026-000002');
    expect(first).toMatchObject({ kind: 'warrantyCard', recordType: 'unit', recordId: unitId, paper: 'A4', language: 'zh-CN', missingGlyphs: [] });
    const file = join(backend.dir, 'documents', first.fileName);
    const bytes = readFileSync(file);
    expect(first.size).toBe(bytes.length);
    expect(first.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const { base64 } = await backend.ok('documents:content', { id: first.id });
    expect(Buffer.from(base64, 'base64').equals(bytes)).toBe(true);
    const listed = await backend.ok('documents:list', { recordType: 'unit', recordId: unitId });
    expect(listed.map((d) => d.number)).toEqual(['BXK-2026-000002', 'BXK-2026-000001']);
  });

  it('prints the card the reader can read: Chinese text, the number, fonts embedded', async () => {
    await backend.ok('settings:update', company);
    const card = await backend.ok('documents:warrantyCard', { unitId, paper: 'A4', language: 'zh-CN' });
    const file = join(backend.dir, 'documents', card.fileName);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const expected of ['保修卡', 'GL2026A0001', '张三丰', card.number, '2027-03-05', company.companyName]) expect(text).toContain(expected);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+$/); // embedded, subset
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+2\n/); // one sheet, both sides

    const printed = await backend.ok('documents:print', { id: card.id });
    expect(printed.printer).toBe('tray');
    expect(backend.platform.printed).toHaveLength(1);
    expect(readFileSync(backend.platform.printed[0]!.copy).equals(readFileSync(file))).toBe(true);
    expect(backend.platform.printed[0]!.paper).toBe('A4');
  });

  it('saves a copy only where the save dialog says, and nothing when cancelled', async () => {
    await backend.ok('settings:update', company);
    const card = await backend.ok('documents:warrantyCard', { unitId, paper: 'A5', language: 'zh-CN' });
    expect(await backend.ok('documents:saveAs', { id: card.id })).toEqual({ savedTo: null });
    backend.platform.saveAnswer = join(backend.dir, 'copy.pdf');
    expect(await backend.ok('documents:saveAs', { id: card.id })).toEqual({ savedTo: backend.platform.saveAnswer });
    expect(existsSync(backend.platform.saveAnswer)).toBe(true);
    await backend.ok('documents:showInFolder', { id: card.id });
    expect(backend.platform.shown).toEqual([join(backend.dir, 'documents', card.fileName)]);
  });

  it('answers NOT_FOUND for an unknown unit or document, and keeps the sequence unused', async () => {
    await backend.ok('settings:update', company);
    expect((await backend.fails('documents:warrantyCard', { unitId: 999, paper: 'A4', language: 'zh-CN' })).code).toBe('NOT_FOUND');
    expect((await backend.fails('documents:content', { id: 999 })).code).toBe('NOT_FOUND');
    expect((await backend.fails('documents:warrantyCard', { unitId, paper: 'Letter', language: 'zh-CN' })).code).toBe('VALIDATION');
    expect(rows('sequences')).toBe(0);
  });

  it('prints the promises of the desk’s default service level and its card settings, and a change in either changes the next card', async () => {
    const text = async () => {
      const card = await backend.ok('documents:warrantyCard', { unitId, paper: 'A4', language: 'zh-CN' });
      return execFileSync('pdftotext', ['-raw', join(backend.dir, 'documents', card.fileName), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    };
    await backend.ok('settings:update', company);
    const before = await text();
    for (const line of ['7×24小时受理报修', '接到报修后30分钟内响应', '市区2小时、郊县12小时、其他地区24小时内到达现场', '48小时内提供不低于原设备规格的备用机', '请于2026-04-01前寄回']) {
      expect(before).toContain(line);
    }
    expect(before).not.toContain('定期服务');
    expect(before).not.toContain('保修负责部门');

    // Bad input is refused with a message for the field, and nothing is saved.
    const bad = await backend.fails('settings:update', { hotlineHours: { days: 'everyDay', from: '20:00', to: '08:00' }, returnSlip: { months: 1, address: null } });
    expect(bad.code).toBe('VALIDATION');
    expect(bad.details.fields).toHaveProperty(['hotlineHours.to']);
    expect((await backend.ok('settings:get', {})).hotlineHours).toEqual({ days: 'everyDay', from: '00:00', to: '24:00' });

    await backend.ok('settings:update', {
      hotlineHours: { days: 'everyDay', from: '08:00', to: '24:00' },
      serviceContact: { department: '客户服务部', person: '王敏', phone: '0571-88881234' },
      returnSlip: { months: 2, address: '杭州市拱墅区湖墅南路 186 号' },
      scheduledService: { callback: { every: 1, unit: 'months' }, inspection: { every: 3, unit: 'months' }, maintenance: { every: 12, unit: 'months' } },
    });
    const basic = (await backend.ok('serviceLevels:list', {})).find((l) => l.name === '基础服务')!;
    await backend.ok('serviceLevels:update', { id: basic.id, name: basic.name, isDefault: true, terms: basic.terms });
    const after = await text();
    for (const line of [
      '每天08:00–24:00受理报修',
      '接到报修后1小时内响应',
      '市区4小时、郊县、其他地区1个工作日内到达现场',
      '定期服务：每月电话回访一次；每季度上门巡检维护一次；每年全面保养一次。',
      '保修负责部门客户服务部',
      '请于2026-05-01前寄回',
      '杭州市拱墅区湖墅南路186号',
    ]) {
      expect(after).toContain(line);
    }
    expect(after).not.toContain('7×24');
  });

  it('removes the file when the archive row cannot be written, and never hands its number out again', async () => {
    await backend.ok('settings:update', company);
    // A trigger makes the final insert fail after the number was taken and the file written.
    backend.store.sqlite.exec("create temp trigger refuse before insert on documents begin select raise(abort, 'disk says no'); end");
    const error = await backend.fails('documents:warrantyCard', { unitId, paper: 'A4', language: 'zh-CN' });
    expect(error.code).toBe('INTERNAL');
    expect(JSON.stringify(error)).not.toContain('disk says no');
    expect(rows('documents')).toBe(0);
    expect(archiveFiles()).toEqual([]);
    // The number was committed before the paper was drawn: it is skipped, never reused.
    backend.store.sqlite.exec('drop trigger temp.refuse');
    const next = await backend.ok('documents:warrantyCard', { unitId, paper: 'A4', language: 'zh-CN' });
    expect(next.number).toBe('BXK-2026-000002');
    expect(backend.logger.lines.some((l) => l.level === 'error')).toBe(true);
  });
});
