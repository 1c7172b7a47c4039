import { addDays, addMonths, daysBetween, type IsoDate } from './dates';

/* Renewal (续保): the term a renewed maintenance contract runs for. Pure: services and screens share it. */

/**
 * The term after `startsOn`–`endsOn`, of the same length: whole months stay whole months (a
 * year from 1 January to 31 December renews to the next calendar year), anything else the same
 * number of days.
 */
export function nextTerm(startsOn: IsoDate, endsOn: IsoDate): { startsOn: IsoDate; endsOn: IsoDate; shift: (day: IsoDate) => IsoDate } {
  const next = addDays(endsOn, 1);
  let months = 0;
  for (let k = 1; k <= 120; k++) {
    const end = addDays(addMonths(startsOn, k), -1);
    if (end === endsOn) months = k;
    if (end >= endsOn) break;
  }
  const days = daysBetween(startsOn, endsOn);
  const nextEnd = months > 0 ? addDays(addMonths(next, months), -1) : addDays(next, days);
  // A plan line's own dates move with the term: its start and end exactly, a day within by the same step.
  const shift = (day: string) => {
    if (day === startsOn) return next;
    if (day === endsOn) return nextEnd;
    const moved = months > 0 ? addMonths(day, months) : addDays(day, days + 1);
    return moved < next ? next : moved > nextEnd ? nextEnd : moved;
  };
  return { startsOn: next, endsOn: nextEnd, shift };
}
