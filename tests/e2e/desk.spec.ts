import type { Page } from '@playwright/test';
import type { TestBackend } from '../support/backend';
import { person, seedModel } from '../support/sample';
import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';
import { localDay } from '../../shared/domain/dates';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * A morning at the desk: a call from three hours ago nobody answered (overdue), a major fault
 * booked for tonight, a job finished five days ago whose callback is late, a loaner out.
 */
async function seedDay(backend: TestBackend) {
  const now = Date.now();
  await backend.ok('settings:update', { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234' });
  const model = await seedModel(backend);
  const customer = await backend.ok('customers:create', person({ name: '西湖花园物业管理处', phones: [{ phone: '13812345678' }] }));
  const other = await backend.ok('customers:create', person({ name: '李四', phones: [{ phone: '13987654321' }] }));
  const unit = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'GL2026A0001', purchaseDate: '2026-03-01', acceptanceDate: '2026-03-05' });
  const otherUnit = await backend.ok('units:create', { customerId: other.id, modelId: model.id, serial: 'GL2025B0002', purchaseDate: '2025-12-01', acceptanceDate: '2025-12-10' });
  const tech = await backend.ok('technicians:create', { name: '王师傅', phone: '13900001111', skills: ['空调'] });

  const late = await backend.ok('tickets:create', {
    customerId: customer.id,
    unitId: unit.id,
    faultReported: '开机后不制冷，外机不转',
    faultCategory: 'notCooling',
    reportedAt: now - 3 * HOUR,
  });
  const booked = await backend.ok('tickets:create', { customerId: other.id, unitId: otherUnit.id, faultReported: '室内机漏水', faultCategory: 'leak', severity: 'major' });
  await backend.ok('tickets:transition', { id: booked.id, to: 'answered' });
  // Late in the evening so the window is after the report whenever the test runs.
  await backend.ok('tickets:appoint', { id: booked.id, date: localDay(now), from: '23:00', to: '23:59' });
  await backend.ok('tickets:assign', { id: booked.id, technicianIds: [tech.id] });

  const start = now - 5 * 24 * HOUR;
  const done = await backend.ok('tickets:create', { customerId: customer.id, unitId: unit.id, faultReported: '遥控器失灵', faultCategory: 'electrical', reportedAt: start });
  await backend.ok('tickets:transition', { id: done.id, to: 'answered', at: start + 10 * MINUTE });
  await backend.ok('tickets:assign', { id: done.id, technicianIds: [tech.id] });
  await backend.ok('tickets:transition', { id: done.id, to: 'dispatched', at: start + 20 * MINUTE });
  await backend.ok('tickets:transition', { id: done.id, to: 'onSite', at: start + HOUR });
  await backend.ok('tickets:recordWork', { id: done.id, action: '更换遥控器电池仓弹片' });
  await backend.ok('tickets:transition', { id: done.id, to: 'resolved', at: start + 2 * HOUR });

  const loaner = await backend.ok('loaners:create', { name: '备用空调 1 号', model: 'KFR-26GW' });
  await backend.ok('loans:issue', { ticketId: late.id, loanerId: loaner.id, expectedReturn: localDay(now) });
  return { customer, unit, late, booked, done };
}

async function openDesk(desk: Page) {
  await desk.goto('/#/desk');
  await desk.reload();
  await expect(desk.getByTestId('desk-counters')).toBeVisible();
}

test('the desk shows the overdue call in red, the day ahead, and the list finds and opens tickets', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  const { late, booked, done, customer, unit } = await seedDay(backend);
  await openDesk(desk);

  const counters = desk.getByTestId('desk-counters');
  await expect(counters.locator('[data-counter="open"]')).toContainText('2');
  await expect(counters.locator('[data-counter="overdue"]')).toContainText('1');
  await expect(counters.locator('[data-counter="callbacks"]')).toContainText('1');
  await expect(counters.locator('[data-counter="loans"]')).toContainText('1');

  // The unanswered call: answer promised within 30 minutes, three hours ago.
  const urgent = desk.getByTestId('desk-urgent-table');
  const lateRow = urgent.locator(`tr[data-ticket="${late.number}"]`);
  await expect(lateRow).toContainText('西湖花园物业管理处');
  const badge = lateRow.getByTestId('deadline-badge');
  await expect(badge).toHaveAttribute('data-state', 'overdue');
  await expect(badge).toHaveText('响应已超时');
  await expect(lateRow.getByTestId('deadline-time')).toHaveText(/^超 2 小时 \d+ 分$/);
  await expect(badge).toHaveCSS('background-color', 'rgb(224, 49, 49)');
  await expect(urgent.locator('tbody tr')).toHaveCount(1);

  await expect(desk.getByTestId('desk-appointments')).toContainText('23:00–23:59');
  await expect(desk.getByTestId('desk-appointments')).toContainText('王师傅');
  const callback = desk.getByTestId('desk-callbacks').locator('tbody tr');
  await expect(callback).toContainText('138 1234 5678');
  await expect(callback).toHaveAttribute('data-overdue', 'true');
  await expect(desk.getByTestId('desk-loans')).toContainText('备用空调 1 号');

  const board = await backend.ok('desk:board', {});
  if (board.calendarMissingYear !== null) {
    await expect(desk.getByTestId('calendar-missing')).toContainText(String(board.calendarMissingYear));
  }
  await screenshot(desk, testInfo, 'desk-board-zh', true);

  // The overdue counter leads to the table that lists them, first row focused for Enter.
  await counters.locator('[data-counter="overdue"]').click();
  await expect(lateRow).toBeFocused();

  // From the board to the list: open tickets by default, then every one.
  await counters.locator('[data-counter="open"]').click();
  await expect(desk).toHaveURL(/#\/tickets$/);
  const table = desk.getByTestId('tickets-table');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(desk.getByTestId('tickets-total')).toHaveText('共 2 张工单');
  await desk.getByText('全部', { exact: true }).click();
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(table.locator(`tr[data-ticket="${done.number}"]`)).toContainText('已完工');
  // Answered: the next promise is the visit, still on track.
  const bookedBadge = table.locator(`tr[data-ticket="${booked.number}"]`).getByTestId('deadline-badge');
  await expect(bookedBadge).toHaveAttribute('data-state', 'onTrack');
  await expect(bookedBadge).toHaveText('到场正常');
  await expect(table.locator(`tr[data-ticket="${booked.number}"]`).getByTestId('deadline-time')).toHaveText(/^剩 (\d+ 小时 ?)?(\d+ 分)?$/);
  await expect(table.locator(`tr[data-ticket="${done.number}"]`).getByTestId('deadline-badge')).toHaveCount(0);

  await desk.getByRole('combobox', { name: '故障级别' }).click();
  await desk.getByRole('option', { name: '重大故障' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr')).toContainText(booked.number);
  await desk.getByRole('button', { name: '清除筛选' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(3);

  // Oldest report first, then by number.
  await table.getByRole('button', { name: '报修时间' }).click();
  await expect(table.locator('tbody tr').first()).toHaveAttribute('data-ticket', done.number);
  await table.getByRole('button', { name: '工单号' }).click();
  await expect(table.locator('tbody tr').first()).toHaveAttribute('data-ticket', late.number);
  await screenshot(desk, testInfo, 'tickets-list-zh', true);

  // A date range that holds only the job from five days ago.
  const fiveDaysAgo = localDay(Date.now() - 5 * 24 * HOUR);
  await desk.getByRole('textbox', { name: '报修日期到' }).fill(fiveDaysAgo.replaceAll('-', '/'));
  await desk.getByRole('textbox', { name: '报修日期到' }).press('Enter');
  await expect(desk.getByRole('textbox', { name: '报修日期到' })).toHaveValue(fiveDaysAgo);
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr')).toHaveAttribute('data-ticket', done.number);

  // No customer chosen here: Ctrl+N puts the cursor in the search and says what comes next.
  await desk.keyboard.press('Control+N');
  await expect(desk.getByRole('textbox', { name: '查找客户、设备或单据' })).toBeFocused();
  await expect(desk.getByText('先找到客户或设备')).toBeVisible();
  await desk.keyboard.press('Escape');

  await table.locator(`tr[data-ticket="${done.number}"]`).click();
  await expect(desk).toHaveURL(new RegExp(`#/tickets/${done.id}$`));
  // Back to the list: the filters are as they were left.
  await desk.goBack();
  await expect(desk.getByRole('textbox', { name: '报修日期到' })).toHaveValue(fiveDaysAgo);
  await expect(table.locator('tbody tr')).toHaveCount(1);

  // The customer's page lists their repairs; the unit's page takes a new one with Ctrl+N.
  await desk.goto(`/#/customers/${customer.id}`);
  const related = desk.getByTestId('related-tickets-table');
  await expect(related.locator('tbody tr')).toHaveCount(2);
  await expect(desk.getByTestId('related-tickets')).toContainText('1 张处理中');
  await screenshot(desk, testInfo, 'customer-tickets-zh', true);
  await desk.goto(`/#/units/${unit.id}`);
  await expect(desk.getByTestId('related-tickets-table').locator('tbody tr')).toHaveCount(2);
  await screenshot(desk, testInfo, 'unit-tickets-zh', true);
  await expect(desk.getByTestId('unit-header').getByTestId('new-repair')).toBeVisible();
  await desk.keyboard.press('Control+N');
  const form = desk.getByRole('dialog', { name: '新建报修' });
  await expect(form).toBeVisible();
  await screenshot(desk, testInfo, 'unit-new-repair-zh');
  // The unit page's own Ctrl+P (warranty card) stays quiet while the form is open.
  await desk.keyboard.press('Control+P');
  await expect(desk.getByRole('dialog', { name: '打印保修卡' })).toHaveCount(0);
  await desk.keyboard.press('Escape');
  await expect(form).toBeHidden();

  expect(problems).toEqual([]);
});

test('the desk and the list in English', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  const { late } = await seedDay(backend);
  await backend.ok('settings:update', { language: 'en' });
  await openDesk(desk);
  const lateRow = desk.getByTestId('desk-urgent-table').locator(`tr[data-ticket="${late.number}"]`);
  await expect(lateRow.getByTestId('deadline-badge')).toHaveText('Answer: Overdue');
  await expect(lateRow.getByTestId('deadline-time')).toHaveText(/^2 h \d+ min over$/);
  await expect(desk.getByText("Today's appointments")).toBeVisible();
  await screenshot(desk, testInfo, 'desk-board-en', true);

  await desk.getByRole('button', { name: /Open tickets$/ }).click();
  await expect(desk.getByTestId('tickets-total')).toHaveText('2 tickets');
  await desk.getByText('All', { exact: true }).click();
  await expect(desk.getByTestId('tickets-total')).toHaveText('3 tickets');
  await screenshot(desk, testInfo, 'tickets-list-en', true);
  expect(problems).toEqual([]);
});

test('an empty desk says what will show up and how to start', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await backend.ok('settings:update', { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234' });
  await openDesk(desk);
  // Nothing open is not a success to celebrate: it says how the first repair starts.
  await expect(desk.getByTestId('desk-urgent')).toContainText('没有处理中的工单。客户来电时，按 Ctrl+K');
  await expect(desk.getByText('没有超时或即将超时的工单')).toHaveCount(0);
  await expect(desk.getByTestId('desk-appointments')).toContainText('今天没有预约');
  await expect(desk.getByTestId('desk-callbacks')).toContainText('今天没有要回访的客户');
  await expect(desk.getByTestId('desk-loans')).toContainText('没有借出的备机');
  await screenshot(desk, testInfo, 'desk-empty-zh', true);
  await desk.goto('/#/tickets');
  await expect(desk.getByTestId('tickets-empty')).toContainText('没有处理中的工单');
  await desk.getByText('全部', { exact: true }).click();
  await expect(desk.getByTestId('tickets-empty')).toContainText('还没有工单');
  expect(problems).toEqual([]);
});
