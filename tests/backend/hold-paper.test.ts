import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/backend';
import { pngDataUrl } from '../support/png';
import { person, seedModel } from '../support/sample';

/* "Hold the line": the logo on every paper (issue 11, point 8). */

let backend: TestBackend;
let unitId: number;
const company = { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234' };

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

const storedLogo = () => (backend.store.sqlite.prepare("select value from settings where key = 'logo'").get() as { value: string } | undefined)?.value ?? null;

describe('the logo', () => {
  it('is refused when it is not a picture the PDF library can read, and nothing is stored', async () => {
    const broken = `data:image/png;base64,${Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]).toString('base64')}`;
    const error = await backend.fails('settings:update', { logo: broken });
    expect(error.details.message?.key).toBe('validation.logoUnreadable');
    expect(storedLogo()).toBeNull();
  });

  it('is refused when a small file decodes to a huge picture', async () => {
    const huge = await sharp({ create: { width: 6500, height: 6500, channels: 3, background: '#ffffff' } }).png({ compressionLevel: 9 }).toBuffer();
    expect(huge.length).toBeLessThan(300_000);
    const error = await backend.fails('settings:update', { logo: `data:image/png;base64,${huge.toString('base64')}` });
    expect(error.details.message).toMatchObject({ key: 'validation.logoTooManyPixels', params: { width: 6500, height: 6500 } });
  });

  it('is kept at the size a letterhead prints it', async () => {
    await backend.ok('settings:update', { logo: pngDataUrl(3000, 1000) });
    const kept = JSON.parse(storedLogo()!) as string;
    const meta = await sharp(Buffer.from(kept.slice(kept.indexOf(',') + 1), 'base64')).metadata();
    expect(meta.width).toBeLessThanOrEqual(1200);
    expect(meta.height).toBeLessThanOrEqual(480);
  });

  it('stored unreadable by an older version, is left off the paper with a warning, and the paper still prints', async () => {
    const broken = `data:image/jpeg;base64,${Buffer.alloc(300, 9).toString('base64')}`;
    backend.store.sqlite.prepare("insert into settings (key, value) values ('logo', ?)").run(JSON.stringify(broken));
    const card = await backend.ok('documents:warrantyCard', { unitId, paper: 'A4', language: 'zh-CN' });
    expect(card.number).toMatch(/^BXK-/);
    expect(backend.logger.lines.some((l) => l.level === 'warn' && /logo/.test(l.message))).toBe(true);
  });
});

describe('paper that would lose text (point 7)', () => {
  const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  /** Words whose box reaches past the page's right edge: text that ran off the paper. */
  const offPage = (file: string) => {
    const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    const pages = [...html.matchAll(/<page width="([\d.]+)"[\s\S]*?<\/page>/g)];
    return pages.flatMap(([page, width]) => [...page.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)</g)].filter((w) => Number(w[1]) > Number(width) - 10).map((w) => w[2]));
  };
  const url = `https://service.example.com/manuals/${'x'.repeat(20)}/${'KFR35GW'.repeat(12)}/troubleshooting-guide.pdf`;
  const fault = `${'空调开机后室外机不转，室内机显示E1故障代码，客户说明已经持续三天，期间断电重启过两次仍然不行。'.repeat(44)}终点标记`;

  it('prints every word of a fault as long as the form allows, and a long unbroken token whole, on every paper', async () => {
    const customer = await backend.ok('customers:create', person({ name: '李四', phones: [{ phone: '13900001111' }] }));
    const ticket = await backend.ok('tickets:create', {
      source: 'phone',
      customerId: customer.id,
      unitId: null,
      unregisteredUnit: { brand: '格力', model: 'KFR-35GW', serial: null },
      faultReported: fault.slice(-2000),
      faultCategory: 'notCooling',
      severity: 'ordinary',
      intakeCondition: url,
      siteAddress: url,
    });
    for (const paper of ['A4', 'A5', 'C241'] as const) {
      const papers = [
        ...(paper === 'C241' ? [] : [await backend.ok('documents:dispatchOrder', { ticketId: ticket.id, paper, language: 'zh-CN' })]),
        await backend.ok('documents:repairReceipt', { ticketId: ticket.id, copy: 'intake', paper, language: 'zh-CN' }),
      ];
      for (const doc of papers) {
        const printed = text(join(backend.dir, 'documents', doc.fileName));
        expect(printed, `${doc.number} ${paper}`).toContain('终点标记');
        expect(printed, `${doc.number} ${paper}`).toContain(url);
        expect(offPage(join(backend.dir, 'documents', doc.fileName)), `${doc.number} ${paper}`).toEqual([]);
      }
    }
  });
});
