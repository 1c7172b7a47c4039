import { addMonths, type IsoDate } from './dates';
import { say, type Explanation } from './warranty-explain';
import type { WorkingCalendar } from './calendar';
import { componentTerm, lastDay, lastDayReasons, stateReason, termState, type LastDay } from './warranty-term';
import type { ComponentCoverage, Exclusion, FittedPart, PartCover, PartCoverage, PolicyComponent, RepairRecord, WarrantyInput, WarrantyRules } from './warranty-types';

/** The exclusions in force on `on` that reach a component (`null`: only whole-unit ones), earliest first. */
export function exclusionsInForce(exclusions: readonly Exclusion[], on: IsoDate, componentKey: string | null): Exclusion[] {
  return exclusions
    .filter((x) => x.decidedOn <= on && (x.componentKey === null || (componentKey !== null && x.componentKey === componentKey)))
    .sort((a, b) => (a.decidedOn < b.decidedOn ? -1 : a.decidedOn > b.decidedOn ? 1 : 0));
}

export function exclusionReasons(x: Exclusion, componentName: string): Explanation[] {
  return [
    say(`warranty.exclusion.${x.reason}`, { date: x.decidedOn }),
    x.componentKey === null ? say('warranty.exclusion.scopeUnit') : say('warranty.exclusion.scopeComponent', { name: componentName }),
    ...(x.note ? [say('warranty.exclusion.note', { note: x.note })] : []),
  ];
}

export interface ComponentResult {
  coverage: ComponentCoverage;
  extendedBy: RepairRecord[];
}

/** One policy line on the day: its own term, extensions, holiday rule, exclusions. */
export function componentCoverage(
  component: PolicyComponent,
  start: IsoDate | null,
  downtime: readonly RepairRecord[],
  input: WarrantyInput,
  on: IsoDate,
): ComponentResult {
  const { key, name, months } = component;
  const exclusions = exclusionsInForce(input.exclusions, on, key);
  const excludedLines = exclusions.flatMap((x) => exclusionReasons(x, name));
  if (start === null) {
    const reasons = excludedLines.length ? excludedLines : [say('warranty.state.unknown')];
    const state = exclusions.length ? 'excluded' : 'unknown';
    return { coverage: { key, name, months, start, end: null, provisional: false, covered: false, state, reasons }, extendedBy: [] };
  }
  const term = componentTerm(start, months, downtime, input.rules, input.calendar, on);
  const end = term.last.end;
  const provisional = term.last.provisional;
  const reasons: Explanation[] = [say('warranty.component.term', { name, count: months, start, end: term.due })];
  if (term.extendedBy.length > 0) {
    const days = term.extendedBy.length * input.rules.downtimeExtensionDays;
    reasons.push(say('warranty.component.extended', { count: term.extendedBy.length, days, end: term.last.due }));
  }
  reasons.push(...lastDayReasons(term.last));
  const state = termState(start, end, on);
  if (exclusions.length > 0) {
    // An exclusion decides the claim; an expired term is still worth saying alongside it.
    reasons.push(...excludedLines);
    if (state === 'expired') reasons.push(stateReason(state, start, end, on));
    return { coverage: { key, name, months, start, end, provisional, covered: false, state: 'excluded', reasons }, extendedBy: term.extendedBy };
  }
  reasons.push(stateReason(state, start, end, on));
  const covered = state === 'active' || state === 'ending';
  return { coverage: { key, name, months, start, end, provisional, covered, state, reasons }, extendedBy: term.extendedBy };
}

/**
 * A fitted part's own term, from the day it was fitted: `partInWarrantyMonths` when fitted free
 * under warranty, `partPaidMonths` in a paid repair, its last day moved past a rest day by the
 * same rule as every term. The first reason says so; the next ones explain a moved last day.
 */
export function partTerm(part: Pick<FittedPart, 'name' | 'fittedOn' | 'paid'>, rules: WarrantyRules, calendar: WorkingCalendar | null, on: IsoDate): { months: number; last: LastDay; reasons: Explanation[] } {
  const months = part.paid ? rules.partPaidMonths : rules.partInWarrantyMonths;
  const last = lastDay(addMonths(part.fittedOn, months), rules, calendar, on);
  const terms = say(part.paid ? 'warranty.part.paid' : 'warranty.part.free', { name: part.name, date: part.fittedOn, count: months, end: last.due });
  return { months, last, reasons: [terms, ...lastDayReasons(last)] };
}

/**
 * A fitted part's own cover as the customer is told it on the day it was fitted: the term and
 * its last day, and the rest day that moved it (provisionally, for a year not yet published).
 * (A calendar year the desk has not entered is the desk's to fix, not a line on the receipt.)
 */
export function fittedPartCover(part: Pick<FittedPart, 'name' | 'fittedOn' | 'paid'>, rules: WarrantyRules, calendar: WorkingCalendar | null): PartCover {
  const { months, last, reasons } = partTerm(part, rules, calendar, part.fittedOn);
  return { paid: part.paid, months, end: last.end, provisional: last.provisional, reasons: last.moved ? reasons : reasons.slice(0, 1) };
}

/**
 * Every part fitted by the day has its own cover from its fitting date, whatever is left of the
 * component it belongs to: free under warranty `partInWarrantyMonths`, paid `partPaidMonths`.
 */
export function partCoverages(input: WarrantyInput, components: readonly ComponentCoverage[], on: IsoDate): PartCoverage[] {
  const { rules, calendar } = input;
  const parts = input.repairs.flatMap((r) => r.partsFitted).filter((p) => p.fittedOn <= on);
  return parts.map((part) => {
    const { name, componentKey, fittedOn, paid } = part;
    const { last, reasons: termReasons } = partTerm(part, rules, calendar, on);
    const owner = components.find((c) => c.key === componentKey) ?? components[0];
    const exclusions = exclusionsInForce(input.exclusions, on, componentKey);
    const covered = exclusions.length === 0 && on <= last.end;
    const reasons: Explanation[] = [...termReasons];
    const excludedName = components.find((c) => c.key === componentKey)?.name ?? componentKey ?? name;
    if (exclusions.length > 0) reasons.push(...exclusions.flatMap((x) => exclusionReasons(x, excludedName)));
    else reasons.push(say(covered ? 'warranty.part.covered' : 'warranty.part.expired', { end: last.end }));
    if (covered && owner?.end && last.end > owner.end) {
      reasons.push(say('warranty.part.outlives', { end: last.end, component: owner.name, componentEnd: owner.end }));
    }
    return { name, componentKey, fittedOn, end: last.end, provisional: last.provisional, covered, paid, reasons };
  });
}

