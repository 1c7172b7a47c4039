import type { Page, TestInfo } from '@playwright/test';
import { openTestBackend } from '../support/backend';
import { person, seedModel } from '../support/sample';
import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

const CUSTOMER = { name: '张三丰', phone: '13812345678', address: '浙江省杭州市西湖区文三路 90 号' };
const MODEL = { brand: '格力', model: 'KFR-35GW', category: '空调' };
const UNIT = {
  serial: 'GL2026A0001',
  purchaseDate: '2026-03-01',
  acceptanceDate: '2026-03-05',
};

/** A policy (whole unit 12 months, accessories 6) and a model under it, through the Products page. */
async function createPolicyAndModelThroughUi(desk: Page, testInfo: TestInfo): Promise<void> {
  await desk.getByRole('navigation').getByRole('button', { name: '产品与保修' }).click();
  await expect(desk.getByText('还没有保修政策')).toBeVisible();
  await desk.getByRole('button', { name: '新建保修政策' }).click();
  const policyDialog = desk.getByRole('dialog', { name: '新建保修政策' });
  await expect(policyDialog.getByLabel('政策名称')).toBeFocused();
  await desk.keyboard.type('家用空调标准保修');
  // The first line is the whole unit, a year: only the accessories line is added.
  await expect(policyDialog.getByLabel('条款 1 名称')).toHaveValue('整机');
  await expect(policyDialog.getByLabel('条款 1 保修月数')).toHaveValue('12');
  await policyDialog.getByRole('button', { name: '添加部件' }).click();
  await policyDialog.getByLabel('条款 2 名称').fill('配件');
  await policyDialog.getByLabel('条款 2 保修月数').fill('6');
  await policyDialog.getByLabel('条款 2 名称').press('Enter');
  await expect(policyDialog).toBeHidden();
  const policyRow = desk.getByTestId('policies-table').getByRole('row', { name: /家用空调标准保修/ });
  await expect(policyRow).toContainText('整机 12 个月 · 配件 6 个月');
  await expect(policyRow).toContainText('验收合格之日');
  await expect(policyRow).toContainText('第 1 版');

  await desk.getByRole('button', { name: '新建型号' }).click();
  const modelDialog = desk.getByRole('dialog', { name: '新建产品型号' });
  await expect(modelDialog.getByLabel('品牌')).toBeFocused();
  await modelDialog.getByLabel('品牌').fill(MODEL.brand);
  await modelDialog.getByLabel('型号').fill(MODEL.model);
  await modelDialog.getByLabel('类别').fill(MODEL.category);
  await modelDialog.getByRole('combobox', { name: '保修政策' }).click();
  await desk.getByRole('option', { name: '家用空调标准保修' }).click();
  await expect(modelDialog.getByTestId('model-policy-terms')).toContainText('整机 12 个月 · 配件 6 个月');
  await modelDialog.getByRole('button', { name: /保存/ }).click();
  await expect(modelDialog).toBeHidden();
  const modelRow = desk.getByTestId('models-table').getByRole('row', { name: /KFR-35GW/ });
  await expect(modelRow).toContainText('格力');
  await expect(modelRow).toContainText('家用空调标准保修');

  // Editing a policy says it makes a new version and that sold units keep theirs.
  await policyRow.getByRole('button', { name: '修改' }).click();
  const editDialog = desk.getByRole('dialog', { name: '修改保修政策' });
  await expect(editDialog.getByText('保存修改会生成第 2 版')).toBeVisible();
  await expect(editDialog.getByText('已售出的设备仍按售出时的版本')).toBeVisible();
  await editDialog.press('Escape');
  await expect(editDialog).toBeHidden();
  await screenshot(desk, testInfo, 'products', true);
}

async function createCustomerThroughUi(desk: Page, customer: typeof CUSTOMER): Promise<void> {
  await desk.getByRole('navigation').getByRole('button', { name: '客户' }).click();
  await desk.getByRole('button', { name: /新建客户/ }).first().click();
  const dialog = desk.getByRole('dialog', { name: '新建客户' });
  // Focus lands in the first field: type straight away.
  await expect(dialog.getByLabel('姓名 / 单位名称')).toBeFocused();
  await desk.keyboard.type(customer.name);
  await dialog.getByLabel('电话 1', { exact: true }).fill(customer.phone);
  await dialog.getByLabel('地址 1', { exact: true }).fill(customer.address);
  // Enter in a one-line field saves; the new customer's page opens.
  await dialog.getByLabel('地址 1', { exact: true }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(desk.getByTestId('customer-contact')).toContainText(customer.name);
}

async function fillUnitForm(desk: Page, unit: { serial: string; purchaseDate: string; acceptanceDate: string }) {
  await desk.getByRole('button', { name: /添加设备/ }).click();
  const dialog = desk.getByRole('dialog', { name: '添加设备' });
  const model = dialog.getByRole('combobox', { name: '产品型号' });
  await expect(model).toBeFocused();
  // The model picker is searchable: a few letters, then pick.
  await desk.keyboard.type('KFR');
  await desk.getByRole('option', { name: /格力 KFR-35GW/ }).click();
  await expect(dialog.getByTestId('unit-form-policy')).toContainText('整机 12 个月');
  await dialog.getByLabel('序列号').fill(unit.serial);
  await dialog.getByLabel('购买日期').fill(unit.purchaseDate);
  await dialog.getByLabel('验收日期').fill(unit.acceptanceDate);
  return dialog;
}

test('a policy and a model, a new customer, a unit and its warranty card, printed and still there after a restart', async ({
  desk,
  backend,
}, testInfo) => {
  const problems = watchPage(desk);

  // A fresh install: the banner says printing needs the company details, and leads to Settings.
  const banner = desk.getByTestId('company-missing');
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: '去填写' }).click();
  await desk.getByLabel('公司名称').fill('杭州暖风空调服务有限公司');
  await desk.getByLabel('服务热线').fill('400-800-1234');
  await desk.getByLabel('投诉电话').fill('0571-88886666');
  await desk.getByLabel('公司地址').fill('浙江省杭州市拱墅区湖墅南路 88 号');
  await screenshot(desk, testInfo, 'settings');
  // The company form's Save is the first on the page (the warranty rules have their own).
  await desk.getByRole('button', { name: /保存/ }).first().click();
  await expect(banner).toBeHidden();
  expect((await backend.ok('settings:get', {})).hotline).toBe('4008001234');

  await createPolicyAndModelThroughUi(desk, testInfo);

  // Customers: an empty list says what to do next.
  await desk.getByRole('navigation').getByRole('button', { name: '客户' }).click();
  await expect(desk.getByText('还没有客户')).toBeVisible();
  await createCustomerThroughUi(desk, CUSTOMER);
  await expect(desk.getByTestId('customer-contact')).toContainText('138 1234 5678');

  const unitDialog = await fillUnitForm(desk, UNIT);
  // The policy counts from acceptance: that date says so.
  await expect(unitDialog.getByText('保修从此日起算')).toBeVisible();
  await unitDialog.getByRole('button', { name: /保存/ }).click();
  await expect(unitDialog).toBeHidden();
  const row = desk.getByTestId('units-table').locator(`tr[data-serial="${UNIT.serial}"]`);
  await expect(row).toContainText('格力 KFR-35GW');
  await expect(row).toContainText('2026-03-05');
  await expect(row.getByTestId('unit-end')).toHaveText('2027-03-05');
  await expect(row.locator('[data-state="active"]')).toHaveText('保修期内');

  // The list shows the customer with one unit.
  await desk.getByRole('navigation').getByRole('button', { name: '客户' }).click();
  const listRow = desk.getByTestId('customers-table').getByRole('row', { name: /张三丰/ });
  await expect(listRow).toContainText('138 1234 5678');
  await expect(listRow).toContainText('市区');
  await expect(desk.getByTestId('customers-total')).toHaveText('共 1 位客户');
  await screenshot(desk, testInfo, 'customers-list', true);

  // The header search finds the caller by a fragment of the phone number; Enter opens them.
  await desk.keyboard.press('Control+K');
  await expect(desk.getByRole('textbox', { name: '查找客户、设备或单据' })).toBeFocused();
  await desk.keyboard.type('1234 5678');
  await expect(desk.getByRole('option', { name: /张三丰/ })).toBeVisible();
  await desk.keyboard.press('Enter');
  await expect(desk.getByTestId('customer-contact')).toContainText(CUSTOMER.name);

  // The unit's page: the warranty counted from acceptance, each component with its last day.
  await row.getByRole('button', { name: UNIT.serial }).click();
  const warranty = desk.getByTestId('unit-warranty');
  await expect(warranty.getByTestId('warranty-start')).toContainText('验收合格之日 2026-03-05');
  const components = warranty.getByTestId('warranty-components');
  await expect(components.locator('[data-component="whole"]')).toContainText('2027-03-05');
  await expect(components.locator('[data-component="whole"] [data-state="active"]')).toBeVisible();
  // A component the clerk added is known by its name; its code was made for it.
  const accessories = components.locator('[data-component]', { hasText: '配件' });
  await expect(accessories).toContainText('2026-09-05');
  await expect(accessories.locator('[data-state="expired"]')).toBeVisible();

  // Warranty card: A4 and Chinese are the defaults.
  await desk.getByTestId('unit-header').getByRole('button', { name: /保修卡/ }).click();
  const cardDialog = desk.getByRole('dialog', { name: '打印保修卡' });
  await expect(cardDialog.getByRole('radio', { name: 'A4' })).toBeChecked();
  await expect(cardDialog.getByRole('radio', { name: '中文' })).toBeChecked();
  await screenshot(desk, testInfo, 'warranty-card-dialog');
  await cardDialog.getByRole('button', { name: /生成并预览/ }).click();
  const preview = desk.getByRole('dialog', { name: /保修卡 BXK-/ });
  const pages = preview.getByTestId('pdf-pages');
  await expect(pages).toHaveAttribute('data-rendered-pages', /^[1-9]/, { timeout: 20_000 });
  const canvas = pages.locator('canvas').first();
  await expect(canvas).toBeVisible();
  const size = await canvas.evaluate((c: HTMLCanvasElement) => ({ width: c.width, height: c.height }));
  expect(size.width).toBeGreaterThan(0);
  expect(size.height).toBeGreaterThan(0);
  // Something was drawn: a blank canvas has only white pixels.
  const inked = await canvas.evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) dark += 1;
    return dark;
  });
  expect(inked).toBeGreaterThan(1000);
  await expect(preview.getByText('有字印不出来')).toHaveCount(0);
  await screenshot(desk, testInfo, 'warranty-card-preview', true);

  await preview.getByRole('button', { name: /打印/ }).click();
  await expect.poll(() => backend.platform.printed.length).toBe(1);
  const printed = backend.platform.printed[0]!;
  expect(printed.file).toMatch(/\.pdf$/);
  expect(printed.paper).toBe('A4');
  await expect(desk.getByText(`已发送到打印机“${printed.printer}”`)).toBeVisible();
  await preview.locator('.mantine-Modal-body').getByRole('button', { name: '关闭' }).click();
  await expect(preview).toBeHidden();

  // The archive lists the card and can open it again for a reprint.
  await desk.getByRole('navigation').getByRole('button', { name: '单据档案' }).click();
  const docRow = desk.getByTestId('documents-table').getByRole('row', { name: /GL2026A0001/ });
  await expect(docRow).toContainText('保修卡');
  await expect(docRow).toContainText('中文');
  await screenshot(desk, testInfo, 'documents', true);
  await docRow.getByRole('button', { name: /补打/ }).click();
  await expect(desk.getByTestId('pdf-pages')).toHaveAttribute('data-rendered-pages', /^[1-9]/, { timeout: 20_000 });
  await desk.keyboard.press('Control+P');
  await expect.poll(() => backend.platform.printed.length).toBe(2);

  expect(problems).toEqual([]);

  // A restart: the same data folder opened again by a new backend still has everything.
  await backend.close();
  const reopened = await openTestBackend(backend.dir);
  try {
    const found = await reopened.ok('customers:list', { query: 'zsf' });
    expect(found.items.map((c) => c.name)).toEqual([CUSTOMER.name]);
    const units = await reopened.ok('units:listByCustomer', { customerId: found.items[0]!.id });
    expect(units.map((u) => [u.brand, u.model, u.serial, u.acceptanceDate, u.policy.name])).toEqual([
      [MODEL.brand, MODEL.model, UNIT.serial, UNIT.acceptanceDate, '家用空调标准保修'],
    ]);
    expect((await reopened.ok('search:query', { query: UNIT.serial }))[0]).toMatchObject({ kind: 'unit', serial: UNIT.serial });
    const documents = await reopened.ok('documents:list', {});
    expect(documents).toHaveLength(1);
  } finally {
    await reopened.close();
  }
});

test('a duplicate serial and a wrong phone number are explained under the field, and nothing is written', async ({
  desk,
  backend,
}, testInfo) => {
  const problems = watchPage(desk);
  await backend.ok('settings:update', { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234' });
  await seedModel(backend, MODEL.brand, MODEL.model);

  // A phone number that is neither a mobile nor a landline: the schema's sentence, in Chinese.
  await desk.goto('/#/customers');
  await expect(desk.getByText('还没有客户')).toBeVisible();
  await desk.keyboard.press('Control+Shift+N');
  const dialog = desk.getByRole('dialog', { name: '新建客户' });
  await dialog.getByLabel('姓名 / 单位名称').fill('李四');
  await dialog.getByLabel('电话 1', { exact: true }).fill('12345');
  await dialog.getByLabel('电话 1', { exact: true }).press('Control+S');
  const phoneField = dialog.getByLabel('电话 1', { exact: true });
  await expect(phoneField).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('电话号码格式不对', { exact: false })).toBeVisible();
  await screenshot(desk, testInfo, 'invalid-phone');
  await dialog.press('Escape');
  await expect(dialog).toBeHidden();
  expect((await backend.ok('customers:list', {})).total).toBe(0);

  // The same serial twice on the same model: the backend's CONFLICT names the unit it is on.
  await createCustomerThroughUi(desk, CUSTOMER);
  const first = await fillUnitForm(desk, UNIT);
  await first.getByRole('button', { name: /保存/ }).click();
  await expect(first).toBeHidden();

  const second = await fillUnitForm(desk, { ...UNIT, purchaseDate: '2026-04-01', acceptanceDate: '' });
  await second.getByLabel('序列号').press('Enter');
  const serialField = second.getByLabel('序列号');
  await expect(serialField).toHaveAttribute('aria-invalid', 'true');
  // In words: the serial and its owner, no database number (issue 13).
  const message = second.getByText(/^序列号 GL2026A0001 已登记在 张三丰\S* 名下（格力 KFR-35GW）。/);
  await expect(message).toBeVisible();
  // The message sits under the serial field (Mantine links it with aria-describedby).
  const describedBy = await serialField.getAttribute('aria-describedby');
  expect(describedBy).toMatch(/\S/);
  await expect(desk.locator(`[id="${describedBy!.split(' ').at(-1)}"]`)).toContainText('已登记在');
  await screenshot(desk, testInfo, 'duplicate-serial', true);
  await second.press('Escape');

  const customers = await backend.ok('customers:list', { query: '张三丰' });
  expect(customers.total).toBe(1);
  expect(await backend.ok('units:listByCustomer', { customerId: customers.items[0]!.id })).toHaveLength(1);
  expect(problems).toEqual([]);
});

test('the screen language switches to English and stays English after a reload', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await desk.goto('/#/customers');
  await expect(desk.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(desk.getByRole('navigation').getByRole('button', { name: '客户' })).toBeVisible();

  await desk.getByRole('banner').getByText('English').click();
  await expect(desk.getByRole('navigation').getByRole('button', { name: 'Customers' })).toBeVisible();
  await expect(desk.getByRole('button', { name: /New customer/ }).first()).toBeVisible();
  await expect(desk.getByText('No customers yet')).toBeVisible();
  await expect(desk.locator('html')).toHaveAttribute('lang', 'en');
  await expect.poll(async () => (await backend.ok('settings:get', {})).language).toBe('en');

  await desk.reload();
  await expect(desk.getByRole('navigation').getByRole('button', { name: 'Documents' })).toBeVisible();
  await expect(desk.getByTestId('company-missing')).toContainText('company name and service hotline');
  await expect(desk).toHaveTitle('AfterSales Desk');
  await screenshot(desk, testInfo, 'english', true);

  // A customer's page in English: dates per locale, English column names and warranty state.
  const model = await seedModel(backend, MODEL.brand, MODEL.model);
  const customer = await backend.ok('customers:create', person({ name: CUSTOMER.name }));
  const unit = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, ...UNIT });
  await desk.getByRole('textbox', { name: 'Find a customer, unit or document' }).fill('张三');
  await desk.getByRole('option', { name: /张三丰/ }).click();
  const row = desk.getByTestId('units-table').locator(`tr[data-serial="${UNIT.serial}"]`);
  await expect(row).toContainText('5 Mar 2027');
  await expect(row).toContainText('In service');
  await expect(row).toContainText('In warranty');
  await expect(desk.getByRole('columnheader', { name: /Covered until/ })).toBeVisible();
  await expect(desk.getByTestId('customer-contact')).toContainText('Urban');
  await screenshot(desk, testInfo, 'customer-page-english', true);

  // The unit page in English: the engine's lines in English too.
  await desk.goto(`/#/units/${unit.id}`);
  const warranty = desk.getByTestId('unit-warranty');
  await expect(warranty.getByTestId('warranty-start')).toContainText('Acceptance sign-off 5 Mar 2026');
  await expect(warranty.locator('[data-component="whole"]')).toContainText('5 Mar 2027');
  await expect(warranty).not.toContainText(/[\u4e00-\u9fff]{4}/);
  await screenshot(desk, testInfo, 'unit-page-english', true);

  // And back: Chinese again, also remembered.
  await desk.getByRole('banner').getByText('中文').click();
  await expect(desk.getByRole('navigation').getByRole('button', { name: '客户' })).toBeVisible();
  await expect.poll(async () => (await backend.ok('settings:get', {})).language).toBe('zh-CN');
  expect(problems).toEqual([]);
});

test('characters the print font lacks are named before printing', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await backend.ok('settings:update', { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234' });
  // U+20000 (Extension B) is not in the embedded Noto Sans CJK SC.
  const model = await seedModel(backend, MODEL.brand, MODEL.model);
  const customer = await backend.ok('customers:create', person({ name: '王\u{20000}', phones: [{ phone: '13900001111' }] }));
  await backend.ok('units:create', { customerId: customer.id, modelId: model.id, ...UNIT });

  await desk.goto(`/#/customers/${customer.id}`);
  await desk.getByTestId('units-table').getByRole('button', { name: '保修卡' }).click();
  await desk.getByRole('dialog', { name: '打印保修卡' }).getByRole('button', { name: /生成并预览/ }).click();
  const preview = desk.getByRole('dialog', { name: /保修卡 BXK-/ });
  await expect(preview.getByText('有字印不出来')).toBeVisible();
  await expect(preview.getByText('打印字体里没有这些字：\u{20000} (U+20000)')).toBeVisible();
  await expect(preview.getByTestId('pdf-pages')).toHaveAttribute('data-rendered-pages', /^[1-9]/, { timeout: 20_000 });
  await screenshot(desk, testInfo, 'missing-glyphs');
  expect(problems).toEqual([]);
});
