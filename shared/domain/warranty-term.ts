import { COMING_YEAR_FROM, coveredYears, firstDayAfterHoliday, holidayOn, type Holiday, type WorkingCalendar } from './calendar';
import { addDays, addMonths, daysBetween, type IsoDate } from './dates';
import { say, type Explanation } from './warranty-explain';
import { ENDING_SOON_DAYS, type RepairRecord, type WarrantyRules } from './warranty-types';

/** A period's last day, after the Civil Code holiday rule. */
export interface LastDay {
  /** The last day by counting alone. */
  due: IsoDate;
  /** The last covered day: `due`, or the first day after the holiday it falls in. */
  end: IsoDate;
  holiday: Holiday | null;
  /**
   * The year of `due` when the calendar lacks it although it has been published by `on` (so the
   * rule could not be checked and the desk should enter that year). Years too far ahead to be
   * published yet are not flagged: every long term would carry the line.
   */
  unknownYear: number | null;
}

/**
 * Civil Code art. 203: when a period's last day is a statutory holiday, the day after the holiday
 * is the last day. Applied to every period the engine counts (terms, parts, 三包 windows).
 */
export function lastDay(due: IsoDate, rules: WarrantyRules, calendar: WorkingCalendar | null, on: IsoDate): LastDay {
  const plain: LastDay = { due, end: due, holiday: null, unknownYear: null };
  if (!rules.extendPastHoliday || !calendar) return plain;
  const holiday = holidayOn(calendar, due);
  if (holiday) return { ...plain, end: firstDayAfterHoliday(calendar, due), holiday };
  const year = Number(due.slice(0, 4));
  const onYear = Number(on.slice(0, 4));
  const published = year <= onYear || (year === onYear + 1 && on.slice(5) >= COMING_YEAR_FROM);
  return published && !coveredYears(calendar).includes(year) ? { ...plain, unknownYear: year } : plain;
}

export function lastDayReasons(day: LastDay): Explanation[] {
  if (day.holiday) {
    return [say('warranty.term.holiday', { date: day.due, holiday: day.holiday.name, holidayEn: day.holiday.en, end: day.end })];
  }
  if (day.unknownYear !== null) return [say('warranty.term.holidayYearMissing', { year: day.unknownYear })];
  return [];
}

/** Repairs in the order they were reported (then entered). */
export function byReport(a: RepairRecord, b: RepairRecord): number {
  return a.reportedOn < b.reportedOn ? -1 : a.reportedOn > b.reportedOn ? 1 : a.id - b.id;
}

export type TermState = 'active' | 'ending' | 'expired' | 'notStarted';

/** The start day is covered (counting starts the day after); so is the last day itself. */
export function termState(start: IsoDate, end: IsoDate, on: IsoDate): TermState {
  if (on < start) return 'notStarted';
  if (on > end) return 'expired';
  return daysBetween(on, end) < ENDING_SOON_DAYS ? 'ending' : 'active';
}

export function stateReason(state: TermState, start: IsoDate, end: IsoDate, on: IsoDate): Explanation {
  switch (state) {
    case 'notStarted':
      return say('warranty.state.notStarted', { start });
    case 'expired':
      return say('warranty.state.expired', { end });
    case 'ending':
      return say('warranty.state.ending', { end, count: daysBetween(on, end) + 1 });
    case 'active':
      return say('warranty.state.active', { end });
  }
}

export interface ComponentTerm {
  /** start + months, before any extension. */
  due: IsoDate;
  last: LastDay;
  /** The downtime failures that extended this term, in report order. */
  extendedBy: RepairRecord[];
}

/**
 * `downtime` lists the in-warranty failures that stopped work, in report order. Each one reported
 * while the term (as extended so far, holiday rule included) is still running adds the extension.
 */
export function componentTerm(
  start: IsoDate,
  months: number,
  downtime: readonly RepairRecord[],
  rules: WarrantyRules,
  calendar: WorkingCalendar | null,
  on: IsoDate,
): ComponentTerm {
  const due = addMonths(start, months);
  const extendedBy: RepairRecord[] = [];
  let last = lastDay(due, rules, calendar, on);
  for (const repair of downtime) {
    if (repair.reportedOn < start) continue;
    if (repair.reportedOn > last.end) break;
    extendedBy.push(repair);
    last = lastDay(addDays(due, extendedBy.length * rules.downtimeExtensionDays), rules, calendar, on);
  }
  return { due, last, extendedBy };
}
