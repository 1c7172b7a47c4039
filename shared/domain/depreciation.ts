import { addDays, daysBetween, type IsoDate } from './dates';

/**
 * The depreciation a 三包 refund may deduct (seed 003: 折旧费计算自开具发票之日起至退货之日止,
 * 其中扣除修理占用和维修占用的时间): counted from the invoice date to the day of the return, less
 * the days the unit spent in repair, at a rate per day of the invoice price. The start day is
 * not counted (as with every term: PRC Civil Code art. 201), so a unit returned the day after
 * its invoice has had one day of use.
 */

/** One stay in repair: from the day the desk took the fault in to the day it was handed back. */
export interface RepairStay {
  ticketNumber: string;
  from: IsoDate;
  /** Null while the ticket is still open: the stay runs to the day of the return. */
  to: IsoDate | null;
}

export interface DepreciationInput {
  invoiceDate: IsoDate;
  returnDate: IsoDate;
  priceFen: number;
  /** Basis points of the price per day of use: 10 = 0.10 % a day. */
  rateBp: number;
  stays: readonly RepairStay[];
}

export interface DepreciationLine {
  ticketNumber: string;
  from: IsoDate;
  to: IsoDate;
  days: number;
}

export interface Depreciation {
  daysElapsed: number;
  /** Each stay as counted, clipped to the days between the invoice and the return. */
  stays: DepreciationLine[];
  repairDays: number;
  chargedDays: number;
  depreciationFen: number;
  refundFen: number;
}

/**
 * Counts the deduction line by line. Stays that overlap (two tickets open at once) count their
 * days once. The amount is rounded to the fen, half up. A refund below zero is not an answer:
 * `refundFen` is then negative and the caller refuses the rate.
 */
export function countDepreciation(input: DepreciationInput): Depreciation {
  const daysElapsed = Math.max(0, daysBetween(input.invoiceDate, input.returnDate));
  const stays: DepreciationLine[] = [];
  const counted = new Set<IsoDate>();
  for (const stay of [...input.stays].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))) {
    const from = stay.from < input.invoiceDate ? input.invoiceDate : stay.from;
    const end = stay.to === null || stay.to > input.returnDate ? input.returnDate : stay.to;
    if (end < from) continue;
    // A day in repair is a day after `from` up to `end`: the day taken in is not counted, as the invoice day is not.
    let days = 0;
    for (let d = 1; d <= daysBetween(from, end); d++) {
      const day = addDays(from, d);
      if (!counted.has(day)) {
        counted.add(day);
        days++;
      }
    }
    stays.push({ ticketNumber: stay.ticketNumber, from, to: end, days });
  }
  const repairDays = Math.min(daysElapsed, stays.reduce((sum, s) => sum + s.days, 0));
  const chargedDays = daysElapsed - repairDays;
  const depreciationFen = Math.round((input.priceFen * input.rateBp * chargedDays) / 10_000);
  return { daysElapsed, stays, repairDays, chargedDays, depreciationFen, refundFen: input.priceFen - depreciationFen };
}

/** A rate in basis points as the desk reads it: 10 → "0.10%". */
export function ratePercent(rateBp: number): string {
  return (rateBp / 100).toFixed(2);
}
