import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProductModel } from '../../shared/schemas/product';
import { openTestBackend, type TestBackend } from '../support/backend';
import { AIRCON_POLICY, person, seedModel } from '../support/sample';
import { translator } from '../../shared/i18n';

let backend: TestBackend;
let customerId: number;
let model: ProductModel;
beforeEach(async () => {
  backend = await openTestBackend(undefined, () => new Date('2026-11-22T10:00:00+08:00'));
  customerId = (await backend.ok('customers:create', person())).id;
  model = await seedModel(backend);
});
afterEach(async () => {
  await backend.close();
});

const unit = () => ({
  customerId,
  modelId: model.id,
  serial: 'GL2026A0001',
  purchaseDate: '2026-03-01',
  acceptanceDate: '2026-03-05',
  invoiceNumber: 'FP-0001',
});
const count = () => (backend.store.sqlite.prepare('select count(*) as n from units').get() as { n: number }).n;

describe('units', () => {
  it('registers a unit under its model and policy, with the warranty per component', async () => {
    const created = await backend.ok('units:create', unit());
    expect(created).toMatchObject({ customerName: '张三', brand: '格力', model: 'KFR-35GW', category: '空调', status: 'inService', serial: 'GL2026A0001' });
    expect(created.policy).toMatchObject({ name: AIRCON_POLICY.name, version: 1, basis: 'acceptance' });
    const ends = Object.fromEntries(created.warranty.components.map((c) => [c.key, c.end]));
    // Accessories end on Saturday 2026-09-05: the working calendar moves the last day to Monday.
    expect(ends).toEqual({ whole: '2027-03-05', accessories: '2026-09-07', compressor: '2029-03-05' });
    expect(created.warranty.summary).toBe('active');
    expect(await backend.ok('units:listByCustomer', { customerId })).toEqual([created]);
    expect(await backend.ok('units:history', { id: created.id })).toMatchObject([{ status: 'inService' }]);
  });

  it('keeps the policy version a unit was sold under when the policy is edited', async () => {
    const before = await backend.ok('units:create', unit());
    await backend.ok('policies:update', { id: before.policy.policyId, ...AIRCON_POLICY, components: [{ key: 'whole', name: '整机', months: 24 }] });
    const after = await backend.ok('units:create', { ...unit(), serial: 'GL2026A0002' });
    expect((await backend.ok('units:get', { id: before.id })).warranty.components[0]!.end).toBe('2027-03-05');
    expect(after.policy.version).toBe(2);
    // 2028-03-05 is a Sunday.
    expect(after.warranty.components.map((c) => c.end)).toEqual(['2028-03-06']);
  });

  it('refuses a serial already used on the same model, naming the unit that has it', async () => {
    const first = await backend.ok('units:create', unit());
    const error = await backend.fails('units:create', { ...unit(), serial: 'gl2026a0001' });
    expect(error.code).toBe('CONFLICT');
    const params = { serial: 'GL2026A0001', brand: '格力', model: 'KFR-35GW', customer: '张三' };
    expect(error.details.message).toEqual({ key: 'errors.serialTaken', params });
    expect(error.details.fields?.serial).toEqual([{ key: 'errors.serialTaken', params }]);
    expect(error.details.existingUnitId).toBe(first.id);
    // The clerk reads the serial and the owner in words, never the database's unit number (issue 13).
    expect(translator('zh-CN')('errors.serialTaken', params)).toBe('序列号 GL2026A0001 已登记在 张三 名下（格力 KFR-35GW）。同一型号的序列号不能重复。');
    expect(translator('en')('errors.serialTaken', params)).toBe('Serial number GL2026A0001 is already registered to 张三 (格力 KFR-35GW). A serial number can be used only once per model.');
    expect(count()).toBe(1);
  });

  it('allows the same serial on another model, and finds both by serial', async () => {
    await backend.ok('units:create', unit());
    const other = await seedModel(backend, '美的', 'KFR-26GW');
    await backend.ok('units:create', { ...unit(), modelId: other.id });
    expect((await backend.ok('units:findBySerial', { serial: 'gl2026a0001' })).map((u) => u.brand).sort()).toEqual(['格力', '美的']);
  });

  it('records status changes with a history, and exclusions override coverage with the reason', async () => {
    const created = await backend.ok('units:create', unit());
    await backend.ok('units:setStatus', { id: created.id, status: 'atWorkshop', note: '返厂检测' });
    const history = await backend.ok('units:history', { id: created.id });
    expect(history.map((h) => h.status)).toEqual(['atWorkshop', 'inService']);
    const excluded = await backend.ok('units:addExclusion', { unitId: created.id, reason: 'physicalDamage', decidedOn: '2026-11-20', note: '外壳摔裂' });
    expect(excluded.warranty.summary).toBe('excluded');
    expect(excluded.warranty.components.every((c) => !c.covered)).toBe(true);
    const partial = await backend.ok('units:create', { ...unit(), serial: 'GL2026A0009' });
    const oneComponent = await backend.ok('units:addExclusion', { unitId: partial.id, reason: 'misuse', componentKey: 'accessories', decidedOn: '2026-11-20' });
    expect(oneComponent.warranty.components.map((c) => c.covered)).toEqual([true, false, true]);
    expect((await backend.fails('units:addExclusion', { unitId: partial.id, reason: 'misuse', componentKey: 'nozzle', decidedOn: '2026-11-20' })).code).toBe('VALIDATION');
  });

  it('rejects dates out of order, blank serials and unknown customers or models, writing nothing', async () => {
    const error = await backend.fails('units:create', { ...unit(), acceptanceDate: '2026-02-01', installDate: '2026-01-01', serial: ' ' });
    expect(error.code).toBe('VALIDATION');
    expect(error.details.fields).toMatchObject({
      acceptanceDate: [{ key: 'validation.acceptanceBeforePurchase' }],
      installDate: [{ key: 'validation.installBeforePurchase' }],
      serial: [{ key: 'validation.required' }],
    });
    expect((await backend.fails('units:create', { ...unit(), customerId: 4242 })).code).toBe('NOT_FOUND');
    expect((await backend.fails('units:create', { ...unit(), modelId: 4242 })).code).toBe('NOT_FOUND');
    expect(count()).toBe(0);
    expect(await backend.ok('search:query', { query: 'GL2026A0001' })).toEqual([]);
  });
});

describe('warranty rules from settings', () => {
  it('applies the company rules to every unit, and falls back to the defaults for rules not saved', async () => {
    const settings = await backend.ok('settings:get', {});
    expect(settings.warrantyRules.downtimeExtensionDays).toBe(60);
    await backend.ok('settings:update', { warrantyRules: { ...settings.warrantyRules, restDayRule: 'holidays', partPaidMonths: 6 } });
    expect((await backend.ok('settings:get', {})).warrantyRules).toMatchObject({ restDayRule: 'holidays', partPaidMonths: 6, refundDays: 7 });
    const unknownRule = await backend.fails('settings:update', { warrantyRules: { ...settings.warrantyRules, restDayRule: 'weekends' } });
    expect(unknownRule.details.fields).toHaveProperty(['warrantyRules.restDayRule']);
    const bad = await backend.fails('settings:update', { warrantyRules: { ...settings.warrantyRules, refundDays: -1 } });
    expect(bad.details.fields).toHaveProperty(['warrantyRules.refundDays']);
  });

  it('moves a last day off a rest day by the rule the company chose', async () => {
    // Acceptance 2025-10-01 + 12 months ends on 2026-10-01, inside the National Day holiday;
    // 2025-03-07 + 12 months on Saturday 2026-03-07.
    const onHoliday = await backend.ok('units:create', { ...unit(), serial: 'HOL1', purchaseDate: '2025-09-20', acceptanceDate: '2025-10-01' });
    const onSaturday = await backend.ok('units:create', { ...unit(), serial: 'SAT1', purchaseDate: '2025-03-01', acceptanceDate: '2025-03-07' });
    const ends = async () => [
      (await backend.ok('units:get', { id: onHoliday.id })).warranty.components[0]!.end,
      (await backend.ok('units:get', { id: onSaturday.id })).warranty.components[0]!.end,
    ];
    expect(await ends()).toEqual(['2026-10-08', '2026-03-09']);
    const settings = await backend.ok('settings:get', {});
    await backend.ok('settings:update', { warrantyRules: { ...settings.warrantyRules, restDayRule: 'holidays' } });
    expect(await ends()).toEqual(['2026-10-08', '2026-03-07']);
    await backend.ok('settings:update', { warrantyRules: { ...settings.warrantyRules, restDayRule: 'off' } });
    expect(await ends()).toEqual(['2026-10-01', '2026-03-07']);
  });

  it('counts a 2027 last day against the law\'s holidays, provisionally, until the desk enters the published schedule', async () => {
    // 2026-10-01 + 12 months: 2027-10-01, National Day, whose 2027 schedule is not published.
    const created = await backend.ok('units:create', { ...unit(), serial: 'NAT27', purchaseDate: '2026-09-20', acceptanceDate: '2026-10-01' });
    expect(created.warranty.components[0]).toMatchObject({ end: '2027-10-06', provisional: true });
    const lines = created.warranty.components[0]!.reasons.map((r) => r.key);
    expect(lines).toEqual(expect.arrayContaining(['warranty.term.holiday', 'warranty.term.provisional']));
    await backend.ok('calendar:saveYear', {
      year: 2027,
      holidays: [{ name: '国庆节', en: 'National Day', from: '2027-10-01', to: '2027-10-07' }],
      workdays: ['2027-10-09'],
    });
    const after = (await backend.ok('units:get', { id: created.id })).warranty.components[0]!;
    expect(after).toMatchObject({ end: '2027-10-08', provisional: false });
    expect(after.reasons.map((r) => r.key)).not.toContain('warranty.term.provisional');
  });

  it.each([
    { name: 'a saved true (the old default) reads as the working calendar', saved: { extendPastHoliday: true, partPaidMonths: 6 }, rule: 'calendar' },
    { name: 'a saved false stays off', saved: { extendPastHoliday: false, partPaidMonths: 6 }, rule: 'off' },
    { name: 'rules saved before the switch existed get the default', saved: { partPaidMonths: 6 }, rule: 'calendar' },
    { name: 'a rule saved in the new shape is read as it is', saved: { restDayRule: 'holidays', extendPastHoliday: true, partPaidMonths: 6 }, rule: 'holidays' },
  ])('settings saved by an older version: $name', async ({ saved, rule }) => {
    backend.store.sqlite.prepare("insert or replace into settings (key, value) values ('warrantyRules', ?)").run(JSON.stringify(saved));
    const read = (await backend.ok('settings:get', {})).warrantyRules;
    expect(read).toMatchObject({ restDayRule: rule, partPaidMonths: 6, refundDays: 7 });
    expect(read).not.toHaveProperty('extendPastHoliday');
    // Saving them back keeps the rule; an old client sending the old switch along has it dropped.
    await backend.ok('settings:update', { warrantyRules: { ...read, extendPastHoliday: true } as typeof read });
    const stored = backend.store.sqlite.prepare("select value from settings where key = 'warrantyRules'").get() as { value: string };
    expect(JSON.parse(stored.value)).toMatchObject({ restDayRule: rule, partPaidMonths: 6 });
    expect(JSON.parse(stored.value)).not.toHaveProperty('extendPastHoliday');
  });
});
