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

// Calendar arithmetic on plain numbers: the warranty engine does it thousands of times per
// search, and a date library's parse/format round trips dominated its profile.
const DAY_MS = 86_400_000;
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
function parts(date: IsoDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}
function fromUtc(ms: number): IsoDate {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
const utc = (date: IsoDate) => {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d);
};

/**
 * Adds whole months the way a term is counted under the PRC Civil Code (arts. 201-203): the
 * same day of the month N months later, or that month's last day when it has no such day.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${pad(month + 1)}-${pad(Math.min(d, lastDay))}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(utc(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** Day of the week, 0 = Sunday. */
export function weekday(date: IsoDate): number {
  return new Date(utc(date)).getUTCDay();
}
