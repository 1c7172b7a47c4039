import { z } from 'zod';
import { id, listLimit, optionalText, phone, requiredText, searchQuery, isoDate } from './common';
import { fen, quantity } from './ticket';

export const technicianFields = {
  name: requiredText(50),
  phone,
  skills: z.array(requiredText(30)).max(20).default([]),
  certificateNo: optionalText(50),
  active: z.boolean().default(true),
};
export const technicianCreateInput = z.strictObject(technicianFields);
export const technicianUpdateInput = z.strictObject({ id, ...technicianFields });
export const technicianListInput = z.strictObject({ includeInactive: z.boolean().default(false) });
/** One technician's day, or everyone's when technicianId is absent. */
export const technicianDayInput = z.strictObject({ date: isoDate, technicianId: id.nullish().transform((v) => v ?? null) });

export interface Technician {
  id: number;
  name: string;
  phone: string;
  skills: string[];
  certificateNo: string | null;
  active: boolean;
  /** Open tickets assigned now. */
  openTickets: number;
}

export const partFields = {
  partNumber: requiredText(40),
  name: requiredText(100),
  /** Models it fits, as typed (e.g. "KFR-35GW, KFR-26GW"). */
  fits: optionalText(500),
  costFen: fen,
  priceFen: fen,
  reorderLevel: z.number().int().min(0, { error: 'validation.notNegative' }).max(1_000_000).default(0),
  location: optionalText(60),
  /** The policy component this part is (board, compressor...), for its own warranty line. */
  componentKey: z.string().trim().max(30).nullish().transform((v) => v || null),
  active: z.boolean().default(true),
};
export const partCreateInput = z.strictObject({ ...partFields, quantity: z.number().int().min(0, { error: 'validation.notNegative' }).max(1_000_000).default(0) });
export const partUpdateInput = z.strictObject({ id, ...partFields });
export const partListInput = z.strictObject({ query: searchQuery, lowStockOnly: z.boolean().default(false), includeInactive: z.boolean().default(false), limit: listLimit });
/** Goods in (receive) or a counted correction (adjust, either sign, with a note). */
export const stockReceiveInput = z.strictObject({ partId: id, quantity, note: optionalText(200) });
export const stockAdjustInput = z.strictObject({
  partId: id,
  delta: z.number().int().min(-1_000_000).max(1_000_000).refine((d) => d !== 0, { error: 'validation.deltaZero' }),
  note: requiredText(200),
});
export const partIdInput = z.strictObject({ id });
export const monthInput = z.strictObject({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation.month' }) });

export interface Part {
  id: number;
  partNumber: string;
  name: string;
  fits: string | null;
  costFen: number;
  priceFen: number;
  quantity: number;
  reorderLevel: number;
  location: string | null;
  componentKey: string | null;
  active: boolean;
  /** Held as a share of a model's units in service: that many are needed (null: the reorder level only). */
  shareRequired: number | null;
  /** At or below the reorder level, or below its share of the units in service. */
  low: boolean;
}

export interface StockMove {
  id: number;
  partId: number;
  ticketId: number | null;
  ticketNumber: string | null;
  delta: number;
  reason: 'receive' | 'use' | 'return' | 'adjust';
  note: string | null;
  at: number;
  who: string;
}

/** One line of the monthly parts-replaced list (零件更换清单). */
export interface PartReplacedRow {
  fittedOn: string;
  ticketId: number;
  ticketNumber: string;
  customerName: string;
  unitLabel: string;
  partNumber: string;
  partName: string;
  quantity: number;
  inWarranty: boolean;
  chargedFen: number;
  costFen: number;
}

export const loanerFields = {
  name: requiredText(60),
  model: optionalText(80),
  serial: optionalText(80),
  note: optionalText(200),
  active: z.boolean().default(true),
};
export const loanerCreateInput = z.strictObject(loanerFields);
export const loanerUpdateInput = z.strictObject({ id, ...loanerFields });
export const loanIssueInput = z.strictObject({
  ticketId: id,
  /** Null records that no loaner was available. */
  loanerId: id.nullish().transform((v) => v ?? null),
  expectedReturn: isoDate.nullish().transform((v) => v ?? null),
  /** The customer's unit as received: accessories and visible condition, for the receipt. */
  receivedUnit: optionalText(500),
  note: optionalText(200),
});
export const loanReturnInput = z.strictObject({ id });
export const loanListInput = z.strictObject({ openOnly: z.boolean().default(true) });

export interface Loaner {
  id: number;
  name: string;
  model: string | null;
  serial: string | null;
  note: string | null;
  active: boolean;
  /** The open loan it is out on, if any. */
  outOn: { loanId: number; ticketId: number; ticketNumber: string } | null;
}

export interface Loan {
  id: number;
  ticketId: number;
  ticketNumber: string;
  customerName: string;
  loanerId: number | null;
  loanerName: string | null;
  issuedAt: number;
  expectedReturn: string | null;
  returnedAt: number | null;
  receivedUnit: string | null;
  note: string | null;
  overdue: boolean;
}

export const feeFields = { name: requiredText(60), amountFen: fen, active: z.boolean().default(true) };
export const feeCreateInput = z.strictObject(feeFields);
export const feeUpdateInput = z.strictObject({ id, ...feeFields });

export interface LabourFee {
  id: number;
  name: string;
  amountFen: number;
  active: boolean;
}
