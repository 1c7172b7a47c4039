import type { Page } from '@playwright/test';
import { person } from '../support/sample';
import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

/** An input by its exact name (the remove buttons beside them say "删除…" + the same words). */
function field(desk: Page, name: string) {
  return desk.getByRole('textbox', { name, exact: true });
}

async function openSettingsTab(desk: Page, tab: string): Promise<void> {
  await desk.goto('/#/settings');
  await desk.getByRole('tab', { name: tab }).click();
}

test('the desk enters the 2027 holidays and the warning goes', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  // The machine's clock says November 2026: 2027 is the coming year and not shipped.
  expect((await backend.ok('calendar:get', {})).missingYear).toBe(2027);
  await openSettingsTab(desk, '工作日历');
  const notice = desk.getByTestId('calendar-missing');
  await expect(notice).toContainText('2027 年的节假日安排尚未录入');
  await expect(desk.getByTestId('holiday-row')).toHaveCount(7);
  await screenshot(desk, testInfo, 'settings-calendar', true);

  await notice.getByRole('button', { name: '录入 2027 年安排' }).click();
  await expect(desk.getByText('2027 年还没有安排')).toBeVisible();
  // Meanwhile 2027 uses the holidays the law fixes, each shown as provisional.
  const provisional = desk.getByTestId('provisional-holidays');
  await expect(provisional).toContainText('2027 年暂按法定节日计算');
  await expect(provisional.getByRole('row')).toHaveCount(7);
  await expect(provisional.getByRole('row', { name: /国庆节/ })).toContainText('2027-10-01 – 2027-10-05');
  await expect(provisional.getByText('暂定')).toHaveCount(7);
  await expect(desk.getByRole('combobox', { name: '年份' })).toHaveValue(/2027 年 · 未录入 · 暂按法定节日/);
  await screenshot(desk, testInfo, 'settings-calendar-provisional', true);
  await desk.getByRole('button', { name: '添加节假日' }).click();
  await field(desk, '第 1 个节日名称').fill('元旦');
  await field(desk, '第 1 个节日英文名称').fill("New Year's Day");
  await field(desk, '第 1 个节日放假开始').fill('2027/1/1');
  await field(desk, '第 1 个节日放假结束').fill('2027.1.3');
  await desk.getByRole('button', { name: '添加调休上班日' }).click();
  // A Wednesday is a working day anyway: refused under its own field, nothing stored.
  await field(desk, '第 1 个调休上班日').fill('2027-01-06');
  await field(desk, '第 1 个调休上班日').press('Control+S');
  await expect(desk.getByText('2027-01-06 不是周六或周日')).toBeVisible();
  await expect(notice).toBeVisible();
  expect((await backend.ok('calendar:get', {})).missingYear).toBe(2027);

  await field(desk, '第 1 个调休上班日').fill('2027-01-09');
  await expect(desk.getByTestId('workday')).toContainText('周六');
  await screenshot(desk, testInfo, 'settings-calendar-2027', true);
  await desk.getByRole('button', { name: /保存/ }).click();
  await expect(desk.getByText('2027 年的安排已保存')).toBeVisible();
  await expect(notice).toBeHidden();
  const view = await backend.ok('calendar:get', {});
  expect(view.missingYear).toBeNull();
  expect(view.years.find((y) => y.year === 2027)).toEqual({
    year: 2027,
    holidays: [{ name: '元旦', en: "New Year's Day", from: '2027-01-01', to: '2027-01-03' }],
    workdays: ['2027-01-09'],
    source: 'edited',
  });
  await expect(desk.getByRole('combobox', { name: '年份' })).toHaveValue(/2027 年 · 本单位录入/);
  // The entered schedule replaces the law's count at once.
  await expect(provisional).toBeHidden();
  expect(problems).toEqual([]);
});

test('service levels and service rules are the desk’s to change', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await openSettingsTab(desk, '服务等级');
  const levels = desk.getByTestId('service-levels');
  await expect(levels.getByRole('row')).toHaveCount(3);
  await expect(levels.getByRole('row').nth(1)).toContainText('标准服务');
  await expect(levels.getByRole('row').nth(1)).toContainText('默认');
  await levels.getByRole('row').nth(2).click();
  const dialog = desk.getByRole('dialog', { name: '修改服务等级：基础服务' });
  await dialog.getByLabel('郊县 重大故障 到场时限', { exact: true }).fill('6');
  await dialog.getByRole('combobox', { name: '郊县 重大故障 到场时限（单位）' }).click();
  await desk.getByRole('option', { name: '小时' }).click();
  await dialog.getByRole('switch', { name: '设为默认等级' }).click({ force: true });
  await screenshot(desk, testInfo, 'settings-service-level', true);
  await dialog.getByLabel('等级名称').press('Control+S');
  await expect(dialog).toBeHidden();
  const saved = await backend.ok('serviceLevels:list', {});
  expect(saved.filter((l) => l.isDefault).map((l) => l.name)).toEqual(['基础服务']);
  expect(saved.find((l) => l.name === '基础服务')!.terms.targets.suburban.major.arrival).toEqual({ amount: 6, unit: 'hours' });
  await screenshot(desk, testInfo, 'settings-service-levels', true);

  await desk.getByRole('tab', { name: '服务规则' }).click();
  await desk.getByLabel('郊县上门费').fill('50.5');
  await desk.getByLabel('其他上门费').fill('0.29');
  await desk.getByLabel('市区上门费').fill('12.345');
  await desk.getByLabel('市区上门费').press('Control+S');
  await expect(desk.getByText('金额最多两位小数')).toBeVisible();
  await desk.getByLabel('市区上门费').fill('20');
  await desk.getByLabel('处理完毕', { exact: true }).fill('5');
  await screenshot(desk, testInfo, 'settings-service-rules', true);
  await desk.getByTestId('service-rules').getByRole('button', { name: /保存/ }).click();
  await expect(desk.getByText('服务规则已保存')).toBeVisible();
  const settings = await backend.ok('settings:get', {});
  expect(settings.service.travelFen).toEqual({ urban: 2000, suburban: 5050, other: 29 });
  expect(settings.service.complaintResolve).toEqual({ amount: 5, unit: 'workingDays' });
  expect(problems).toEqual([]);
});

test('a complaint is recorded, answered, followed up and closed', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await backend.ok('session:begin', { operator: '小陈' });
  await backend.ok('customers:create', person());
  await backend.ok('customers:create', person({ name: '李四', phones: [{ phone: '13900001111' }] }));
  await desk.goto('/#/complaints');
  await expect(desk.getByText('没有待处理的投诉')).toBeVisible();

  await desk.keyboard.press('Control+Shift+N');
  const dialog = desk.getByRole('dialog', { name: '登记投诉' });
  await expect(dialog.getByLabel('投诉内容')).toBeFocused();
  await desk.keyboard.type('师傅约好上午来，下午三点才到，也没有提前打电话');
  await dialog.getByText('来访', { exact: true }).click();
  await dialog.getByRole('combobox', { name: '客户' }).fill('zs');
  await desk.getByRole('option', { name: /张三/ }).click();
  await dialog.getByLabel('处理人').fill('王经理');
  await dialog.getByLabel('处理人').press('Control+S');
  await expect(dialog).toBeHidden();

  const drawer = desk.getByTestId('complaint-drawer');
  await expect(drawer).toContainText('师傅约好上午来');
  await expect(drawer).toContainText('张三');
  const [created] = await backend.ok('complaints:list', {});
  expect(created).toMatchObject({ number: /^TS-\d{4}-000001$/, channel: 'walkIn', customerName: '张三', handler: '王经理', answeredAt: null });

  await drawer.getByRole('button', { name: /已答复客户/ }).click();
  await expect(desk.getByText('已记录首次答复')).toBeVisible();
  await drawer.getByLabel('添加处理经过').fill('电话致歉，改派李师傅明早 9 点上门');
  await drawer.getByRole('button', { name: '保存', exact: true }).click();
  await expect(drawer.getByTestId('complaint-steps')).toContainText('电话致歉，改派李师傅明早 9 点上门');
  await expect(drawer.getByTestId('complaint-steps')).toContainText('小陈');

  // Closing without a resolution is refused under the field.
  await drawer.getByRole('button', { name: '关闭投诉' }).click();
  await expect(drawer.getByText('请先填写处理结果，再关闭投诉')).toBeVisible();
  await drawer.getByLabel('处理结果').fill('免收本次上门费，客户接受');
  await drawer.getByText('基本满意', { exact: true }).click();
  await screenshot(desk, testInfo, 'complaint-drawer', true);
  await drawer.getByRole('button', { name: '关闭投诉' }).click();
  await expect(desk.getByText(`投诉 ${created!.number} 已关闭`)).toBeVisible();
  await expect(drawer).toContainText('免收本次上门费，客户接受');
  await expect(drawer.getByRole('button', { name: '关闭投诉' })).toHaveCount(0);
  const closed = await backend.ok('complaints:get', { id: created!.id });
  expect(closed).toMatchObject({ resolution: '免收本次上门费，客户接受', verdict: 'acceptable', answerState: 'met', resolveState: 'met' });
  expect(closed.closedAt).not.toBeNull();

  await desk.keyboard.press('Escape');
  await expect(desk.getByText('没有待处理的投诉')).toBeVisible();
  await desk.getByText('全部', { exact: true }).click();
  await expect(desk.getByTestId('complaints-table')).toContainText(created!.number);
  await expect(desk.getByTestId('complaints-table')).toContainText('已关闭');
  expect(problems).toEqual([]);
});

test('the open complaints show their deadlines in colour', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  const zhang = await backend.ok('customers:create', person());
  const li = await backend.ok('customers:create', person({ name: '李四', phones: [{ phone: '13900001111' }] }));
  // A ticket row as the ticket service stores it, for the complaint to point at.
  const level = backend.store.sqlite.prepare('select id from service_levels where is_default = 1').get() as { id: number };
  const at = Date.now();
  const ticketId = Number(
    backend.store.sqlite
      .prepare(
        `insert into tickets (number, source, customer_id, unregistered_unit, fault_reported, fault_category, severity, region, service_level_id,
          status, reported_at, answer_due, arrival_due, fix_due, loaner_due, warranty_engine, warranty_in, created_by, created_at, updated_at)
         values ('WX-2026-000001', 'phone', ?, '{"brand":"格力","model":"KFR-35GW","serial":null}', '不制冷', 'notCooling', 'ordinary', 'urban', ?,
          'resolved', ?, ?, ?, ?, ?, '{}', 1, 'desk', ?, ?)`,
      )
      .run(zhang.id, level.id, at, at, at, at, at, at, at).lastInsertRowid,
  );
  const fresh = await backend.ok('complaints:create', { channel: 'phone', content: '空调修好后第二天又不制冷', ticketId, handler: '王经理' });
  expect(fresh.customerName).toBe('张三');
  const late = await backend.ok('complaints:create', { channel: 'callback', content: '回访时客户反映师傅收费不透明', customerId: li.id });
  const old = await backend.ok('complaints:create', { channel: 'letter', content: '来信投诉维修等待时间太长' });
  // Back-date two of them so the screen shows an overdue answer and a resolution at risk.
  const hour = 3_600_000;
  backend.store.sqlite.prepare('update complaints set received_at = received_at - ?, answer_due = answer_due - ? where id = ?').run(3 * hour, 3 * hour, late.id);
  backend.store.sqlite.prepare('update complaints set received_at = received_at - ?, answer_due = answer_due - ?, resolve_due = ? where id = ?').run(60 * hour, 60 * hour, Date.now() + 2 * hour, old.id);
  await backend.ok('complaints:update', { id: old.id, answered: true, step: '已回信致歉' });
  await backend.ok('complaints:update', { id: fresh.id, answered: true });

  await desk.goto('/#/complaints');
  const table = desk.getByTestId('complaints-table');
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.locator('[data-state="overdue"]')).toHaveCount(1);
  await expect(table.locator('[data-state="atRisk"]')).toHaveCount(1);
  await screenshot(desk, testInfo, 'complaints', true);

  await backend.ok('settings:update', { language: 'en' });
  await desk.reload();
  await expect(desk.getByRole('heading', { name: 'Complaints' })).toBeVisible();
  await screenshot(desk, testInfo, 'complaints-en', true);
  await desk.goto('/#/settings');
  await desk.getByRole('tab', { name: 'Working calendar' }).click();
  await expect(desk.getByTestId('calendar-missing')).toContainText('2027');
  await screenshot(desk, testInfo, 'settings-calendar-en', true);
  expect(problems).toEqual([]);

  // Last, since the ticket page is not ours to judge with a hand-made ticket row: the link leads there.
  await desk.goto('/#/complaints');
  await desk.getByTestId('complaints-table').getByRole('button', { name: 'WX-2026-000001' }).click();
  await expect(desk).toHaveURL(new RegExp(`#/tickets/${ticketId}$`));
});
