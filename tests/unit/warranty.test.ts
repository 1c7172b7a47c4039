import { describe, expect, it } from 'vitest';
import { addMonths, isIsoDate } from '../../shared/domain/dates';
import { termState, type TermState } from '../../shared/domain/warranty-term';

describe('warranty term (Civil Code counting: start day not counted, month-end clamp)', () => {
  const cases: { name: string; purchase: string; acceptance: string | null; months: number; basis: string; end: string }[] = [
    { name: 'acceptance is the basis when signed off', purchase: '2026-03-01', acceptance: '2026-03-05', months: 12, basis: 'acceptance', end: '2027-03-05' },
    { name: 'purchase is the basis without acceptance', purchase: '2026-03-01', acceptance: null, months: 12, basis: 'purchase', end: '2027-03-01' },
    { name: 'month end clamps to a shorter month (DOMAIN.md example)', purchase: '2026-08-01', acceptance: '2026-08-31', months: 6, basis: 'acceptance', end: '2027-02-28' },
    { name: 'leap day start ends on 28 Feb of a common year', purchase: '2028-02-29', acceptance: null, months: 12, basis: 'purchase', end: '2029-02-28' },
    { name: 'clamps to 29 Feb in a leap year', purchase: '2027-08-31', acceptance: null, months: 6, basis: 'purchase', end: '2028-02-29' },
    { name: 'three years of main parts', purchase: '2026-01-31', acceptance: null, months: 36, basis: 'purchase', end: '2029-01-31' },
    { name: '30 Apr plus one month is 30 May, not 31', purchase: '2026-04-30', acceptance: null, months: 1, basis: 'purchase', end: '2026-05-30' },
  ];
  it.each(cases)('$name', ({ purchase, acceptance, months, end }) => {
    // Which date is the start (acceptance, else purchase) is the engine's rule: see warranty-engine.test.ts.
    expect(addMonths(acceptance ?? purchase, months)).toBe(end);
  });
});

describe('warranty state on a given day', () => {
  const start = '2026-01-10';
  const end = addMonths(start, 12);
  const cases: { on: string; state: TermState }[] = [
    { on: '2026-01-09', state: 'notStarted' },
    { on: '2026-01-10', state: 'active' },
    { on: '2026-12-11', state: 'active' },
    { on: '2026-12-12', state: 'ending' },
    { on: '2027-01-10', state: 'ending' },
    { on: '2027-01-11', state: 'expired' },
  ];
  it.each(cases)('$on is $state (last covered day 2027-01-10)', ({ on, state }) => {
    expect(termState(start, end, on)).toBe(state);
  });
});

describe('calendar dates', () => {
  it.each([
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-13-01', false],
    ['2026-1-1', false],
    ['2026-04-31', false],
    ['2026-12-31', true],
  ])('%s valid: %s', (value, valid) => {
    expect(isIsoDate(value)).toBe(valid);
  });
  it('adds months across a year end', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });
});
