import { z } from 'zod';
import { id, isoDate, optionalText, requiredText } from './common';
import { CARD_PAPERS, language } from './document';

/*
 * Installation (安装) and acceptance (验收): a job for one or many units at one customer's site,
 * with the appointment, the notice to the customer, the technicians, the trial run and its result;
 * acceptance sets every unit's acceptance date (the warranty start of installed systems) at once.
 * And the warranty card's life: handed over or posted, and its return slip back.
 */

export const INSTALLATION_STATUSES = ['planned', 'accepted', 'cancelled'] as const;
export type InstallationStatus = (typeof INSTALLATION_STATUSES)[number];
export const TRIAL_RESULTS = ['passed', 'failed'] as const;
export type TrialResult = (typeof TRIAL_RESULTS)[number];
export const CARD_ISSUE_WAYS = ['handed', 'posted'] as const;
export type CardIssueWay = (typeof CARD_ISSUE_WAYS)[number];

const nullableDate = isoDate.nullish().transform((v) => v ?? null);

export const installationCreateInput = z.strictObject({
  customerId: id,
  unitIds: z.array(id).min(1, { error: 'installations.errors.noUnits' }).max(500),
  siteAddress: optionalText(300),
  appointmentOn: isoDate,
  technicianIds: z.array(id).max(20).default([]),
  workDone: optionalText(2000),
  note: optionalText(1000),
});

export const installationUpdateInput = z.strictObject({
  id,
  siteAddress: optionalText(300),
  appointmentOn: isoDate,
  technicianIds: z.array(id).max(20).default([]),
  workDone: optionalText(2000),
  note: optionalText(1000),
});

export const installationTrialInput = z
  .strictObject({
    id,
    startsOn: isoDate,
    endsOn: nullableDate,
    result: z.enum(TRIAL_RESULTS).nullish().transform((v) => v ?? null),
    note: optionalText(1000),
  })
  .refine((t) => t.endsOn === null || t.endsOn >= t.startsOn, { error: 'installations.errors.trialEndsBeforeStart', path: ['endsOn'] });

export const installationAcceptInput = z.strictObject({
  id,
  acceptedOn: isoDate,
  /** Who signed for the customer. */
  acceptedBy: requiredText(100),
});

export const installationNoticeInput = z.strictObject({ id, sentOn: nullableDate });
export const installationIdInput = z.strictObject({ id });
export const installationListInput = z.strictObject({
  customerId: id.nullish().transform((v) => v ?? null),
  status: z.enum([...INSTALLATION_STATUSES, 'all']).default('all'),
  limit: z.number().int().min(1).max(500).default(100),
});
export const acceptanceCertificateInput = z.strictObject({ installationId: id, paper: z.enum(CARD_PAPERS), language });

/** A printed card handed over or posted on a day; or, `null`, not yet. */
export const cardIssueInput = z.strictObject({
  documentId: id,
  issuedOn: isoDate,
  how: z.enum(CARD_ISSUE_WAYS),
});
/** The slip back, by the card's document, or by what its QR code typed in (the card number). */
export const slipReturnInput = z.strictObject({ documentId: id, returnedOn: nullableDate });
export const slipScanInput = z.strictObject({ scanned: z.string().max(200), returnedOn: nullableDate });
export const unitCardsInput = z.strictObject({ unitId: id });

export interface InstallationUnit {
  id: number;
  brand: string;
  model: string;
  serial: string;
  siteAddress: string | null;
  acceptanceDate: string | null;
}

export interface InstallationSummary {
  id: number;
  number: string;
  customerId: number;
  customerName: string;
  siteAddress: string | null;
  appointmentOn: string;
  /** The day the notice to the customer is due (the appointment less the notice days). */
  noticeDueOn: string;
  noticeSentOn: string | null;
  status: InstallationStatus;
  unitCount: number;
  acceptedOn: string | null;
}

export interface Installation extends InstallationSummary {
  workDone: string | null;
  note: string | null;
  trialStartsOn: string | null;
  trialEndsOn: string | null;
  trialResult: TrialResult | null;
  trialNote: string | null;
  acceptedBy: string | null;
  recordedBy: string | null;
  units: InstallationUnit[];
  technicians: { id: number; name: string }[];
}

/** One printed warranty card and its life. */
export interface WarrantyCardLife {
  documentId: number;
  number: string;
  unitId: number;
  serial: string;
  customerName: string;
  printedAt: number;
  issuedOn: string | null;
  issuedHow: CardIssueWay | null;
  slipBackOn: string | null;
}

/** A unit whose card was not issued within the set time of its completion (acceptance, or purchase). */
export interface CardNotIssued {
  unitId: number;
  serial: string;
  label: string;
  customerName: string;
  completedOn: string;
  daysSince: number;
}

/** What the Desk shows of installations and cards. */
export interface InstallationDesk {
  noticesDue: InstallationSummary[];
  cardsNotIssued: CardNotIssued[];
  slipsNotBack: WarrantyCardLife[];
}
