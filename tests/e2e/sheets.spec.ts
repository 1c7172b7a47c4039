import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { seedModel } from '../support/sample';
import type { TestBackend } from '../support/backend';
import { expect, test } from './fixtures';
import { watchPage } from './page-helpers';

/*
 * Issue 24 on screen: a GBK CSV and an .xls with merged headers and phones stored as numbers,
 * both written by LibreOffice, opened through the import. The screenshots go where the
 * closing note picks them up (E2E_SHEETS_SHOTS), and to the run's output.
 */

const FIXTURES = join(__dirname, '..', 'fixtures', 'sheets');
const SHOTS = process.env.E2E_SHEETS_SHOTS ?? join(process.cwd(), '.test-output', 'screenshots');

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function offer(backend: TestBackend, fixture: string, language: 'zh-CN' | 'en' = 'zh-CN'): Promise<void> {
  await backend.ok('settings:update', { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234', language });
  await seedModel(backend);
  const file = join(backend.dir, fixture);
  copyFileSync(join(FIXTURES, fixture), file);
  backend.platform.openAnswer = file;
}

test.use({ viewport: { width: 1366, height: 768 } });

test('a GBK CSV: encoding detected and shown, changed to UTF-8 and back, then checked', async ({ desk, backend }) => {
  const problems = watchPage(desk);
  await offer(backend, 'customers-gbk.csv');
  await desk.goto('/#/import');
  await desk.reload();
  await expect(desk.getByRole('button', { name: '下载导入模板' })).toBeVisible();
  await desk.getByRole('button', { name: '选择表格文件…' }).click();

  const source = desk.getByTestId('import-source');
  await expect(source).toContainText('格式：CSV / 文本文件 · 逗号分隔');
  await expect(source).toContainText('自动识别为 GBK / GB18030（简体中文）');
  await expect(desk.getByRole('textbox', { name: '文字编码' }).or(desk.getByRole('combobox', { name: '文字编码' }))).toHaveValue('GBK / GB18030（简体中文）');
  await expect(desk.getByTestId('sheet-sample')).toContainText('吉𠮷');
  await expect(desk.getByRole('combobox', { name: '客户名称', exact: true })).toHaveValue('A 列 · 客户名称');
  await shot(desk, 'gbk-csv-mapping-zh');

  // Read as UTF-8 the same bytes are garbage: the clerk sees it in the sample and goes back.
  await desk.getByRole('combobox', { name: '文字编码' }).click();
  await desk.getByRole('option', { name: 'UTF-8' }).click();
  await expect(source).toContainText('按 UTF-8 读取（自动识别为 GBK / GB18030（简体中文））');
  await expect(desk.getByTestId('sheet-sample')).not.toContainText('吉𠮷');
  await shot(desk, 'gbk-csv-read-as-utf8-zh');
  await desk.getByRole('combobox', { name: '文字编码' }).click();
  await desk.getByRole('option', { name: 'GBK / GB18030（简体中文）' }).click();
  await expect(desk.getByTestId('sheet-sample')).toContainText('吉𠮷');

  await desk.getByRole('button', { name: '核对导入结果' }).click();
  // Two of its models are new and the CSV names no category: their policy is chosen once.
  await desk.getByRole('combobox', { name: '类别“（未填类别）”的保修政策' }).click();
  await desk.getByRole('option', { name: '家用空调标准保修' }).click();
  await expect(desk.getByTestId('count-ok').locator('[data-value]')).toHaveText('10');
  await expect(desk.getByTestId('import-preview-rows')).toContainText('吉𠮷');
  await shot(desk, 'gbk-csv-preview-zh');
  expect(problems).toEqual([]);
});

test('an .xls with a title, merged headings and phones stored as numbers', async ({ desk, backend }) => {
  const problems = watchPage(desk);
  await offer(backend, 'merged.xls');
  await desk.goto('/#/import');
  await desk.reload();
  await desk.getByRole('button', { name: '选择表格文件…' }).click();
  await expect(desk.getByTestId('import-source')).toHaveText('格式：Excel 97-2003 工作簿（.xls）');
  await expect(desk.getByRole('combobox', { name: '第二个电话', exact: true })).toHaveValue('C 列 · 座机');
  await expect(desk.getByRole('combobox', { name: '购买日期', exact: true })).toHaveValue('H 列 · 购买日期');
  await shot(desk, 'xls-mapping-zh');
  await desk.getByRole('button', { name: '核对导入结果' }).click();
  await desk.getByRole('combobox', { name: '类别“（未填类别）”的保修政策' }).click();
  await desk.getByRole('option', { name: '家用空调标准保修' }).click();
  await expect(desk.getByTestId('count-ok').locator('[data-value]')).toHaveText('3');
  // Restored phones are said on their rows; no banner about numbers of other customers.
  await expect(desk.getByText(/电话号码已属于另一个名称的客户/)).toHaveCount(0);
  const rows = desk.getByTestId('import-preview-rows');
  await expect(rows.locator('tr[data-row="4"]')).toContainText('已按 02158889999 读取');
  await expect(rows.locator('tr[data-row="6"]')).toContainText('电话单元格存的是数字 1390000');
  await shot(desk, 'xls-preview-zh');
  expect(problems).toEqual([]);
});

test('the same .xls in English', async ({ desk, backend }) => {
  await offer(backend, 'merged.xls', 'en');
  await desk.goto('/#/import');
  await desk.reload();
  await desk.getByRole('button', { name: 'Choose spreadsheet file…' }).click();
  await expect(desk.getByTestId('import-source')).toHaveText('Format: an Excel 97-2003 workbook (.xls)');
  await desk.getByRole('button', { name: 'Check the import' }).click();
  await desk.getByRole('combobox', { name: /^Warranty policy for category/ }).click();
  await desk.getByRole('option').first().click();
  await expect(desk.getByTestId('import-preview-rows').locator('tr[data-row="4"]')).toContainText('read as 02158889999');
  await shot(desk, 'xls-preview-en');
});

test('the tickets list and a customer history go out from their own screens', async ({ desk, backend }) => {
  await backend.ok('settings:update', { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234' });
  const customer = await backend.ok('customers:create', { name: '张三', phones: [{ phone: '13900001111' }], addresses: [] });
  await backend.ok('tickets:create', { source: 'phone', customerId: customer.id, unitId: null, unregisteredUnit: { brand: '美的', model: 'KFR-26', serial: null }, faultReported: '不制冷', faultCategory: 'notCooling', severity: 'ordinary' });
  backend.platform.saveAnswer = join(backend.dir, 'tickets.xlsx');
  await desk.goto('/#/tickets');
  await desk.reload();
  await desk.getByRole('button', { name: '导出 Excel' }).click();
  await expect(desk.getByText(/tickets\.xlsx/)).toBeVisible();
  await shot(desk, 'tickets-exported-zh');
  backend.platform.saveAnswer = join(backend.dir, 'history.xlsx');
  await desk.goto(`/#/customers/${customer.id}`);
  await desk.getByRole('button', { name: '导出维修记录' }).click();
  await expect(desk.getByText(/history\.xlsx/)).toBeVisible();
  await shot(desk, 'customer-history-exported-zh');
});
