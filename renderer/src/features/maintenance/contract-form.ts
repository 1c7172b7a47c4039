import type { WorkingCalendar } from '../../../../shared/domain/calendar';
import { addDays, addMonths, isIsoDate, todayIso } from '../../../../shared/domain/dates';
import { planVisits, presetPlan, type PlanLine, type PlannedVisit, type PlanRepeat, type VisitKind } from '../../../../shared/domain/visit-plan';
import { yuanText } from '../../../../shared/domain/yuan';
import type { ContractDetail, ContractKind } from '../../../../shared/schemas/maintenance';
import { tidyDate } from '../../lib/dates';
import { typedFen } from '../../lib/money';

/*
 * The contract form's values as typed, and the input the contract channels take. Kept apart from
 * the screen so the rules (a year's term by default, the plan following the contract's dates) read
 * in one place.
 */

export const PRESETS = ['standard', 'phased', 'elevator'] as const;
export type Preset = (typeof PRESETS)[number];

export interface LineValues {
  /** Keeps a row's inputs when a row above is removed. */
  key: string;
  kind: VisitKind;
  repeat: PlanRepeat;
  n: number | string;
  /** Months after the start, as typed: "3, 7, 11". */
  offsets: string;
  from: string;
  to: string;
}

export interface ContractValues {
  customerId: string | null;
  unitIds: string[];
  kind: ContractKind;
  startsOn: string;
  endsOn: string;
  serviceLevelId: string | null;
  price: string;
  paymentTerms: string;
  note: string;
  plan: LineValues[];
}

let nextKey = 0;
const newKey = () => `line-${(nextKey += 1)}`;

/**
 * A contract runs a year by default: to the day before the same date next year, or to the end of
 * February when it starts on the 29th (no such day next year).
 */
export function defaultEnd(start: string): string {
  const next = addMonths(start, 12);
  return next.slice(8) === start.slice(8) ? addDays(next, -1) : next;
}

export function lineValues(line: Pick<PlanLine, 'kind' | 'repeat' | 'n' | 'offsets' | 'from' | 'to'>): LineValues {
  return { key: newKey(), kind: line.kind, repeat: line.repeat, n: line.n ?? '', offsets: (line.offsets ?? []).join(', '), from: line.from, to: line.to };
}

export function presetLines(preset: Preset, from: string, to: string): LineValues[] {
  return presetPlan(preset, from, to).map(lineValues);
}

/** A new line covers the whole contract: a quarterly inspection, the trade's commonest visit. */
export function blankLine(from: string, to: string): LineValues {
  return lineValues({ kind: 'inspection', repeat: 'quarter', n: null, offsets: null, from, to });
}

/** A new contract for one unit from a given day: "make a contract" for a unit whose warranty ends. */
export interface ContractStart {
  unitId: number;
  startsOn: string;
}

export function newContractValues(customerId: number | null, preset: Preset, from: ContractStart | null = null): ContractValues {
  const start = from?.startsOn ?? todayIso();
  const end = defaultEnd(start);
  return {
    customerId: customerId === null ? null : String(customerId),
    unitIds: from ? [String(from.unitId)] : [],
    kind: 'paid',
    startsOn: start,
    endsOn: end,
    serviceLevelId: null,
    price: '',
    paymentTerms: '',
    note: '',
    plan: presetLines(preset, start, end),
  };
}

export function contractValues(c: ContractDetail): ContractValues {
  return {
    customerId: String(c.customerId),
    unitIds: c.units.map((u) => String(u.id)),
    kind: c.kind,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    serviceLevelId: c.serviceLevelId === null ? null : String(c.serviceLevelId),
    price: c.priceFen === 0 ? '' : yuanText(c.priceFen),
    paymentTerms: c.paymentTerms ?? '',
    note: c.note ?? '',
    plan: c.plan.map(lineValues),
  };
}

/** "3, 7，11 、15" → [3, 7, 11, 15]; anything not a whole number stays as NaN for the schema to refuse. */
export function parseOffsets(typed: string): number[] | null {
  const parts = typed.split(/[\s,，、;；]+/).filter(Boolean);
  return parts.length === 0 ? null : parts.map((p) => (/^\d+$/.test(p) ? Number(p) : Number.NaN));
}

export function planInput(lines: readonly LineValues[]): PlanLine[] {
  return lines.map((l) => {
    const stepped = l.repeat === 'months' || l.repeat === 'days';
    return {
      kind: l.kind,
      repeat: l.repeat,
      n: stepped && l.n !== '' ? Number(l.n) : null,
      offsets: l.repeat === 'after' ? parseOffsets(l.offsets) : null,
      from: tidyDate(l.from),
      to: tidyDate(l.to),
    };
  });
}

export function contractInput(v: ContractValues) {
  return {
    customerId: v.customerId ? Number(v.customerId) : (undefined as unknown as number),
    unitIds: v.unitIds.map(Number),
    kind: v.kind,
    startsOn: tidyDate(v.startsOn),
    endsOn: tidyDate(v.endsOn),
    serviceLevelId: v.serviceLevelId ? Number(v.serviceLevelId) : null,
    priceFen: typedFen(v.price, 0),
    paymentTerms: v.paymentTerms,
    note: v.note,
    plan: planInput(v.plan),
  };
}

/**
 * The plan after the contract's dates change: lines that ran from the old start or to the old end
 * follow the new ones, so a one-year plan stays a one-year plan.
 */
export function followDates(lines: readonly LineValues[], before: { startsOn: string; endsOn: string }, after: { startsOn: string; endsOn: string }): LineValues[] {
  return lines.map((l) => ({
    ...l,
    from: l.from === before.startsOn ? after.startsOn : l.from,
    to: l.to === before.endsOn ? after.endsOn : l.to,
  }));
}

/** Input paths the schemas and the backend name, as the form's own paths. */
export function formPath(path: string): string {
  if (path.startsWith('unitIds')) return 'unitIds';
  if (path === 'priceFen') return 'price';
  const offsets = /^(plan\.\d+\.offsets)\.\d+$/.exec(path);
  return offsets ? offsets[1]! : path;
}

export function renamePaths(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(errors)) {
    const field = formPath(path);
    out[field] = out[field] && out[field] !== text ? `${out[field]} ${text}` : text;
  }
  return out;
}

/** A line the schema would take; the others are left out of the preview until they are typed in full. */
function usable(line: PlanLine): boolean {
  if (!isIsoDate(line.from) || !isIsoDate(line.to) || line.to < line.from) return false;
  if (line.repeat === 'months' || line.repeat === 'days') return line.n !== null && Number.isInteger(line.n) && line.n >= 1 && line.n <= 366;
  if (line.repeat === 'after') return line.offsets !== null && line.offsets.every((m) => Number.isInteger(m) && m >= 1 && m <= 60);
  return true;
}

export interface Preview {
  visits: PlannedVisit[];
  /** Lines (1-based) that make no visit at all within their dates. */
  idle: number[];
  missingYears: number[];
}

/** The visits the backend will make on saving: the plan's, on working days, from today on. */
export function previewPlan(lines: readonly LineValues[], calendar: WorkingCalendar, today = todayIso()): Preview {
  const plan = planInput(lines);
  const kept = plan.map((line, index) => ({ line, index })).filter(({ line }) => usable(line));
  const all = planVisits(
    kept.map((k) => k.line),
    calendar,
  ).map((v) => ({ ...v, line: kept[v.line]!.index }));
  // As the backend makes them: from today on, one visit of a kind per day the rule gives.
  const seen = new Set<string>();
  const visits = all.filter((v) => {
    const key = `${v.kind} ${v.nominal}`;
    if (v.due < today || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const busy = new Set(visits.map((v) => v.line));
  const idle = kept.filter(({ index }) => !busy.has(index)).map(({ index }) => index + 1);
  const missingYears = [...new Set(visits.filter((v) => v.calendarMissing).map((v) => Number(v.due.slice(0, 4))))].sort();
  return { visits, idle, missingYears };
}
