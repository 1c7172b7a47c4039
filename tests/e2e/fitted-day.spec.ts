import { localDay } from '../../shared/domain/dates';
import { person, seedModel } from '../support/sample';
import { expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

/** A repair over two visits: the part went in on the first, the ticket was completed on the second. */
test('the day a part was fitted is shown under it and set on the ticket; a day before the call is refused under the field', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  const day = 86_400_000;
  await backend.ok('settings:update', { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234' });
  const model = await seedModel(backend);
  const customer = await backend.ok('customers:create', person());
  const unit = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'GL2026A0001', purchaseDate: '2026-03-01', acceptanceDate: '2026-03-05' });
  const part = await backend.ok('parts:create', { partNumber: 'PCB-35', name: '室内机主控板', costFen: 20_000, priceFen: 35_000, quantity: 3, reorderLevel: 1 });
  const reported = Date.now() - 3 * day;
  const ticket = await backend.ok('tickets:create', { customerId: customer.id, unitId: unit.id, faultReported: '不制冷', faultCategory: 'notCooling', reportedAt: reported });
  await backend.ok('tickets:transition', { id: ticket.id, to: 'answered', at: reported + 600_000 });
  await backend.ok('tickets:addPart', { id: ticket.id, partId: part.id, quantity: 1 });

  await desk.goto(`/#/tickets/${ticket.id}`);
  const parts = desk.getByTestId('ticket-parts');
  // Not resolved yet and not set: it will take the completion day.
  await expect(parts.getByTestId('part-fitted')).toHaveText('完工日为更换日');
  await parts.getByRole('button', { name: '完工日为更换日：改 室内机主控板 的更换日期' }).click();
  const field = desk.getByRole('textbox', { name: '更换日期' });
  await expect(field).toBeFocused();
  await field.fill(localDay(reported - day));
  await field.press('Enter');
  await expect(desk.getByText(`更换日期不能早于报修日（${localDay(reported)}）`)).toBeVisible();
  expect((await backend.ok('tickets:get', { id: ticket.id })).parts[0]!.fittedSet).toBe(false);

  const fitted = localDay(reported + day);
  await field.fill(fitted.replace(/-/g, '/'));
  await field.press('Enter');
  await expect(parts.getByTestId('part-fitted')).toHaveText(`更换于 ${fitted}`);
  await screenshot(desk, testInfo, 'ticket-part-fitted', true);
  const saved = (await backend.ok('tickets:get', { id: ticket.id })).parts[0]!;
  expect(saved).toMatchObject({ fittedOn: fitted, fittedSet: true });
  expect(problems).toEqual([]);
});
