import { describe, expect, it } from 'vitest';
import { arrivalDefault, checkEventTime, CLOCK_TOLERANCE_MS, untypedEventTime, type EventTimeRule, type TicketTimes } from '../../shared/domain/event-times';
import type { TicketStatus } from '../../shared/domain/ticket-status';

/** Local time on this PC, as the desk reads a clock. */
const at = (d: number, h: number, min = 0, s = 0) => new Date(2026, 8, d, h, min, s).getTime();

const NOW = at(18, 18, 24);
const REPORTED = at(18, 8, 0, 30);
const ARRIVED = at(18, 9, 5);
const RESOLVED = at(18, 11, 40);

const open: TicketTimes = { reportedAt: REPORTED, arrivedAt: null, resolvedAt: null };
const arrived: TicketTimes = { ...open, arrivedAt: ARRIVED };
const resolved: TicketTimes = { ...arrived, resolvedAt: RESOLVED };

type Row = [string, TicketStatus, number, TicketTimes, { stored: number } | { rule: EventTimeRule; bound: string }];

const ROWS: Row[] = [
  ['an arrival between the report and now is kept as typed', 'onSite', at(18, 9, 5), open, { stored: at(18, 9, 5) }],
  ['an arrival a few minutes ahead of the PC clock is within its tolerance', 'onSite', NOW + CLOCK_TOLERANCE_MS, open, { stored: NOW + CLOCK_TOLERANCE_MS }],
  ['an arrival beyond the tolerance is in the future, and the message shows the PC time', 'onSite', NOW + CLOCK_TOLERANCE_MS + 1, open, { rule: 'eventInFuture', bound: '2026-09-18 18:24' }],
  ['an arrival before the report is refused, naming the report', 'onSite', at(18, 7, 59), open, { rule: 'eventBeforeReport', bound: '2026-09-18 08:00' }],
  ['an arrival typed in the report’s own minute is not before it, and is kept no earlier than the report', 'onSite', at(18, 8, 0), open, { stored: REPORTED }],
  ['an arrival after the completion is refused', 'onSite', at(18, 11, 41), resolved, { rule: 'arrivalAfterCompletion', bound: '2026-09-18 11:40' }],
  ['an arrival in the completion’s minute is kept no later than the completion', 'onSite', at(18, 11, 40, 59), { ...resolved, resolvedAt: at(18, 11, 40, 20) }, { stored: at(18, 11, 40, 20) }],
  ['a completion after the arrival is kept as typed', 'resolved', at(18, 11, 40), arrived, { stored: at(18, 11, 40) }],
  ['a completion before the arrival is refused, naming the arrival', 'resolved', at(18, 9, 4), arrived, { rule: 'completionBeforeArrival', bound: '2026-09-18 09:05' }],
  ['a completion before the report is refused as before the report first', 'resolved', at(18, 7, 0), arrived, { rule: 'eventBeforeReport', bound: '2026-09-18 08:00' }],
  ['a completion in the future is refused', 'resolved', at(19, 9, 0), arrived, { rule: 'eventInFuture', bound: '2026-09-18 18:24' }],
  ['a callback after the completion is kept as typed', 'calledBack', at(18, 17, 0), resolved, { stored: at(18, 17, 0) }],
  ['a callback before the completion is refused, naming the completion', 'calledBack', at(18, 11, 0), resolved, { rule: 'callbackBeforeCompletion', bound: '2026-09-18 11:40' }],
  ['a callback in the future is refused', 'calledBack', at(18, 18, 30), resolved, { rule: 'eventInFuture', bound: '2026-09-18 18:24' }],
  ['a close before the completion is refused, whoever sends the time', 'closed', at(18, 11, 0), resolved, { rule: 'closeBeforeCompletion', bound: '2026-09-18 11:40' }],
  ['a close after the completion is kept as typed', 'closed', at(18, 17, 5), resolved, { stored: at(18, 17, 5) }],
  ['any other move typed before the report is refused', 'answered', at(17, 23, 0), open, { rule: 'eventBeforeReport', bound: '2026-09-18 08:00' }],
];

describe('checking a typed event time', () => {
  it.each(ROWS)('%s', (_name, status, typed, times, expected) => {
    const result = checkEventTime(status, typed, times, NOW);
    if ('stored' in expected) expect(result).toEqual({ ok: true, at: expected.stored });
    else expect(result).toEqual({ ok: false, rule: expected.rule, params: { status, bound: expected.bound } });
  });

  it('names the order problem even when the PC clock is set back before the report', () => {
    const setBack = at(17, 9, 0);
    expect(checkEventTime('onSite', at(18, 7, 0), open, setBack)).toMatchObject({ ok: false, rule: 'eventBeforeReport' });
    expect(checkEventTime('onSite', at(18, 9, 0), open, setBack)).toMatchObject({ ok: false, rule: 'eventInFuture', params: { bound: '2026-09-17 09:00' } });
  });
});

describe('the time of a move when none is typed', () => {
  it.each([
    ['is when it is entered', 'onSite', NOW, open, NOW],
    ['is never before the report (a PC clock set back)', 'answered', at(17, 9, 0), open, REPORTED],
    ['for a completion, never before an arrival typed a minute ahead of the clock', 'resolved', at(18, 9, 4), arrived, ARRIVED],
    ['for a callback, never before the completion', 'calledBack', at(18, 11, 0), resolved, RESOLVED],
    ['for a close, never before the completion', 'closed', at(18, 11, 0), resolved, RESOLVED],
  ] as [string, TicketStatus, number, TicketTimes, number][])('%s', (_name, status, entered, times, expected) => {
    expect(untypedEventTime(status, entered, times)).toBe(expected);
  });
});

describe('the arrival the on-site dialog offers', () => {
  const visit = { date: '2026-09-18', from: '09:00' };
  it.each([
    ['no visit agreed: now', null, null, NOW, null],
    ['today’s visit already begun: its start', visit, null, NOW, at(18, 9, 0)],
    ['an earlier day’s visit: its start', { date: '2026-09-17', from: '15:30' }, null, NOW, at(17, 15, 30)],
    ['today’s visit not begun yet (the technician is early): now', { date: '2026-09-18', from: '19:00' }, null, NOW, null],
    ['tomorrow’s visit: now', { date: '2026-09-19', from: '09:00' }, null, NOW, null],
    ['a visit that belonged to an earlier arrival: now', visit, at(18, 9, 10), NOW, null],
  ] as [string, { date: string; from: string } | null, number | null, number, number | null][])('%s', (_name, appointment, arrivedAt, now, expected) => {
    expect(arrivalDefault(appointment, arrivedAt, now)).toBe(expected);
  });
});
