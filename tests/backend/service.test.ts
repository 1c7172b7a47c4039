import { afterEach, describe, expect, it } from 'vitest';
import { STANDARD_TERMS } from '../../shared/domain/sla';
import type { CalendarView } from '../../shared/schemas/service';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person } from '../support/sample';

let backend: TestBackend;
// The desk's clock, moved by each test; the app reads it through ctx.now().
let now = new Date(2026, 10, 22, 10, 0);
async function open(at: Date): Promise<TestBackend> {
  now = at;
  backend = await openTestBackend(undefined, () => now);
  return backend;
}
afterEach(async () => {
  await backend.close();
});

const count = (table: string) => (backend.store.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const year = (view: CalendarView, y: number) => view.years.find((entry) => entry.year === y);

/** A ticket under a given service level, reported through the ticket service itself. */
async function reportTicket(customerId: number, serviceLevelId: number) {
  return backend.ok('tickets:create', {
    customerId,
    serviceLevelId,
    unregisteredUnit: { brand: '格力', model: 'KFR-35GW', serial: null },
    faultReported: '不制冷',
    faultCategory: 'notCooling',
  });
}

describe('service levels', () => {
  it('starts with the two seeded levels, the standard one as default', async () => {
    await open(new Date(2026, 10, 22, 10, 0));
    const levels = await backend.ok('serviceLevels:list', {});
    expect(levels.map((l) => [l.name, l.isDefault, l.ticketCount])).toEqual([
      ['标准服务', true, 0],
      ['基础服务', false, 0],
    ]);
    expect(levels[0]!.terms).toEqual(STANDARD_TERMS);
  });

  it('moves the default to a new level in the same write, leaving exactly one', async () => {
    await open(new Date(2026, 10, 22, 10, 0));
    const vip = await backend.ok('serviceLevels:create', { name: 'VIP 服务', isDefault: true, terms: STANDARD_TERMS });
    const levels = await backend.ok('serviceLevels:list', {});
    expect(levels.filter((l) => l.isDefault).map((l) => l.id)).toEqual([vip.id]);
    const basic = levels.find((l) => l.name === '基础服务')!;
    await backend.ok('serviceLevels:update', { id: basic.id, name: basic.name, isDefault: true, terms: basic.terms });
    expect((await backend.ok('serviceLevels:list', {})).filter((l) => l.isDefault).map((l) => l.name)).toEqual(['基础服务']);
  });

  it('refuses to unset the default except by naming another one, and changes nothing', async () => {
    await open(new Date(2026, 10, 22, 10, 0));
    const standard = (await backend.ok('serviceLevels:list', {}))[0]!;
    const error = await backend.fails('serviceLevels:update', { id: standard.id, name: '改名', isDefault: false, terms: standard.terms });
    expect(error.code).toBe('VALIDATION');
    expect(error.details.message).toEqual({ key: 'service.errors.defaultRequired' });
    expect(await backend.ok('serviceLevels:list', {})).toContainEqual(standard);
  });

  it('refuses a name another level has, whatever its case', async () => {
    await open(new Date(2026, 10, 22, 10, 0));
    await backend.ok('serviceLevels:create', { name: 'Gold', terms: STANDARD_TERMS });
    const error = await backend.fails('serviceLevels:create', { name: 'gold', terms: STANDARD_TERMS });
    expect(error.code).toBe('CONFLICT');
    expect(error.details.fields?.name).toEqual([{ key: 'service.errors.levelNameTaken', params: { name: 'Gold' } }]);
    const basic = (await backend.ok('serviceLevels:list', {})).find((l) => l.name === '基础服务')!;
    expect((await backend.fails('serviceLevels:update', { id: basic.id, name: '标准服务', isDefault: false, terms: basic.terms })).code).toBe('CONFLICT');
    expect(count('service_levels')).toBe(3);
  });

  it('counts the tickets that use a level', async () => {
    await open(new Date(2026, 10, 22, 10, 0));
    const customer = await backend.ok('customers:create', person());
    const basic = (await backend.ok('serviceLevels:list', {})).find((l) => l.name === '基础服务')!;
    await reportTicket(customer.id, basic.id);
    await reportTicket(customer.id, basic.id);
    const levels = await backend.ok('serviceLevels:list', {});
    expect(levels.map((l) => [l.name, l.ticketCount])).toEqual([
      ['标准服务', 0],
      ['基础服务', 2],
    ]);
  });

  it('refuses a zero duration with the field that has it', async () => {
    await open(new Date(2026, 10, 22, 10, 0));
    const terms = structuredClone(STANDARD_TERMS);
    terms.targets.suburban.major.fix = { amount: 0, unit: 'hours' };
    const error = await backend.fails('serviceLevels:create', { name: '坏的', terms });
    expect(error.details.fields?.['terms.targets.suburban.major.fix.amount']).toEqual([{ key: 'validation.durationPositive' }]);
  });
});

const NEW_YEAR_2027 = { name: '元旦', en: "New Year's Day", from: '2027-01-01', to: '2027-01-03' };

describe('working calendar', () => {
  it('lists the shipped years and asks for 2027 from November 2026', async () => {
    await open(new Date(2026, 10, 22, 10, 0));
    const view = await backend.ok('calendar:get', {});
    expect(view.years.map((y) => [y.year, y.source])).toEqual([
      [2025, 'shipped'],
      [2026, 'shipped'],
    ]);
    expect(year(view, 2026)!.holidays).toHaveLength(7);
    expect(view.missingYear).toBe(2027);
    // Meanwhile the years around today the calendar lacks use the law's holidays, shown as such.
    expect(view.provisional.map((y) => y.year)).toEqual([2027, 2028, 2029]);
    expect(view.provisional[0]!.holidays).toContainEqual({ name: '国庆节', en: 'National Day', from: '2027-10-01', to: '2027-10-05' });
  });

  it('does not ask for next year before November', async () => {
    await open(new Date(2026, 9, 31, 10, 0));
    expect((await backend.ok('calendar:get', {})).missingYear).toBeNull();
  });

  it('takes a 2027 schedule entered at the desk, and stops asking for it', async () => {
    await open(new Date(2026, 10, 22, 10, 0));
    const view = await backend.ok('calendar:saveYear', { year: 2027, holidays: [NEW_YEAR_2027], workdays: ['2027-01-09'] });
    expect(view.missingYear).toBeNull();
    expect(view.years.map((y) => y.year)).toEqual([2025, 2026, 2027]);
    expect(year(view, 2027)).toEqual({ year: 2027, holidays: [NEW_YEAR_2027], workdays: ['2027-01-09'], source: 'edited' });
    expect(view.provisional.map((y) => y.year)).toEqual([2028, 2029]);
    // Reopening the same data folder finds it stored, not only cached.
    await backend.close();
    backend = await openTestBackend(backend.dir, () => now);
    expect((await backend.ok('calendar:get', {})).missingYear).toBeNull();
    const reset = await backend.ok('calendar:resetYear', { year: 2027 });
    expect(reset.years.map((y) => y.year)).toEqual([2025, 2026]);
    expect(reset.missingYear).toBe(2027);
  });

  it('lets an edited 2026 replace the shipped one until it is reset', async () => {
    await open(new Date(2026, 10, 22, 10, 0));
    const only = { name: '元旦', en: "New Year's Day", from: '2026-01-01', to: '2026-01-01' };
    const edited = await backend.ok('calendar:saveYear', { year: 2026, holidays: [only], workdays: [] });
    expect(year(edited, 2026)).toEqual({ year: 2026, holidays: [only], workdays: [], source: 'edited' });
    expect(edited.years).toHaveLength(2);
    const reset = await backend.ok('calendar:resetYear', { year: 2026 });
    expect(year(reset, 2026)!.source).toBe('shipped');
    expect(year(reset, 2026)!.holidays).toHaveLength(7);
  });

  it('refuses overlapping holidays and misplaced working days, naming each line, and stores nothing', async () => {
    await open(new Date(2026, 10, 22, 10, 0));
    const error = await backend.fails('calendar:saveYear', {
      year: 2027,
      holidays: [NEW_YEAR_2027, { name: '假元旦', en: 'Fake', from: '2027-01-03', to: '2027-01-04' }],
      // A Wednesday, a Sunday inside New Year, and the same Saturday twice.
      workdays: ['2027-01-06', '2027-01-03', '2027-01-09', '2027-01-09'],
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details.message).toEqual({ key: 'service.errors.calendarInvalid', params: { year: 2027 } });
    expect(error.details.fields).toEqual({
      'holidays.1.from': [{ key: 'service.errors.holidayOverlap', params: { name: '元旦' } }],
      'workdays.0': [{ key: 'service.errors.workdayNotWeekend', params: { date: '2027-01-06' } }],
      'workdays.1': [{ key: 'service.errors.workdayInHoliday', params: { date: '2027-01-03', name: '元旦' } }],
      'workdays.3': [{ key: 'service.errors.workdayTwice', params: { date: '2027-01-09' } }],
    });
    expect(count('calendar_years')).toBe(0);
  });

  it('refuses a holiday that ends before it starts or lies outside the year, through the schema', async () => {
    await open(new Date(2026, 10, 22, 10, 0));
    const error = await backend.fails('calendar:saveYear', {
      year: 2027,
      holidays: [{ ...NEW_YEAR_2027, from: '2027-01-03', to: '2027-01-01' }, { ...NEW_YEAR_2027, name: '错年', from: '2028-05-01', to: '2028-05-01' }],
      workdays: [],
    });
    expect(error.details.fields).toMatchObject({
      'holidays.0.to': [{ key: 'validation.holidayOrder' }],
      'holidays.1.from': [{ key: 'validation.dateOutsideYear' }],
    });
    expect(count('calendar_years')).toBe(0);
  });
});
