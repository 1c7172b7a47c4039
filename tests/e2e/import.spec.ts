import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { person, seedModel } from '../support/sample';
import { seedTrustDesk, writeSampleSheet, writeTrustSheet } from '../support/sample-sheet';
import type { TestBackend } from '../support/backend';
import { expect, test } from './fixtures';
import { watchPage } from './page-helpers';

/** Key screens are also kept where a person looks for them after a run (E2E_SCREENSHOTS names another folder). */
const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? join(process.cwd(), '.test-output', 'screenshots');

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
  await desk.getByRole('button', { name: '选择表格文件…' }).click();

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

  await screenshot(desk, testInfo, 'import-mapping');
  await screenshot(desk, testInfo, 'import-mapping-full', true);

  // Checked first: the sheet has no category column, and nothing on file suggests a policy for
  // its new models, so their rows say what is missing.
  await desk.getByRole('button', { name: '核对导入结果' }).click();
  await expect(desk.getByText(/有 3 行的型号还没有建档/)).toBeVisible();
  await expect(desk.getByTestId('import-preview-rows').locator('tr[data-row="5"]')).toContainText('型号 奥的斯 GeN2-MRL 还没有建档：请为未填类别的新型号选择保修政策');
  const uncategorised = desk.getByRole('combobox', { name: '类别“（未填类别）”的保修政策' });
  await expect(uncategorised).toHaveValue('');

  // The policy is chosen for the category, and the rows are checked again at once.
  await uncategorised.click();
  await desk.getByRole('option', { name: '家用空调标准保修' }).click();
  await expect(uncategorised).toHaveValue('家用空调标准保修');
  await expect(desk.getByTestId('import-categories').getByTestId('category-source')).toHaveText('由您选定');

  // Step 3: the counts, the two bad rows with their reasons, and a plain "nothing imported yet".
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
  // Each row names who it is filed under, with the phone it matched on and why.
  await expect(rows.locator('tr[data-row="2"]').getByTestId('import-target')).toHaveText('新客户 · 139 0000 1111');
  await expect(rows.locator('tr[data-row="2"]').getByTestId('import-reason')).toHaveText('电话还没有登记过');
  await expect(rows.locator('tr[data-row="3"]').getByTestId('import-target')).toHaveText('与第 2 行同一客户“李明” · 139 0000 1111');
  await expect(rows.locator('tr[data-row="8"]').getByTestId('import-target')).toHaveText('已有客户“赵磊” · 137 0000 2222');
  await expect(rows.locator('tr[data-row="8"]').getByTestId('import-reason')).toHaveText('名称和电话都相同');
  await screenshot(desk, testInfo, 'import-preview');

  await desk.getByRole('switch', { name: '只看不导入的行（2）' }).check();
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
  await expect(result.getByTestId('import-batch')).toContainText('customers.xlsx');
  await expect(result.getByTestId('import-batch')).toContainText('王芳');
  const rejected = result.getByTestId('import-rejected-rows');
  await expect(rejected.locator('tbody tr')).toHaveCount(2);
  await expect(rejected.locator('tr[data-row="4"]')).toContainText('电话号码格式不对');
  await expect(rejected.locator('tr[data-row="6"]')).toContainText('验收日期不能早于购买日期');
  await screenshot(desk, testInfo, 'import-result');

  // The imported customer is found the way the desk finds a caller: by pinyin initials.
  const hits = await backend.ok('search:query', { query: 'lm' });
  expect(hits).toContainEqual(expect.objectContaining({ kind: 'customer', name: '李明' }));
  expect((await backend.ok('customers:list', { query: '李明' })).items).toHaveLength(1);

  // Start again: back to choosing a file, with the import just made at the top of the list.
  await result.getByRole('button', { name: '重新开始' }).click();
  await expect(desk.getByRole('button', { name: '选择表格文件…' })).toBeVisible();
  await expect(desk.getByTestId('recent-imports').locator('tbody tr')).toHaveCount(1);
  await expect(desk.getByTestId('recent-imports').locator('tbody tr').first()).toContainText('客户 3 · 设备 4 · 型号 2');
  expect(problems).toEqual([]);
});

test('a cancelled dialog changes nothing, and a file that is not a workbook is explained', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await prepare(backend);
  await openImport(desk);

  backend.platform.openAnswer = null;
  await desk.getByRole('button', { name: '选择表格文件…' }).click();
  await expect(desk.getByRole('button', { name: '选择表格文件…' })).toBeEnabled();
  await expect(desk.getByTestId('import-file-name')).toHaveCount(0);
  await expect(desk.getByTestId('import-open-error')).toHaveCount(0);

  backend.platform.openAnswer = join(backend.dir, 'desk.sqlite');
  await desk.getByRole('button', { name: '选择表格文件…' }).click();
  await expect(desk.getByTestId('import-open-error')).toHaveText('文件 desk.sqlite 不是表格文件（不是 Excel、WPS、OpenDocument 表格，也不是 CSV 或文本文件），无法导入。');
  await screenshot(desk, testInfo, 'import-file-error');
  expect(problems).toEqual([]);
});

test('a number on file under another name is pointed out, and the row goes to a new customer named in the preview', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await prepare(backend);
  // The sample's 杭州启航物业 shares its switchboard number with a customer already on file.
  await backend.ok('customers:create', person({ name: '杭州安信电梯', phones: [{ phone: '0571-88001122' }] }));
  await openImport(desk);
  await desk.getByRole('button', { name: '选择表格文件…' }).click();
  await desk.getByRole('button', { name: '核对导入结果' }).click();
  await desk.getByRole('combobox', { name: '类别“（未填类别）”的保修政策' }).click();
  await desk.getByRole('option', { name: '家用空调标准保修' }).click();
  await expect(desk.getByTestId('import-shared-phones')).toContainText('有 1 行的电话号码已属于另一个名称的客户');
  const row = desk.getByTestId('import-preview-rows').locator('tr[data-row="5"]');
  await expect(row.getByTestId('import-target')).toHaveText('新客户 · 0571-88001122');
  await expect(row.getByTestId('import-reason')).toHaveText('电话属于名称不同的客户，见右侧');
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
  await desk.getByRole('button', { name: 'Choose spreadsheet file…' }).click();
  await expect(desk.getByRole('combobox', { name: 'Customer name', exact: true })).toHaveValue('A · 客户名称');
  await screenshot(desk, testInfo, 'import-mapping-en');
  await desk.getByRole('button', { name: 'Check the import' }).click();
  await desk.getByRole('combobox', { name: 'Warranty policy for category “(no category)”' }).click();
  await desk.getByRole('option', { name: '家用空调标准保修' }).click();
  await expect(desk.getByTestId('import-categories').getByTestId('category-source')).toHaveText('chosen by you');
  await expect(desk.getByTestId('import-not-yet')).toContainText('Nothing has been imported yet');
  await expect(desk.getByTestId('import-preview-rows').locator('tr[data-row="4"]')).toContainText('联系电话: ');
  await expect(desk.getByRole('button', { name: 'Import 5 rows' })).toBeVisible();
  await expect(desk.getByTestId('import-preview-rows').locator('tr[data-row="8"]').getByTestId('import-target')).toHaveText('On file: “赵磊” · 137 0000 2222');
  expect(problems).toEqual([]);
});

/** The desk the trust sheet meets (two 杭州启航物业 on file, three policies), and that sheet to open. */
async function prepareTrust(backend: TestBackend, language: 'zh-CN' | 'en' = 'zh-CN') {
  await backend.ok('settings:update', { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234', language });
  const seeded = await seedTrustDesk(backend);
  const file = join(backend.dir, 'trust.xlsx');
  await writeTrustSheet(file);
  backend.platform.openAnswer = file;
  return seeded;
}

test('the preview names who each row goes to, asks where two customers fit, and takes a policy per category; the import is undone in one step', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  const { qihang2 } = await prepareTrust(backend);
  await openImport(desk);
  await desk.getByRole('button', { name: '选择表格文件…' }).click();
  await desk.getByRole('button', { name: '核对导入结果' }).click();

  // One policy per category, each suggested with its reason, or asked for.
  const categories = desk.getByTestId('import-categories');
  await expect(categories.getByRole('combobox', { name: '类别“空调”的保修政策' })).toHaveValue('家用空调标准保修');
  await expect(categories.locator('tr[data-category="空调"]')).toContainText('同类别已建档的型号都用这个政策');
  await expect(categories.getByRole('combobox', { name: '类别“电梯”的保修政策' })).toHaveValue('电梯整机保修');
  await expect(categories.locator('tr[data-category="电梯"]')).toContainText('政策名称与类别相符');
  await expect(categories.getByRole('combobox', { name: '类别“投影仪”的保修政策' })).toHaveValue('');

  // The property company is on file twice with this number: the row waits for the clerk.
  const rows = desk.getByTestId('import-preview-rows');
  const qihang = rows.locator('tr[data-row="5"]');
  await expect(qihang).toHaveAttribute('data-status', 'undecided');
  await expect(qihang.getByTestId('import-target')).toHaveText('可能是 2 位客户之一：请选择');
  await expect(desk.getByTestId('import-ambiguous')).toContainText('有 1 行的名称和电话同时与多位客户相同');
  await expect(desk.getByTestId('count-ambiguous').locator('[data-value]')).toHaveText('1');
  await expect(desk.getByTestId('count-ok').locator('[data-value]')).toHaveText('3');
  await expect(rows.locator('tr[data-row="4"]').getByTestId('import-target')).toHaveText('已有客户“赵磊” · 137 0000 2222');
  await screenshot(desk, testInfo, 'import-trust-preview-top');
  await qihang.scrollIntoViewIfNeeded();
  await screenshot(desk, testInfo, 'import-trust-ambiguous');

  await qihang.getByRole('combobox', { name: '第 5 行归入哪位客户' }).click();
  await desk.getByRole('option', { name: `已有：杭州启航物业 · 0571-88001122 · 杭州市滨江区江南大道 102 号（编号 ${qihang2.id}）` }).click();
  await expect(qihang.getByTestId('import-target')).toHaveText('已有客户“杭州启航物业” · 0571-88001122');
  await expect(qihang.getByTestId('import-reason')).toHaveText('由您选定');
  await categories.getByRole('combobox', { name: '类别“投影仪”的保修政策' }).click();
  await desk.getByRole('option', { name: '投影机保修' }).click();
  await expect(desk.getByTestId('count-ok').locator('[data-value]')).toHaveText('5');
  await expect(desk.getByTestId('import-rechecking')).toHaveCount(0);
  await screenshot(desk, testInfo, 'import-trust-preview');
  await screenshot(desk, testInfo, 'import-trust-preview-full', true);

  await desk.getByRole('button', { name: '导入 5 行' }).click();
  const result = desk.getByTestId('import-result');
  await expect(result.getByTestId('count-unitsCreated').locator('[data-value]')).toHaveText('5');
  const [lift] = await backend.ok('units:findBySerial', { serial: 'TR-0004' });
  expect(lift!.customerId).toBe(qihang2.id);
  await screenshot(desk, testInfo, 'import-trust-result');

  // Undone in one step: asked once, saying what goes.
  await result.getByRole('button', { name: '撤销这次导入' }).click();
  const dialog = desk.getByRole('dialog', { name: '撤销导入' });
  await expect(dialog).toContainText('新建的客户 2 个、设备 5 台、型号 3 个');
  await expect(dialog.getByRole('button', { name: '撤销导入' })).toBeEnabled();
  await screenshot(desk, testInfo, 'import-trust-undo');
  await dialog.getByRole('button', { name: '撤销导入' }).click();
  await expect(result.getByTestId('import-undone')).toContainText('由 王芳 撤销');
  await expect(dialog).toBeHidden();
  await screenshot(desk, testInfo, 'import-trust-undone');
  expect(await backend.ok('units:findBySerial', { serial: 'TR-0004' })).toEqual([]);
  expect((await backend.ok('customers:list', { query: '李明' })).items).toEqual([]);
  expect((await backend.ok('customers:list', { query: '赵磊' })).items).toHaveLength(1);

  await result.getByRole('button', { name: '重新开始' }).click();
  await expect(desk.getByTestId('recent-imports').getByTestId('batch-undone')).toContainText('已撤销（王芳');
  expect(problems).toEqual([]);
});

test('undo is refused once a ticket is opened on an imported unit, naming it, in English too', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  const { qihang1 } = await prepareTrust(backend, 'en');
  await openImport(desk);
  await desk.getByRole('button', { name: 'Choose spreadsheet file…' }).click();
  await desk.getByRole('button', { name: 'Check the import' }).click();
  const rows = desk.getByTestId('import-preview-rows');
  await expect(rows.locator('tr[data-row="2"]').getByTestId('import-target')).toHaveText('New customer · 139 0000 1111');
  await expect(rows.locator('tr[data-row="2"]').getByTestId('import-reason')).toHaveText('phone not on file yet');
  await expect(rows.locator('tr[data-row="3"]').getByTestId('import-target')).toHaveText('Same customer as row 2: “李明” · 139 0000 1111');
  await expect(rows.locator('tr[data-row="5"]').getByTestId('import-target')).toHaveText('Could be any of 2 customers: choose');
  await screenshot(desk, testInfo, 'import-preview-en-top');
  await rows.locator('tr[data-row="5"]').scrollIntoViewIfNeeded();
  await screenshot(desk, testInfo, 'import-preview-en-ambiguous');
  await expect(desk.getByTestId('import-categories').locator('tr[data-category="电梯"]')).toContainText('its name matches the category');
  await rows.locator('tr[data-row="5"]').getByRole('combobox', { name: 'Customer for row 5' }).click();
  await desk.getByRole('option', { name: `On file: 杭州启航物业 · 0571-88001122 · 杭州市滨江区江南大道 100 号 (no. ${qihang1.id})` }).click();
  await expect(rows.locator('tr[data-row="5"]').getByTestId('import-reason')).toHaveText('chosen by you');
  await desk.getByRole('combobox', { name: 'Warranty policy for category “投影仪”' }).click();
  await desk.getByRole('option', { name: '投影机保修' }).click();
  await expect(desk.getByRole('button', { name: 'Import 5 rows' })).toBeEnabled();
  await screenshot(desk, testInfo, 'import-preview-en');
  await screenshot(desk, testInfo, 'import-preview-en-full', true);

  await desk.getByRole('button', { name: 'Import 5 rows' }).click();
  const result = desk.getByTestId('import-result');
  await expect(result).toContainText('Import finished');
  await screenshot(desk, testInfo, 'import-result-en');

  // A repair ticket on one of its units: the import now stays.
  const [unit] = await backend.ok('units:findBySerial', { serial: 'TR-0001' });
  const ticket = await backend.ok('tickets:create', { customerId: unit!.customerId, unitId: unit!.id, faultReported: 'Not cooling', faultCategory: 'notCooling' });
  await result.getByRole('button', { name: 'Undo this import' }).click();
  const dialog = desk.getByRole('dialog', { name: 'Undo import' });
  await expect(dialog.getByTestId('undo-blocker')).toHaveText([`Repair ticket ${ticket.number} was opened on unit TR-0001 (customer “李明”)`]);
  await expect(dialog.getByRole('button', { name: 'Undo import' })).toBeDisabled();
  await screenshot(desk, testInfo, 'import-undo-refused-en');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect((await backend.ok('units:findBySerial', { serial: 'TR-0001' })).map((u) => u.id)).toEqual([unit!.id]);

  // The recent imports list says the same from the first step.
  await result.getByRole('button', { name: 'Start again' }).click();
  const recent = desk.getByTestId('recent-imports');
  await expect(recent.locator('tbody tr').first()).toContainText('customers 2 · units 5 · models 3');
  await screenshot(desk, testInfo, 'import-recent-en');
  await recent.getByRole('button', { name: 'Undo…' }).click();
  await expect(desk.getByRole('dialog', { name: 'Undo import' }).getByTestId('undo-blocked')).toContainText(ticket.number);
  expect(problems).toEqual([]);
});

test('undo is refused once an imported customer is edited, and the recent imports list says so in Chinese', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await prepare(backend);
  const opened = (await backend.ok('import:open', {}))!;
  const policyId = (await backend.ok('policies:list', {}))[0]!.id;
  await backend.ok('import:commit', { token: opened.token, sheet: '客户设备', mapping: opened.sheets[0]!.suggested, categoryPolicies: [{ category: '', policyId }] });
  const [li] = (await backend.ok('customers:list', { query: '李明' })).items;
  await backend.ok('customers:update', { id: li!.id, ...person({ name: '李明', phones: [{ phone: '13900001111' }], note: '改过电话' }) });

  await openImport(desk);
  const recent = desk.getByTestId('recent-imports');
  await expect(recent.locator('tbody tr')).toHaveCount(1);
  await recent.getByRole('button', { name: '撤销…' }).click();
  const dialog = desk.getByRole('dialog', { name: '撤销导入' });
  await expect(dialog.getByTestId('undo-blocker')).toHaveText(['客户“李明”的资料被修改过（名称、电话、地址、联系人、标签或归档）']);
  await expect(dialog.getByRole('button', { name: '撤销导入' })).toBeDisabled();
  await screenshot(desk, testInfo, 'import-undo-refused');
  expect((await backend.ok('customers:list', { query: '李明' })).items).toHaveLength(1);
  expect(problems).toEqual([]);
});
