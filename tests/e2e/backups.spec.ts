import { person } from '../support/sample';
import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

test('a backup made in Settings is restored through the UI; the data from before the restore is itself backed up', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await backend.ok('settings:update', { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234' });
  await backend.ok('customers:create', person({ name: '王芳', phones: [{ phone: '13900001111' }] }));

  await desk.goto('/#/settings');
  await desk.getByRole('tab', { name: '备份与恢复' }).click();
  const table = desk.getByTestId('backups');
  // The app backed up by itself when it opened (before any customer existed).
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('每日自动');
  await expect(desk.getByTestId('backup-folder')).toHaveText(`${backend.dir}/backups`);

  await desk.getByRole('button', { name: '立即备份' }).click();
  await expect(desk.getByText(/已备份：desk-.*-manual\.sqlite/)).toBeVisible();
  const manual = table.getByRole('row').filter({ hasText: '手动' });
  await expect(manual).toContainText('客户 1 · 设备 0 · 工单 0');
  await expect(manual).toContainText('完好');
  await screenshot(desk, testInfo, 'backups-zh', true);

  // Data changes after the backup…
  await backend.ok('customers:create', person({ name: '李四', phones: [{ phone: '13700002222' }] }));
  await desk.goto('/#/customers');
  await expect(desk.getByText('李四')).toBeVisible();

  // …and the backup is restored: the dialog says what it holds against what the desk holds now.
  await desk.goto('/#/settings');
  await desk.getByRole('tab', { name: '备份与恢复' }).click();
  await table.getByRole('row').filter({ hasText: '手动' }).getByRole('button', { name: /从 .* 的备份恢复/ }).click();
  const dialog = desk.getByRole('dialog', { name: '从备份恢复' });
  const compare = dialog.getByTestId('restore-compare');
  await expect(compare.getByRole('row', { name: /客户/ })).toHaveText(/客户\s*1\s*2/);
  await expect(dialog).toContainText('恢复之前，现在的数据会先备份一份');
  await screenshot(desk, testInfo, 'backups-restore-dialog', true);
  await dialog.getByRole('button', { name: '备份现在的数据并恢复' }).click();
  await expect(dialog).toBeHidden();
  await expect(desk.getByText(/已恢复到 .* 的备份/)).toBeVisible();

  // The pre-restore state is listed, and holds the customer added after the backup.
  const safety = table.getByRole('row').filter({ hasText: '恢复前' });
  await expect(safety).toHaveCount(1);
  await expect(safety).toContainText('客户 2');
  await safety.getByRole('button', { name: /从 .* 的备份恢复/ }).click();
  const inspect = desk.getByRole('dialog', { name: '从备份恢复' });
  await expect(inspect.getByTestId('restore-compare').getByRole('row', { name: /客户/ })).toHaveText(/客户\s*2\s*1/);
  await inspect.getByRole('button', { name: '取消' }).click();
  await expect(inspect).toBeHidden();

  // The earlier state: 李四 is gone from the list, 王芳 is still there.
  await desk.goto('/#/customers');
  await expect(desk.getByTestId('customers-table').getByText('王芳')).toBeVisible();
  await expect(desk.getByText('李四')).toHaveCount(0);
  const names = (await backend.ok('customers:list', { includeArchived: true })).items.map((c) => c.name);
  expect(names).toEqual(['王芳']);

  await backend.ok('settings:update', { language: 'en' });
  await desk.goto('/#/settings');
  await desk.reload();
  await desk.getByRole('tab', { name: 'Backups' }).click();
  await expect(table.getByRole('row').filter({ hasText: 'Before restore' })).toHaveCount(1);
  await screenshot(desk, testInfo, 'backups-en', true);
  expect(problems).toEqual([]);
});
