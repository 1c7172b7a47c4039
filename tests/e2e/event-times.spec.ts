import type { Page } from '@playwright/test';
import { localDay, localMoment, localTime } from '../../shared/domain/dates';
import { person, seedModel } from '../support/sample';
import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

/*
 * Issue 13, part 5: an arrival, a completion or a callback recorded after the fact carries the
 * time it really happened, typed at the desk.
 */

const MINUTE = 60_000;
const floorMinute = (ms: number) => Math.floor(ms / MINUTE) * MINUTE;

async function language(desk: Page, name: 'English' | '中文'): Promise<void> {
  await desk.getByRole('banner').getByText(name).click();
  await expect(desk.getByTestId('ticket-header')).toContainText(name === 'English' ? 'Ticket GD-' : '工单 GD-');
}

test('an arrival phoned in late is typed by keyboard, shown with when it was entered, and counted on time', async ({ desk, backend }, testInfo) => {
  test.setTimeout(120_000);
  const problems = watchPage(desk);
  await backend.ok('settings:update', { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234' });
  await backend.ok('session:begin', { operator: '王芳' });
  const model = await seedModel(backend);
  const customer = await backend.ok('customers:create', person({ name: '张三丰', region: 'urban' }));
  const unit = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'GL2026A0009', purchaseDate: '2026-05-01', acceptanceDate: '2026-05-01' });
  const tech = await backend.ok('technicians:create', { name: '李师傅', phone: '13900001111' });
  // Called in three hours ago; in town, someone was promised on site within two hours.
  const reportedAt = floorMinute(Date.now() - 180 * MINUTE);
  const ticket = await backend.ok('tickets:create', { customerId: customer.id, unitId: unit.id, faultReported: '开机后不制冷', faultCategory: 'notCooling', reportedAt });
  await backend.ok('tickets:assign', { id: ticket.id, technicianIds: [tech.id] });
  await backend.ok('tickets:transition', { id: ticket.id, to: 'answered' });
  // A visit agreed for 40 minutes after the call, already begun: the arrival offered is its start.
  const visit = reportedAt + 40 * MINUTE;
  const end = localDay(visit + 60 * MINUTE) === localDay(visit) ? localTime(visit + 60 * MINUTE) : '23:59';
  await backend.ok('tickets:appoint', { id: ticket.id, date: localDay(visit), from: localTime(visit), to: end });
  await backend.ok('tickets:transition', { id: ticket.id, to: 'dispatched' });
  // The technician got there an hour after the call and phones it in only now.
  const arrived = reportedAt + 60 * MINUTE;
  const [arrivedDay, arrivedTime] = [localDay(arrived), localTime(arrived)];
  const future = Date.now() + 60 * MINUTE;

  await desk.goto(`/#/tickets/${ticket.id}`);
  await desk.reload();
  const header = desk.getByTestId('ticket-header');
  const arrival = desk.getByTestId('ticket-deadlines').locator('tr[data-milestone="arrival"]');
  await expect(arrival.getByTestId('deadline-badge')).toHaveAttribute('data-state', 'overdue');

  // The dialog once in English, to look at.
  await language(desk, 'English');
  await desk.getByTestId('ticket-moves').getByRole('button', { name: 'Arrived on site', exact: true }).click();
  const english = desk.getByRole('dialog', { name: 'Arrived on site' });
  await expect(english.getByLabel('Time')).toHaveValue(localTime(visit));
  await expect(english).toContainText('Filled in from the appointment');
  await screenshot(desk, testInfo, 'event-time-onsite-en', true);
  await desk.keyboard.press('Escape');
  await expect(english).toBeHidden();
  await language(desk, '中文');

  // Keyboard only: the move's button, Enter; the date offered is selected, typed over, Tab, the time, Enter.
  await desk.getByTestId('ticket-moves').getByRole('button', { name: '已到现场', exact: true }).focus();
  await desk.keyboard.press('Enter');
  const dialog = desk.getByRole('dialog', { name: '已到现场' });
  const date = dialog.getByLabel('日期');
  const time = dialog.getByLabel('时间');
  await expect(date).toBeFocused();
  await expect(date).toHaveValue(localDay(visit));
  await expect(time).toHaveValue(localTime(visit));
  await expect(dialog).toContainText('已按预约时间填入');
  await expect(dialog).toContainText(`报修于 ${localDay(reportedAt)} ${localTime(reportedAt)}`);
  await screenshot(desk, testInfo, 'event-time-onsite', true);

  // A time still to come is refused under the field, and nothing is sent.
  await desk.keyboard.type(localDay(future).replaceAll('-', '/'));
  await desk.keyboard.press('Tab');
  await expect(time).toBeFocused();
  await desk.keyboard.type(localTime(future).replace(':', ''));
  await desk.keyboard.press('Enter');
  await expect(dialog.getByText(/^到场时间不能晚于现在（本机时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}）$/)).toBeVisible();
  await expect(time).toHaveAttribute('aria-invalid', 'true');
  await expect(time).toHaveValue(localTime(future));
  await screenshot(desk, testInfo, 'event-time-refused', true);
  expect((await backend.ok('tickets:get', { id: ticket.id })).status).toBe('dispatched');

  await desk.keyboard.press('Shift+Tab');
  await expect(date).toBeFocused();
  await desk.keyboard.type(arrivedDay);
  await desk.keyboard.press('Tab');
  await desk.keyboard.type(arrivedTime);
  await desk.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(header.locator('[data-status="onSite"]')).toBeVisible();

  // On the ticket page: the arrival as it happened, on time, and the history saying when it was entered.
  await expect(arrival).toContainText(`${arrivedDay} ${arrivedTime}`);
  await expect(arrival.getByTestId('deadline-badge')).toHaveAttribute('data-state', 'met');
  const event = desk.getByTestId('ticket-timeline').getByTestId('ticket-event').filter({ hasText: '状态：已派工 → 在现场' });
  await expect(event.getByTestId('event-stamp')).toHaveText(new RegExp(`^王芳 · ${arrivedDay} ${arrivedTime}（\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} 录入）$`));
  const stored = await backend.ok('tickets:get', { id: ticket.id });
  expect(stored.arrivedAt).toBe(localMoment(arrivedDay, arrivedTime));
  const moved = stored.events.find((e) => e.to === 'onSite')!;
  expect(moved.at).toBe(arrived);
  expect(moved.enteredAt).toBeGreaterThan(arrived + 100 * MINUTE);
  await screenshot(desk, testInfo, 'event-time-ticket', true);
  await event.scrollIntoViewIfNeeded();
  await screenshot(desk, testInfo, 'event-time-timeline', true);

  // Resolving asks for the action (none on record) and the time; looked at, then left.
  await desk.getByTestId('ticket-moves').getByRole('button', { name: '完工', exact: true }).click();
  const resolve = desk.getByRole('dialog', { name: '完工' });
  await expect(resolve).toContainText(`到场于 ${arrivedDay} ${arrivedTime}`);
  await screenshot(desk, testInfo, 'event-time-resolve', true);
  await desk.keyboard.press('Escape');
  await expect(resolve).toBeHidden();

  // The same in English: the page, the completion, the callback.
  await language(desk, 'English');
  const eventEn = desk.getByTestId('ticket-timeline').getByTestId('ticket-event').filter({ hasText: 'Status: Dispatched → On site' });
  await expect(eventEn.getByTestId('event-stamp')).toHaveText(new RegExp(`^王芳 · \\d{1,2} \\w{3} \\d{4} ${arrivedTime} \\(entered .+\\)$`));
  await screenshot(desk, testInfo, 'event-time-ticket-en', true);
  await eventEn.scrollIntoViewIfNeeded();
  await screenshot(desk, testInfo, 'event-time-timeline-en', true);
  await desk.getByTestId('ticket-moves').getByRole('button', { name: 'Resolve', exact: true }).click();
  const resolveEn = desk.getByRole('dialog', { name: 'Resolve' });
  await expect(resolveEn.getByLabel('Action taken')).toBeFocused();
  await desk.keyboard.type('更换启动电容');
  await screenshot(desk, testInfo, 'event-time-resolve-en', true);
  await desk.keyboard.press('Control+S');
  await expect(resolveEn).toBeHidden();
  await expect(header.locator('[data-status="resolved"]')).toBeVisible();
  await desk.getByTestId('ticket-moves').getByRole('button', { name: 'Called back', exact: true }).click();
  const callbackEn = desk.getByRole('dialog', { name: /^Callback:/ });
  await expect(callbackEn.getByLabel('Time')).toHaveValue(/^\d{2}:\d{2}$/);
  await screenshot(desk, testInfo, 'event-time-callback-en', true);
  await desk.keyboard.press('Escape');
  await language(desk, '中文');
  await desk.getByTestId('ticket-moves').getByRole('button', { name: '已回访', exact: true }).click();
  await expect(desk.getByRole('dialog', { name: /^回访：/ }).getByLabel('时间')).toHaveValue(/^\d{2}:\d{2}$/);
  await screenshot(desk, testInfo, 'event-time-callback', true);
  expect(problems).toEqual([]);
});
