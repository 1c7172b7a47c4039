import { holidayOn, isWorkingDay, type WorkingCalendar } from './calendar';
import { localDay, localTime, type IsoDate } from './dates';

/*
 * Duty hours (值班时间): when a service level counts a call as "in working hours". The seeds' duty
 * desk is staffed 08:00–24:00 and promises "on site within 4 h in working hours, 6 h outside". The
 * hotline itself still answers 7×24; duty hours only choose which set of targets a call gets.
 */

/**
 * The three kinds of day the working calendar knows. A swapped weekend working day (调休) is a
 * working day; a weekend not swapped is a rest day; a statutory holiday is a holiday whatever
 * weekday it falls on.
 */
export const DAY_KINDS = ['workingDay', 'restDay', 'holiday'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

/** One staffed stretch of a day, HH:MM to HH:MM (24:00: the end of the day). */
export interface DutySpan {
  from: string;
  to: string;
}

/** A day's duty: its spans, or closed (the whole day is outside duty hours). */
export interface DayHours {
  closed: boolean;
  spans: DutySpan[];
}

export type DutyHours = Record<DayKind, DayHours>;

/** The seeds' duty desk: 08:00–24:00 every day, holidays included. */
export const SEED_DUTY_HOURS: DutyHours = {
  workingDay: { closed: false, spans: [{ from: '08:00', to: '24:00' }] },
  restDay: { closed: false, spans: [{ from: '08:00', to: '24:00' }] },
  holiday: { closed: false, spans: [{ from: '08:00', to: '24:00' }] },
};

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export type DutyProblem =
  | { day: DayKind; span: null; code: 'empty' }
  | { day: DayKind; span: number; code: 'order' }
  | { day: DayKind; span: number; code: 'overlap'; other: DutySpan };

/**
 * What is wrong with a set of duty hours, so nothing is saved half-right: a day that is neither
 * closed nor given any hours, a span that ends before it starts, two spans of one day that
 * overlap (touching end to start is fine: 08:00–12:00 and 12:00–18:00).
 */
export function dutyProblems(hours: DutyHours): DutyProblem[] {
  const out: DutyProblem[] = [];
  for (const day of DAY_KINDS) {
    const { closed, spans } = hours[day];
    if (closed) continue;
    if (spans.length === 0) {
      out.push({ day, span: null, code: 'empty' });
      continue;
    }
    spans.forEach((s, i) => {
      if (minutes(s.from) >= minutes(s.to)) out.push({ day, span: i, code: 'order' });
    });
    spans.forEach((s, i) => {
      const clash = spans.find((o, j) => j < i && minutes(s.from) < minutes(o.to) && minutes(o.from) < minutes(s.to));
      if (clash) out.push({ day, span: i, code: 'overlap', other: clash });
    });
  }
  return out;
}

/** Which kind of day a date is on the working calendar. */
export function dayKindOf(calendar: WorkingCalendar, date: IsoDate): DayKind {
  if (holidayOn(calendar, date)) return 'holiday';
  return isWorkingDay(calendar, date) ? 'workingDay' : 'restDay';
}

/**
 * Whether a moment falls within duty hours: the desk's local day decides the kind of day, its
 * local clock time the span (from inclusive, to exclusive, so 23:59 is inside 08:00–24:00 and
 * 00:00 the next day is judged by that day's hours).
 */
export function onDuty(hours: DutyHours, at: number, calendar: WorkingCalendar): boolean {
  const day = hours[dayKindOf(calendar, localDay(at))];
  if (day.closed) return false;
  const m = minutes(localTime(at));
  return day.spans.some((s) => minutes(s.from) <= m && m < minutes(s.to));
}
