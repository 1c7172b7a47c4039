import { describe, expect, it } from 'vitest';
import { LunarDay, SolarTerm } from 'tyme4ts';
import { CN_MAINLAND, holidayOn, isProvisionalYear, isWorkingDay, provisionalYear, type WorkingCalendar } from '../../shared/domain/calendar';
import { addDays, type IsoDate } from '../../shared/domain/dates';
import { statutoryHolidays } from '../../shared/domain/statutory-holidays';

const days = (from: IsoDate, to: IsoDate): IsoDate[] => {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};
const spans = (year: number) => statutoryHolidays(year).map((h) => [h.name, h.from, h.to]);

describe('statutory holidays counted from the law, checked against the published schedules', () => {
  it.each([2025, 2026])('every day the law gives in %i is a rest day of the State Council schedule the app ships', (year) => {
    const computed = statutoryHolidays(year);
    expect(computed.map((h) => h.name).sort()).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'].sort());
    for (const holiday of computed) {
      for (const day of days(holiday.from, holiday.to)) {
        expect(holidayOn(CN_MAINLAND, day), `${holiday.name} ${day}`).not.toBeNull();
        expect(holidayOn(CN_MAINLAND, day)?.provisional, day).toBeUndefined();
      }
    }
  });

  it.each([
    {
      year: 2025,
      expected: [
        ['元旦', '2025-01-01', '2025-01-01'],
        ['春节', '2025-01-28', '2025-01-31'],
        ['清明节', '2025-04-04', '2025-04-04'],
        ['劳动节', '2025-05-01', '2025-05-02'],
        // 端午 on Saturday 31 May: made up on Monday 2 June.
        ['端午节', '2025-05-31', '2025-06-02'],
        ['国庆节', '2025-10-01', '2025-10-03'],
        ['中秋节', '2025-10-06', '2025-10-06'],
      ],
    },
    {
      year: 2026,
      expected: [
        ['元旦', '2026-01-01', '2026-01-01'],
        // The twelfth lunar month of 2025 has 29 days: New Year's Eve is 腊月廿九, 16 February.
        ['春节', '2026-02-16', '2026-02-19'],
        ['清明节', '2026-04-05', '2026-04-06'],
        ['劳动节', '2026-05-01', '2026-05-04'],
        ['端午节', '2026-06-19', '2026-06-19'],
        ['中秋节', '2026-09-25', '2026-09-25'],
        ['国庆节', '2026-10-01', '2026-10-05'],
      ],
    },
  ])('$year, day by day, with the weekend days made up on the next weekday', ({ year, expected }) => {
    expect(spans(year)).toEqual(expected.sort((a, b) => a[1]!.localeCompare(b[1]!)));
  });
});

describe('statutory holidays of years not yet published', () => {
  it.each([
    {
      year: 2027,
      expected: [
        ['元旦', '2027-01-01', '2027-01-01'],
        // Eve Friday 5 February; Saturday and Sunday made up on Tuesday and Wednesday.
        ['春节', '2027-02-05', '2027-02-10'],
        ['清明节', '2027-04-05', '2027-04-05'],
        ['劳动节', '2027-05-01', '2027-05-04'],
        ['端午节', '2027-06-09', '2027-06-09'],
        ['中秋节', '2027-09-15', '2027-09-15'],
        ['国庆节', '2027-10-01', '2027-10-05'],
      ],
    },
    {
      year: 2028,
      expected: [
        ['元旦', '2028-01-01', '2028-01-03'],
        ['春节', '2028-01-25', '2028-01-28'],
        ['清明节', '2028-04-04', '2028-04-04'],
        ['劳动节', '2028-05-01', '2028-05-02'],
        ['端午节', '2028-05-28', '2028-05-29'],
        // 中秋 falls on 3 October: one run with both names; Sunday 1 October made up on the 4th.
        ['国庆节、中秋节', '2028-10-01', '2028-10-04'],
      ],
    },
  ])('$year', ({ year, expected }) => {
    expect(spans(year)).toEqual(expected);
  });

  it('takes the lunar dates and the solar term from the library (2027: eve 02-05, 清明 04-05)', () => {
    const eve = LunarDay.fromYmd(2027, 1, 1).getSolarDay().next(-1);
    expect([eve.getMonth(), eve.getDay()]).toEqual([2, 5]);
    const qingming = SolarTerm.fromName(2027, '清明').getSolarDay();
    expect([qingming.getMonth(), qingming.getDay()]).toEqual([4, 5]);
    expect(statutoryHolidays(2027).find((h) => h.name === '春节')?.from).toBe('2027-02-05');
  });

  it('counts nothing before the 2025 rules or past the lunar tables', () => {
    expect(statutoryHolidays(2024)).toEqual([]);
    expect(statutoryHolidays(2101)).toEqual([]);
  });
});

describe('the working calendar falls back on the law for a year it lacks', () => {
  it('marks the counted holidays provisional, with no swapped working days', () => {
    expect(isProvisionalYear(CN_MAINLAND, 2027)).toBe(true);
    expect(provisionalYear(CN_MAINLAND, 2027)?.workdays).toEqual([]);
    expect(holidayOn(CN_MAINLAND, '2027-10-04')).toMatchObject({ name: '国庆节', en: 'National Day', from: '2027-10-01', to: '2027-10-05', provisional: true });
    expect(isWorkingDay(CN_MAINLAND, '2027-10-05')).toBe(false);
    expect(isWorkingDay(CN_MAINLAND, '2027-10-06')).toBe(true);
    // A weekend stays a rest day: no 调休 is guessed.
    expect(isWorkingDay(CN_MAINLAND, '2027-10-09')).toBe(false);
  });

  it('has none for the published years, nor before 2025', () => {
    expect(isProvisionalYear(CN_MAINLAND, 2026)).toBe(false);
    expect(provisionalYear(CN_MAINLAND, 2026)).toBeNull();
    expect(isProvisionalYear(CN_MAINLAND, 2024)).toBe(false);
  });

  it('gives way to a schedule the desk enters, at once and entirely', () => {
    const entered: WorkingCalendar = {
      years: {
        ...CN_MAINLAND.years,
        '2027': { holidays: [{ name: '国庆节', en: 'National Day', from: '2027-10-01', to: '2027-10-07' }], workdays: ['2027-10-09'] },
      },
    };
    expect(isProvisionalYear(entered, 2027)).toBe(false);
    expect(holidayOn(entered, '2027-10-06')).toEqual({ name: '国庆节', en: 'National Day', from: '2027-10-01', to: '2027-10-07' });
    expect(isWorkingDay(entered, '2027-10-09')).toBe(true);
    // The entered year is what counts: a day only the law's count had is a working day now.
    expect(holidayOn(entered, '2027-04-05')).toBeNull();
    // The shipped calendar, a different value, still falls back on the law.
    expect(holidayOn(CN_MAINLAND, '2027-04-05')?.provisional).toBe(true);
  });
});
