import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { TestBackend } from '../support/backend';
import { readPdf } from '../support/pdf-read';
import { AIRCON_POLICY } from '../support/sample';
import { addDays, todayIso } from '../../shared/domain/dates';
import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

/*
 * Issue 20's installation and the card's life, as the desk goes through them: an installation of
 * three units made on screen, its trial run, an acceptance date still to come refused, the
 * acceptance that starts every unit's warranty, the acceptance certificate and the three cards
 * printed; then a card handed over and its return slip's QR code, read from the paper, typed
 * into the Desk's scan box as a 2D scanner does, a second scan refused as a duplicate.
 */

const CUSTOMER = '杭州市余杭区良渚第二小学';
const SERIALS = ['GL72A2610001', 'GL72A2610002', 'GL72A2610003'];

async function seed(backend: TestBackend, boughtDaysAgo = 20) {
  await backend.ok('settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234' });
  const policy = await backend.ok('policies:create', AIRCON_POLICY);
  const model = await backend.ok('models:create', { brand: '格力', model: 'KFR-72LW', category: '空调', policyId: policy.id });
  const customer = await backend.ok('customers:create', {
    kind: 'organisation',
    name: CUSTOMER,
    phones: [{ phone: '0571-88776655' }],
    addresses: [{ address: '浙江省杭州市余杭区良渚街道古墩路 1888 号', isDefault: true }],
  });
  const units = [];
  for (const serial of SERIALS) units.push(await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial, purchaseDate: addDays(todayIso(), -boughtDaysAgo), locationNote: '行政楼' }));
  await backend.ok('technicians:create', { name: '赵建国', phone: '13900002222', skills: ['空调'] });
  return { customer, units };
}

/** The text of every QR code on the PDF's pages, as a scanner would see the paper. */
function qrCodes(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'desk-qr-'));
  try {
    writeFileSync(join(dir, 'card.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '150', '-png', join(dir, 'card.pdf'), join(dir, 'page')]);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort()
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

async function pdfText(backend: TestBackend, id: number): Promise<string> {
  const { base64 } = await backend.ok('documents:content', { id });
  return (await readPdf(Buffer.from(base64, 'base64'))).map((p) => p.text).join('\n');
}

async function previewed(desk: Page, name: RegExp) {
  const preview = desk.getByRole('dialog', { name });
  await expect(preview.getByTestId('pdf-pages')).toHaveAttribute('data-rendered-pages', /^[1-9]/, { timeout: 30_000 });
  await preview.locator('.mantine-Modal-body').getByRole('button', { name: /关闭|Close/ }).click();
  await expect(preview).toBeHidden();
}

test('an installation of three units on screen, to its acceptance, its printed certificate and cards', async ({ desk, backend }, testInfo) => {
  test.setTimeout(150_000);
  const problems = watchPage(desk);
  const { units } = await seed(backend);
  const appointment = addDays(todayIso(), -10);
  const trialEnd = addDays(todayIso(), -3);
  const accepted = addDays(todayIso(), -2);

  await desk.goto('/#/installations');
  await desk.getByTestId('new-installation').click();
  const dialog = desk.getByRole('dialog', { name: '新建安装单' });
  await expect(dialog.getByRole('combobox', { name: '客户' })).toBeFocused();
  await desk.keyboard.type('良渚第二');
  await desk.getByRole('option', { name: new RegExp(CUSTOMER) }).click();
  for (const serial of SERIALS) await dialog.getByRole('checkbox', { name: new RegExp(serial) }).check();
  await dialog.getByLabel('预约安装日期').fill(appointment.replaceAll('-', '/'));
  await dialog.getByLabel('预约安装日期').press('Tab');
  await expect(dialog.getByLabel('预约安装日期')).toHaveValue(appointment);
  await dialog.getByRole('combobox', { name: '安装人员' }).click();
  await desk.getByRole('option', { name: '赵建国' }).click();
  await dialog.getByLabel('安装内容').fill('室内外机就位安装、冷媒管路连接、电源接线');
  await dialog.getByLabel('安装内容').press('Control+S');
  await expect(dialog).toBeHidden();
  await expect(desk).toHaveURL(/#\/installations\/\d+$/);
  const id = Number(/(\d+)$/.exec(desk.url())![1]);
  await expect(desk.getByTestId('installation-units-table').locator('tbody tr')).toHaveCount(3);
  await expect(desk.getByTestId('installation-status')).toHaveText('待验收');
  // The site changed before the day: the planned job is edited, its units stay.
  await desk.getByTestId('edit-installation').click();
  const edit = desk.getByRole('dialog', { name: /修改安装单/ });
  await edit.getByLabel('安装地点').fill('良渚第二小学 行政楼');
  await edit.getByLabel('安装地点').press('Control+S');
  await expect(edit).toBeHidden();
  await expect.poll(async () => (await backend.ok('installations:get', { id })).siteAddress).toBe('良渚第二小学 行政楼');

  // The trial run: a day typed as the desk writes it, an end before the start refused first.
  await desk.getByTestId('trial-starts').fill(appointment);
  await desk.getByTestId('trial-ends').fill(addDays(appointment, -1));
  await desk.getByTestId('trial-form').getByRole('button', { name: '保存试运转' }).click();
  await expect(desk.getByTestId('trial-error')).toHaveText('试运转结束日期不能早于开始日期');
  await desk.getByTestId('trial-ends').fill(trialEnd);
  await desk.getByTestId('trial-result').getByText('合格', { exact: true }).click();
  await desk.getByTestId('trial-form').getByRole('button', { name: '保存试运转' }).click();
  await expect(desk.getByTestId('trial-error')).toBeHidden();
  await expect.poll(async () => (await backend.ok('installations:get', { id })).trialResult).toBe('passed');
  await screenshot(desk, testInfo, 'installation-page-zh', true);

  // Acceptance on a day still to come is refused, and nothing is written.
  await desk.getByTestId('accepted-on').fill(addDays(todayIso(), 1));
  await desk.getByTestId('accepted-by').fill('总务处 陈主任');
  await desk.getByTestId('accept').click();
  await expect(desk.getByTestId('accept-error')).toContainText('还没到');
  expect((await backend.ok('units:get', { id: units[0]!.id })).acceptanceDate).toBeNull();
  await desk.getByTestId('accepted-on').fill(accepted);
  await desk.getByTestId('accept').click();
  await expect(desk.getByTestId('installation-status')).toHaveText('已验收');
  await expect(desk.getByTestId('accepted-note')).toContainText('陈主任');
  for (const u of units) {
    const unit = await backend.ok('units:get', { id: u.id });
    expect([unit.acceptanceDate, unit.warranty.start.date]).toEqual([accepted, accepted]);
  }
  await screenshot(desk, testInfo, 'installation-accepted-zh', true);

  // The certificate, previewed and archived.
  await desk.getByTestId('print-certificate').click();
  await desk.getByTestId('generate-certificate').click();
  await previewed(desk, /设备验收合格书/);
  const [certificate] = await backend.ok('documents:list', { kind: 'acceptanceCertificate', recordType: 'installation', recordId: id });
  expect(certificate!.number).toMatch(/^YSD-\d{4}-\d{6}$/);
  const certificateText = (await pdfText(backend, certificate!.id)).replace(/\s+/g, '');
  for (const expected of [...SERIALS, CUSTOMER, '设备验收合格书', accepted, '陈主任', '合格']) expect(certificateText).toContain(expected);

  // The three cards, each with its warranty start from the acceptance.
  await desk.getByTestId('print-cards').click();
  await desk.getByTestId('generate-cards').click();
  const cardsDialog = desk.getByRole('dialog', { name: '打印 3 台设备的保修卡' });
  await expect(cardsDialog.getByRole('row')).toHaveCount(3);
  for (const u of units) {
    const [card] = await backend.ok('documents:list', { kind: 'warrantyCard', recordType: 'unit', recordId: u.id });
    const text = (await pdfText(backend, card!.id)).replace(/\s+/g, '');
    expect(text).toContain(u.serial);
    expect(text).toContain(accepted);
  }
  await screenshot(desk, testInfo, 'installation-cards-zh', true);
  await cardsDialog.getByRole('row').first().getByRole('button').click();
  await previewed(desk, /BXK-\d{4}-\d{6}/);
  // Back to the list of cards, the preview closed.
  await expect(cardsDialog).toBeVisible();
  await desk.keyboard.press('Escape');
  await expect(cardsDialog).toBeHidden();
  // The Desk in Chinese: nothing due for these units yet (accepted two days ago), the scan box ready.
  await desk.goto('/#/desk');
  await expect(desk.getByTestId('slip-scan')).toBeVisible();
  await desk.getByTestId('desk-slips-not-back').scrollIntoViewIfNeeded();
  await screenshot(desk, testInfo, 'installation-desk-zh', true);
  expect(problems).toEqual([]);
});

test('a card handed over, its slip scanned back on the Desk; a second scan and an unreadable code refused (in English)', async ({ desk, backend }, testInfo) => {
  test.setTimeout(90_000);
  const problems = watchPage(desk);
  const { customer, units } = await seed(backend, 60);
  await backend.ok('settings:update', { language: 'en' });
  const job = await backend.ok('installations:create', { customerId: customer.id, unitIds: units.map((u) => u.id), appointmentOn: addDays(todayIso(), -40) });
  await backend.ok('installations:accept', { id: job.id, acceptedOn: addDays(todayIso(), -35), acceptedBy: 'Chen' });
  // A planned job whose customer is to be told: on the Desk.
  await backend.ok('units:create', { customerId: customer.id, modelId: units[0]!.modelId, serial: 'GL72A2610009', purchaseDate: todayIso() });
  const later = (await backend.ok('units:listByCustomer', { customerId: customer.id })).find((u) => u.serial === 'GL72A2610009')!;
  await backend.ok('installations:create', { customerId: customer.id, unitIds: [later.id], appointmentOn: addDays(todayIso(), 5) });
  const card = await backend.ok('documents:warrantyCard', { unitId: units[0]!.id, paper: 'A4', language: 'en' });

  // The unit shows the card printed, not issued; issued from there.
  await desk.goto(`/#/units/${units[0]!.id}`);
  const life = desk.getByTestId('card-life');
  await expect(life.getByTestId(`card-${card.number}`)).toContainText('Not issued');
  await life.getByTestId('card-issue').click();
  await desk.getByTestId('card-issue-save').click();
  await expect(life.getByTestId(`card-${card.number}`)).toContainText('handed over');
  await expect(life.getByTestId(`card-${card.number}`)).toContainText('Not back');

  // The Desk: the notice due, the two other cards not issued a month after acceptance, this slip not back.
  await desk.goto('/#/desk');
  await expect(desk.getByTestId('desk-installation-notices')).toContainText(CUSTOMER);
  await expect(desk.getByTestId('desk-cards-not-issued').locator('tbody tr')).toHaveCount(2);
  await expect(desk.getByTestId('desk-slips-not-back')).toContainText(card.number);
  await screenshot(desk, testInfo, 'installation-desk-en', true);

  // The slip's QR code, read from the printed card as the scanner reads the paper, typed with its Enter.
  const { base64 } = await backend.ok('documents:content', { id: card.id });
  const codes = qrCodes(Buffer.from(base64, 'base64'));
  expect(codes).toEqual([SERIALS[0], card.number]);
  const scan = desk.getByTestId('slip-scan');
  await scan.click();
  await desk.keyboard.type(`${codes[1]}\n`);
  await expect(desk.getByTestId('slip-scan-done')).toContainText(card.number);
  await expect(desk.getByTestId('desk-slips-not-back').locator('table')).toHaveCount(0);
  await desk.keyboard.type(`${codes[1]}\n`);
  await expect(desk.getByTestId('slip-scan-error')).toContainText('already came back');
  await desk.keyboard.type('https://example.com/x?y\n');
  await expect(desk.getByTestId('slip-scan-error')).toContainText('Unreadable return slip code');
  const [after] = await backend.ok('cards:ofUnit', { unitId: units[0]!.id });
  expect(after!.slipBackOn).toBe(todayIso());
  await screenshot(desk, testInfo, 'installation-scan-en', true);

  await desk.goto(`/#/units/${units[0]!.id}`);
  await expect(desk.getByTestId('card-life')).toContainText('Back');
  await screenshot(desk, testInfo, 'installation-unit-cards-en', true);
  await desk.goto(`/#/installations/${job.id}`);
  await expect(desk.getByTestId('installation-status')).toHaveText('Accepted');
  await screenshot(desk, testInfo, 'installation-accepted-en', true);
  expect(problems).toEqual([]);
});

test("a customer's page lists their installations and books a new one with the customer chosen, in both languages", async ({ desk, backend }, testInfo) => {
  test.setTimeout(90_000);
  const problems = watchPage(desk);
  const { customer, units } = await seed(backend);
  const job = await backend.ok('installations:create', { customerId: customer.id, unitIds: [units[0]!.id], appointmentOn: addDays(todayIso(), -3), siteAddress: '良渚第二小学 行政楼' });

  await desk.goto(`/#/customers/${customer.id}`);
  const section = desk.getByTestId('customer-installations');
  await expect(section.getByRole('heading', { name: '安装验收' })).toBeVisible();
  const rows = section.getByTestId('installations-table').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(job.number);
  await expect(rows.first()).toContainText('良渚第二小学 行政楼');
  // The customer column is left out: every row is this customer's.
  await expect(section.getByRole('columnheader', { name: '客户' })).toHaveCount(0);
  await screenshot(desk, testInfo, 'customer-installations-zh', true);

  // A new job from here starts with this customer chosen: only their units are offered.
  await section.getByRole('button', { name: '新建安装单' }).click();
  const dialog = desk.getByRole('dialog', { name: '新建安装单' });
  await dialog.getByRole('checkbox', { name: new RegExp(SERIALS[1]!) }).check();
  await dialog.getByLabel('预约安装日期').fill(addDays(todayIso(), 7).replaceAll('-', '/'));
  await dialog.getByLabel('预约安装日期').press('Tab');
  await dialog.getByLabel('预约安装日期').press('Control+S');
  await expect(dialog).toBeHidden();
  await expect(desk).toHaveURL(/#\/installations\/\d+$/);
  const made = await backend.ok('installations:list', { customerId: customer.id, status: 'all', limit: 10 });
  expect(made.map((m) => m.customerId)).toEqual([customer.id, customer.id]);

  // Back on the customer, both jobs; a row opens its job.
  await backend.ok('settings:update', { language: 'en' });
  await desk.goto(`/#/customers/${customer.id}`);
  await desk.reload();
  await expect(section.getByRole('heading', { name: 'Installations' })).toBeVisible();
  await expect(rows).toHaveCount(2);
  await screenshot(desk, testInfo, 'customer-installations-en', true);
  await rows.filter({ hasText: job.number }).click();
  await expect(desk).toHaveURL(new RegExp(`#/installations/${job.id}$`));
  expect(problems).toEqual([]);
});
