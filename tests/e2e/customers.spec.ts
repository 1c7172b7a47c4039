import type { Page } from '@playwright/test';
import { AIRCON_POLICY, person, seedModel } from '../support/sample';
import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

/** Picks an option of a Mantine Select by its label (the list opens in a portal). */
async function pick(desk: Page, scope: ReturnType<Page['getByRole']>, label: string, option: string | RegExp): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await desk.getByRole('option', { name: option }).click();
}

test('a company customer with several phones, addresses, contacts and tags; each error under its own row', async ({
  desk,
  backend,
}, testInfo) => {
  const problems = watchPage(desk);
  await backend.ok('settings:update', { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234' });
  const model = await seedModel(backend);

  // The app opens on the Desk; the customer list is one click (or this address) away.
  await desk.goto('/#/customers');
  await expect(desk.getByText('还没有客户')).toBeVisible();
  await desk.keyboard.press('Control+Shift+N');
  const dialog = desk.getByRole('dialog', { name: '新建客户' });
  await expect(dialog.getByLabel('姓名 / 单位名称')).toBeFocused();
  await desk.keyboard.type('西湖花园物业管理处');
  await dialog.getByText('单位', { exact: true }).click();
  await dialog.getByText('郊县', { exact: true }).click();
  await dialog.getByLabel('电话 1', { exact: true }).fill('0571-88886666');
  await dialog.getByLabel('电话 1 的说明').fill('总机');
  await dialog.getByRole('button', { name: '添加电话' }).click();
  await dialog.getByLabel('电话 2', { exact: true }).fill('13812345678');
  await dialog.getByLabel('电话 2 的说明').fill('王经理');
  await dialog.getByRole('button', { name: '添加电话' }).click();
  // The same mobile again, typed with spaces: refused under the third row, not the first.
  await dialog.getByLabel('电话 3', { exact: true }).fill('138 1234 5678');
  await dialog.getByLabel('电话 3', { exact: true }).press('Control+S');
  await expect(dialog.getByLabel('电话 3', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('电话 2', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
  const describedBy = await dialog.getByLabel('电话 3', { exact: true }).getAttribute('aria-describedby');
  await expect(desk.locator(`[id="${describedBy!.split(' ').at(-1)}"]`)).toHaveText('这个号码已经填过了');
  await screenshot(desk, testInfo, 'customer-form-error');
  await dialog.getByRole('button', { name: '删除电话 3' }).click();

  await dialog.getByLabel('地址 1', { exact: true }).fill('浙江省杭州市西湖区文三路 90 号 西湖花园 物业办公室');
  await dialog.getByRole('button', { name: '添加地址' }).click();
  await dialog.getByLabel('地址 2', { exact: true }).fill('浙江省杭州市西湖区文三路 90 号 西湖花园 3 幢地下机房');
  await dialog.getByRole('radio', { name: '地址 2 默认' }).check();
  await dialog.getByRole('button', { name: '添加联系人' }).click();
  await dialog.getByLabel('联系人 1 姓名').fill('王建国');
  await dialog.getByLabel('联系人 1 职务').fill('物业经理');
  await dialog.getByLabel('联系人 1 电话').fill('13912345678');
  await dialog.getByLabel('标签').fill('VIP');
  await dialog.getByLabel('标签').press('Enter');
  await dialog.getByLabel('标签').fill('物业');
  await dialog.getByLabel('标签').press('Enter');
  await screenshot(desk, testInfo, 'customer-form', true);
  await dialog.getByLabel('标签').press('Control+S');
  await expect(dialog).toBeHidden();

  const contact = desk.getByTestId('customer-contact');
  await expect(contact).toContainText('西湖花园物业管理处');
  await expect(contact).toContainText('单位');
  await expect(contact).toContainText('郊县');
  await expect(contact.getByTestId('customer-phones')).toContainText('0571-88886666总机');
  await expect(contact.getByTestId('customer-phones')).toContainText('138 1234 5678王经理');
  await expect(contact).toContainText('3 幢地下机房默认');
  await expect(contact).toContainText('王建国物业经理139 1234 5678');
  await expect(contact).toContainText('VIP');

  const [saved] = (await backend.ok('customers:list', { query: '西湖花园' })).items;
  expect(saved).toMatchObject({
    kind: 'organisation',
    region: 'suburban',
    phone: '0571-88886666',
    address: '浙江省杭州市西湖区文三路 90 号 西湖花园 3 幢地下机房',
    tags: ['VIP', '物业'],
  });

  // Two units, one in warranty and one ending, for a page the desk reads at a glance.
  await backend.ok('units:create', { customerId: saved!.id, modelId: model.id, serial: 'GL2026A0001', purchaseDate: '2026-03-01', acceptanceDate: '2026-03-05' });
  await backend.ok('units:create', { customerId: saved!.id, modelId: model.id, serial: 'GL2025B0002', purchaseDate: '2025-12-01', acceptanceDate: '2025-12-10' });
  await desk.reload();
  await expect(desk.getByTestId('units-table').locator('tr[data-serial="GL2025B0002"] [data-state="ending"]')).toBeVisible();
  await expect(desk.getByTestId('units-table').locator('tr[data-serial="GL2025B0002"]')).toContainText('2026-12-10');
  await screenshot(desk, testInfo, 'customer-page', true);

  // Editing shows every row again; a change to the second phone's label is saved.
  await desk.getByTestId('customer-contact').getByRole('button', { name: '修改' }).click();
  const edit = desk.getByRole('dialog', { name: '修改客户资料' });
  await expect(edit.getByLabel('电话 2', { exact: true })).toHaveValue('13812345678');
  await edit.getByLabel('电话 2 的说明').fill('王经理手机');
  await edit.getByLabel('电话 2 的说明').press('Enter');
  await expect(edit).toBeHidden();
  await expect(desk.getByTestId('customer-phones')).toContainText('王经理手机');
  expect(problems).toEqual([]);
});

test('the list filters by region, tag and archived, and pages through many customers', async ({ desk, backend }) => {
  const problems = watchPage(desk);
  for (let i = 0; i < 55; i += 1) {
    await backend.ok(
      'customers:create',
      person({
        name: `客户${String(i).padStart(2, '0')}`,
        phones: [{ phone: `1380000${String(i).padStart(4, '0')}` }],
        region: i % 5 === 0 ? 'suburban' : 'urban',
        tags: i % 11 === 0 ? ['VIP'] : [],
      }),
    );
  }
  await desk.goto('/#/customers');
  await desk.reload();
  await expect(desk.getByTestId('customers-total')).toContainText('共 55 位客户');
  await expect(desk.getByTestId('customers-table').locator('tbody tr')).toHaveCount(50);
  await desk.getByRole('button', { name: '2', exact: true }).click();
  await expect(desk.getByTestId('customers-table').locator('tbody tr')).toHaveCount(5);

  await pick(desk, desk.getByRole('main'), '区域', '郊县');
  await expect(desk.getByTestId('customers-total')).toHaveText('共 11 位客户');
  await desk.getByRole('textbox', { name: '标签' }).fill('VIP');
  // 0, 11, 22, 33 and 44 are VIP; of those only 0 is also suburban.
  await expect(desk.getByTestId('customers-total')).toHaveText('共 1 位客户');
  await expect(desk.getByTestId('customers-table')).toContainText('客户00');

  // Archived customers are hidden until asked for.
  const [first] = (await backend.ok('customers:list', { query: '客户00' })).items;
  await backend.ok('customers:archive', { id: first!.id });
  await desk.getByRole('textbox', { name: '筛选客户' }).fill('客户00');
  await expect(desk.getByText('没有符合条件的客户')).toBeVisible();
  await desk.getByRole('switch', { name: '显示已归档' }).click();
  await expect(desk.getByTestId('customers-table')).toContainText('已归档');
  expect(problems).toEqual([]);
});

test('two records of one caller are merged through the page of the one kept', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  const model = await seedModel(backend);
  const keep = await backend.ok('customers:create', person({ name: '王芳', phones: [{ phone: '13911112222' }] }));
  const gone = await backend.ok(
    'customers:create',
    person({ name: '王芳（旧）', phones: [{ phone: '0571-88886666', label: '家里' }], addresses: [{ address: '杭州市上城区解放路 8 号', isDefault: true }] }),
  );
  await backend.ok('customers:create', person({ name: '王芳芳', phones: [{ phone: '13700009999' }] }));
  await backend.ok('units:create', { customerId: keep.id, modelId: model.id, serial: 'WF-A-001', purchaseDate: '2026-02-01' });
  await backend.ok('units:create', { customerId: gone.id, modelId: model.id, serial: 'WF-B-002', purchaseDate: '2025-06-01' });

  await desk.goto(`/#/customers/${keep.id}`);
  await desk.getByRole('button', { name: '合并…' }).click();
  const dialog = desk.getByRole('dialog', { name: '合并客户' });
  await expect(dialog.getByLabel('要并入的客户')).toBeFocused();
  await desk.keyboard.type('8888');
  await dialog.getByRole('radio', { name: /王芳（旧）/ }).check();
  // Said once, before anything moves: what moves where, and what happens to the other record.
  await expect(dialog.getByTestId('merge-summary')).toContainText('“王芳（旧）”的 1 台设备');
  await expect(dialog.getByTestId('merge-summary')).toContainText('“王芳（旧）”会被归档');
  await screenshot(desk, testInfo, 'merge-dialog', true);
  await dialog.getByRole('button', { name: '合并到“王芳”' }).click();
  await expect(dialog).toBeHidden();
  await expect(desk.getByText('已合并，移过来 1 台设备')).toBeVisible();

  await expect(desk.getByTestId('units-table').locator('tbody tr')).toHaveCount(2);
  await expect(desk.getByTestId('customer-phones')).toContainText('0571-88886666');
  await expect(desk.getByTestId('customer-contact')).toContainText('解放路 8 号');
  const merged = await backend.ok('customers:get', { id: gone.id });
  expect(merged).toMatchObject({ archived: true, mergedIntoId: keep.id, unitCount: 0 });

  // The old record still leads to the one kept.
  await desk.goto(`/#/customers/${gone.id}`);
  await expect(desk.getByTestId('merged-notice')).toContainText('已合并到“王芳”');
  await desk.getByTestId('merged-notice').getByRole('button', { name: '打开“王芳”' }).click();
  await expect(desk).toHaveURL(new RegExp(`#/customers/${keep.id}$`));
  expect(problems).toEqual([]);
});

test('deleting a customer with units is refused with what to do instead; archive and restore; delete one without', async ({
  desk,
  backend,
}, testInfo) => {
  const problems = watchPage(desk);
  const model = await seedModel(backend);
  const owner = await backend.ok('customers:create', person({ name: '赵六', phones: [{ phone: '13911112222' }] }));
  await backend.ok('units:create', { customerId: owner.id, modelId: model.id, serial: 'ZL-0001', purchaseDate: '2026-02-01' });
  const empty = await backend.ok('customers:create', person({ name: '钱七', phones: [{ phone: '13911113333' }] }));

  await desk.goto(`/#/customers/${owner.id}`);
  await desk.getByTestId('customer-contact').getByRole('button', { name: '删除' }).click();
  const dialog = desk.getByRole('dialog', { name: '删除客户' });
  await expect(dialog).toContainText('不能撤销');
  await dialog.getByRole('button', { name: '删除' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('客户“赵六”名下有 1 台设备，不能删除。请改为归档，或把它合并到另一个客户。');
  await screenshot(desk, testInfo, 'delete-refused', true);
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  expect((await backend.ok('customers:get', { id: owner.id })).name).toBe('赵六');

  // Archive instead: asked once, said what happens, undone with Restore.
  await desk.getByTestId('customer-contact').getByRole('button', { name: '归档' }).click();
  const archive = desk.getByRole('dialog', { name: '归档客户' });
  await expect(archive).toContainText('随时可以恢复');
  await archive.getByRole('button', { name: '归档' }).click();
  await expect(archive).toBeHidden();
  await expect(desk.getByTestId('archived-notice')).toBeVisible();
  expect((await backend.ok('customers:get', { id: owner.id })).archived).toBe(true);
  await desk.getByTestId('customer-contact').getByRole('button', { name: '恢复' }).click();
  await expect(desk.getByTestId('archived-notice')).toBeHidden();
  expect((await backend.ok('customers:get', { id: owner.id })).archived).toBe(false);

  // Without units, delete goes through and the list opens.
  await desk.goto(`/#/customers/${empty.id}`);
  await desk.getByTestId('customer-contact').getByRole('button', { name: '删除' }).click();
  await desk.getByRole('dialog', { name: '删除客户' }).getByRole('button', { name: '删除' }).click();
  await expect(desk.getByText('已删除客户“钱七”')).toBeVisible();
  await expect(desk).toHaveURL(/#\/customers$/);
  expect((await backend.ok('customers:list', {})).items.map((c) => c.name)).toEqual(['赵六']);
  expect(problems).toEqual([]);
});

test('the unit page: status change with its history, an exclusion, and the warranty block explaining it', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await backend.ok('settings:update', { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234' });
  const model = await seedModel(backend);
  const owner = await backend.ok('customers:create', person({ name: '孙八', phones: [{ phone: '13911112222' }] }));
  const unit = await backend.ok('units:create', {
    customerId: owner.id,
    modelId: model.id,
    serial: 'GL2026A0001',
    purchaseDate: '2026-03-01',
    acceptanceDate: '2026-03-05',
    invoiceNumber: 'FP-20260301-88',
    locationNote: '客厅北墙',
  });

  await desk.goto(`/#/customers/${owner.id}`);
  // The company details were written behind the page's back: read them afresh.
  await desk.reload();
  await desk.getByTestId('units-table').getByRole('button', { name: 'GL2026A0001' }).click();
  await expect(desk).toHaveURL(new RegExp(`#/units/${unit.id}$`));
  await expect(desk.getByTestId('unit-details')).toContainText('FP-20260301-88');
  await expect(desk.getByTestId('unit-details')).toContainText('家用空调标准保修（第 1 版）');

  // Status: to the workshop, with a note; the history lists both.
  await desk.getByRole('button', { name: '变更状态' }).click();
  const status = desk.getByRole('dialog', { name: '变更设备状态' });
  await pick(desk, status, '新状态', '送修中');
  await status.getByLabel('说明').fill('压缩机异响，送厂家检测');
  await status.getByRole('button', { name: /保存/ }).click();
  await expect(status).toBeHidden();
  await expect(desk.getByTestId('unit-status')).toHaveText('送修中');
  const history = desk.getByTestId('unit-history');
  await expect(history).toContainText('送修中');
  await expect(history).toContainText('压缩机异响，送厂家检测');
  await expect(history).toContainText('在用');

  // An exclusion on the compressor only: that line is not covered, the whole unit still is.
  await desk.getByRole('button', { name: '登记不保' }).click();
  const exclusion = desk.getByRole('dialog', { name: '登记不保判定' });
  await pick(desk, exclusion, '原因', '人为损坏或使用电压不符');
  await pick(desk, exclusion, '范围', '压缩机');
  await exclusion.getByLabel('判定日期').fill('2026-11-01');
  await exclusion.getByLabel('说明').fill('检测发现电源电压长期偏高，压缩机烧毁');
  await exclusion.getByRole('button', { name: /保存/ }).click();
  await expect(exclusion).toBeHidden();
  const warranty = desk.getByTestId('unit-warranty');
  await expect(warranty.locator('[data-component="compressor"] [data-state="excluded"]')).toHaveText('不在保修范围');
  await expect(warranty.locator('[data-component="whole"] [data-state="active"]')).toBeVisible();
  await expect(warranty.getByTestId('exclusions')).toContainText('2026-11-01 判定：人为损坏或使用电压不符');
  await expect(warranty.getByTestId('exclusions')).toContainText('此判定仅适用于压缩机');
  await expect(desk.getByTestId('unit-header').locator('[data-state="active"]')).toBeVisible();
  await screenshot(desk, testInfo, 'unit-page', true);

  // Edit the unit: the model picker shows the terms, the dates come back as typed.
  await desk.getByTestId('unit-header').getByRole('button', { name: '修改' }).click();
  const edit = desk.getByRole('dialog', { name: '修改设备' });
  await expect(edit.getByLabel('验收日期')).toHaveValue('2026-03-05');
  await expect(edit.getByTestId('unit-form-policy')).toContainText('家用空调标准保修');
  await edit.getByLabel('安装日期').fill('2026/3/3');
  await edit.getByLabel('安装日期').press('Enter');
  await expect(edit).toBeHidden();
  await expect(desk.getByTestId('unit-details')).toContainText('2026-03-03');
  expect(problems).toEqual([]);
});

test('a model missing from the list is added from the unit form without leaving it', async ({ desk, backend }) => {
  const problems = watchPage(desk);
  await backend.ok('policies:create', AIRCON_POLICY);
  const owner = await backend.ok('customers:create', person({ name: '周九', phones: [{ phone: '13911112222' }] }));
  await desk.goto(`/#/customers/${owner.id}`);
  await expect(desk.getByTestId('customer-contact')).toBeVisible();
  await desk.keyboard.press('Control+Shift+N');
  const unitDialog = desk.getByRole('dialog', { name: '添加设备' });
  await expect(unitDialog.getByRole('combobox', { name: '产品型号' })).toBeFocused();
  await unitDialog.getByRole('button', { name: '新建型号' }).click();

  const modelDialog = desk.getByRole('dialog', { name: '新建产品型号' });
  await expect(modelDialog.getByLabel('品牌')).toBeFocused();
  await desk.keyboard.type('美的');
  await modelDialog.getByLabel('型号').fill('KFR-26GW');
  await modelDialog.getByLabel('类别').fill('空调');
  await pick(desk, modelDialog, '保修政策', AIRCON_POLICY.name);
  await modelDialog.getByLabel('型号').press('Control+S');
  await expect(modelDialog).toBeHidden();

  // Back in the unit form, which was not saved along, with the new model picked.
  await expect(unitDialog).toBeVisible();
  await expect(unitDialog.getByRole('combobox', { name: '产品型号' })).toHaveValue('美的 KFR-26GW（空调）');
  await expect(unitDialog.getByTestId('unit-form-policy')).toContainText('整机 12 个月 · 配件（遥控器、线缆） 6 个月 · 压缩机 36 个月');
  await unitDialog.getByLabel('序列号').fill('MD2026X0009');
  await unitDialog.getByLabel('购买日期').fill('20260410');
  await unitDialog.getByLabel('购买日期').press('Enter');
  await expect(unitDialog).toBeHidden();
  const row = desk.getByTestId('units-table').locator('tr[data-serial="MD2026X0009"]');
  await expect(row).toContainText('美的 KFR-26GW');
  await expect(row).toContainText('2026-04-10');
  expect(problems).toEqual([]);
});
