import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { TestBackend } from '../support/backend';
import { AIRCON_POLICY } from '../support/sample';
import { CN_MAINLAND, isWorkingDay } from '../../shared/domain/calendar';
import { addDays, addMonths, localDay } from '../../shared/domain/dates';
import { presetPlan } from '../../shared/domain/visit-plan';
import { expect } from './fixtures';

/*
 * A walk over every screen of the desk with the long names real desks type, shared by the specs
 * that check each screen a different way (layout, accessibility, display scaling, forced colours).
 */

const HOUR = 3_600_000;
export const LONG_NAME = '杭州市西湖区文三路九十号西湖花园小区物业管理处暨业主委员会联合办公室';
export const LONG_MODEL = 'KFR-72LW/(72555)FNhAc-B1(WIFI)';
const SHARED_PHONE = '13812345678';
const POLICY_NAME = '格力家用柜式空调整机一年压缩机三年标准保修';

export interface Seeded {
  customerId: number;
  unitId: number;
  ticketId: number;
  contractId: number;
  /** An inspection with its grid partly filled (a reading out of range), and a callback due. */
  visitId: number;
  callbackId: number;
}

export async function seed(backend: TestBackend): Promise<Seeded> {
  const now = Date.now();
  await backend.ok('settings:update', { companyName: '杭州暖风空调制冷设备安装维修服务有限公司', hotline: '400-800-1234' });
  const policy = await backend.ok('policies:create', { ...AIRCON_POLICY, name: POLICY_NAME });
  const model = await backend.ok('models:create', { brand: '格力', model: LONG_MODEL, category: '空调', policyId: policy.id });
  await backend.ok('models:create', { brand: '美的', model: 'KFR-35GW/BP3DN8Y-PH200(B1)', category: '空调', policyId: policy.id });
  expect(LONG_NAME.length).toBeGreaterThanOrEqual(30);
  const customer = await backend.ok('customers:create', {
    kind: 'organisation',
    name: LONG_NAME,
    phones: [{ phone: SHARED_PHONE, label: '物业前台值班电话' }, { phone: '0571-88886666' }, { phone: '13912345678' }],
    addresses: [{ address: '浙江省杭州市西湖区文三路 90 号西湖花园小区 12 幢 2 单元 1801 室（物业管理处楼上）', isDefault: true }],
    contacts: [{ name: '欧阳建国', role: '物业工程部主管', phone: '13700001234' }],
    tags: ['物业', '长期合作', '维保合同'],
    note: '大门东侧进出，车辆需登记；周末只有值班人员。',
  });
  // The same phone on a second customer: a household sharing the line.
  const sharer = await backend.ok('customers:create', {
    name: '欧阳晓明',
    phones: [{ phone: SHARED_PHONE }],
    addresses: [{ address: '浙江省杭州市西湖区文三路 90 号西湖花园小区 12 幢 2 单元 1801 室', isDefault: true }],
  });
  const accepted = localDay(now - 200 * 24 * HOUR);
  const unit = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'GL2026A0001KFR72LWFNHAC', purchaseDate: accepted, acceptanceDate: accepted });
  const shared = await backend.ok('units:create', { customerId: sharer.id, modelId: model.id, serial: 'GL2026A0002', purchaseDate: accepted, acceptanceDate: accepted });
  const second = await backend.ok('units:create', {
    customerId: customer.id,
    modelId: model.id,
    serial: 'GL2026A0003KFR72LWFNHAC',
    purchaseDate: accepted,
    acceptanceDate: accepted,
    siteAddress: '浙江省杭州市西湖区文三路 90 号西湖花园小区会所二楼多功能厅（物业管理处隔壁）',
  });
  const tech = await backend.ok('technicians:create', { name: '欧阳志远', phone: '13900001111', skills: ['空调', '中央空调', '冷库', '热泵热水器'], certificateNo: 'T1234567890123' });
  await backend.ok('technicians:create', { name: '李师傅', phone: SHARED_PHONE, skills: ['投影仪'] });

  const partNames = [
    '压缩机启动电容 CBB65 35μF 450V（格力原厂配件）',
    '室外机风扇电机 YDK-35-6 直流无刷（带霍尔传感器）',
    '四通换向阀 DSF-20 含线圈及连接铜管组件',
    '电子膨胀阀 EKV-24 含驱动线圈（变频机专用）',
    '室内机主控板 GRJW72-A 变频柜机（需刷写程序）',
    '遥控器 YB1FA 原装（含电池及壁挂支架）',
    '冷媒 R32 充注 3 公斤（含检漏及抽真空服务）',
    '室外机压缩机减振橡胶脚垫（一套四只含螺栓）',
  ];
  const parts = [];
  for (const [i, name] of partNames.entries()) {
    parts.push(await backend.ok('parts:create', { partNumber: `GREE-72LW-${1000 + i}-A`, name, costFen: 12_345 + i, priceFen: 123_456 + i, quantity: 20, reorderLevel: 25 }));
  }
  await backend.ok('fees:create', { name: '柜机拆装及高空作业附加费（含安全绳）', amountFen: 30_000 });
  const loaner = await backend.ok('loaners:create', { name: '备用柜式空调 3 匹 1 号', model: LONG_MODEL, serial: 'BY-2026-0001' });

  const ticket = await backend.ok('tickets:create', {
    customerId: customer.id,
    unitId: unit.id,
    faultReported: '开机半小时后外机停转，室内机显示 E6 故障代码，出风不冷，业主说去年夏天也出现过类似情况，请师傅带好四通阀和主板',
    faultCategory: 'notCooling',
    severity: 'major',
    reportedAt: now - 30 * HOUR,
  });
  await backend.ok('tickets:transition', { id: ticket.id, to: 'answered', at: now - 29 * HOUR });
  await backend.ok('tickets:assign', { id: ticket.id, technicianIds: [tech.id] });
  await backend.ok('tickets:transition', { id: ticket.id, to: 'dispatched', at: now - 28 * HOUR });
  await backend.ok('tickets:transition', { id: ticket.id, to: 'onSite', at: now - 27 * HOUR });
  for (const part of parts) await backend.ok('tickets:addPart', { id: ticket.id, partId: part.id, quantity: 1 });
  await backend.ok('loans:issue', { ticketId: ticket.id, loanerId: loaner.id, expectedReturn: localDay(now) });
  // An unanswered call from yesterday (overdue) and a fresh one, so the desk has both kinds.
  await backend.ok('tickets:create', { customerId: sharer.id, unitId: null, unregisteredUnit: { brand: '美的', model: 'KFR-35GW/BP3DN8Y-PH200(B1)', serial: null }, faultReported: '室内机漏水滴到地板上', faultCategory: 'leak', reportedAt: now - 26 * HOUR });
  await backend.ok('tickets:create', { customerId: customer.id, unitId: unit.id, faultReported: '遥控器失灵', faultCategory: 'electrical' });
  await backend.ok('complaints:create', { channel: 'phone', content: '师傅约好上午来，下午三点才到，也没有提前打电话，业主非常不满意，要求经理亲自回电话说明情况', customerId: customer.id, ticketId: ticket.id, handler: '王经理' });
  await backend.ok('documents:warrantyCard', { unitId: unit.id, paper: 'A4', language: 'zh-CN' });
  await backend.ok('documents:dispatchOrder', { ticketId: ticket.id, paper: 'A4', language: 'zh-CN' });
  // A year's maintenance contract on both of the long-named customer's units, begun six weeks
  // ago on the standard plan, and the sharer's contract ending in five days (a renewal due).
  const today = localDay(now);
  const start = addDays(today, -42);
  const end = addDays(addMonths(start, 12), -1);
  const contract = await backend.ok('contracts:create', {
    customerId: customer.id,
    unitIds: [unit.id, second.id],
    kind: 'paid',
    startsOn: start,
    endsOn: end,
    priceFen: 1_280_000,
    paymentTerms: '签约时付 50%，半年后付清余款（银行转账至公司对公账户）',
    note: '巡检前一天电话通知物业工程部欧阳主管，进入机房须登记并由物业人员陪同。',
    plan: presetPlan('standard', start, end),
  });
  const [first, later] = contract.visits.filter((v) => v.kind === 'callback');
  await backend.ok('visits:assign', { id: first!.id, technicianId: tech.id });
  // Brought forward to the first working day from today, so the Desk and the technician's day show it.
  let soon = today;
  while (!isWorkingDay(CN_MAINLAND, soon)) soon = addDays(soon, 1);
  await backend.ok('visits:move', { id: first!.id, dueOn: soon, reason: '物业要求提前到本周，配合消防检查一并进行' });
  await backend.ok('visits:close', { id: later!.id, status: 'cancelled', reason: '客户春节期间闭园，改到下月一并回访' });
  const renewalStart = addDays(addMonths(addDays(today, 5), -12), 1);
  await backend.ok('contracts:create', { customerId: sharer.id, unitIds: [shared.id], kind: 'warranty', startsOn: renewalStart, endsOn: addDays(today, 5), plan: presetPlan('standard', renewalStart, addDays(today, 5)) });
  // The air conditioners' checklist, and the first inspection recorded in part: one reading high.
  await backend.ok('checklists:create', {
    name: '分体空调及柜式空调季度巡检与年度保养检查表',
    category: '空调',
    items: [
      { key: 'filter', text: '清洗室内机过滤网及蒸发器表面', textEn: 'Clean the indoor filter and the evaporator face', standard: '无积尘、无破损，出风口无异味', answer: 'check', kinds: ['inspection', 'maintenance'] },
      { key: 'drain', text: '检查冷凝水排水管及接水盘', textEn: 'Check the condensate drain and tray', standard: '排水通畅，接口无渗漏，保温层完好', answer: 'check', kinds: ['inspection', 'maintenance'] },
      { key: 'pressure', text: '冷媒低压压力（制冷运行 15 分钟后）', textEn: 'Refrigerant low-side pressure (15 min cooling)', standard: '0.8–1.2 MPa', answer: 'reading', unit: 'MPa', min: 0.8, max: 1.2, kinds: ['inspection', 'maintenance'] },
      { key: 'noise', text: '室外机运行噪声与振动', textEn: 'Outdoor unit noise and vibration', standard: '无异常声响，支架牢固', answer: 'text', kinds: ['inspection'] },
    ],
  });
  // A maker for the long model (issue 21), so its edit dialog opens on the settling screen, and a
  // leak fixed on the second unit eleven days ago that came back three days ago: an early warning
  // on the Desk, with its feedback form to the maker.
  const maker = await backend.ok('makers:create', { name: '珠海格力电器股份有限公司家用空调售后服务部（华东区域服务中心）', contactName: '欧阳工程师', fax: '0756-8668888' });
  await backend.ok('makers:setModelMaker', { modelId: model.id, makerId: maker.id });
  const leak = await backend.ok('tickets:create', { customerId: customer.id, unitId: second.id, faultReported: '室内机漏水，接水盘溢出', faultCategory: 'leak', reportedAt: now - 12 * 24 * HOUR });
  await backend.ok('tickets:assign', { id: leak.id, technicianIds: [tech.id] });
  await backend.ok('tickets:transition', { id: leak.id, to: 'answered', at: now - 12 * 24 * HOUR + HOUR / 2 });
  await backend.ok('tickets:transition', { id: leak.id, to: 'dispatched', at: now - 12 * 24 * HOUR + HOUR });
  await backend.ok('tickets:transition', { id: leak.id, to: 'onSite', at: now - 11 * 24 * HOUR });
  await backend.ok('tickets:recordWork', { id: leak.id, action: '疏通排水管，重新固定接水盘' });
  await backend.ok('tickets:transition', { id: leak.id, to: 'resolved', at: now - 11 * 24 * HOUR + 2 * HOUR });
  await backend.ok('tickets:create', { customerId: customer.id, unitId: second.id, faultReported: '室内机又漏水，滴到会所地板上', faultCategory: 'leak', reportedAt: now - 3 * 24 * HOUR });
  const inspection = contract.visits.find((v) => v.kind === 'inspection')!;
  const found = await backend.ok('visits:inspection', { id: inspection.id });
  await backend.ok('visits:record', {
    id: inspection.id,
    units: found.units.map((u, i) => ({
      unitId: u.unitId,
      items: [
        { key: 'filter', answer: 'ok' },
        { key: 'drain', answer: i === 0 ? 'adjusted' : 'ok', remark: i === 0 ? '排水管接口松动，已紧固并重新包扎保温棉' : null },
        { key: 'pressure', reading: i === 0 ? 1.65 : 1.02 },
      ],
    })),
    fixedOnSpot: '1 号机排水管接口松动，已紧固',
    feedback: '服务及时，满意',
    signedBy: '欧阳建国',
  });
  return { customerId: customer.id, unitId: unit.id, ticketId: ticket.id, contractId: contract.id, visitId: inspection.id, callbackId: first!.id };
}

interface Fault {
  kind: 'page scrolls sideways' | 'box scrolls sideways' | 'text clipped' | 'value wraps over three lines';
  where: string;
  text: string;
}

/** What the clerk would see wrong on the screen as it is now. */
export async function layoutFaults(page: Page): Promise<Fault[]> {
  return page.evaluate(() => {
    const faults: { kind: 'page scrolls sideways' | 'box scrolls sideways' | 'text clipped' | 'value wraps over three lines'; where: string; text: string }[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) {
      faults.push({ kind: 'page scrolls sideways', where: 'html', text: `${root.scrollWidth} > ${root.clientWidth}` });
    }
    const describe = (el: Element): string => {
      const parts: string[] = [];
      for (let at: Element | null = el; at && parts.length < 4; at = at.parentElement) {
        const test = at.getAttribute('data-testid');
        const cls = Array.from(at.classList).filter((c) => !c.startsWith('m_')).slice(0, 2).join('.');
        parts.unshift(`${at.tagName.toLowerCase()}${test ? `[data-testid=${test}]` : ''}${cls ? `.${cls}` : ''}`);
      }
      return parts.join(' > ');
    };
    const titled = (el: Element): boolean => {
      const text = (el.textContent ?? '').trim();
      for (let at: Element | null = el; at; at = at.parentElement) {
        const title = at.getAttribute('title');
        if (title && title.includes(text.slice(0, 8))) return true;
        if (at.tagName === 'BODY') break;
      }
      return false;
    };
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) continue;
      if (!(el instanceof HTMLElement) || !el.textContent?.trim()) continue;
      const style = getComputedStyle(el);
      const hides = (v: string) => v === 'hidden' || v === 'clip';
      const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
      if (!hides(style.overflowX) && !hides(style.overflowY) && !scrolls) continue;
      const box = el.getBoundingClientRect();
      // Screen-reader-only text is a 1 px box on purpose.
      if (box.width <= 2 || box.height <= 2 || style.visibility === 'hidden' || (el.offsetParent === null && style.position !== 'fixed')) continue;
      if (scrolls) {
        // A table or list that must be scrolled sideways hides its right-hand columns from the clerk.
        if (el.scrollWidth > el.clientWidth + 1) faults.push({ kind: 'box scrolls sideways', where: describe(el), text: `${el.scrollWidth} > ${el.clientWidth}` });
        continue;
      }
      const wide = hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
      const tall = hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1 && style.webkitLineClamp === 'none';
      if (!wide && !tall) continue;
      // Only text that is itself cut counts; a box whose child is laid out wider is the child's to answer for.
      if (wide && style.textOverflow === 'ellipsis' && titled(el)) continue;
      if (!wide && tall) {
        // Clipped vertically: only a fault when a line of text sits below the box.
        const range = document.createRange();
        range.selectNodeContents(el);
        const lines = Array.from(range.getClientRects());
        if (!lines.some((r) => r.width > 0 && r.top >= box.bottom - 1)) continue;
      }
      const size = wide ? `${el.scrollWidth} px in ${el.clientWidth}` : `${el.scrollHeight} px high in ${el.clientHeight}`;
      faults.push({ kind: 'text clipped', where: describe(el), text: `${(el.textContent ?? '').trim().slice(0, 60)} (${size})` });
    }
    // A table row stays one glance high: one value (a model, a name) takes at most two lines, and
    // a longer one is truncated with its title, never wrapped into a three-line row. Sentences
    // (the warranty's reasons) are marked data-prose and wrap as text does.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const holder = node.parentElement;
      if (!holder?.closest('tbody td') || holder.closest('[data-prose]') || !node.textContent?.trim()) continue;
      const clip = holder.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(node);
      const tops = new Set(
        Array.from(range.getClientRects())
          .filter((r) => r.width > 0 && r.bottom <= clip.bottom + 1)
          .map((r) => Math.round(r.top)),
      );
      if (tops.size > 2) faults.push({ kind: 'value wraps over three lines', where: describe(holder), text: node.textContent.trim().slice(0, 60) });
    }
    return faults;
  });
}

/** What a walk asks of each screen it reaches: the faults found there, each a line that names the screen. */
export type ScreenCheck = (page: Page, screen: string) => Promise<string[]>;

/** Waits for the screen to settle (no loaders, fonts in); SCREEN_SHOTS=<folder> keeps a picture of each, for a person to look at. */
export async function settle(page: Page, screen: string): Promise<void> {
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0);
  await page.evaluate(() => document.fonts.ready);
  // A dialog or drawer still sliding in is measured and pictured where it comes to rest.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
  const shots = process.env.SCREEN_SHOTS;
  if (shots) await page.screenshot({ path: join(shots, `${screen.replace(/[^\p{L}\p{N}-]+/gu, '-')}.png`) });
}

/** The layout faults of the screen as it is now, labelled. */
export const layoutCheck: ScreenCheck = async (page, screen) => {
  await settle(page, screen);
  return (await layoutFaults(page)).map((f) => `${screen}: ${f.kind} — ${f.where} «${f.text}»`);
};

export async function visit(page: Page, hash: string, ready: (page: Page) => Promise<void>): Promise<void> {
  await page.goto(`/${hash}`);
  await ready(page);
}

/** Every screen, tab and the two big dialogs, in one language, each checked by `check`. */
export async function everyScreen(page: Page, ids: Seeded, language: 'zh-CN' | 'en', check: ScreenCheck): Promise<string[]> {
  const found: string[] = [];
  const at = (name: string) => `${language} ${name}`;
  const heading = async (p: Page) => expect(p.locator('main h1, main h2').first()).toBeVisible();

  await visit(page, '#/desk', async (p) => expect(p.getByTestId('desk-counters')).toBeVisible());
  found.push(...(await check(page, at('desk'))));
  await visit(page, '#/customers', async (p) => expect(p.getByText(LONG_NAME).first()).toBeVisible());
  found.push(...(await check(page, at('customers'))));
  await visit(page, `#/customers/${ids.customerId}`, async (p) => expect(p.getByText(LONG_MODEL).first()).toBeVisible());
  found.push(...(await check(page, at('customer'))));
  await visit(page, `#/units/${ids.unitId}`, async (p) => expect(p.getByText(LONG_MODEL).first()).toBeVisible());
  found.push(...(await check(page, at('unit'))));
  await visit(page, '#/tickets', async (p) => expect(p.getByText(LONG_NAME).first()).toBeVisible());
  found.push(...(await check(page, at('tickets'))));
  await visit(page, `#/tickets/${ids.ticketId}`, async (p) => expect(p.getByTestId('ticket-parts').locator('tbody tr')).toHaveCount(8));
  found.push(...(await check(page, at('ticket'))));
  // The seeded service level in the reader's language.
  await expect(page.getByTestId('ticket-deadlines')).toContainText(language === 'en' ? 'Standard service' : '标准服务');
  await visit(page, '#/maintenance', async (p) => expect(p.getByTestId('contracts-table').getByText(LONG_NAME)).toBeVisible());
  found.push(...(await check(page, at('maintenance contracts'))));
  await visit(page, `#/maintenance/${ids.contractId}`, async (p) => expect(p.getByTestId('contract-visits')).toBeVisible());
  found.push(...(await check(page, at('maintenance contract'))));
  await visit(page, `#/visit/${ids.visitId}`, async (p) => expect(p.getByTestId('inspection-unit')).toHaveCount(2));
  found.push(...(await check(page, at('maintenance visit'))));
  await visit(page, `#/visit/${ids.callbackId}`, async (p) => expect(p.getByTestId('callback-result')).toBeVisible());
  found.push(...(await check(page, at('maintenance callback visit'))));
  await visit(page, '#/technicians', async (p) => expect(p.getByText('欧阳志远').first()).toBeVisible());
  found.push(...(await check(page, at('technicians'))));

  await visit(page, '#/parts', heading);
  const partTabs = page.getByRole('tab');
  for (let i = 0; i < (await partTabs.count()); i += 1) {
    await partTabs.nth(i).click();
    await expect(partTabs.nth(i)).toHaveAttribute('aria-selected', 'true');
    found.push(...(await check(page, at(`parts tab ${(await partTabs.nth(i).textContent())?.trim()}`))));
  }
  await visit(page, '#/complaints', async (p) => expect(p.getByTestId('complaints-table')).toBeVisible());
  found.push(...(await check(page, at('complaints'))));
  await visit(page, '#/products', async (p) => expect(p.getByText(LONG_MODEL).first()).toBeVisible());
  found.push(...(await check(page, at('products'))));
  // The manual's content editor, open on the long model's chapters.
  await visit(page, '#/manuals', heading);
  await page.getByTestId('pick-model').click();
  await page.getByRole('option', { name: new RegExp(LONG_MODEL.replace(/[()]/g, '\\$&')) }).click();
  await expect(page.getByTestId('manual-editor')).toBeVisible();
  found.push(...(await check(page, at('manual content editor'))));
  await visit(page, '#/documents', async (p) => expect(p.locator('main tbody tr').first()).toBeVisible());
  found.push(...(await check(page, at('documents'))));
  await visit(page, '#/import', heading);
  found.push(...(await check(page, at('import'))));
  await visit(page, '#/audit', async (p) => expect(p.locator('main tbody tr').first()).toBeVisible());
  found.push(...(await check(page, at('audit log'))));

  // Makers, claims and returns (issue 21): each tab.
  await visit(page, '#/settle', heading);
  const settleTabs = page.getByRole('tab');
  for (let i = 0; i < (await settleTabs.count()); i += 1) {
    await settleTabs.nth(i).click();
    await expect(settleTabs.nth(i)).toHaveAttribute('aria-selected', 'true');
    found.push(...(await check(page, at(`settle tab ${(await settleTabs.nth(i).textContent())?.trim()}`))));
  }

  await visit(page, '#/settings', heading);
  const settingTabs = page.getByRole('tab');
  for (let i = 0; i < (await settingTabs.count()); i += 1) {
    await settingTabs.nth(i).click();
    await expect(settingTabs.nth(i)).toHaveAttribute('aria-selected', 'true');
    found.push(...(await check(page, at(`settings tab ${(await settingTabs.nth(i).textContent())?.trim()}`))));
  }

  await page.getByRole('tab', { name: language === 'en' ? 'Service levels' : '服务等级' }).click();
  await expect(page.getByTestId('service-levels')).toContainText(language === 'en' ? 'Basic service' : '基础服务');

  // The search box with the shared number: both customers and their units in the dropdown.
  await visit(page, '#/desk', async (p) => expect(p.getByTestId('desk-counters')).toBeVisible());
  await page.keyboard.press('Control+K');
  await page.keyboard.type(SHARED_PHONE);
  await expect(page.getByRole('option').filter({ hasText: '欧阳晓明' })).toBeVisible();
  found.push(...(await check(page, at('search dropdown by phone'))));
  // By serial: the units, each with its cover and the day it ends.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('GL2026A000');
  await expect(page.getByRole('option').filter({ hasText: 'GL2026A0002' })).toBeVisible();
  found.push(...(await check(page, at('search dropdown by serial'))));
  await page.keyboard.press('Escape');

  await visit(page, '#/customers', async (p) => expect(p.getByText(LONG_NAME).first()).toBeVisible());
  await page.keyboard.press('Control+Shift+N');
  await expect(page.getByRole('dialog')).toBeVisible();
  found.push(...(await check(page, at('new customer dialog'))));
  // The form is taller than the screen: its Save stays in reach on the sticky footer.
  await expect(page.getByRole('dialog').getByRole('button', { name: /保存|Save/ })).toBeInViewport();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // The other forms and dialogs, each opened the way the desk opens it.
  const dialogs: { name: string; hash: string; ready: (p: Page) => Promise<void>; open: (p: Page) => Promise<void> }[] = [
    { name: 'new unit dialog', hash: `#/customers/${ids.customerId}`, ready: async (p) => expect(p.getByText(LONG_MODEL).first()).toBeVisible(), open: (p) => p.keyboard.press('Control+Shift+N') },
    { name: 'warranty card dialog', hash: `#/units/${ids.unitId}`, ready: async (p) => expect(p.getByTestId('unit-header')).toBeVisible(), open: (p) => p.keyboard.press('Control+P') },
    { name: 'ticket print preview', hash: `#/tickets/${ids.ticketId}`, ready: async (p) => expect(p.getByTestId('ticket-parts').locator('tbody tr')).toHaveCount(8), open: (p) => p.keyboard.press('Control+P') },
    { name: 'new technician dialog', hash: '#/technicians', ready: async (p) => expect(p.getByText('欧阳志远').first()).toBeVisible(), open: (p) => p.keyboard.press('Control+Shift+N') },
    { name: 'new part dialog', hash: '#/parts', ready: heading, open: (p) => p.keyboard.press('Control+Shift+N') },
    { name: 'new complaint dialog', hash: '#/complaints', ready: async (p) => expect(p.getByTestId('complaints-table')).toBeVisible(), open: (p) => p.keyboard.press('Control+Shift+N') },
    { name: 'policy form', hash: '#/products', ready: async (p) => expect(p.getByText(LONG_MODEL).first()).toBeVisible(), open: (p) => p.getByRole('button', { name: new RegExp(`(修改|Edit) ${POLICY_NAME}`) }).click() },
    { name: 'new contract dialog', hash: '#/maintenance', ready: async (p) => expect(p.getByTestId('contracts-table')).toBeVisible(), open: (p) => p.keyboard.press('Control+Shift+N') },
    { name: 'edit contract dialog', hash: `#/maintenance/${ids.contractId}`, ready: async (p) => expect(p.getByTestId('contract-visits')).toBeVisible(), open: (p) => p.getByTestId('contract-header').getByRole('button', { name: /修改|Edit/ }).click() },
    { name: 'move visit dialog', hash: `#/maintenance/${ids.contractId}`, ready: async (p) => expect(p.getByTestId('contract-visits')).toBeVisible(), open: (p) => p.getByRole('button', { name: /^(改期|Move) FW-/ }).first().click() },
    { name: 'close visit dialog', hash: `#/maintenance/${ids.contractId}`, ready: async (p) => expect(p.getByTestId('contract-visits')).toBeVisible(), open: (p) => p.getByRole('button', { name: /^(未完成|Missed) FW-/ }).first().click() },
    {
      name: 'checklist editor',
      hash: '#/settings',
      ready: heading,
      open: async (p) => {
        await p.getByRole('tab', { name: /^(检查表|Checklists)$/ }).click();
        await p.getByTestId('checklists-table').getByRole('button', { name: /^(修改|Edit) / }).first().click();
      },
    },
    {
      name: 'maker edit dialog',
      hash: '#/settle',
      ready: heading,
      open: async (p) => {
        await p.getByRole('tab', { name: /^(厂家与型号|Makers and models)$/ }).click();
        await p.getByTestId('maker-edit').first().click();
      },
    },
    {
      name: 'spare share dialog',
      hash: '#/settle',
      ready: heading,
      open: async (p) => {
        await p.getByRole('tab', { name: /^(备件、规则与收费|Spares, rules, fees)$/ }).click();
        await p.getByTestId('spares-set').click();
      },
    },
    { name: 'warning feedback dialog', hash: '#/desk', ready: async (p) => expect(p.getByTestId('desk-warnings').getByTestId('warning-feedback').first()).toBeVisible(), open: (p) => p.getByTestId('desk-warnings').getByTestId('warning-feedback').first().click() },
    { name: 'complaint drawer', hash: '#/complaints', ready: async (p) => expect(p.getByTestId('complaints-table')).toBeVisible(), open: (p) => p.getByTestId('complaints-table').locator('tbody tr').first().click() },
  ];
  for (const dialog of dialogs) {
    await visit(page, dialog.hash, dialog.ready);
    await dialog.open(page);
    await expect(page.getByRole('dialog')).toBeVisible();
    found.push(...(await check(page, at(dialog.name))));
    // Escape closes an open dropdown first, then the dialog.
    await expect(async () => {
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0, { timeout: 500 });
    }).toPass();
  }

  // A new repair opens on a unit's page, for that unit.
  await visit(page, `#/units/${ids.unitId}`, async (p) => expect(p.getByTestId('unit-header').getByTestId('new-repair')).toBeVisible());
  await page.keyboard.press('Control+N');
  await expect(page.getByRole('dialog')).toBeVisible();
  found.push(...(await check(page, at('new repair dialog'))));
  await page.keyboard.press('Escape');
  return found;
}


/** The walk in Chinese, then again after the desk is switched to English. */
export async function everyScreenInBothLanguages(page: Page, backend: TestBackend, ids: Seeded, check: ScreenCheck): Promise<string[]> {
  const found = await everyScreen(page, ids, 'zh-CN', check);
  await backend.ok('settings:update', { language: 'en' });
  await page.reload();
  found.push(...(await everyScreen(page, ids, 'en', check)));
  return found;
}
