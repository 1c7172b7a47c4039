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
  // The desk honours "reduce motion" (the fixture asks for it, as Windows does with animations
  // off): a note does not fade in or out, so it is never read (or checked by axe) half-faded.
  const fade = desk.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const look = () => {
          const note = document.querySelector('.mantine-Notification-root');
          if (note) resolve(getComputedStyle(note).transitionDuration);
          else requestAnimationFrame(look);
        };
        look();
      }),
  );
  await desk.getByRole('button', { name: /保存/ }).nth(1).click();
  await expect(desk.getByText('保修规则已保存')).toBeVisible();
  expect(Math.max(...(await fade).split(',').map((seconds) => parseFloat(seconds)))).toBeLessThanOrEqual(0.001);
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

test('the company states what its warranty card promises: hotline hours, who answers, the return slip, scheduled service', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await backend.ok('settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234', address: '浙江省杭州市拱墅区湖墅南路 186 号 3 楼' });
  await desk.goto('/#/settings');
  const section = desk.getByText('保修卡上的服务承诺', { exact: true }).locator('xpath=..');
  await section.scrollIntoViewIfNeeded();
  await expect(section.getByText('即 7×24 小时')).toBeVisible();
  await expect(section.getByLabel('回执卡寄回地址')).toHaveAttribute('placeholder', /浙江省杭州市拱墅区湖墅南路 186 号 3 楼/);

  // Bad input: a translated message under each field, and nothing saved.
  await section.getByLabel('开始时间').fill('20:00');
  await section.getByLabel('结束时间').fill('08:00');
  await section.getByLabel('负责人电话').fill('12345');
  await section.getByLabel('回执卡寄回期限（购买后）').fill('');
  await section.getByRole('button', { name: /保存/ }).click();
  await expect(section.getByText('结束时间要晚于开始时间（全天请填 00:00 到 24:00）')).toBeVisible();
  await expect(section.getByText(/电话号码格式不对/)).toBeVisible();
  await expect(section.getByText('必填', { exact: true })).toBeVisible();
  await screenshot(desk, testInfo, 'settings-card-promises-refused', true);
  const untouched = await backend.ok('settings:get', {});
  expect(untouched.hotlineHours).toEqual({ days: 'everyDay', from: '00:00', to: '24:00' });
  expect(untouched.serviceContact).toEqual({ department: null, person: null, phone: null });

  await section.getByLabel('开始时间').fill('08:00');
  await section.getByLabel('结束时间').fill('24:00');
  await section.getByLabel('保修负责部门').fill('客户服务部');
  await section.getByLabel('负责人', { exact: true }).fill('王敏');
  await section.getByLabel('负责人电话').fill('0571-88881234');
  await section.getByLabel('回执卡寄回期限（购买后）').fill('1');
  await section.getByRole('checkbox', { name: '电话回访' }).check();
  await section.getByRole('checkbox', { name: '上门巡检维护' }).check();
  await section.getByLabel('上门巡检维护间隔', { exact: true }).fill('3');
  await screenshot(desk, testInfo, 'settings-card-promises', true);
  await section.getByLabel('保修负责部门').press('Control+S');
  await expect(desk.getByText('保修卡上的服务承诺已保存')).toBeVisible();
  const saved = await backend.ok('settings:get', {});
  expect(saved.hotlineHours).toEqual({ days: 'everyDay', from: '08:00', to: '24:00' });
  expect(saved.serviceContact).toEqual({ department: '客户服务部', person: '王敏', phone: '0571-88881234' });
  expect(saved.returnSlip).toEqual({ months: 1, address: null });
  expect(saved.scheduledService).toEqual({ callback: { every: 1, unit: 'months' }, inspection: { every: 3, unit: 'months' }, maintenance: null });

  // The same section in English.
  await backend.ok('settings:update', { language: 'en' });
  await desk.reload();
  const english = desk.getByText('Service promises on the warranty card', { exact: true }).locator('xpath=..');
  await english.scrollIntoViewIfNeeded();
  await expect(english.getByLabel('Warranty department')).toHaveValue('客户服务部');
  await expect(english.getByRole('checkbox', { name: 'Full maintenance' })).not.toBeChecked();
  await screenshot(desk, testInfo, 'settings-card-promises-en', true);
  expect(problems).toEqual([]);
});
