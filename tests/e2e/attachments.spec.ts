import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import sharp from 'sharp';
import { openTestBackend } from '../support/backend';
import { person, seedModel } from '../support/sample';
import { tempDataDir } from '../support/temp';
import { bridge, expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

/** A real photo of a fault (a gradient a camera could have taken), so a thumbnail is drawn. */
async function photo(): Promise<Buffer> {
  const width = 400;
  const height = 300;
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    raw[i * 3] = (i % width) % 256;
    raw[i * 3 + 1] = Math.floor(i / width) % 256;
    raw[i * 3 + 2] = 90;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();
}

/** WCAG 2.1 AA on the panel (and, when open, the dialog around it): serious and critical findings. */
async function axeOn(page: Page, selector: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
}

/** Drops a file on the panel as Explorer would: a drag over it, then the drop with the file. */
async function dropFile(page: Page, target: Locator, name: string, bytes: Buffer, type: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, base64, type }) => {
      const binary = atob(base64);
      const array = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) array[i] = binary.charCodeAt(i);
      const transfer = new DataTransfer();
      transfer.items.add(new File([array], name, { type }));
      return transfer;
    },
    { name, base64: bytes.toString('base64'), type },
  );
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

test('a photo dropped on a ticket, a PDF from the file dialog, a refused file named, and the photo still there after a restart', async ({ desk, backend, context }, testInfo) => {
  const problems = watchPage(desk);
  const customer = await backend.ok('customers:create', person({ name: '王小明' }));
  const model = await seedModel(backend);
  const unit = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'GL2026A0001', purchaseDate: '2026-03-01' });
  const ticket = await backend.ok('tickets:create', { customerId: customer.id, unitId: unit.id, faultReported: '外机漏水', faultCategory: 'leak' });

  await desk.goto(`/#/tickets/${ticket.id}`);
  const panel = desk.getByTestId('attachments');
  await expect(panel.getByText('还没有附件')).toBeVisible();

  // A photo of the fault dropped from the desktop.
  const bytes = await photo();
  await dropFile(desk, panel, '外机漏水.jpg', bytes, 'image/jpeg');
  const rows = panel.getByTestId('attachment-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByText('外机漏水.jpg')).toBeVisible();
  await expect(rows.first().locator('img')).toHaveAttribute('src', /^data:image\/webp;base64,/);

  // A PDF chosen in the system's file dialog (the test's platform answers for it).
  const outside = tempDataDir('e2e-attach-source');
  const pdf = join(outside, '报价单.pdf');
  writeFileSync(pdf, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  backend.platform.openAnswer = pdf;
  await panel.getByRole('button', { name: '添加文件' }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1).getByText('报价单.pdf')).toBeVisible();

  // A program renamed as a photo: refused, named, nothing added.
  await dropFile(desk, panel, 'setup.jpg', Buffer.from('MZ\x90\x00 not a photo'), 'image/jpeg');
  await expect(desk.getByText('不能添加“setup.jpg”：只接受 JPG, JPEG, PNG, WEBP, HEIC, HEIF, PDF, DWG 文件（按文件内容判断，不看扩展名）')).toBeVisible();
  await expect(rows).toHaveCount(2);

  // Opened in the system's viewer: the desk's own copy in the data folder.
  await rows.first().getByRole('button', { name: '打开' }).click();
  await expect.poll(() => backend.platform.opened.length).toBe(1);
  expect(backend.platform.opened[0]!.startsWith(join(backend.dir, 'attachments'))).toBe(true);
  await screenshot(desk, testInfo, 'attachments-ticket-zh', true);
  expect(await axeOn(desk, '[data-testid="attachments"]')).toEqual([]);

  await backend.ok('settings:update', { language: 'en' });
  await desk.reload();
  await expect(panel.getByRole('button', { name: 'Add file' })).toBeVisible();
  await screenshot(desk, testInfo, 'attachments-ticket-en', true);
  await backend.ok('settings:update', { language: 'zh-CN' });
  expect(problems).toEqual([]);

  // A restart: a new backend on the same data folder, a new window.
  await backend.close();
  const reopened = await openTestBackend(backend.dir);
  try {
    const page = await context.newPage();
    await bridge(page, reopened);
    await reopened.ok('session:begin', { operator: '王芳' });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`/#/tickets/${ticket.id}`);
    const again = page.getByTestId('attachments').getByTestId('attachment-row');
    // A new backend and window on a loaded two-core machine: more than the default five seconds.
    await expect(again).toHaveCount(2, { timeout: 20_000 });
    await expect(again.first().getByText('外机漏水.jpg')).toBeVisible();
    await expect(again.first().locator('img')).toHaveAttribute('src', /^data:image\/webp;base64,/);
    await expect(page.getByTestId('attachments').getByText('文件缺失')).toHaveCount(0);
  } finally {
    await reopened.close();
  }
});

test('a file gone from the data folder is shown as missing, and deleting it asks for the admin PIN', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  const customer = await backend.ok('customers:create', person({ name: '李四' }));
  const item = await backend.ok('attachments:add', { record: { type: 'customer', id: customer.id }, name: '合同扫描.pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') });
  await backend.ok('session:setPin', { next: '2580' });
  await backend.ok('session:lock', {});
  const file = join(backend.dir, 'attachments', 'files', item.hash.slice(0, 2), `${item.hash}.pdf`);
  chmodSync(file, 0o644);
  rmSync(file);

  await desk.goto(`/#/customers/${customer.id}`);
  const panel = desk.getByTestId('attachments');
  const row = panel.getByTestId('attachment-row');
  await expect(row.getByText('文件缺失')).toBeVisible();
  await expect(row.getByRole('button', { name: '打开' })).toBeDisabled();
  await panel.scrollIntoViewIfNeeded();
  await screenshot(desk, testInfo, 'attachments-missing-zh', true);
  expect(await axeOn(desk, '[data-testid="attachments"]')).toEqual([]);

  await row.getByRole('button', { name: '删除' }).click();
  const confirm = desk.getByRole('dialog', { name: '删除附件' });
  await confirm.getByRole('button', { name: '删除' }).click();
  const prompt = desk.getByRole('dialog', { name: '输入管理员密码' });
  await expect(prompt.getByLabel('管理员密码').first()).toBeFocused();
  await desk.keyboard.type('2580');
  await desk.keyboard.press('Enter');
  await expect(prompt).toBeHidden();
  await expect(desk.getByText('已删除“合同扫描.pdf”')).toBeVisible();
  await expect(panel.getByText('还没有附件')).toBeVisible();
  const [logged] = (await backend.ok('audit:list', { channel: 'attachments:delete' })).items;
  expect(logged).toMatchObject({ elevated: true, operator: '王芳' });
  expect(problems).toEqual([]);
});

test('the same panel on a unit and beside an archived document (a scanned signed copy), in both languages', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await backend.ok('settings:update', { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234', complaintLine: '0571-88886666' });
  const customer = await backend.ok('customers:create', person({ name: '王小明' }));
  const model = await seedModel(backend);
  const unit = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'GL2026A0001', purchaseDate: '2026-03-01', acceptanceDate: '2026-03-05' });
  const card = await backend.ok('documents:warrantyCard', { unitId: unit.id, paper: 'A4', language: 'zh-CN' });
  await backend.ok('attachments:add', { record: { type: 'unit', id: unit.id }, name: '铭牌.jpg', data: (await photo()).toString('base64') });

  for (const lang of ['zh', 'en'] as const) {
    if (lang === 'en') await backend.ok('settings:update', { language: 'en' });
    await desk.goto(`/#/units/${unit.id}`);
    await desk.reload();
    const panel = desk.getByTestId('attachments');
    await expect(panel.getByTestId('attachment-row').locator('img')).toBeVisible();
    await screenshot(desk, testInfo, `attachments-unit-${lang}`, true);

    await desk.goto('/#/documents');
    const row = desk.getByTestId('documents-table').getByRole('row').filter({ hasText: card.number });
    await row.getByRole('button', { name: lang === 'zh' ? '附件' : 'Attachments', exact: true }).click();
    const dialog = desk.getByRole('dialog');
    if (lang === 'zh') {
      await dropFile(desk, dialog.getByTestId('attachments'), '保修卡回执-签字.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'), 'application/pdf');
    }
    await expect(dialog.getByTestId('attachment-row')).toHaveCount(1);
    await expect(dialog.getByText('保修卡回执-签字.pdf')).toBeVisible();
    await screenshot(desk, testInfo, `attachments-document-${lang}`, true);
    expect(await axeOn(desk, '[role="dialog"]')).toEqual([]);
    await desk.keyboard.press('Escape');
  }
  expect((await backend.ok('attachments:list', { record: { type: 'document', id: card.id } })).map((a) => a.name)).toEqual(['保修卡回执-签字.pdf']);
  expect(problems).toEqual([]);
});
