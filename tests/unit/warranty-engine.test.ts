import { describe, expect, it } from 'vitest';
import { CN_MAINLAND, type WorkingCalendar } from '../../shared/domain/calendar';
import type { IsoDate } from '../../shared/domain/dates';
import {
  DEFAULT_WARRANTY_RULES,
  evaluateWarranty,
  REST_DAY_RULES,
  restDayRuleNote,
  explanationText,
  type CoverageState,
  type Exclusion,
  type ExclusionReason,
  type Explanation,
  type FittedPart,
  type PolicyComponent,
  type RepairRecord,
  type SanbaoKind,
  type StartBasis,
  type UnitWarrantyFacts,
  type WarrantyEvaluation,
  type WarrantyKey,
  type WarrantyRules,
  type WarrantySummary,
} from '../../shared/domain/warranty-engine';
import { say } from '../../shared/domain/warranty-explain';
import { LANGUAGES, resources, translator } from '../../shared/i18n';

const WHOLE: PolicyComponent = { key: 'whole', name: '整机', months: 12 };
const ACC: PolicyComponent = { key: 'accessories', name: '配件', months: 6 };
const MAIN: PolicyComponent = { key: 'main', name: '主要部件', months: 36 };
const ALL = [WHOLE, ACC, MAIN];
const months = (n: number): PolicyComponent[] => [{ ...WHOLE, months: n }];

const NO_DATES: Partial<UnitWarrantyFacts> = { purchaseDate: null, installDate: null, acceptanceDate: null, productionDate: null };

let nextId = 1;
/** A repair fixed the day it was reported unless told otherwise. */
function repair(reportedOn: IsoDate, over: Partial<RepairRecord> = {}): RepairRecord {
  const base = { id: nextId++, reportedOn, completedOn: reportedOn, faultKey: 'noCooling', componentKey: null, inWarranty: true, unfixedDowntime: false, partsFitted: [] };
  return { ...base, ...over };
}
const downtime = (reportedOn: IsoDate, over: Partial<RepairRecord> = {}) => repair(reportedOn, { unfixedDowntime: true, ...over });
const part = (name: string, fittedOn: IsoDate, paid: boolean, componentKey: string | null = null): FittedPart => ({ name, componentKey, fittedOn, paid });
const exclusion = (reason: ExclusionReason, decidedOn: IsoDate, componentKey: string | null = null, note: string | null = null): Exclusion => ({ reason, decidedOn, componentKey, note });
/** Same fault fixed twice (April, May 2026), then reported again on `third`. */
const twiceFixed = (third: IsoDate, over: Partial<RepairRecord> = {}) => [
  repair('2026-04-01', { completedOn: '2026-04-03', ...over }),
  repair('2026-05-01', { completedOn: '2026-05-02', ...over }),
  repair(third, { completedOn: null, ...over }),
];

type Key = WarrantyKey extends `warranty.${infer K}` ? K : never;

interface Row {
  name: string;
  on: IsoDate;
  unit?: Partial<UnitWarrantyFacts>;
  basis?: StartBasis;
  policy?: PolicyComponent[];
  repairs?: RepairRecord[];
  exclusions?: Exclusion[];
  rules?: Partial<WarrantyRules>;
  calendar?: WorkingCalendar | null;
  // Expectations: only those given are checked, except `sanbao`, which defaults to none.
  start?: [StartBasis | 'production' | null, IsoDate | null];
  whole?: [CoverageState, IsoDate | null];
  comps?: Record<string, [CoverageState, IsoDate | null]>;
  parts?: [string, IsoDate, boolean][];
  ext?: number;
  sanbao?: SanbaoKind[];
  summary?: WarrantySummary;
  excluded?: ExclusionReason | null;
  /** Lines that must appear somewhere in the evaluation. */
  says?: Key[];
  /** Lines that must not appear. */
  silent?: Key[];
}

// Default unit: bought 2026-03-01 with an invoice, accepted 2026-03-05 → whole unit to 2027-03-05.
// The rows check counting, and were dated before weekends moved a last day (2027-01-10 is a
// Sunday): they run under the holidays-only rule. The three rules have their own tables in
// warranty-rest-days.test.ts.
const rows: Row[] = [
  // Where the term counts from
  { name: 'start: acceptance basis counts from sign-off', on: '2026-06-01', start: ['acceptance', '2026-03-05'], whole: ['active', '2027-03-05'], summary: 'active', says: ['start.fromAcceptance', 'component.term', 'state.active'] },
  { name: 'start: no acceptance date falls back to installation', on: '2026-06-01', unit: { acceptanceDate: null, installDate: '2026-03-03' }, start: ['install', '2026-03-03'], whole: ['active', '2027-03-03'], says: ['start.noAcceptanceDate', 'start.fromInstall'] },
  { name: 'start: no acceptance or install date falls back to purchase', on: '2026-06-01', unit: { acceptanceDate: null }, start: ['purchase', '2026-03-01'], whole: ['active', '2027-03-01'], says: ['start.noAcceptanceDate', 'start.noInstallDate', 'start.fromPurchase'] },
  { name: 'start: install basis counts from installation', on: '2026-06-01', basis: 'install', unit: { installDate: '2026-03-03' }, start: ['install', '2026-03-03'], whole: ['active', '2027-03-03'] },
  { name: 'start: install basis without an install date falls back to acceptance', on: '2026-06-01', basis: 'install', start: ['acceptance', '2026-03-05'], says: ['start.noInstallDate', 'start.fromAcceptance'] },
  { name: 'start: purchase basis with an invoice counts from the invoice date', on: '2026-06-01', basis: 'purchase', start: ['purchase', '2026-03-01'], whole: ['active', '2027-03-01'], says: ['start.fromPurchase'] },
  { name: 'start: no invoice, counted from the production date', on: '2026-06-01', basis: 'purchase', unit: { hasInvoice: false }, start: ['production', '2026-01-10'], whole: ['active', '2027-01-10'], says: ['start.noInvoice'] },
  { name: 'start: no invoice, production date term ends sooner (ending on 2027-01-05)', on: '2027-01-05', basis: 'purchase', unit: { hasInvoice: false }, whole: ['ending', '2027-01-10'], summary: 'ending' },
  { name: 'start: no invoice and no production date, counted from purchase and flagged', on: '2026-06-01', basis: 'purchase', unit: { hasInvoice: false, productionDate: null }, start: ['purchase', '2026-03-01'], says: ['start.purchaseUnproven'] },
  { name: 'start: no purchase date, counted from the production date', on: '2026-06-01', basis: 'purchase', unit: { purchaseDate: null }, start: ['production', '2026-01-10'], says: ['start.noPurchaseDate', 'start.fromProduction'] },
  { name: 'start: acceptance chain ends at the production date without an invoice', on: '2026-06-01', unit: { acceptanceDate: null, hasInvoice: false }, start: ['production', '2026-01-10'] },
  { name: 'start: no date known at all, unknown with no end and a grey badge', on: '2026-06-01', unit: NO_DATES, start: [null, null], whole: ['unknown', null], summary: 'unknown', says: ['start.unknown', 'state.unknown'] },
  { name: 'start: a policy with no terms is unknown', on: '2026-06-01', policy: [], summary: 'unknown', says: ['policy.empty'] },

  // Counting and boundaries (start day not counted, month-end clamp, 30-day warning)
  { name: 'boundary: the start day itself is covered', on: '2026-03-05', whole: ['active', '2027-03-05'] },
  { name: 'boundary: the day before the start has not started (badge unknown)', on: '2026-03-04', whole: ['notStarted', '2027-03-05'], summary: 'unknown', says: ['state.notStarted'] },
  { name: 'boundary: 30 days before the last day is still active', on: '2027-02-03', whole: ['active', '2027-03-05'], summary: 'active' },
  { name: 'boundary: 29 days before the last day is ending', on: '2027-02-04', whole: ['ending', '2027-03-05'], summary: 'ending', says: ['state.ending'] },
  { name: 'boundary: the last covered day itself is covered', on: '2027-03-05', whole: ['ending', '2027-03-05'] },
  { name: 'boundary: the day after the last covered day is expired', on: '2027-03-06', whole: ['expired', '2027-03-05'], summary: 'expired', says: ['state.expired'] },
  { name: 'month end: acceptance 2026-08-31 + 6 months ends on 2027-02-28 (DOMAIN.md)', on: '2027-02-28', policy: months(6), unit: { acceptanceDate: '2026-08-31' }, whole: ['ending', '2027-02-28'] },
  { name: 'month end: the day after 2027-02-28 is expired', on: '2027-03-01', policy: months(6), unit: { acceptanceDate: '2026-08-31' }, whole: ['expired', '2027-02-28'] },
  { name: 'month end: 2026-01-31 + 1 month ends on 2026-02-28', on: '2026-02-28', policy: months(1), unit: { acceptanceDate: '2026-01-31' }, whole: ['ending', '2026-02-28'] },
  { name: 'leap year: 2027-08-31 + 6 months ends on 29 Feb 2028', on: '2028-02-29', policy: months(6), unit: { acceptanceDate: '2027-08-31' }, calendar: null, whole: ['ending', '2028-02-29'] },
  { name: 'leap day start: 2028-02-29 + 12 months ends on 2029-02-28, next day expired', on: '2029-03-01', unit: { acceptanceDate: '2028-02-29' }, calendar: null, whole: ['expired', '2029-02-28'] },
  { name: 'leap day start: 2024-02-29 + 36 months ends on 2027-02-28', on: '2027-02-28', policy: months(36), unit: { acceptanceDate: '2024-02-29' }, calendar: null, whole: ['ending', '2027-02-28'] },

  // Civil Code art. 203: a last day on a statutory holiday
  { name: 'holiday: last day 2026-10-03 falls in National Day, runs to 2026-10-08', on: '2026-10-08', unit: { acceptanceDate: '2025-10-03' }, whole: ['ending', '2026-10-08'], says: ['term.holidayOnly'] },
  { name: 'holiday: the day after the shifted last day is expired', on: '2026-10-09', unit: { acceptanceDate: '2025-10-03' }, whole: ['expired', '2026-10-08'] },
  { name: 'holiday: rule switched off, the term ends on the holiday itself', on: '2026-10-05', unit: { acceptanceDate: '2025-10-03' }, rules: { restDayRule: 'off' }, whole: ['expired', '2026-10-03'], silent: ['term.holidayOnly', 'term.holiday'] },
  { name: 'holiday: no calendar, no shift', on: '2026-10-05', unit: { acceptanceDate: '2025-10-03' }, calendar: null, whole: ['expired', '2026-10-03'] },
  { name: 'holiday: a plain Saturday is not a statutory holiday, no shift', on: '2026-03-07', unit: { acceptanceDate: '2025-03-07' }, whole: ['ending', '2026-03-07'] },
  { name: 'holiday: last day in Spring Festival 2026 runs to 2026-02-24', on: '2026-02-24', unit: { acceptanceDate: '2025-02-17' }, whole: ['ending', '2026-02-24'] },
  { name: 'holiday: from November, a last day in the coming year the calendar lacks is flagged as checked against the law alone', on: '2026-11-01', whole: ['active', '2027-03-05'], says: ['term.holidayYearCounted'] },
  { name: 'holiday: a last day in a year not yet published (before November) is not flagged', on: '2026-10-31', whole: ['active', '2027-03-05'], silent: ['term.holidayYearCounted', 'term.holidayYearMissing'] },
  { name: 'rest day: under the working calendar a Saturday last day runs to the Monday after', on: '2026-03-09', unit: { acceptanceDate: '2025-03-07' }, rules: { restDayRule: 'calendar' }, whole: ['ending', '2026-03-09'], says: ['term.weekend'] },
  { name: 'rest day: a term ending 2027-10-01 runs past the provisional National Day to 2027-10-06, and says provisional', on: '2027-10-06', unit: { acceptanceDate: '2026-10-01' }, rules: { restDayRule: 'calendar' }, whole: ['ending', '2027-10-06'], says: ['term.holiday', 'term.provisional'] },
  { name: 'holiday: a last day in a year before the 2025 rules, missing from the calendar, is flagged as unchecked', on: '2024-03-01', unit: { purchaseDate: '2023-03-01', acceptanceDate: '2023-03-06' }, whole: ['ending', '2024-03-06'], says: ['term.holidayYearMissing'] },

  // Terms per component
  { name: 'components: each keeps its own term (accessories expired, main parts running)', on: '2026-10-01', policy: ALL, comps: { whole: ['active', '2027-03-05'], accessories: ['expired', '2026-09-05'], main: ['active', '2029-03-05'] }, summary: 'active' },
  { name: 'components: whole unit expired but main parts covered, badge expired with a still-covered line', on: '2027-06-01', policy: ALL, comps: { whole: ['expired', '2027-03-05'], main: ['active', '2029-03-05'] }, summary: 'expired', says: ['summary.stillCovered'] },

  // Downtime extension
  // 2027-03-05 + 60 days is 2027-05-04, inside Labour Day 2027 as the law counts it (1-2 May, a weekend, made up on 3-4 May).
  { name: 'downtime: one failure extends every running component by 60 days (past the provisional Labour Day 2027)', on: '2027-04-01', policy: [WHOLE, MAIN], repairs: [downtime('2026-06-01')], comps: { whole: ['active', '2027-05-05'], main: ['active', '2029-05-04'] }, ext: 60, says: ['extension.repair', 'extension.allComponents', 'component.extended', 'term.holidayOnly', 'term.provisional'] },
  { name: 'downtime: two failures add 120 days', on: '2027-06-01', repairs: [downtime('2026-06-01'), downtime('2026-09-01')], whole: ['active', '2027-07-03'], ext: 120 },
  { name: 'downtime: a failure reported within the extension extends again', on: '2027-06-01', repairs: [downtime('2026-06-01'), downtime('2027-04-20')], whole: ['active', '2027-07-03'], ext: 120 },
  { name: 'downtime: a failure after the last covered day extends nothing', on: '2027-03-10', repairs: [downtime('2027-03-06')], whole: ['expired', '2027-03-05'], ext: 0 },
  { name: 'downtime: a failure fixed promptly does not extend', on: '2027-03-10', repairs: [repair('2026-06-01')], whole: ['expired', '2027-03-05'], ext: 0 },
  { name: 'downtime: a failure the desk took out of warranty does not extend', on: '2027-03-10', repairs: [downtime('2026-06-01', { inWarranty: false })], whole: ['expired', '2027-03-05'], ext: 0 },
  { name: 'downtime + holiday: the extension pushes the last day into National Day, runs to 2026-10-08', on: '2026-10-08', unit: { purchaseDate: '2025-08-01', acceptanceDate: '2025-08-04' }, repairs: [downtime('2026-03-01')], whole: ['ending', '2026-10-08'], ext: 60, says: ['component.extended', 'term.holidayOnly'] },
  { name: 'downtime: only components still running when reported are extended', on: '2026-10-02', policy: [WHOLE, ACC], repairs: [downtime('2026-10-01')], comps: { whole: ['active', '2027-05-05'], accessories: ['expired', '2026-09-05'] }, ext: 60 },
  { name: 'downtime: a failure reported after the evaluation day does not count yet', on: '2026-05-01', repairs: [downtime('2026-06-01')], whole: ['active', '2027-03-05'], ext: 0 },

  // Parts: their own cover from the fitting date
  { name: 'parts: a part replaced free has its own 12 months and outlives the whole unit', on: '2027-06-01', repairs: [repair('2027-01-10', { inWarranty: false, partsFitted: [part('主板', '2027-01-12', false)] })], whole: ['expired', '2027-03-05'], parts: [['主板', '2028-01-12', true]], summary: 'expired', says: ['part.free', 'part.outlives', 'summary.partStillCovered'] },
  { name: 'parts: a paid part is covered 3 months, its last day included', on: '2027-08-10', repairs: [repair('2027-05-10', { inWarranty: false, partsFitted: [part('电源', '2027-05-10', true)] })], parts: [['电源', '2027-08-10', true]], says: ['part.paid', 'part.covered'] },
  { name: 'parts: a paid part the day after its last day is not covered', on: '2027-08-11', repairs: [repair('2027-05-10', { inWarranty: false, partsFitted: [part('电源', '2027-05-10', true)] })], parts: [['电源', '2027-08-10', false]], says: ['part.expired'] },
  { name: 'parts: fitted 30 Nov, paid, + 3 months clamps to 2027-02-28', on: '2027-01-01', repairs: [repair('2026-11-30', { partsFitted: [part('遥控器', '2026-11-30', true)] })], parts: [['遥控器', '2027-02-28', true]] },
  { name: 'parts: a part whose last day falls in National Day runs past it', on: '2026-10-08', repairs: [repair('2026-07-03', { partsFitted: [part('电源', '2026-07-03', true)] })], parts: [['电源', '2026-10-08', true]], says: ['term.holidayOnly'] },
  { name: 'parts: a part fitted after the evaluation day is not listed', on: '2026-07-02', repairs: [repair('2026-07-01', { partsFitted: [part('电源', '2026-07-03', true)] })], parts: [] },
  { name: 'parts: fitted on 29 Feb 2028, free, ends 2029-02-28', on: '2029-02-28', calendar: null, repairs: [repair('2028-02-29', { inWarranty: false, partsFitted: [part('主板', '2028-02-29', false)] })], parts: [['主板', '2029-02-28', true]] },

  // Exclusions
  { name: 'exclusion: whole-unit misuse excludes every component, badge excluded', on: '2026-06-01', policy: ALL, exclusions: [exclusion('misuse', '2026-05-01', null, '进水')], comps: { whole: ['excluded', '2027-03-05'], accessories: ['excluded', '2026-09-05'], main: ['excluded', '2029-03-05'] }, summary: 'excluded', excluded: 'misuse', says: ['exclusion.misuse', 'exclusion.scopeUnit', 'exclusion.note'] },
  { name: 'exclusion: one component excluded, the others stay covered', on: '2026-06-01', policy: ALL, exclusions: [exclusion('physicalDamage', '2026-05-01', 'accessories')], comps: { whole: ['active', '2027-03-05'], accessories: ['excluded', '2026-09-05'], main: ['active', '2029-03-05'] }, summary: 'active', excluded: null, says: ['exclusion.physicalDamage', 'exclusion.scopeComponent'] },
  { name: 'exclusion: decided after the evaluation day, not yet in force', on: '2026-04-30', exclusions: [exclusion('misuse', '2026-05-01')], whole: ['active', '2027-03-05'], summary: 'active', excluded: null },
  { name: 'exclusion: excluded and expired shows both lines', on: '2027-06-01', exclusions: [exclusion('forceMajeure', '2026-07-20')], whole: ['excluded', '2027-03-05'], summary: 'excluded', says: ['exclusion.forceMajeure', 'state.expired'] },
  { name: 'exclusion: a component exclusion also removes the parts fitted to it', on: '2026-07-01', policy: ALL, exclusions: [exclusion('software', '2026-06-01', 'main')], repairs: [repair('2026-05-01', { partsFitted: [part('硬盘', '2026-05-02', false, 'main'), part('遥控器', '2026-05-02', false, 'accessories')] })], parts: [['硬盘', '2027-05-05', false], ['遥控器', '2027-05-05', true]], says: ['exclusion.software'] },
  { name: 'exclusion: a whole-unit exclusion suppresses 三包 signals', on: '2026-03-10', exclusions: [exclusion('unauthorisedRepair', '2026-03-04')], repairs: [repair('2026-03-03')], sanbao: [], summary: 'excluded', says: ['exclusion.unauthorisedRepair'] },
  { name: 'exclusion: excluding the whole-unit line turns the badge excluded', on: '2026-06-01', exclusions: [exclusion('serialMismatch', '2026-05-01', 'whole')], whole: ['excluded', '2027-03-05'], summary: 'excluded', excluded: null, says: ['exclusion.serialMismatch'] },
  { name: 'exclusion: clearance goods with no dates known are excluded, not unknown', on: '2026-06-01', unit: NO_DATES, exclusions: [exclusion('clearance', '2026-01-01')], whole: ['excluded', null], summary: 'excluded', says: ['exclusion.clearance'] },

  // 三包 signals
  { name: 'sanbao: same fault fixed twice and reported again in warranty → replacement', on: '2026-06-02', repairs: twiceFixed('2026-06-01'), sanbao: ['replacementRepeatFailure'], says: ['sanbao.repeatFailure'] },
  { name: 'sanbao: three repairs of different faults → no signal', on: '2026-06-02', repairs: [repair('2026-04-01', { faultKey: 'a' }), repair('2026-05-01', { faultKey: 'b' }), repair('2026-06-01', { faultKey: 'c' })], sanbao: [] },
  { name: 'sanbao: reported again before the second repair was done → no signal', on: '2026-06-10', repairs: [repair('2026-04-01', { completedOn: '2026-04-03' }), repair('2026-05-01', { completedOn: '2026-06-05' }), repair('2026-06-01', { completedOn: null })], sanbao: [] },
  { name: 'sanbao: third failure the day after the warranty ended → no signal', on: '2027-03-07', repairs: [repair('2026-09-01'), repair('2026-12-01'), repair('2027-03-06', { completedOn: null })], sanbao: [] },
  { name: 'sanbao: third failure on the last covered day still counts', on: '2027-03-07', repairs: [repair('2026-09-01'), repair('2026-12-01'), repair('2027-03-05', { completedOn: null })], sanbao: ['replacementRepeatFailure'] },
  { name: 'sanbao: main-part failures after the whole unit expired count under its own term', on: '2027-06-02', policy: [WHOLE, MAIN], repairs: [repair('2027-04-01', { componentKey: 'main' }), repair('2027-05-01', { componentKey: 'main' }), repair('2027-06-01', { componentKey: 'main', completedOn: null })], whole: ['expired', '2027-03-05'], sanbao: ['replacementRepeatFailure'] },
  { name: 'sanbao: still open 61 days after the report → replacement', on: '2026-06-01', repairs: [repair('2026-04-01', { completedOn: null })], sanbao: ['replacementUnrepaired'], says: ['sanbao.unrepairedOpen'] },
  { name: 'sanbao: still open on day 60 → no signal yet', on: '2026-05-31', repairs: [repair('2026-04-01', { completedOn: null })], sanbao: [] },
  { name: 'sanbao: fixed on day 61 → replacement', on: '2026-06-10', repairs: [repair('2026-04-01', { completedOn: '2026-06-01' })], sanbao: ['replacementUnrepaired'], says: ['sanbao.unrepairedLate'] },
  { name: 'sanbao: fixed on day 60 → no signal', on: '2026-06-10', repairs: [repair('2026-04-01', { completedOn: '2026-05-31' })], sanbao: [] },
  { name: 'sanbao: open downtime failure both extends the term and signals replacement', on: '2026-06-10', repairs: [downtime('2026-04-01', { completedOn: null })], whole: ['active', '2027-05-05'], ext: 60, sanbao: ['replacementUnrepaired'] },
  { name: 'sanbao: "within 7 days" includes purchase + 7 → refund or exchange', on: '2026-03-10', repairs: [repair('2026-03-08')], sanbao: ['refundOrExchange'], says: ['sanbao.refundOrExchange'] },
  { name: 'sanbao: failure on purchase + 8 → exchange', on: '2026-03-10', repairs: [repair('2026-03-09')], sanbao: ['exchange'], says: ['sanbao.exchange'] },
  { name: 'sanbao: "within 15 days" includes purchase + 15 → exchange', on: '2026-03-20', repairs: [repair('2026-03-16')], sanbao: ['exchange'] },
  { name: 'sanbao: failure on purchase + 16 → no signal', on: '2026-03-20', repairs: [repair('2026-03-17')], sanbao: [] },
  { name: 'sanbao: 7-day window ending in National Day runs past it', on: '2026-10-09', unit: { purchaseDate: '2026-09-27', acceptanceDate: '2026-09-28' }, repairs: [repair('2026-10-08')], sanbao: ['refundOrExchange'] },
  { name: 'sanbao: no invoice → the refund line says the invoice is needed', on: '2026-03-10', unit: { hasInvoice: false }, repairs: [repair('2026-03-03')], sanbao: ['refundOrExchange'], says: ['sanbao.needInvoice'] },
  { name: 'sanbao: a failure the desk took out of warranty → no signal', on: '2026-03-10', repairs: [repair('2026-03-03', { inWarranty: false })], sanbao: [] },
];

function evaluate(row: Row): WarrantyEvaluation {
  const unit: UnitWarrantyFacts = { purchaseDate: '2026-03-01', installDate: null, acceptanceDate: '2026-03-05', productionDate: '2026-01-10', hasInvoice: true, ...row.unit };
  return evaluateWarranty(
    {
      unit,
      policy: { basis: row.basis ?? 'acceptance', components: row.policy ?? [WHOLE] },
      repairs: row.repairs ?? [],
      exclusions: row.exclusions ?? [],
      rules: { ...DEFAULT_WARRANTY_RULES, restDayRule: 'holidays', ...row.rules },
      calendar: row.calendar === undefined ? CN_MAINLAND : row.calendar,
    },
    row.on,
  );
}

function allExplanations(e: WarrantyEvaluation): Explanation[] {
  return [
    ...e.start.reasons,
    ...e.reasons,
    ...e.components.flatMap((c) => c.reasons),
    ...e.parts.flatMap((p) => p.reasons),
    ...e.sanbao.flatMap((s) => s.reasons),
  ];
}

describe('evaluateWarranty', () => {
  it('has a table of at least 40 cases', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
  });

  it.each(rows)('$name', (row) => {
    const e = evaluate(row);
    expect(e.on).toBe(row.on);
    if (row.start) expect([e.start.basis, e.start.date]).toEqual(row.start);
    const comps = { ...row.comps, ...(row.whole ? { whole: row.whole } : {}) };
    for (const [key, [state, end]] of Object.entries(comps)) {
      const c = e.components.find((x) => x.key === key);
      expect(c, key).toBeDefined();
      expect([c?.state, c?.end], key).toEqual([state, end]);
    }
    // Invariant: covered exactly when the term is running and nothing excludes it.
    for (const c of e.components) expect(c.covered, c.key).toBe(c.state === 'active' || c.state === 'ending');
    if (row.parts) expect(e.parts.map((p) => [p.name, p.end, p.covered])).toEqual(row.parts);
    if (row.ext !== undefined) expect(e.extensionDays).toBe(row.ext);
    expect(e.sanbao.map((s) => s.kind)).toEqual(row.sanbao ?? []);
    if (row.summary) expect(e.summary).toBe(row.summary);
    if (row.excluded !== undefined) expect(e.excluded?.reason ?? null).toBe(row.excluded);
    const keys = new Set(allExplanations(e).map((x) => x.key));
    for (const line of row.says ?? []) expect([...keys], line).toContain(`warranty.${line}`);
    for (const line of row.silent ?? []) expect([...keys], line).not.toContain(`warranty.${line}`);
  });
});

describe('explanations', () => {
  // The card's one line on the company's rule comes from the engine too.
  const ruleNotes = REST_DAY_RULES.flatMap((restDayRule) => restDayRuleNote({ restDayRule }) ?? []);
  const emitted = [...rows.flatMap((row) => allExplanations(evaluate(row))), ...ruleNotes];

  it.each(LANGUAGES)('every line the table produces reads as a sentence in %s', (lang) => {
    const t = translator(lang);
    const catalog = resources[lang].translation as unknown as Record<string, unknown>;
    for (const e of emitted) {
      const text = explanationText(t, lang, e);
      expect(text, e.key).not.toBe(e.key);
      expect(text, e.key).not.toMatch(/\{\{|\}\}/);
      // The key itself is in this language's catalog (not reached through the fallback language).
      const leaf = e.key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);
      const plural = e.key.split('.').reduce<unknown>((node, part, i, all) => (node as Record<string, unknown> | undefined)?.[i === all.length - 1 ? `${part}_other` : part], catalog);
      expect(typeof leaf === 'string' || typeof plural === 'string', e.key).toBe(true);
    }
  });

  it('every warranty catalog line is produced by some case in the table', () => {
    const used = new Set(emitted.map((e) => e.key));
    const leaves = (tree: object, prefix: string): string[] =>
      Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k.replace(/_(one|other)$/, '')] : leaves(v as object, `${prefix}${k}.`)));
    // warranty.ticket.* is said by the ticket service (a unit not registered yet), not the engine;
    // the provisional mark is a word screens and papers print beside a date, not a line.
    const unused = [...new Set(leaves(resources['zh-CN'].translation.warranty, 'warranty.'))].filter(
      (k) => !used.has(k) && !k.startsWith('warranty.ticket.') && k !== 'warranty.term.provisionalMark',
    );
    expect(unused).toEqual([]);
  });

  it.each([
    { name: 'acceptance start (zh)', lang: 'zh-CN' as const, e: say('warranty.start.fromAcceptance', { date: '2026-03-05' }), text: '自验收合格之日（2026-03-05）起算' },
    { name: 'downtime extension (zh)', lang: 'zh-CN' as const, e: say('warranty.component.extended', { count: 1, days: 60, end: '2027-05-04' }), text: '因 1 次停机故障顺延 60 天，至 2027-05-04' },
    { name: 'holiday shift names the holiday and the rule (zh)', lang: 'zh-CN' as const, e: say('warranty.term.holiday', { date: '2026-10-03', holiday: '国庆节', holidayEn: 'National Day', end: '2026-10-08' }), text: '截止日 2026-10-03 适逢国庆节，按工作日历顺延至其后第一个工作日 2026-10-08' },
    { name: 'holiday shift names the holiday and the rule in English (en)', lang: 'en' as const, e: say('warranty.term.holiday', { date: '2026-10-03', holiday: '国庆节', holidayEn: 'National Day', end: '2026-10-08' }), text: 'The last day, 2026-10-03, falls in the National Day holiday: moved to the next working day, 2026-10-08 (working calendar)' },
    { name: 'holidays-only shift names its rule (zh)', lang: 'zh-CN' as const, e: say('warranty.term.holidayOnly', { date: '2026-10-03', holiday: '国庆节', holidayEn: 'National Day', end: '2026-10-08' }), text: '截止日 2026-10-03 适逢国庆节，按“仅法定节假日顺延”顺延至节后第一天 2026-10-08' },
    { name: 'months are plural in English (en)', lang: 'en' as const, e: say('warranty.component.term', { name: 'Whole unit', count: 1, start: '2026-01-31', end: '2026-02-28' }), text: 'Whole unit: 1 month from 2026-01-31 (that day not counted), ending 2026-02-28' },
  ])('reads for a clerk: $name', ({ lang, e, text }) => {
    expect(explanationText(translator(lang), lang, e)).toBe(text);
  });

  it('rejects a key missing from the catalog at compile time', () => {
    // @ts-expect-error not a catalog key
    expect(say('warranty.state.nope').key).toBe('warranty.state.nope');
  });

  it('ships the defaults the seeds promise', () => {
    expect(DEFAULT_WARRANTY_RULES).toEqual({
      partInWarrantyMonths: 12,
      partPaidMonths: 3,
      downtimeExtensionDays: 60,
      restDayRule: 'calendar',
      repeatRepairsBeforeReplacement: 2,
      unrepairedReplacementDays: 60,
      refundDays: 7,
      exchangeDays: 15,
    });
  });
});
