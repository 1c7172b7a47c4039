import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { translator } from '../../shared/i18n';
import { seedModel } from '../support/sample';
import type { TestBackend } from '../support/backend';
import { expect, test } from './fixtures';
import { watchPage } from './page-helpers';

/*
 * Issue 24 on screen: a GBK CSV and an .xls with merged headers and phones stored as numbers,
 * both written by LibreOffice, opened through the import. The screenshots go where the
 * closing note picks them up (E2E_SHEETS_SHOTS), and to the run's output.
 */

const FIXTURES = join(__dirname, '..', 'fixtures', 'sheets');
const SHOTS = process.env.E2E_SHEETS_SHOTS ?? join(process.cwd(), '.test-output', 'screenshots');

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function offer(backend: TestBackend, fixture: string, language: 'zh-CN' | 'en' = 'zh-CN'): Promise<void> {
  await backend.ok('settings:update', { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234', language });
  await seedModel(backend);
  const file = join(backend.dir, fixture);
  copyFileSync(join(FIXTURES, fixture), file);
  backend.platform.openAnswer = file;
}

test.use({ viewport: { width: 1366, height: 768 } });

test('a GBK CSV: encoding detected and shown, changed to UTF-8 and back, then checked', async ({ desk, backend }) => {
  const problems = watchPage(desk);
  await offer(backend, 'customers-gbk.csv');
  await desk.goto('/#/import');
  await desk.reload();
  await expect(desk.getByRole('button', { name: '下载导入模板' })).toBeVisible();
  await desk.getByRole('button', { name: '选择表格文件…' }).click();

  const source = desk.getByTestId('import-source');
  await expect(source).toContainText('格式：CSV / 文本文件 · 逗号分隔');
  await expect(source).toContainText('自动识别为 GBK / GB18030（简体中文）');
  await expect(desk.getByRole('textbox', { name: '文字编码' }).or(desk.getByRole('combobox', { name: '文字编码' }))).toHaveValue('GBK / GB18030（简体中文）');
  await expect(desk.getByTestId('sheet-sample')).toContainText('吉𠮷');
  await expect(desk.getByRole('combobox', { name: '客户名称', exact: true })).toHaveValue('A 列 · 客户名称');
  await shot(desk, 'gbk-csv-mapping-zh');

  // Read as UTF-8 the same bytes are garbage: the clerk sees it in the sample and goes back.
  await desk.getByRole('combobox', { name: '文字编码' }).click();
  await desk.getByRole('option', { name: 'UTF-8' }).click();
  await expect(source).toContainText('按 UTF-8 读取（自动识别为 GBK / GB18030（简体中文））');
  await expect(desk.getByTestId('sheet-sample')).not.toContainText('吉𠮷');
  await shot(desk, 'gbk-csv-read-as-utf8-zh');
  await desk.getByRole('combobox', { name: '文字编码' }).click();
  await desk.getByRole('option', { name: 'GBK / GB18030（简体中文）' }).click();
  await expect(desk.getByTestId('sheet-sample')).toContainText('吉𠮷');

  await desk.getByRole('button', { name: '核对导入结果' }).click();
  // Two of its models are new and the CSV names no category: their policy is chosen once.
  await desk.getByRole('combobox', { name: '类别“（未填类别）”的保修政策' }).click();
  await desk.getByRole('option', { name: '家用空调标准保修' }).click();
  await expect(desk.getByTestId('count-ok').locator('[data-value]')).toHaveText('10');
  await expect(desk.getByTestId('import-preview-rows')).toContainText('吉𠮷');
  await shot(desk, 'gbk-csv-preview-zh');
  expect(problems).toEqual([]);
});

test('an .xls with a title, merged headings and phones stored as numbers', async ({ desk, backend }) => {
  const problems = watchPage(desk);
  await offer(backend, 'merged.xls');
  await desk.goto('/#/import');
  await desk.reload();
  await desk.getByRole('button', { name: '选择表格文件…' }).click();
  await expect(desk.getByTestId('import-source')).toHaveText('格式：Excel 97-2003 工作簿（.xls）');
  await expect(desk.getByRole('combobox', { name: '第二个电话', exact: true })).toHaveValue('C 列 · 座机');
  await expect(desk.getByRole('combobox', { name: '购买日期', exact: true })).toHaveValue('H 列 · 购买日期');
  await shot(desk, 'xls-mapping-zh');
  await desk.getByRole('button', { name: '核对导入结果' }).click();
  await desk.getByRole('combobox', { name: '类别“（未填类别）”的保修政策' }).click();
  await desk.getByRole('option', { name: '家用空调标准保修' }).click();
  await expect(desk.getByTestId('count-ok').locator('[data-value]')).toHaveText('3');
  // Restored phones are said on their rows; no banner about numbers of other customers.
  await expect(desk.getByText(/电话号码已属于另一个名称的客户/)).toHaveCount(0);
  const rows = desk.getByTestId('import-preview-rows');
  await expect(rows.locator('tr[data-row="4"]')).toContainText('已按 02158889999 读取');
  await expect(rows.locator('tr[data-row="6"]')).toContainText('电话单元格存的是数字 1390000');
  await shot(desk, 'xls-preview-zh');
  expect(problems).toEqual([]);
});

test('the same .xls in English', async ({ desk, backend }) => {
  await offer(backend, 'merged.xls', 'en');
  await desk.goto('/#/import');
  await desk.reload();
  await desk.getByRole('button', { name: 'Choose spreadsheet file…' }).click();
  await expect(desk.getByTestId('import-source')).toHaveText('Format: an Excel 97-2003 workbook (.xls)');
  await desk.getByRole('button', { name: 'Check the import' }).click();
  await desk.getByRole('combobox', { name: /^Warranty policy for category/ }).click();
  await desk.getByRole('option').first().click();
  await expect(desk.getByTestId('import-preview-rows').locator('tr[data-row="4"]')).toContainText('read as 02158889999');
  await shot(desk, 'xls-preview-en');
});

test('the tickets list and a customer history go out from their own screens', async ({ desk, backend }) => {
  await backend.ok('settings:update', { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234' });
  const customer = await backend.ok('customers:create', { name: '张三', phones: [{ phone: '13900001111' }], addresses: [] });
  await backend.ok('tickets:create', { source: 'phone', customerId: customer.id, unitId: null, unregisteredUnit: { brand: '美的', model: 'KFR-26', serial: null }, faultReported: '不制冷', faultCategory: 'notCooling', severity: 'ordinary' });
  backend.platform.saveAnswer = join(backend.dir, 'tickets.xlsx');
  await desk.goto('/#/tickets');
  await desk.reload();
  await desk.getByRole('button', { name: '导出 Excel' }).click();
  await expect(desk.getByText(/tickets\.xlsx/)).toBeVisible();
  await shot(desk, 'tickets-exported-zh');
  backend.platform.saveAnswer = join(backend.dir, 'history.xlsx');
  await desk.goto(`/#/customers/${customer.id}`);
  await desk.getByRole('button', { name: '导出维修记录' }).click();
  await expect(desk.getByText(/history\.xlsx/)).toBeVisible();
  await shot(desk, 'customer-history-exported-zh');
});

/**
 * A desk with one customer, their unit, a technician and one ticket; its tickets list exported,
 * then two rows added as another desk would send them: a ticket not on this desk (new) and, in
 * the first file, one whose customer phone nobody on file has (refused).
 */
async function ticketsSheets(backend: TestBackend, language: 'zh-CN' | 'en') {
  await backend.ok('settings:update', { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234', language });
  const model = await seedModel(backend);
  const customer = await backend.ok('customers:create', { name: '张三', phones: [{ phone: '13900001111' }], addresses: [{ address: '杭州市西湖区文三路1号', isDefault: true }] });
  await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: '00123', purchaseDate: '2025-03-01' });
  const unit = (await backend.ok('units:listByCustomer', { customerId: customer.id }))[0]!;
  await backend.ok('technicians:create', { name: '李师傅', phone: '13700001111' });
  const ticket = await backend.ok('tickets:create', { source: 'phone', customerId: customer.id, unitId: unit.id, faultReported: '不制冷', faultCategory: 'notCooling', severity: 'ordinary' });
  await backend.ok('tickets:transition', { id: ticket.id, to: 'answered' });
  const exported = join(backend.dir, 'tickets.xlsx');
  backend.platform.saveAnswer = exported;
  await backend.ok('export:list', { list: 'tickets', tickets: { scope: 'all' } });

  const write = async (name: string, withBadRow: boolean) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(exported);
    const ws = workbook.worksheets[0]!;
    const row = (ws.getRow(2).values as ExcelJS.CellValue[]).slice(1);
    const header = (ws.getRow(1).values as string[]).slice(1);
    const col = (key: 'number' | 'customerPhone' | 'reportedAt') => header.indexOf(translator(language)(`sheets.ticketList.${key}`));
    const copy = (number: string, phone?: string) => {
      const values = [...row];
      values[col('number')] = number;
      values[col('reportedAt')] = new Date('2026-10-08T09:30:00Z');
      if (phone) values[col('customerPhone')] = phone;
      ws.addRow(values);
    };
    copy('GD-2025-000777');
    if (withBadRow) copy('GD-2025-000778', '13999999999');
    const file = join(backend.dir, name);
    await workbook.xlsx.writeFile(file);
    return file;
  };
  return { withBad: await write('tickets-from-branch.xlsx', true), good: await write('tickets-from-branch-fixed.xlsx', false) };
}

test('tickets come back in: a bad row holds the whole import, the corrected file imports the new ticket and skips the one on the desk', async ({ desk, backend }) => {
  const problems = watchPage(desk);
  const files = await ticketsSheets(backend, 'zh-CN');
  backend.platform.openAnswer = files.withBad;
  await desk.goto('/#/import');
  await desk.reload();
  await desk.getByRole('button', { name: '选择表格文件…' }).click();
  // The tickets export's headers: the sheet is offered as tickets, every column already matched.
  await expect(desk.getByTestId('import-kind').getByRole('radio', { name: '工单' })).toBeChecked();
  await expect(desk.getByTestId('ticket-import-intro')).toContainText('工单号已在本台的行跳过');
  await expect(desk.getByRole('combobox', { name: '工单号', exact: true })).toHaveValue('A 列 · 工单号');
  await expect(desk.getByRole('combobox', { name: '客户电话', exact: true })).toHaveValue('F 列 · 客户电话');
  await shot(desk, 'tickets-mapping-zh');

  await desk.getByRole('button', { name: '核对导入结果' }).click();
  await expect(desk.getByTestId('ticket-import-blocked')).toContainText('有 1 行不能导入');
  const rows = desk.getByTestId('ticket-import-rows');
  await expect(rows.locator('tr[data-outcome="refused"]')).toContainText('档案中没有电话为 13999999999 的客户');
  await expect(rows.locator('tr[data-outcome="onDesk"]')).toContainText('已在本台，跳过');
  await expect(desk.getByTestId('ticket-import-commit')).toBeDisabled();
  await shot(desk, 'tickets-preview-refused-zh');

  // Corrected in the sheet and chosen again: one new ticket, the desk's own left alone.
  backend.platform.openAnswer = files.good;
  await desk.getByRole('button', { name: '上一步' }).click();
  await desk.getByRole('button', { name: '换一个文件' }).click();
  await desk.getByRole('button', { name: '核对导入结果' }).click();
  await expect(desk.getByTestId('count-new').locator('[data-value]')).toHaveText('1');
  await expect(desk.getByTestId('count-onDesk').locator('[data-value]')).toHaveText('1');
  await shot(desk, 'tickets-preview-zh');
  await desk.getByTestId('ticket-import-commit').click();
  await expect(desk.getByTestId('ticket-import-done')).toHaveText('已导入 1 张工单；1 张已在本台，未改动。');
  await shot(desk, 'tickets-done-zh');
  expect((await backend.ok('tickets:list', { scope: 'all' })).rows.map((r) => r.number).sort()).toEqual(['GD-2025-000777', 'GD-2026-000001']);

  // The same file again adds nothing.
  await desk.getByRole('button', { name: '重新开始' }).click();
  await desk.getByRole('button', { name: '选择表格文件…' }).click();
  await desk.getByRole('button', { name: '核对导入结果' }).click();
  await expect(desk.getByTestId('count-onDesk').locator('[data-value]')).toHaveText('2');
  await expect(desk.getByTestId('ticket-import-commit')).toBeDisabled();
  expect(problems).toEqual([]);
});

test('the ticket import in English', async ({ desk, backend }) => {
  const files = await ticketsSheets(backend, 'en');
  backend.platform.openAnswer = files.withBad;
  await desk.goto('/#/import');
  await desk.reload();
  await desk.getByRole('button', { name: 'Choose spreadsheet file…' }).click();
  await expect(desk.getByTestId('import-kind').getByRole('radio', { name: 'Tickets' })).toBeChecked();
  await shot(desk, 'tickets-mapping-en');
  await desk.getByRole('button', { name: 'Check the import' }).click();
  await expect(desk.getByTestId('ticket-import-rows').locator('tr[data-outcome="refused"]')).toContainText('No customer on file has the phone 13999999999');
  await shot(desk, 'tickets-preview-refused-en');
  backend.platform.openAnswer = files.good;
  await desk.getByRole('button', { name: 'Back' }).click();
  await desk.getByRole('button', { name: 'Choose another file' }).click();
  await desk.getByRole('button', { name: 'Check the import' }).click();
  await desk.getByTestId('ticket-import-commit').click();
  await expect(desk.getByTestId('ticket-import-done')).toHaveText('1 ticket imported. Already on this desk and left unchanged: 1.');
  await shot(desk, 'tickets-done-en');
});
