import type { WorkingCalendar } from './calendar';
import type { IsoDate } from './dates';
import type { Explanation } from './warranty-explain';

export type { Explanation };

/** The day a policy's terms count from: acceptance sign-off, purchase (invoice) or installation. */
export type StartBasis = 'acceptance' | 'purchase' | 'install';

/** One line of a policy, e.g. { key: 'whole', name: '整机', months: 12 }. */
export interface PolicyComponent {
  key: string;
  name: string;
  /** For English papers; policies saved before it have none. */
  nameEn?: string | null;
  months: number;
}

export interface WarrantyPolicy {
  basis: StartBasis;
  /** components[0] is the whole unit; the rest are parts with their own terms. */
  components: PolicyComponent[];
}

/**
 * Civil Code art. 203 moves a term's last day off a statutory rest day. How the desk reads that:
 * - `calendar`: the working calendar decides: weekends and public holidays are rest days, a
 *   swapped working weekend day (调休) is not; the last day becomes the next working day. The
 *   courts' long-standing reading, and the default.
 * - `holidays`: only a public holiday moves it, to the first day after the holiday (what the
 *   desk did before weekends counted).
 * - `off`: the last day is the day counted, whatever it is.
 */
export type RestDayRule = 'calendar' | 'holidays' | 'off';

export const REST_DAY_RULES: readonly RestDayRule[] = ['calendar', 'holidays', 'off'];

/** The company's commitments; the defaults are what the seed documents promise. */
export interface WarrantyRules {
  /** A part replaced free under warranty is covered this long from fitting. */
  partInWarrantyMonths: number;
  /** A part replaced in a paid repair is covered this long from fitting. */
  partPaidMonths: number;
  /** Added to every running term per in-warranty failure that stopped work and was not fixed promptly. */
  downtimeExtensionDays: number;
  /** Civil Code art. 203: which rest days move a term's last day (see `RestDayRule`). */
  restDayRule: RestDayRule;
  /** 三包: repaired this many times for the same fault and failing again → replacement. */
  repeatRepairsBeforeReplacement: number;
  /** 三包: not repaired within this many days of the report → replacement. */
  unrepairedReplacementDays: number;
  /** 三包: a failure within this many days of purchase → refund, exchange or repair. */
  refundDays: number;
  /** 三包: a failure within this many days of purchase → exchange or repair. */
  exchangeDays: number;
}

export const DEFAULT_WARRANTY_RULES: WarrantyRules = {
  partInWarrantyMonths: 12,
  partPaidMonths: 3,
  downtimeExtensionDays: 60,
  restDayRule: 'calendar',
  repeatRepairsBeforeReplacement: 2,
  unrepairedReplacementDays: 60,
  refundDays: 7,
  exchangeDays: 15,
};

/** Days before the last covered day from which a warranty counts as ending. */
export const ENDING_SOON_DAYS = 30;

export interface UnitWarrantyFacts {
  purchaseDate: IsoDate | null;
  installDate: IsoDate | null;
  acceptanceDate: IsoDate | null;
  productionDate: IsoDate | null;
  hasInvoice: boolean;
}

export interface FittedPart {
  name: string;
  componentKey: string | null;
  fittedOn: IsoDate;
  /** Fitted in a paid repair (short cover) rather than free under warranty. */
  paid: boolean;
}

export interface RepairRecord {
  id: number;
  reportedOn: IsoDate;
  /** null: not repaired yet. */
  completedOn: IsoDate | null;
  /** The same fault has the same key. */
  faultKey: string;
  componentKey: string | null;
  /** The desk's decision at intake. */
  inWarranty: boolean;
  /** An in-warranty failure that stopped the customer's work and could not be fixed promptly. */
  unfixedDowntime: boolean;
  partsFitted: FittedPart[];
}

export type ExclusionReason = 'misuse' | 'unauthorisedRepair' | 'forceMajeure' | 'physicalDamage' | 'software' | 'serialMismatch' | 'clearance';

export const EXCLUSION_REASONS: readonly ExclusionReason[] = ['misuse', 'unauthorisedRepair', 'forceMajeure', 'physicalDamage', 'software', 'serialMismatch', 'clearance'];

export interface Exclusion {
  reason: ExclusionReason;
  /** In force from this day on. */
  decidedOn: IsoDate;
  /** null: the whole unit. */
  componentKey: string | null;
  note: string | null;
}

export interface WarrantyInput {
  unit: UnitWarrantyFacts;
  policy: WarrantyPolicy;
  repairs: RepairRecord[];
  exclusions: Exclusion[];
  rules: WarrantyRules;
  /** null: no holiday calendar, so no holiday extension. */
  calendar: WorkingCalendar | null;
}

export type CoverageState = 'active' | 'ending' | 'expired' | 'notStarted' | 'excluded' | 'unknown';

export interface ComponentCoverage {
  key: string;
  name: string;
  months: number;
  start: IsoDate | null;
  /** The LAST covered day, after extensions; print this one. */
  end: IsoDate | null;
  /**
   * `end` was moved off a holiday of a year whose schedule is not published yet, counted from
   * the law: print it marked provisional (暂定); it may move once the schedule is entered.
   */
  provisional: boolean;
  covered: boolean;
  state: CoverageState;
  reasons: Explanation[];
}

/** A part's own cover as its repair's papers tell the customer (see `fittedPartCover`). */
export interface PartCover {
  /** Fitted in a paid repair (the short cover) rather than free under warranty. */
  paid: boolean;
  months: number;
  /** The last covered day, after the rest-day rule. */
  end: IsoDate;
  /** `end` was moved off a holiday the calendar only counted from the law (see `LastDay`). */
  provisional: boolean;
  /** Why: the term, then a last day moved off a rest day (and by which rule). */
  reasons: Explanation[];
}

export interface PartCoverage {
  name: string;
  componentKey: string | null;
  fittedOn: IsoDate;
  /** The part's own last covered day. */
  end: IsoDate;
  /** As `ComponentCoverage.provisional`. */
  provisional: boolean;
  covered: boolean;
  paid: boolean;
  reasons: Explanation[];
}

export type SanbaoKind = 'replacementRepeatFailure' | 'replacementUnrepaired' | 'refundOrExchange' | 'exchange';

export interface SanbaoSignal {
  kind: SanbaoKind;
  reasons: Explanation[];
}

export type WarrantySummary = 'active' | 'ending' | 'expired' | 'excluded' | 'unknown';

export interface WarrantyStart {
  basis: StartBasis | 'production' | null;
  date: IsoDate | null;
  reasons: Explanation[];
}

export interface WarrantyEvaluation {
  on: IsoDate;
  start: WarrantyStart;
  components: ComponentCoverage[];
  parts: PartCoverage[];
  /** Days added to the whole unit's term (components[0]) by downtime failures. */
  extensionDays: number;
  sanbao: SanbaoSignal[];
  /** The whole-unit exclusion in force on `on` (the earliest decided), if any. */
  excluded: Exclusion | null;
  /** The whole unit's state, for a coloured badge. */
  summary: WarrantySummary;
  reasons: Explanation[];
}
