import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedReportMonth } from '../support/report-month';
import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

/*
 * The owner's month (issue 17) at the desk: October 2026 of the hand-counted month, its charts
 * and figures, the workbook saved, the monthly pack printed, the warnings on the Desk.
 */

for (const language of ['zh-CN', 'en'] as const) {
  test(`opens October's reports, sees the charts and figures, exports .xlsx and prints the pack (${language})`, async ({ desk, backend }, testInfo) => {
    test.setTimeout(120_000);
    const problems = watchPage(desk);
    await seedReportMonth(backend);
    if (language === 'en') await backend.ok('settings:update', { language: 'en' });
    await desk.setViewportSize({ width: 1366, height: 768 });
    await desk.goto('/#/reports');
    await desk.reload();
    const period = desk.getByTestId('report-period');
    await period.getByTestId('report-year').fill('2026');
    await period.getByTestId('report-year').press('Tab');
    await period.getByTestId('report-month').click();
    await desk.getByRole('option', { name: '10', exact: true }).click();
    await expect(desk.getByTestId('report-as-of')).toContainText('2026-10-01');
    // The hand-counted figures: eight tickets, four warnings (two on model A, two repeats).
    await expect(desk.getByTestId('report-warnings').getByRole('listitem')).toHaveCount(4);
    await expect(desk.getByTestId('chart-category').locator('.recharts-bar-rectangle')).toHaveCount(6);
    const repairs = desk.getByTestId('report-table-repairs');
    await expect(repairs).toContainText(language === 'zh-CN' ? '已关闭' : 'Closed');
    await expect(repairs.locator('tr', { hasText: language === 'zh-CN' ? '李师傅' : '李师傅' }).locator('td').last()).toHaveText('2');
    await expect(desk.getByTestId('report-table-log').locator('tbody tr')).toHaveCount(8);
    await screenshot(desk, testInfo, `reports-repairs-${language}`, true);
    await desk.getByTestId('report-tab-service').click();
    await expect(desk.getByTestId('chart-service')).toBeVisible();
    await expect(desk.getByTestId('report-table-late').locator('tbody tr')).toHaveCount(4);
    await screenshot(desk, testInfo, `reports-service-${language}`, true);
    await desk.getByTestId('report-tab-failures').click();
    await expect(desk.getByTestId('report-table-failures')).toContainText('66.67');
    await screenshot(desk, testInfo, `reports-failures-${language}`, true);

    // The workbook, to the file the clerk picks.
    backend.platform.saveAnswer = join(backend.dir, `october-${language}.xlsx`);
    await desk.getByTestId('report-export').click();
    await expect.poll(() => existsSync(backend.platform.saveAnswer!)).toBe(true);
    expect(readFileSync(backend.platform.saveAnswer!).subarray(0, 2).toString()).toBe('PK');

    // The pack: drawn, archived, previewed.
    await desk.getByTestId('report-pack').click();
    const preview = desk.getByRole('dialog');
    await expect(preview.getByTestId('pdf-pages')).toHaveAttribute('data-rendered-pages', /^[1-9]/, { timeout: 30_000 });
    await screenshot(desk, testInfo, `reports-pack-${language}`, true);
    const docs = await backend.ok('documents:list', { kind: 'reportPack' });
    expect(docs).toHaveLength(1);
    await desk.keyboard.press('Escape');

    // A ticket behind a warning opens from it.
    await desk.getByTestId('report-warnings').getByRole('button', { name: 'GD-2026-K4' }).click();
    await expect(desk).toHaveURL(/#\/tickets\/\d+/);
    expect(problems).toEqual([]);
  });
}

test('the Desk says so when the last thirty days hold no warning', async ({ desk, backend }, testInfo) => {
  await seedReportMonth(backend);
  await desk.setViewportSize({ width: 1366, height: 768 });
  await desk.goto('/#/desk');
  await expect(desk.getByTestId('desk-warnings')).toContainText('30');
  await desk.getByTestId('desk-warnings').scrollIntoViewIfNeeded();
  await screenshot(desk, testInfo, 'desk-warnings-zh', true);
});

for (const language of ['zh-CN', 'en'] as const) {
  test(`prints one contract customer's monthly pack from their page (${language})`, async ({ desk, backend }, testInfo) => {
    test.setTimeout(90_000);
    const problems = watchPage(desk);
    const ids = await seedReportMonth(backend);
    if (language === 'en') await backend.ok('settings:update', { language: 'en' });
    await desk.setViewportSize({ width: 1366, height: 768 });
    await desk.goto(`/#/customers/${ids.cust1}`);
    await desk.reload();
    await desk.getByTestId('customer-pack').click();
    const dialog = desk.getByRole('dialog');
    await expect(dialog).toContainText(language === 'zh-CN' ? '西湖中学 的月度服务报告' : 'Service report for 西湖中学');
    await dialog.getByTestId('report-year').fill('2026');
    await dialog.getByTestId('report-year').press('Tab');
    await dialog.getByTestId('report-month').click();
    await desk.getByRole('option', { name: '10', exact: true }).click();
    await screenshot(desk, testInfo, `reports-customer-pack-dialog-${language}`, true);
    await dialog.getByTestId('customer-pack-print').click();
    await expect(desk.getByRole('dialog').getByTestId('pdf-pages')).toHaveAttribute('data-rendered-pages', /^[1-9]/, { timeout: 30_000 });
    await screenshot(desk, testInfo, `reports-customer-pack-${language}`, true);
    // Archived under the customer, not the company.
    const docs = await backend.ok('documents:list', { kind: 'reportPack' });
    expect(docs.map((d) => [d.recordType, d.recordId])).toEqual([['customer', ids.cust1]]);
    expect(problems).toEqual([]);
  });
}
