import type { Page } from '@playwright/test';
import type { TestBackend } from '../support/backend';
import { AIRCON_POLICY } from '../support/sample';
import { CN_MAINLAND, isWorkingDay } from '../../shared/domain/calendar';
import { addDays, addMonths, todayIso } from '../../shared/domain/dates';
import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

/*
 * Scheduled service at the desk (issue 19): a contract for two units made from the standard
 * plan, its visits, the Desk's due list, a visit moved, assigned and done, and a unit already
 * under contract refused with its message under the units.
 */

const CUSTOMER = '杭州市余杭区良渚文化艺术中心暨良渚博物院物业管理办公室';
const SERIALS = ['GL2025KFR72LW0001', 'GL2025KFR72LW0002', 'MD2024KFR35GW0003'];

async function seedSite(backend: TestBackend) {
  await backend.ok('settings:update', { companyName: '杭州暖风空调制冷设备安装维修服务有限公司', hotline: '400-800-1234' });
  const policy = await backend.ok('policies:create', AIRCON_POLICY);
  const cabinet = await backend.ok('models:create', { brand: '格力', model: 'KFR-72LW/(72555)FNhAc-B1(WIFI)', category: '空调', policyId: policy.id });
  const wall = await backend.ok('models:create', { brand: '美的', model: 'KFR-35GW/BP3DN8Y-PH200(B1)', category: '空调', policyId: policy.id });
  const customer = await backend.ok('customers:create', {
    kind: 'organisation',
    name: CUSTOMER,
    phones: [{ phone: '13857112345' }],
    addresses: [{ address: '浙江省杭州市余杭区良渚街道美丽洲路 1 号', isDefault: true }],
  });
  const accepted = addDays(todayIso(), -200);
  const units = [];
  for (const [i, serial] of SERIALS.entries()) {
    units.push(
      await backend.ok('units:create', {
        customerId: customer.id,
        modelId: i < 2 ? cabinet.id : wall.id,
        serial,
        purchaseDate: accepted,
        acceptanceDate: accepted,
        siteAddress: `良渚博物院 ${i + 1} 号展厅设备间（地下一层东侧）`,
      }),
    );
  }
  const tech = await backend.ok('technicians:create', { name: '欧阳志远', phone: '13900001111', skills: ['空调'] });
  return { customer, units, tech };
}

/** A start that gives a one-year term its four quarterly inspections: not itself the 15th of a quarter's month. */
function startDay(): string {
  const today = todayIso();
  return /-(03|06|09|12)-15$/.test(today) ? addDays(today, 1) : today;
}

/** The first day a visit can move to: a working day from today on (the shipped calendar, as a new desk has it). */
function firstWorkingDay(): string {
  let day = todayIso();
  while (!isWorkingDay(CN_MAINLAND, day)) day = addDays(day, 1);
  return day;
}

function visitRow(page: Page, number: string) {
  return page.getByTestId('contract-visits').locator(`tr[data-visit="${number}"]`);
}

test('a contract for two units from the standard plan: its visits, the Desk, one moved, assigned and done; a unit under contract refused', async ({ desk, backend }, testInfo) => {
  test.setTimeout(120_000);
  const problems = watchPage(desk);
  const { customer, units, tech } = await seedSite(backend);
  const start = startDay();

  await desk.goto('/#/maintenance');
  await expect(desk.getByRole('heading', { name: '维保合同' })).toBeVisible();
  await desk.getByTestId('contracts-status').getByText('全部').click();
  await expect(desk.getByText('还没有维保合同')).toBeVisible();

  await desk.keyboard.press('Control+Shift+N');
  const dialog = desk.getByRole('dialog', { name: '新建维保合同' });
  await expect(dialog.getByRole('combobox', { name: '客户' })).toBeFocused();
  await desk.keyboard.type('良渚文化');
  await desk.getByRole('option', { name: new RegExp(CUSTOMER) }).click();
  await dialog.getByRole('checkbox', { name: new RegExp(SERIALS[0]!) }).check();
  await dialog.getByRole('checkbox', { name: new RegExp(SERIALS[1]!) }).check();
  await dialog.getByLabel('开始日期').fill(start.replaceAll('-', '/'));
  await dialog.getByLabel('开始日期').press('Tab');
  // The end follows the start: a year less a day.
  await expect(dialog.getByLabel('结束日期')).toHaveValue(addDays(addMonths(start, 12), -1));
  await dialog.getByRole('button', { name: '标准' }).click();
  await expect(dialog.getByTestId('plan-lines').locator('tbody tr')).toHaveCount(3);
  // The preview counts what saving will make: four quarterly inspections, a callback a month.
  const preview = dialog.getByTestId('plan-preview');
  await expect(preview.getByTestId('preview-inspection')).toHaveText('巡检 4 次');
  await dialog.getByLabel('合同金额').fill('3600');
  await dialog.getByLabel('付款方式').fill('签约时付清');
  await screenshot(desk, testInfo, 'maint-new-contract-zh', true);
  await dialog.getByLabel('付款方式').press('Control+S');
  await expect(dialog).toBeHidden();
  await expect(desk).toHaveURL(/#\/maintenance\/\d+$/);

  const visits = desk.getByTestId('contract-visits');
  await expect(visits.locator('tbody tr').filter({ hasText: '巡检' })).toHaveCount(4);
  await expect(desk.getByTestId('contract-units-table').locator('tbody tr')).toHaveCount(2);
  const contract = (await backend.ok('contracts:list', { status: 'all' }))[0]!;
  expect(contract.customerName).toBe(CUSTOMER);
  expect(contract.priceFen).toBe(360_000);

  // The first callback moves to the first working day from today: it is due this week.
  const detail = await backend.ok('contracts:get', { id: contract.id });
  const callback = detail.visits.find((v) => v.kind === 'callback')!;
  const day = firstWorkingDay();
  await desk.getByRole('button', { name: `改期 ${callback.number}` }).click();
  const move = desk.getByRole('dialog', { name: `改期：${callback.number}` });
  await move.getByLabel('新的日期').fill(day);
  // Tab leaves the calendar for the reason, as the desk types it.
  await move.getByLabel('新的日期').press('Tab');
  await expect(move.getByLabel('改期原因')).toBeFocused();
  await desk.keyboard.type('客户要求提前');
  await screenshot(desk, testInfo, 'maint-move-zh', true);
  await move.getByLabel('改期原因').press('Control+S');
  await expect(move).toBeHidden();
  await expect(visitRow(desk, callback.number)).toContainText(day);
  await expect(visitRow(desk, callback.number)).toContainText('已改期');

  await desk.getByRole('button', { name: `指派 ${callback.number}` }).click();
  const assign = desk.getByRole('dialog', { name: `指派：${callback.number}` });
  await assign.getByRole('combobox', { name: '维修人员' }).click();
  await desk.getByRole('option', { name: tech.name }).click();
  await assign.getByRole('combobox', { name: '维修人员' }).press('Control+S');
  await expect(assign).toBeHidden();
  await expect(visitRow(desk, callback.number)).toContainText(tech.name);

  const inspection = detail.visits.find((v) => v.kind === 'inspection')!;
  await desk.getByRole('button', { name: `完成 ${inspection.number}`, exact: true }).click();
  const close = desk.getByRole('dialog', { name: `完成：${inspection.number}` });
  await close.getByLabel('做了什么').fill('两台柜机滤网清洗，运行正常');
  await close.getByRole('button', { name: /标记完成/ }).click();
  await expect(close).toBeHidden();
  await expect(visitRow(desk, inspection.number)).toContainText('已完成');
  await screenshot(desk, testInfo, 'maint-contract-zh', true);

  // The Desk lists the moved visit among those due this week; its row opens the visit's page.
  await desk.goto('/#/desk');
  const due = desk.getByTestId('desk-visits-table');
  await expect(due).toContainText(contract.number);
  await expect(due).toContainText(tech.name);
  await screenshot(desk, testInfo, 'maint-desk-zh', true);
  await due.locator('tbody tr').filter({ hasText: contract.number }).first().click();
  await expect(desk).toHaveURL(/#\/visit\/\d+$/);
  await expect(desk.getByTestId('visit-header')).toContainText(contract.number);

  // On the technician's day, beside the repairs.
  await desk.goto('/#/technicians');
  await desk.getByLabel('日期').fill(day);
  await desk.getByLabel('日期').press('Enter');
  await expect(desk.getByTestId('day-visits')).toContainText(contract.number);

  // The customer's page lists the contract.
  await desk.goto(`/#/customers/${customer.id}`);
  await expect(desk.getByTestId('customer-contracts-table')).toContainText(contract.number);

  // A unit already under contract for these days: refused, the reason under the units, nothing saved.
  await desk.getByTestId('customer-contracts').getByRole('button', { name: '新建合同' }).click();
  const again = desk.getByRole('dialog', { name: '新建维保合同' });
  await again.getByRole('checkbox', { name: new RegExp(SERIALS[1]!) }).check();
  await again.getByRole('checkbox', { name: new RegExp(SERIALS[2]!) }).check();
  await again.getByLabel('开始日期').press('Control+S');
  await expect(again.getByTestId('contract-units')).toContainText(`设备 ${SERIALS[1]} 在这段时间已有维保合同 ${contract.number}`);
  await screenshot(desk, testInfo, 'maint-overlap-zh', true);
  expect(await backend.ok('contracts:list', { status: 'all' })).toHaveLength(1);
  expect(units).toHaveLength(3);
  expect(problems).toEqual([]);
});

test('in English: the phased plan previews exactly the visits saving makes, and a line outside the contract is refused under it', async ({ desk, backend }, testInfo) => {
  test.setTimeout(120_000);
  const problems = watchPage(desk);
  await seedSite(backend);
  await backend.ok('settings:update', { language: 'en' });
  const start = startDay();
  const end = addDays(addMonths(start, 12), -1);

  await desk.goto('/#/maintenance');
  await desk.reload();
  await expect(desk.getByRole('heading', { name: 'Maintenance contracts' })).toBeVisible();
  await desk.keyboard.press('Control+Shift+N');
  const dialog = desk.getByRole('dialog', { name: 'New maintenance contract' });
  await desk.keyboard.type('良渚');
  await desk.getByRole('option', { name: new RegExp(CUSTOMER) }).click();
  for (const serial of SERIALS) await dialog.getByRole('checkbox', { name: new RegExp(serial) }).check();
  await dialog.getByLabel('Starts on').fill(start);
  await dialog.getByLabel('Starts on').press('Tab');
  await dialog.getByRole('button', { name: 'Phased' }).click();
  await expect(dialog.getByRole('button', { name: 'Phased' })).toHaveAttribute('aria-pressed', 'true');
  // Monthly for three months, then quarterly; maintenance every six months.
  await expect(dialog.getByLabel('Every 1')).toHaveValue('1');
  await expect(dialog.getByLabel('From 2')).toHaveValue(addMonths(start, 3));
  await expect(dialog.getByLabel('Every 3')).toHaveValue('6');
  const preview = dialog.getByTestId('plan-preview');
  await expect(preview.getByTestId('preview-maintenance')).toHaveText('Maintenance × 1');

  // The second line running past the contract's end: refused, its message under the line.
  await dialog.getByLabel('To 2').fill(addDays(end, 30));
  await dialog.getByLabel('To 2').press('Tab');
  await dialog.getByLabel('To 2').press('Control+S');
  await expect(dialog.getByTestId('plan-lines')).toContainText(`The plan must lie within the contract (${start} to ${end})`);
  expect(await backend.ok('contracts:list', { status: 'all' })).toEqual([]);
  await dialog.getByLabel('To 2').fill(end);
  await dialog.getByLabel('To 2').press('Tab');
  await expect(dialog.getByTestId('plan-lines')).not.toContainText('The plan must lie');
  await preview.scrollIntoViewIfNeeded();
  await screenshot(desk, testInfo, 'maint-new-contract-preview-en', true);
  const total = Number((await preview.getByTestId('preview-total').textContent())?.match(/\d+/)?.[0]);
  expect(total).toBeGreaterThan(4);
  await dialog.getByLabel('To 2').press('Control+S');
  await expect(dialog).toBeHidden();
  await expect(desk).toHaveURL(/#\/maintenance\/\d+$/);
  await expect(desk.getByTestId('contract-visits').locator('tbody tr')).toHaveCount(total);
  const contract = (await backend.ok('contracts:list', { status: 'all' }))[0]!;
  expect((await backend.ok('contracts:get', { id: contract.id })).visits).toHaveLength(total);
  await screenshot(desk, testInfo, 'maint-contract-en', true);
  expect(problems).toEqual([]);
});
