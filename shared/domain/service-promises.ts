import { REGIONS, type Region } from '../schemas/customer';
import { addMonths, type IsoDate } from './dates';
import type { Duration, ServiceLevelTerms, Targets } from './sla';

/*
 * What the company promises a customer in writing (the warranty card, later the manual): the
 * hotline's hours, the service level's deadlines, scheduled visits, who answers for the
 * warranty, and when the return slip should come back. Numbers only; the words are the
 * catalog's, so every paper says the same thing in either language.
 */

/** When the hotline takes calls. Every day 00:00–24:00 is the seeds' 7×24. */
export interface HotlineHours {
  days: 'everyDay' | 'workingDays';
  /** HH:MM, local time. */
  from: string;
  /** HH:MM, up to 24:00 (midnight at the end of the day). */
  to: string;
}

export const ROUND_THE_CLOCK: HotlineHours = { days: 'everyDay', from: '00:00', to: '24:00' };

export function isRoundTheClock(h: HotlineHours): boolean {
  return h.days === 'everyDay' && h.from === '00:00' && h.to === '24:00';
}

/** How often a scheduled service recurs: every N days (elevators: 15) or every N months. */
export interface Interval {
  every: number;
  unit: 'days' | 'months';
}

/**
 * The scheduled service the company states it gives (月回访, 季维护, 年保养); null: not offered.
 * The visits themselves are planned by the scheduled-service feature; this is what is promised.
 */
export interface ScheduledService {
  /** Callback by phone (回访). */
  callback: Interval | null;
  /** On-site inspection and upkeep (巡检 / 维护). */
  inspection: Interval | null;
  /** Full maintenance (保养). */
  maintenance: Interval | null;
}

export const SCHEDULED_KINDS = ['callback', 'inspection', 'maintenance'] as const satisfies readonly (keyof ScheduledService)[];

/** A company that has not said what it does promises nothing, and its papers print nothing. */
export const NO_SCHEDULED_SERVICE: ScheduledService = { callback: null, inspection: null, maintenance: null };

/** The words for an interval: a name of its own for the usual ones, else "every N days/months". */
export function intervalWording(i: Interval): { key: 'monthly' | 'quarterly' | 'halfYearly' | 'yearly' | 'everyDays' | 'everyMonths'; count: number } {
  if (i.unit === 'days') return { key: 'everyDays', count: i.every };
  const named = { 1: 'monthly', 3: 'quarterly', 6: 'halfYearly', 12: 'yearly' } as const;
  const key = named[i.every as keyof typeof named];
  return key ? { key, count: i.every } : { key: 'everyMonths', count: i.every };
}

/** The department and person who answer for the warranty (保修负责部门和人员); each may be unset. */
export interface ServiceContact {
  department: string | null;
  person: string | null;
  phone: string | null;
}

export const NO_SERVICE_CONTACT: ServiceContact = { department: null, person: null, phone: null };

export function hasServiceContact(c: ServiceContact): boolean {
  return !!(c.department || c.person || c.phone);
}

/** The return slip (保修回执卡): posted back within `months` of purchase, to `address` (null: the company's). */
export interface ReturnSlipRules {
  months: number;
  address: string | null;
}

/** The seeds: "在购买后的一个月内寄回", to the company. */
export const DEFAULT_RETURN_SLIP: ReturnSlipRules = { months: 1, address: null };

/** The last day to post the slip back: `months` after the purchase, counted as a term is. Null without a purchase date. */
export function returnSlipDeadline(purchase: IsoDate | null, months: number): IsoDate | null {
  return purchase ? addMonths(purchase, months) : null;
}

/** One promise and the regions it holds for (regions sharing a promise are printed once). */
export interface RegionPromise {
  regions: Region[];
  duration: Duration;
}

export interface ServicePromises {
  answer: RegionPromise[];
  arrival: RegionPromise[];
  /** From arrival, an ordinary fault. */
  fixOrdinary: RegionPromise[];
  /** From arrival, a major fault. */
  fixMajor: RegionPromise[];
  /** Not fixed in time: a loaner within this long of the report. */
  loaner: Duration;
}

const same = (a: Duration, b: Duration) => a.amount === b.amount && a.unit === b.unit;

/** Groups the regions by the duration `pick` gives, in the order the regions and durations first appear. */
function byRegion(terms: ServiceLevelTerms, pick: (t: Targets) => Duration, severity: 'ordinary' | 'major'): RegionPromise[] {
  const groups: RegionPromise[] = [];
  for (const region of REGIONS) {
    const duration = pick(terms.targets[region][severity]);
    const group = groups.find((g) => same(g.duration, duration));
    if (group) group.regions.push(region);
    else groups.push({ regions: [region], duration });
  }
  return groups;
}

/**
 * The service level's promises as a customer reads them: answer and arrival for an ordinary
 * fault, the fix for an ordinary and a major one, the loaner. Emergencies (an elevator
 * entrapment) are the desk's to triage, not a promise printed on every card.
 */
export function servicePromises(terms: ServiceLevelTerms): ServicePromises {
  return {
    answer: byRegion(terms, (t) => t.answer, 'ordinary'),
    arrival: byRegion(terms, (t) => t.arrival, 'ordinary'),
    fixOrdinary: byRegion(terms, (t) => t.fix, 'ordinary'),
    fixMajor: byRegion(terms, (t) => t.fix, 'major'),
    loaner: terms.loaner,
  };
}
