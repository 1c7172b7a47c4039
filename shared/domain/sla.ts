import type { Region } from '../schemas/customer';
import { addWorkingDays, type WorkingCalendar } from './calendar';
import type { Severity } from './ticket-status';
import { localDay, localMoment, addDays } from './dates';
import { onDuty, type DutyHours } from './duty-hours';

/**
 * A promised time. The hotline runs 7×24, so clock minutes and hours count straight through
 * nights and holidays; working days skip weekends and holidays and honour swapped days (调休).
 */
export interface Duration {
  amount: number;
  unit: 'minutes' | 'hours' | 'workingDays';
}

export interface Targets {
  /** From the report to the first answer to the customer. */
  answer: Duration;
  /** From the report to the technician on site. */
  arrival: Duration;
  /** From arrival to the fault fixed. */
  fix: Duration;
}

export type TargetTable = Record<Region, Record<Severity, Targets>>;

/** The milestones a level may promise a share of ("on site within 4 h in 90% of faults"). */
export const SHARE_MILESTONES = ['answer', 'arrival', 'fix'] as const;
export type ShareMilestone = (typeof SHARE_MILESTONES)[number];

export interface ServiceLevelTerms {
  /** The targets; with duty hours, the targets for a call that came in during them. */
  targets: TargetTable;
  /** Not fixed in time: a loaner of no lower specification within this long of the report. */
  loaner: Duration;
  /**
   * Duty hours and the targets for a call outside them. Absent on every level saved before duty
   * hours existed: those keep one set of targets round the clock, exactly as before.
   */
  duty?: { hours: DutyHours; outside: TargetTable };
  /** The share of calls each target is promised for, in percent; absent or null: not promised. */
  shares?: Partial<Record<ShareMilestone, number | null>>;
}

/**
 * The targets a call gets: by its region and severity, and with duty hours by the hour it came
 * in (the desk's local day and time, weekends and holidays from the working calendar). Every
 * milestone of the call, the fix included, follows that hour: the promise is made when the call
 * is taken.
 */
export function targetsFor(terms: ServiceLevelTerms, region: Region, severity: Severity, reportedAt: number, calendar: WorkingCalendar): Targets {
  if (!terms.duty || onDuty(terms.duty.hours, reportedAt, calendar)) return terms.targets[region][severity];
  return terms.duty.outside[region][severity];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The moment a duration started at `from` (epoch ms) runs out. */
export function deadline(from: number, duration: Duration, calendar: WorkingCalendar): number {
  if (duration.unit === 'minutes') return from + duration.amount * MINUTE;
  if (duration.unit === 'hours') return from + duration.amount * HOUR;
  // "Within N working days" ends with the desk's Nth working day after the start day.
  const end = addWorkingDays(calendar, localDay(from), duration.amount);
  // The last millisecond of that day: the start of the next, less one.
  return localMoment(addDays(end, 1)) - 1;
}

export type Milestone = 'answer' | 'arrival' | 'fix' | 'loaner';
export type DeadlineState = 'met' | 'missed' | 'onTrack' | 'atRisk' | 'overdue';

/** At risk once this share of the time allowed is left. */
export const AT_RISK_SHARE = 0.25;

export interface DeadlineView {
  milestone: Milestone;
  /** When the clock started (epoch ms). */
  from: number;
  due: number;
  /** When the milestone was reached, or null. */
  doneAt: number | null;
  state: DeadlineState;
  /** Milliseconds left (negative when overdue); null once done. */
  leftMs: number | null;
}

export function deadlineState(from: number, due: number, doneAt: number | null, now: number): DeadlineState {
  if (doneAt !== null) return doneAt <= due ? 'met' : 'missed';
  if (now > due) return 'overdue';
  return due - now <= (due - from) * AT_RISK_SHARE ? 'atRisk' : 'onTrack';
}

export function view(milestone: Milestone, from: number, due: number, doneAt: number | null, now: number): DeadlineView {
  return { milestone, from, due, doneAt, state: deadlineState(from, due, doneAt, now), leftMs: doneAt === null ? due - now : null };
}

export interface TicketClock {
  reportedAt: number;
  answeredAt: number | null;
  arrivedAt: number | null;
  resolvedAt: number | null;
  /** A loaner issued (or its absence recorded) for this ticket. */
  loanerAt: number | null;
  /** The unit went off-site or waits for parts: the loaner promise applies. */
  needsLoaner: boolean;
  /** The ticket stopped counting (cancelled). */
  stoppedAt: number | null;
}

export interface TicketDeadlines {
  answerDue: number;
  arrivalDue: number;
  /** Counted from arrival once the technician is there, from the arrival deadline until then. */
  fixDue: number;
  loanerDue: number;
}

export function ticketDeadlines(terms: Targets, loaner: Duration, clock: Pick<TicketClock, 'reportedAt' | 'arrivedAt'>, calendar: WorkingCalendar): TicketDeadlines {
  const answerDue = deadline(clock.reportedAt, terms.answer, calendar);
  const arrivalDue = deadline(clock.reportedAt, terms.arrival, calendar);
  const fixDue = deadline(clock.arrivedAt ?? arrivalDue, terms.fix, calendar);
  return { answerDue, arrivalDue, fixDue, loanerDue: deadline(clock.reportedAt, loaner, calendar) };
}

/**
 * Every promise the ticket carries and where it stands at `now`. A cancelled ticket freezes:
 * its open milestones are judged at the moment it stopped.
 */
export function deadlineViews(due: TicketDeadlines, clock: TicketClock, now: number): DeadlineView[] {
  const at = clock.stoppedAt ?? now;
  const fixFrom = clock.arrivedAt ?? due.arrivalDue;
  const views = [
    view('answer', clock.reportedAt, due.answerDue, clock.answeredAt, at),
    view('arrival', clock.reportedAt, due.arrivalDue, clock.arrivedAt, at),
    view('fix', Math.min(fixFrom, due.fixDue), due.fixDue, clock.resolvedAt, at),
  ];
  if (clock.needsLoaner || clock.loanerAt !== null) {
    views.push(view('loaner', clock.reportedAt, due.loanerDue, clock.loanerAt ?? (clock.resolvedAt !== null && clock.resolvedAt <= due.loanerDue ? clock.resolvedAt : null), at));
  }
  return views;
}

/** The worst state among the open milestones, for the board and the list badge. */
export function worstState(views: DeadlineView[]): DeadlineState | null {
  const order: DeadlineState[] = ['overdue', 'atRisk', 'onTrack'];
  for (const state of order) if (views.some((v) => v.state === state)) return state;
  return null;
}

const d = (amount: number, unit: Duration['unit']): Duration => ({ amount, unit });

function row(answer: Duration, arrival: [Duration, Duration, Duration], fix: [Duration, Duration, Duration]): Record<Severity, Targets> {
  return {
    ordinary: { answer, arrival: arrival[0], fix: fix[0] },
    major: { answer, arrival: arrival[1], fix: fix[1] },
    emergency: { answer: d(15, 'minutes'), arrival: arrival[2], fix: fix[2] },
  };
}

const FIX: [Duration, Duration, Duration] = [d(4, 'hours'), d(8, 'hours'), d(4, 'hours')];

/**
 * The seeds' promises: answer within 30 minutes; on site 2 h in town, 12 h outside; fixed 4 h
 * after arrival (major fault 8 h); an entrapment-class emergency on site in 30 min in town, 1 h
 * elsewhere; a loaner within 48 h when not fixed.
 */
export const STANDARD_TERMS: ServiceLevelTerms = {
  targets: {
    urban: row(d(30, 'minutes'), [d(2, 'hours'), d(2, 'hours'), d(30, 'minutes')], FIX),
    suburban: row(d(30, 'minutes'), [d(12, 'hours'), d(12, 'hours'), d(1, 'hours')], FIX),
    other: row(d(30, 'minutes'), [d(24, 'hours'), d(24, 'hours'), d(2, 'hours')], FIX),
  },
  loaner: d(48, 'hours'),
};

/** The other commitment the seeds print: answer within 1 hour, on site 4 h in town, next working day out of town. */
export const BASIC_TERMS: ServiceLevelTerms = {
  targets: {
    urban: row(d(1, 'hours'), [d(4, 'hours'), d(4, 'hours'), d(1, 'hours')], FIX),
    suburban: row(d(1, 'hours'), [d(1, 'workingDays'), d(1, 'workingDays'), d(2, 'hours')], FIX),
    other: row(d(1, 'hours'), [d(1, 'workingDays'), d(1, 'workingDays'), d(4, 'hours')], FIX),
  },
  loaner: d(48, 'hours'),
};
