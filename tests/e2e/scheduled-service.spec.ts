import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { TestBackend } from '../support/backend';
import { readPdf } from '../support/pdf-read';
import { AIRCON_POLICY } from '../support/sample';
import { CN_MAINLAND, isWorkingDay } from '../../shared/domain/calendar';
import { addDays, todayIso } from '../../shared/domain/dates';
import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

/*
 * Issue 19's whole round, as the desk goes through it: a contract for two units made on screen,
 * its four quarterly inspections, the Desk's due list, the blank form printed, its QR code read
 * back from the paper and typed into the search box as a 2D scanner does, one reading out of
 * range recorded, the repair ticket it offers opened, the filled form and the customer's
 * quarter's statistics sheet printed.
 */

const CUSTOMER = '杭州市西湖区文三路小学（东校区）后勤服务中心';
const SERIALS = ['GL2025KFR72LW0201', 'GL2025KFR72LW0202'];

async function seedSite(backend: TestBackend) {
  await backend.ok('settings:update', { companyName: '杭州暖风空调制冷设备安装维修服务有限公司', hotline: '400-800-1234' });
  const policy = await backend.ok('policies:create', AIRCON_POLICY);
  const model = await backend.ok('models:create', { brand: '格力', model: 'KFR-72LW/(72555)FNhAc-B1', category: '空调', policyId: policy.id });
  const customer = await backend.ok('customers:create', {
    kind: 'organisation',
    name: CUSTOMER,
    phones: [{ phone: '0571-88776655' }],
    addresses: [{ address: '浙江省杭州市西湖区文三路 88 号', isDefault: true }],
  });
  const accepted = addDays(todayIso(), -120);
  for (const [i, serial] of SERIALS.entries()) {
    await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial, purchaseDate: accepted, acceptanceDate: accepted, siteAddress: `${i + 1} 号教学楼机房` });
  }
  await backend.ok('checklists:create', {
    name: '分体空调季度巡检',
    category: '空调',
    items: [
      { key: 'filter', text: '清洗过滤网', textEn: 'Clean the filter', standard: '无积尘、无破损', answer: 'check', kinds: ['inspection', 'maintenance'] },
      { key: 'pressure', text: '冷媒低压压力', textEn: 'Refrigerant low-side pressure', standard: '制冷运行 0.8–1.2 MPa', answer: 'reading', unit: 'MPa', min: 0.8, max: 1.2, kinds: ['inspection', 'maintenance'] },
    ],
  });
  return customer;
}

/** A start that gives a one-year term its four quarterly inspections: not itself the 15th of a quarter's month. */
function startDay(): string {
  const today = todayIso();
  return /-(03|06|09|12)-15$/.test(today) ? addDays(today, 1) : today;
}

function firstWorkingDay(): string {
  let day = todayIso();
  while (!isWorkingDay(CN_MAINLAND, day)) day = addDays(day, 1);
  return day;
}

/** The text of every QR code on the PDF's pages, as a reader's scanner would see the paper. */
function qrCodes(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'desk-qr-'));
  try {
    writeFileSync(join(dir, 'form.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '150', '-png', join(dir, 'form.pdf'), join(dir, 'page')]);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .flatMap((png) => {
        try {
          return execFileSync('zbarimg', ['-q', '--raw', join(dir, png)], { encoding: 'utf8' }).split('\n').filter(Boolean);
        } catch {
          return []; // zbarimg exits 4 on a page without a code
        }
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function archived(backend: TestBackend, kind: 'inspectionForm' | 'faultStats', recordType: 'visit' | 'customer', recordId: number) {
  const [latest] = await backend.ok('documents:list', { kind, recordType, recordId });
  const { base64 } = await backend.ok('documents:content', { id: latest!.id });
  return { document: latest!, pdf: Buffer.from(base64, 'base64') };
}

async function previewed(desk: Page, name: RegExp) {
  const preview = desk.getByRole('dialog', { name });
  await expect(preview.getByTestId('pdf-pages')).toHaveAttribute('data-rendered-pages', /^[1-9]/, { timeout: 30_000 });
  await preview.locator('.mantine-Modal-body').getByRole('button', { name: '关闭' }).click();
  await expect(preview).toBeHidden();
}

test('a contract for two units, its quarterly visits on the Desk, the blank form scanned back, a reading out of range made a ticket, the filled form and the quarter sheet printed', async ({ desk, backend }, testInfo) => {
  test.setTimeout(240_000);
  const problems = watchPage(desk);
  const customer = await seedSite(backend);

  // The contract, made on screen from the standard plan.
  await desk.goto('/#/maintenance');
  await desk.keyboard.press('Control+Shift+N');
  const dialog = desk.getByRole('dialog', { name: '新建维保合同' });
  await expect(dialog.getByRole('combobox', { name: '客户' })).toBeFocused();
  await desk.keyboard.type('文三路小学');
  await desk.getByRole('option', { name: new RegExp(CUSTOMER.slice(0, 8)) }).click();
  for (const serial of SERIALS) await dialog.getByRole('checkbox', { name: new RegExp(serial) }).check();
  await dialog.getByLabel('开始日期').fill(startDay().replaceAll('-', '/'));
  await dialog.getByLabel('开始日期').press('Tab');
  await dialog.getByRole('button', { name: '标准' }).click();
  await expect(dialog.getByTestId('plan-preview').getByTestId('preview-inspection')).toHaveText('巡检 4 次');
  await dialog.getByLabel('合同金额').fill('4800');
  await dialog.getByLabel('合同金额').press('Control+S');
  await expect(dialog).toBeHidden();
  await expect(desk).toHaveURL(/#\/maintenance\/\d+$/);
  const visits = desk.getByTestId('contract-visits');
  await expect(visits.locator('tbody tr').filter({ hasText: '巡检' })).toHaveCount(4);
  const [contract] = await backend.ok('contracts:list', { status: 'all' });
  const detail = await backend.ok('contracts:get', { id: contract!.id });
  const inspections = detail.visits.filter((v) => v.kind === 'inspection');
  // One a quarter, each on the 15th of March, June, September or December.
  expect(inspections).toHaveLength(4);
  expect(new Set(inspections.map((v) => v.plannedOn.slice(5)))).toEqual(new Set(['03-15', '06-15', '09-15', '12-15']));

  // The first inspection brought forward to this week, so the Desk lists it as due.
  const visit = inspections[0]!;
  const day = firstWorkingDay();
  await desk.getByRole('button', { name: `改期 ${visit.number}` }).click();
  const move = desk.getByRole('dialog', { name: `改期：${visit.number}` });
  await move.getByLabel('新的日期').fill(day);
  await move.getByLabel('新的日期').press('Tab');
  await desk.keyboard.type('学校放假前完成');
  await move.getByLabel('改期原因').press('Control+S');
  await expect(move).toBeHidden();
  await desk.goto('/#/desk');
  const due = desk.getByTestId('desk-visits-table');
  const row = due.locator('tbody tr').filter({ hasText: contract!.number }).filter({ hasText: '巡检' });
  await expect(row).toContainText(day);
  await screenshot(desk, testInfo, 'round-desk-zh', true);
  await row.click();
  await expect(desk).toHaveURL(new RegExp(`#/visit/${visit.id}$`));

  // The blank form for the technician: its QR code holds the visit number.
  await desk.getByRole('button', { name: '打印空白巡检表' }).click();
  await previewed(desk, /巡检表/);
  const blank = await archived(backend, 'inspectionForm', 'visit', visit.id);
  const codes = qrCodes(blank.pdf);
  expect(codes).toContain(visit.number);

  // The signed paper comes back: the scanner types the code into the search box, with its Enter.
  await desk.goto('/#/desk');
  await desk.keyboard.press('Control+K');
  await desk.getByRole('textbox', { name: /查找/ }).fill(codes[0]!);
  await desk.getByRole('textbox', { name: /查找/ }).press('Enter');
  await expect(desk).toHaveURL(new RegExp(`#/visit/${visit.id}$`));

  // The results: one unit's pressure out of range, the other in range.
  const units = desk.getByTestId('inspection-unit');
  await expect(units).toHaveCount(2);
  const [first, second] = [units.filter({ hasText: SERIALS[0]! }), units.filter({ hasText: SERIALS[1]! })];
  await first.getByRole('button', { name: `全部正常 ${SERIALS[0]}` }).click();
  await first.getByRole('textbox', { name: '冷媒低压压力', exact: true }).fill('1.6');
  await expect(first.locator('[data-item="pressure"]')).toContainText('高于允许范围（0.8–1.2 MPa）');
  await second.getByRole('button', { name: `全部正常 ${SERIALS[1]}` }).click();
  await second.getByRole('textbox', { name: '冷媒低压压力', exact: true }).fill('1.0');
  await desk.getByLabel('客户签字人').fill('张建华');
  await desk.getByLabel('客户签字人').press('Control+S');
  await expect(desk.getByText(`${visit.number} 的记录已保存`)).toBeVisible();

  // The finding offers a repair ticket, opened linked to the visit and the unit.
  await first.locator('[data-item="pressure"]').getByRole('button', { name: /开维修工单/ }).click();
  const link = first.locator('[data-item="pressure"]').getByTestId('finding-ticket');
  await expect(link).toHaveText(/^GD-\d{4}-\d{6}$/);
  const ticketNumber = (await link.textContent())!;
  const [ticket] = (await backend.ok('tickets:list', { scope: 'all', customerId: customer.id })).rows;
  expect(ticket).toMatchObject({ number: ticketNumber, customerName: CUSTOMER });
  expect((await backend.ok('tickets:get', { id: ticket!.id })).unit?.serial).toBe(SERIALS[0]);
  const recorded = await backend.ok('visits:inspection', { id: visit.id });
  expect(recorded.units[0]!.findings.find((f) => f.key === 'pressure')).toMatchObject({ reading: 1.6, readingState: 'high', ticketId: ticket!.id });
  await screenshot(desk, testInfo, 'round-visit-zh', true);

  // The filled form: the reading, marked out of range in words, and the ticket it opened.
  await desk.getByRole('button', { name: '打印已填巡检表' }).click();
  await previewed(desk, /巡检表/);
  const filled = await archived(backend, 'inspectionForm', 'visit', visit.id);
  expect(filled.document.number).not.toBe(blank.document.number);
  const filledText = (await readPdf(filled.pdf)).map((p) => p.text).join('\n');
  expect(filledText).toContain('1.6');
  expect(filledText).toContain(ticketNumber);

  // The quarter's fault statistics sheet, from the customer's contracts.
  await desk.goto(`/#/customers/${customer.id}`);
  await desk.getByTestId('print-stats').click();
  await desk.getByRole('dialog', { name: '打印季度故障统计表' }).getByRole('button', { name: '打印季度故障统计表' }).click();
  await previewed(desk, /故障统计表 GZT-/);
  const sheet = await archived(backend, 'faultStats', 'customer', customer.id);
  const sheetText = (await readPdf(sheet.pdf)).map((p) => p.text).join('\n');
  expect(sheetText).toContain(ticketNumber);
  for (const serial of SERIALS) expect(sheetText).toContain(serial);
  expect(problems).toEqual([]);
});
