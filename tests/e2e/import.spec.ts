import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { person, seedModel } from '../support/sample';
import { writeSampleSheet } from '../support/sample-sheet';
import type { TestBackend } from '../support/backend';
import { expect, test } from './fixtures';
import { watchPage } from './page-helpers';

/** Key screens are also kept where a person looks for them after a run. */
const SCREENSHOTS = join(process.cwd(), '.test-output', 'screenshots');

async function screenshot(page: Page, testInfo: TestInfo, name: string, fullPage = false): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage });
  mkdirSync(SCREENSHOTS, { recursive: true });
  copyFileSync(file, join(SCREENSHOTS, `${name}.png`));
}

/** A policy and one model on file, the customer 赵磊 already known, and the sample sheet to open. */
async function prepare(backend: TestBackend): Promise<string> {
  await backend.ok('settings:update', { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234' });
  await seedModel(backend);
  await backend.ok('customers:create', person({ name: '赵磊', phones: [{ phone: '13700002222' }] }));
  const file = join(backend.dir, 'customers.xlsx');
  await writeSampleSheet(file);
  backend.platform.openAnswer = file;
  return file;
}

/** The page was loaded before the seeding: a reload shows the settings and language just stored. */
async function openImport(desk: Page): Promise<void> {
  await desk.goto('/#/import');
  await desk.reload();
}

test('an Excel sheet is matched, checked row by row, and written only once confirmed', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await prepare(backend);

  await openImport(desk);
  await expect(desk.getByRole('navigation').getByRole('button', { name: '导入 Excel' })).toHaveAttribute('aria-current', 'page');
  await desk.getByRole('button', { name: '选择 Excel 文件…' }).click();

  // Step 2: the columns are guessed from the Chinese headers, with the sheet's values beside them.
  await expect(desk.getByTestId('import-file-name')).toHaveText('customers.xlsx');
  await expect(desk.getByRole('combobox', { name: '客户名称', exact: true })).toHaveValue('A 列 · 客户名称');
  await expect(desk.getByRole('combobox', { name: '联系电话', exact: true })).toHaveValue('B 列 · 联系电话');
  await expect(desk.getByRole('combobox', { name: '序列号', exact: true })).toHaveValue('G 列 · 机身编号');
  await expect(desk.getByRole('combobox', { name: '联系人', exact: true })).toHaveValue('不导入');
  await expect(desk.locator('tr[data-field="phone"]')).toContainText('139 0000 1111');
  await expect(desk.getByTestId('sheet-sample')).toContainText('杭州启航物业');

  // A required field left out: the check waits until it has a column again.
  await desk.getByRole('combobox', { name: '联系电话', exact: true }).click();
  await desk.getByRole('option', { name: '不导入' }).click();
  await expect(desk.getByTestId('map-missing')).toBeVisible();
  await expect(desk.getByRole('button', { name: '核对导入结果' })).toBeDisabled();
  await desk.getByRole('combobox', { name: '联系电话', exact: true }).click();
  await desk.getByRole('option', { name: 'B 列 · 联系电话' }).click();
  await expect(desk.getByTestId('map-missing')).toHaveCount(0);

  // Checked first without a policy: rows naming models not on file say what is missing.
  await desk.getByRole('button', { name: '核对导入结果' }).click();
  await expect(desk.getByText(/有 3 行的型号还没有建档/)).toBeVisible();
  await expect(desk.getByTestId('import-preview-rows').locator('tr[data-row="5"]')).toContainText('型号 奥的斯 GeN2-MRL 还没有建档');
  await desk.getByRole('button', { name: '上一步' }).first().click();

  // The mapping is kept; choose the policy new models get.
  await expect(desk.getByRole('combobox', { name: '客户名称', exact: true })).toHaveValue('A 列 · 客户名称');
  await desk.getByRole('combobox', { name: '新型号的保修政策' }).click();
  await desk.getByRole('option', { name: '家用空调标准保修' }).click();
  await expect(desk.getByRole('combobox', { name: '新型号的保修政策' })).toHaveValue('家用空调标准保修');
  await screenshot(desk, testInfo, 'import-mapping');
  await screenshot(desk, testInfo, 'import-mapping-full', true);

  // Step 3: the counts, the two bad rows with their reasons, and a plain "nothing imported yet".
  await desk.getByRole('button', { name: '核对导入结果' }).click();
  await expect(desk.getByTestId('import-not-yet')).toContainText('还没有导入任何数据');
  const counts = { total: 7, ok: 5, rejected: 2, newCustomers: 3, existingCustomers: 1, units: 4, newModels: 2 };
  for (const [key, value] of Object.entries(counts)) {
    await expect(desk.getByTestId(`count-${key}`).locator('[data-value]')).toHaveText(String(value));
  }
  await expect(desk.getByTestId('import-new-models')).toContainText('美的 KFR-26GW');
  const rows = desk.getByTestId('import-preview-rows');
  await expect(rows.locator('tbody tr')).toHaveCount(7);
  await expect(rows.locator('tr[data-ok="false"]')).toHaveCount(2);
  await expect(rows.locator('tr[data-row="4"]')).toContainText('联系电话：电话号码格式不对');
  await expect(rows.locator('tr[data-row="6"]')).toContainText('验收日期：验收日期不能早于购买日期');
  // Each row names who it is filed under: the customer on file, by the name on file.
  await expect(rows.locator('tr[data-row="3"]')).toContainText('与上方的行同一客户');
  await expect(rows.locator('tr[data-row="8"]')).toContainText('已有客户“赵磊”');
  await screenshot(desk, testInfo, 'import-preview');

  await desk.getByRole('switch', { name: '只看有问题的行（2）' }).check();
  await expect(rows.locator('tbody tr')).toHaveCount(2);
  await expect(rows.locator('tr[data-row="4"]')).toContainText('王芳');

  // Nothing is written before the confirmation.
  expect((await backend.ok('customers:list', { query: '李明' })).items).toHaveLength(0);

  // Step 4: one click, with the count in the label.
  await desk.getByRole('button', { name: '导入 5 行' }).click();
  const result = desk.getByTestId('import-result');
  await expect(result).toContainText('导入完成');
  const done = { customersCreated: 3, customersReused: 2, unitsCreated: 4, modelsCreated: 2 };
  for (const [key, value] of Object.entries(done)) {
    await expect(result.getByTestId(`count-${key}`).locator('[data-value]')).toHaveText(String(value));
  }
  const rejected = result.getByTestId('import-rejected-rows');
  await expect(rejected.locator('tbody tr')).toHaveCount(2);
  await expect(rejected.locator('tr[data-row="4"]')).toContainText('电话号码格式不对');
  await expect(rejected.locator('tr[data-row="6"]')).toContainText('验收日期不能早于购买日期');
  await screenshot(desk, testInfo, 'import-result');

  // The imported customer is found the way the desk finds a caller: by pinyin initials.
  const hits = await backend.ok('search:query', { query: 'lm' });
  expect(hits).toContainEqual(expect.objectContaining({ kind: 'customer', name: '李明' }));
  expect((await backend.ok('customers:list', { query: '李明' })).items).toHaveLength(1);

  // Start again: back to choosing a file.
  await result.getByRole('button', { name: '重新开始' }).click();
  await expect(desk.getByRole('button', { name: '选择 Excel 文件…' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('a cancelled dialog changes nothing, and a file that is not a workbook is explained', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await prepare(backend);
  await openImport(desk);

  backend.platform.openAnswer = null;
  await desk.getByRole('button', { name: '选择 Excel 文件…' }).click();
  await expect(desk.getByRole('button', { name: '选择 Excel 文件…' })).toBeEnabled();
  await expect(desk.getByTestId('import-file-name')).toHaveCount(0);
  await expect(desk.getByTestId('import-open-error')).toHaveCount(0);

  backend.platform.openAnswer = join(backend.dir, 'desk.sqlite');
  await desk.getByRole('button', { name: '选择 Excel 文件…' }).click();
  await expect(desk.getByTestId('import-open-error')).toHaveText('文件 desk.sqlite 打不开：请选择 Excel 工作簿（.xlsx）。');
  await screenshot(desk, testInfo, 'import-file-error');
  expect(problems).toEqual([]);
});

test('a number on file under another name is pointed out, and the row goes to a new customer named in the preview', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await prepare(backend);
  // The sample's 杭州启航物业 shares its switchboard number with a customer already on file.
  await backend.ok('customers:create', person({ name: '杭州安信电梯', phones: [{ phone: '0571-88001122' }] }));
  await openImport(desk);
  await desk.getByRole('button', { name: '选择 Excel 文件…' }).click();
  await desk.getByRole('combobox', { name: '新型号的保修政策' }).click();
  await desk.getByRole('option', { name: '家用空调标准保修' }).click();
  await desk.getByRole('button', { name: '核对导入结果' }).click();
  await expect(desk.getByTestId('import-shared-phones')).toContainText('有 1 行的电话号码已属于另一个名称的客户');
  const row = desk.getByTestId('import-preview-rows').locator('tr[data-row="5"]');
  await expect(row.getByTestId('import-target')).toHaveText('新客户');
  await expect(row.getByTestId('import-warning')).toHaveText(
    '联系电话：电话 0571-88001122 已记在客户“杭州安信电梯”名下，与本行的“杭州启航物业”名称不同：将新建客户“杭州启航物业”，不并入“杭州安信电梯”',
  );
  await screenshot(desk, testInfo, 'import-preview-shared-phone');
  expect(problems).toEqual([]);
});

test('the wizard reads English when the screen is in English', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await prepare(backend);
  await backend.ok('settings:update', { language: 'en' });
  await openImport(desk);
  await desk.getByRole('button', { name: 'Choose Excel file…' }).click();
  await expect(desk.getByRole('combobox', { name: 'Customer name', exact: true })).toHaveValue('A · 客户名称');
  await desk.getByRole('combobox', { name: 'Warranty policy for new models' }).click();
  await desk.getByRole('option', { name: '家用空调标准保修' }).click();
  await screenshot(desk, testInfo, 'import-mapping-en');
  await desk.getByRole('button', { name: 'Check the import' }).click();
  await expect(desk.getByTestId('import-not-yet')).toContainText('Nothing has been imported yet');
  await expect(desk.getByTestId('import-preview-rows').locator('tr[data-row="4"]')).toContainText('联系电话: ');
  await expect(desk.getByRole('button', { name: 'Import 5 rows' })).toBeVisible();
  await screenshot(desk, testInfo, 'import-preview-en');
  expect(problems).toEqual([]);
});
