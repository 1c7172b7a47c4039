import { describe, expect, it } from 'vitest';
import { CN_MAINLAND } from '../../shared/domain/calendar';
import { dayKindOf, dutyProblems, onDuty, SEED_DUTY_HOURS, type DutyHours } from '../../shared/domain/duty-hours';
import { STANDARD_TERMS, targetsFor } from '../../shared/domain/sla';

const at = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const hours = (workingDay: DutyHours['workingDay'], rest = SEED_DUTY_HOURS.restDay, holiday = SEED_DUTY_HOURS.holiday): DutyHours => ({ workingDay, restDay: rest, holiday });

describe('duty hours', () => {
  it.each([
    ['a Friday', '2026-04-03', 'workingDay'],
    ['a Qingming Saturday', '2026-04-04', 'holiday'],
    ['a Qingming Monday', '2026-04-06', 'holiday'],
    ['a plain Sunday', '2026-04-12', 'restDay'],
    ['a swapped working Saturday (调休)', '2026-10-10', 'workingDay'],
  ])('%s is a %s', (_case, date, kind) => {
    expect(dayKindOf(CN_MAINLAND, date)).toBe(kind);
  });

  it.each([
    ['23:59 Friday, inside 08:00–24:00', at(2026, 4, 3, 23, 59), true],
    ['00:00 the holiday, outside', at(2026, 4, 4, 0, 0), false],
    ['07:59, outside', at(2026, 4, 4, 7, 59), false],
    ['08:00, inside (from is included)', at(2026, 4, 4, 8, 0), true],
  ])('%s', (_case, moment, inside) => {
    expect(onDuty(SEED_DUTY_HOURS, moment, CN_MAINLAND)).toBe(inside);
  });

  it('a closed day is outside all day', () => {
    const h = hours(SEED_DUTY_HOURS.workingDay, { closed: true, spans: [] });
    expect(onDuty(h, at(2026, 4, 12, 12), CN_MAINLAND)).toBe(false);
  });

  it('finds every problem: a day left empty, a reversed span, an overlap; touching spans are fine', () => {
    expect(dutyProblems(hours({ closed: false, spans: [{ from: '08:00', to: '12:00' }, { from: '12:00', to: '18:00' }] }))).toEqual([]);
    expect(
      dutyProblems({
        workingDay: { closed: false, spans: [{ from: '08:00', to: '13:00' }, { from: '12:00', to: '18:00' }, { from: '20:00', to: '19:00' }] },
        restDay: { closed: false, spans: [] },
        holiday: { closed: true, spans: [] },
      }),
    ).toEqual([
      { day: 'workingDay', span: 2, code: 'order' },
      { day: 'workingDay', span: 1, code: 'overlap', other: { from: '08:00', to: '13:00' } },
      { day: 'restDay', span: null, code: 'empty' },
    ]);
  });

  it('a level without duty hours gives its one table at any hour', () => {
    expect(targetsFor(STANDARD_TERMS, 'urban', 'ordinary', at(2026, 4, 4, 3, 0), CN_MAINLAND)).toBe(STANDARD_TERMS.targets.urban.ordinary);
  });
});
