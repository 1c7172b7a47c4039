import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { TestBackend } from '../support/backend';
import { readPdf } from '../support/pdf-read';
import { pngDataUrl } from '../support/png';
import { AIRCON_POLICY } from '../support/sample';
import { addDays, todayIso } from '../../shared/domain/dates';
import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

/*
 * Issue 16's maintenance manual as the desk makes it: content for a model written in the editor
 * with a table and a picture, the manual of a two-unit site issued (warned first that the other
 * model has no content) and previewed, the content edited afterwards, and the issued manual
 * reprinted exactly: the old version, byte for byte.
 */

async function seed(backend: TestBackend) {
  await backend.ok('settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234' });
  const policy = await backend.ok('policies:create', AIRCON_POLICY);
  const gree = await backend.ok('models:create', { brand: '格力', model: 'KFR-35GW', category: '空调', policyId: policy.id });
  const midea = await backend.ok('models:create', { brand: '美的', model: 'KFR-26GW', category: '分体空调', policyId: policy.id });
  const customer = await backend.ok('customers:create', { kind: 'organisation', name: '杭州市余杭区良渚第二小学', phones: [{ phone: '0571-88776655' }], addresses: [{ address: '浙江省杭州市余杭区古墩路 1888 号', isDefault: true }] });
  const bought = addDays(todayIso(), -20);
  const units = [
    await backend.ok('units:create', { customerId: customer.id, modelId: gree.id, serial: 'GL35A0001', purchaseDate: bought, locationNote: '301 会议室' }),
    await backend.ok('units:create', { customerId: customer.id, modelId: midea.id, serial: 'MD26W0002', purchaseDate: bought, locationNote: '302 办公室' }),
  ];
  const job = await backend.ok('installations:create', { customerId: customer.id, unitIds: units.map((u) => u.id), appointmentOn: addDays(todayIso(), -5) });
  await backend.ok('installations:accept', { id: job.id, acceptedOn: addDays(todayIso(), -2), acceptedBy: '陈主任' });
  return { gree, job, units };
}

/** WCAG 2.1 AA on the main area: serious and critical findings. */
async function axeOn(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
}

async function pdfText(backend: TestBackend, id: number): Promise<string> {
  const { base64 } = await backend.ok('documents:content', { id });
  return (await readPdf(Buffer.from(base64, 'base64'))).map((p) => p.text).join('\n');
}

async function previewed(desk: Page) {
  const preview = desk.getByRole('dialog', { name: /维修保养手册|Maintenance manual/ });
  await expect(preview.getByTestId('pdf-pages')).toHaveAttribute('data-rendered-pages', /^[1-9]/, { timeout: 60_000 });
  await preview.locator('.mantine-Modal-body').getByRole('button', { name: /关闭|Close/ }).click();
  await expect(preview).toBeHidden();
}

/** Types into the open chapter's editor, at its end. */
async function typeInEditor(desk: Page, text: string) {
  const editor = desk.getByTestId('manual-editor');
  await editor.click();
  await desk.keyboard.press('Control+End');
  await desk.keyboard.type(text);
}

test('content with a table and a picture, a two-unit site’s manual issued and previewed, reprinted exactly after an edit', async ({ desk, backend }, testInfo) => {
  test.setTimeout(240_000);
  const problems = watchPage(desk);
  const { gree, job, units } = await seed(backend);

  // The content for 格力 KFR-35GW, written in the editor.
  await desk.goto('/#/manuals');
  await desk.getByTestId('pick-model').click();
  await desk.getByRole('option', { name: '格力 KFR-35GW' }).click();
  await expect(desk.getByTestId('content-version')).toHaveText('尚未编写');
  await typeInEditor(desk, '第一版：室外机背面离墙不少于 30 cm。');
  await desk.keyboard.press('Enter');
  await desk.getByTestId('insert-table').click();
  await desk.keyboard.type('安装位置');
  await desk.keyboard.press('Tab');
  await desk.keyboard.type('最小距离');
  await desk.getByTestId('add-row').click();
  await expect(desk.getByTestId('manual-editor').locator('table tr')).toHaveCount(4);
  await desk.getByTestId('image-file').setInputFiles({ name: '管路图.png', mimeType: 'image/png', buffer: Buffer.from(pngDataUrl(120, 80).split(',')[1]!, 'base64') });
  await expect(desk.getByTestId('manual-editor').locator('img')).toHaveCount(1);
  // Not a picture: refused with the reason, nothing inserted.
  await desk.getByTestId('image-file').setInputFiles({ name: '说明.png', mimeType: 'image/png', buffer: Buffer.from('not a picture') });
  await expect(desk.getByText('这不是 PNG 或 JPEG 图片，不能加入手册。')).toBeVisible();
  await expect(desk.getByTestId('manual-editor').locator('img')).toHaveCount(1);
  await screenshot(desk, testInfo, 'manual-editor-zh', true);
  expect(await axeOn(desk)).toEqual([]);
  await desk.getByTestId('save-content').click();
  await expect(desk.getByTestId('content-version')).toContainText('第 1 版');
  const saved = await backend.ok('manuals:content', { modelId: gree.id });
  // The picture went where the cursor was: in the table's cell.
  const description = JSON.stringify(saved.body!.zh.description);
  for (const node of ['"paragraph"', '"table"', '"tableHeader"', '"image"']) expect(description).toContain(node);
  // No English was written: none is saved (an English manual prints the Chinese, and says so).
  expect(saved.body!.en).toBeNull();

  // The site's manual: the other model has no content, and the desk is told before issuing.
  await desk.goto(`/#/installations/${job.id}`);
  await expect(desk.getByTestId('manual-unwritten')).toContainText('美的 KFR-26GW');
  await desk.getByTestId('issue-manual').click();
  await previewed(desk);
  const [first] = await backend.ok('manuals:issued', { installationId: job.id });
  expect(first!.versions.map((v) => [v.modelLabel, v.version])).toEqual([
    ['格力 KFR-35GW', 1],
    ['美的 KFR-26GW', null],
  ]);
  const firstText = await pdfText(backend, first!.documentId);
  expect(firstText).toContain('第一版');
  expect(firstText).toContain('尚未编写');
  await desk.getByTestId('installation-manual').scrollIntoViewIfNeeded();
  await screenshot(desk, testInfo, 'manual-installation-zh', true);
  expect(await axeOn(desk)).toEqual([]);

  // The content edited after issuing: a second version.
  await desk.goto('/#/manuals');
  await desk.getByTestId('contents-table').getByText('格力 KFR-35GW').click();
  await expect(desk.getByTestId('content-version')).toContainText('第 1 版');
  await typeInEditor(desk, '第二版补充：每季度清洗过滤网。');
  await desk.getByTestId('save-content').click();
  await expect(desk.getByTestId('content-version')).toContainText('第 2 版');

  // The manual already issued is reprinted exactly: still the first version.
  await desk.goto(`/#/installations/${job.id}`);
  await desk.getByTestId(`reprint-manual-${first!.number}`).click();
  await expect(desk.getByText('重印与存档件一致')).toBeVisible();
  await previewed(desk);
  const again = await pdfText(backend, first!.documentId);
  expect(again).toContain('第一版');
  expect(again).not.toContain('第二版');

  // The unit's page: the values set at commissioning, kept for the next manual; the manual it got.
  await desk.goto(`/#/units/${units[0]!.id}`);
  const values = desk.getByTestId('unit-set-values');
  await values.getByTestId('add-set-value').click();
  await values.getByRole('textbox', { name: '项目' }).fill('制冷设定温度');
  await values.getByRole('textbox', { name: '设定值' }).fill('26 °C');
  await values.getByTestId('save-set-values').click();
  await expect.poll(async () => (await backend.ok('manuals:unitValues', { unitId: units[0]!.id })).map((v) => `${v.label} ${v.value}`)).toEqual(['制冷设定温度 26 °C']);
  await expect(desk.getByTestId('issued-manuals')).toContainText(first!.number);
  await desk.getByTestId('unit-set-values').scrollIntoViewIfNeeded();
  await screenshot(desk, testInfo, 'manual-unit-zh', true);
  expect(await axeOn(desk)).toEqual([]);

  // The same screens in English.
  await backend.ok('settings:update', { language: 'en' });
  await desk.goto(`/#/installations/${job.id}`);
  await desk.reload();
  await expect(desk.getByTestId('installation-manual')).toContainText('Maintenance manual');
  await desk.getByTestId('installation-manual').scrollIntoViewIfNeeded();
  await screenshot(desk, testInfo, 'manual-installation-en', true);
  await desk.goto('/#/manuals');
  await desk.getByTestId('contents-table').getByText('格力 KFR-35GW').click();
  await expect(desk.getByTestId('content-version')).toContainText('Version 2');
  await screenshot(desk, testInfo, 'manual-editor-en', true);
  expect(await axeOn(desk)).toEqual([]);
  expect(problems).toEqual([]);
});
