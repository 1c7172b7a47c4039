import { describe, expect, it } from 'vitest';
import { CN_MAINLAND, isWorkingDay } from '../../shared/domain/calendar';
import { handoverLine, nominalDays, onWorkingDay, planVisits, presetPlan, type PlanLine } from '../../shared/domain/visit-plan';

const line = (over: Partial<PlanLine> & Pick<PlanLine, 'repeat' | 'from' | 'to'>): PlanLine => ({ kind: 'inspection', n: null, offsets: null, ...over });
const dues = (lines: PlanLine[]) => planVisits(lines, CN_MAINLAND).map((v) => v.due);

describe('quarterly inspections', () => {
  it('fall on the 15th of March, June, September and December, moved onto a working day', () => {
    const visits = planVisits([line({ repeat: 'quarter', from: '2026-01-01', to: '2026-12-31' })], CN_MAINLAND);
    // 2026-03-15 is a Sunday: the visit is on Monday the 16th.
    expect(visits.map((v) => [v.nominal, v.due])).toEqual([
      ['2026-03-15', '2026-03-16'],
      ['2026-06-15', '2026-06-15'],
      ['2026-09-15', '2026-09-15'],
      ['2026-12-15', '2026-12-15'],
    ]);
  });

  it('run across the year end, and say when the calendar has no schedule for the year', () => {
    const visits = planVisits([line({ repeat: 'quarter', from: '2026-07-01', to: '2027-06-30' })], CN_MAINLAND);
    expect(visits.map((v) => v.due)).toEqual(['2026-09-15', '2026-12-15', '2027-03-15', '2027-06-15']);
    expect(visits.map((v) => v.calendarMissing)).toEqual([false, false, true, true]);
  });

  it('start after the contract does: a contract beginning on the 15th has its first inspection the next quarter', () => {
    expect(nominalDays(line({ repeat: 'quarter', from: '2026-03-15', to: '2026-09-30' }))).toEqual(['2026-06-15', '2026-09-15']);
  });
});

describe('monthly and every-N-months lines', () => {
  it('count each visit from the start, so a 31st stays the month end instead of drifting', () => {
    expect(nominalDays(line({ kind: 'callback', repeat: 'months', n: 1, from: '2026-01-31', to: '2026-06-30' }))).toEqual([
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
    ]);
  });

  it('keep a swapped working Saturday (调休) and move off a Sunday and a holiday', () => {
    // 2026-02-28 is a Saturday worked in place of a Spring Festival day; 2026-05-31 a Sunday; 2026-10-01 National Day.
    // The last one cannot move to Monday 1 June, after the line ends: it moves back to Friday 29 May.
    expect(dues([line({ kind: 'callback', repeat: 'months', n: 1, from: '2026-01-31', to: '2026-05-31' })])).toEqual([
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-29',
    ]);
    const national = dues([line({ kind: 'callback', repeat: 'months', n: 1, from: '2026-09-01', to: '2026-10-31' })]);
    expect(national).toEqual(['2026-10-08']);
  });

  it('half-yearly and yearly maintenance count six and twelve months from the start', () => {
    expect(nominalDays(line({ kind: 'maintenance', repeat: 'months', n: 6, from: '2026-04-10', to: '2028-04-10' }))).toEqual([
      '2026-10-10',
      '2027-04-10',
      '2027-10-10',
      '2028-04-10',
    ]);
    expect(nominalDays(line({ kind: 'maintenance', repeat: 'months', n: 12, from: '2026-04-10', to: '2028-04-09' }))).toEqual(['2027-04-10']);
  });
});

describe('every N days', () => {
  it('elevators every 15 days, each visit on a working day', () => {
    const visits = planVisits([line({ kind: 'maintenance', repeat: 'days', n: 15, from: '2026-09-20', to: '2026-11-30' })], CN_MAINLAND);
    expect(visits.map((v) => v.nominal)).toEqual(['2026-10-05', '2026-10-20', '2026-11-04', '2026-11-19']);
    // 2026-10-05 is inside the National Day holiday: the first working day after it.
    expect(visits[0]!.due).toBe('2026-10-08');
    for (const v of visits) expect(isWorkingDay(CN_MAINLAND, v.due), v.due).toBe(true);
  });
});

describe('a visit that would leave its line', () => {
  it('moves back to the last working day before the line ends instead', () => {
    // The line ends on Sunday 2026-05-31: the Sunday visit cannot move to Monday 1 June.
    expect(onWorkingDay(CN_MAINLAND, '2026-05-31', { from: '2026-05-01', to: '2026-05-31' })).toBe('2026-05-29');
  });
});

describe('phased plans', () => {
  it('monthly for the first three months after acceptance, then quarterly, with half-yearly maintenance', () => {
    const visits = planVisits(presetPlan('phased', '2026-02-10', '2027-02-09'), CN_MAINLAND);
    const inspections = visits.filter((v) => v.kind === 'inspection').map((v) => v.nominal);
    expect(inspections).toEqual(['2026-03-10', '2026-04-10', '2026-05-10', '2026-06-15', '2026-09-15', '2026-12-15']);
    // The second half-yearly visit (2027-02-10) falls after the plan's last day.
    expect(visits.filter((v) => v.kind === 'maintenance').map((v) => v.nominal)).toEqual(['2026-08-10']);
    // Sorted by date, whatever line they came from.
    const sorted = [...visits].sort((a, b) => (a.due < b.due ? -1 : 1));
    expect(visits.map((v) => v.due)).toEqual(sorted.map((v) => v.due));
  });

  it('the standard plan: a callback a month, an inspection a quarter, maintenance once a year', () => {
    const visits = planVisits(presetPlan('standard', '2026-01-01', '2026-12-31'), CN_MAINLAND);
    const count = (kind: string) => visits.filter((v) => v.kind === kind).length;
    expect([count('callback'), count('inspection'), count('maintenance')]).toEqual([11, 4, 1]);
    // The yearly maintenance comes in the eleventh month, inside a one-year contract.
    expect(visits.find((v) => v.kind === 'maintenance')!.nominal).toBe('2026-12-01');
    // A contract shorter than eleven months has none to promise.
    expect(presetPlan('standard', '2026-01-01', '2026-06-30').some((l) => l.kind === 'maintenance')).toBe(false);
  });
});

describe('callbacks after handover', () => {
  it('are counted in months from acceptance, up to the end of the warranty', () => {
    expect(nominalDays(handoverLine('project', '2026-03-05', '2028-03-04'))).toEqual(['2026-06-05', '2026-10-05', '2027-02-05', '2027-06-05', '2027-10-05', '2028-02-05']);
    // A one-year warranty: only the household callbacks within it.
    expect(nominalDays(handoverLine('household', '2026-03-05', '2027-03-04'))).toEqual(['2026-09-05']);
  });
});

describe('a plan typed wrong', () => {
  it('stops at a bound rather than making visits without end', () => {
    expect(nominalDays(line({ repeat: 'days', n: 1, from: '2026-01-01', to: '2099-12-31' }))).toHaveLength(800);
  });
});
