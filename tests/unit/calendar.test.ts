import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  CN_MAINLAND,
  coveredYears,
  firstDayAfterHoliday,
  holidayName,
  isStatutoryHoliday,
  isWorkingDay,
  missingYear,
  nextWorkingDay,
  type WorkingCalendar,
} from '../../shared/domain/calendar';

const cal = CN_MAINLAND;

describe('working days (weekends rest unless swapped 调休; holidays rest)', () => {
  it.each([
    { name: '2025-01-26 is a Sunday swapped into a working day before Spring Festival', date: '2025-01-26', working: true, holiday: false },
    { name: '2025-02-08 is a Saturday swapped into a working day after Spring Festival', date: '2025-02-08', working: true, holiday: false },
    { name: '2025-01-28, Spring Festival eve, is the first day of the holiday', date: '2025-01-28', working: false, holiday: true },
    { name: '2025-02-04, a Tuesday, is still Spring Festival', date: '2025-02-04', working: false, holiday: true },
    { name: '2025-02-05, the Wednesday after Spring Festival, is a working day', date: '2025-02-05', working: true, holiday: false },
    { name: '2025-03-01 is a plain Saturday: a rest day but not a statutory holiday', date: '2025-03-01', working: false, holiday: false },
    { name: '2025-03-03 is a plain Monday', date: '2025-03-03', working: true, holiday: false },
    { name: '2025-09-28 is a Sunday swapped into a working day before National Day', date: '2025-09-28', working: true, holiday: false },
    { name: '2025-10-08 is the last day of National Day and Mid-Autumn 2025', date: '2025-10-08', working: false, holiday: true },
    { name: '2026-01-04 is a Sunday swapped into a working day after New Year', date: '2026-01-04', working: true, holiday: false },
    { name: '2026-02-14 is a Saturday swapped into a working day before Spring Festival 2026', date: '2026-02-14', working: true, holiday: false },
    { name: '2026-02-23, a Monday, is the last day of Spring Festival 2026', date: '2026-02-23', working: false, holiday: true },
    { name: '2026-02-28 is a Saturday swapped into a working day after Spring Festival 2026', date: '2026-02-28', working: true, holiday: false },
    { name: '2026-09-20 is a Sunday swapped into a working day before Mid-Autumn 2026', date: '2026-09-20', working: true, holiday: false },
    { name: '2026-10-10 is a Saturday swapped into a working day after National Day 2026', date: '2026-10-10', working: true, holiday: false },
    { name: '2027-01-01, outside the calendar, is New Year\'s Day as the law counts it (provisional; missingYear still warns)', date: '2027-01-01', working: false, holiday: true },
    { name: '2027-01-04, outside the calendar, is a plain Monday', date: '2027-01-04', working: true, holiday: false },
    { name: '2024-05-01 is before the 2025 rules and outside the calendar: a plain Wednesday', date: '2024-05-01', working: true, holiday: false },
  ])('$name', ({ date, working, holiday }) => {
    expect(isWorkingDay(cal, date)).toBe(working);
    expect(isStatutoryHoliday(cal, date)).toBe(holiday);
  });
});

describe('holiday names', () => {
  it.each([
    { name: 'National Day 2026 in Chinese', date: '2026-10-05', lang: 'zh-CN' as const, expected: '国庆节' },
    { name: 'National Day 2026 in English', date: '2026-10-05', lang: 'en' as const, expected: 'National Day' },
    { name: 'the combined holiday of 2025 keeps its combined name', date: '2025-10-06', lang: 'zh-CN' as const, expected: '国庆节、中秋节' },
    { name: 'Spring Festival 2026 in English', date: '2026-02-17', lang: 'en' as const, expected: 'Spring Festival' },
    { name: 'a plain weekend has no holiday name', date: '2025-03-01', lang: 'zh-CN' as const, expected: null },
  ])('$name', ({ date, lang, expected }) => {
    expect(holidayName(cal, date, lang)).toBe(expected);
  });
});

describe('next working day and adding working days', () => {
  it.each([
    { name: 'the next working day after a Friday is Monday', from: '2025-03-07', n: null, expected: '2025-03-10' },
    { name: 'across the year boundary: after 2025-12-31 comes the swapped Sunday 2026-01-04', from: '2025-12-31', n: null, expected: '2026-01-04' },
    { name: 'the next working day after Spring Festival eve 2025 is 2025-02-05', from: '2025-01-27', n: null, expected: '2025-02-05' },
    { name: '1 working day after 2025-09-30 crosses National Day to 2025-10-09', from: '2025-09-30', n: 1, expected: '2025-10-09' },
    { name: '3 working days after 2025-09-30 land on the swapped Saturday 2025-10-11', from: '2025-09-30', n: 3, expected: '2025-10-11' },
    { name: '3 working days after 2026-09-30 land on the swapped Saturday 2026-10-10', from: '2026-09-30', n: 3, expected: '2026-10-10' },
    { name: '2 working days after a Friday end on Tuesday (start day not counted)', from: '2025-03-07', n: 2, expected: '2025-03-11' },
    { name: 'working days counted from a holiday start after it', from: '2026-10-03', n: 1, expected: '2026-10-08' },
    { name: '0 working days is the day itself', from: '2026-10-03', n: 0, expected: '2026-10-03' },
    { name: 'a negative count goes back across National Day', from: '2025-10-09', n: -1, expected: '2025-09-30' },
    { name: '5 working days across a year end into New Year 2026 and its swapped Sunday', from: '2025-12-29', n: 5, expected: '2026-01-06' },
  ])('$name', ({ from, n, expected }) => {
    expect(n === null ? nextWorkingDay(cal, from) : addWorkingDays(cal, from, n)).toBe(expected);
  });
});

describe('first day after a holiday (Civil Code art. 203)', () => {
  it.each([
    { name: 'a day within National Day 2026 moves to 2026-10-08', date: '2026-10-03', expected: '2026-10-08' },
    { name: 'the last day of National Day 2025 moves to 2025-10-09', date: '2025-10-08', expected: '2025-10-09' },
    { name: 'the first day of Spring Festival 2025 moves past the whole range', date: '2025-01-28', expected: '2025-02-05' },
    { name: 'New Year 2026 moves to the swapped Sunday after it', date: '2026-01-01', expected: '2026-01-04' },
    { name: 'a working day stays', date: '2026-10-08', expected: '2026-10-08' },
    { name: 'a plain weekend is not a statutory holiday and stays', date: '2025-03-01', expected: '2025-03-01' },
  ])('$name', ({ date, expected }) => {
    expect(firstDayAfterHoliday(cal, date)).toBe(expected);
  });

  it('crosses two back-to-back ranges as one holiday', () => {
    const split: WorkingCalendar = {
      years: { '2030': { holidays: [{ name: 'A', en: 'A', from: '2030-10-01', to: '2030-10-03' }, { name: 'B', en: 'B', from: '2030-10-04', to: '2030-10-05' }], workdays: [] } },
    };
    expect(firstDayAfterHoliday(split, '2030-10-02')).toBe('2030-10-06');
  });

  it('reads a holiday listed under the next year that starts in December', () => {
    const spill: WorkingCalendar = { years: { '2017': { holidays: [{ name: '元旦', en: "New Year's Day", from: '2016-12-31', to: '2017-01-02' }], workdays: [] } } };
    expect(isStatutoryHoliday(spill, '2016-12-31')).toBe(true);
    expect(firstDayAfterHoliday(spill, '2016-12-31')).toBe('2017-01-03');
  });
});

describe('covered and missing years (next year is "coming" from 1 November)', () => {
  it('lists the shipped years', () => {
    expect(coveredYears(cal)).toEqual([2025, 2026]);
  });
  it.each([
    { name: 'nothing missing on 2026-10-31', today: '2026-10-31', expected: null },
    { name: 'from 2026-11-01 the 2027 schedule is missing', today: '2026-11-01', expected: 2027 },
    { name: 'on 2025-12-31 next year (2026) is present', today: '2025-12-31', expected: null },
    { name: 'in 2027 the current year itself is missing', today: '2027-03-01', expected: 2027 },
    { name: 'before the first shipped year, that year is missing', today: '2024-06-01', expected: 2024 },
  ])('$name', ({ today, expected }) => {
    expect(missingYear(cal, today)).toBe(expected);
  });
});
