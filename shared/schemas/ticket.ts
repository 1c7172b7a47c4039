import { z } from 'zod';
import type { Charges, PaymentMethod } from '../domain/charges';
import { PAYMENT_METHODS } from '../domain/charges';
import type { DeadlineView } from '../domain/sla';
import { FAULT_CATEGORIES, SEVERITIES, TICKET_SOURCES, TICKET_STATUSES, type FaultCategory, type Severity, type TicketSource, type TicketStatus } from '../domain/ticket-status';
import type { Explanation, PartCover, SanbaoSignal, WarrantyEvaluation } from '../domain/warranty-types';
import type { Region } from './customer';
import { id, isoDate, listLimit, optionalText, phone, requiredChoice, requiredText } from './common';
import { EXCLUSION_REASONS } from './unit';
import { surveyAnswerInput, type SurveyAnswer, type TicketReview } from './review';

/** Money typed at the desk arrives as integer fen; the screens convert ¥ with two decimals. */
export const fen = z.number({ error: 'validation.invalidType' }).int({ error: 'validation.wholeFen' }).min(0, { error: 'validation.notNegative' }).max(100_000_000_00);
export const quantity = z.number({ error: 'validation.invalidType' }).int({ error: 'validation.wholeNumber' }).min(1, { error: 'validation.quantityPositive' }).max(100_000);
/** 24-hour clock, as typed for an appointment window. */
export const clockTime = z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'validation.time' });
/**
 * When a move or a callback really happened, typed at the desk (epoch ms). Whether it is in the
 * future, or out of order with the ticket's other moments, the service decides against its own
 * clock (shared/domain/event-times.ts): a schema cannot know the time.
 */
export const eventMoment = z
  .number({ error: 'validation.invalidType' })
  .int({ error: 'validation.invalidType' })
  .min(946_684_800_000, { error: 'validation.momentTooEarly' })
  .max(4_102_444_800_000, { error: 'validation.momentInFuture' });
/** An epoch-ms moment from the desk, not after now (plus a minute of clock skew). */
export const pastMoment = z.number().int().min(946_684_800_000).refine((ms) => ms <= Date.now() + 60_000, { error: 'validation.momentInFuture' });
const optionalPhone = z.union([phone, z.literal('').transform(() => null), z.null()]).optional().transform((v) => v ?? null);

export const unregisteredUnit = z.strictObject({
  brand: requiredText(50),
  model: requiredText(80),
  serial: optionalText(80),
});

export const ticketCreateInput = z.strictObject({
  source: z.enum(TICKET_SOURCES).default('phone'),
  customerId: id,
  /** A registered unit, or the caller's words for one not yet registered. */
  unitId: id.nullish().transform((v) => v ?? null),
  unregisteredUnit: unregisteredUnit.nullish().transform((v) => v ?? null),
  faultReported: requiredText(2000),
  faultCategory: requiredChoice(FAULT_CATEGORIES),
  severity: z.enum(SEVERITIES).default('ordinary'),
  contactName: optionalText(50),
  contactPhone: optionalPhone,
  siteAddress: optionalText(200),
  serviceLevelId: id.nullish().transform((v) => v ?? null),
  /** When the call came in; now unless the desk records a call taken earlier. */
  reportedAt: pastMoment.nullish().transform((v) => v ?? null),
  intakeAccessories: optionalText(500),
  intakeCondition: optionalText(500),
  expectedOn: isoDate.nullish().transform((v) => v ?? null),
  /** Parts taken from stock at intake (a walk-in swap): stock goes down in the same transaction. */
  parts: z.array(z.strictObject({ partId: id, quantity })).max(50).default([]),
}).superRefine((t, ctx) => {
  if (t.unitId === null && t.unregisteredUnit === null) ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'validation.unitRequired' });
});

export const ticketIdInput = z.strictObject({ id });

/** Only the fields given change: an absent field keeps its value, an empty one clears it. */
export const ticketUpdateInput = z.strictObject({
  id,
  faultReported: requiredText(2000).optional(),
  faultCategory: z.enum(FAULT_CATEGORIES).optional(),
  contactName: optionalText(50).optional(),
  contactPhone: optionalPhone.optional(),
  siteAddress: optionalText(200).optional(),
  intakeAccessories: optionalText(500).optional(),
  intakeCondition: optionalText(500).optional(),
  expectedOn: isoDate.nullish().transform((v) => v ?? null).optional(),
  /** Parts and tools the technician should bring, printed on the dispatch order. */
  bring: optionalText(500).optional(),
});

export const ticketTransitionInput = z.strictObject({
  id,
  to: z.enum(TICKET_STATUSES),
  /** A cancel reason, or the note closing a ticket whose customer could not be reached. */
  note: optionalText(500),
  /** When it happened, if earlier than now (a technician phoning in their arrival late); null: now. */
  at: eventMoment.nullish().transform((v) => v ?? null),
});

export const ticketAssignInput = z.strictObject({
  id,
  technicianIds: z.array(id).max(10),
  leadId: id.nullish().transform((v) => v ?? null),
});

export const ticketAppointInput = z.strictObject({ id, date: isoDate, from: clockTime, to: clockTime }).refine((a) => a.from < a.to, {
  path: ['to'],
  error: 'validation.windowOrder',
});

export const ticketWorkInput = z.strictObject({
  id,
  diagnosis: optionalText(2000),
  cause: optionalText(1000),
  action: optionalText(2000),
  onSiteMinutes: z.number().int().min(0, { error: 'validation.notNegative' }).max(10_000).nullish().transform((v) => v ?? null),
  /** An in-warranty failure that stopped the customer's work and was not fixed promptly (+60 days). */
  unfixedDowntime: z.boolean().default(false),
});

export const ticketPartInput = z.strictObject({
  id,
  partId: id,
  quantity,
  /** Null: follow the ticket's warranty decision. */
  inWarranty: z.boolean().nullish().transform((v) => v ?? null),
  componentKey: z.string().trim().max(30).nullish().transform((v) => v || null),
});
export const ticketPartRemoveInput = z.strictObject({ id, ticketPartId: id });
/** The day a part was actually fitted, when it was not the day of the work (a two-visit repair). */
export const ticketPartFittedInput = z.strictObject({ id, ticketPartId: id, fittedOn: isoDate });

export const labourLine = z.strictObject({
  feeId: id.nullish().transform((v) => v ?? null),
  name: requiredText(60),
  amountFen: fen,
  quantity,
});

export const ticketChargesInput = z
  .strictObject({
    id,
    labour: z.array(labourLine).max(20),
    travelFen: fen,
    discountFen: fen,
    discountReason: optionalText(200),
    paidFen: fen,
    paymentMethod: z.enum(PAYMENT_METHODS).nullish().transform((v) => v ?? null),
    lifetimeMaintenance: z.boolean(),
  })
  .superRefine((c, ctx) => {
    if (c.discountFen > 0 && !c.discountReason) ctx.addIssue({ code: 'custom', path: ['discountReason'], message: 'validation.discountReason' });
    if (c.paidFen > 0 && !c.paymentMethod) ctx.addIssue({ code: 'custom', path: ['paymentMethod'], message: 'validation.paymentMethod' });
  });

export const warrantyOverrideInput = z
  .strictObject({
    id,
    inWarranty: z.boolean(),
    exclusionReason: z.enum(EXCLUSION_REASONS).nullish().transform((v) => v ?? null),
    note: optionalText(500),
  })
  .superRefine((o, ctx) => {
    if (!o.exclusionReason && !o.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'validation.overrideNeedsReason' });
  });

export const SANBAO_PATHS = ['replace', 'refund', 'exchange', 'repairAgain'] as const;
export type SanbaoPath = (typeof SANBAO_PATHS)[number];
export const sanbaoPathInput = z.strictObject({ id, path: z.enum(SANBAO_PATHS), note: optionalText(500) });

export const TICKET_SORTS = ['reported', 'due', 'number', 'status'] as const;
export const ticketListInput = z.strictObject({
  /** 'open': anything still being worked on; 'all': every status. */
  scope: z.enum(['open', 'all']).default('open'),
  statuses: z.array(z.enum(TICKET_STATUSES)).max(TICKET_STATUSES.length).default([]),
  severity: z.enum(SEVERITIES).nullish().transform((v) => v ?? null),
  customerId: id.nullish().transform((v) => v ?? null),
  unitId: id.nullish().transform((v) => v ?? null),
  technicianId: id.nullish().transform((v) => v ?? null),
  /** Reported on or after / on or before (ISO dates, the desk's local days). */
  from: isoDate.nullish().transform((v) => v ?? null),
  to: isoDate.nullish().transform((v) => v ?? null),
  sort: z.enum(TICKET_SORTS).default('reported'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  limit: listLimit,
  offset: z.number().int().min(0).max(10_000_000).default(0),
});

export const callbackRecordInput = z
  .strictObject({
    ticketId: id,
    reached: z.boolean(),
    satisfaction: z.number().int().min(1, { error: 'validation.satisfaction' }).max(5, { error: 'validation.satisfaction' }).nullish().transform((v) => v ?? null),
    comments: optionalText(1000),
    /** When the call was made, if earlier than now; null: now. */
    at: eventMoment.nullish().transform((v) => v ?? null),
    /** The survey's answers (a reached customer only); which question takes a score or words the service checks. */
    answers: z.array(surveyAnswerInput).max(30, { error: 'survey.errors.tooMany' }).default([]),
  })
  .superRefine((c, ctx) => {
    if (c.reached && c.satisfaction === null) ctx.addIssue({ code: 'custom', path: ['satisfaction'], message: 'validation.satisfaction' });
    const seen = new Set<number>();
    c.answers.forEach((a, i) => {
      if (!c.reached) ctx.addIssue({ code: 'custom', path: ['answers', i, 'questionId'], message: 'survey.errors.notReached' });
      else if (seen.has(a.questionId)) ctx.addIssue({ code: 'custom', path: ['answers', i, 'questionId'], message: 'survey.errors.answeredTwice' });
      else if (a.score !== null && a.words !== null) ctx.addIssue({ code: 'custom', path: ['answers', i, 'score'], message: 'survey.errors.scoreAndWords' });
      seen.add(a.questionId);
    });
  });
export const callbacksDueInput = z.strictObject({ on: isoDate.nullish().transform((v) => v ?? null) });

export const boardInput = z.strictObject({});

export interface TicketEvent {
  id: number;
  /** When it happened. */
  at: number;
  /** When the desk recorded it: later than `at` when the time was typed after the fact. */
  enteredAt: number;
  who: string;
  kind: 'created' | 'status' | 'assigned' | 'appointment' | 'work' | 'partAdded' | 'partRemoved' | 'charges' | 'warrantyOverride' | 'sanbaoPath' | 'callback' | 'loan' | 'updated' | 'review';
  from: TicketStatus | null;
  to: TicketStatus | null;
  /** What changed: before/after for overrides, the note for cancels, the part and quantity... */
  data: Record<string, unknown> | null;
}

export interface TicketTechnician {
  id: number;
  name: string;
  phone: string;
  lead: boolean;
}

export interface TicketPart {
  id: number;
  partId: number;
  partNumber: string;
  name: string;
  quantity: number;
  priceFen: number;
  costFen: number;
  inWarranty: boolean;
  componentKey: string | null;
  /** The day of the work (the ticket's resolution; until then the day it was put on the ticket), or the day the clerk set. */
  fittedOn: string;
  fittedSet: boolean;
  /** Per unit and per line as charged. */
  chargedUnitFen: number;
  chargedLineFen: number;
  /** The part's own cover from its fitting day, decided once: the screen and the receipt both show this. */
  cover: PartCover;
}

export interface LabourCharge {
  id: number;
  feeId: number | null;
  name: string;
  amountFen: number;
  quantity: number;
}

export interface WarrantyDecision {
  /** The engine's answer on the day of the report. */
  engineInWarranty: boolean;
  engineSummary: WarrantyEvaluation['summary'];
  reasons: Explanation[];
  /** The decision in force: the desk's override if there is one. */
  inWarranty: boolean;
  override: { inWarranty: boolean; exclusionReason: string | null; note: string | null; who: string; at: number } | null;
}

export interface CallbackRecord {
  id: number;
  dueOn: string;
  doneAt: number | null;
  reached: boolean | null;
  satisfaction: number | null;
  comments: string | null;
  who: string | null;
  /** The survey's answers, in the questions' order (none for a callback recorded before the survey). */
  answers: SurveyAnswer[];
}

export interface LoanRecord {
  id: number;
  loanerId: number | null;
  loanerName: string | null;
  issuedAt: number;
  expectedReturn: string | null;
  returnedAt: number | null;
  receivedUnit: string | null;
  note: string | null;
}

/** One line of a ticket list or board. */
export interface TicketRow {
  id: number;
  number: string;
  status: TicketStatus;
  source: TicketSource;
  severity: Severity;
  faultCategory: FaultCategory;
  faultReported: string;
  customerId: number;
  customerName: string;
  /** Who called and on which number (the customer's own unless another was given). */
  contactName: string | null;
  contactPhone: string | null;
  unitLabel: string;
  region: Region;
  reportedAt: number;
  appointment: { date: string; from: string; to: string } | null;
  technicians: string[];
  /** The next open promise (soonest due) and the worst state among them. */
  nextDeadline: DeadlineView | null;
  worst: DeadlineView['state'] | null;
  inWarranty: boolean;
}

export interface TicketPage {
  rows: TicketRow[];
  /** Counted up to a cap; `more` says there are more than that (shown as "1,000+"). */
  total: number;
  more: boolean;
}

export interface TicketDetail extends Omit<TicketRow, 'technicians'> {
  unitId: number | null;
  unregisteredUnit: { brand: string; model: string; serial: string | null } | null;
  /** Registered unit facts for the paper. */
  unit: { brand: string; model: string; serial: string; category: string; siteAddress: string | null; purchaseDate: string | null; acceptanceDate: string | null } | null;
  siteAddress: string | null;
  serviceLevel: { id: number; name: string };
  deadlines: DeadlineView[];
  answeredAt: number | null;
  arrivedAt: number | null;
  resolvedAt: number | null;
  /** Resolved on the phone before anyone was sent (issue 20): counted as resolved without a visit. */
  solvedByPhone: boolean;
  closedAt: number | null;
  cancelledAt: number | null;
  cancelReason: string | null;
  warranty: WarrantyDecision;
  /** 三包 signals the engine raises for this unit with this ticket counted. */
  sanbao: SanbaoSignal[];
  sanbaoPath: { path: SanbaoPath; note: string | null; who: string; at: number } | null;
  technicians: TicketTechnician[];
  intakeAccessories: string | null;
  intakeCondition: string | null;
  expectedOn: string | null;
  bring: string | null;
  diagnosis: string | null;
  cause: string | null;
  action: string | null;
  onSiteMinutes: number | null;
  unfixedDowntime: boolean;
  parts: TicketPart[];
  labour: LabourCharge[];
  lifetimeMaintenance: boolean;
  charges: Charges;
  discountReason: string | null;
  paidFen: number;
  paymentMethod: PaymentMethod | null;
  loans: LoanRecord[];
  callbacks: CallbackRecord[];
  /** The supervisor's check, for a ticket resolved while it was on; null otherwise. */
  review: TicketReview | null;
  complaintIds: number[];
  events: TicketEvent[];
  /** The moves the status machine allows from here. */
  next: TicketStatus[];
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export interface CallbackDue {
  id: number;
  ticketId: number;
  ticketNumber: string;
  customerId: number;
  customerName: string;
  phone: string | null;
  dueOn: string;
  overdue: boolean;
}

export interface AppointmentRow {
  ticketId: number;
  ticketNumber: string;
  date: string;
  from: string;
  to: string;
  customerName: string;
  siteAddress: string | null;
  technicians: string[];
  status: TicketStatus;
}

/** The desk's home: what needs doing now. */
export interface Board {
  overdue: TicketRow[];
  atRisk: TicketRow[];
  appointmentsToday: AppointmentRow[];
  callbacksDue: CallbackDue[];
  loansOut: (LoanRecord & { ticketId: number; ticketNumber: string; customerName: string; overdue: boolean })[];
  openTickets: number;
  openComplaints: number;
  lowStockParts: number;
  /** The year whose holiday schedule is missing, or null. */
  calendarMissingYear: number | null;
}
