import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { person, seedModel } from '../support/sample';
import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

/** Kept with the other screenshots, and in SHOTS_DIR when the run asks for a copy. */
async function keep(desk: Page, testInfo: TestInfo, name: string): Promise<void> {
  await screenshot(desk, testInfo, name, true);
  const dir = process.env.SHOTS_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    copyFileSync(testInfo.outputPath(`${name}.png`), join(dir, `${name}.png`));
  }
}

for (const lang of ['zh-CN', 'en'] as const) {
  const zh = lang === 'zh-CN';

  test(`a last day moved off a holiday of an unpublished year reads provisional (${lang})`, async ({ desk, backend }, testInfo) => {
    const problems = watchPage(desk);
    if (!zh) await backend.ok('settings:update', { language: 'en' });
    const customer = await backend.ok('customers:create', person());
    const model = await seedModel(backend);
    // Accepted 2026-10-01: the whole unit's 12 months end on 2027-10-01, National Day, whose
    // 2027 schedule is not published; the compressor's 36 months on 2029-10-01.
    const unit = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'NAT2027', purchaseDate: '2026-09-20', acceptanceDate: '2026-10-01' });
    expect(unit.warranty.components.map((c) => [c.key, c.end, c.provisional])).toEqual([
      ['whole', '2027-10-06', true],
      ['accessories', '2027-04-01', false],
      ['compressor', '2029-10-04', true],
    ]);
    await desk.goto(`/#/units/${unit.id}`);
    const mark = zh ? '暂定' : 'provisional';
    await expect(desk.getByTestId('unit-header').getByTestId('provisional')).toHaveText(mark);
    const whole = desk.locator('[data-component="whole"]');
    await expect(whole.getByTestId('provisional')).toHaveText(mark);
    await expect(whole).toContainText(zh ? '截止日 2027-10-01 适逢国庆节，按工作日历顺延至其后第一个工作日 2027-10-06' : 'moved to the next working day, 2027-10-06 (working calendar)');
    await expect(whole).toContainText(zh ? '暂定：2027 年放假安排尚未公布' : 'Provisional: the 2027 holidays are counted from the law');
    await expect(desk.locator('[data-component="accessories"]').getByTestId('provisional')).toHaveCount(0);
    await keep(desk, testInfo, `unit-provisional-${lang}`);
    expect(problems).toEqual([]);
  });

  test(`the rest-day rule and the provisional years in Settings (${lang})`, async ({ desk, backend }, testInfo) => {
    const problems = watchPage(desk);
    if (!zh) await backend.ok('settings:update', { language: 'en' });
    await desk.goto('/#/settings');
    const rule = desk.getByTestId('rest-day-rule');
    await expect(rule.getByRole('radio', { name: zh ? '按工作日历顺延' : 'Working calendar' })).toBeChecked();
    await rule.scrollIntoViewIfNeeded();
    await keep(desk, testInfo, `settings-rest-day-rule-${lang}`);

    await desk.getByRole('tab', { name: zh ? '工作日历' : 'Working calendar' }).click();
    await desk.getByRole('combobox', { name: zh ? '年份' : 'Year' }).click();
    await desk.getByRole('option', { name: /2028/ }).click();
    const provisional = desk.getByTestId('provisional-holidays');
    await expect(provisional).toContainText(zh ? '2028 年暂按法定节日计算' : '2028: statutory holidays for now');
    // 中秋 falls on 3 October 2028: one run with National Day.
    await expect(provisional.getByRole('row', { name: zh ? /国庆节、中秋节/ : /National Day and Mid-Autumn Festival/ })).toContainText(zh ? '2028-10-04' : '4 Oct 2028');
    await keep(desk, testInfo, `settings-calendar-provisional-${lang}`);
    expect(problems).toEqual([]);
  });
}
