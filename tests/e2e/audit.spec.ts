import type { Page } from '@playwright/test';
import { CHANNELS } from '../../shared/contract';
import { person, seedModel } from '../support/sample';
import type { TestBackend } from '../support/backend';
import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

/** A morning at the desk: 王芳 takes 王小明's call, changes his number and opens a repair; then 李娜 adds a fee with the admin PIN. */
async function seedDay(backend: TestBackend) {
  await backend.ok('session:begin', { operator: '王芳' });
  const model = await seedModel(backend);
  const customer = await backend.ok('customers:create', person({ name: '王小明' }));
  await backend.ok('customers:update', { ...person({ name: '王小明' }), id: customer.id, phones: [{ phone: '13900001111' }] });
  const unit = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'GL2026A0001', purchaseDate: '2026-03-01' });
  const ticket = await backend.ok('tickets:create', {
    customerId: customer.id,
    unitId: unit.id,
    faultReported: '制冷效果差，外机有异响',
    faultCategory: 'noise',
  });
  await backend.ok('tickets:transition', { id: ticket.id, to: 'answered' });
  await backend.ok('session:begin', { operator: '李娜' });
  await backend.ok('session:setPin', { next: '2468' });
  await backend.ok('session:unlock', { pin: '2468' });
  await backend.ok('fees:create', { name: '空调加氟', amountFen: 15000 });
  return { customer, ticket };
}

/**
 * The screen speaks to the clerk: no channel names (`tickets:create`), no column names
 * (`customer_id`), no record shown by its internal number (`#12`).
 */
async function expectClerkWords(desk: Page, columns: string[]): Promise<void> {
  const shown = await desk.locator('body').innerText();
  expect(CHANNELS.filter((channel) => shown.includes(channel))).toEqual([]);
  expect(shown).not.toMatch(/\b[a-z]+:[a-z][A-Za-z]+\b/);
  expect(columns.filter((column) => shown.includes(column))).toEqual([]);
  expect(shown).not.toMatch(/#\d/);
}

/** Every column name with an underscore (the developer's names), from the real schema. */
function columnNames(backend: TestBackend): string[] {
  const rows = backend.store.sqlite
    .prepare("select distinct p.name from sqlite_master m, pragma_table_info(m.name) p where m.type = 'table' and p.name like '%\\_%' escape '\\'")
    .all() as { name: string }[];
  return rows.map((r) => r.name);
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

test('the log shows who changed which record, filters by operator and text, and shows before → after in words', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  const { customer, ticket } = await seedDay(backend);
  const everything = await backend.ok('audit:list', {});
  await openAudit(desk);

  const table = desk.getByTestId('audit-table');
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(everything.total);
  await expect(desk.getByTestId('audit-total')).toHaveText(`共 ${everything.total} 次操作`);
  await expect(desk.getByTestId('audit-read-only')).toContainText('操作记录只能查看，不能修改或删除');
  // Newest first: 李娜's fee, done with the admin PIN, carries the lock and names the fee.
  await expect(rows.first()).toContainText('新增收费项目');
  await expect(rows.first()).toContainText('李娜');
  await expect(rows.first().getByTestId('audit-subject')).toHaveText('空调加氟');
  await expect(rows.first().getByTestId('audit-elevated')).toBeVisible();
  // Each row says which ticket, customer or unit it was about.
  const ticketName = `${ticket.number} · 王小明`;
  await expect(table.locator('tr', { hasText: '新建维修工单' }).getByTestId('audit-subject')).toHaveText(ticketName);
  await expect(table.locator('tr', { hasText: '变更工单状态' }).getByTestId('audit-subject')).toHaveText(ticketName);
  await expect(table.locator('tr', { hasText: '登记设备' }).getByTestId('audit-subject')).toHaveText('格力 KFR-35GW · GL2026A0001');
  await expect(table.locator('tr', { hasText: '修改客户' })).toContainText('王小明');
  await expect(table.locator('tr', { hasText: '修改客户' })).toContainText('客户电话');
  await expect(table.locator('tr', { hasText: '设置管理员密码' }).getByTestId('audit-subject')).toHaveText('管理员密码');
  const columns = columnNames(backend);
  await expectClerkWords(desk, columns);
  await screenshot(desk, testInfo, 'audit-list-zh', true);

  await rows.first().click();
  const detail = desk.getByTestId('audit-detail');
  await expect(detail).toContainText('已用管理员密码解锁');
  const fee = detail.locator('[data-testid="audit-row"][data-table="labour_fees"]');
  await expect(fee.getByTestId('audit-row-label')).toHaveText('空调加氟');
  await expect(fee.locator('[data-field="amount_fen"] [data-side="after"]')).toHaveText('¥150.00');
  await expect(fee.locator('[data-field="active"] [data-side="after"]')).toHaveText('是');
  await expect(fee.locator('[data-field="id"]')).toHaveCount(0);
  await desk.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  // A new ticket in detail: its customer, unit and service level by name, codes in words, the event as a sentence.
  await table.locator('tr', { hasText: '新建维修工单' }).click();
  await expect(desk.getByTestId('audit-detail-subject')).toHaveText(ticketName);
  const created = detail.locator('[data-testid="audit-row"][data-table="tickets"]');
  await expect(created.getByTestId('audit-row-label')).toHaveText(ticketName);
  await expect(created.locator('[data-field="customer_id"] [data-side="after"]')).toHaveText('王小明');
  await expect(created.locator('[data-field="unit_id"] [data-side="after"]')).toHaveText('格力 KFR-35GW · GL2026A0001');
  await expect(created.locator('[data-field="service_level_id"] [data-side="after"]')).toHaveText('标准服务');
  await expect(created.locator('[data-field="fault_category"] [data-side="after"]')).toHaveText('异响 / 振动');
  await expect(created.locator('[data-field="region"] [data-side="after"]')).toHaveText('市区');
  await expect(detail.locator('[data-testid="audit-row"][data-table="ticket_events"]').getByTestId('audit-event')).toContainText('创建工单');
  await expectClerkWords(desk, columns);
  await screenshot(desk, testInfo, 'audit-detail-ticket-zh', true);
  await desk.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  await choose(desk, '操作人', '李娜');
  await expect(rows.filter({ hasText: '王芳' })).toHaveCount(0);
  await expect(rows.filter({ hasText: '李娜' }).first()).toBeVisible();
  await expect(rows.filter({ hasText: '新建维修工单' })).toHaveCount(0);
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
  await expect(phone.getByTestId('audit-row-label')).toHaveText('王小明');
  await expect(phone.locator('[data-field="phone"] [data-side="before"]')).toHaveText('138 1234 5678');
  await expect(phone.locator('[data-field="phone"] [data-side="after"]')).toHaveText('139 0000 1111');
  await expect(phone).toContainText('修改');
  await expectReadOnly(desk);
  await expectClerkWords(desk, columns);
  await screenshot(desk, testInfo, 'audit-detail-zh', true);

  // From the detail to every change of that customer, headed by the customer's name.
  await detail.locator('[data-testid="audit-row"][data-table="customers"]').getByRole('button', { name: '这条记录的全部改动' }).click();
  await expect(detail).toBeHidden();
  await expect(desk.getByTestId('audit-record-filter')).toHaveText('只看这条记录：客户 王小明');
  const history = await backend.ok('audit:list', { table: 'customers', rowId: String(customer.id) });
  await expect(rows).toHaveCount(history.total);
  await expect(rows.last()).toContainText('新建客户');
  await expectClerkWords(desk, columns);
  await screenshot(desk, testInfo, 'audit-record-zh', true);

  // The customer's name finds the changes of his ticket too.
  await desk.getByRole('button', { name: '清除筛选' }).click();
  await desk.getByRole('textbox', { name: '搜索内容' }).fill('王小明');
  await expect(rows.filter({ hasText: '变更工单状态' })).toHaveCount(1);
  await desk.getByRole('button', { name: '清除筛选' }).click();
  await expect(rows).toHaveCount(everything.total);
  expect(problems).toEqual([]);
});

test('the log in English: filter by action, no match, records named, a new ticket in detail', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await backend.ok('settings:update', { language: 'en' });
  await openAudit(desk);
  // The language choice is itself a change the log keeps, named as the setting it changed.
  await desk.getByRole('combobox', { name: 'Action', exact: true }).click();
  await desk.getByRole('option', { name: 'Change settings', exact: true }).click();
  const rows = desk.getByTestId('audit-table').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId('audit-subject')).toHaveText('Screen and paper language');
  await rows.first().click();
  const detail = desk.getByTestId('audit-detail');
  await expect(detail.locator('[data-field="value"] [data-side="after"]')).toHaveText('English');
  await desk.keyboard.press('Escape');
  await desk.getByRole('textbox', { name: 'Search' }).fill('nothing like this anywhere');
  await expect(desk.getByTestId('audit-empty')).toContainText('No changes match these filters');
  await screenshot(desk, testInfo, 'audit-no-match-en', true);
  await desk.getByTestId('audit-empty').getByRole('button', { name: 'Clear filters' }).click();

  const { ticket } = await seedDay(backend);
  await openAudit(desk);
  await expect(rows.first()).toContainText('New labour fee');
  await expect(rows.first().getByTestId('audit-subject')).toHaveText('空调加氟');
  await expect(desk.getByTestId('audit-read-only')).toHaveText('The audit log can be read, never edited or deleted.');
  const ticketName = `${ticket.number} · 王小明`;
  await expect(rows.filter({ hasText: 'New repair ticket' }).getByTestId('audit-subject')).toHaveText(ticketName);
  await expect(rows.filter({ hasText: 'Set admin PIN' }).getByTestId('audit-subject')).toHaveText('Admin PIN');
  const columns = columnNames(backend);
  await expectClerkWords(desk, columns);
  await screenshot(desk, testInfo, 'audit-list-en', true);

  await rows.filter({ hasText: 'New repair ticket' }).click();
  await expect(desk.getByTestId('audit-detail-subject')).toHaveText(ticketName);
  const created = detail.locator('[data-testid="audit-row"][data-table="tickets"]');
  await expect(created).toContainText('Added');
  await expect(created.locator('[data-field="fault_reported"]')).toContainText('制冷效果差');
  await expect(created.locator('td', { hasText: 'Customer' }).first()).toBeVisible();
  await expect(created.locator('[data-field="customer_id"] [data-side="after"]')).toHaveText('王小明');
  await expect(created.locator('[data-field="unit_id"] [data-side="after"]')).toHaveText('格力 KFR-35GW · GL2026A0001');
  // Stored codes read as words, money and moments as the desk writes them.
  await expect(created.locator('[data-field="severity"] [data-side="after"]')).toHaveText('Ordinary');
  await expect(created.locator('[data-field="travel_fen"] [data-side="after"]')).toHaveText(/^¥\d/);
  await expect(created.locator('[data-field="reported_at"] [data-side="after"]')).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2}$/);
  await expect(detail.locator('[data-testid="audit-row"][data-table="ticket_events"]').getByTestId('audit-event')).toBeVisible();
  await expectReadOnly(desk);
  await expectClerkWords(desk, columns);
  await screenshot(desk, testInfo, 'audit-detail-en', true);
  await desk.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  // A ticket moved on: the change names the ticket, the status reads in words.
  await rows.filter({ hasText: 'Change ticket status' }).click();
  await expect(desk.getByTestId('audit-detail-subject')).toHaveText(ticketName);
  const moved = detail.locator('[data-testid="audit-row"][data-table="tickets"]');
  await expect(moved.locator('[data-field="status"] [data-side="before"]')).toHaveText('New');
  await expect(moved.locator('[data-field="status"] [data-side="after"]')).toHaveText('Answered');
  await expectClerkWords(desk, columns);
  await screenshot(desk, testInfo, 'audit-detail-status-en', true);
  await desk.keyboard.press('Escape');
  expect(problems).toEqual([]);
});
