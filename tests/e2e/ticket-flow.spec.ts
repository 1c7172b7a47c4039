import { execFileSync } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { todayIso } from '../../shared/domain/dates';
import { translator } from '../../shared/i18n';
import { person, seedModel } from '../support/sample';
import { expect, test } from './fixtures';
import { screenshot, watchPage, unfold } from './page-helpers';

const COMPANY = { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234', address: '浙江省杭州市拱墅区湖墅南路 88 号' };
/** Who is at the desk: stamped on the timeline and the warranty override. */
const OPERATOR = '王芳';
const CUSTOMER = { name: '张三丰', phone: '13812345678', address: '浙江省杭州市西湖区文三路 90 号' };
const SERIAL = 'GL2026A0001';
const FAULT = '开机十分钟后不制冷，外机不转';
const ACTION = '更换压缩机启动电容，试机制冷正常';

const zh = translator('zh-CN');
const en = translator('en');

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
/** pdftotext may add or drop spaces between CJK characters: compare without them. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** A day `days` from today on this PC's calendar (negative: in the past). */
function dayFromToday(days: number): string {
  return todayIso(new Date(Date.now() + days * 86_400_000));
}

/** Every font embedded as a subset, and the CJK one among them: the paper prints the same on any PC. */
function expectEmbeddedFonts(file: string): void {
  const rows = run('pdffonts', [file]).trim().split('\n').slice(2);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    const f = row.trim().split(/\s+/);
    expect(f.at(-5), row).toBe('yes');
    expect(f.at(-4), row).toBe('yes');
  }
  expect(rows.some((r) => /NotoSans/.test(r))).toBe(true);
}

/** The first page's size in points, checked to the nearest point. */
function expectPageSize(file: string, width: number, height: number): void {
  const info = run('pdfinfo', [file]);
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  expect(m, info).not.toBeNull();
  expect(Number(m![1])).toBeCloseTo(width, 0);
  expect(Number(m![2])).toBeCloseTo(height, 0);
}

async function move(desk: Page, name: string, status: string): Promise<void> {
  await desk.getByTestId('ticket-moves').getByRole('button', { name, exact: true }).click();
  await expect(desk.getByTestId('ticket-header').locator(`[data-status="${status}"]`)).toBeVisible();
}

/** A move that asks when it happened (on site, resolved): the time offered is kept, Enter saves. */
async function moveNow(desk: Page, name: string, status: string): Promise<void> {
  await desk.getByTestId('ticket-moves').getByRole('button', { name, exact: true }).click();
  const dialog = desk.getByRole('dialog', { name });
  await expect(dialog.getByLabel('日期')).toBeFocused();
  await expect(dialog.getByLabel('日期')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await expect(dialog.getByLabel('时间')).toHaveValue(/^\d{2}:\d{2}$/);
  await desk.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(desk.getByTestId('ticket-header').locator(`[data-status="${status}"]`)).toBeVisible();
}

/** Print menu → document → paper and language → preview → Print; returns what reached the printer. */
async function printFromTicket(
  desk: Page,
  backend: { platform: { printed: { file: string; copy: string; paper: string }[] } },
  item: string,
  paper: string,
  language: string,
  previewTitle: RegExp,
) {
  const before = backend.platform.printed.length;
  await desk.getByTestId('ticket-header').getByRole('button', { name: /打印|Print/ }).click();
  await desk.getByRole('menuitem', { name: item }).click();
  const dialog = desk.getByRole('dialog', { name: /打印：工单|Print: ticket/ });
  await expect(dialog.getByRole('radio', { name: item })).toBeChecked();
  await choose(dialog, paper);
  await choose(dialog, language);
  await dialog.getByRole('button', { name: /生成并预览|Generate and preview/ }).click();
  const preview = desk.getByRole('dialog', { name: previewTitle });
  await expect(preview.getByTestId('pdf-pages')).toHaveAttribute('data-rendered-pages', /^[1-9]/, { timeout: 20_000 });
  await expect(preview.getByText(/有字印不出来|cannot be printed/)).toHaveCount(0);
  await preview.getByRole('button', { name: /^(打印|Print)/ }).click();
  await expect.poll(() => backend.platform.printed.length).toBe(before + 1);
  return { preview, printed: backend.platform.printed[before]! };
}

async function choose(dialog: Locator, option: string): Promise<void> {
  const radio = dialog.getByRole('radio', { name: option, exact: true });
  // A segmented control's radio is visually hidden: its label takes the click.
  await dialog.locator(`label[for="${await radio.getAttribute('id')}"]`).click();
  await expect(radio).toBeChecked();
}

test('a repair from the phone call to the closed callback, with its dispatch order and both receipt copies printed', async ({ desk, backend }, testInfo) => {
  test.setTimeout(180_000);
  const problems = watchPage(desk);

  await backend.ok('settings:update', COMPANY);
  await backend.ok('session:begin', { operator: OPERATOR });
  const model = await seedModel(backend);
  const customer = await backend.ok('customers:create', person({ name: CUSTOMER.name, phones: [{ phone: CUSTOMER.phone }], addresses: [{ address: CUSTOMER.address, isDefault: true }] }));
  // Accepted two months ago: the whole unit is in its first year of warranty.
  const accepted = dayFromToday(-60);
  const unit = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: SERIAL, purchaseDate: accepted, acceptanceDate: accepted });
  await backend.ok('technicians:create', { name: '李师傅', phone: '13900001111', skills: ['空调'] });
  const part = await backend.ok('parts:create', { partNumber: 'CAP-35', name: '压缩机启动电容', costFen: 2_000, priceFen: 4_500, quantity: 5, reorderLevel: 1 });

  // The call: the unit's page, New repair, the fault in the caller's words, Ctrl+S.
  await desk.goto(`/#/units/${unit.id}`);
  // The page opened before the seeding: reload so the settings (and their banner) are read again.
  await desk.reload();
  await desk.getByTestId('new-repair').click();
  const form = desk.getByRole('dialog', { name: '新建报修' });
  const fault = form.getByLabel('故障描述（客户原话）');
  await expect(fault).toBeFocused();
  await desk.keyboard.type(FAULT);
  await expect(form.getByTestId('new-ticket-customer')).toContainText('138 1234 5678');
  await expect(form.getByRole('combobox', { name: '设备' })).toHaveValue(`格力 KFR-35GW · ${SERIAL}`);
  await expect(form.getByLabel('联系电话')).toHaveValue(CUSTOMER.phone);
  await expect(form.getByLabel('服务地址')).toHaveValue(CUSTOMER.address);
  await expect(form.getByRole('radio', { name: '电话报修' })).toBeChecked();
  // Saving without a category says so under the field and writes nothing.
  await fault.press('Control+S');
  await expect(form.getByRole('combobox', { name: '故障类别' })).toHaveAttribute('aria-invalid', 'true');
  expect((await backend.ok('tickets:list', { scope: 'all' })).total).toBe(0);
  await form.getByRole('combobox', { name: '故障类别' }).click();
  await desk.getByRole('option', { name: '不制冷 / 不制热' }).click();
  await screenshot(desk, testInfo, 'ticket-new', true);
  await fault.press('Control+S');
  await expect(form).toBeHidden();

  const header = desk.getByTestId('ticket-header');
  await expect(header).toContainText(/工单 GD-\d{4}-\d{6}/);
  const number = /GD-\d{4}-\d{6}/.exec((await header.textContent()) ?? '')![0];
  await expect(header.locator('[data-status="new"]')).toBeVisible();
  await expect(header.locator('[data-in-warranty="true"]')).toBeVisible();
  await expect(header.getByTestId('ticket-unit')).toContainText(SERIAL);
  await expect(desk.getByTestId('ticket-fault')).toHaveText(FAULT);
  const deadlines = desk.getByTestId('ticket-deadlines');
  for (const milestone of ['answer', 'arrival', 'fix']) {
    await expect(deadlines.locator(`tr[data-milestone="${milestone}"]`)).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  }
  await expect(deadlines.locator('[data-milestone="answer"] [data-testid="deadline-badge"]')).toHaveAttribute('data-state', /onTrack|atRisk/);
  await expect(desk.getByTestId('ticket-warranty')).toContainText('保修期内');

  // Answered; a technician and a visit tomorrow morning (agreeing the visit schedules the ticket).
  await move(desk, '已联系客户', 'answered');
  await expect(deadlines.locator('[data-milestone="answer"] [data-testid="deadline-badge"]')).toHaveAttribute('data-state', 'met');
  const assignment = desk.getByTestId('ticket-assignment');
  await assignment.getByRole('button', { name: '指派' }).click();
  const assign = desk.getByRole('dialog', { name: /指派维修人员/ });
  await assign.getByRole('combobox', { name: '维修人员' }).click();
  await desk.getByRole('option', { name: /李师傅/ }).click();
  await assign.getByRole('button', { name: /保存/ }).click();
  await expect(assign).toBeHidden();
  await expect(assignment.getByTestId('ticket-technician')).toContainText('李师傅');
  await expect(assignment.getByTestId('ticket-technician')).toContainText('负责人');

  const tomorrow = dayFromToday(1);
  await assignment.getByRole('button', { name: '预约' }).click();
  const appoint = desk.getByRole('dialog', { name: /约定上门时间/ });
  await expect(appoint.getByLabel('从')).toBeFocused();
  await appoint.getByLabel('日期').fill(tomorrow);
  await appoint.getByLabel('从').fill('9');
  await appoint.getByLabel('到').fill('1130');
  await appoint.getByLabel('到').press('Enter');
  await expect(appoint).toBeHidden();
  await expect(assignment.getByTestId('ticket-appointment')).toContainText(`${tomorrow} 09:00–11:30`);
  await expect(header.locator('[data-status="scheduled"]')).toBeVisible();

  await move(desk, '派工', 'dispatched');
  await screenshot(desk, testInfo, 'ticket-dispatched', true);

  // Ctrl+P offers the dispatch order first; A4 in Chinese.
  await desk.keyboard.press('Control+P');
  const printDialog = desk.getByRole('dialog', { name: /打印：工单/ });
  await expect(printDialog.getByRole('radio', { name: '派工单' })).toBeChecked();
  await expect(printDialog.getByRole('radio', { name: 'A4' })).toBeChecked();
  // The dispatch order is a sheet: no continuous paper for it.
  await expect(printDialog.getByRole('radio', { name: /241/ })).toHaveCount(0);
  await screenshot(desk, testInfo, 'ticket-print-dialog', true);
  await printDialog.getByRole('button', { name: /生成并预览/ }).click();
  const orderPreview = desk.getByRole('dialog', { name: /派工单 PGD-/ });
  await expect(orderPreview.getByTestId('pdf-pages')).toHaveAttribute('data-rendered-pages', /^[1-9]/, { timeout: 20_000 });
  await screenshot(desk, testInfo, 'ticket-dispatch-preview', true);
  await orderPreview.getByRole('button', { name: /^打印/ }).click();
  await expect.poll(() => backend.platform.printed.length).toBe(1);
  const order = backend.platform.printed[0]!;
  expect(order.paper).toBe('A4');
  await orderPreview.locator('.mantine-Modal-body').getByRole('button', { name: '关闭' }).click();
  await expect(orderPreview).toBeHidden();

  // On site: the work as reported back, a part from stock.
  // Tomorrow's visit has not begun: the arrival offered is now.
  await moveNow(desk, '已到现场', 'onSite');
  await expect(deadlines.locator('[data-milestone="arrival"] [data-testid="deadline-badge"]')).toHaveAttribute('data-state', 'met');
  const work = desk.getByTestId('ticket-work');
  await work.getByLabel('检查结果').fill('外机压缩机不启动，启动电容鼓包');
  await work.getByLabel('故障原因').fill('启动电容老化失效');
  await work.getByLabel('处理措施').fill(ACTION);
  await work.getByLabel('现场用时（分钟）').fill('45');
  await work.getByRole('button', { name: /保存/ }).click();
  await expect(desk.getByText('维修情况已保存')).toBeVisible();

  const parts = desk.getByTestId('ticket-parts');
  await parts.getByRole('combobox', { name: '配件' }).click();
  await desk.keyboard.type('CAP');
  await desk.getByRole('option', { name: /CAP-35 压缩机启动电容（库存 5）/ }).click();
  await expect(parts.getByTestId('stock-left')).toHaveText('库存剩 5');
  await parts.getByRole('button', { name: '添加' }).click();
  const partRow = parts.locator('tr[data-part="CAP-35"]');
  await expect(partRow).toContainText('压缩机启动电容');
  await expect(partRow).toContainText('保修免费');
  await expect(partRow).toContainText('¥0.00');
  expect((await backend.ok('parts:list', {})).find((p) => p.id === part.id)?.quantity).toBe(4);
  await expect(desk.getByTestId('charges-total')).toHaveText('¥0.00');

  await moveNow(desk, '完工', 'resolved');
  // The work is done: the deadlines fold to one line, which opens them.
  await unfold(desk, 'deadlines');
  await expect(deadlines.locator('[data-milestone="fix"] [data-testid="deadline-badge"]')).toHaveAttribute('data-state', 'met');
  await expect(desk.getByTestId('ticket-callbacks').getByTestId('callback')).toContainText('待回访');
  await screenshot(desk, testInfo, 'ticket-resolved', true);

  // Both receipt copies: the intake copy on A5, the completion copy on 241 mm forms and in English.
  const intake = await printFromTicket(desk, backend, '维修单（收机联）', 'A5', '中文', /维修单（收机联）|SJD-/);
  expect(intake.printed.paper).toBe('A5');
  await intake.preview.locator('.mantine-Modal-body').getByRole('button', { name: '关闭' }).click();
  const completion = await printFromTicket(desk, backend, '维修单（完工联）', '241 mm 连续纸（针式三联）', '中文', /WXD-/);
  expect(completion.printed.paper).toBe('C241');
  await completion.preview.locator('.mantine-Modal-body').getByRole('button', { name: '关闭' }).click();
  const english = await printFromTicket(desk, backend, '维修单（完工联）', 'A4', 'English', /WXD-/);
  expect(english.printed.paper).toBe('A4');
  await screenshot(desk, testInfo, 'ticket-completion-preview-en', true);
  await english.preview.locator('.mantine-Modal-body').getByRole('button', { name: '关闭' }).click();

  // The callback: reached, very satisfied; that moves the ticket to "called back". Then close it.
  await desk.getByTestId('ticket-moves').getByRole('button', { name: '已回访', exact: true }).click();
  const callback = desk.getByRole('dialog', { name: /回访：/ });
  await expect(callback.getByRole('radio', { name: '已联系上' })).toBeChecked();
  await choose(callback, '5 分 很满意');
  await callback.getByLabel('客户意见').fill('师傅准时，讲解清楚');
  // The call is made now: the time offered is kept.
  await expect(callback.getByLabel('时间')).toHaveValue(/^\d{2}:\d{2}$/);
  await callback.getByRole('button', { name: /保存/ }).click();
  await expect(callback).toBeHidden();
  await expect(header.locator('[data-status="calledBack"]')).toBeVisible();
  // A happy customer is not offered a complaint.
  await expect(desk.getByRole('dialog', { name: '登记投诉' })).toHaveCount(0);
  await move(desk, '关闭工单', 'closed');
  await expect(desk.getByTestId('ticket-moves').getByRole('button')).toHaveCount(0);

  // The history, newest first, tells the whole story with who and when.
  await unfold(desk, 'timeline');
  const timeline = desk.getByTestId('ticket-timeline');
  const events = timeline.getByTestId('ticket-event');
  await expect(events.first()).toContainText('状态：已回访 → 已关闭');
  for (const line of [
    '创建工单',
    '状态：新建 → 已响应',
    '派给：李师傅',
    `预约：${tomorrow} 09:00–11:30`,
    '状态：已预约 → 已派工',
    '状态：已派工 → 在现场',
    '记录维修情况',
    '用料：压缩机启动电容 × 1',
    '状态：在现场 → 已完工',
    '回访',
    '状态：已完工 → 已回访',
  ]) {
    await expect(timeline).toContainText(line);
  }
  await expect(events.last()).toContainText('创建工单');
  await expect(timeline).toContainText(OPERATOR);
  await expect(desk.getByTestId('ticket-callbacks')).toContainText('5 分 很满意');
  await screenshot(desk, testInfo, 'ticket-closed', true);
  await timeline.scrollIntoViewIfNeeded();
  await screenshot(desk, testInfo, 'ticket-closed-history', true);

  const stored = await backend.ok('tickets:list', { scope: 'all' });
  expect(stored.total).toBe(1);
  const ticket = await backend.ok('tickets:get', { id: stored.rows[0]!.id });
  expect(ticket.number).toBe(number);
  expect(ticket.status).toBe('closed');
  expect(ticket.technicians.map((x) => x.name)).toEqual(['李师傅']);
  expect(ticket.appointment).toEqual({ date: tomorrow, from: '09:00', to: '11:30' });
  expect(ticket.action).toBe(ACTION);
  expect(ticket.onSiteMinutes).toBe(45);
  expect(ticket.parts.map((p) => [p.partNumber, p.quantity, p.inWarranty])).toEqual([['CAP-35', 1, true]]);
  expect(ticket.callbacks.filter((c) => c.doneAt !== null).map((c) => [c.reached, c.satisfaction])).toEqual([[true, 5]]);
  expect(ticket.events.filter((e) => e.kind === 'status').map((e) => e.to)).toEqual(['answered', 'scheduled', 'dispatched', 'onSite', 'resolved', 'calledBack', 'closed']);
  const documents = await backend.ok('documents:list', { recordType: 'ticket', recordId: ticket.id });
  expect(documents.map((d) => [d.kind, d.paper, d.language]).sort()).toEqual(
    [
      ['dispatchOrder', 'A4', 'zh-CN'],
      ['repairIntake', 'A5', 'zh-CN'],
      ['repairCompletion', 'C241', 'zh-CN'],
      ['repairCompletion', 'A4', 'en'],
    ].sort(),
  );

  // The ticket page once in English.
  await desk.getByRole('banner').getByText('English').click();
  await expect(header).toContainText(`Ticket ${number}`);
  await expect(header.locator('[data-status="closed"]')).toHaveText('Closed');
  await expect(timeline).toContainText('Status: Called back → Closed');
  await screenshot(desk, testInfo, 'ticket-closed-en', true);
  await desk.getByRole('banner').getByText('中文').click();
  await expect(header).toContainText(`工单 ${number}`);

  // What came out of the printer, read back: the words, the fonts, the paper size.
  const text = (file: string) => squeeze(run('pdftotext', ['-raw', file, '-']));
  const orderText = text(order.copy);
  expect(orderText).toContain(squeeze(zh('repairPrint.dispatch.title')));
  for (const fact of [number, CUSTOMER.name, SERIAL, FAULT, '李师傅', `${tomorrow} 09:00`]) expect(orderText).toContain(squeeze(fact));
  expectEmbeddedFonts(order.copy);
  expectPageSize(order.copy, 595.28, 841.89);

  const intakeText = text(intake.printed.copy);
  expect(intakeText).toContain(squeeze(zh('repairPrint.intake.title')));
  for (const fact of [number, CUSTOMER.name, SERIAL, FAULT]) expect(intakeText).toContain(squeeze(fact));
  expectEmbeddedFonts(intake.printed.copy);
  expectPageSize(intake.printed.copy, 419.53, 595.28);

  const completionText = text(completion.printed.copy);
  expect(completionText).toContain(squeeze(zh('repairPrint.completion.title')));
  for (const fact of [number, CUSTOMER.name, SERIAL, ACTION, '压缩机启动电容', '李师傅']) expect(completionText).toContain(squeeze(fact));
  expectEmbeddedFonts(completion.printed.copy);
  // 241 mm continuous stationery, 5.5 in (139.7 mm) a page.
  const mm = 72 / 25.4;
  expectPageSize(completion.printed.copy, 241 * mm, 139.7 * mm);

  const englishText = text(english.printed.copy);
  expect(englishText).toContain(squeeze(en('repairPrint.completion.title')));
  for (const fact of [number, SERIAL, ACTION]) expect(englishText).toContain(squeeze(fact));
  expect(englishText).not.toContain(squeeze(zh('repairPrint.completion.title')));
  expectEmbeddedFonts(english.printed.copy);

  expect(problems).toEqual([]);
});

test('charges typed in yuan are stored to the fen, the warranty decision is overridden with a stamp, and an unhappy callback opens a complaint', async ({
  desk,
  backend,
}, testInfo) => {
  test.setTimeout(120_000);
  const problems = watchPage(desk);
  await backend.ok('settings:update', COMPANY);
  await backend.ok('session:begin', { operator: OPERATOR });
  const model = await seedModel(backend);
  // Suburban: the travel fee for the region (¥50.00 by default) is offered.
  const customer = await backend.ok('customers:create', person({ name: '李四', region: 'suburban' }));
  const accepted = dayFromToday(-800);
  const unit = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'GL2024B0002', purchaseDate: accepted, acceptanceDate: accepted });
  const tech = await backend.ok('technicians:create', { name: '赵师傅', phone: '13900002222' });
  await backend.ok('fees:create', { name: '空调检修费', amountFen: 8_000 });
  await backend.ok('parts:create', { partNumber: 'CAP-35', name: '压缩机启动电容', costFen: 2_000, priceFen: 4_500, quantity: 2 });
  let ticket = await backend.ok('tickets:create', { customerId: customer.id, unitId: unit.id, faultReported: '制热时有异响', faultCategory: 'noise' });
  await backend.ok('tickets:assign', { id: ticket.id, technicianIds: [tech.id] });
  for (const to of ['answered', 'dispatched', 'onSite'] as const) ticket = await backend.ok('tickets:transition', { id: ticket.id, to });

  await desk.goto(`/#/tickets/${ticket.id}`);
  await desk.reload();
  const header = desk.getByTestId('ticket-header');
  await expect(header.locator('[data-status="onSite"]')).toBeVisible();
  await expect(header.locator('[data-in-warranty="false"]')).toHaveText('保外');
  await expect(desk.getByTestId('ticket-warranty')).toContainText('已过保');

  // A part at price (lifetime maintenance off), the fee table's labour, a line of our own, travel by region.
  const parts = desk.getByTestId('ticket-parts');
  await parts.getByRole('combobox', { name: '配件' }).click();
  await desk.getByRole('option', { name: /CAP-35/ }).click();
  await parts.getByRole('button', { name: '添加' }).click();
  await expect(parts.locator('tr[data-part="CAP-35"]')).toContainText('成本价（终身维护）');

  const charges = desk.getByTestId('ticket-charges');
  await expect(charges.getByLabel('上门费（元）')).toHaveValue('50.00');
  await charges.getByRole('combobox', { name: '添加收费项目' }).click();
  await desk.getByRole('option', { name: /空调检修费/ }).click();
  await charges.getByRole('button', { name: '自定义项目' }).click();
  const lines = charges.getByTestId('labour-line');
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(0).getByLabel('项目名称')).toHaveValue('空调检修费');
  await expect(lines.nth(0).getByLabel('单价（元）')).toHaveValue('80.00');
  await lines.nth(1).getByLabel('项目名称').fill('冷凝器清洗');
  // 0.29 × 100 is 28.999… in floating point: the fen must still be 29.
  await lines.nth(1).getByLabel('单价（元）').fill('0.29');
  await lines.nth(1).getByLabel('数量').fill('3');
  await charges.getByLabel('优惠（元）').fill('10');
  await charges.getByLabel('实收（元）').fill('¥165.87');
  await charges.getByRole('switch', { name: '终身维护（配件按成本价）' }).uncheck();
  await charges.getByRole('button', { name: /保存/ }).click();
  // A discount needs its reason, and money paid its method: said under the fields, nothing saved.
  await expect(charges.getByText('有优惠时请写明原因')).toBeVisible();
  await expect(charges.getByText('已收款时请选择付款方式')).toBeVisible();
  expect((await backend.ok('tickets:get', { id: ticket.id })).labour).toEqual([]);
  await charges.getByLabel('优惠原因').fill('老客户');
  await charges.getByRole('combobox', { name: '付款方式' }).click();
  await desk.getByRole('option', { name: '微信' }).click();
  await charges.getByLabel('优惠原因').press('Control+S');
  await expect(desk.getByText('收费已保存，应收 ¥165.87')).toBeVisible();
  const totals = charges.getByTestId('charges-totals');
  await expect(totals.locator('[data-line="parts"]')).toContainText('¥45.00');
  await expect(totals.locator('[data-line="labour"]')).toContainText('¥80.87');
  await expect(totals.locator('[data-line="travel"]')).toContainText('¥50.00');
  await expect(totals.locator('[data-line="subtotal"]')).toContainText('¥175.87');
  await expect(totals.locator('[data-line="total"]')).toContainText('¥165.87');
  await expect(totals.locator('[data-line="due"]')).toContainText('¥0.00');
  await screenshot(desk, testInfo, 'ticket-charges', true);
  const charged = await backend.ok('tickets:get', { id: ticket.id });
  expect(charged.labour.map((l) => [l.name, l.amountFen, l.quantity])).toEqual([
    ['空调检修费', 8_000, 1],
    ['冷凝器清洗', 29, 3],
  ]);
  expect(charged.charges).toMatchObject({ partsFen: 4_500, labourFen: 8_087, travelFen: 5_000, subtotalFen: 17_587, discountFen: 1_000, totalFen: 16_587 });
  expect([charged.paidFen, charged.paymentMethod, charged.discountReason, charged.lifetimeMaintenance]).toEqual([16_587, 'wechat', '老客户', false]);

  // The desk decides otherwise than the rules: a note is required, the stamp shows who and when.
  await desk.getByTestId('ticket-warranty').getByRole('button', { name: '更改判定' }).click();
  const override = desk.getByRole('dialog', { name: '更改保修判定' });
  await expect(override.getByRole('radio', { name: '保内' })).toBeChecked();
  await override.getByRole('button', { name: /保存/ }).click();
  await expect(override.getByText('更改保修判定须选择除外原因或写明说明')).toBeVisible();
  await override.getByLabel('说明').fill('客户出示延保凭证，按保内处理');
  await override.getByLabel('说明').press('Control+S');
  await expect(override).toBeHidden();
  const stamp = desk.getByTestId('warranty-override');
  await expect(stamp).toContainText('已人工判定为“保内”');
  await expect(stamp).toContainText('客户出示延保凭证，按保内处理');
  await expect(stamp).toContainText(/王芳 · \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await expect(header.locator('[data-in-warranty="true"]')).toBeVisible();
  await expect(desk.getByTestId('charges-total')).toHaveText('¥0.00');
  // Paid before the decision changed: the money is now owed back, not "outstanding" below zero.
  await expect(totals.locator('[data-line="due"]')).toHaveText('多收应退¥165.87');

  // Resolving without an action on record asks for it with the time, then resolves.
  await desk.getByTestId('ticket-moves').getByRole('button', { name: '完工', exact: true }).click();
  const action = desk.getByRole('dialog', { name: '完工' });
  await expect(action.getByLabel('处理措施')).toBeFocused();
  await expect(action.getByLabel('时间')).toHaveValue(/^\d{2}:\d{2}$/);
  await desk.keyboard.type('紧固风扇叶片，更换启动电容');
  await desk.keyboard.press('Control+S');
  await expect(action).toBeHidden();
  await expect(header.locator('[data-status="resolved"]')).toBeVisible();

  // An unhappy callback offers a complaint with the customer's words.
  await desk.getByTestId('ticket-callbacks').getByRole('button', { name: '记录回访' }).click();
  const callback = desk.getByRole('dialog', { name: /回访：/ });
  await choose(callback, '2 分 不满意');
  await callback.getByLabel('客户意见').fill('师傅迟到两小时');
  await callback.getByRole('button', { name: /保存/ }).click();
  const offer = desk.getByRole('dialog', { name: '登记投诉' });
  await expect(offer.getByLabel('投诉内容')).toHaveValue('师傅迟到两小时');
  await screenshot(desk, testInfo, 'ticket-complaint-offer', true);
  await offer.getByRole('button', { name: /保存/ }).click();
  await expect(offer).toBeHidden();
  await expect(desk.getByTestId('ticket-callbacks')).toContainText('已登记投诉 1 件');
  const complaints = await backend.ok('complaints:list', { openOnly: true });
  expect(complaints.map((c) => [c.channel, c.ticketId, c.customerId, c.content])).toEqual([['callback', ticket.id, customer.id, '师傅迟到两小时']]);
  expect((await backend.ok('tickets:get', { id: ticket.id })).status).toBe('calledBack');
  expect(problems).toEqual([]);
});

test('a walk-in with a unit not registered yet: intake noted, a loaner lent and returned, then the ticket cancelled with its reason', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await backend.ok('settings:update', COMPANY);
  await backend.ok('session:begin', { operator: OPERATOR });
  const customer = await backend.ok('customers:create', person({ name: '王五', phones: [{ phone: '13700001234' }] }));
  await backend.ok('loaners:create', { name: '备用空调 1 号', model: 'KFR-26GW', serial: 'BY-001' });

  await desk.goto(`/#/customers/${customer.id}`);
  await desk.reload();
  await desk.getByTestId('new-repair').click();
  const form = desk.getByRole('dialog', { name: '新建报修' });
  // No unit on file: the caller's words for it, starting with the brand.
  await expect(form.getByRole('combobox', { name: '设备' })).toHaveValue('设备还没登记（记下品牌和型号）');
  await expect(form.getByLabel('品牌')).toBeFocused();
  await desk.keyboard.type('美的');
  await form.getByLabel('型号').fill('KFR-26GW');
  await form.getByLabel('故障描述（客户原话）').fill('遥控器按了没反应，机器不开');
  await form.getByRole('combobox', { name: '故障类别' }).click();
  await desk.getByRole('option', { name: '不通电 / 不开机' }).click();
  // A walk-in unfolds the intake section: what came with the unit goes on the intake receipt.
  await expect(form.getByLabel('随机附件')).toBeHidden();
  await choose(form, '上门送修');
  await form.getByLabel('随机附件').fill('遥控器 1 个');
  await form.getByLabel('外观情况').fill('外壳左侧划痕');
  await form.getByLabel('预计修好日期').fill(dayFromToday(3).replaceAll('-', '/'));
  await screenshot(desk, testInfo, 'ticket-new-walk-in', true);
  await form.getByLabel('外观情况').press('Enter');
  await expect(form).toBeHidden();

  const header = desk.getByTestId('ticket-header');
  await expect(header.getByTestId('ticket-unit')).toHaveText('美的 KFR-26GW（未登记，机身编号 —）');
  await expect(header.locator('[data-in-warranty="false"]')).toBeVisible();
  await expect(desk.getByTestId('ticket-warranty')).toContainText(zh('warranty.ticket.unregisteredUnit'));
  const report = desk.getByTestId('ticket-report');
  await expect(report).toContainText('遥控器 1 个');
  await expect(report).toContainText(dayFromToday(3));

  // A loaner while the unit is in: the received unit is prefilled from the intake.
  const loan = desk.getByTestId('ticket-loan');
  await loan.getByRole('button', { name: '借出备机' }).click();
  const lend = desk.getByRole('dialog', { name: /借出备机：/ });
  await expect(lend.getByLabel('收到的客户设备')).toHaveValue('遥控器 1 个、外壳左侧划痕');
  await lend.getByRole('combobox', { name: '备机' }).click();
  await desk.getByRole('option', { name: /备用空调 1 号/ }).click();
  await lend.getByRole('button', { name: /保存/ }).click();
  await expect(lend).toBeHidden();
  await expect(loan.getByTestId('loan')).toContainText('备用空调 1 号');
  await expect(desk.getByTestId('ticket-deadlines').locator('tr[data-milestone="loaner"] [data-testid="deadline-badge"]')).toHaveAttribute('data-state', 'met');
  await loan.getByRole('button', { name: '归还' }).click();
  await expect(loan.getByTestId('loan')).toContainText('归还');
  await expect(loan.getByRole('button', { name: '归还' })).toHaveCount(0);
  expect((await backend.ok('loaners:list', {})).map((l) => l.outOn)).toEqual([null]);

  // Cancelling asks why, once; an empty reason is refused under the field.
  await desk.getByTestId('ticket-moves').getByRole('button', { name: '取消工单' }).click();
  const cancel = desk.getByRole('dialog', { name: '取消工单' });
  await expect(cancel.getByLabel('取消原因')).toBeFocused();
  await desk.keyboard.press('Control+S');
  await expect(cancel.getByText('取消工单须写明原因')).toBeVisible();
  await desk.keyboard.type('客户自行找人修好了');
  await desk.keyboard.press('Control+S');
  await expect(cancel).toBeHidden();
  await expect(header.locator('[data-status="cancelled"]')).toBeVisible();
  await expect(desk.getByTestId('ticket-cancelled')).toContainText('工单已取消：客户自行找人修好了');
  await expect(desk.getByTestId('ticket-moves').getByRole('button')).toHaveCount(0);
  await expect(header.getByRole('button', { name: /打印/ })).toHaveCount(0);
  await unfold(desk, 'timeline');
  await expect(desk.getByTestId('ticket-timeline')).toContainText('状态：新建 → 已取消');
  await screenshot(desk, testInfo, 'ticket-cancelled', true);

  const stored = await backend.ok('tickets:list', { scope: 'all', customerId: customer.id });
  const ticket = await backend.ok('tickets:get', { id: stored.rows[0]!.id });
  expect([ticket.status, ticket.source, ticket.cancelReason, ticket.unitId]).toEqual(['cancelled', 'walkIn', '客户自行找人修好了', null]);
  expect(ticket.unregisteredUnit).toEqual({ brand: '美的', model: 'KFR-26GW', serial: null });
  expect([ticket.intakeAccessories, ticket.intakeCondition, ticket.expectedOn]).toEqual(['遥控器 1 个', '外壳左侧划痕', dayFromToday(3)]);
  expect(ticket.loans.map((l) => [l.loanerName, l.receivedUnit, l.returnedAt !== null])).toEqual([['备用空调 1 号', '遥控器 1 个、外壳左侧划痕', true]]);
  expect(problems).toEqual([]);
});
