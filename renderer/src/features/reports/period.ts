import { addDays, addMonths } from '../../../../shared/domain/dates';

export const PERIOD_KINDS = ['month', 'quarter', 'year', 'range'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface PeriodChoice {
  kind: PeriodKind;
  year: number;
  /** Month 1–12, or quarter 1–4. */
  part: number;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The first and last day a choice covers: a calendar month, quarter or year, or the range typed. */
export function periodOf(c: PeriodChoice): { from: string; to: string } {
  if (c.kind === 'range') return { from: c.from, to: c.to };
  if (c.kind === 'year') return { from: `${c.year}-01-01`, to: `${c.year}-12-31` };
  const months = c.kind === 'quarter' ? 3 : 1;
  const firstMonth = c.kind === 'quarter' ? (c.part - 1) * 3 + 1 : c.part;
  const from = `${c.year}-${pad(firstMonth)}-01`;
  return { from, to: addDays(addMonths(from, months), -1) };
}

/** The month before today's: the owner reads the month just ended. */
export function lastMonth(today: string): PeriodChoice {
  const first = addMonths(`${today.slice(0, 8)}01`, -1);
  return { kind: 'month', year: Number(first.slice(0, 4)), part: Number(first.slice(5, 7)), from: first, to: addDays(`${today.slice(0, 8)}01`, -1) };
}
