import data from '../../resources/calendar/cn-mainland.json';
import type { Language } from '../i18n/languages';
import { addDays, type IsoDate, weekday as dayOfWeek } from './dates';
import { statutoryHolidays } from './statutory-holidays';

/** One statutory holiday as the State Council publishes it: a named run of rest days. */
export interface Holiday {
  /** Chinese name, as published (e.g. 国庆节). */
  name: string;
  /** English name. */
  en: string;
  from: IsoDate;
  /** Last rest day of the holiday, inclusive. */
  to: IsoDate;
  /**
   * Counted from the law for a year whose schedule the calendar does not have (see
   * `provisionalYear`), not published: the real one may run longer and bring 调休 days.
   */
  provisional?: boolean;
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
  /** The years with a schedule of their own (shipped or entered). */
  years: Set<number>;
}

// Calendars are treated as immutable values; the index is only a cache of their contents.
const indexes = new WeakMap<WorkingCalendar, CalendarIndex>();

function indexOf(cal: WorkingCalendar): CalendarIndex {
  const cached = indexes.get(cal);
  if (cached) return cached;
  const index: CalendarIndex = { holidays: new Map(), workdays: new Set(), years: new Set(Object.keys(cal.years).map(Number)) };
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

// The statutory days depend on the year alone, so they are shared by every calendar.
const provisionalYears = new Map<number, { year: CalendarYear; days: Map<IsoDate, Holiday> }>();

function provisionalIndex(year: number) {
  const cached = provisionalYears.get(year);
  if (cached) return cached;
  const holidays = statutoryHolidays(year).map((h): Holiday => ({ ...h, provisional: true }));
  const days = new Map<IsoDate, Holiday>();
  for (const holiday of holidays) for (let d = holiday.from; d <= holiday.to; d = addDays(d, 1)) days.set(d, holiday);
  const entry = { year: { holidays, workdays: [] }, days };
  provisionalYears.set(year, entry);
  return entry;
}

/**
 * The schedule the calendar falls back on for a year it does not have: the holidays the law
 * fixes (《全国年节及纪念日放假办法》, from 2025), each marked provisional, and no swapped working
 * days (调休), which only the State Council's yearly notice decides. Null when the calendar has
 * the year (entered or shipped: it replaces these at once) or when the law in force cannot be
 * counted (before 2025, or past the lunar tables).
 */
export function provisionalYear(cal: WorkingCalendar, year: number): CalendarYear | null {
  if (indexOf(cal).years.has(year)) return null;
  const entry = provisionalIndex(year);
  return entry.year.holidays.length > 0 ? entry.year : null;
}

/** True when the year's holidays are counted from the law, not published (see `provisionalYear`). */
export function isProvisionalYear(cal: WorkingCalendar, year: number): boolean {
  return provisionalYear(cal, year) !== null;
}

/** The statutory holiday the date falls in (a provisional one for a year the calendar lacks), or null. */
export function holidayOn(cal: WorkingCalendar, date: IsoDate): Holiday | null {
  const index = indexOf(cal);
  const published = index.holidays.get(date);
  if (published) return published;
  const year = Number(date.slice(0, 4));
  if (index.years.has(year)) return null;
  return provisionalIndex(year).days.get(date) ?? null;
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
 * A year missing from the calendar has its statutory holidays, provisionally, and no swapped
 * days: see `provisionalYear` and `missingYear`.
 */
export function isWorkingDay(cal: WorkingCalendar, date: IsoDate): boolean {
  if (holidayOn(cal, date)) return false;
  if (indexOf(cal).workdays.has(date)) return true;
  return !isWeekend(date);
}

/** `date` itself when it is a working day, else the first working day after it. */
export function workingDayFrom(cal: WorkingCalendar, date: IsoDate): IsoDate {
  return isWorkingDay(cal, date) ? date : nextWorkingDay(cal, date);
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

const yearsCache = new WeakMap<WorkingCalendar, number[]>();

/** The years the calendar has a schedule for, ascending. */
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
