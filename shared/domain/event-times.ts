import { localDay, localMoment, localTime } from './dates';
import type { TicketStatus } from './ticket-status';

/*
 * When things really happened on a job. The desk often records an arrival, a completion or a
 * callback after the fact (the technician phones in at the end of the day), so these moves take
 * the time typed at the desk; the ticket keeps it, the deadlines and the papers read it, and the
 * timeline keeps beside it when it was entered.
 */

/** A typed time may run this far ahead of the desk's clock: the PC, the technician's phone and the wall clock disagree by minutes. */
export const CLOCK_TOLERANCE_MS = 5 * 60_000;

const MINUTE = 60_000;

/** The moments already on the ticket that a new one is checked against. */
export interface TicketTimes {
  reportedAt: number;
  arrivedAt: number | null;
  resolvedAt: number | null;
}

/** Each refusal's key under `ticketing.errors.`; its text names the time refused (`ticketing.eventTime.<status>`). */
export type EventTimeRule = 'eventInFuture' | 'eventBeforeReport' | 'arrivalAfterCompletion' | 'completionBeforeArrival' | 'callbackBeforeCompletion' | 'closeBeforeCompletion';

export type EventTimeCheck =
  | { ok: true; at: number }
  | { ok: false; rule: EventTimeRule; params: { status: TicketStatus; bound: string } };

/** The desk's minute a moment falls in: the time zones in use are offset by whole minutes. */
const minuteOf = (ms: number) => Math.floor(ms / MINUTE) * MINUTE;

/** A moment as the messages print it, the same in both languages: `2026-09-18 14:05`. */
export const stampText = (ms: number) => `${localDay(ms)} ${localTime(ms)}`;

/**
 * Checks the time typed for the move to `status` (the callback is `calledBack`) against the
 * desk's clock and the ticket's other moments, and gives the moment to store. Times are typed to
 * the minute, so "not before" is judged by the minute (14:00 is not before a report at
 * 14:00:30); within that minute the time is moved to the bound, so stored moments stay in order
 * and no promise is counted from a moment before its start.
 */
export function checkEventTime(status: TicketStatus, at: number, times: TicketTimes, now: number): EventTimeCheck {
  const refuse = (rule: EventTimeRule, bound: number): EventTimeCheck => ({ ok: false, rule, params: { status, bound: stampText(bound) } });
  const floors: [number | null, EventTimeRule][] = [[times.reportedAt, 'eventBeforeReport']];
  if (status === 'resolved') floors.push([times.arrivedAt, 'completionBeforeArrival']);
  if (status === 'calledBack') floors.push([times.resolvedAt, 'callbackBeforeCompletion']);
  // Closing is the last word on a job: no earlier than its completion, whoever sends the time.
  if (status === 'closed') floors.push([times.resolvedAt, 'closeBeforeCompletion']);
  let stored = at;
  for (const [bound, rule] of floors) {
    if (bound === null) continue;
    if (at < minuteOf(bound)) return refuse(rule, bound);
    stored = Math.max(stored, bound);
  }
  if (status === 'onSite' && times.resolvedAt !== null) {
    if (minuteOf(at) > minuteOf(times.resolvedAt)) return refuse('arrivalAfterCompletion', times.resolvedAt);
    stored = Math.min(stored, times.resolvedAt);
  }
  // After the order: a PC clock set back makes every time look ahead, and the message shows its time.
  if (at > now + CLOCK_TOLERANCE_MS) return refuse('eventInFuture', now);
  return { ok: true, at: stored };
}

/**
 * The moment a move is stamped with when the desk gives no time: when it is entered, moved
 * forward past the moments it must not precede (an arrival typed a minute ahead of the clock).
 */
export function untypedEventTime(status: TicketStatus, entered: number, times: TicketTimes): number {
  let at = Math.max(entered, times.reportedAt);
  if (status === 'resolved' && times.arrivedAt !== null) at = Math.max(at, times.arrivedAt);
  if ((status === 'calledBack' || status === 'closed') && times.resolvedAt !== null) at = Math.max(at, times.resolvedAt);
  return at;
}

/**
 * The arrival the on-site dialog offers first: the start of the agreed visit once it has come
 * (today's or an earlier day's), since that is when the technician most likely got there; now
 * otherwise (null). A visit agreed before an earlier arrival belongs to that earlier visit.
 */
export function arrivalDefault(appointment: { date: string; from: string } | null, arrivedAt: number | null, now: number): number | null {
  if (!appointment) return null;
  const start = localMoment(appointment.date, appointment.from);
  if (start > now) return null;
  if (arrivedAt !== null && start <= arrivedAt) return null;
  return start;
}
