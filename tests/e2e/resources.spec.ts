import type { Page } from '@playwright/test';
import type { TestBackend } from '../support/backend';
import { person, seedModel } from '../support/sample';
import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';
import { localDay } from '../../shared/domain/dates';

const HOUR = 3_600_000;

/** A small service company's stock room and team, with two of today's visits booked. */
async function seedStock(backend: TestBackend) {
  const midnight = new Date();
  midnight.setHours(0, 0, 0, 0);
  const reportedAt = midnight.getTime() - 2 * HOUR;
  const today = localDay(Date.now());
  await backend.ok('settings:update', { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234' });
  // Who is at the desk: the stock moves are stamped with her name.
  await backend.ok('session:begin', { operator: '王芳' });
  const model = await seedModel(backend);
  const customer = await backend.ok('customers:create', person({ name: '西湖花园物业管理处' }));
  const other = await backend.ok('customers:create', person({ name: '李四', phones: [{ phone: '13987654321' }], addresses: [{ address: '杭州市拱墅区湖墅南路 88 号 3 单元 501', isDefault: true }] }));
  const unit = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'GL2026A0001', purchaseDate: '2026-03-01', acceptanceDate: '2026-03-05' });
  const zhao = await backend.ok('technicians:create', { name: '赵师傅', phone: '13900002222', skills: ['空调', '冷库'], certificateNo: 'ZL-2019-031' });
  const qian = await backend.ok('technicians:create', { name: '钱工', phone: '0571-88886666', skills: ['电梯'] });
  await backend.ok('technicians:create', { name: '孙师傅', phone: '13700003333', active: false });

  const visit = async (customerId: number, unitArg: Record<string, unknown>, from: string, to: string, technicianIds: number[]) => {
    const t = await backend.ok('tickets:create', { customerId, ...unitArg, faultReported: '开机后不制冷', faultCategory: 'notCooling', reportedAt });
    await backend.ok('tickets:transition', { id: t.id, to: 'answered' });
    await backend.ok('tickets:appoint', { id: t.id, date: today, from, to });
    await backend.ok('tickets:assign', { id: t.id, technicianIds });
    return t;
  };
  const morning = await visit(customer.id, { unitId: unit.id }, '09:00', '11:00', [zhao.id]);
  await visit(other.id, { unregisteredUnit: { brand: '美的', model: 'KFR-26GW', serial: null } }, '14:00', '16:00', [zhao.id, qian.id]);

  const parts = [
    { partNumber: 'CAP-35UF', name: '压缩机启动电容 35μF', fits: 'KFR-35GW, KFR-26GW', costFen: 1_800, priceFen: 4_500, reorderLevel: 5, location: 'A-01', quantity: 24 },
    { partNumber: 'PCB-35GW', name: '室内机主控板', fits: 'KFR-35GW', costFen: 21_000, priceFen: 38_000, reorderLevel: 2, location: 'A-03', quantity: 1, componentKey: 'whole' },
    { partNumber: 'FAN-OUT-26', name: '室外风扇电机', fits: 'KFR-26GW', costFen: 16_500, priceFen: 29_000, reorderLevel: 1, location: 'B-02', quantity: 4 },
    { partNumber: 'RC-GL-01', name: '格力原装遥控器', fits: 'KFR-35GW, KFR-26GW, KFR-72LW', costFen: 2_500, priceFen: 6_000, reorderLevel: 3, location: 'C-05', quantity: 0 },
  ];
  const capacitor = await backend.ok('parts:create', parts[0]!);
  for (const part of parts.slice(1)) await backend.ok('parts:create', part);
  await backend.ok('tickets:addPart', { id: morning.id, partId: capacitor.id, quantity: 1 });
  const loaner = await backend.ok('loaners:create', { name: '备用空调 1 号', model: 'KFR-35GW', serial: 'BY-001' });
  await backend.ok('loaners:create', { name: '备用空调 2 号', model: 'KFR-26GW', serial: 'BY-002' });
  await backend.ok('loans:issue', { ticketId: morning.id, loanerId: loaner.id, expectedReturn: today, receivedUnit: '室内机一台，遥控器一个' });
  return { today, zhao };
}

async function open(desk: Page, hash: string) {
  await desk.goto(`/#/${hash}`);
  await desk.reload();
}

test('a technician added at the desk, and the day of appointments', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await seedStock(backend);
  await open(desk, 'technicians');
  await expect(desk.getByTestId('technicians-table')).toBeVisible();

  await desk.keyboard.press('Control+Shift+N');
  const dialog = desk.getByRole('dialog', { name: '新增维修人员' });
  await expect(dialog.getByLabel('姓名')).toBeFocused();
  await desk.keyboard.type('周建国');
  await dialog.getByLabel('电话').fill('138 1234 0000');
  await dialog.getByLabel('技能').fill('投影仪');
  await dialog.getByLabel('技能').press('Enter');
  await dialog.getByLabel('技能').fill('弱电');
  await dialog.getByLabel('技能').press('Enter');
  await dialog.getByLabel('证书编号').fill('RD-2021-77');
  await dialog.getByLabel('证书编号').press('Control+S');
  await expect(dialog).toBeHidden();
  const row = desk.getByTestId('technicians-table').getByRole('row', { name: /周建国/ });
  await expect(row).toContainText('138 1234 0000');
  await expect(row).toContainText('投影仪');
  await expect(row).toContainText('RD-2021-77');
  expect((await backend.ok('technicians:list', {})).find((t) => t.name === '周建国')).toMatchObject({ phone: '13812340000', skills: ['投影仪', '弱电'] });

  // Today's two visits: 赵师傅 has both, 钱工 the afternoon one; the ticket number opens the ticket.
  const day = desk.getByTestId('technician-day');
  await expect(day.getByRole('row')).toHaveCount(3 + 2);
  await expect(day).toContainText('09:00–11:00');
  await expect(day).toContainText('西湖花园物业管理处');
  await expect(day).toContainText('已预约');
  await screenshot(desk, testInfo, 'technicians-zh', true);

  await desk.getByRole('button', { name: '后一天' }).click();
  await expect(desk.getByTestId('day-empty')).toBeVisible();
  await desk.getByRole('button', { name: '今天' }).click();
  await day.getByRole('button', { name: /GD-/ }).first().click();
  await expect(desk).toHaveURL(/#\/tickets\/\d+$/);
  expect(problems).toEqual([]);
});

test('a part added, received and counted, with its moves', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await seedStock(backend);
  await open(desk, 'parts');
  const table = desk.getByTestId('parts-table');
  await expect(table).toBeVisible();
  // Low stock (at or below the reorder level) stands out.
  await expect(table.getByRole('row', { name: /PCB-35GW/ })).toHaveAttribute('data-low', 'true');
  await expect(table.getByRole('row', { name: /CAP-35UF/ })).not.toHaveAttribute('data-low', 'true');
  await screenshot(desk, testInfo, 'parts-zh', true);

  await desk.getByRole('button', { name: /新增备件/ }).click();
  const dialog = desk.getByRole('dialog', { name: '新增备件' });
  await expect(dialog.getByLabel('零件号')).toBeFocused();
  await desk.keyboard.type('cap-35uf');
  await dialog.getByLabel('名称').fill('四通阀线圈');
  await dialog.getByLabel('成本价（元）').fill('12.3.4');
  await dialog.getByLabel('零售价（元）').fill('45');
  await dialog.getByLabel('零售价（元）').press('Enter');
  await expect(dialog.getByText('请填写金额，如 128 或 128.50')).toBeVisible();
  await dialog.getByLabel('成本价（元）').fill('18.29');
  await dialog.getByLabel('补货线').fill('3');
  await dialog.getByLabel('期初库存').fill('2');
  await dialog.getByLabel('期初库存').press('Control+S');
  // The number is taken (case does not matter): said under the field, nothing saved.
  await expect(dialog.getByText('零件号 CAP-35UF 已被“压缩机启动电容 35μF”使用。')).toBeVisible();
  await dialog.getByLabel('零件号').fill('COIL-4V');
  await dialog.getByLabel('零件号').press('Control+S');
  await expect(dialog).toBeHidden();
  const row = table.getByRole('row', { name: /COIL-4V/ });
  await expect(row).toContainText('¥18.29');
  await expect(row).toHaveAttribute('data-low', 'true');
  const created = (await backend.ok('parts:list', { query: 'COIL' }))[0]!;
  expect(created).toMatchObject({ costFen: 1829, priceFen: 4500, quantity: 2, reorderLevel: 3 });

  await row.getByRole('button', { name: '入库 COIL-4V' }).click();
  const receive = desk.getByRole('dialog', { name: '入库：COIL-4V 四通阀线圈' });
  await expect(receive.getByLabel('入库数量')).toBeFocused();
  await desk.keyboard.type('10');
  await expect(receive.getByTestId('stock-after')).toHaveText('入库后 12');
  await receive.getByLabel('备注').fill('送货单 SH-1102');
  await receive.getByLabel('备注').press('Enter');
  await expect(receive).toBeHidden();
  await expect(row.getByRole('cell').nth(4)).toHaveText('12');
  await expect(row).not.toHaveAttribute('data-low', 'true');

  await row.getByRole('button', { name: '盘点调整 COIL-4V' }).click();
  const adjust = desk.getByRole('dialog', { name: '盘点调整：COIL-4V 四通阀线圈' });
  await desk.keyboard.type('-13');
  await adjust.getByLabel('原因').fill('月末盘点');
  await adjust.getByLabel('原因').press('Enter');
  await expect(adjust.getByText('调整后会小于 0，库存不能为负数')).toBeVisible();
  await adjust.getByLabel('调整数量').fill('-1');
  await adjust.getByLabel('原因').press('Enter');
  await expect(adjust).toBeHidden();
  await expect(row.getByRole('cell').nth(4)).toHaveText('11');

  await row.getByRole('button', { name: '出入库记录 COIL-4V' }).click();
  const moves = desk.getByRole('dialog', { name: '出入库记录：COIL-4V 四通阀线圈' }).getByTestId('moves-table');
  await expect(moves.getByRole('row')).toHaveCount(4);
  await expect(moves.getByRole('row').nth(1)).toContainText('盘点调整');
  await expect(moves.getByRole('row').nth(1)).toContainText('-1');
  await expect(moves.getByRole('row').nth(2)).toContainText('送货单 SH-1102');
  await expect(moves.getByRole('row').nth(3)).toContainText('期初库存');
  await expect(moves.getByRole('row').nth(3)).toContainText('王芳');
  await screenshot(desk, testInfo, 'parts-moves-zh', true);
  await desk.keyboard.press('Escape');

  await desk.getByRole('tab', { name: '零件更换清单' }).click();
  await expect(desk.getByTestId('monthly-totals')).toContainText('合计');
  await screenshot(desk, testInfo, 'parts-monthly-zh', true);
  await desk.getByRole('tab', { name: '备机' }).click();
  await expect(desk.getByTestId('loans-table')).toContainText('备用空调 1 号');
  await screenshot(desk, testInfo, 'parts-loaners-zh', true);
  await desk.getByRole('tab', { name: '工时费' }).click();
  await expect(desk.getByTestId('fees-table')).toContainText('¥100.00');
  expect(problems).toEqual([]);
});

test('parts and technicians in English', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await seedStock(backend);
  await backend.ok('settings:update', { language: 'en' });
  await open(desk, 'parts');
  await expect(desk.getByTestId('parts-table')).toContainText('Reorder');
  await screenshot(desk, testInfo, 'parts-en', true);
  await desk.getByRole('tab', { name: 'Parts replaced' }).click();
  await expect(desk.getByTestId('monthly-table')).toContainText('CAP-35UF');
  await screenshot(desk, testInfo, 'parts-monthly-en', true);
  await open(desk, 'technicians');
  await expect(desk.getByTestId('technician-day')).toContainText('09:00–11:00');
  await screenshot(desk, testInfo, 'technicians-en', true);
  expect(problems).toEqual([]);
});
