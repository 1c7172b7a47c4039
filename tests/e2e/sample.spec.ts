import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

test.use({ setupDone: false });

test('sample data from the last setup step: a desk to practise on, then taken away in one step', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await desk.getByTestId('setup-skip-all').waitFor();
  // Straight to the last step: company first (the paper needs it), the rest skipped.
  const wizard = desk.getByTestId('setup-wizard');
  await wizard.getByLabel('公司名称').fill('杭州暖风空调服务有限公司');
  await wizard.getByLabel('服务热线').fill('400-800-1234');
  await wizard.getByRole('button', { name: /下一步/ }).click();
  for (const step of ['logo', 'policies', 'backups', 'pin']) {
    await expect(desk.getByTestId(`setup-step-${step}`)).toBeVisible();
    await desk.getByTestId('setup-next').click();
  }
  await screenshot(desk, testInfo, 'setup-sample-zh', true);
  // Loading the sample is starting to use the desk: it opens with the sample in it.
  await desk.getByTestId('sample-load').click();
  await expect(desk.getByText('已装入样例数据：5 位客户、8 台设备、5 张维修单。')).toBeVisible();

  // The desk at work: the reminder on top, tickets at their stages, a callback and a complaint due.
  const banner = desk.getByTestId('sample-banner');
  await expect(banner).toContainText('样例数据');
  await expect(desk.getByTestId('desk-urgent')).toBeVisible();
  await expect(desk.getByText('李秀英').first()).toBeVisible();
  await screenshot(desk, testInfo, 'sample-desk-zh', true);

  // Practice: a new repair for a sample customer from the search box.
  await desk.keyboard.press('Control+K');
  await desk.keyboard.type('李秀英');
  await desk.keyboard.press('Enter');
  await expect(desk.getByTestId('customer-contact')).toBeVisible();
  await backend.ok('sample:status', {}).then((s) => expect(s.counts.tickets).toBe(5));

  // Taken away from the banner, with one confirmation.
  await banner.getByRole('button', { name: '去删除' }).click();
  await expect(desk.getByTestId('sample-present')).toContainText('5 位客户');
  await screenshot(desk, testInfo, 'settings-sample-zh', true);
  await desk.getByTestId('sample-remove').click();
  const confirm = desk.getByRole('dialog', { name: '删除全部样例数据？' });
  await confirm.getByRole('button', { name: '删除', exact: true }).click();
  await expect(desk.getByText(/样例数据已删除：5 位客户、8 台设备、5 张维修单/)).toBeVisible();
  await expect(banner).toHaveCount(0);
  await expect(desk.getByTestId('sample-load')).toBeVisible();
  expect((await backend.ok('customers:list', { query: '' })).items).toEqual([]);
  expect(problems).toEqual([]);
});

test('in English: loaded from Settings, named in English', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await backend.ok('settings:update', { language: 'en', setupDone: true });
  await desk.reload();
  await desk.getByRole('button', { name: 'Settings' }).click();
  await desk.getByRole('tab', { name: 'Sample data' }).click();
  await desk.getByTestId('sample-load').click();
  await expect(desk.getByTestId('sample-banner')).toContainText('You are working with sample data');
  await expect(desk.getByTestId('sample-present')).toContainText('5 customers, 8 units, 5 repair tickets');
  await screenshot(desk, testInfo, 'settings-sample-en', true);
  await desk.getByRole('button', { name: 'Desk', exact: true }).click();
  await expect(desk.getByText('Li Xiuying').first()).toBeVisible();
  await screenshot(desk, testInfo, 'sample-desk-en', true);
  expect(problems).toEqual([]);
});
