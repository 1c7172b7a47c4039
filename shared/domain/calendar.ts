import data from '../../resources/calendar/cn-mainland.json';
import type { Language } from '../i18n/languages';
import { addDays, type IsoDate, weekday as dayOfWeek } from './dates';

/** One statutory holiday as the State Council publishes it: a named run of rest days. */
export interface Holiday {
  /** Chinese name, as published (e.g. 国庆节). */
  name: string;
  /** English name. */
  en: string;
  from: IsoDate;
  /** Last rest day of the holiday, inclusive. */
  to: IsoDate;
}

/** One year's schedule. `workdays` are the swapped weekend days (调休) that are working days. */
export interface CalendarYear {
  holidays: Holiday[];
  workdays: IsoDate[];
}

/**
 * Working days and public holidays. Years are keyed by the year of the schedule (the notice
 * for 2017 put New Year's Day on 2016-12-31, so an entry may spill into the year before).
 */
export interface WorkingCalendar {
  about?: string;
  years: Record<string, CalendarYear>;
}

/** Mainland China, as shipped in resources/calendar/cn-mainland.json. */
export const CN_MAINLAND: WorkingCalendar = data;

/**
 * The State Council publishes next year's schedule in November: from this day of the year on,
 * next year counts as "coming" and its absence is worth a warning.
 */
export const COMING_YEAR_FROM = '11-01';

interface CalendarIndex {
  holidays: Map<IsoDate, Holiday>;
  workdays: Set<IsoDate>;
}

// Calendars are treated as immutable values; the index is only a cache of their contents.
const indexes = new WeakMap<WorkingCalendar, CalendarIndex>();

function indexOf(cal: WorkingCalendar): CalendarIndex {
  const cached = indexes.get(cal);
  if (cached) return cached;
  const index: CalendarIndex = { holidays: new Map(), workdays: new Set() };
  for (const year of Object.values(cal.years)) {
    for (const holiday of year.holidays) {
      // A reversed range is a data-entry slip; it holds no days rather than looping forever.
      for (let d = holiday.from; d <= holiday.to; d = addDays(d, 1)) index.holidays.set(d, holiday);
    }
    for (const day of year.workdays) index.workdays.add(day);
  }
  indexes.set(cal, index);
  return index;
}

/** The statutory holiday the date falls in, or null. */
export function holidayOn(cal: WorkingCalendar, date: IsoDate): Holiday | null {
  return indexOf(cal).holidays.get(date) ?? null;
}

export function isStatutoryHoliday(cal: WorkingCalendar, date: IsoDate): boolean {
  return holidayOn(cal, date) !== null;
}

/** The holiday's name in the given language, or null when the date is not a statutory holiday. */
export function holidayName(cal: WorkingCalendar, date: IsoDate, lang: Language): string | null {
  const holiday = holidayOn(cal, date);
  if (!holiday) return null;
  return lang === 'en' ? holiday.en : holiday.name;
}

function isWeekend(date: IsoDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}

/**
 * Holidays are rest days; weekends are rest days unless swapped into working days (调休).
 * A year missing from the calendar is treated as plain Monday-to-Friday: see `missingYear`.
 */
export function isWorkingDay(cal: WorkingCalendar, date: IsoDate): boolean {
  const index = indexOf(cal);
  if (index.holidays.has(date)) return false;
  if (index.workdays.has(date)) return true;
  return !isWeekend(date);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(cal: WorkingCalendar, date: IsoDate): IsoDate {
  let day = addDays(date, 1);
  while (!isWorkingDay(cal, day)) day = addDays(day, 1);
  return day;
}

/**
 * The day `n` working days after `date`; the start day is not counted, whether or not it is a
 * working day ("within 2 working days" of a Friday complaint ends on Tuesday). A negative `n`
 * counts back; 0 returns the date itself.
 */
export function addWorkingDays(cal: WorkingCalendar, date: IsoDate, n: number): IsoDate {
  const step = n < 0 ? -1 : 1;
  let day = date;
  for (let left = Math.abs(Math.trunc(n)); left > 0; ) {
    day = addDays(day, step);
    if (isWorkingDay(cal, day)) left -= 1;
  }
  return day;
}

/**
 * When `date` falls within a statutory holiday, the first day after that holiday ends (Civil Code
 * art. 203: a term whose last day is a holiday runs to the day after it); otherwise `date`.
 */
export function firstDayAfterHoliday(cal: WorkingCalendar, date: IsoDate): IsoDate {
  let day = date;
  // Two back-to-back ranges (a data-entry split) are crossed as one holiday.
  for (let holiday = holidayOn(cal, day); holiday; holiday = holidayOn(cal, day)) day = addDays(holiday.to, 1);
  return day;
}

/** The years the calendar has a schedule for, ascending. */
const yearsCache = new WeakMap<WorkingCalendar, number[]>();

export function coveredYears(cal: WorkingCalendar): number[] {
  const cached = yearsCache.get(cal);
  if (cached) return cached;
  const years = Object.keys(cal.years)
    .map(Number)
    .filter((year) => Number.isInteger(year))
    .sort((a, b) => a - b);
  yearsCache.set(cal, years);
  return years;
}

/**
 * The year whose schedule the desk should enter now, or null when nothing is missing: this year
 * if it is absent, else from 1 November on next year if it is absent.
 */
export function missingYear(cal: WorkingCalendar, today: IsoDate): number | null {
  const years = new Set(coveredYears(cal));
  const year = Number(today.slice(0, 4));
  if (!years.has(year)) return year;
  if (today.slice(5) >= COMING_YEAR_FROM && !years.has(year + 1)) return year + 1;
  return null;
}
