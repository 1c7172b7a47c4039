import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { todayIso } from '../../shared/domain/dates';
import { openTestBackend, type TestBackend } from '../support/backend';

let backend: TestBackend;
let customerId: number;
beforeEach(async () => {
  backend = await openTestBackend();
  customerId = (await backend.ok('customers:create', { name: '张三', phone: '13812345678' })).id;
});
afterEach(async () => {
  await backend.close();
});

const unit = () => ({
  customerId,
  brand: '格力',
  model: 'KFR-35GW',
  serial: 'GL2026A0001',
  purchaseDate: '2026-03-01',
  acceptanceDate: '2026-03-05',
  warrantyMonths: 12,
});
const count = () => (backend.store.sqlite.prepare('select count(*) as n from units').get() as { n: number }).n;

describe('units', () => {
  it('registers a unit with its warranty term', async () => {
    const created = await backend.ok('units:create', unit());
    expect(created).toMatchObject({ customerName: '张三', serial: 'GL2026A0001', acceptanceDate: '2026-03-05' });
    expect(created.warranty).toMatchObject({ basis: 'acceptance', start: '2026-03-05', end: '2027-03-05', months: 12 });
    expect(created.warranty.state).toBe(todayIso() > '2027-03-05' ? 'expired' : todayIso() >= '2027-02-03' ? 'ending' : 'active');
    expect(await backend.ok('units:listByCustomer', { customerId })).toEqual([created]);
    expect((await backend.ok('customers:get', { id: customerId })).unitCount).toBe(1);
  });

  it('refuses a serial already used on the same model, naming the unit that has it', async () => {
    const first = await backend.ok('units:create', unit());
    const error = await backend.fails('units:create', { ...unit(), serial: 'gl2026a0001', brand: '格力 ' });
    expect(error.code).toBe('CONFLICT');
    const params = { serial: 'GL2026A0001', brand: '格力', model: 'KFR-35GW', customer: '张三', unitId: first.id };
    expect(error.details.message).toEqual({ key: 'errors.serialTaken', params });
    expect(error.details.fields?.serial).toEqual([{ key: 'errors.serialTaken', params }]);
    expect(count()).toBe(1);
  });

  it('allows the same serial on another model, and editing a unit keeps its own serial', async () => {
    const first = await backend.ok('units:create', unit());
    await backend.ok('units:create', { ...unit(), model: 'KFR-50LW' });
    const edited = await backend.ok('units:update', { ...unit(), id: first.id, warrantyMonths: 36 });
    expect(edited.warranty.end).toBe('2029-03-05');
    const clash = await backend.fails('units:update', { ...unit(), id: first.id, model: 'KFR-50LW' });
    expect(clash.code).toBe('CONFLICT');
  });

  it('rejects bad dates and unknown customers, writing nothing', async () => {
    const error = await backend.fails('units:create', { ...unit(), acceptanceDate: '2026-02-01', serial: ' ' });
    expect(error.code).toBe('VALIDATION');
    expect(error.details.fields).toMatchObject({
      acceptanceDate: [{ key: 'validation.acceptanceBeforePurchase' }],
      serial: [{ key: 'validation.required' }],
    });
    const orphan = await backend.fails('units:create', { ...unit(), customerId: 4242 });
    expect(orphan.code).toBe('NOT_FOUND');
    expect(count()).toBe(0);
  });
});
