import { z } from 'zod';
import type { FaultCategory, Severity, TicketStatus } from '../domain/ticket-status';
import { id, isoDate } from './common';
import { language } from './document';

/*
 * The owner's month (issue 17): every report takes a period of local days and an optional
 * filter, so the same queries serve the screen, the monthly pack, one contract customer's pack,
 * and later the makers' claims (issue 21) which narrow them to a set of product models.
 * Whether a period is sensible (not empty, not in the future, at most ten years) is decided by
 * the service against the desk's clock, not here: zod's "today" is not the injectable one.
 */

/** At most this many ticket rows in a listed table (the log, the late ones); the counts are always whole. */
export const REPORT_ROW_LIMIT = 500;

export const reportFilter = z.strictObject({
  customerId: id.nullish().transform((v) => v ?? null),
  modelIds: z.array(id).max(200).nullish().transform((v) => v ?? null),
});
export type ReportFilter = z.output<typeof reportFilter>;

export const reportPeriodInput = z.strictObject({
  from: isoDate,
  to: isoDate,
  customerId: id.nullish().transform((v) => v ?? null),
  modelIds: z.array(id).max(200).nullish().transform((v) => v ?? null),
});
export type ReportPeriodInput = z.output<typeof reportPeriodInput>;

export interface ReportPeriod {
  from: string;
  to: string;
}

/** A count under a key (a status, a category, a model's id) with the name to show; null name when the record is gone. */
export interface Tally {
  key: string;
  label: string | null;
  count: number;
}

export interface RepairLogRow {
  ticketId: number;
  number: string;
  reportedAt: number;
  status: TicketStatus;
  customerName: string;
  unitLabel: string | null;
  serial: string | null;
  faultCategory: FaultCategory;
  technician: string | null;
  action: string | null;
  inWarranty: boolean;
}

export interface RepairsReport {
  total: number;
  byStatus: Tally[];
  byCategory: Tally[];
  byModel: Tally[];
  byTechnician: Tally[];
  log: RepairLogRow[];
}

export type Milestone = 'answer' | 'arrival' | 'fix';

export interface PromiseTally {
  /** Kept: done by its time. Late: done after, or still not done past it. Open: not done, time not yet up. */
  kept: number;
  late: number;
  open: number;
}

export interface ServiceLevelRow {
  region: string;
  severity: Severity;
  tickets: number;
  answer: PromiseTally;
  arrival: PromiseTally;
  fix: PromiseTally;
}

export interface LateTicket {
  ticketId: number;
  number: string;
  reportedAt: number;
  region: string;
  severity: Severity;
  customerName: string;
  late: Milestone[];
}

export interface ServiceLevelReport {
  rows: ServiceLevelRow[];
  totals: { answer: PromiseTally; arrival: PromiseTally; fix: PromiseTally };
  late: LateTicket[];
  lateCount: number;
}

export interface SatisfactionReport {
  callbacks: number;
  reached: number;
  unreached: number;
  /** Scores 1 to 5, each with its count. */
  scores: { score: number; count: number }[];
  /** Average of the scores given, in hundredths; null when none was given. */
  averageX100: number | null;
  comments: { ticketId: number; number: string; doneAt: number; score: number | null; comments: string }[];
}

export interface ComplaintsReport {
  count: number;
  answered: number;
  answeredOnTime: number;
  resolved: number;
  resolvedOnTime: number;
  /** Still open past their deadline at the period's end (or now). */
  openLate: number;
  /** Median minutes to first answer and days to resolution; null when none. */
  medianAnswerMinutes: number | null;
  medianResolveHours: number | null;
  verdicts: Tally[];
}

export interface PartLine {
  partId: number;
  partNumber: string;
  name: string;
  quantity: number;
  costFen: number;
  chargedFen: number;
  warrantyQuantity: number;
}

export interface PartsReport {
  lines: PartLine[];
  quantity: number;
  costFen: number;
  /** Stock moved in the period by reason (receive, use, return, adjust): the sum of the deltas. */
  moves: { reason: string; count: number; delta: number }[];
}

export interface LoanersReport {
  issued: number;
  returned: number;
  /** Out at the period's end. */
  out: number;
  /** Out at the period's end past their expected return day. */
  overdue: { loanId: number; ticketId: number; number: string; loaner: string | null; expectedReturn: string | null; issuedAt: number }[];
}

export interface MoneyReport {
  /** Paid repairs resolved in the period: what was collected. */
  paidTickets: number;
  revenueFen: number;
  /** Warranty repairs resolved in the period: the parts' cost and the labour given free. */
  warrantyTickets: number;
  warrantyPartsFen: number;
  warrantyLabourFen: number;
}

export interface ScheduledReport {
  planned: number;
  done: number;
  missed: number;
  cancelled: number;
  /** Due in the period and still not done. */
  open: number;
  /** Contracts ending in the period, followed by a renewal, declined, or neither. */
  ending: number;
  renewed: number;
  lapsed: number;
}

/** Failures per 100 units in service for one model, component or fault category. */
export interface FailureRate {
  key: string;
  label: string | null;
  failures: number;
  /** Units in service the rate is over; null for a fault category of units of every model (uses all units). */
  units: number;
  /** Failures per 100 units, in hundredths (1234 = 12.34); null when there are no units, never NaN. */
  ratePer100X100: number | null;
  previousFailures: number;
  previousRatePer100X100: number | null;
}

export interface FailureAnalysis {
  unitsInService: number;
  previous: ReportPeriod;
  byModel: FailureRate[];
  byComponent: FailureRate[];
  byCategory: FailureRate[];
}

export const WARNING_KINDS = ['repeatFault', 'rateAbove', 'rateRising'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

export interface EarlyWarning {
  kind: WarningKind;
  /** The unit's serial (repeat) or the model's name (rate). */
  subject: string;
  faultCategory: FaultCategory | null;
  /** Repeat: days between the earlier fix and the new report. Rate: this period's and the previous rate in hundredths. */
  days: number | null;
  rateX100: number | null;
  previousRateX100: number | null;
  failures: number;
  tickets: { id: number; number: string }[];
}

export interface WarningSettings {
  /** The same fault on the same unit again within this many days of its fix. */
  repeatWindowDays: number;
  /** A model's failures per 100 units in service at or above this (in hundredths) warns. */
  rateThresholdX100: number;
  /** A rise of at least this percent over the model's own previous period warns. */
  risePercent: number;
  /** A model needs at least this many failures before its rate warns: two breakdowns of three units are not a trend. */
  minFailures: number;
}

const whole = (min: number, max: number) => z.number({ error: 'validation.invalidType' }).int().min(min).max(max);
export const warningSettingsInput = z.strictObject({
  repeatWindowDays: whole(1, 365),
  rateThresholdX100: whole(1, 1_000_000),
  risePercent: whole(1, 10_000),
  minFailures: whole(1, 1000),
});

export interface ReportBundle {
  period: ReportPeriod;
  filter: ReportFilter;
  /** Local day the figures were read on: a period ending later is counted up to now. */
  asOf: string;
  repairs: RepairsReport;
  service: ServiceLevelReport;
  satisfaction: SatisfactionReport;
  complaints: ComplaintsReport;
  parts: PartsReport;
  loaners: LoanersReport;
  money: MoneyReport;
  scheduled: ScheduledReport;
  failures: FailureAnalysis;
  warnings: EarlyWarning[];
}

export const reportPackInput = z.strictObject({
  from: isoDate,
  to: isoDate,
  customerId: id.nullish().transform((v) => v ?? null),
  // The pack is an owner's document, read on A4 only (the issue asks for no other size).
  paper: z.literal('A4').default('A4'),
  language,
});
export type ReportPackInput = z.output<typeof reportPackInput>;

/** The reports of a period to a workbook, one sheet per report (in the language given). */
export const reportExportInput = z.strictObject({
  from: isoDate,
  to: isoDate,
  customerId: id.nullish().transform((v) => v ?? null),
  modelIds: z.array(id).max(200).nullish().transform((v) => v ?? null),
  language,
});

export interface DeskWarnings {
  period: ReportPeriod;
  warnings: EarlyWarning[];
}
