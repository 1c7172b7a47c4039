import { COMING_YEAR_FROM, coveredYears, firstDayAfterHoliday, holidayOn, isProvisionalYear, workingDayFrom, type Holiday, type WorkingCalendar } from './calendar';
import { addDays, addMonths, daysBetween, type IsoDate } from './dates';
import { say, type Explanation, type WarrantyKey } from './warranty-explain';
import { ENDING_SOON_DAYS, type RepairRecord, type RestDayRule, type WarrantyRules } from './warranty-types';

/** Why a last day moved: the rule that moved it, and what the counted day was. */
export interface LastDayMove {
  rule: Exclude<RestDayRule, 'off'>;
  /** The holiday the counted day fell in, or null for a plain weekend (only under `calendar`). */
  holiday: Holiday | null;
  /** The year of the first provisional holiday day the move crossed, if any (see `LastDay.provisional`). */
  provisionalYear: number | null;
}

/** A period's last day, after the Civil Code rest-day rule. */
export interface LastDay {
  /** The last day by counting alone. */
  due: IsoDate;
  /** The last covered day: `due`, or the day the rule moved it to. */
  end: IsoDate;
  /** Why `end` differs from `due`; null when it does not. */
  moved: LastDayMove | null;
  /**
   * The move crossed a holiday the calendar only counted from the law, for a year whose
   * schedule it lacks: the published one may differ, so `end` is provisional (暂定).
   */
  provisional: boolean;
  /**
   * The year of `due` when the calendar lacks it although it has been published by `on`, so the
   * desk should enter it: `counted` when the day was checked against the law's holidays alone
   * (from 2025), not at all otherwise. Years too far ahead to be published yet are not flagged:
   * every long term would carry the line.
   */
  missingYear: { year: number; counted: boolean } | null;
}

/** Where the rule takes a last day that is `due`, or `due` itself. */
function movedEnd(rule: RestDayRule, due: IsoDate, calendar: WorkingCalendar): IsoDate {
  if (rule === 'calendar') return workingDayFrom(calendar, due);
  if (rule === 'holidays') return firstDayAfterHoliday(calendar, due);
  return due;
}

/**
 * Civil Code art. 203: when a period's last day is a statutory rest day, it runs to the day the
 * desk's rule says (see `RestDayRule`). Applied to every period the engine counts (terms, parts,
 * 三包 windows).
 */
export function lastDay(due: IsoDate, rules: WarrantyRules, calendar: WorkingCalendar | null, on: IsoDate): LastDay {
  const plain: LastDay = { due, end: due, moved: null, provisional: false, missingYear: null };
  const rule = rules.restDayRule;
  if (rule === 'off' || !calendar) return plain;
  const end = movedEnd(rule, due, calendar);
  if (end !== due) {
    let provisionalYear: number | null = null;
    for (let day = due; day < end && provisionalYear === null; day = addDays(day, 1)) {
      if (holidayOn(calendar, day)?.provisional) provisionalYear = Number(day.slice(0, 4));
    }
    return { ...plain, end, moved: { rule, holiday: holidayOn(calendar, due), provisionalYear }, provisional: provisionalYear !== null };
  }
  const year = Number(due.slice(0, 4));
  const onYear = Number(on.slice(0, 4));
  const published = year <= onYear || (year === onYear + 1 && on.slice(5) >= COMING_YEAR_FROM);
  return published && !coveredYears(calendar).includes(year) ? { ...plain, missingYear: { year, counted: isProvisionalYear(calendar, year) } } : plain;
}

/**
 * The lines a moved last day prints, each naming the rule that moved it. The warranty card
 * prints these beside the component (and the screens with every other reason); the
 * unchecked-year line is for the desk only.
 */
export const LAST_DAY_MOVED_KEYS: readonly WarrantyKey[] = ['warranty.term.holiday', 'warranty.term.weekend', 'warranty.term.holidayOnly', 'warranty.term.provisional'];

export function lastDayReasons(day: LastDay): Explanation[] {
  const { moved } = day;
  if (moved) {
    const dates = { date: day.due, end: day.end };
    const line = moved.holiday
      ? say(moved.rule === 'calendar' ? 'warranty.term.holiday' : 'warranty.term.holidayOnly', { ...dates, holiday: moved.holiday.name, holidayEn: moved.holiday.en })
      : say('warranty.term.weekend', dates);
    // Naming the year whose published schedule would settle it.
    return moved.provisionalYear !== null ? [line, say('warranty.term.provisional', { year: moved.provisionalYear })] : [line];
  }
  if (day.missingYear) {
    return [say(day.missingYear.counted ? 'warranty.term.holidayYearCounted' : 'warranty.term.holidayYearMissing', { year: day.missingYear.year })];
  }
  return [];
}

/**
 * The sentence telling the customer how a last day on a rest day is counted under the company's
 * rule (printed once on the warranty card), or null when the rule is off.
 */
export function restDayRuleNote(rules: Pick<WarrantyRules, 'restDayRule'>): Explanation | null {
  if (rules.restDayRule === 'off') return null;
  return say(rules.restDayRule === 'calendar' ? 'warranty.rule.calendar' : 'warranty.rule.holidays');
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
