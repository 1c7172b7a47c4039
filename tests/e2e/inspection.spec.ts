import type { Page } from '@playwright/test';
import type { TestBackend } from '../support/backend';
import { AIRCON_POLICY } from '../support/sample';
import { addDays, addMonths, todayIso } from '../../shared/domain/dates';
import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

/*
 * Recording an inspection (issue 19, points 2–5): a contract's visit opened from its table, then
 * again as the 2D scanner opens it (the visit number typed into the search box with its Enter),
 * one reading out of range marked as it is typed, saved, the repair ticket it offers opened and
 * followed, the filled form printed; the Desk lists the contract's monthly callback with the
 * tickets' callbacks, and its outcome is recorded on the visit; the checklist editor says that
 * editing a used checklist makes a new version.
 */

const CUSTOMER = '杭州市余杭区良渚文化艺术中心物业管理办公室';
const SERIALS = ['GL2025KFR72LW0101', 'GL2025KFR72LW0102'];

const AIRCON_ITEMS = [
  { key: 'filter', text: '清洗过滤网', textEn: 'Clean the filter', standard: '无积尘、无破损', answer: 'check' as const, kinds: ['inspection' as const, 'maintenance' as const] },
  { key: 'drain', text: '检查排水管', textEn: 'Check the drain pipe', standard: '排水通畅、无渗漏', answer: 'check' as const, kinds: ['inspection' as const, 'maintenance' as const] },
  {
    key: 'pressure',
    text: '冷媒低压压力',
    textEn: 'Refrigerant low-side pressure',
    standard: '制冷运行 0.8–1.2 MPa',
    answer: 'reading' as const,
    unit: 'MPa',
    min: 0.8,
    max: 1.2,
    kinds: ['inspection' as const, 'maintenance' as const],
  },
  { key: 'noise', text: '运行噪声', textEn: 'Running noise', standard: '无异常声响', answer: 'text' as const, kinds: ['inspection' as const] },
];

async function seedSite(backend: TestBackend) {
  await backend.ok('settings:update', { companyName: '杭州暖风空调制冷设备安装维修服务有限公司', hotline: '400-800-1234' });
  const policy = await backend.ok('policies:create', AIRCON_POLICY);
  const model = await backend.ok('models:create', { brand: '格力', model: 'KFR-72LW/(72555)FNhAc-B1', category: '空调', policyId: policy.id });
  const customer = await backend.ok('customers:create', {
    kind: 'organisation',
    name: CUSTOMER,
    phones: [{ phone: '13857112345' }],
    addresses: [{ address: '浙江省杭州市余杭区良渚街道美丽洲路 1 号', isDefault: true }],
  });
  const accepted = addDays(todayIso(), -200);
  const units = [];
  for (const [i, serial] of SERIALS.entries()) {
    units.push(await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial, purchaseDate: accepted, acceptanceDate: accepted, siteAddress: `良渚博物院 ${i + 1} 号展厅设备间` }));
  }
  const tech = await backend.ok('technicians:create', { name: '欧阳志远', phone: '13900001111', skills: ['空调'] });
  await backend.ok('checklists:create', { name: '分体空调季度巡检', category: '空调', items: AIRCON_ITEMS });
  // Begun six weeks ago: its first monthly callback is already late, its first inspection ahead.
  const start = addDays(todayIso(), -42);
  const end = addDays(addMonths(start, 12), -1);
  const contract = await backend.ok('contracts:create', {
    customerId: customer.id,
    unitIds: units.map((u) => u.id),
    kind: 'paid',
    startsOn: start,
    endsOn: end,
    priceFen: 360_000,
    plan: [
      { kind: 'callback', repeat: 'months', n: 1, from: start, to: end },
      { kind: 'inspection', repeat: 'quarter', from: start, to: end },
    ],
  });
  await backend.ok('visits:assign', { id: contract.visits.find((v) => v.kind === 'inspection')!.id, technicianId: tech.id });
  return { customer, units, tech, contract: await backend.ok('contracts:get', { id: contract.id }) };
}

/** As a 2D scanner types: the whole number at once into whatever has focus, then Enter. */
async function scan(desk: Page, text: string) {
  await desk.keyboard.press('Control+K');
  await desk.getByRole('textbox', { name: /查找|Find/ }).fill(text);
  await desk.getByRole('textbox', { name: /查找|Find/ }).press('Enter');
}

test('a visit opened by its scanned number, one reading out of range marked and saved, its ticket opened, the filled form printed', async ({ desk, backend }, testInfo) => {
  test.setTimeout(180_000);
  const problems = watchPage(desk);
  const { contract } = await seedSite(backend);
  const visit = contract.visits.find((v) => v.kind === 'inspection')!;

  // From the contract's visits table, by the visit's number.
  await desk.goto(`/#/maintenance/${contract.id}`);
  await desk.getByTestId('contract-visits').getByRole('button', { name: visit.number, exact: true }).click();
  await expect(desk).toHaveURL(new RegExp(`#/visit/${visit.id}$`));
  const header = desk.getByTestId('visit-header');
  await expect(header).toContainText(`服务安排 ${visit.number}`);
  await expect(header).toContainText(contract.number);
  await expect(header).toContainText(CUSTOMER);
  await expect(header).toContainText('欧阳志远');

  // Typed by hand without Enter, the search offers the visit itself, first.
  await desk.goto('/#/desk');
  await desk.keyboard.press('Control+K');
  await desk.keyboard.type(visit.number);
  await expect(desk.getByRole('option').first()).toHaveAttribute('data-kind', 'visit');
  await expect(desk.getByRole('option').first()).toContainText(CUSTOMER);
  await screenshot(desk, testInfo, 'search-visit-zh', true);
  await desk.keyboard.press('Escape');

  // The scanner: the number on the form's QR code, typed into the search box with its Enter.
  await desk.goto('/#/desk');
  await scan(desk, visit.number);
  await expect(desk).toHaveURL(new RegExp(`#/visit/${visit.id}$`));
  // Typed by hand, in lower case and with spaces, it opens the same visit.
  await desk.goto('/#/desk');
  await scan(desk, visit.number.toLowerCase().replace(/-/g, ' '));
  await expect(desk).toHaveURL(new RegExp(`#/visit/${visit.id}$`));

  // The grid: two units, each with the checklist's inspection items.
  const units = desk.getByTestId('inspection-unit');
  await expect(units).toHaveCount(2);
  const first = units.filter({ hasText: SERIALS[0]! });
  await first.getByRole('button', { name: `全部正常 ${SERIALS[0]}` }).click();
  await expect(first.locator('[data-item="filter"] [data-answer]')).toHaveAttribute('data-answer', 'ok');
  // Keyboard: Tab reaches the next item's answers, a digit answers.
  await first.locator('[data-item="drain"]').getByRole('radio', { name: '正常' }).focus();
  await desk.keyboard.press('2');
  await expect(first.locator('[data-item="drain"] [data-answer]')).toHaveAttribute('data-answer', 'adjusted');
  const pressure = first.getByRole('textbox', { name: '冷媒低压压力', exact: true });
  await pressure.fill('abc');
  await expect(first.locator('[data-item="pressure"]')).toContainText('读数须为数字');
  await pressure.fill('1.6');
  await expect(pressure).toHaveAttribute('data-reading-state', 'high');
  await expect(first.locator('[data-item="pressure"]')).toContainText('高于允许范围（0.8–1.2 MPa）');
  await expect(first.locator('[data-item="pressure"]')).toHaveAttribute('data-flagged', 'true');
  await first.getByRole('textbox', { name: '运行噪声' }).fill('运行平稳');
  const second = units.filter({ hasText: SERIALS[1]! });
  await second.getByRole('button', { name: `全部正常 ${SERIALS[1]}` }).click();
  await second.getByRole('textbox', { name: '冷媒低压压力', exact: true }).fill('1.0');
  await expect(second.getByRole('textbox', { name: '冷媒低压压力', exact: true })).toHaveAttribute('data-reading-state', 'ok');
  await desk.getByLabel('现场已处理的问题').fill('1 号机排水管接口松动，已紧固');
  await desk.getByLabel('客户意见').fill('服务及时，满意');
  await desk.getByLabel('客户签字人').fill('欧阳建国');
  // The page as the clerk sees it on opening, then its lower half with the visit's own fields.
  await desk.getByTestId('visit-header').scrollIntoViewIfNeeded();
  await desk.evaluate(() => window.scrollTo(0, 0));
  await screenshot(desk, testInfo, 'inspection-grid-zh', true);
  await desk.getByRole('button', { name: '保存并完成' }).scrollIntoViewIfNeeded();
  await screenshot(desk, testInfo, 'inspection-fields-zh', true);
  await desk.getByLabel('客户签字人').press('Control+S');
  await expect(desk.getByText(`${visit.number} 的记录已保存`)).toBeVisible();
  const saved = await backend.ok('visits:inspection', { id: visit.id });
  const finding = saved.units[0]!.findings.find((f) => f.key === 'pressure')!;
  expect(finding).toMatchObject({ reading: 1.6, readingState: 'high', needsRepair: true, ticketId: null });

  // The reading out of range offers a repair ticket; once opened, the row links to it.
  await first.locator('[data-item="pressure"]').getByRole('button', { name: /开维修工单/ }).click();
  const link = first.locator('[data-item="pressure"]').getByTestId('finding-ticket');
  await expect(link).toHaveText(/^GD-\d{4}-\d{6}$/);
  const ticketNumber = (await link.textContent())!;
  await link.click();
  await expect(desk).toHaveURL(/#\/tickets\/\d+$/);
  await expect(desk.getByTestId('ticket-header')).toContainText(ticketNumber);
  await expect(desk.locator('main')).toContainText(visit.number);
  await desk.goBack();
  await expect(desk.getByTestId('visit-header')).toContainText(visit.number);

  // The filled form: generated, previewed, printed.
  await desk.getByRole('button', { name: '打印已填巡检表' }).click();
  const preview = desk.getByRole('dialog', { name: /巡检表/ });
  await expect(preview.getByTestId('pdf-pages')).toHaveAttribute('data-rendered-pages', /^[1-9]/, { timeout: 30_000 });
  await preview.getByRole('button', { name: /打印/ }).click();
  await expect.poll(() => backend.platform.printed.length).toBe(1);
  expect(backend.platform.printed[0]!.file).toMatch(/\.pdf$/);
  await preview.locator('.mantine-Modal-body').getByRole('button', { name: '关闭' }).click();
  await expect(preview).toBeHidden();
  expect(await backend.ok('documents:list', { kind: 'inspectionForm', recordType: 'visit', recordId: visit.id })).toHaveLength(1);

  // Finished: the visit is done, and its record can only be read from now on.
  await desk.getByRole('button', { name: '保存并完成' }).click();
  await expect(desk.getByText(`${visit.number} 已完成并保存`)).toBeVisible();
  await expect(desk.getByTestId('visit-header')).toContainText('已完成');
  await expect(desk.getByRole('button', { name: '保存并完成' })).toHaveCount(0);
  await expect(desk.getByTestId('inspection-unit').first().getByRole('textbox', { name: '冷媒低压压力', exact: true })).toHaveAttribute('readonly', '');
  expect((await backend.ok('visits:get', { id: visit.id })).status).toBe('done');

  // In English, the same grid as recorded.
  await backend.ok('settings:update', { language: 'en' });
  await desk.reload();
  await expect(desk.getByTestId('visit-header')).toContainText(`Visit ${visit.number}`);
  await expect(desk.getByTestId('inspection-unit').first().getByRole('textbox', { name: 'Refrigerant low-side pressure', exact: true })).toHaveAttribute('data-reading-state', 'high');
  await expect(desk.getByTestId('inspection-unit').first().locator('[data-item="pressure"]')).toContainText('Above the allowed range (0.8–1.2 MPa)');
  await screenshot(desk, testInfo, 'inspection-grid-en', true);
  expect(problems).toEqual([]);
});

test("the contract's monthly callback is on the Desk with the tickets' callbacks, and its outcome is recorded on the visit", async ({ desk, backend }, testInfo) => {
  test.setTimeout(120_000);
  const problems = watchPage(desk);
  const { contract } = await seedSite(backend);
  // The first monthly callback as it stands once its day has passed with no call made.
  const callback = contract.visits.find((v) => v.kind === 'callback')!;
  backend.store.sqlite.prepare('update visits set due_on = ? where id = ?').run(addDays(todayIso(), -3), callback.id);

  await desk.goto('/#/desk');
  const row = desk.getByTestId('desk-callbacks-table').locator(`[data-callback="visit:${callback.id}"]`);
  await expect(row).toContainText(CUSTOMER);
  await expect(row).toContainText('138 5711 2345');
  await expect(row).toContainText('维保回访');
  await expect(row).toHaveAttribute('data-overdue', 'true');
  await expect(desk.locator('[data-counter="callbacks"]')).toContainText('1');
  await desk.getByTestId('desk-callbacks').scrollIntoViewIfNeeded();
  await screenshot(desk, testInfo, 'desk-callbacks-zh', true);

  await row.click();
  await expect(desk).toHaveURL(new RegExp(`#/visit/${callback.id}$`));
  const result = desk.getByTestId('callback-result');
  await expect(result).toContainText('138 5711 2345');
  await result.getByRole('button', { name: '已回访：记下情况' }).click();
  const close = desk.getByRole('dialog', { name: `完成：${callback.number}` });
  await close.getByLabel('做了什么').fill('电话回访，空调运行正常');
  await close.getByRole('button', { name: /标记完成/ }).click();
  await expect(close).toBeHidden();
  await expect(result).toContainText('电话回访，空调运行正常');
  await screenshot(desk, testInfo, 'callback-visit-zh', true);

  await desk.goto('/#/desk');
  await expect(desk.getByTestId('desk-callbacks')).toContainText('今天没有要回访的客户');

  // English, with a callback still due: the next one moved to today.
  const next = contract.visits.filter((v) => v.kind === 'callback')[1]!;
  await backend.ok('settings:update', { language: 'en' });
  backend.store.sqlite.prepare('update visits set due_on = ? where id = ?').run(todayIso(), next.id);
  await desk.reload();
  await expect(desk.getByTestId('desk-callbacks-table')).toContainText('Contract callback');
  await desk.getByTestId('desk-callbacks').scrollIntoViewIfNeeded();
  await screenshot(desk, testInfo, 'desk-callbacks-en', true);
  expect(problems).toEqual([]);
});

test('the checklist editor lists checklists with their version, and says that editing a used one makes a new version', async ({ desk, backend }, testInfo) => {
  test.setTimeout(120_000);
  const problems = watchPage(desk);
  const { contract } = await seedSite(backend);
  // A finished inspection used the checklist.
  const visit = contract.visits.find((v) => v.kind === 'inspection')!;
  const inspection = await backend.ok('visits:inspection', { id: visit.id });
  await backend.ok('visits:record', { id: visit.id, units: inspection.units.map((u) => ({ unitId: u.unitId, items: [{ key: 'filter', answer: 'ok' }] })), finish: true });

  await desk.goto('/#/settings');
  await desk.getByRole('tab', { name: '检查表' }).click();
  await expect(desk.getByTestId('checklists-versioning')).toContainText('生成新版本');
  const row = desk.getByTestId('checklists-table').locator('[data-checklist="分体空调季度巡检"]');
  await expect(row).toContainText('类别：空调');
  await expect(row).toContainText('第 1 版');
  await expect(row).toContainText('1 次服务');
  await screenshot(desk, testInfo, 'checklists-zh', true);
  await row.getByRole('button', { name: '修改 分体空调季度巡检' }).click();
  const editor = desk.getByRole('dialog', { name: /修改检查表/ });
  await expect(editor.getByTestId('checklist-new-version')).toContainText('保存后成为第 2 版');
  await expect(editor.getByTestId('checklist-items').locator('tbody tr')).toHaveCount(4);
  await screenshot(desk, testInfo, 'checklist-editor-zh', true);
  // A range bound that is not a number is refused under it, nothing saved.
  await editor.getByRole('button', { name: '添加一项' }).click();
  await editor.getByRole('textbox', { name: '项目 5', exact: true }).fill('压缩机运行电流');
  await editor.getByRole('textbox', { name: '标准 5' }).fill('不超过额定电流');
  await editor.locator('[data-item="item-5"]').getByText('读数').click();
  await editor.getByRole('textbox', { name: '单位 5' }).fill('A');
  await editor.getByRole('textbox', { name: '上限 5' }).fill('abc');
  await editor.getByRole('button', { name: /保存/ }).click();
  await expect(editor).toContainText('读数须为数字');
  await editor.getByRole('textbox', { name: '上限 5' }).fill('16');
  await editor.getByRole('button', { name: /保存/ }).click();
  await expect(editor).toBeHidden();
  await expect(row).toContainText('第 2 版');
  expect((await backend.ok('checklists:list', {}))[0]!.items).toHaveLength(5);

  await backend.ok('settings:update', { language: 'en' });
  await desk.reload();
  await desk.getByRole('tab', { name: 'Checklists' }).click();
  await desk.getByTestId('checklists-table').getByRole('button', { name: /^Edit / }).click();
  await expect(desk.getByRole('dialog').getByTestId('checklist-new-version')).toContainText('version 3');
  await screenshot(desk, testInfo, 'checklist-editor-en', true);
  expect(problems).toEqual([]);
});
