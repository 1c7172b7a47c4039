import type { TestBackend } from '../support/backend';
import { AIRCON_POLICY, phoneTicket } from '../support/sample';
import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

/*
 * The call log at the desk (issue 20, point 1): a caller found by number in the search box and
 * logged as solved on the phone with the keyboard only, seen on the Desk and in the week's
 * summary, which is printed; a repair ticket solved on the phone from its page; both languages.
 */

const PHONE = '13857112345';

async function seed(backend: TestBackend) {
  await backend.ok('settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234' });
  const policy = await backend.ok('policies:create', AIRCON_POLICY);
  const model = await backend.ok('models:create', { brand: '格力', model: 'KFR-35GW', category: '空调', policyId: policy.id });
  const customer = await backend.ok('customers:create', { name: '王小明', phones: [{ phone: PHONE }], addresses: [{ address: '浙江省杭州市西湖区文三路 90 号', isDefault: true }] });
  const unit = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'GL2026A0001', purchaseDate: '2026-03-01' });
  return { customer, unit };
}

test("a caller solved on the phone (keyboard only) appears in the week's summary, which prints", async ({ desk, backend }, testInfo) => {
  test.setTimeout(120_000);
  const problems = watchPage(desk);
  await seed(backend);
  await desk.goto('/#/desk');
  await expect(desk.getByTestId('desk-calls')).toContainText('今天还没有登记来电');

  // The number in the search box, Shift+Enter: the call dialog opens on the customer found.
  await desk.keyboard.press('Control+K');
  await desk.keyboard.type(PHONE);
  await expect(desk.locator('[data-kind="customer"]').first()).toBeVisible();
  await expect(desk.getByTestId('search-log-call')).toContainText('登记这通来电');
  await desk.keyboard.press('Shift+Enter');
  const dialog = desk.getByRole('dialog', { name: '来电登记' });
  await expect(dialog.getByTestId('call-customer')).toHaveText('王小明');
  // The purpose has the focus: → to "consultation" (the outcome follows: solved on the phone), Tab, Tab to the note.
  await expect(dialog.getByRole('radio', { name: '报修' })).toBeFocused();
  await desk.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('radio', { name: '咨询' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: '电话解决' })).toBeChecked();
  await desk.keyboard.press('Tab');
  await expect(dialog.getByRole('radio', { name: '电话解决' })).toBeFocused();
  await desk.keyboard.press('Tab');
  await expect(dialog.getByLabel('记录')).toBeFocused();
  await desk.keyboard.type('询问睡眠模式怎么设置，已电话指导');
  await screenshot(desk, testInfo, 'calls-log-zh', true);
  await desk.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();

  // On the Desk, today's calls.
  const today = desk.getByTestId('desk-calls');
  await expect(today.getByTestId('desk-call')).toHaveCount(1);
  await expect(today).toContainText('王小明');
  await expect(today).toContainText('电话解决');
  await expect(today.getByTestId('desk-calls-figures')).toHaveText('共 1 个，电话解决 1 个');
  await today.scrollIntoViewIfNeeded();
  await screenshot(desk, testInfo, 'calls-desk-zh', true);

  // In the week's summary.
  await today.getByRole('button', { name: '本周来电汇总' }).click();
  await expect(desk).toHaveURL(/#\/calls$/);
  const figures = desk.getByTestId('call-week-figures');
  await expect(figures).toContainText('来电总数1');
  await expect(figures).toContainText('100%');
  await expect(figures).toContainText('达到目标 80%');
  await expect(desk.getByTestId('call-week-grid')).toContainText('咨询');
  await screenshot(desk, testInfo, 'calls-week-zh', true);
  const week = await backend.ok('calls:week', {});
  expect([week.total, week.byPurpose.consultation, week.solvedByPhone, week.phoneSharePct]).toEqual([1, 1, 1, 100]);

  // Printed, archived and numbered like any paper.
  await desk.getByTestId('call-summary-print').click();
  const paperDialog = desk.getByRole('dialog', { name: '打印周汇总' });
  await expect(paperDialog.getByTestId('call-summary-generate')).toBeFocused();
  await desk.keyboard.press('Enter');
  const preview = desk.getByRole('dialog', { name: /来电周汇总 DHZ-/ });
  await expect(preview.getByTestId('pdf-pages')).toHaveAttribute('data-rendered-pages', /^[1-9]/, { timeout: 30_000 });
  await desk.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  expect((await backend.ok('documents:list', { kind: 'callSummary' })).map((d) => d.number)).toEqual([expect.stringMatching(/^DHZ-/)]);

  // In English: the Desk, the week and the dialog.
  await backend.ok('settings:update', { language: 'en' });
  await desk.goto('/#/desk');
  await desk.reload();
  await expect(desk.getByTestId('desk-calls-figures')).toHaveText('1 call, 1 solved on the phone');
  await desk.getByTestId('desk-calls').scrollIntoViewIfNeeded();
  await screenshot(desk, testInfo, 'calls-desk-en', true);
  await desk.goto('/#/calls');
  await expect(desk.getByTestId('call-week-figures')).toContainText('Target of 80% met');
  await screenshot(desk, testInfo, 'calls-week-en', true);
  await desk.keyboard.press('Control+K');
  await desk.keyboard.type('0571 8888 0000');
  await expect(desk.getByTestId('search-log-call')).toContainText('Log this call');
  await desk.keyboard.press('Shift+Enter');
  const en = desk.getByRole('dialog', { name: 'Log a call' });
  await expect(en.getByLabel('Number')).toHaveValue('0571 8888 0000');
  await screenshot(desk, testInfo, 'calls-log-en', true);
  expect(problems).toEqual([]);
});

test('a call that needs a visit goes on to the repair form with its note as the fault, and is counted once, with the ticket', async ({ desk, backend }, testInfo) => {
  test.setTimeout(120_000);
  const problems = watchPage(desk);
  const s = await seed(backend);
  await desk.goto('/#/desk');

  // A customer on file: the outcome "ticket opened" turns the dialog's button into the repair form.
  await desk.keyboard.press('Control+K');
  await desk.keyboard.type(PHONE);
  await expect(desk.locator('[data-kind="customer"]').first()).toBeVisible();
  await desk.keyboard.press('Shift+Enter');
  const dialog = desk.getByRole('dialog', { name: '来电登记' });
  await dialog.getByTestId('call-outcome').getByText('已开工单').click();
  await expect(dialog.getByTestId('call-save-hint')).toContainText('报修单保存时，这次来电随之登记');
  await dialog.getByLabel('记录').fill('开机后不制冷，外机不转');
  await screenshot(desk, testInfo, 'calls-to-repair-zh', true);
  await dialog.getByRole('button', { name: '新建报修单' }).click();
  await expect(dialog).toBeHidden();
  const repair = desk.getByRole('dialog', { name: '新建报修' });
  await expect(repair.getByTestId('new-ticket-customer')).toContainText('王小明');
  await expect(repair.getByLabel('故障描述（客户原话）')).toHaveValue('开机后不制冷，外机不转');
  await repair.getByRole('combobox', { name: '故障类别' }).click();
  await desk.getByRole('option', { name: '不制冷 / 不制热' }).click();
  await desk.keyboard.press('Control+S');
  await expect(desk).toHaveURL(/#\/tickets\/\d+$/);
  const [ticket] = (await backend.ok('tickets:list', { customerId: s.customer.id })).rows;
  expect(ticket).toMatchObject({ unitLabel: expect.stringContaining('GL2026A0001'), faultReported: '开机后不制冷，外机不转' });

  // A number the desk does not know: filed as a customer first, then the same repair form.
  await desk.keyboard.press('Control+K');
  await desk.keyboard.type('13900139000');
  await expect(desk.getByTestId('search-log-call')).toBeVisible();
  await desk.keyboard.press('Shift+Enter');
  await dialog.getByTestId('call-outcome').getByText('已开工单').click();
  await expect(dialog.getByTestId('call-save-hint')).toContainText('先为来电人建立客户档案');
  await dialog.getByLabel('记录').fill('遥控器无反应');
  await desk.keyboard.press('Control+Enter');
  const form = desk.getByRole('dialog', { name: '新来电客户：建档后直接报修' });
  await expect(form.getByLabel('电话 1', { exact: true })).toHaveValue('13900139000');
  await form.getByLabel('姓名 / 单位名称').fill('李华');
  await desk.keyboard.press('Enter');
  await expect(repair.getByTestId('new-ticket-customer')).toContainText('李华');
  await expect(repair.getByLabel('故障描述（客户原话）')).toHaveValue('遥控器无反应');
  await repair.getByLabel('品牌').fill('格力');
  await repair.getByLabel('型号').fill('KFR-26GW');
  await repair.getByRole('combobox', { name: '故障类别' }).click();
  await desk.getByRole('option', { name: '其他' }).click();
  await desk.keyboard.press('Control+S');
  await expect(desk).toHaveURL(/#\/tickets\/\d+$/);

  // Backing out of the repair form brings the call back as it was: it is still logged, as a call to return.
  await desk.keyboard.press('Control+K');
  await desk.keyboard.type(PHONE);
  await expect(desk.locator('[data-kind="customer"]').first()).toBeVisible();
  await desk.keyboard.press('Shift+Enter');
  await dialog.getByTestId('call-outcome').getByText('已开工单').click();
  await dialog.getByLabel('记录').fill('外机漏水，客户要先问物业能否上门');
  await desk.keyboard.press('Control+Enter');
  await expect(repair.getByLabel('故障描述（客户原话）')).toHaveValue('外机漏水，客户要先问物业能否上门');
  await repair.getByRole('button', { name: '取消' }).click();
  await expect(dialog.getByLabel('记录')).toHaveValue('外机漏水，客户要先问物业能否上门');
  await dialog.getByTestId('call-outcome').getByText('待回电').click();
  await dialog.getByRole('button', { name: '登记' }).click();
  await expect(dialog).toBeHidden();

  // An unknown caller backing out of the customer form: the call dialog is back with the number and the note.
  await desk.keyboard.press('Control+K');
  await desk.keyboard.type('13900137777');
  await expect(desk.getByTestId('search-log-call')).toBeVisible();
  await desk.keyboard.press('Shift+Enter');
  await dialog.getByTestId('call-outcome').getByText('已开工单').click();
  await dialog.getByLabel('记录').fill('投影仪无信号');
  await desk.keyboard.press('Control+Enter');
  await expect(form).toBeVisible();
  await form.getByRole('button', { name: '取消' }).click();
  await expect(dialog.getByLabel('来电号码')).toHaveValue('13900137777');
  await expect(dialog.getByLabel('记录')).toHaveValue('投影仪无信号');
  await desk.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Three calls, each once: two with their tickets (none logged by the dialog besides), one to return.
  const day = await backend.ok('calls:day', {});
  expect(day.calls.map((c) => [c.outcome, c.ticketId !== null]).sort()).toEqual([
    ['callBack', false],
    ['ticketOpened', true],
    ['ticketOpened', true],
  ]);
  expect(problems).toEqual([]);
});

test('a repair ticket answered is solved on the phone from its page: resolved, with its callback, never cancelled', async ({ desk, backend }, testInfo) => {
  test.setTimeout(90_000);
  const problems = watchPage(desk);
  const { customer, unit } = await seed(backend);
  const ticket = await backend.ok('tickets:create', phoneTicket(customer.id, { unitId: unit.id, unregisteredUnit: null }));
  await backend.ok('tickets:transition', { id: ticket.id, to: 'answered' });
  await desk.goto(`/#/tickets/${ticket.id}`);
  await desk.getByTestId('ticket-moves').getByRole('button', { name: '电话解决' }).click();
  const dialog = desk.getByRole('dialog', { name: `电话解决：${ticket.number}` });
  await expect(dialog.getByLabel('电话中给出的建议')).toBeFocused();
  // Nothing typed: refused on the spot, in words.
  await desk.keyboard.press('Control+Enter');
  await expect(dialog).toContainText('请写下电话中给出的建议');
  await desk.keyboard.type('滤网积灰，指导客户清洗后制冷恢复');
  await screenshot(desk, testInfo, 'calls-solve-ticket-zh', true);
  await desk.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(desk.getByTestId('ticket-solved-by-phone')).toHaveText('电话解决');
  const saved = await backend.ok('tickets:get', { id: ticket.id });
  expect([saved.status, saved.solvedByPhone, saved.cancelledAt, saved.callbacks.length]).toEqual(['resolved', true, null, 1]);
  await screenshot(desk, testInfo, 'calls-ticket-solved-zh', true);
  await desk.goto('/#/desk');
  await expect(desk.getByTestId('desk-calls')).toContainText(ticket.number);
  await backend.ok('settings:update', { language: 'en' });
  await desk.goto(`/#/tickets/${ticket.id}`);
  await desk.reload();
  await expect(desk.getByTestId('ticket-solved-by-phone')).toHaveText('Solved on the phone');
  await screenshot(desk, testInfo, 'calls-ticket-solved-en', true);
  expect(problems).toEqual([]);
});
