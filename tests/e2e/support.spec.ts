import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { formatRecoveryCode } from '../../shared/schemas/security';
import { person } from '../support/sample';
import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

/* Support without a technician on site (issue 13): diagnostics from Settings, and a forgotten PIN cleared at the prompt. */

const PIN = '2468';

async function deleteCustomer(desk: Page, id: number, button: string, dialogName: string) {
  await desk.goto(`/#/customers/${id}`);
  await desk.getByTestId('customer-contact').getByRole('button', { name: button }).click();
  const dialog = desk.getByRole('dialog', { name: dialogName });
  await dialog.getByRole('button', { name: button }).click();
  return dialog;
}

test('diagnostics are saved from Settings → Data check; a copy of the data asks for the PIN', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await backend.ok('customers:create', person({ name: '欧阳娜娜', phones: [{ phone: '13987654321' }] }));
  await backend.ok('session:setPin', { next: PIN });
  await backend.ok('session:lock', {});
  await desk.goto('/#/settings');
  await desk.getByRole('tab', { name: '数据检查' }).click();
  const section = desk.getByTestId('diagnostics');
  await expect(section.getByRole('heading', { name: '给技术支持的诊断信息' })).toBeVisible();
  await screenshot(desk, testInfo, 'health-diagnostics-zh', true);

  const plain = join(backend.dir, 'support.zip');
  backend.platform.saveAnswer = plain;
  await section.getByRole('button', { name: '保存诊断信息…' }).click();
  await expect(desk.getByText(`诊断信息已保存：${plain}`)).toBeVisible();
  expect(existsSync(plain)).toBe(true);

  const withData = join(backend.dir, 'with-data.zip');
  backend.platform.saveAnswer = withData;
  await section.getByRole('checkbox', { name: /包含我的数据/ }).check();
  await section.getByRole('button', { name: '保存诊断信息…' }).click();
  const prompt = desk.getByRole('dialog', { name: '输入管理员密码' });
  await expect(prompt).toBeVisible();
  await desk.keyboard.type(PIN);
  await desk.keyboard.press('Enter');
  await expect(desk.getByText(`诊断信息（含数据库副本）已保存：${withData}`)).toBeVisible();
  expect(existsSync(withData)).toBe(true);

  await backend.ok('settings:update', { language: 'en' });
  await desk.reload();
  await desk.getByRole('tab', { name: 'Data check' }).click();
  await expect(section.getByRole('button', { name: 'Save diagnostics…' })).toBeVisible();
  await screenshot(desk, testInfo, 'health-diagnostics-en', true);
  expect(problems).toEqual([]);
});

test('a forgotten PIN is cleared with the recovery code at the prompt, a new one set, and the delete goes through', async ({ desk, backend }, testInfo) => {
  test.setTimeout(120_000);
  const problems = watchPage(desk);
  const [first, second] = [
    await backend.ok('customers:create', person({ name: '钱七', phones: [{ phone: '13911113333' }] })),
    await backend.ok('customers:create', person({ name: '孙八', phones: [{ phone: '13911114444' }] })),
  ];
  const { recoveryCode } = await backend.ok('session:setPin', { next: PIN });
  await backend.ok('session:lock', {});

  const confirm = await deleteCustomer(desk, first!.id, '删除', '删除客户');
  const prompt = desk.getByRole('dialog', { name: '输入管理员密码' });
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: '忘记密码？' }).click();
  const forgot = desk.getByRole('dialog', { name: '用恢复码清除管理员密码' });
  const code = forgot.getByRole('textbox', { name: '恢复码' });
  await expect(code).toBeFocused();
  // The command line is named only as the last resort, under the way the desk offers.
  await expect(forgot.getByTestId('last-resort')).toContainText('--reset-admin-pin');
  await code.fill('7K3M-QX9P-2HDR-W4TN');
  await code.press('Enter');
  await expect(forgot.getByRole('alert')).toHaveText('恢复码不对，还可再试 4 次。');
  await code.fill(formatRecoveryCode(recoveryCode!).toLowerCase());
  await screenshot(desk, testInfo, 'pin-forgot-zh', true);
  await code.press('Enter');
  await expect(forgot.getByText('管理员密码已清除。请现在设一个新密码，并保存新的恢复码。')).toBeVisible();
  expect((await backend.ok('session:get', {})).pinSet).toBe(false);
  await forgot.getByLabel('新密码', { exact: true }).fill('97531');
  await forgot.getByLabel('再输一次新密码').fill('97531');
  await forgot.getByRole('button', { name: '设置新密码' }).click();

  // The new code, shown once; Done waits until it is kept somewhere.
  const shown = desk.getByRole('dialog', { name: '请保存恢复码' });
  await expect(shown).toBeVisible();
  const newCode = (await shown.getByTestId('recovery-code-value').textContent())!;
  expect(newCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  expect(newCode).not.toBe(formatRecoveryCode(recoveryCode!));
  await expect(shown.getByRole('button', { name: '完成' })).toBeDisabled();
  await shown.getByRole('button', { name: '打印' }).click();
  await expect(desk.getByText('已发送到打印机“tray”。')).toBeVisible();
  expect(backend.platform.printed).toHaveLength(1);
  await screenshot(desk, testInfo, 'pin-recovery-code-zh', true);
  await shown.getByRole('button', { name: '完成' }).click();
  await expect(desk.getByText('已删除客户“钱七”')).toBeVisible();
  await expect(confirm).toBeHidden();
  const [recovered] = (await backend.ok('audit:list', { channel: 'session:recover' })).items.filter((c) => c.rowCount > 0);
  expect(recovered).toMatchObject({ operator: '王芳', request: JSON.stringify({ code: '••••' }) });

  // In English: the same way, up to the code shown.
  await backend.ok('settings:update', { language: 'en' });
  await backend.ok('session:lock', {});
  await desk.reload();
  await deleteCustomer(desk, second!.id, 'Delete', 'Delete customer');
  const promptEn = desk.getByRole('dialog', { name: 'Enter the admin PIN' });
  await promptEn.getByRole('button', { name: 'Forgot the PIN?' }).click();
  const forgotEn = desk.getByRole('dialog', { name: 'Clear the admin PIN with the recovery code' });
  await forgotEn.getByRole('textbox', { name: 'Recovery code' }).fill(newCode);
  await screenshot(desk, testInfo, 'pin-forgot-en', true);
  await forgotEn.getByRole('button', { name: 'Clear the PIN' }).click();
  await forgotEn.getByLabel('New PIN', { exact: true }).fill('24680');
  await forgotEn.getByLabel('New PIN again').fill('24680');
  await screenshot(desk, testInfo, 'pin-new-en', true);
  await forgotEn.getByRole('button', { name: 'Set the new PIN' }).click();
  const shownEn = desk.getByRole('dialog', { name: 'Keep the recovery code' });
  await shownEn.getByRole('checkbox', { name: 'I have printed, saved or written down this code' }).check();
  await screenshot(desk, testInfo, 'pin-recovery-code-en', true);
  await shownEn.getByRole('button', { name: 'Done' }).click();
  await expect(desk.getByText('Customer “孙八” deleted')).toBeVisible();
  expect(problems).toEqual([]);
});
