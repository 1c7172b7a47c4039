import { z } from 'zod';
import { id, isoDate, optionalText } from './common';
import { CARD_PAPERS, language } from './document';

/*
 * Renewal (续保): what is due before a contract or a unit's whole-unit warranty ends, and what
 * the desk does about it: a notice, a dedicated visit, renewing, or recording that the customer
 * does not renew (with the note of what to mind once service ends).
 */

/** One contract, or one unit whose warranty ends with no contract after it: exactly one is given. */
const target = {
  contractId: id.nullish().transform((v) => v ?? null),
  unitId: id.nullish().transform((v) => v ?? null),
};
const oneTarget = { error: 'renewal.errors.target', path: ['contractId'] };
const hasOne = (t: { contractId: number | null; unitId: number | null }) => (t.contractId === null) !== (t.unitId === null);

export const renewalTargetInput = z.strictObject(target).refine(hasOne, oneTarget);
export const renewalDeclineInput = z.strictObject({ ...target, declinedOn: isoDate.nullish().transform((v) => v ?? null), note: optionalText(500) }).refine(hasOne, oneTarget);
export const renewalPaperInput = z.strictObject({ ...target, paper: z.enum(CARD_PAPERS), language }).refine(hasOne, oneTarget);
export const contractRenewInput = z.strictObject({ id });

export type RenewalSubject = 'contract' | 'warranty';

/** A renewal due: a contract ending, or a unit's whole-unit warranty ending with no contract after it. */
export interface RenewalDue {
  subject: RenewalSubject;
  /** The contract's id, or the unit's. */
  id: number;
  /** The contract's number, or the unit's serial. */
  reference: string;
  customerId: number;
  customerName: string;
  /** What it covers: the units' count for a contract, the brand and model for a unit. */
  label: string;
  /** The last day covered. */
  endsOn: string;
  daysLeft: number;
  /** The renewal visit already offered, if any (still due or done). */
  visitId: number | null;
  visitOn: string | null;
}

/** A customer's answer that they do not renew. */
export interface RenewalDecline {
  declinedOn: string;
  note: string | null;
}

/** What a contract page shows of its renewal. */
export interface ContractRenewal {
  /** The contract made from this one, if renewed (and not cancelled). */
  renewedTo: { id: number; number: string } | null;
  renewedFrom: { id: number; number: string } | null;
  declined: RenewalDecline | null;
  /** Today falls within the lead time before the end. */
  due: boolean;
  leadDays: number;
  visitId: number | null;
  visitOn: string | null;
}
