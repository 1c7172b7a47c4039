import type { Page } from '@playwright/test';
import { person, phoneTicket, seedModel } from '../support/sample';
import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

/** Keys pressed (not typed text), so the flow's cost can be quoted and kept from growing. */
function keyCounter(desk: Page) {
  let count = 0;
  return {
    press: async (key: string) => {
      count += 1;
      await desk.keyboard.press(key);
    },
    get count() {
      return count;
    },
  };
}

test('an unknown caller to a printed intake copy with the keyboard alone', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await backend.ok('settings:update', { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234' });
  await seedModel(backend);
  // Someone else's number shares the first digits: the new caller must not be taken for them.
  await backend.ok('customers:create', person({ name: '张三', phones: [{ phone: '13900131111' }] }));
  await desk.goto('/#/desk');
  await expect(desk.getByTestId('desk-urgent')).toBeVisible();
  const keys = keyCounter(desk);

  await keys.press('Control+K');
  await desk.keyboard.type('139 0013 9000');
  const dropdown = desk.getByTestId('search-dropdown');
  await expect(dropdown.locator('[data-kind="new-caller"]')).toContainText('新客户：139 0013 9000');
  await screenshot(desk, testInfo, 'caller-unknown-zh', true);
  await keys.press('Enter');

  const form = desk.getByRole('dialog', { name: '新来电客户：建档后直接报修' });
  await expect(form.getByLabel('电话 1', { exact: true })).toHaveValue('139 0013 9000');
  await expect(form.getByLabel('姓名 / 单位名称')).toBeFocused();
  await desk.keyboard.type('王小明');
  await screenshot(desk, testInfo, 'caller-new-customer-zh', true);
  await keys.press('Enter');

  // Straight on to the repair, on the new customer's page; no units yet, so the unit is typed.
  const repair = desk.getByRole('dialog', { name: '新建报修' });
  await expect(repair.getByTestId('new-ticket-customer')).toContainText('王小明');
  await expect(desk).toHaveURL(/#\/customers\/\d+$/);
  await expect(repair.getByLabel('品牌')).toBeFocused();
  await desk.keyboard.type('格力');
  await keys.press('Tab');
  await desk.keyboard.type('KFR-35GW');
  await keys.press('Tab');
  await keys.press('Tab');
  await desk.keyboard.type('开机后不制冷，外机不转');
  await keys.press('Tab');
  // Part of a category and Enter picks it (once the list has marked its first match: Playwright
  // types faster than a person, and an Enter before that frame picks nothing).
  await desk.keyboard.type('不制冷');
  await expect(desk.getByRole('option', { name: '不制冷 / 不制热' })).toHaveAttribute('data-combobox-selected', 'true');
  await keys.press('Enter');
  await expect(repair.getByRole('textbox', { name: '故障类别' }).or(repair.getByLabel('故障类别'))).toHaveValue('不制冷 / 不制热');
  await keys.press('Control+S');

  await expect(desk).toHaveURL(/#\/tickets\/\d+$/);
  await expect(desk.getByTestId('ticket-header')).toContainText('王小明');
  await keys.press('Control+P');
  const printDialog = desk.getByRole('dialog', { name: /打印：工单/ });
  // A call just taken: the intake copy is what goes out first.
  await expect(printDialog.getByRole('radio', { name: '维修单（收机联）' })).toBeChecked();
  await keys.press('Enter');
  const preview = desk.getByRole('dialog', { name: /维修收机凭证 SJD-/ });
  await expect(preview.getByTestId('pdf-pages')).toHaveAttribute('data-rendered-pages', /^[1-9]/, { timeout: 20_000 });
  await keys.press('Control+P');
  await expect.poll(() => backend.platform.printed.length).toBe(1);
  testInfo.annotations.push({ type: 'keys', description: `unknown caller to a printed intake copy: ${keys.count} keys besides the typed text` });
  console.log(`unknown caller to a printed intake copy: ${keys.count} keys besides the typed text`);
  expect(problems).toEqual([]);
});

test('an unknown caller in English, with the same keys', async ({ desk, backend }) => {
  const problems = watchPage(desk);
  await backend.ok('settings:update', { companyName: 'Hangzhou Warm Air Service Co.', hotline: '400-800-1234', language: 'en' });
  await seedModel(backend);
  await desk.goto('/#/desk');
  await desk.reload();
  await expect(desk.getByTestId('desk-urgent')).toBeVisible();
  const keys = keyCounter(desk);
  await keys.press('Control+K');
  await desk.keyboard.type('139 0013 9000');
  await expect(desk.getByTestId('search-dropdown').locator('[data-kind="new-caller"]')).toContainText('New customer: 139 0013 9000');
  await keys.press('Enter');
  const form = desk.getByRole('dialog', { name: 'New caller: add them, then open the repair' });
  await expect(form.getByLabel('Phone 1', { exact: true })).toHaveValue('139 0013 9000');
  await desk.keyboard.type('Wang Xiaoming');
  await keys.press('Enter');
  const repair = desk.getByRole('dialog', { name: 'New repair' });
  await expect(repair.getByLabel('Brand')).toBeFocused();
  await desk.keyboard.type('Gree');
  await keys.press('Tab');
  await desk.keyboard.type('KFR-35GW');
  await keys.press('Tab');
  await keys.press('Tab');
  await desk.keyboard.type('Not cooling, outdoor fan still');
  await keys.press('Tab');
  await desk.keyboard.type('not cool');
  await expect(desk.getByRole('option', { name: 'Not cooling / heating' })).toHaveAttribute('data-combobox-selected', 'true');
  await keys.press('Enter');
  await keys.press('Control+S');
  await expect(desk).toHaveURL(/#\/tickets\/\d+$/);
  await keys.press('Control+P');
  const printDialog = desk.getByRole('dialog', { name: /Print: ticket/ });
  await expect(printDialog.getByRole('radio', { name: /intake/i })).toBeChecked();
  await expect(printDialog.getByRole('button', { name: /Generate and preview/ })).toBeFocused();
  await keys.press('Enter');
  await expect(desk.getByRole('dialog', { name: /SJD-/ }).getByTestId('pdf-pages')).toHaveAttribute('data-rendered-pages', /^[1-9]/, { timeout: 20_000 });
  await keys.press('Control+P');
  await expect.poll(() => backend.platform.printed.length).toBe(1);
  console.log(`unknown caller to a printed intake copy (en): ${keys.count} keys besides the typed text`);
  expect(problems).toEqual([]);
});

test('a known caller to a printed intake copy: no clicks, a handful of keys, in both languages', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await backend.ok('settings:update', { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234' });
  const model = await seedModel(backend);
  const zhang = await backend.ok('customers:create', person({ name: '张三丰', phones: [{ phone: '13812345678' }] }));
  await backend.ok('units:create', { customerId: zhang.id, modelId: model.id, serial: 'GL2026A0001', purchaseDate: '2026-03-01', acceptanceDate: '2026-03-05' });
  let printed = 0;
  for (const [lang, fault, category, preview] of [
    ['zh-CN', '开机后不制冷', '不制冷', /维修收机凭证 SJD-/],
    ['en', 'Not cooling after start', 'Not cooling', /Repair intake receipt SJD-|SJD-/],
  ] as const) {
    await backend.ok('settings:update', { language: lang });
    await desk.goto('/#/desk');
    await desk.reload();
    await expect(desk.getByTestId('desk-urgent')).toBeVisible();
    const keys = keyCounter(desk);
    await keys.press('Control+K');
    await desk.keyboard.type('5678');
    await expect(desk.getByTestId('search-dropdown').locator('[data-kind="customer"]')).toBeVisible();
    await keys.press('Enter');
    await expect(desk.getByTestId('customer-contact')).toContainText('138 1234 5678');
    // The customer's page takes Ctrl+N for their repair; their one unit is already chosen.
    await keys.press('Control+N');
    const form = desk.getByRole('dialog', { name: lang === 'en' ? 'New repair' : '新建报修' });
    await expect(form.getByTestId('new-ticket-customer')).toContainText('张三丰');
    await desk.keyboard.type(fault);
    await keys.press('Tab');
    await desk.keyboard.type(category);
    await expect(desk.getByRole('option').first()).toHaveAttribute('data-combobox-selected', 'true');
    await keys.press('Enter');
    await keys.press('Control+S');
    await expect(desk).toHaveURL(/#\/tickets\/\d+$/);
    await keys.press('Control+P');
    const printDialog = desk.getByRole('dialog', { name: lang === 'en' ? /Print: ticket/ : /打印：工单/ });
    await expect(printDialog.getByRole('button', { name: lang === 'en' ? /Generate and preview/ : /生成并预览/ })).toBeFocused();
    await keys.press('Enter');
    await expect(desk.getByRole('dialog', { name: preview }).getByTestId('pdf-pages')).toHaveAttribute('data-rendered-pages', /^[1-9]/, { timeout: 20_000 });
    await keys.press('Control+P');
    printed += 1;
    await expect.poll(() => backend.platform.printed.length).toBe(printed);
    if (lang === 'en') await screenshot(desk, testInfo, 'caller-known-printed-en', true);
    console.log(`known caller to a printed intake copy (${lang}): 0 clicks, ${keys.count} keys besides the typed text`);
  }
  expect(problems).toEqual([]);
});

test('a known caller: their open repair shows in the search row, in English too', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  const zhang = await backend.ok('customers:create', person({ name: '张三', phones: [{ phone: '13812345678' }] }));
  const tech = await backend.ok('technicians:create', { name: '李师傅', phone: '13900002222', skills: [] });
  const ticket = await backend.ok('tickets:create', phoneTicket(zhang.id));
  await backend.ok('tickets:transition', { id: ticket.id, to: 'answered' });
  await backend.ok('tickets:assign', { id: ticket.id, technicianIds: [tech.id] });
  await desk.goto('/#/desk');
  await expect(desk.getByTestId('desk-urgent')).toBeVisible();

  await desk.keyboard.press('Control+K');
  await desk.keyboard.type('12345678');
  const row = desk.getByTestId('search-dropdown').locator('[data-kind="customer"]');
  await expect(row.getByTestId('hit-open-tickets')).toContainText(ticket.number);
  await expect(row.getByTestId('hit-open-tickets')).toContainText('已响应');
  await expect(row.getByTestId('hit-open-tickets')).toContainText('李师傅');
  // A number nobody has in full is still offered as a new caller, below the look-alikes.
  await desk.keyboard.press('Escape');
  await desk.keyboard.press('Control+K');
  await desk.keyboard.type('设置');
  await expect(desk.getByTestId('search-dropdown').locator('[data-action="go:settings"]')).toBeVisible();
  await desk.keyboard.press('Enter');
  await expect(desk).toHaveURL(/#\/settings$/);

  await backend.ok('settings:update', { language: 'en' });
  await desk.reload();
  await expect(desk.getByText('Settings').first()).toBeVisible();
  await desk.keyboard.press('Control+K');
  await desk.keyboard.type('zhang');
  await expect(row.getByTestId('hit-open-tickets')).toContainText('Answered');
  await screenshot(desk, testInfo, 'caller-known-en', true);
  await desk.keyboard.press('Escape');
  await desk.keyboard.press('Control+K');
  await desk.keyboard.type('0571 8888 7777');
  await expect(desk.getByTestId('search-dropdown').locator('[data-kind="new-caller"]')).toContainText('New customer: 0571 8888 7777');
  await screenshot(desk, testInfo, 'caller-unknown-en', true);
  expect(problems).toEqual([]);
});
