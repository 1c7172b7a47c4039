import { z } from 'zod';
import { isoDate } from './common';

/** A period of days, both ends included (the desk's local days), at most about three years. */
export const sharesInput = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((p) => p.from <= p.to, { path: ['to'], error: 'hours.errors.periodOrder' })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 1100 * 86_400_000, { path: ['to'], error: 'hours.errors.periodTooLong' });

/** The ticket milestones a service level promises, and the three a complaint owes. */
export type ShareMilestoneName = 'answer' | 'arrival' | 'fix' | 'ack' | 'reply' | 'resolve';

export interface ShareRow {
  milestone: ShareMilestoneName;
  /** The share promised, percent; null when the level or the rules promise none. */
  promised: number | null;
  /** Calls whose deadline has been reached or passed: met in time, late, or still open past it. */
  judged: number;
  met: number;
  /** Percent met, one decimal; null when nothing was judged. */
  share: number | null;
  /** The promise kept; null when none is promised or nothing was judged. */
  kept: boolean | null;
}

export interface ServiceShares {
  from: string;
  to: string;
  /** Every level that has calls reported in the period, the default first. */
  levels: { id: number; name: string; tickets: number; rows: ShareRow[] }[];
  complaints: { count: number; rows: ShareRow[] };
}
