import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { addDays, addMonths, todayIso } from '../../shared/domain/dates';
import type { TestBackend } from '../support/backend';
import { readPdf } from '../support/pdf-read';
import { seedReportMonth } from '../support/report-month';
import { AIRCON_POLICY } from '../support/sample';
import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

/*
 * Settling with the maker and the customer at the desk (issue 21): a claim from two warranty
 * repairs sent, partly accepted and its part received into stock; a refund under 三包 from the
 * ticket with its return form; a part scrapped with its record; the section in both languages;
 * last month's returns to the maker printed, saved as a workbook and recorded sent.
 * The desk's own clock runs here, so dates are counted from today.
 */

async function seed(backend: TestBackend) {
  await backend.ok('settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234' });
  const policy = await backend.ok('policies:create', AIRCON_POLICY);
  const model = await backend.ok('models:create', { brand: '格力', model: 'KFR-35GW', category: '空调', policyId: policy.id });
  const maker = await backend.ok('makers:create', { name: '格力电器售后服务部', contactName: '李工', fax: '0756-8668888' });
  await backend.ok('makers:setModelMaker', { modelId: model.id, makerId: maker.id });
  const customer = await backend.ok('customers:create', { name: '王小明', phones: [{ phone: '13857112345' }], addresses: [{ address: '浙江省杭州市西湖区文三路 90 号', isDefault: true }] });
  const unit = (serial: string, bought: string) => backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial, purchaseDate: bought, acceptanceDate: bought, invoiceNumber: `FP-${serial}` });
  const part = await backend.ok('parts:create', { partNumber: 'CAP-35', name: '压缩机电容', costFen: 2000, priceFen: 4500, quantity: 10 });
  return { maker, model, customer, unit, part };
}

test('a claim from two warranty repairs: sent, partly accepted, the accepted part received into stock', async ({ desk, backend }, testInfo) => {
  test.setTimeout(120_000);
  const problems = watchPage(desk);
  const s = await seed(backend);
  const today = todayIso();
  for (const serial of ['GL-A1', 'GL-A2']) {
    const unit = await s.unit(serial, addDays(today, -60));
    const ticket = await backend.ok('tickets:create', { customerId: s.customer.id, unitId: unit.id, faultReported: '外机不转，不制冷', faultCategory: 'notCooling' });
    await backend.ok('tickets:addPart', { id: ticket.id, partId: s.part.id, quantity: 1 });
  }
  await desk.goto('/#/settle');
  await desk.getByTestId('claim-maker').click();
  await desk.getByRole('option', { name: '格力电器售后服务部' }).click();
  // The parts are chosen one by one: one unticked, the claim would take one; ticked again, both.
  const picks = desk.getByTestId('claim-candidates').locator('tbody input[type=checkbox]');
  await expect(picks).toHaveCount(2);
  await picks.nth(0).uncheck();
  await expect(desk.getByRole('button', { name: '生成索赔单（1 件可索赔）' })).toBeEnabled();
  await picks.nth(0).check();
  await desk.getByRole('button', { name: '生成索赔单（2 件可索赔）' }).click();
  const dialog = desk.getByRole('dialog', { name: /索赔单 SP-/ });
  await expect(dialog.getByTestId('claim-lines').locator('tbody tr')).toHaveCount(2);
  await dialog.getByTestId('claim-waybill').fill('SF1234567890');
  await dialog.getByRole('button', { name: '登记寄出' }).click();
  await expect(dialog).toContainText('运单 SF1234567890');

  const [first, second] = [dialog.getByTestId('claim-lines').locator('tbody tr').nth(0), dialog.getByTestId('claim-lines').locator('tbody tr').nth(1)];
  await first.getByRole('button', { name: '通过' }).click();
  await expect(first).toContainText('通过');
  await second.getByPlaceholder('驳回理由').fill('非质量问题');
  await second.getByRole('button', { name: '驳回' }).click();
  await expect(second).toContainText('驳回：非质量问题');
  await first.getByRole('button', { name: '入库' }).click();
  await expect(first).toContainText('1/1');
  await screenshot(desk, testInfo, 'settle-claim-zh', true);
  // The claim sheet as checked, for the file (and the parcel, printed before it went).
  await dialog.getByTestId('claim-print').click();
  const sheet = desk.getByRole('dialog', { name: /保修零件索赔单 SPB-/ });
  await expect(sheet.getByTestId('pdf-pages')).toHaveAttribute('data-rendered-pages', /^[1-9]/, { timeout: 30_000 });
  await screenshot(desk, testInfo, 'settle-claim-sheet-zh', true);
  await sheet.locator('.mantine-Modal-body').getByRole('button', { name: '关闭' }).click();
  await expect(sheet).toBeHidden();

  // Stock: 10 − 2 fitted + 1 received against the claim.
  expect((await backend.ok('parts:list', { query: 'CAP' }))[0]!.quantity).toBe(9);
  const [claim] = await backend.ok('claims:list', {});
  expect(claim!.lines.map((l) => [l.decision, l.receivedQuantity])).toEqual([
    ['accepted', 1],
    ['rejected', 0],
  ]);
  await desk.keyboard.press('Escape');
  // The Desk: old parts still to deal with.
  await desk.goto('/#/desk');
  await expect(desk.getByTestId('settle-desk')).toContainText('旧件待处理');
  expect(problems).toEqual([]);
});

test('years of parts never claimed: the oldest a claim takes are offered, narrowed to a month, and claimed', async ({ desk, backend }, testInfo) => {
  test.setTimeout(120_000);
  const problems = watchPage(desk);
  const s = await seed(backend);
  const unit = await s.unit('GL-B1', '2023-01-01');
  const ticket = await backend.ok('tickets:create', { customerId: s.customer.id, unitId: unit.id, faultReported: '外机不转，不制冷', faultCategory: 'notCooling' });
  // 620 warranty parts, one a day from 2023-01-01 (straight to the table: a ticket each through the API would take minutes).
  const insert = backend.store.sqlite.prepare(
    `insert into ticket_parts (ticket_id, part_id, quantity, price_fen, cost_fen, in_warranty, component_key, fitted_on, created_at) values (?, ?, 1, 4500, 2000, 1, null, date('2023-01-01', ?), 0)`,
  );
  backend.store.sqlite.transaction(() => {
    for (let i = 0; i < 620; i++) insert.run(ticket.id, s.part.id, `+${i} days`);
  })();
  await desk.goto('/#/settle');
  await desk.getByTestId('claim-maker').click();
  await desk.getByRole('option', { name: '格力电器售后服务部' }).click();
  await expect(desk.getByTestId('claim-more')).toContainText('共有 620 件可索赔，一张索赔单最多 500 件');
  await expect(desk.getByRole('button', { name: '生成索赔单（500 件可索赔）' })).toBeEnabled();
  await screenshot(desk, testInfo, 'settle-claim-oldest-zh', true);
  // Only March 2024's parts: 31 of them, all on one claim.
  await desk.getByTestId('claim-fitted-from').fill('2024-03-01');
  await desk.getByTestId('claim-fitted-to').fill('2024-03-31');
  await desk.getByTestId('claim-fitted-to').press('Tab');
  await expect(desk.getByTestId('claim-more')).toHaveCount(0);
  await desk.getByRole('button', { name: '生成索赔单（31 件可索赔）' }).click();
  const dialog = desk.getByRole('dialog', { name: /索赔单 SP-/ });
  await expect(dialog.getByTestId('claim-lines').locator('tbody tr')).toHaveCount(31);
  await expect(dialog.getByTestId('claim-lines').locator('tbody tr').first()).toContainText('2024-03-01');
  await desk.keyboard.press('Escape');
  expect((await backend.ok('claims:candidates', { makerId: s.maker.id })).total).toBe(589);

  await backend.ok('settings:update', { language: 'en' });
  await desk.reload();
  await desk.getByRole('tab', { name: 'Warranty claims' }).click();
  await desk.getByTestId('claim-maker').click();
  await desk.getByRole('option', { name: '格力电器售后服务部' }).click();
  await expect(desk.getByTestId('claim-more')).toContainText('589 parts can be claimed, and one claim takes at most 500');
  await screenshot(desk, testInfo, 'settle-claim-oldest-en', true);
  expect(problems).toEqual([]);
});

test('a refund under 三包 from the ticket, with the depreciation shown and its return form printed', async ({ desk, backend }, testInfo) => {
  test.setTimeout(120_000);
  const problems = watchPage(desk);
  const s = await seed(backend);
  const unit = await s.unit('GL-R1', addDays(todayIso(), -3));
  const ticket = await backend.ok('tickets:create', { customerId: s.customer.id, unitId: unit.id, faultReported: '新机制冷差', faultCategory: 'notCooling' });
  await desk.goto(`/#/tickets/${ticket.id}`);
  await desk.getByTestId('settle-refund').click();
  const dialog = desk.getByRole('dialog', { name: `三包退货 · 工单 ${ticket.number}` });
  await dialog.getByTestId('settle-price').fill('2000');
  await dialog.getByTestId('settle-report').fill('JC-01');
  // Signed for the day after the invoice, typed the way the desk writes days.
  const signed = addDays(todayIso(), -2);
  await dialog.getByTestId('settle-receipt').fill(signed.replaceAll('-', '/'));
  await dialog.getByTestId('settle-receipt').press('Tab');
  await expect(dialog.getByTestId('settle-receipt')).toHaveValue(signed);
  // 3 days from the invoice, none in repair before today: 3 × ¥2,000.00 × 0.10 % = ¥6.00.
  await expect(dialog.getByTestId('settle-preview')).toContainText('¥6.00');
  await expect(dialog.getByTestId('settle-preview')).toContainText('¥1,994.00');
  await screenshot(desk, testInfo, 'settle-refund-zh', true);
  await dialog.getByRole('button', { name: /保存/ }).click();
  const preview = desk.getByRole('dialog', { name: /退换货单 THD-/ });
  await expect(preview.getByTestId('pdf-pages')).toHaveAttribute('data-rendered-pages', /^[1-9]/, { timeout: 30_000 });
  await desk.keyboard.press('Escape');
  const settled = await backend.ok('settlements:forTicket', { id: ticket.id });
  expect(settled).toMatchObject({ kind: 'refund', depreciationFen: 600, refundFen: 199_400, testReport: 'JC-01', receiptDate: signed });
  expect((await backend.ok('units:get', { id: unit.id })).status).toBe('returned');
  await expect(desk.getByTestId('settle-ticket')).toContainText(`已退货 ${settled!.number}`);
  expect(problems).toEqual([]);
});

test('a part scrapped with its record, and the section in English', async ({ desk, backend }, testInfo) => {
  test.setTimeout(120_000);
  const problems = watchPage(desk);
  await seed(backend);
  await desk.goto('/#/settle');
  await desk.getByRole('tab', { name: '报废' }).click();
  await desk.getByTestId('scrap-new').click();
  const dialog = desk.getByRole('dialog', { name: '登记报废' });
  await dialog.getByTestId('scrap-item').click();
  await desk.getByRole('option', { name: /CAP-35 压缩机电容/ }).click();
  await dialog.getByTestId('scrap-reason').fill('仓库漏水受潮');
  await dialog.getByTestId('scrap-assessment').fill('端子锈蚀，容量偏低 30%');
  await dialog.getByTestId('scrap-disposal').fill('交回收站');
  await dialog.getByTestId('scrap-approver').fill('赵经理');
  await dialog.getByRole('button', { name: /保存/ }).click();
  const preview = desk.getByRole('dialog', { name: /报废品处理记录 BFJ-/ });
  await expect(preview.getByTestId('pdf-pages')).toHaveAttribute('data-rendered-pages', /^[1-9]/, { timeout: 30_000 });
  await desk.keyboard.press('Escape');
  await expect(desk.getByTestId('scrap-table')).toContainText('仓库漏水受潮');
  expect((await backend.ok('parts:list', { query: 'CAP' }))[0]!.quantity).toBe(9);
  await screenshot(desk, testInfo, 'settle-scrap-zh', true);

  // The maker edited: its monthly due day moves to the 10th.
  await desk.getByRole('tab', { name: '厂家与型号' }).click();
  await desk.getByTestId('maker-edit').click();
  const edit = desk.getByRole('dialog', { name: '修改厂家“格力电器售后服务部”' });
  await edit.getByTestId('maker-edit-due').fill('10');
  await edit.getByRole('button', { name: /保存/ }).click();
  await expect(desk.getByTestId('makers-table')).toContainText('每月 10 日');
  expect((await backend.ok('makers:list', {}))[0]!.returnsDueDay).toBe(10);

  await backend.ok('settings:update', { language: 'en' });
  await desk.reload();
  await desk.getByRole('tab', { name: 'Makers and models' }).click();
  await expect(desk.getByTestId('makers-table')).toContainText('格力电器售后服务部');
  await screenshot(desk, testInfo, 'settle-makers-en', true);
  expect(problems).toEqual([]);
});

test("a month's returns to a maker: the figures, the pack printed and archived, the workbook saved, the pack recorded sent", async ({ desk, backend }, testInfo) => {
  test.setTimeout(180_000);
  const problems = watchPage(desk);
  const s = await seed(backend);
  // Last month: one unit sold at ¥3,299.00 by 周建国 on its first day.
  const firstOfLast = addMonths(`${todayIso().slice(0, 7)}-01`, -1);
  const month = firstOfLast.slice(0, 7);
  await backend.ok('units:create', { customerId: s.customer.id, modelId: s.model.id, serial: 'GL-S1', purchaseDate: firstOfLast, salePriceFen: 329_900, soldBy: '周建国' });
  await desk.goto('/#/settle');
  await desk.getByRole('tab', { name: '月度报表' }).click();
  const pack = desk.getByTestId('returns-pack');
  await expect(pack).toContainText(`格力电器售后服务部 · ${month}`);
  await expect(pack).toContainText('售出 1 台，¥3,299.00');
  await pack.getByTestId('returns-print').click();
  const preview = desk.getByRole('dialog', { name: /厂家月度报表 CYB-/ });
  await expect(preview.getByTestId('pdf-pages')).toHaveAttribute('data-rendered-pages', /^[1-9]/, { timeout: 30_000 });
  await desk.keyboard.press('Escape');
  const [record] = await backend.ok('makerReturns:list', {});
  expect(record).toMatchObject({ month, provisional: false, sentOn: null });
  const text = (await readPdf(Buffer.from((await backend.ok('documents:content', { id: record!.documentId! })).base64, 'base64'))).map((p) => p.text).join('');
  expect(text).toContain('每月销售统计表');
  expect(text).toContain('GL-S1');

  const target = join(backend.dir, 'returns.xlsx');
  backend.platform.saveAnswer = target;
  await pack.getByTestId('returns-export').click();
  await expect(desk.getByText(`已保存到 ${target}`)).toBeVisible();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(target);
  expect(book.worksheets).toHaveLength(6);
  expect(JSON.stringify(book.getWorksheet('每月销售统计表')!.getSheetValues())).toContain('GL-S1');

  await pack.getByTestId('returns-mark-sent').click();
  await expect(pack.getByTestId('returns-sent')).toContainText(`已于 ${todayIso()} 寄出`);
  await expect(desk.getByTestId('returns-table')).toContainText('已寄出');
  await screenshot(desk, testInfo, 'settle-returns-zh', true);

  await backend.ok('settings:update', { language: 'en' });
  await desk.reload();
  await desk.getByRole('tab', { name: 'Monthly returns' }).click();
  await expect(desk.getByTestId('returns-pack')).toContainText('Units sold: 1');
  await screenshot(desk, testInfo, 'settle-returns-en', true);
  expect(problems).toEqual([]);
});

test("a feedback form to the maker from an early warning on October's reports, prefilled from it", async ({ desk, backend }, testInfo) => {
  test.setTimeout(120_000);
  const problems = watchPage(desk);
  const ids = await seedReportMonth(backend);
  const maker = await backend.ok('makers:create', { name: '格力电器售后服务部', fax: '0756-8668888' });
  await backend.ok('makers:setModelMaker', { modelId: ids.modelA!, makerId: maker.id });
  await desk.goto('/#/reports');
  const period = desk.getByTestId('report-period');
  await period.getByTestId('report-year').fill('2026');
  await period.getByTestId('report-year').press('Tab');
  await period.getByTestId('report-month').click();
  await desk.getByRole('option', { name: '10', exact: true }).click();
  // The repeated fault on SN-A1 (k1 then k2, 17 days apart): its line's button.
  const line = desk.getByTestId('report-warnings').getByRole('listitem').filter({ hasText: 'SN-A1' });
  await line.getByTestId('warning-feedback').click();
  const dialog = desk.getByRole('dialog', { name: '就预警“SN-A1”向厂家返馈' });
  await expect(dialog.getByTestId('feedback-problem')).toHaveValue(/GD-2026-K1、GD-2026-K2/);
  await screenshot(desk, testInfo, 'settle-warning-feedback-zh', true);
  await dialog.getByRole('button', { name: /保存/ }).click();
  const preview = desk.getByRole('dialog', { name: /信息返馈单 FKD-/ });
  await expect(preview.getByTestId('pdf-pages')).toHaveAttribute('data-rendered-pages', /^[1-9]/, { timeout: 30_000 });
  await desk.keyboard.press('Escape');
  const [form] = await backend.ok('feedback:list', {});
  expect(form).toMatchObject({ makerName: '格力电器售后服务部', ticketNumber: 'GD-2026-K2', serial: 'SN-A1' });
  expect(problems).toEqual([]);
});

test('a spare held as a share of units in service: the rule set on screen, the figure and the low mark on the parts list, the Desk count', async ({ desk, backend }, testInfo) => {
  test.setTimeout(120_000);
  const problems = watchPage(desk);
  const s = await seed(backend);
  // 34 units in service × 3 % = 1.02, rounded up: at least 2 fan motors. One is in stock, and its
  // reorder level (0) alone would not call it low.
  for (let i = 1; i <= 34; i += 1) await s.unit(`GL-F${String(i).padStart(2, '0')}`, addDays(todayIso(), -100));
  await backend.ok('parts:create', { partNumber: 'FAN-35', name: '室外风机电机', costFen: 12_000, priceFen: 18_000, quantity: 1 });
  await desk.goto('/#/desk');
  await expect(desk.locator('[data-counter=lowStock] p').first()).toHaveText('0');

  await desk.goto('/#/settle');
  await desk.getByRole('tab', { name: '备件、规则与收费' }).click();
  await desk.getByTestId('spares-set').click();
  const dialog = desk.getByRole('dialog', { name: '按在用台数比例储备配件' });
  await dialog.getByTestId('spare-share-part').fill('FAN');
  await desk.getByRole('option', { name: 'FAN-35 室外风机电机' }).click();
  await dialog.getByTestId('spare-share-model').click();
  await desk.getByRole('option', { name: '格力 KFR-35GW（在用 34 台）' }).click();
  await expect(dialog.getByTestId('spare-share-pct')).toHaveValue('3%');
  await expect(dialog.getByTestId('spare-share-required')).toHaveText('在用 34 台 × 3% → 至少储备 2 件（向上取整）');
  await screenshot(desk, testInfo, 'settle-spare-share-zh', true);
  await dialog.getByRole('button', { name: /保存/ }).click();
  await expect(dialog).toHaveCount(0);
  const row = desk.getByTestId('spares-table').locator('tbody tr').filter({ hasText: 'FAN-35' });
  await expect(row.locator('td')).toHaveText(['FAN-35 室外风机电机', '格力 KFR-35GW', '34', '3%', '2', '1', /修改/]);

  // The parts list: 1 of the 2 the share asks for, marked for reorder.
  await desk.goto('/#/parts');
  const part = desk.getByTestId('parts-table').locator('tbody tr').filter({ hasText: 'FAN-35' });
  await expect(part.getByTestId('part-share')).toHaveText('/ 2');
  await expect(part.getByTestId('part-share')).toHaveAttribute('title', '按在用设备比例至少需 2 件');
  await expect(part).toHaveAttribute('data-low', 'true');
  await expect(part).toContainText('需补货');
  await screenshot(desk, testInfo, 'settle-parts-share-zh', true);
  // The capacitors (10 in stock, no share) are not marked.
  await expect(desk.getByTestId('parts-table').locator('tbody tr').filter({ hasText: 'CAP-35' })).not.toHaveAttribute('data-low', 'true');

  // The Desk counts it, and the settling panel names it with its figure.
  await desk.goto('/#/desk');
  await expect(desk.locator('[data-counter=lowStock] p').first()).toHaveText('1');
  await expect(desk.getByTestId('settle-desk')).toContainText('FAN-35 1/2');

  // A second one received at the counter: no longer low anywhere.
  await desk.goto('/#/parts');
  await part.getByRole('button', { name: '入库 FAN-35' }).click();
  const receive = desk.getByRole('dialog');
  await receive.getByRole('textbox', { name: '入库数量' }).fill('1');
  await receive.getByRole('button', { name: /保存/ }).click();
  await expect(receive).toHaveCount(0);
  await expect(part).not.toHaveAttribute('data-low', 'true');
  await expect(part.getByTestId('part-share')).toHaveText('/ 2');
  await desk.goto('/#/desk');
  await expect(desk.locator('[data-counter=lowStock] p').first()).toHaveText('0');
  expect(problems).toEqual([]);
});
