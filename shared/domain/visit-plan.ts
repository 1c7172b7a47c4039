import { coveredYears, isWorkingDay, type WorkingCalendar } from './calendar';
import { addDays, addMonths, type IsoDate } from './dates';

/*
 * Scheduled service (月回访、季维护、年保养): a contract's visit plan made of lines, each with
 * its own date range, turned into dated visits. Pure: the services store what this returns.
 */

/** What a visit is: a phone callback, an on-site inspection, or a maintenance visit. */
export const VISIT_KINDS = ['callback', 'inspection', 'maintenance'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

/** How a plan line repeats. */
export const PLAN_REPEATS = ['quarter', 'months', 'days', 'after'] as const;
export type PlanRepeat = (typeof PLAN_REPEATS)[number];

/**
 * One line of a visit plan, from `from` to `to` inclusive:
 * - `quarter`: the 15th of March, June, September and December (the trade's 季度巡检);
 * - `months`: every `n` months counted from `from` (1: 月回访, 6: half-yearly, 12: yearly);
 * - `days`: every `n` days counted from `from` (elevators: 15);
 * - `after`: once at each of `offsets` months after `from` (callbacks after handover, counted
 *   from acceptance).
 * A line's first visit falls after its start: the start is the day the service begins.
 */
export interface PlanLine {
  kind: VisitKind;
  repeat: PlanRepeat;
  /** The step for `months` and `days`. */
  n: number | null;
  /** Months after `from`, for `after`. */
  offsets: number[] | null;
  from: IsoDate;
  to: IsoDate;
}

export interface PlannedVisit {
  kind: VisitKind;
  /** The day it is planned for, on a working day. */
  due: IsoDate;
  /** The day the rule gives, before it is moved onto a working day. */
  nominal: IsoDate;
  /** Which line of the plan made it (index into the lines). */
  line: number;
  /** The calendar has no schedule for the year of `due`: only weekends were avoided. */
  calendarMissing: boolean;
}

/** The months and day of the quarterly inspection: mid-March, June, September, December. */
export const QUARTER_MONTHS = [3, 6, 9, 12] as const;
export const QUARTER_DAY = 15;

/**
 * Days before a contract or a warranty ends from which the renewal is due (续保), on the Desk and
 * in the list: the seeds' 10, the default of the `renewal.leadDays` setting, which is what counts.
 */
export const RENEWAL_DAYS = 10;

/** More visits than this from one line is a plan typed wrong (every 1 day for 30 years), not a plan. */
export const MAX_VISITS_PER_LINE = 800;

/** The nominal days one line gives, in order. */
export function nominalDays(line: PlanLine): IsoDate[] {
  const out: IsoDate[] = [];
  const push = (day: IsoDate) => {
    if (day > line.from && day <= line.to && out.length < MAX_VISITS_PER_LINE) out.push(day);
  };
  switch (line.repeat) {
    case 'quarter': {
      for (let year = Number(line.from.slice(0, 4)); year <= Number(line.to.slice(0, 4)); year++) {
        for (const month of QUARTER_MONTHS) push(`${year}-${String(month).padStart(2, '0')}-${QUARTER_DAY}`);
      }
      break;
    }
    case 'months': {
      const n = Math.max(1, line.n ?? 1);
      // Counted from the start each time, so a 31st stays the month's last day rather than drifting to the 28th.
      for (let k = 1; out.length < MAX_VISITS_PER_LINE; k++) {
        const day = addMonths(line.from, k * n);
        if (day > line.to) break;
        push(day);
      }
      break;
    }
    case 'days': {
      const n = Math.max(1, line.n ?? 1);
      for (let day = addDays(line.from, n); day <= line.to && out.length < MAX_VISITS_PER_LINE; day = addDays(day, n)) push(day);
      break;
    }
    case 'after': {
      for (const months of [...(line.offsets ?? [])].sort((a, b) => a - b)) push(addMonths(line.from, months));
      break;
    }
  }
  return out;
}

/**
 * The working day a visit moves to: the first working day on or after the nominal day, unless
 * that leaves the line's range; then the last working day before it.
 */
export function onWorkingDay(cal: WorkingCalendar, nominal: IsoDate, line: Pick<PlanLine, 'from' | 'to'>): IsoDate {
  let day = nominal;
  while (!isWorkingDay(cal, day)) day = addDays(day, 1);
  if (day <= line.to) return day;
  day = nominal;
  while (!isWorkingDay(cal, day) && day > line.from) day = addDays(day, -1);
  return day;
}

/** Every visit the plan's lines give, by date (a line's order breaks ties). */
export function planVisits(lines: readonly PlanLine[], cal: WorkingCalendar): PlannedVisit[] {
  const years = new Set(coveredYears(cal));
  const visits = lines.flatMap((line, index) =>
    nominalDays(line).map((nominal): PlannedVisit => {
      const due = onWorkingDay(cal, nominal, line);
      return { kind: line.kind, due, nominal, line: index, calendarMissing: !years.has(Number(due.slice(0, 4))) };
    }),
  );
  return visits.sort((a, b) => (a.due === b.due ? a.line - b.line : a.due < b.due ? -1 : 1));
}

/**
 * Callbacks after handover (工程回访), counted in months from acceptance, as the seeds' companies
 * promise them: `project` (an installed system: at 3 months, twice more within the first year,
 * three times in the second) and `household` (twice a year while in warranty, the first within
 * six months).
 */
export const HANDOVER_TEMPLATES = {
  project: [3, 7, 11, 15, 19, 23],
  household: [6, 12, 18, 24],
} as const;
export type HandoverTemplate = keyof typeof HANDOVER_TEMPLATES;

/** The plan line of a handover template for a unit accepted on `acceptance`, up to `until` (its warranty's end). */
export function handoverLine(template: HandoverTemplate, acceptance: IsoDate, until: IsoDate): PlanLine {
  return { kind: 'callback', repeat: 'after', n: null, offsets: [...HANDOVER_TEMPLATES[template]], from: acceptance, to: until };
}

/** The seeds' common plans, offered when a contract is made: each is a list of lines from a start day. */
export function presetPlan(preset: 'standard' | 'phased' | 'elevator', from: IsoDate, to: IsoDate): PlanLine[] {
  const line = (kind: VisitKind, repeat: PlanRepeat, n: number | null, start: IsoDate, end: IsoDate): PlanLine => ({ kind, repeat, n, offsets: null, from: start, to: end });
  switch (preset) {
    // 月回访、季维护、年保养: the yearly maintenance in the eleventh month of each year, so a
    // one-year contract has it too (twelve months after the start is already past its end).
    case 'standard': {
      const yearly: PlanLine = { kind: 'maintenance', repeat: 'after', n: null, offsets: [], from, to };
      for (let months = 11; addMonths(from, months) <= to && months <= 59; months += 12) yearly.offsets!.push(months);
      return [line('callback', 'months', 1, from, to), line('inspection', 'quarter', null, from, to), ...(yearly.offsets!.length > 0 ? [yearly] : [])];
    }
    // Monthly for the first three months of operation, then quarterly; half-yearly maintenance.
    case 'phased': {
      const switchOn = addMonths(from, 3);
      return [line('inspection', 'months', 1, from, switchOn), line('inspection', 'quarter', null, switchOn, to), line('maintenance', 'months', 6, from, to)];
    }
    // Elevators: every 15 days.
    case 'elevator':
      return [line('maintenance', 'days', 15, from, to), line('callback', 'months', 1, from, to)];
  }
}
