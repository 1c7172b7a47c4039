import { z } from 'zod';
import type { Duration } from '../domain/sla';
import type { HotlineHours, ReturnSlipRules, ScheduledService, ServiceContact } from '../domain/service-promises';
import { REST_DAY_RULES, type WarrantyRules } from '../domain/warranty-types';
import { language } from './document';
import { optionalText, phone, requiredText } from './common';
import { duration } from './service';
import { printingSettings, type PrintingSettings } from './printing';

const clock = (max: string) =>
  z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: 'validation.time' })
    .refine((v) => v <= max, { error: 'validation.time' });

/** When the hotline answers: every day or working days, from–to (24:00 is the end of the day). */
export const hotlineHours = z
  .strictObject({ days: z.enum(['everyDay', 'workingDays']), from: clock('23:59'), to: clock('24:00') })
  .refine((h) => h.from < h.to, { path: ['to'], error: 'validation.hotlineHoursOrder' });

/** Every N days (up to a year) or every N months (up to two years). */
const interval = z
  .strictObject({ every: z.number({ error: 'validation.required' }).int({ error: 'validation.wholeNumber' }).min(1, { error: 'validation.intervalPositive' }), unit: z.enum(['days', 'months']) })
  .refine((i) => i.every <= (i.unit === 'days' ? 366 : 24), { path: ['every'], error: 'validation.intervalTooLong' });

export const settingsFields = {
  companyName: requiredText(100),
  hotline: phone,
  complaintLine: z.union([phone, z.literal('').transform(() => null), z.null()]).optional().transform((v) => v ?? null),
  address: optionalText(200),
  /** The letterhead logo, as a PNG or JPEG data URL (kept small: it is printed on every page). */
  logo: z
    .string()
    .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/, { error: 'validation.logo' })
    .max(400_000, { error: 'validation.logoTooBig' })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  language,
  /** The trade's numbers the warranty engine applies; every one is the company's to change. */
  warrantyRules: z.strictObject({
    partInWarrantyMonths: z.number().int().min(0).max(60),
    partPaidMonths: z.number().int().min(0).max(60),
    downtimeExtensionDays: z.number().int().min(0).max(365),
    restDayRule: z.enum(REST_DAY_RULES),
    /**
     * The switch `restDayRule` replaced, which the settings read still report for older papers:
     * a form sending back what it read may carry it. Dropped, not refused: the rule decides.
     */
    extendPastHoliday: z.unknown().optional().transform(() => undefined),
    repeatRepairsBeforeReplacement: z.number().int().min(1).max(10),
    unrepairedReplacementDays: z.number().int().min(1).max(365),
    refundDays: z.number().int().min(0).max(60),
    exchangeDays: z.number().int().min(0).max(90),
  }),
  /**
   * Who is at the desk is no longer a setting but the session's (chosen at start). A form
   * spreading settings read from an older database may still send it: dropped, not refused.
   */
  operator: z.unknown().optional().transform(() => undefined),
  /** The desk's service rules that are not per service level. */
  service: z.strictObject({
    callbackDays: z.number().int().min(0).max(60),
    lifetimeMaintenance: z.boolean(),
    travelFen: z.strictObject({
      urban: z.number().int().min(0).max(10_000_000),
      suburban: z.number().int().min(0).max(10_000_000),
      other: z.number().int().min(0).max(10_000_000),
    }),
    complaintAnswer: duration,
    complaintReply: duration,
    complaintResolve: duration,
    /** The share of complaints promised a reply and a resolution in time, in percent (null: none). */
    complaintShares: z.strictObject({
      reply: z.number({ error: 'validation.required' }).int({ error: 'validation.wholeNumber' }).min(1, { error: 'hours.errors.shareRange' }).max(100, { error: 'hours.errors.shareRange' }).nullable(),
      resolve: z.number({ error: 'validation.required' }).int({ error: 'validation.wholeNumber' }).min(1, { error: 'hours.errors.shareRange' }).max(100, { error: 'hours.errors.shareRange' }).nullable(),
    }),
  }),
  hotlineHours,
  /** Who answers for the warranty (保修负责部门和人员), printed on the card; each part may be left out. */
  serviceContact: z.strictObject({
    department: optionalText(40),
    person: optionalText(40),
    phone: z.union([phone, z.literal('').transform(() => null), z.null()]).optional().transform((v) => v ?? null),
  }),
  /** The return slip's mail-back deadline (months after purchase) and address (null: the company's). */
  returnSlip: z.strictObject({
    months: z.number({ error: 'validation.required' }).int({ error: 'validation.wholeNumber' }).min(1, { error: 'validation.returnMonths' }).max(12, { error: 'validation.returnMonths' }),
    address: optionalText(200),
  }),
  /** The scheduled service the company states it gives (月回访/季维护/年保养); null: not offered. */
  scheduledService: z.strictObject({ callback: interval.nullable(), inspection: interval.nullable(), maintenance: interval.nullable() }),
  /**
   * Set only through the folder dialog (backups:chooseFolder): a path typed by the renderer is
   * never trusted, so one sent here (a form spreading the settings it read) is dropped.
   */
  backupFolder: z.unknown().optional().transform(() => undefined),
  /** The first-start setup was gone through (or skipped): it is not offered again. */
  // Only ever set: a form sending back the settings it read (false on a new install) changes nothing.
  setupDone: z
    .boolean()
    .optional()
    .transform((v) => (v === true ? true : undefined)),
  /** Per kind of paper: printer, paper, copies, print without asking. */
  printing: printingSettings,
  /**
   * Renewal (续保): how many days before a contract or a whole-unit warranty ends it is due (the
   * seeds: 10), and the yearly price per unit offered when there is no contract to copy it from.
   */
  renewal: z.strictObject({
    leadDays: z.number({ error: 'validation.required' }).int({ error: 'validation.wholeNumber' }).min(1, { error: 'validation.renewalLeadDays' }).max(90, { error: 'validation.renewalLeadDays' }),
    defaultPriceFen: z.number().int().min(0).max(100_000_000).nullable(),
  }),
  /**
   * Installation: the notice to the customer this many days before the appointment (the seeds:
   * 7), and a warranty card issued within this many days of completion (the seeds: a month).
   */
  installation: z.strictObject({
    noticeDays: z.number({ error: 'validation.required' }).int({ error: 'validation.wholeNumber' }).min(0, { error: 'installations.errors.noticeDays' }).max(60, { error: 'installations.errors.noticeDays' }),
    cardIssueDays: z.number({ error: 'validation.required' }).int({ error: 'validation.wholeNumber' }).min(1, { error: 'installations.errors.cardIssueDays' }).max(365, { error: 'installations.errors.cardIssueDays' }),
  }),
};

export const settingsUpdateInput = z.strictObject(settingsFields).partial();
export type SettingsUpdateInput = z.input<typeof settingsUpdateInput>;

export interface Settings {
  companyName: string;
  hotline: string;
  complaintLine: string | null;
  address: string | null;
  logo: string | null;
  language: z.infer<typeof language>;
  warrantyRules: WarrantyRules;
  service: ServiceRules;
  hotlineHours: HotlineHours;
  serviceContact: ServiceContact;
  returnSlip: ReturnSlipRules;
  scheduledService: ScheduledService;
  /** Where backups go; null means `backups` beside the database. */
  backupFolder?: string | null;
  /** False only on a new install: no setup finished, no customers, no policies. */
  setupDone: boolean;
  printing: PrintingSettings;
  renewal: RenewalRules;
  installation: InstallationRules;
}

export interface InstallationRules {
  /** Days before the appointment the customer is told. */
  noticeDays: number;
  /** Days after completion by which the warranty card should be issued. */
  cardIssueDays: number;
}

export interface RenewalRules {
  /** Days before the end from which a renewal is due. */
  leadDays: number;
  /** Price per unit per year offered for a unit without a contract; null: written in by hand. */
  defaultPriceFen: number | null;
}

export interface ServiceRules {
  callbackDays: number;
  lifetimeMaintenance: boolean;
  travelFen: { urban: number; suburban: number; other: number };
  /** The acknowledgement (first answer), the seeds' 1 hour. */
  complaintAnswer: Duration;
  /** The reply, the seeds' 2 working days. */
  complaintReply: Duration;
  complaintResolve: Duration;
  complaintShares: { reply: number | null; resolve: number | null };
}
