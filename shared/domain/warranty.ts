import { addMonths, daysBetween, type IsoDate } from './dates';

export type WarrantyBasis = 'acceptance' | 'purchase';
export type WarrantyState = 'active' | 'ending' | 'expired' | 'notStarted';

export interface WarrantyInput {
  purchaseDate: IsoDate;
  acceptanceDate: IsoDate | null;
  warrantyMonths: number;
}

export interface WarrantyTerm {
  basis: WarrantyBasis;
  /** The day the term starts from (acceptance sign-off, else the purchase date). */
  start: IsoDate;
  /** The last covered day, as printed on the card. */
  end: IsoDate;
  months: number;
}

/** Days before the end at which the desk is warned that a warranty is ending. */
export const ENDING_SOON_DAYS = 30;

/**
 * Installed systems are covered from acceptance sign-off; a unit without one, from purchase.
 * The start day itself is not counted, so a term of N months ends on the same day N months on
 * (or that month's last day).
 */
export function warrantyTerm(unit: WarrantyInput): WarrantyTerm {
  const basis: WarrantyBasis = unit.acceptanceDate ? 'acceptance' : 'purchase';
  const start = unit.acceptanceDate ?? unit.purchaseDate;
  return { basis, start, end: addMonths(start, unit.warrantyMonths), months: unit.warrantyMonths };
}

export function warrantyState(term: WarrantyTerm, on: IsoDate): WarrantyState {
  if (on < term.start) return 'notStarted';
  if (on > term.end) return 'expired';
  return daysBetween(on, term.end) < ENDING_SOON_DAYS ? 'ending' : 'active';
}
