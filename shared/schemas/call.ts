import { z } from 'zod';
import { CALL_OUTCOMES, CALL_PURPOSES, type CallOutcome, type CallPurpose } from '../domain/calls';
import { id, isoDate, optionalText, phone } from './common';
import { CARD_PAPERS, language } from './document';

/*
 * The call log (来电登记): caller (a customer on file, or just a name and a number), the unit if
 * known, what the call was for and how it ended; the week's summary of them.
 */

const optionalPhone = z.union([phone, z.literal('').transform(() => null), z.null()]).optional().transform((v) => v ?? null);

export const callLogInput = z
  .strictObject({
    customerId: id.nullish().transform((v) => v ?? null),
    callerName: optionalText(60),
    callerPhone: optionalPhone,
    unitId: id.nullish().transform((v) => v ?? null),
    purpose: z.enum(CALL_PURPOSES),
    outcome: z.enum(CALL_OUTCOMES),
    notes: optionalText(1000),
    /** The ticket the call opened or was about. */
    ticketId: id.nullish().transform((v) => v ?? null),
  })
  .refine((c) => c.customerId !== null || c.callerName !== null || c.callerPhone !== null, { error: 'calls.errors.noCaller', path: ['callerName'] });

/** A repair ticket ended on the phone, straight from answered: what was advised. */
export const callSolveTicketInput = z.strictObject({ ticketId: id, advice: z.string().trim().min(1, { error: 'calls.errors.adviceNeeded' }).max(500) });

export const callDayInput = z.strictObject({ day: isoDate.nullish().transform((v) => v ?? null) });
/** The week (Monday to Sunday) holding this day; null: this week. */
export const callWeekInput = z.strictObject({ weekOf: isoDate.nullish().transform((v) => v ?? null) });
export const callSummaryPaperInput = z.strictObject({ weekOf: isoDate.nullish().transform((v) => v ?? null), paper: z.enum(CARD_PAPERS), language });
export const callRulesInput = z.strictObject({ phoneTargetPct: z.number({ error: 'validation.invalidType' }).int().min(1, { error: 'calls.errors.target' }).max(100, { error: 'calls.errors.target' }) });

export interface Call {
  id: number;
  at: number;
  day: string;
  customerId: number | null;
  customerName: string | null;
  callerName: string | null;
  callerPhone: string | null;
  unitId: number | null;
  unitLabel: string | null;
  purpose: CallPurpose;
  outcome: CallOutcome;
  notes: string | null;
  ticketId: number | null;
  ticketNumber: string | null;
  createdBy: string;
}

/** A day's calls: the newest (up to a limit) and the counts over all of them. */
export interface CallDay {
  day: string;
  calls: Call[];
  total: number;
  solvedByPhone: number;
}

export interface CallRules {
  phoneTargetPct: number;
}

/** The week's calls: counts by purpose and outcome, the share solved on the phone against the target. */
export interface CallWeekSummary {
  from: string;
  to: string;
  total: number;
  byPurpose: Record<CallPurpose, number>;
  byOutcome: Record<CallOutcome, number>;
  /** purpose × outcome. */
  grid: Record<CallPurpose, Record<CallOutcome, number>>;
  /** Per day of the week, Monday first. */
  days: { day: string; total: number; solvedByPhone: number }[];
  solvedByPhone: number;
  /** Solved on the phone over all calls, in percent with one decimal; null with no calls. */
  phoneSharePct: number | null;
  phoneTargetPct: number;
  /** Calls that opened a ticket. */
  ticketsOpened: number;
}
