import dayjs from 'dayjs';

/** Calendar dates travel and are stored as `YYYY-MM-DD` text: no time zone can shift them. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Today's calendar date on this PC's clock (the desk's local day, not UTC). */
export function todayIso(now: Date = new Date()): IsoDate {
  return dayjs(now).format('YYYY-MM-DD');
}

/**
 * Adds whole months the way a term is counted under the PRC Civil Code (arts. 201-203): the
 * same day of the month N months later, or that month's last day when it has no such day.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return dayjs(date).add(months, 'month').format('YYYY-MM-DD');
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return dayjs(date).add(days, 'day').format('YYYY-MM-DD');
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayjs(to).diff(dayjs(from), 'day');
}
