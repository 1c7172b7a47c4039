import type { Page } from '@playwright/test';
import { person } from '../support/sample';
import { openTestBackend, type TestBackend } from '../support/backend';
import { bridge, expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

const PIN = '2468';

/** Yesterday's desk: two operators have worked here, and one customer has nothing on file yet. */
async function seedYesterday(dataDir: string) {
  const before = await openTestBackend(dataDir);
  await before.ok('settings:update', { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234' });
  await before.ok('session:begin', { operator: '张伟' });
  await before.ok('session:begin', { operator: '王芳' });
  const customers = [
    await before.ok('customers:create', person({ name: '钱七', phones: [{ phone: '13911113333' }] })),
    await before.ok('customers:create', person({ name: '孙八', phones: [{ phone: '13911114444' }] })),
  ];
  await before.close();
  return customers;
}

/** The app starts again on the same file: the backend remembers the operators, not who was at the desk. */
async function startDesk(page: Page, dataDir: string): Promise<TestBackend> {
  const backend = await openTestBackend(dataDir);
  await bridge(page, backend);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  return backend;
}

async function menu(desk: Page, item: string | RegExp): Promise<void> {
  await desk.getByTestId('operator-menu').click();
  await desk.getByRole('menuitem', { name: item }).click();
}

/** Asks to delete a customer and confirms: the confirmation dialog stays open while the PIN is asked. */
async function deleteCustomer(desk: Page, id: number) {
  await desk.goto(`/#/customers/${id}`);
  await desk.getByTestId('customer-contact').getByRole('button', { name: '删除' }).click();
  const dialog = desk.getByRole('dialog', { name: '删除客户' });
  await dialog.getByRole('button', { name: '删除' }).click();
  return dialog;
}

test('who is at the desk, the admin PIN guarding a delete, lock, and the language left unguarded', async ({ page, dataDir }, testInfo) => {
  test.setTimeout(120_000);
  const [qian, sun] = await seedYesterday(dataDir);
  const backend = await startDesk(page, dataDir);
  const desk = page;
  const problems = watchPage(desk);
  try {
    // Nothing of the desk before a name: the most recent operator is focused, Enter takes her.
    const start = desk.getByTestId('start-screen');
    await expect(start.getByRole('heading', { name: '谁在值班？' })).toBeVisible();
    await expect(desk.getByRole('navigation')).toHaveCount(0);
    await expect(start.getByRole('button', { name: '王芳' })).toBeFocused();
    await expect(start.getByRole('button', { name: '张伟' })).toBeVisible();
    await desk.keyboard.press('Escape');
    await expect(start).toBeVisible();
    await screenshot(desk, testInfo, 'session-start-zh', true);
    await desk.keyboard.press('Enter');
    await expect(desk.getByTestId('operator-menu')).toHaveText('值班：王芳');
    expect((await backend.ok('session:get', {})).operator).toBe('王芳');

    // A new person takes over.
    await menu(desk, '换班…');
    await expect(start.getByRole('button', { name: '王芳' })).toBeFocused();
    await start.getByRole('textbox', { name: '新的值班人员' }).fill('李娜');
    await start.getByRole('textbox', { name: '新的值班人员' }).press('Enter');
    await expect(desk.getByTestId('operator-menu')).toHaveText('值班：李娜');
    expect((await backend.ok('operators:list', {})).map((o) => o.name)).toEqual(['李娜', '王芳', '张伟']);

    // She sets the admin PIN in Settings, reached from the menu.
    await menu(desk, '设置管理员密码…');
    await expect(desk.getByRole('tab', { name: '密码与值班人员' })).toHaveAttribute('aria-selected', 'true');
    await expect(desk.getByTestId('no-pin-warning')).toContainText('任何人都可以删除客户');
    await expect(desk.getByTestId('operators-table')).toContainText('正在值班');
    await screenshot(desk, testInfo, 'security-panel-nopin-zh', true);
    await desk.getByLabel('新密码', { exact: true }).fill('12');
    await desk.getByLabel('再输一次新密码').fill('13');
    await desk.getByRole('button', { name: '设置密码' }).click();
    await expect(desk.getByText('管理员密码为 4 到 8 位数字。')).toBeVisible();
    await expect(desk.getByText('两次输入的新密码不一样。')).toBeVisible();
    await desk.getByLabel('新密码', { exact: true }).fill(PIN);
    await desk.getByLabel('再输一次新密码').fill(PIN);
    await desk.getByRole('button', { name: '设置密码' }).click();
    await expect(desk.getByText('管理员密码已设置，本机已解锁 5 分钟。')).toBeVisible();
    // Its recovery code is shown once, and stays until she says it is kept.
    const code = desk.getByRole('dialog', { name: '请保存恢复码' });
    await expect(code.getByTestId('recovery-code-value')).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await desk.keyboard.press('Escape');
    await expect(code).toBeVisible();
    await code.getByRole('checkbox', { name: '我已打印、保存或抄下这个恢复码' }).check();
    await code.getByRole('button', { name: '完成' }).click();
    await expect(code).toBeHidden();
    await expect(desk.getByTestId('pin-change')).toBeVisible();
    await expect(desk.getByTestId('recovery-code-section')).toContainText('恢复码已生成');
    await expect(desk.getByTestId('forgot-pin-hint')).not.toContainText('--reset-admin-pin');
    await screenshot(desk, testInfo, 'security-panel-zh', true);

    // Setting it unlocked the desk for a while; she locks it from the menu.
    await expect(desk.getByTestId('operator-menu')).toHaveAttribute('aria-label', /管理员已解锁，至 \d{2}:\d{2}/);
    await menu(desk, '锁定');
    await expect(desk.getByTestId('operator-menu')).toHaveAttribute('aria-label', /管理员已锁定/);
    expect((await backend.ok('session:get', {})).unlockedUntil).toBeNull();

    // Deleting a customer now asks for the PIN; a wrong one says so, the right one lets the delete through.
    const confirm = await deleteCustomer(desk, qian!.id);
    const prompt = desk.getByRole('dialog', { name: '输入管理员密码' });
    await expect(prompt).toBeVisible();
    await expect(prompt.getByLabel('管理员密码').first()).toBeFocused();
    await desk.keyboard.type('1111');
    await desk.keyboard.press('Enter');
    await expect(prompt.getByRole('alert')).toHaveText('管理员密码不对，还可再试 4 次。');
    await expect(prompt.getByLabel('管理员密码').first()).toBeFocused();
    await screenshot(desk, testInfo, 'pin-prompt-zh', true);
    await desk.keyboard.type(PIN);
    await desk.keyboard.press('Enter');
    await expect(prompt).toBeHidden();
    await expect(desk.getByText('已删除客户“钱七”')).toBeVisible();
    await expect(confirm).toBeHidden();
    expect((await backend.ok('customers:list', {})).items.map((c) => c.name)).toEqual(['孙八']);
    const [deleted] = (await backend.ok('audit:list', { channel: 'customers:delete' })).items;
    expect(deleted).toMatchObject({ operator: '李娜', elevated: true });

    // Locked again from the menu: the next guarded action asks again; Esc gives up and says why.
    await menu(desk, '锁定');
    await expect(desk.getByText('已锁定：受保护的操作需要再次输入管理员密码。').last()).toBeVisible();
    const again = await deleteCustomer(desk, sun!.id);
    await expect(prompt).toBeVisible();
    await desk.keyboard.press('Escape');
    await expect(prompt).toBeHidden();
    await expect(again.getByRole('alert')).toHaveText('此操作需要管理员密码。');
    await again.getByRole('button', { name: '取消' }).click();
    expect((await backend.ok('customers:list', {})).items.map((c) => c.name)).toEqual(['孙八']);

    // The language is the person's own choice: no PIN.
    await desk.getByRole('banner').getByText('English', { exact: true }).click();
    await expect(desk.getByTestId('operator-menu')).toHaveText('At the desk: 李娜');
    await expect(prompt).toBeHidden();
    await expect.poll(async () => (await backend.ok('settings:get', {})).language).toBe('en');

    // The same screens in English.
    await desk.goto('/#/settings');
    await menu(desk, 'Admin PIN and operators…');
    await expect(desk.getByTestId('pin-guards')).toContainText('Deleting and merging customers');
    await screenshot(desk, testInfo, 'security-panel-en', true);
    await menu(desk, 'Unlock admin…');
    const promptEn = desk.getByRole('dialog', { name: 'Enter the admin PIN' });
    await desk.keyboard.type('9999');
    await desk.keyboard.press('Enter');
    await expect(promptEn.getByRole('alert')).toHaveText('Wrong admin PIN. 4 tries left.');
    await screenshot(desk, testInfo, 'pin-prompt-en', true);
    await desk.keyboard.press('Escape');
    await expect(promptEn).toBeHidden();
    await menu(desk, 'Switch operator…');
    await expect(start.getByRole('heading', { name: 'Who is at the desk?' })).toBeVisible();
    await screenshot(desk, testInfo, 'session-start-en', true);
    await desk.keyboard.press('Enter');
    await expect(desk.getByTestId('operator-menu')).toHaveText('At the desk: 李娜');
    expect(problems).toEqual([]);
  } finally {
    await backend.close();
  }
});

test.describe('the first start', () => {
  test.use({ operator: null });

  test('asks for a name, refuses a retired one, and the retired one is no longer offered', async ({ desk, backend }) => {
    const problems = watchPage(desk);
    await backend.ok('session:begin', { operator: '老周' });
    const [old] = await backend.ok('operators:list', {});
    await backend.ok('operators:update', { id: old!.id, active: false });
    expect((await backend.ok('session:get', {})).operator).toBeNull();
    await desk.reload();

    const start = desk.getByTestId('start-screen');
    await expect(start).toContainText('第一次使用：输入你的名字即可开始。');
    await expect(start.getByRole('button', { name: '老周' })).toHaveCount(0);
    const name = start.getByRole('textbox', { name: '新的值班人员' });
    await expect(name).toBeFocused();
    await name.press('Enter');
    await expect(start).toContainText('必填');
    await name.fill('老周');
    await name.press('Enter');
    await expect(start).toContainText('“老周”已停用，请换一个名字，或请管理员在设置中重新启用。');
    await name.fill('小周');
    await name.press('Enter');
    await expect(desk.getByTestId('operator-menu')).toHaveText('值班：小周');
    expect(problems).toEqual([]);
  });
});
