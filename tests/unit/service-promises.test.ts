import { describe, expect, it } from 'vitest';
import {
  intervalWording,
  isRoundTheClock,
  returnSlipDeadline,
  servicePromises,
  type HotlineHours,
  type Interval,
} from '../../shared/domain/service-promises';
import { BASIC_TERMS, STANDARD_TERMS, type ServiceLevelTerms } from '../../shared/domain/sla';
import { settingsUpdateInput } from '../../shared/schemas/settings';

describe('the promises a service level makes', () => {
  it('prints the seeds’ standard level: 30 min answer everywhere, 2 h / 12 h / 24 h on site, 4 h / 8 h fixed, a loaner in 48 h', () => {
    const p = servicePromises(STANDARD_TERMS);
    expect(p.answer).toEqual([{ regions: ['urban', 'suburban', 'other'], duration: { amount: 30, unit: 'minutes' } }]);
    expect(p.arrival).toEqual([
      { regions: ['urban'], duration: { amount: 2, unit: 'hours' } },
      { regions: ['suburban'], duration: { amount: 12, unit: 'hours' } },
      { regions: ['other'], duration: { amount: 24, unit: 'hours' } },
    ]);
    expect(p.fixOrdinary).toEqual([{ regions: ['urban', 'suburban', 'other'], duration: { amount: 4, unit: 'hours' } }]);
    expect(p.fixMajor).toEqual([{ regions: ['urban', 'suburban', 'other'], duration: { amount: 8, unit: 'hours' } }]);
    expect(p.loaner).toEqual({ amount: 48, unit: 'hours' });
  });

  it('puts regions that share a promise together (the basic level: next working day outside town)', () => {
    expect(servicePromises(BASIC_TERMS).arrival).toEqual([
      { regions: ['urban'], duration: { amount: 4, unit: 'hours' } },
      { regions: ['suburban', 'other'], duration: { amount: 1, unit: 'workingDays' } },
    ]);
  });

  it('reads the ordinary fault for answer and arrival: an emergency is the desk’s to triage', () => {
    const terms: ServiceLevelTerms = structuredClone(STANDARD_TERMS);
    terms.targets.urban.emergency.arrival = { amount: 15, unit: 'minutes' };
    terms.targets.urban.ordinary.answer = { amount: 20, unit: 'minutes' };
    const p = servicePromises(terms);
    expect(p.arrival[0]).toEqual({ regions: ['urban'], duration: { amount: 2, unit: 'hours' } });
    expect(p.answer).toEqual([
      { regions: ['urban'], duration: { amount: 20, unit: 'minutes' } },
      { regions: ['suburban', 'other'], duration: { amount: 30, unit: 'minutes' } },
    ]);
  });
});

describe('scheduled service wording', () => {
  it.each<[string, Interval, ReturnType<typeof intervalWording>]>([
    ['every month is 月', { every: 1, unit: 'months' }, { key: 'monthly', count: 1 }],
    ['every three months is 季', { every: 3, unit: 'months' }, { key: 'quarterly', count: 3 }],
    ['every six months is 半年', { every: 6, unit: 'months' }, { key: 'halfYearly', count: 6 }],
    ['every twelve months is 年', { every: 12, unit: 'months' }, { key: 'yearly', count: 12 }],
    ['another number of months is counted', { every: 2, unit: 'months' }, { key: 'everyMonths', count: 2 }],
    ['days are counted (elevators: every 15 days)', { every: 15, unit: 'days' }, { key: 'everyDays', count: 15 }],
  ])('%s', (_case, interval, wording) => {
    expect(intervalWording(interval)).toEqual(wording);
  });
});

describe('the hotline’s hours', () => {
  it.each<[string, HotlineHours, boolean]>([
    ['every day 00:00–24:00 is 7×24', { days: 'everyDay', from: '00:00', to: '24:00' }, true],
    ['a duty desk to midnight is not', { days: 'everyDay', from: '08:00', to: '24:00' }, false],
    ['working days round the clock is not', { days: 'workingDays', from: '00:00', to: '24:00' }, false],
  ])('%s', (_case, hours, allDay) => {
    expect(isRoundTheClock(hours)).toBe(allDay);
  });
});

describe('the return slip’s deadline', () => {
  it.each<[string, string | null, number, string | null]>([
    ['one month after purchase, the same day of the month', '2026-03-02', 1, '2026-04-02'],
    ['a month with no such day ends on its last day', '2026-01-31', 1, '2026-02-28'],
    ['across the year', '2026-12-15', 2, '2027-02-15'],
    ['no purchase date, no day to print', null, 1, null],
  ])('%s', (_case, purchase, months, due) => {
    expect(returnSlipDeadline(purchase, months)).toBe(due);
  });
});

describe('the card settings as the desk types them', () => {
  const check = (input: unknown) => settingsUpdateInput.safeParse(input);
  const messages = (input: unknown) => {
    const r = check(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
  };

  it('takes the seeds’ values, and an empty contact as none', () => {
    const r = check({
      hotlineHours: { days: 'everyDay', from: '00:00', to: '24:00' },
      serviceContact: { department: ' 客户服务部 ', person: '', phone: '0571-88881234' },
      returnSlip: { months: 1, address: '' },
      scheduledService: { callback: { every: 1, unit: 'months' }, inspection: { every: 3, unit: 'months' }, maintenance: null },
    });
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ serviceContact: { department: '客户服务部', person: null, phone: '0571-88881234' }, returnSlip: { months: 1, address: null } });
  });

  it.each<[string, unknown, string]>([
    ['hours that end before they start', { hotlineHours: { days: 'everyDay', from: '18:00', to: '08:00' } }, 'hotlineHours.to validation.hotlineHoursOrder'],
    ['a time that is not one', { hotlineHours: { days: 'everyDay', from: '8点', to: '18:00' } }, 'hotlineHours.from validation.time'],
    ['a start at 24:00', { hotlineHours: { days: 'everyDay', from: '24:00', to: '24:00' } }, 'hotlineHours.from validation.time'],
    ['a slip due back in 0 months', { returnSlip: { months: 0, address: null } }, 'returnSlip.months validation.returnMonths'],
    ['a slip due back in 13 months', { returnSlip: { months: 13, address: null } }, 'returnSlip.months validation.returnMonths'],
    ['a visit every 0 months', { scheduledService: { callback: { every: 0, unit: 'months' }, inspection: null, maintenance: null } }, 'scheduledService.callback.every validation.intervalPositive'],
    ['a visit every 400 days', { scheduledService: { callback: null, inspection: { every: 400, unit: 'days' }, maintenance: null } }, 'scheduledService.inspection.every validation.intervalTooLong'],
    ['a contact phone that is not one', { serviceContact: { department: null, person: null, phone: '12345' } }, 'serviceContact.phone validation.phone'],
  ])('refuses %s, with a message for the field', (_case, input, message) => {
    expect(messages(input)).toContain(message);
  });
});
