import type { TestBackend } from '../support/backend';
import { AIRCON_POLICY } from '../support/sample';
import { addDays, addMonths, todayIso } from '../../shared/domain/dates';
import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

/*
 * Renewal at the desk (issue 19): a contract ending soon and a warranty ending with no contract
 * show on the Desk; the renewal notice is printed from the row; the contract is renewed from its
 * page and the next contract opens; the Desk no longer lists it.
 */

const CUSTOMER = '杭州市余杭区良渚第二小学';

async function seed(backend: TestBackend) {
  await backend.ok('settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234' });
  const policy = await backend.ok('policies:create', AIRCON_POLICY);
  const model = await backend.ok('models:create', { brand: '格力', model: 'KFR-72LW/(72532)FNhAa-B1', category: '空调', policyId: policy.id });
  const customer = await backend.ok('customers:create', { kind: 'organisation', name: CUSTOMER, phones: [{ phone: '13857112345' }], addresses: [{ address: '浙江省杭州市余杭区良渚街道古墩路 1888 号', isDefault: true }] });
  const today = todayIso();
  const old = addMonths(today, -30);
  const a = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'GL72LW20240001', purchaseDate: old, acceptanceDate: old });
  const b = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'GL72LW20240002', purchaseDate: old, acceptanceDate: old });
  // Its whole-unit warranty (12 months from acceptance) ends in four days, with no contract after it.
  const accepted = addDays(addMonths(today, -12), 4);
  await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'GL72LW20250009', purchaseDate: accepted, acceptanceDate: accepted });
  const endsOn = addDays(today, 5);
  const startsOn = addDays(addMonths(endsOn, -12), 1);
  const contract = await backend.ok('contracts:create', {
    customerId: customer.id,
    unitIds: [a.id, b.id],
    kind: 'paid',
    startsOn,
    endsOn,
    priceFen: 360_000,
    plan: [{ kind: 'inspection', repeat: 'quarter', from: startsOn, to: endsOn }],
  });
  return { contract };
}

test('a contract ending soon shows on the Desk, its renewal notice is printed, it is renewed and the next contract opens', async ({ desk, backend }, testInfo) => {
  test.setTimeout(120_000);
  const problems = watchPage(desk);
  const { contract } = await seed(backend);

  await desk.goto('/#/desk');
  const renewals = desk.getByTestId('desk-renewals-table');
  await expect(renewals).toContainText(contract.number);
  await expect(renewals).toContainText('GL72LW20250009');
  await expect(renewals).toContainText('保修 GL72LW20250009');
  await screenshot(desk, testInfo, 'renewal-desk-zh', true);

  // The notice, from the row's menu, through the same preview and printer as every paper.
  await desk.getByTestId(`renewal-menu-${contract.number}`).click();
  await desk.getByTestId('renewal-action-notice').click();
  const paperDialog = desk.getByRole('dialog', { name: '打印续保通知书' });
  await expect(paperDialog.getByRole('button', { name: '生成并预览' })).toBeFocused();
  await desk.keyboard.press('Enter');
  const preview = desk.getByRole('dialog', { name: /续保通知书 XBT-/ });
  await expect(preview.getByTestId('pdf-pages')).toHaveAttribute('data-rendered-pages', /^[1-9]/, { timeout: 30_000 });
  await desk.keyboard.press('Control+P');
  await expect.poll(() => backend.platform.printed.length).toBe(1);
  await desk.keyboard.press('Escape');
  await expect(preview).toBeHidden();

  // The row opens the contract; renewing makes the next one and opens it.
  await renewals.locator('tbody tr').filter({ hasText: contract.number }).click();
  await expect(desk).toHaveURL(new RegExp(`#/maintenance/${contract.id}$`));
  const bar = desk.getByTestId('contract-renewal');
  await expect(bar).toContainText('请联系客户续保');
  await screenshot(desk, testInfo, 'renewal-contract-zh', true);
  await bar.getByTestId('contract-renewal-renew').click();
  const renewDialog = desk.getByRole('dialog', { name: `续签维保合同 ${contract.number}` });
  await expect(renewDialog).toContainText(addDays(contract.endsOn, 1));
  await renewDialog.getByRole('button', { name: '续签' }).click();
  await expect(desk).not.toHaveURL(new RegExp(`#/maintenance/${contract.id}$`));
  const [next] = (await backend.ok('contracts:list', { status: 'all' })).filter((c) => c.id !== contract.id);
  await expect(desk).toHaveURL(new RegExp(`#/maintenance/${next!.id}$`));
  await expect(desk.getByTestId('contract-header')).toContainText(next!.number);
  await expect(desk.getByTestId('contract-renewal')).toContainText(`由 ${contract.number} 续签而来`);
  expect(next!.startsOn).toBe(addDays(contract.endsOn, 1));

  // The Desk no longer lists the renewed contract; the warranty is still due.
  await desk.goto('/#/desk');
  await expect(renewals).toContainText('GL72LW20250009');
  await expect(renewals).not.toContainText(contract.number);

  // The unit without contract: "make a contract" opens the form on that unit, from the day after its warranty.
  await desk.getByTestId('renewal-menu-GL72LW20250009').click();
  await desk.getByTestId('renewal-action-makeContract').click();
  const contractForm = desk.getByRole('dialog', { name: '新建维保合同' });
  await expect(contractForm.getByRole('checkbox', { name: /GL72LW20250009/ })).toBeChecked();
  await expect(contractForm.getByRole('checkbox', { name: /GL72LW20240001/ })).not.toBeChecked();
  await screenshot(desk, testInfo, 'renewal-make-contract-zh', true);
  await desk.keyboard.press('Escape');
  await expect(contractForm).toBeHidden();

  // In English.
  await backend.ok('settings:update', { language: 'en' });
  await desk.reload();
  await expect(desk.getByTestId('desk-renewals-table')).toContainText('Warranty GL72LW20250009');
  await screenshot(desk, testInfo, 'renewal-desk-en', true);
  await desk.goto(`/#/maintenance/${next!.id}`);
  await expect(desk.getByTestId('contract-renewal')).toContainText(`Renewed from ${contract.number}`);
  await screenshot(desk, testInfo, 'renewal-contract-en', true);

  // The lead time is the company's: changed in Settings → Service rules (the field keeps it within 1 to 90 days).
  await desk.goto('/#/settings');
  await desk.getByRole('tab', { name: 'Service rules' }).click();
  const form = desk.getByTestId('renewal-settings');
  const lead = form.getByLabel('Days before the end');
  await lead.fill('15');
  await form.getByRole('button', { name: /Save/ }).click();
  await expect.poll(async () => (await backend.ok('settings:get', {})).renewal.leadDays).toBe(15);
  await form.scrollIntoViewIfNeeded();
  await screenshot(desk, testInfo, 'renewal-settings-en', true);
  await desk.goto('/#/desk');
  await expect(desk.getByText('Renewals due within 15 days')).toBeVisible();
  expect(problems).toEqual([]);
});
