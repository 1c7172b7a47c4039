import type { TestBackend } from '../support/backend';
import { AIRCON_POLICY } from '../support/sample';
import { addDays, todayIso } from '../../shared/domain/dates';
import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

/*
 * Batch printing at the desk (issue 19): from the contracts list, the blank forms of every visit
 * due in a range, one file; the bar runs to its end and the file is in Documents.
 */

async function seedSites(backend: TestBackend) {
  await backend.ok('settings:update', { companyName: '杭州暖风空调制冷设备安装维修服务有限公司', hotline: '400-800-1234' });
  const policy = await backend.ok('policies:create', AIRCON_POLICY);
  const model = await backend.ok('models:create', { brand: '格力', model: 'KFR-72LW', category: '空调', policyId: policy.id });
  const today = todayIso();
  for (const [n, name] of ['良渚博物院物业管理办公室', '瓶窑镇中心小学'].entries()) {
    const customer = await backend.ok('customers:create', { kind: 'organisation', name, phones: [{ phone: `1385711234${n}` }] });
    const units = [];
    for (let i = 1; i <= 2; i++) units.push(await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: `GL${n}KFR72LW000${i}`, purchaseDate: addDays(today, -200), acceptanceDate: addDays(today, -200) }));
    await backend.ok('contracts:create', {
      customerId: customer.id,
      unitIds: units.map((u) => u.id),
      kind: 'paid',
      startsOn: today,
      endsOn: addDays(addDays(today, 364), 0),
      plan: [{ kind: 'inspection', repeat: 'quarter', from: today, to: addDays(today, 364) }],
    });
  }
}

for (const language of ['zh-CN', 'en'] as const) {
  test(`batch prints the visits due in a range as one file, with progress to the end, then finds it in Documents (${language})`, async ({ desk, backend }, testInfo) => {
    test.setTimeout(120_000);
    const problems = watchPage(desk);
    await seedSites(backend);
    if (language === 'en') await backend.ok('settings:update', { language: 'en' });
    await desk.setViewportSize({ width: 1366, height: 768 });
    await desk.goto('/#/maintenance');
    await desk.reload();
    await desk.getByTestId('batch-print-open').click();
    const dialog = desk.getByRole('dialog');
    await expect(dialog.getByTestId('batch-what')).toBeVisible();
    // Every quarter has its visit within 100 days.
    const to = addDays(todayIso(), 100);
    const toField = dialog.getByTestId('batch-to');
    await toField.fill(to);
    await toField.press('Tab');
    await screenshot(desk, testInfo, `batch-print-${language}`, true);
    await dialog.getByTestId('batch-start').click();
    await expect(dialog.getByTestId('batch-progress')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    await expect(dialog.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    const files = dialog.getByTestId('batch-files');
    await expect(files.locator('tr')).toHaveCount(1);
    const number = (await files.locator('td').first().innerText()).trim();
    expect(number).toMatch(/^PLD-/);
    await screenshot(desk, testInfo, `batch-print-done-${language}`, true);
    await desk.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await desk.goto('/#/documents');
    await expect(desk.getByText(number)).toBeVisible();
    await expect(desk.getByText(language === 'en' ? 'Batch print' : '批量打印').first()).toBeVisible();
    expect(problems).toEqual([]);
  });
}

test('refuses a range that ends before it starts, saying so in the dialog', async ({ desk, backend }) => {
  await seedSites(backend);
  await desk.goto('/#/maintenance');
  await desk.getByTestId('batch-print-open').click();
  const dialog = desk.getByRole('dialog');
  const toField = dialog.getByTestId('batch-to');
  await toField.fill(addDays(todayIso(), -3));
  await toField.press('Tab');
  await dialog.getByTestId('batch-start').click();
  await expect(dialog.getByTestId('batch-error')).toContainText('结束日期早于开始日期');
});

test("prints the contract's inspection plan from its page and the customer's quarter sheet from the customer's contracts", async ({ desk, backend }, testInfo) => {
  test.setTimeout(90_000);
  const problems = watchPage(desk);
  await seedSites(backend);
  const [contract] = await backend.ok('contracts:list', { status: 'all', limit: 10 });
  await desk.setViewportSize({ width: 1366, height: 768 });
  await desk.goto(`/#/maintenance/${contract!.id}`);
  await desk.getByTestId('print-plan').click();
  const planDialog = desk.getByRole('dialog', { name: '打印年度巡检计划' });
  await planDialog.getByRole('button', { name: '打印年度巡检计划' }).click();
  await expect(desk.getByRole('dialog', { name: /巡检计划 XJJ-/ })).toBeVisible({ timeout: 30_000 });
  await screenshot(desk, testInfo, 'inspection-plan-preview-zh-CN', true);
  await desk.keyboard.press('Escape');

  await desk.goto(`/#/customers/${contract!.customerId}`);
  await desk.getByTestId('print-stats').click();
  const statsDialog = desk.getByRole('dialog', { name: '打印季度故障统计表' });
  await statsDialog.getByRole('button', { name: '打印季度故障统计表' }).click();
  await expect(desk.getByRole('dialog', { name: /故障统计表 GZT-/ })).toBeVisible({ timeout: 30_000 });
  expect(problems).toEqual([]);
});
