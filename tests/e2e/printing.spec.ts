import type { Locator, Page } from '@playwright/test';
import { person, phoneTicket, seedModel } from '../support/sample';
import type { TestBackend } from '../support/backend';
import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

const COMPANY = { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234' };

/** A customer with a unit and a repair just taken: the desk's likely paper is the intake copy. */
async function seedTicket(backend: TestBackend): Promise<number> {
  return (await seed(backend)).ticketId;
}

async function seed(backend: TestBackend): Promise<{ ticketId: number; unitId: number }> {
  await backend.ok('settings:update', COMPANY);
  const model = await seedModel(backend);
  const customer = await backend.ok('customers:create', person({ name: '张三丰', phones: [{ phone: '13812345678' }] }));
  const unit = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'GL2026A0001', purchaseDate: '2026-03-01' });
  const ticket = await backend.ok('tickets:create', phoneTicket(customer.id, { unitId: unit.id }));
  return { ticketId: ticket.id, unitId: unit.id };
}

/** A segmented control's radio is visually hidden: its label takes the click. */
async function choose(scope: Locator, name: string): Promise<void> {
  const radio = scope.getByRole('radio', { name, exact: true });
  await scope.locator(`label[for="${await radio.getAttribute('id')}"]`).click();
  await expect(radio).toBeChecked();
}

async function openPrintingTab(desk: Page, tab: string): Promise<Locator> {
  await desk.goto('/#/settings');
  await desk.getByRole('tab', { name: tab, exact: true }).click();
  return desk.getByRole('tabpanel', { name: tab });
}

test('the intake copy set once to A5, 2 copies, printed without asking: Ctrl+P on the ticket prints it at once', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  const ticketId = await seedTicket(backend);
  await desk.reload();

  const panel = await openPrintingTab(desk, '打印');
  const intake = panel.locator('tr[data-kind="repairIntake"]');
  await expect(panel.getByRole('combobox', { name: '维修收机凭证：打印机' })).toHaveValue('系统默认打印机（tray）');
  await panel.getByRole('combobox', { name: '维修收机凭证：打印机' }).click();
  await desk.getByRole('option', { name: 'Epson LQ-630KII' }).click();
  await choose(intake, 'A5');
  await panel.getByRole('textbox', { name: '维修收机凭证：份数' }).fill('2');
  await panel.getByRole('switch', { name: '维修收机凭证：直接打印' }).check({ force: true });
  // The dispatch order keeps asking, but its dialog starts on A5.
  await choose(panel.locator('tr[data-kind="dispatchOrder"]'), 'A5');
  // More than five copies cannot be typed; an emptied box is refused under the field, and nothing is saved.
  await panel.getByRole('textbox', { name: '保修卡：份数' }).fill('6');
  await expect(panel.getByRole('textbox', { name: '保修卡：份数' })).not.toHaveValue('6');
  await panel.getByRole('textbox', { name: '保修卡：份数' }).fill('');
  await panel.getByRole('button', { name: /保存/ }).click();
  await expect(panel.locator('tr[data-kind="warrantyCard"]').getByText('必填')).toBeVisible();
  expect((await backend.ok('settings:get', {})).printing.repairIntake.copies).toBe(1);
  await panel.getByRole('textbox', { name: '保修卡：份数' }).fill('1');
  await panel.getByRole('button', { name: /保存/ }).click();
  await expect(desk.getByText('打印设置已保存')).toBeVisible();
  const { printing } = await backend.ok('settings:get', {});
  expect(printing.repairIntake).toEqual({ printer: 'Epson LQ-630KII', paper: 'A5', copies: 2, silent: true });
  expect(printing.dispatchOrder).toEqual({ printer: null, paper: 'A5', copies: 1, silent: false });
  await screenshot(desk, testInfo, 'printing-settings-zh', true);

  // The ticket: Ctrl+P prints the intake copy straight away, no dialog and no preview.
  await desk.goto(`/#/tickets/${ticketId}`);
  await expect(desk.getByTestId('ticket-header')).toContainText('张三丰');
  await desk.keyboard.press('Control+P');
  await expect.poll(() => backend.platform.printed.length).toBe(1);
  expect(backend.platform.printed[0]).toMatchObject({ paper: 'A5', copies: 2, printer: 'Epson LQ-630KII' });
  await expect(desk.getByText(/维修收机凭证 SJD-\d{4}-\d{6} 已直接打印/)).toBeVisible();
  await expect(desk.getByText('已发送到打印机“Epson LQ-630KII”，2 份')).toBeVisible();
  await expect(desk.getByRole('dialog')).toHaveCount(0);
  // Generated and archived as always.
  const archived = await backend.ok('documents:list', { recordType: 'ticket', recordId: ticketId });
  expect(archived).toMatchObject([{ kind: 'repairIntake', paper: 'A5' }]);

  // A kind that asks: its dialog starts on the paper set, the preview names printer and copies.
  await desk.getByTestId('ticket-header').getByRole('button', { name: /打印/ }).click();
  await expect(desk.getByRole('menuitem', { name: /维修单（收机联）/ })).toContainText('直接打印');
  await desk.getByRole('menuitem', { name: '派工单' }).click();
  const dialog = desk.getByRole('dialog', { name: /打印：工单/ });
  await expect(dialog.getByRole('radio', { name: 'A5', exact: true })).toBeChecked();
  await screenshot(desk, testInfo, 'print-dialog-zh', true);
  await dialog.getByRole('button', { name: /生成并预览/ }).click();
  const preview = desk.getByRole('dialog', { name: /派工单 PGD-/ });
  await expect(preview.getByTestId('print-target')).toHaveText('打印机：系统默认打印机（tray） · 1 份');
  await expect(preview.getByTestId('pdf-pages')).toHaveAttribute('data-rendered-pages', /^[1-9]/, { timeout: 20_000 });
  await screenshot(desk, testInfo, 'print-preview-zh', true);
  await preview.getByRole('button', { name: /^打印/ }).click();
  await expect.poll(() => backend.platform.printed.length).toBe(2);
  expect(backend.platform.printed[1]).toMatchObject({ paper: 'A5', copies: 1, printer: 'tray' });
  expect(problems).toEqual([]);
});

test('Settings → Printing in English, and a printer that has gone falls back to the default with a notice', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  const ticketId = await seedTicket(backend);
  await backend.ok('settings:update', {
    language: 'en',
    printing: {
      warrantyCard: { printer: null, paper: 'A4', copies: 1, silent: false },
      dispatchOrder: { printer: 'HP LaserJet Pro M404', paper: 'A4', copies: 3, silent: false },
      repairIntake: { printer: null, paper: 'C241', copies: 1, silent: false },
      repairCompletion: { printer: null, paper: 'A4', copies: 1, silent: false },
      renewalNotice: { printer: null, paper: 'A4', copies: 1, silent: false },
      serviceEndNote: { printer: null, paper: 'A4', copies: 1, silent: false },
      inspectionForm: { printer: null, paper: 'A4', copies: 1, silent: false },
      faultStats: { printer: null, paper: 'A4', copies: 1, silent: false },
      inspectionPlan: { printer: null, paper: 'A4', copies: 1, silent: false },
      batchPrint: { printer: null, paper: 'A4', copies: 1, silent: false },
      callSummary: { printer: null, paper: 'A4', copies: 1, silent: false },
      acceptanceCertificate: { printer: null, paper: 'A4', copies: 1, silent: false },
      manual: { printer: null, paper: 'A4', copies: 1, silent: false },
      reportPack: { printer: null, paper: 'A4', copies: 1, silent: false },
      settlementForm: { printer: null, paper: 'A4', copies: 1, silent: false },
      scrapRecord: { printer: null, paper: 'A4', copies: 1, silent: false },
      feedbackForm: { printer: null, paper: 'A4', copies: 1, silent: false },
      feeList: { printer: null, paper: 'A4', copies: 1, silent: false },
      makerReturns: { printer: null, paper: 'A4', copies: 1, silent: false },
      claimForm: { printer: null, paper: 'A4', copies: 1, silent: false },
    },
  });
  backend.platform.printers = backend.platform.printers.filter((p) => p.name !== 'HP LaserJet Pro M404');
  await desk.reload();

  const panel = await openPrintingTab(desk, 'Printing');
  await expect(panel.getByText('Dispatch order: the printer set, “HP LaserJet Pro M404”, can no longer be found')).toBeVisible();
  await expect(panel.getByRole('combobox', { name: 'Dispatch order: printer' })).toHaveValue('HP LaserJet Pro M404 (not found)');
  await expect(panel.locator('tr[data-kind="repairIntake"]').getByRole('radio', { name: '241 mm form' })).toBeChecked();
  await screenshot(desk, testInfo, 'printing-settings-en', true);
  await panel.getByRole('textbox', { name: 'Warranty card: copies' }).fill('2');
  await panel.getByRole('button', { name: /Save/ }).click();
  await expect(desk.getByText('Printing settings saved')).toBeVisible();
  expect((await backend.ok('settings:get', {})).printing.warrantyCard.copies).toBe(2);

  await desk.goto(`/#/tickets/${ticketId}`);
  await desk.getByTestId('ticket-header').getByRole('button', { name: /Print/ }).click();
  await desk.getByRole('menuitem', { name: 'Dispatch order' }).click();
  const dialog = desk.getByRole('dialog', { name: /Print: ticket/ });
  await screenshot(desk, testInfo, 'print-dialog-en', true);
  await dialog.getByRole('button', { name: /Generate and preview/ }).click();
  const preview = desk.getByRole('dialog', { name: /Dispatch order PGD-/ });
  await expect(preview.getByTestId('print-target')).toHaveText('Printer: System default printer (tray) · 3 copies');
  await expect(preview.getByText('The printer set, “HP LaserJet Pro M404”, can no longer be found: the system default printer will be used.')).toBeVisible();
  await expect(preview.getByTestId('pdf-pages')).toHaveAttribute('data-rendered-pages', /^[1-9]/, { timeout: 20_000 });
  await screenshot(desk, testInfo, 'print-preview-en', true);
  await desk.keyboard.press('Control+P');
  await expect.poll(() => backend.platform.printed.length).toBe(1);
  expect(backend.platform.printed[0]).toMatchObject({ paper: 'A4', copies: 3, printer: 'tray' });
  await expect(desk.getByText(/“HP LaserJet Pro M404”, can no longer be found: 3 copies went to the default printer “tray”/)).toBeVisible();
  expect(problems).toEqual([]);
});

test('a warranty card set to print without asking goes out from the unit page with Ctrl+P', async ({ desk, backend }) => {
  const problems = watchPage(desk);
  const { unitId } = await seed(backend);
  const setup = (await backend.ok('settings:get', {})).printing;
  await backend.ok('settings:update', { printing: { ...setup, warrantyCard: { printer: 'HP LaserJet Pro M404', paper: 'A5', copies: 2, silent: true } } });
  await desk.goto(`/#/units/${unitId}`);
  await desk.reload();
  await expect(desk.getByText('GL2026A0001').first()).toBeVisible();
  await desk.keyboard.press('Control+P');
  await expect.poll(() => backend.platform.printed.length).toBe(1);
  expect(backend.platform.printed[0]).toMatchObject({ paper: 'A5', copies: 2, printer: 'HP LaserJet Pro M404' });
  await expect(desk.getByText('已发送到打印机“HP LaserJet Pro M404”，2 份')).toBeVisible();
  await expect(desk.getByRole('dialog')).toHaveCount(0);
  expect(await backend.ok('documents:list', { kind: 'warrantyCard' })).toMatchObject([{ recordId: unitId, paper: 'A5', language: 'zh-CN' }]);
  expect(problems).toEqual([]);
});
