import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

test.use({ setupDone: false });

async function next(desk: Page): Promise<void> {
  await desk.getByTestId('setup-next').click();
}

test('a new install: setup in a few steps, then a caller, a unit and a printed warranty card', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  const wizard = desk.getByTestId('setup-wizard');
  await expect(wizard).toBeVisible();
  await screenshot(desk, testInfo, 'setup-company-zh', true);

  await wizard.getByLabel('公司名称').fill('杭州暖风空调服务有限公司');
  await wizard.getByLabel('服务热线').fill('400-800-1234');
  await wizard.getByLabel('投诉电话').fill('0571-88886666');
  await wizard.getByRole('button', { name: /下一步/ }).click();

  await expect(desk.getByTestId('setup-step-logo')).toBeVisible();
  await next(desk);

  // The trade's policies, ready: no component codes to type.
  const household = desk.getByTestId('preset-householdAircon');
  await expect(household).toContainText('家用空调');
  await expect(household).toContainText('整机 12 个月');
  await household.getByRole('checkbox').check();
  await desk.getByTestId('preset-projector').getByRole('checkbox').check();
  await screenshot(desk, testInfo, 'setup-policies-zh', true);
  await next(desk);
  await expect(desk.getByTestId('setup-step-backups')).toBeVisible();
  await expect(desk.getByTestId('setup-backup-folder')).toContainText('backups');
  await next(desk);
  await expect(desk.getByTestId('setup-step-pin')).toBeVisible();
  await next(desk);
  await desk.getByTestId('setup-start').click();
  await expect(desk.getByTestId('desk-urgent')).toBeVisible();
  const policies = await backend.ok('policies:list', {});
  expect(policies.map((p) => p.name).sort()).toEqual(['家用空调', '投影机'].sort());
  expect(policies.find((p) => p.name === '家用空调')!.current).toMatchObject({ basis: 'purchase', components: [{ key: 'whole', months: 12 }, { months: 36 }, { months: 6 }] });
  // Setup is over: it does not come back on the next start.
  await desk.reload();
  await expect(desk.getByTestId('desk-urgent')).toBeVisible();
  await expect(wizard).toHaveCount(0);

  // The first caller, their unit under a new model with the ready policy, and its card.
  await desk.keyboard.press('Control+K');
  await desk.keyboard.type('138 1234 5678');
  await desk.keyboard.press('Enter');
  await desk.keyboard.type('张三丰');
  await desk.keyboard.press('Enter');
  const repair = desk.getByRole('dialog', { name: '新建报修' });
  await expect(repair).toBeVisible();
  await desk.keyboard.press('Escape');
  await expect(desk.getByTestId('customer-contact')).toContainText('138 1234 5678');
  await desk.keyboard.press('Control+Shift+N');
  const unitDialog = desk.getByRole('dialog', { name: '添加设备' });
  await unitDialog.getByRole('button', { name: '新建型号' }).click();
  const modelDialog = desk.getByRole('dialog', { name: '新建产品型号' });
  await desk.keyboard.type('格力');
  await modelDialog.getByLabel('型号').fill('KFR-35GW');
  await modelDialog.getByLabel('类别').fill('空调');
  await modelDialog.getByRole('combobox', { name: '保修政策' }).click();
  await desk.getByRole('option', { name: '家用空调' }).click();
  await modelDialog.getByLabel('型号').press('Control+S');
  await expect(modelDialog).toBeHidden();
  await unitDialog.getByLabel('序列号').fill('GL2026A0001');
  await unitDialog.getByLabel('购买日期').fill('2026-11-20');
  await unitDialog.getByLabel('购买日期').press('Enter');
  await expect(unitDialog).toBeHidden();
  await desk.getByTestId('units-table').locator('tr[data-serial="GL2026A0001"]').getByRole('button', { name: 'GL2026A0001' }).click();
  await desk.keyboard.press('Control+P');
  const cardDialog = desk.getByRole('dialog', { name: '打印保修卡' });
  await cardDialog.getByRole('button', { name: /生成并预览/ }).click();
  const preview = desk.getByRole('dialog', { name: /保修卡 BXK-/ });
  await expect(preview.getByTestId('pdf-pages')).toHaveAttribute('data-rendered-pages', /^[1-9]/, { timeout: 20_000 });
  await screenshot(desk, testInfo, 'first-card-preview', true);
  await desk.keyboard.press('Control+P');
  await expect.poll(() => backend.platform.printed.length).toBe(1);
  expect(problems).toEqual([]);
});

test('the setup in English, skipped in one click', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await backend.ok('settings:update', { language: 'en' });
  await desk.reload();
  const wizard = desk.getByTestId('setup-wizard');
  await expect(wizard).toContainText('Welcome');
  await wizard.getByLabel('Company name').fill('Hangzhou Warm Air Service Co.');
  await wizard.getByLabel('Service hotline').fill('400-800-1234');
  await wizard.getByRole('button', { name: /Next/ }).click();
  await next(desk);
  await expect(desk.getByTestId('preset-network')).toContainText('Network and computer equipment');
  await screenshot(desk, testInfo, 'setup-policies-en', true);
  await desk.getByTestId('setup-skip-all').click();
  await expect(desk.getByTestId('desk-urgent')).toBeVisible();
  expect((await backend.ok('settings:get', {})).setupDone).toBe(true);
  expect(await backend.ok('policies:list', {})).toEqual([]);
  expect(problems).toEqual([]);
});
