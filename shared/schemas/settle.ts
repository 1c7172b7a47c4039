import { z } from 'zod';
import { id, isoDate, optionalText, requiredText } from './common';
import type { ReturnsDue } from './maker-returns';
import { MAKER_FORMS, paperChoice } from './settle-base';

/*
 * Settling with the maker (claims, old parts, quality feedback) and with the customer (三包
 * refunds and exchanges, scrapping, the fee list). See migration 0340 for the records. What the
 * monthly returns also use (a maker, its forms, the paper choice) is in settle-base.ts; the monthly
 * returns themselves in maker-returns.ts.
 */

const fen = z.number({ error: 'validation.invalidType' }).int({ error: 'validation.wholeFen' }).min(0, { error: 'validation.notNegative' }).max(1e12);

const makerFields = {
  name: requiredText(100),
  department: optionalText(100),
  contactName: optionalText(50),
  phone: optionalText(40),
  fax: optionalText(40),
  email: optionalText(100),
  address: optionalText(200),
  returnsDueDay: z.number({ error: 'validation.invalidType' }).int().min(1, { error: 'settle.errors.dueDay' }).max(28, { error: 'settle.errors.dueDay' }).default(5),
  forms: z.array(z.enum(MAKER_FORMS)).max(MAKER_FORMS.length).default([...MAKER_FORMS]),
  note: optionalText(500),
};
export const makerCreateInput = z.strictObject(makerFields);
export const makerUpdateInput = z.strictObject({ id, ...makerFields, archived: z.boolean().default(false) });
export const makerListInput = z.strictObject({ includeArchived: z.boolean().default(false) });

export const modelMakerInput = z.strictObject({ modelId: id, makerId: id.nullable() });
export const modelDiscontinueInput = z.strictObject({
  modelId: id,
  /** Null puts the model back in production. */
  discontinuedOn: isoDate.nullable(),
  replacementModelId: id.nullable().default(null),
});

export interface SettleModel {
  id: number;
  brand: string;
  model: string;
  category: string;
  makerId: number | null;
  makerName: string | null;
  discontinuedOn: string | null;
  replacementModelId: number | null;
  replacementName: string | null;
  unitsInService: number;
}

/* Warranty parts claims. */

/**
 * The most lines one claim takes: a list a maker's service department checks in one go, and one
 * request. A desk with years of parts never claimed claims them a claim at a time, oldest first.
 */
export const CLAIM_MAX_LINES = 500;

/** The parts to claim, optionally only those fitted between two days (both included). */
export const claimCandidatesInput = z
  .strictObject({ makerId: id, fittedFrom: isoDate.optional(), fittedTo: isoDate.optional() })
  .refine((c) => !c.fittedFrom || !c.fittedTo || c.fittedTo >= c.fittedFrom, { error: 'settle.errors.fittedToBeforeFrom', path: ['fittedTo'] });
/** Without ticket parts named, the oldest parts fitted under warranty on the maker's units and not yet claimed (at most CLAIM_MAX_LINES). */
export const claimCreateInput = z.strictObject({ makerId: id, ticketPartIds: z.array(id).max(CLAIM_MAX_LINES).optional(), note: optionalText(500) });
export const claimIdInput = z.strictObject({ id });
export const claimListInput = z.strictObject({ makerId: id.optional() });
export const claimSendInput = z.strictObject({ id, waybill: requiredText(60), sentOn: isoDate });
export const claimCheckInput = z.strictObject({
  id,
  checkedOn: isoDate,
  lines: z
    .array(z.strictObject({ lineId: id, decision: z.enum(['accepted', 'rejected']), reason: optionalText(300) }))
    .min(1)
    .max(500),
});
export const claimReceiveInput = z.strictObject({
  id,
  receivedOn: isoDate,
  lines: z
    .array(z.strictObject({ lineId: id, quantity: z.number().int().min(1, { error: 'validation.positive' }).max(10_000) }))
    .min(1)
    .max(500),
});
export const OLD_PART_FATES = ['kept', 'returned', 'scrapped'] as const;
export const oldPartInput = z.strictObject({
  lineId: id,
  fate: z.enum(OLD_PART_FATES),
  on: isoDate,
  waybill: optionalText(60),
  postageFen: fen.default(0),
});

export interface ClaimCandidate {
  ticketPartId: number;
  ticketId: number;
  ticketNumber: string;
  unitId: number;
  serial: string;
  modelName: string;
  partId: number;
  partNumber: string;
  partName: string;
  quantity: number;
  fault: string;
  fittedOn: string;
}

export interface ClaimCandidates {
  /** The oldest first, at most CLAIM_MAX_LINES: what one claim can take. */
  candidates: ClaimCandidate[];
  /** How many there are in all (within the days asked for). */
  total: number;
}

export type ClaimStatus = 'notSent' | 'waiting' | 'checked';

export interface ClaimLine extends ClaimCandidate {
  id: number;
  decision: 'accepted' | 'rejected' | null;
  rejectReason: string | null;
  decidedOn: string | null;
  receivedQuantity: number;
  receivedOn: string | null;
  oldPart: 'pending' | (typeof OLD_PART_FATES)[number];
  oldWaybill: string | null;
  oldPostageFen: number;
  oldOn: string | null;
}

export interface Claim {
  id: number;
  number: string;
  makerId: number;
  makerName: string;
  status: ClaimStatus;
  createdOn: string;
  sentOn: string | null;
  waybill: string | null;
  checkedOn: string | null;
  note: string | null;
  lines: ClaimLine[];
  postageFen: number;
}

/* Quality feedback (信息返馈单). */

/**
 * From one ticket, or from an early warning (the owner's reports): the warning's tickets, all of
 * one model, name the model (and the unit, when they are all on one).
 */
export const feedbackCreateInput = z
  .strictObject({ ticketId: id.optional(), warningTicketIds: z.array(id).min(1).max(100).optional(), problem: requiredText(2000), raisedOn: isoDate.optional() })
  .refine((v) => (v.ticketId === undefined) !== (v.warningTicketIds === undefined), { error: 'settle.errors.feedbackOneSource', path: ['ticketId'] });
export const feedbackAnswerInput = z.strictObject({ id, answer: requiredText(2000), answeredOn: isoDate });
export const feedbackListInput = z.strictObject({ openOnly: z.boolean().default(false) });
export const feedbackPaperInput = z.strictObject({ id, ...paperChoice });
/** The claim sheet (保修零件索赔单) that goes in the parcel with the claimed parts. */
export const claimPaperInput = z.strictObject({ id, ...paperChoice });

export interface FeedbackForm {
  id: number;
  number: string;
  makerId: number;
  makerName: string;
  ticketId: number | null;
  ticketNumber: string | null;
  unitId: number | null;
  serial: string | null;
  modelName: string;
  customerName: string | null;
  problem: string;
  raisedOn: string;
  dueOn: string;
  answeredOn: string | null;
  answer: string | null;
  overdue: boolean;
}

/* 三包 refund and exchange. */

const settlementFields = {
  ticketId: id,
  /** The invoice amount the refund or the price difference is counted from. */
  priceFen: fen,
  /** The day the customer signed for the goods (签收), when it differs from the invoice date. */
  receiptDate: isoDate.optional(),
  testReport: optionalText(100),
  /** A rate for this form only, in basis points a day; the configured one otherwise. */
  rateBp: z.number().int().min(0, { error: 'validation.notNegative' }).max(10_000).optional(),
  /** Past the window the ticket's 三包 verdict allows: the admin PIN, and why. */
  overrideReason: optionalText(300),
  note: optionalText(500),
};
export const refundInput = z.strictObject(settlementFields);
export const exchangeInput = z.strictObject({
  ...settlementFields,
  /** The model given in exchange: the same one unless it is no longer made. */
  newModelId: id.optional(),
  newSerial: requiredText(60),
  newPriceFen: fen.optional(),
});
export const settlementIdInput = z.strictObject({ id });
export const settlementPaperInput = z.strictObject({ id, ...paperChoice });
export const settlementPreviewInput = z.strictObject({ ticketId: id, priceFen: fen, rateBp: z.number().int().min(0).max(10_000).optional() });

export interface SettlementStay {
  ticketNumber: string;
  from: string;
  to: string;
  days: number;
}

export interface Settlement {
  id: number;
  number: string;
  kind: 'refund' | 'exchange';
  ticketId: number;
  ticketNumber: string;
  customerId: number;
  customerName: string;
  customerPhone: string | null;
  unitId: number;
  serial: string;
  modelName: string;
  newUnitId: number | null;
  newSerial: string | null;
  newModelName: string | null;
  settledOn: string;
  invoiceDate: string;
  invoiceNumber: string | null;
  receiptDate: string;
  daysElapsed: number;
  stays: SettlementStay[];
  repairDays: number;
  chargedDays: number;
  rateBp: number;
  priceFen: number;
  depreciationFen: number;
  refundFen: number;
  newPriceFen: number | null;
  differenceFen: number | null;
  testReport: string | null;
  overrideReason: string | null;
  note: string | null;
  createdBy: string;
}

/** What a refund would count today, before anything is written. */
export interface SettlementPreview {
  invoiceDate: string;
  settledOn: string;
  daysElapsed: number;
  stays: SettlementStay[];
  repairDays: number;
  chargedDays: number;
  rateBp: number;
  depreciationFen: number;
  refundFen: number;
  refundAllowed: boolean;
  exchangeAllowed: boolean;
}

/* Scrapping (报废品处理记录). */

export const SCRAP_KINDS = ['unit', 'loaner', 'part'] as const;
export const scrapCreateInput = z
  .strictObject({
    kind: z.enum(SCRAP_KINDS),
    unitId: id.optional(),
    loanerId: id.optional(),
    partId: id.optional(),
    quantity: z.number().int().min(1, { error: 'validation.positive' }).max(10_000).default(1),
    reason: requiredText(500),
    assessment: requiredText(1000),
    disposal: requiredText(500),
    approvedBy: requiredText(50),
    /** Scrapping a customer's unit: the loaner out with them stays theirs for good. */
    keepLoanId: id.optional(),
    note: optionalText(500),
  })
  .superRefine((v, ctx) => {
    const field = v.kind === 'unit' ? 'unitId' : v.kind === 'loaner' ? 'loanerId' : 'partId';
    if (v[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'validation.required' });
  });
export const scrapListInput = z.strictObject({});
/** The loaners out with the customer on a unit's tickets: one may stay with them when the unit is scrapped. */
export const scrapLoansInput = z.strictObject({ unitId: id });
export const scrapPaperInput = z.strictObject({ id, ...paperChoice });

export interface ScrapRecord {
  id: number;
  number: string;
  kind: (typeof SCRAP_KINDS)[number];
  unitId: number | null;
  loanerId: number | null;
  partId: number | null;
  /** The unit's model and serial, the loaner's name, or the part's number and name. */
  what: string;
  customerName: string | null;
  quantity: number;
  reason: string;
  assessment: string;
  disposal: string;
  approvedBy: string;
  scrappedOn: string;
  keptLoaner: string | null;
  note: string | null;
  createdBy: string;
}

/** A loaner out on one of the unit's tickets, not yet back. */
export interface UnitLoanOut {
  loanId: number;
  loanerName: string;
  ticketNumber: string;
  issuedAt: number;
}

/* Spares for what the maker no longer makes; the share of units in service. */

export const spareShareInput = z.strictObject({
  partId: id,
  modelId: id.nullable(),
  sharePct: z.number().int().min(1, { error: 'settle.errors.sharePct' }).max(100, { error: 'settle.errors.sharePct' }).nullable(),
});

export interface SpareLevel {
  partId: number;
  partNumber: string;
  name: string;
  quantity: number;
  modelId: number;
  modelName: string;
  discontinued: boolean;
  unitsInService: number;
  sharePct: number;
  /** At least this many in stock: the share of units in service, rounded up. */
  required: number;
  low: boolean;
}

/* Settings and the Desk. */

export const settleSettingsInput = z.strictObject({
  depreciationBp: z.number().int().min(0, { error: 'validation.notNegative' }).max(10_000),
  feedbackAnswerDays: z.number().int().min(1, { error: 'validation.positive' }).max(60),
  /** The Desk reminds this many days before a maker's monthly returns are due (absent: unchanged). */
  returnsReminderDays: z.number().int().min(0, { error: 'validation.notNegative' }).max(28).optional(),
});
export type SettleSettings = Required<z.output<typeof settleSettingsInput>>;

export interface SettleDesk {
  claimsNotSent: Claim[];
  claimsWaiting: Claim[];
  partsDueBack: ClaimLine[];
  feedbackOverdue: FeedbackForm[];
  sparesLow: SpareLevel[];
  /** Last month's returns of each maker, due soon or overdue, not yet sent. */
  returnsDue: ReturnsDue[];
}

export const FEE_LIST_COPIES = ['counter', 'customer'] as const;
export const feeListPaperInput = z.strictObject({ copy: z.enum(FEE_LIST_COPIES), ...paperChoice });
