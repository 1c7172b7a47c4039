import type { Page } from '@playwright/test';
import { person } from '../support/sample';
import type { TestBackend } from '../support/backend';
import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

/** A morning at the desk: 王芳 takes a customer's call and changes the number, then 李娜 adds a fee with the admin PIN. */
async function seedDay(backend: TestBackend) {
  await backend.ok('session:begin', { operator: '王芳' });
  const customer = await backend.ok('customers:create', person());
  await backend.ok('customers:update', { ...person(), id: customer.id, phones: [{ phone: '13900001111' }] });
  await backend.ok('tickets:create', {
    customerId: customer.id,
    unregisteredUnit: { brand: '格力', model: 'KFR-35GW' },
    faultReported: '制冷效果差，外机有异响',
    faultCategory: 'noise',
  });
  await backend.ok('session:begin', { operator: '李娜' });
  await backend.ok('session:setPin', { next: '2468' });
  await backend.ok('session:unlock', { pin: '2468' });
  await backend.ok('fees:create', { name: '空调加氟', amountFen: 15000 });
  return customer;
}

/** The start screen may ask who is at the desk on load: the session is begun before, and the page loaded again. */
async function openAudit(desk: Page): Promise<void> {
  await desk.goto('/#/audit');
  await desk.reload();
  await expect(desk.getByRole('heading', { name: /操作记录|Audit log/ })).toBeVisible();
}

async function choose(desk: Page, filter: string, option: string): Promise<void> {
  await desk.getByRole('combobox', { name: filter, exact: true }).click();
  await desk.getByRole('option', { name: option, exact: true }).click();
}

/** Nothing on the screen or in the detail offers to change the log. */
async function expectReadOnly(desk: Page): Promise<void> {
  await expect(desk.getByRole('button', { name: /删除|修改|编辑|保存|撤销|Delete|Edit|Save|Undo/ })).toHaveCount(0);
  await expect(desk.getByTestId('audit-detail').getByRole('textbox')).toHaveCount(0);
}

test('the log shows who changed what, filters by operator and text, and shows before → after', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  const customer = await seedDay(backend);
  const everything = await backend.ok('audit:list', {});
  await openAudit(desk);

  const table = desk.getByTestId('audit-table');
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(everything.total);
  await expect(desk.getByTestId('audit-total')).toHaveText(`共 ${everything.total} 次操作`);
  await expect(desk.getByTestId('audit-read-only')).toContainText('操作记录只能查看，不能修改或删除');
  // Newest first: 李娜's fee, done with the admin PIN, carries the lock.
  await expect(rows.first()).toContainText('新增收费项目');
  await expect(rows.first()).toContainText('李娜');
  await expect(rows.first().getByTestId('audit-elevated')).toBeVisible();
  await expect(table.locator('tr', { hasText: '新建工单' })).toContainText('工单');
  await expect(table.locator('tr', { hasText: '修改客户' })).toContainText('客户电话');
  await screenshot(desk, testInfo, 'audit-list-zh', true);

  await rows.first().click();
  const detail = desk.getByTestId('audit-detail');
  await expect(detail).toContainText('已用管理员密码解锁');
  const fee = detail.locator('[data-testid="audit-row"][data-table="labour_fees"]');
  await expect(fee.locator('[data-field="amount_fen"] [data-side="after"]')).toHaveText('¥150.00');
  await expect(fee.locator('[data-field="active"] [data-side="after"]')).toHaveText('是');
  await desk.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  await choose(desk, '操作人', '李娜');
  await expect(rows.filter({ hasText: '王芳' })).toHaveCount(0);
  await expect(rows.filter({ hasText: '李娜' }).first()).toBeVisible();
  await expect(rows.filter({ hasText: '新建工单' })).toHaveCount(0);
  await desk.getByRole('button', { name: '清除筛选' }).click();
  await expect(rows).toHaveCount(everything.total);

  // The old number is found in what was before: the customer's creation and the change away from it.
  await desk.getByRole('textbox', { name: '搜索内容' }).fill('13812345678');
  await expect(desk.getByTestId('audit-total')).toHaveText('共 2 次操作');
  await expect(rows.nth(0)).toContainText('修改客户');
  await expect(rows.nth(1)).toContainText('新建客户');
  await expectReadOnly(desk);

  await rows.nth(0).focus();
  await desk.keyboard.press('Enter');
  await expect(detail).toContainText('王芳');
  const phone = detail.locator('[data-testid="audit-row"][data-table="customer_phones"]');
  await expect(phone.locator('[data-field="phone"] [data-side="before"]')).toHaveText('138 1234 5678');
  await expect(phone.locator('[data-field="phone"] [data-side="after"]')).toHaveText('139 0000 1111');
  await expect(phone).toContainText('修改');
  await detail.getByRole('button', { name: '显示请求内容' }).click();
  await expect(detail.getByTestId('audit-request')).toContainText('"phone": "13900001111"');
  await expectReadOnly(desk);
  await screenshot(desk, testInfo, 'audit-detail-zh', true);

  // From the detail to every change of that customer.
  await detail.locator('[data-testid="audit-row"][data-table="customers"]').getByRole('button', { name: '这条记录的全部改动' }).click();
  await expect(detail).toBeHidden();
  await expect(desk.getByTestId('audit-record-filter')).toHaveText(`只看这条记录：客户 #${customer.id}`);
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('修改客户');
  await expect(rows.nth(1)).toContainText('新建客户');
  await screenshot(desk, testInfo, 'audit-record-zh', true);

  await desk.keyboard.press('Escape');
  await desk.getByRole('button', { name: '清除筛选' }).click();
  await expect(rows).toHaveCount(everything.total);
  expect(problems).toEqual([]);
});

test('the log in English: filter by action, no match, a new ticket in detail', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await backend.ok('settings:update', { language: 'en' });
  await openAudit(desk);
  // The language choice is itself a change the log keeps.
  await desk.getByRole('combobox', { name: 'Action', exact: true }).click();
  await desk.getByRole('option', { name: 'Change settings', exact: true }).click();
  await expect(desk.getByTestId('audit-table').locator('tbody tr')).toHaveCount(1);
  await desk.getByRole('textbox', { name: 'Search' }).fill('nothing like this anywhere');
  await expect(desk.getByTestId('audit-empty')).toContainText('No changes match these filters');
  await screenshot(desk, testInfo, 'audit-no-match-en', true);
  await desk.getByTestId('audit-empty').getByRole('button', { name: 'Clear filters' }).click();

  await seedDay(backend);
  await openAudit(desk);
  const rows = desk.getByTestId('audit-table').locator('tbody tr');
  await expect(rows.first()).toContainText('New labour fee');
  await expect(desk.getByTestId('audit-read-only')).toHaveText('The audit log can be read, never edited or deleted.');
  await screenshot(desk, testInfo, 'audit-list-en', true);

  await rows.filter({ hasText: 'New ticket' }).click();
  const detail = desk.getByTestId('audit-detail');
  const ticket = detail.locator('[data-testid="audit-row"][data-table="tickets"]');
  await expect(ticket).toContainText('Added');
  await expect(ticket.locator('[data-field="fault_reported"]')).toContainText('制冷效果差');
  // Stored codes read as words, money and moments as the desk writes them.
  await expect(ticket.locator('[data-field="severity"] [data-side="after"]')).toHaveText('Ordinary');
  await expect(ticket.locator('[data-field="reported_at"] [data-side="after"]')).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2}$/);
  await expectReadOnly(desk);
  await screenshot(desk, testInfo, 'audit-detail-en', true);
  await desk.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  expect(problems).toEqual([]);
});
