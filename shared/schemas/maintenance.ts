import { z } from 'zod';
import { PLAN_REPEATS, VISIT_KINDS, type PlanRepeat, type VisitKind } from '../domain/visit-plan';
import { id, isoDate, listLimit, optionalText, requiredText, searchQuery } from './common';
import { fen } from './ticket';

/* Scheduled service: maintenance contracts (维保合同), their visit plans, and the visits. */

export const CONTRACT_KINDS = ['warranty', 'paid'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];
export const VISIT_STATUSES = ['due', 'done', 'missed', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** Months after the line's start, for callbacks after handover: at most five years of them. */
const offsets = z.array(z.number().int().min(1).max(60)).min(1, { error: 'maintenance.errors.noOffsets' }).max(24);

export const planLineInput = z
  .strictObject({
    kind: z.enum(VISIT_KINDS),
    repeat: z.enum(PLAN_REPEATS),
    n: z.number().int().min(1, { error: 'maintenance.errors.step' }).max(366, { error: 'maintenance.errors.step' }).nullish().transform((v) => v ?? null),
    offsets: offsets.nullish().transform((v) => v ?? null),
    from: isoDate,
    to: isoDate,
  })
  .refine((l) => l.to >= l.from, { error: 'maintenance.errors.lineEndsBeforeStart', path: ['to'] })
  .refine((l) => (l.repeat === 'months' || l.repeat === 'days' ? l.n !== null : true), { error: 'maintenance.errors.step', path: ['n'] })
  .refine((l) => (l.repeat === 'after' ? l.offsets !== null : true), { error: 'maintenance.errors.noOffsets', path: ['offsets'] });

const contractFields = {
  customerId: id,
  unitIds: z.array(id).min(1, { error: 'maintenance.errors.noUnits' }).max(500),
  kind: z.enum(CONTRACT_KINDS),
  startsOn: isoDate,
  endsOn: isoDate,
  serviceLevelId: id.nullish().transform((v) => v ?? null),
  priceFen: fen.default(0),
  paymentTerms: optionalText(200),
  note: optionalText(1000),
  plan: z.array(planLineInput).max(20),
};
const endsAfterStart = { error: 'maintenance.errors.endsBeforeStart', path: ['endsOn'] };

export const contractCreateInput = z.strictObject(contractFields).refine((c) => c.endsOn >= c.startsOn, endsAfterStart);
export const contractUpdateInput = z.strictObject({ id, ...contractFields }).refine((c) => c.endsOn >= c.startsOn, endsAfterStart);
export const contractListInput = z.strictObject({
  query: searchQuery,
  customerId: id.nullish().transform((v) => v ?? null),
  /** Contracts in force on the day, ending within the renewal window, ended, or all. */
  status: z.enum(['active', 'ending', 'ended', 'all']).default('active'),
  limit: listLimit,
});
export const contractCancelInput = z.strictObject({ id, reason: requiredText(200) });

export interface PlanLine {
  id: number;
  kind: VisitKind;
  repeat: PlanRepeat;
  n: number | null;
  offsets: number[] | null;
  from: string;
  to: string;
}

export interface ContractSummary {
  id: number;
  number: string;
  customerId: number;
  customerName: string;
  kind: ContractKind;
  startsOn: string;
  endsOn: string;
  serviceLevelId: number | null;
  serviceLevelName: string | null;
  priceFen: number;
  unitCount: number;
  cancelledAt: number | null;
  /** Visits still due, and the next one's day. */
  visitsDue: number;
  nextVisitOn: string | null;
}

export interface ContractDetail extends ContractSummary {
  paymentTerms: string | null;
  note: string | null;
  cancelReason: string | null;
  renewedFromId: number | null;
  units: { id: number; label: string; serial: string; siteAddress: string | null }[];
  plan: PlanLine[];
  visits: Visit[];
  /** Visits the calendar could place only around weekends: it has no schedule for their year. */
  calendarMissingYears: number[];
}

export interface Visit {
  id: number;
  number: string;
  contractId: number | null;
  contractNumber: string | null;
  unitId: number | null;
  customerId: number;
  customerName: string;
  /** The customer's first phone: the one a callback rings. */
  customerPhone: string | null;
  kind: VisitKind;
  plannedOn: string;
  dueOn: string;
  status: VisitStatus;
  rescheduled: boolean;
  technicianId: number | null;
  technicianName: string | null;
  reason: string | null;
  doneAt: number | null;
  notes: string | null;
  /** The dedicated renewal visit (续保走访) the desk offered before the end, not one of the plan's. */
  renewal: boolean;
}

export const visitListInput = z.strictObject({
  from: isoDate.nullish().transform((v) => v ?? null),
  to: isoDate.nullish().transform((v) => v ?? null),
  status: z.enum(VISIT_STATUSES).nullish().transform((v) => v ?? null),
  /** Due visits whose day has passed. */
  overdue: z.boolean().default(false),
  technicianId: id.nullish().transform((v) => v ?? null),
  customerId: id.nullish().transform((v) => v ?? null),
  limit: listLimit,
});
export const visitMoveInput = z.strictObject({ id, dueOn: isoDate, reason: optionalText(200) });
export const visitAssignInput = z.strictObject({ id, technicianId: id.nullish().transform((v) => v ?? null) });
export const visitCloseInput = z.strictObject({
  id,
  status: z.enum(['done', 'missed', 'cancelled']),
  /** Why it was missed or cancelled (required for those), or what was done. */
  reason: optionalText(200),
  notes: optionalText(2000),
});
export const visitIdInput = z.strictObject({ id });
