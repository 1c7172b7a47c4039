import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

// A 1×1 transparent PNG, as a file the clerk would pick.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

test('the company sets its warranty rules and its logo in Settings', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await desk.goto('/#/settings');
  const downtime = desk.getByRole('textbox', { name: '每次停机故障顺延' });
  await expect(downtime).toHaveValue('60');
  await downtime.fill('90');
  // The rest-day rule: three choices, the working calendar by default, each explained in a line.
  const rule = desk.getByTestId('rest-day-rule');
  await expect(rule.getByRole('radio', { name: '按工作日历顺延' })).toBeChecked();
  await expect(desk.getByText(/调休上班的周末照常截止/)).toBeVisible();
  await rule.getByText('仅法定节假日顺延').click();
  await expect(desk.getByText(/周末不顺延/)).toBeVisible();
  await desk.getByRole('button', { name: /保存/ }).nth(1).click();
  await expect(desk.getByText('保修规则已保存')).toBeVisible();
  const rules = (await backend.ok('settings:get', {})).warrantyRules;
  expect(rules).toMatchObject({ downtimeExtensionDays: 90, restDayRule: 'holidays', partInWarrantyMonths: 12 });
  await screenshot(desk, testInfo, 'settings-rules', true);
  await rule.getByText('不顺延', { exact: true }).click();
  await desk.getByRole('button', { name: /保存/ }).nth(1).click();
  await expect.poll(async () => (await backend.ok('settings:get', {})).warrantyRules.restDayRule).toBe('off');

  await desk.locator('input[type="file"]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
  await expect(desk.getByText('公司标志已保存')).toBeVisible();
  expect((await backend.ok('settings:get', {})).logo).toMatch(/^data:image\/png;base64,/);
  await expect(desk.getByRole('img', { name: '公司标志' })).toBeVisible();
  await screenshot(desk, testInfo, 'settings', true);
  await desk.getByRole('button', { name: '移除标志' }).click();
  await expect.poll(async () => (await backend.ok('settings:get', {})).logo).toBeNull();
  expect(problems).toEqual([]);
});
