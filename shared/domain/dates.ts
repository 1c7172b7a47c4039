/** Calendar dates travel and are stored as `YYYY-MM-DD` text: no time zone can shift them. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Year, month and day of text written `YYYY-MM-DD`, whether or not the calendar has that day (2026-02-30). */
export function isoDateParts(value: string): [year: number, month: number, day: number] | null {
  const m = ISO_DATE.exec(value);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

export function isIsoDate(value: string): boolean {
  const parts = isoDateParts(value);
  if (!parts) return false;
  const [y, mo, d] = parts;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/*
 * The desk's local time: the PC's clock and time zone, which is the office's. Moments are stored
 * as UTC epoch ms; these say which calendar day and clock time they were at the desk.
 */

/** The local calendar day of a moment. */
export function localDay(at: number | Date): IsoDate {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The local clock time of a moment, 24 h: `14:05` (with seconds: `14:05:09`). */
export function localTime(at: number | Date, options: { seconds?: boolean } = {}): string {
  const d = new Date(at);
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return options.seconds ? `${hm}:${pad(d.getSeconds())}` : hm;
}

/** The local moment a calendar day and a 24 h `HH:mm` name (midnight when no time is given), as epoch ms. */
export function localMoment(date: IsoDate, time = '00:00'): number {
  const [y, m, d] = parts(date);
  return new Date(y, m - 1, d, Number(time.slice(0, 2)), Number(time.slice(3, 5))).getTime();
}

/** Today's calendar date on this PC's clock (the desk's local day, not UTC). */
export function todayIso(now: Date = new Date()): IsoDate {
  return localDay(now);
}

// Calendar arithmetic on plain numbers: the warranty engine does it thousands of times per
// search, and a date library's parse/format round trips dominated its profile.
const DAY_MS = 86_400_000;
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
