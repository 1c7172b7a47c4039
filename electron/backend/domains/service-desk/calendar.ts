import type { z } from 'zod';
import { CN_MAINLAND, missingYear, provisionalYear, type CalendarYear, type WorkingCalendar } from '../../../../shared/domain/calendar';
import { todayIso, weekday as dayOfWeek } from '../../../../shared/domain/dates';
import type { Message } from '../../../../shared/result';
import type { CalendarView, CalendarYearView, calendarYearInput } from '../../../../shared/schemas/service';
import { refusal } from '../../lib/errors';
import type { Db } from '../../db/schema';
import type { ServiceContext } from '../../app/context';

// Deadlines are computed on every ticket read: the merged calendar is kept per database and
// dropped whenever the desk edits a year.
const cache = new WeakMap<object, WorkingCalendar>();

/** The shipped schedule with the desk's own years laid over it (an edited year replaces the shipped one). */
export async function loadCalendar(ctx: ServiceContext, db: Db = ctx.db): Promise<WorkingCalendar> {
  const cached = cache.get(ctx.db);
  if (cached) return cached;
  const rows = await db.selectFrom('calendar_years').selectAll().execute();
  const years: Record<string, CalendarYear> = { ...CN_MAINLAND.years };
  for (const row of rows) {
    years[String(row.year)] = { holidays: JSON.parse(row.holidays) as CalendarYear['holidays'], workdays: JSON.parse(row.workdays) as string[] };
  }
  const calendar: WorkingCalendar = { about: CN_MAINLAND.about, years };
  cache.set(ctx.db, calendar);
  return calendar;
}

/** Call after any write to calendar_years. */
export function forgetCalendar(ctx: ServiceContext): void {
  cache.delete(ctx.db);
}

/** The years the settings offer beyond the known ones: last year to three years ahead. */
const PROVISIONAL_SPAN = [-1, 3] as const;

/** Shipped and edited years side by side, the provisional ones near today, and the year the desk should enter next. */
export async function calendarView(ctx: ServiceContext): Promise<CalendarView> {
  const rows = await ctx.db.selectFrom('calendar_years').select('year').execute();
  const edited = new Set(rows.map((r) => r.year));
  const calendar = await loadCalendar(ctx);
  const years = Object.entries(calendar.years)
    .map(([year, schedule]): CalendarYearView => ({
      year: Number(year),
      holidays: schedule.holidays.map((h) => ({ name: h.name, en: h.en, from: h.from, to: h.to })),
      workdays: [...schedule.workdays],
      source: edited.has(Number(year)) ? 'edited' : 'shipped',
    }))
    .sort((a, b) => a.year - b.year);
  const today = todayIso(ctx.now());
  const thisYear = Number(today.slice(0, 4));
  const provisional: CalendarView['provisional'] = [];
  for (let year = thisYear + PROVISIONAL_SPAN[0]; year <= thisYear + PROVISIONAL_SPAN[1]; year++) {
    const schedule = provisionalYear(calendar, year);
    if (schedule) provisional.push({ year, holidays: schedule.holidays.map((h) => ({ name: h.name, en: h.en, from: h.from, to: h.to })) });
  }
  return { years, provisional, shippedYears: Object.keys(CN_MAINLAND.years).map(Number), missingYear: missingYear(calendar, today) };
}

/**
 * The slips a desk makes copying the State Council notice: two holidays over the same day, a
 * swapped working day that is not a weekend (weekdays work anyway) or that falls in a holiday.
 * Paths match the input, as the dispatcher's own field errors do.
 */
export function yearMistakes(input: z.output<typeof calendarYearInput>): Record<string, Message[]> {
  const fields: Record<string, Message[]> = {};
  const add = (path: string, message: Message) => (fields[path] ??= []).push(message);
  input.holidays.forEach((h, i) => {
    const other = input.holidays.findIndex((o, j) => j < i && o.from <= h.to && h.from <= o.to);
    if (other >= 0) add(`holidays.${i}.from`, { key: 'service.errors.holidayOverlap', params: { name: input.holidays[other]!.name } });
  });
  input.workdays.forEach((day, i) => {
    const weekday = dayOfWeek(day);
    if (weekday !== 0 && weekday !== 6) add(`workdays.${i}`, { key: 'service.errors.workdayNotWeekend', params: { date: day } });
    const holiday = input.holidays.find((h) => h.from <= day && day <= h.to);
    if (holiday) add(`workdays.${i}`, { key: 'service.errors.workdayInHoliday', params: { date: day, name: holiday.name } });
    if (input.workdays.indexOf(day) < i) add(`workdays.${i}`, { key: 'service.errors.workdayTwice', params: { date: day } });
  });
  return fields;
}

/** Stores the desk's schedule for a year; from now on it replaces whatever was shipped for it. */
export async function saveCalendarYear(ctx: ServiceContext, input: z.output<typeof calendarYearInput>): Promise<CalendarView> {
  const fields = yearMistakes(input);
  if (Object.keys(fields).length > 0) {
    throw refusal('VALIDATION', 'service.errors.calendarInvalid', { year: input.year }, { fields });
  }
  const holidays = JSON.stringify([...input.holidays].sort((a, b) => a.from.localeCompare(b.from)));
  const workdays = JSON.stringify([...input.workdays].sort());
  const updated_at = ctx.now().getTime();
  await ctx.db
    .insertInto('calendar_years')
    .values({ year: input.year, holidays, workdays, updated_at })
    .onConflict((oc) => oc.column('year').doUpdateSet({ holidays, workdays, updated_at }))
    .execute();
  forgetCalendar(ctx);
  return calendarView(ctx);
}

/** Back to the shipped schedule; a year the app never shipped disappears. */
export async function resetCalendarYear(ctx: ServiceContext, year: number): Promise<CalendarView> {
  await ctx.db.deleteFrom('calendar_years').where('year', '=', year).execute();
  forgetCalendar(ctx);
  return calendarView(ctx);
}
