import type { Locator, Page } from '@playwright/test';
import { person, seedModel } from '../support/sample';
import { expect, test } from './fixtures';
import { watchPage } from './page-helpers';

/**
 * The desk's main path by keyboard alone (issue 22, item 3): search → customer → new repair →
 * save → print. Every stop shows where the keyboard is, and Tab moves through a form the way
 * the eye reads it: down the rows, left to right along a row, then to Save.
 */

interface Stop {
  what: string;
  /** Where it sits in its scrolled content, so a form that scrolls under its footer still compares. */
  top: number;
  left: number;
  height: number;
  /** The ring the clerk sees: an outline, a focus border or a shadow, on the element or the label drawn for it. */
  ring: string | null;
}

/** The element with the keyboard focus now, and what shows it. */
async function focusStop(page: Page): Promise<Stop> {
  // The ring is read where it comes to rest, not halfway through its colour change.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const rect = el.getBoundingClientRect();
    let top = rect.top;
    let left = rect.left;
    for (let at = el.parentElement; at; at = at.parentElement) {
      top += at.scrollTop;
      left += at.scrollLeft;
    }
    const name = el.getAttribute('aria-label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ?? el.textContent ?? '';
    const what = `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} «${name.trim().slice(0, 24)}»`;
    // A segmented control's radio is drawn invisible; its label is what shows the focus.
    const invisible = getComputedStyle(el).opacity === '0' || rect.width <= 1;
    // A field inside a pills box (a multi-select) is ringed by its box.
    const shown: HTMLElement[] = invisible ? [] : [el.closest<HTMLElement>('.mantine-Input-input') ?? el];
    if (invisible && el.nextElementSibling instanceof HTMLElement) shown.push(el.nextElementSibling);
    if (el.id) shown.push(...Array.from(document.querySelectorAll<HTMLElement>(`label[for="${el.id}"]`)));
    let ring: string | null = null;
    for (const target of shown) {
      const style = getComputedStyle(target);
      if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) ring = `outline ${style.outlineWidth} ${style.outlineColor}`;
      else if (style.boxShadow !== 'none') ring = `shadow ${style.boxShadow}`;
      else if (target.matches('.mantine-Input-input')) {
        // Mantine's text fields show focus as a border in the primary colour.
        const primary = getComputedStyle(document.documentElement).getPropertyValue('--mantine-primary-color-filled').trim();
        const probe = document.createElement('span');
        probe.style.color = primary;
        document.body.append(probe);
        const primaryRgb = getComputedStyle(probe).color;
        probe.remove();
        if (style.borderColor === primaryRgb) ring = `border ${style.borderColor}`;
      }
      if (ring) break;
    }
    const box = (shown[shown.length - 1] ?? el).getBoundingClientRect();
    return { what, top: Math.round(top), left: Math.round(left), height: Math.round(box.height || rect.height), ring };
  });
}

/** Tabs through `scope` from where the focus is until `last` has it, and returns every stop. */
async function tabThrough(page: Page, scope: Locator, last: Locator): Promise<Stop[]> {
  const stops = [await focusStop(page)];
  for (let i = 0; i < 40; i += 1) {
    if (await last.evaluate((el) => el === document.activeElement)) return stops;
    await page.keyboard.press('Tab');
    await expect(scope.locator(':focus')).toHaveCount(1);
    stops.push(await focusStop(page));
  }
  throw new Error(`Tab never reached the last stop: ${stops.map((s) => s.what).join(' → ')}`);
}

/** Each stop is on a later row, or further right on the same row (rows overlap when their boxes do). */
function outOfOrder(stops: Stop[]): string[] {
  const faults: string[] = [];
  for (let i = 1; i < stops.length; i += 1) {
    const a = stops[i - 1]!;
    const b = stops[i]!;
    const sameRow = b.top < a.top + a.height / 2 && a.top < b.top + b.height / 2;
    if (sameRow ? b.left <= a.left : b.top < a.top) faults.push(`${a.what} (${a.left},${a.top}) → ${b.what} (${b.left},${b.top})`);
  }
  return faults;
}

const unringed = (stops: Stop[]) => stops.filter((s) => s.ring === null).map((s) => s.what);

test('search → customer → new repair → save → print by keyboard alone, the focus always shown and in reading order', async ({ desk, backend }) => {
  test.setTimeout(120_000);
  const problems = watchPage(desk);
  await backend.ok('settings:update', { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234' });
  const model = await seedModel(backend);
  const customer = await backend.ok('customers:create', person({ name: '张三', phones: [{ phone: '13812345678' }] }));
  await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'GL2026A0001', purchaseDate: '2026-03-01', acceptanceDate: '2026-03-05' });
  await desk.reload();

  // Search: Ctrl+K, the caller's number, Enter opens the customer.
  const search = desk.getByRole('textbox', { name: '查找客户、设备或单据' });
  await expect(async () => {
    await desk.keyboard.press('Control+K');
    await expect(search).toBeFocused({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  expect((await focusStop(desk)).ring).not.toBeNull();
  await desk.keyboard.type('13812345678');
  await expect(desk.getByRole('option', { name: /张三/ })).toBeVisible();
  await desk.keyboard.press('Enter');
  await expect(desk).toHaveURL(new RegExp(`#/customers/${customer.id}$`));

  // The customer's page: Tab from the top reaches the page's own controls in order, each ringed.
  await expect(desk.getByTestId('customer-contact')).toContainText('张三');
  const main = desk.locator('main');
  await main.getByRole('heading').first().click();
  const pageStops: Stop[] = [];
  for (let i = 0; i < 8; i += 1) {
    await desk.keyboard.press('Tab');
    pageStops.push(await focusStop(desk));
  }
  expect(unringed(pageStops)).toEqual([]);
  expect(outOfOrder(pageStops)).toEqual([]);

  // New repair: Ctrl+N on the customer, focus in the form, Tab in reading order down to Save.
  await desk.keyboard.press('Control+N');
  const form = desk.getByRole('dialog', { name: '新建报修' });
  await expect(form).toBeVisible();
  await expect(form.locator(':focus')).toHaveCount(1);
  const save = form.getByRole('button', { name: /保存/ });
  const stops = await tabThrough(desk, form, save);
  expect(unringed(stops)).toEqual([]);
  expect(outOfOrder(stops)).toEqual([]);

  // Save by keyboard: the category first (required), then Ctrl+S.
  await form.getByRole('combobox', { name: '故障类别' }).focus();
  await desk.keyboard.press('ArrowDown');
  await desk.keyboard.press('Enter');
  await form.getByLabel('故障描述（客户原话）').focus();
  await desk.keyboard.type('不制冷');
  await desk.keyboard.press('Control+S');
  await expect(form).toBeHidden();
  await expect(desk.getByTestId('ticket-header')).toContainText(/工单 GD-\d{4}-\d{6}/);

  // Print: Ctrl+P, the dialog's Enter button has the focus, ringed; Tab goes through it in order.
  await desk.keyboard.press('Control+P');
  const printDialog = desk.getByRole('dialog', { name: /打印：工单/ });
  const generate = printDialog.getByRole('button', { name: /生成并预览/ });
  await expect(generate).toBeFocused();
  expect((await focusStop(desk)).ring).not.toBeNull();
  await printDialog.getByRole('radio').first().focus();
  const printStops = await tabThrough(desk, printDialog, generate);
  expect(unringed(printStops)).toEqual([]);
  expect(outOfOrder(printStops)).toEqual([]);
  await desk.keyboard.press('Enter');
  // The preview: its Print button has the focus, ringed, so Enter prints.
  const preview = desk.getByRole('dialog', { name: /SJD-\d{4}-\d{6}/ });
  await expect(preview.getByTestId('pdf-pages')).toHaveAttribute('data-rendered-pages', /^[1-9]/, { timeout: 20_000 });
  await expect(preview.getByRole('button', { name: /打印/ })).toBeFocused();
  expect((await focusStop(desk)).ring).not.toBeNull();
  expect(problems).toEqual([]);
});

test('every stop of the keyboard shows itself on the busiest screens', async ({ desk, backend }) => {
  test.setTimeout(180_000);
  const problems = watchPage(desk);
  await backend.ok('sample:load', { language: 'zh-CN' });
  const ticket = (await backend.ok('tickets:list', { scope: 'open' })).rows[0]!;
  const found: string[] = [];
  for (const hash of ['#/desk', '#/tickets', `#/tickets/${ticket.id}`, '#/parts', '#/complaints', '#/settings']) {
    await desk.goto(`/${hash}`);
    await expect(desk.locator('main h1, main h2').first()).toBeVisible();
    await expect(desk.locator('.mantine-Loader-root')).toHaveCount(0);
    // From the top of the page, Tab through everything once (the header and navigation included).
    await desk.locator('body').click({ position: { x: 1, y: 1 } });
    const seen = new Set<string>();
    for (let i = 0; i < 120; i += 1) {
      await desk.keyboard.press('Tab');
      if (await desk.evaluate(() => document.activeElement === document.body)) break;
      const stop = await focusStop(desk);
      const key = `${stop.what}@${stop.left},${stop.top}`;
      if (seen.has(key)) break;
      seen.add(key);
      if (stop.ring === null) found.push(`${hash}: ${stop.what}`);
    }
  }
  expect(found).toEqual([]);
  expect(problems).toEqual([]);
});
