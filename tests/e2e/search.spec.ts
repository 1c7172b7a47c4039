import type { Page } from '@playwright/test';
import type { TestBackend } from '../support/backend';
import { person, seedModel } from '../support/sample';
import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

/**
 * Three callers whose numbers, names and serials look alike enough that the search must pick
 * the right one: 张三 and 李四 both have mobiles starting 13, 王五's unit serial contains 138.
 */
async function seedCallers(backend: TestBackend) {
  await backend.ok('settings:update', { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234' });
  const gree = await seedModel(backend, '格力', 'KFR-35GW');
  const midea = await backend.ok('models:create', { brand: '美的', model: 'KFR-26GW', category: '空调', policyId: gree.policyId });
  const zhang = await backend.ok('customers:create', person({ name: '张三', phones: [{ phone: '13812345678' }] }));
  const li = await backend.ok(
    'customers:create',
    person({
      name: '李四',
      phones: [
        { phone: '13987654321', label: '手机' },
        { phone: '0571-88886666', label: '办公' },
      ],
      addresses: [{ address: '浙江省杭州市拱墅区莫干山路 100 号', isDefault: true }],
    }),
  );
  const wang = await backend.ok('customers:create', person({ name: '王五', kind: 'organisation', region: 'suburban', phones: [{ phone: '13700001111' }] }));
  const zhangUnit = await backend.ok('units:create', {
    customerId: zhang.id,
    modelId: gree.id,
    serial: 'GL2026A0001',
    purchaseDate: '2026-03-01',
    acceptanceDate: '2026-03-05',
  });
  // Accepted a year ago less a few weeks: its warranty is ending.
  const liUnit = await backend.ok('units:create', {
    customerId: li.id,
    modelId: gree.id,
    serial: 'GL2025B0002',
    purchaseDate: '2025-12-01',
    acceptanceDate: '2025-12-10',
  });
  const wangUnit = await backend.ok('units:create', { customerId: wang.id, modelId: midea.id, serial: 'SN138001', purchaseDate: '2023-05-01', acceptanceDate: '2023-05-02' });
  // One serial on two different models: a scanner cannot tell which is meant.
  await backend.ok('units:create', { customerId: zhang.id, modelId: gree.id, serial: 'DUP0001', purchaseDate: '2026-01-01' });
  await backend.ok('units:create', { customerId: wang.id, modelId: midea.id, serial: 'DUP0001', purchaseDate: '2026-01-01' });
  return { zhang, li, wang, zhangUnit, liUnit, wangUnit };
}

function searchBox(desk: Page) {
  return desk.getByRole('textbox', { name: '查找客户、设备或单据' });
}

async function search(desk: Page, text: string): Promise<void> {
  // Right after a reload the shortcut may land before the app has mounted its handler: press again.
  await expect(async () => {
    await desk.keyboard.press('Control+K');
    await expect(searchBox(desk)).toBeFocused({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await desk.keyboard.type(text);
}

test('a phone fragment, pinyin initials and a serial each open the right record', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  const { zhang, li, zhangUnit, liUnit } = await seedCallers(backend);
  await desk.reload();

  // Part of 李四's second number, typed the way it is read out.
  await search(desk, '8888 6666');
  await expect(desk.getByRole('option', { name: /李四/ })).toBeVisible();
  await expect(desk.getByRole('option', { name: /张三/ })).toHaveCount(0);
  await desk.keyboard.press('Enter');
  await expect(desk).toHaveURL(new RegExp(`#/customers/${li.id}$`));
  await expect(desk.getByTestId('customer-contact')).toContainText('0571-88886666');
  await expect(searchBox(desk)).toHaveValue('');

  // Pinyin initials: zs is 张三, not 李四 or 王五.
  await search(desk, 'zs');
  await expect(desk.getByRole('option', { name: /张三/ })).toBeVisible();
  await expect(desk.getByRole('option', { name: /李四|王五/ })).toHaveCount(0);
  await desk.keyboard.press('Enter');
  await expect(desk).toHaveURL(new RegExp(`#/customers/${zhang.id}$`));
  await expect(desk.getByTestId('customer-contact')).toContainText('张三');

  // A serial opens the unit itself, with its warranty.
  await search(desk, 'GL2025B0002');
  const unitOption = desk.getByRole('option', { name: /GL2025B0002/ });
  await expect(unitOption).toContainText('李四');
  await expect(unitOption.locator('[data-state="ending"]')).toBeVisible();
  await expect(unitOption).toContainText('保修至 2026-12-10');
  await desk.keyboard.press('Enter');
  await expect(desk).toHaveURL(new RegExp(`#/units/${liUnit.id}$`));
  await expect(desk.getByTestId('unit-header')).toContainText('GL2025B0002');
  await expect(desk.getByTestId('unit-header').locator('[data-state="ending"]')).toHaveText('保修即将到期');

  // A fragment of a serial finds it too.
  await search(desk, '2026A');
  await expect(desk.getByRole('option', { name: /GL2026A0001/ })).toBeVisible();
  await desk.keyboard.press('Escape');

  // Two kinds at once: 王五's unit (serial SN138001) and 张三 (phone 138…); arrows pick the second.
  await search(desk, '138');
  const dropdown = desk.getByTestId('search-dropdown');
  await expect(dropdown.getByRole('option')).toHaveCount(2);
  await expect(dropdown.getByRole('option').nth(0)).toContainText('SN138001');
  await expect(dropdown.getByRole('option').nth(1)).toContainText('张三');
  await expect(dropdown.getByText('设备', { exact: true })).toBeVisible();
  await expect(dropdown.getByText('客户', { exact: true })).toBeVisible();
  // 张三's row shows the state of each of his units.
  await expect(dropdown.getByRole('option').nth(1).locator('[data-state]')).toHaveCount(2);
  await screenshot(desk, testInfo, 'search-dropdown', true);
  await desk.keyboard.press('ArrowDown');
  await desk.keyboard.press('ArrowDown');
  await desk.keyboard.press('Enter');
  await expect(desk).toHaveURL(new RegExp(`#/customers/${zhang.id}$`));
  await expect(desk.getByTestId('units-table').locator(`tr[data-serial="${zhangUnit.serial}"]`)).toBeVisible();

  // Nothing found says so, with the text typed.
  await search(desk, '99999999');
  await expect(desk.getByText('没有找到“99999999”')).toBeVisible();
  expect(problems).toEqual([]);
});

test('a barcode scanner typing a serial and Enter anywhere opens the unit', async ({ desk, backend }) => {
  const problems = watchPage(desk);
  const { liUnit } = await seedCallers(backend);
  await desk.goto('/#/customers');
  await desk.reload();
  await expect(desk.getByTestId('customers-table')).toBeVisible();
  // Focus on the page itself, not in a field: where a scan lands between calls.
  await desk.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  await desk.keyboard.type('GL2025B0002', { delay: 10 });
  await desk.keyboard.press('Enter');
  await expect(desk).toHaveURL(new RegExp(`#/units/${liUnit.id}$`));
  await expect(desk.getByTestId('unit-header')).toContainText('GL2025B0002');

  // After a click on a button the focus is on it: the scan's Enter must not press it.
  await desk.getByRole('navigation').getByRole('button', { name: '产品与保修' }).click();
  await expect(desk.getByTestId('models-table')).toBeVisible();
  await desk.keyboard.type('SN138001', { delay: 10 });
  await desk.keyboard.press('Enter');
  await expect(desk.getByTestId('unit-header')).toContainText('SN138001');

  // A serial on two units: the search opens with both to choose from.
  await desk.keyboard.type('DUP0001', { delay: 10 });
  await desk.keyboard.press('Enter');
  await expect(searchBox(desk)).toHaveValue('DUP0001');
  await expect(desk.getByTestId('search-dropdown').getByRole('option', { name: /DUP0001/ })).toHaveCount(2);
  await desk.keyboard.press('Escape');
  await desk.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  // An unknown serial says so, and nothing else happens.
  await desk.keyboard.type('NOPE9999', { delay: 10 });
  await desk.keyboard.press('Enter');
  await expect(desk.getByText('没有序列号为“NOPE9999”的设备', { exact: false })).toBeVisible();
  await expect(desk.getByTestId('unit-header')).toContainText('SN138001');
  expect(problems).toEqual([]);
});

test('a document number opens the document itself, ready to reprint', async ({ desk, backend }) => {
  const problems = watchPage(desk);
  const { liUnit } = await seedCallers(backend);
  const card = await backend.ok('documents:warrantyCard', { unitId: liUnit.id, paper: 'A4', language: 'zh-CN' });
  await desk.reload();

  await search(desk, card.number);
  const option = desk.getByTestId('search-dropdown').getByRole('option', { name: new RegExp(card.number) });
  await expect(option).toContainText('GL2025B0002');
  await desk.keyboard.press('Enter');
  const preview = desk.getByRole('dialog', { name: `保修卡 ${card.number}` });
  await expect(preview.getByTestId('pdf-pages')).toHaveAttribute('data-rendered-pages', /^[1-9]/, { timeout: 20_000 });
  await desk.keyboard.press('Control+P');
  await expect.poll(() => backend.platform.printed.length).toBe(1);
  expect(problems).toEqual([]);
});

test('an installation job and a contract open from the number on their papers', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  const { wang, wangUnit } = await seedCallers(backend);
  const [model] = await backend.ok('models:list', { query: 'KFR-26GW' });
  const delivered = await backend.ok('units:create', { customerId: wang.id, modelId: model!.id, serial: 'MD2026C0009', purchaseDate: '2026-12-01' });
  const job = await backend.ok('installations:create', { customerId: wang.id, unitIds: [delivered.id], appointmentOn: '2026-12-20' });
  const contract = await backend.ok('contracts:create', {
    customerId: wang.id,
    unitIds: [wangUnit.id],
    kind: 'paid',
    startsOn: '2026-12-01',
    endsOn: '2027-11-30',
    plan: [{ kind: 'inspection', repeat: 'quarter', from: '2026-12-01', to: '2027-11-30' }],
  });
  await desk.reload();

  // Typed by hand from the installation notice: lower case, spaces, no zeros.
  await search(desk, job.number.toLowerCase().replace(/-0*/g, ' '));
  const option = desk.getByTestId('search-dropdown').getByRole('option', { name: new RegExp(job.number) });
  await expect(option).toContainText('王五 · 1 台设备');
  await expect(option).toContainText('待验收');
  await screenshot(desk, testInfo, 'search-installation-zh', true);
  await desk.keyboard.press('Enter');
  await expect(desk).toHaveURL(new RegExp(`#/installations/${job.id}$`));

  await search(desk, contract.number);
  const found = desk.getByTestId('search-dropdown').getByRole('option', { name: new RegExp(contract.number) });
  await expect(found).toContainText('有效');
  await desk.keyboard.press('Enter');
  await expect(desk).toHaveURL(new RegExp(`#/maintenance/${contract.id}$`));
  expect(problems).toEqual([]);
});
