import { z } from 'zod';
import type { ServiceLevelTerms } from '../domain/sla';
import { SEVERITIES } from '../domain/ticket-status';
import { id, isoDate, listLimit, optionalText, requiredText } from './common';
import { REGIONS } from './customer';
import { dutyHours } from './duty-hours';

export const duration = z.strictObject({
  amount: z.number().int().min(1, { error: 'validation.durationPositive' }).max(10_000),
  unit: z.enum(['minutes', 'hours', 'workingDays']),
});
const targets = z.strictObject({ answer: duration, arrival: duration, fix: duration });
const bySeverity = z.strictObject(Object.fromEntries(SEVERITIES.map((s) => [s, targets])) as Record<(typeof SEVERITIES)[number], typeof targets>);
const targetTable = z.strictObject(Object.fromEntries(REGIONS.map((r) => [r, bySeverity])) as Record<(typeof REGIONS)[number], typeof bySeverity>);
/** A share promised, in whole percent; null: none promised. */
const share = z.number({ error: 'validation.required' }).int({ error: 'validation.wholeNumber' }).min(1, { error: 'hours.errors.shareRange' }).max(100, { error: 'hours.errors.shareRange' }).nullable();
export const serviceLevelTerms = z.strictObject({
  targets: targetTable,
  loaner: duration,
  duty: z.strictObject({ hours: dutyHours, outside: targetTable }).optional(),
  shares: z.strictObject({ answer: share.optional(), arrival: share.optional(), fix: share.optional() }).optional(),
});

export const serviceLevelFields = { name: requiredText(40), isDefault: z.boolean().default(false), terms: serviceLevelTerms };
export const serviceLevelCreateInput = z.strictObject(serviceLevelFields);
export const serviceLevelUpdateInput = z.strictObject({ id, ...serviceLevelFields });

export interface ServiceLevel {
  id: number;
  name: string;
  isDefault: boolean;
  terms: ServiceLevelTerms;
  /** Tickets that use it (it cannot be removed, only replaced as the default). */
  ticketCount: number;
}

const holiday = z
  .strictObject({ name: requiredText(30), en: requiredText(60), from: isoDate, to: isoDate })
  .refine((h) => h.from <= h.to, { path: ['to'], error: 'validation.holidayOrder' });
export const calendarYearInput = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    holidays: z.array(holiday).max(30),
    workdays: z.array(isoDate).max(20),
  })
  .superRefine((y, ctx) => {
    // Schedules may spill a day into the year before (New Year's Day on 31 December), no further.
    const inRange = (d: string) => d >= `${y.year - 1}-12-01` && d <= `${y.year + 1}-01-31`;
    y.holidays.forEach((h, i) => {
      if (!inRange(h.from) || !inRange(h.to)) ctx.addIssue({ code: 'custom', path: ['holidays', i, 'from'], message: 'validation.dateOutsideYear' });
    });
    y.workdays.forEach((d, i) => {
      if (!inRange(d)) ctx.addIssue({ code: 'custom', path: ['workdays', i], message: 'validation.dateOutsideYear' });
    });
  });
export const calendarYearKey = z.strictObject({ year: z.number().int().min(2000).max(2100) });

export interface CalendarYearView {
  year: number;
  holidays: { name: string; en: string; from: string; to: string }[];
  workdays: string[];
  /** 'shipped': as it came with the app; 'edited': entered or corrected by the desk. */
  source: 'shipped' | 'edited';
}

export interface CalendarView {
  years: CalendarYearView[];
  /**
   * Years around today the calendar lacks, with the holidays the law fixes (provisional, no
   * 调休): what deadlines and terms use until the desk enters the published schedule.
   */
  provisional: { year: number; holidays: CalendarYearView['holidays'] }[];
  /** The years the app ships a schedule for (an edited one is reset to it, not removed). */
  shippedYears: number[];
  /** The year the desk should enter now (this year, or next year from November), or null. */
  missingYear: number | null;
}

export const COMPLAINT_CHANNELS = ['phone', 'callback', 'walkIn', 'letter', 'online', 'other'] as const;
export const complaintCreateInput = z.strictObject({
  channel: z.enum(COMPLAINT_CHANNELS),
  content: requiredText(2000),
  customerId: id.nullish().transform((v) => v ?? null),
  ticketId: id.nullish().transform((v) => v ?? null),
  handler: optionalText(50),
});
export const complaintUpdateInput = z.strictObject({
  id,
  handler: optionalText(50),
  /** Marks the first answer given to the customer (the 1-hour acknowledgement). */
  answered: z.boolean().optional(),
  /** Marks the reply given to the customer (the 2-working-day promise). */
  replied: z.boolean().optional(),
  /** A step taken, appended to the record with who and when. */
  step: optionalText(1000),
  resolution: optionalText(2000),
  verdict: z.enum(['satisfied', 'acceptable', 'dissatisfied']).nullish().transform((v) => v ?? null),
});
export const complaintIdInput = z.strictObject({ id });
export const complaintListInput = z.strictObject({ openOnly: z.boolean().default(true), limit: listLimit });

export interface Complaint {
  id: number;
  number: string;
  channel: (typeof COMPLAINT_CHANNELS)[number];
  content: string;
  customerId: number | null;
  customerName: string | null;
  ticketId: number | null;
  ticketNumber: string | null;
  receivedAt: number;
  answerDue: number;
  /** Null on a complaint recorded before the reply promise existed. */
  replyDue: number | null;
  resolveDue: number;
  handler: string | null;
  answeredAt: number | null;
  repliedAt: number | null;
  steps: { at: number; who: string; text: string }[];
  resolution: string | null;
  verdict: 'satisfied' | 'acceptable' | 'dissatisfied' | null;
  resolvedAt: number | null;
  closedAt: number | null;
  /** Deadline states for the first answer and the resolution. */
  answerState: 'met' | 'missed' | 'onTrack' | 'atRisk' | 'overdue';
  replyState: 'met' | 'missed' | 'onTrack' | 'atRisk' | 'overdue' | null;
  resolveState: 'met' | 'missed' | 'onTrack' | 'atRisk' | 'overdue';
}
