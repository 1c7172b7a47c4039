import type { IsoDate } from './dates';
import { componentCoverage, exclusionReasons, exclusionsInForce, partCoverages } from './warranty-coverage';
import { say, type Explanation } from './warranty-explain';
import { warrantyStart } from './warranty-start';
import { sanbaoSignals } from './warranty-sanbao';
import { byReport } from './warranty-term';
import type { ComponentCoverage, PartCoverage, RepairRecord, WarrantyEvaluation, WarrantyInput, WarrantySummary } from './warranty-types';

export * from './warranty-types';
export { explanationParams, explanationText, type WarrantyKey } from './warranty-explain';
export { fittedPartCover, partTerm } from './warranty-coverage';
export { LAST_DAY_MOVED_KEYS, restDayRuleNote } from './warranty-term';

/**
 * The warranty of one unit as it stands on `on`: which date the terms count from, each
 * component's last covered day and state, each fitted part's own cover, the 三包 remedies to
 * offer, and every line a person needs to read to see why. Only what was known by `on` counts:
 * repairs reported, parts fitted and exclusions decided after it are ignored.
 */
export function evaluateWarranty(input: WarrantyInput, on: IsoDate): WarrantyEvaluation {
  const start = warrantyStart(input.unit, input.policy.basis);
  const downtime = input.repairs
    .filter((r) => r.inWarranty && r.unfixedDowntime && r.reportedOn <= on)
    .sort(byReport);
  const results = input.policy.components.map((c) => componentCoverage(c, start.date, downtime, input, on));
  const components = results.map((r) => r.coverage);
  const parts = partCoverages(input, components, on);
  const unitExclusions = exclusionsInForce(input.exclusions, on, null);
  const excluded = unitExclusions[0] ?? null;
  const whole = components[0];
  const extendedBy = results[0]?.extendedBy ?? [];
  const reasons: Explanation[] = [];
  if (!whole) reasons.push(say('warranty.policy.empty'));
  reasons.push(...unitExclusions.flatMap((x) => exclusionReasons(x, whole?.name ?? '')));
  if (whole?.state === 'excluded' && unitExclusions.length === 0) {
    reasons.push(...whole.reasons.filter((r) => r.key.startsWith('warranty.exclusion.')));
  }
  reasons.push(...extensionReasons(results.flatMap((r) => r.extendedBy), input));
  if (whole) reasons.push(...wholeUnitReasons(whole, components, parts));
  return {
    on,
    start,
    components,
    parts,
    extensionDays: extendedBy.length * input.rules.downtimeExtensionDays,
    sanbao: excluded ? [] : sanbaoSignals(input, components, on),
    excluded,
    summary: summaryOf(whole, excluded !== null),
    reasons,
  };
}

/** One line per failure that extended any term, then that the extension reaches every component. */
function extensionReasons(extendedBy: readonly RepairRecord[], input: WarrantyInput): Explanation[] {
  const repairs = [...new Set(extendedBy)].sort(byReport);
  if (repairs.length === 0) return [];
  const days = input.rules.downtimeExtensionDays;
  return [...repairs.map((r) => say('warranty.extension.repair', { date: r.reportedOn, days })), say('warranty.extension.allComponents')];
}

/** The whole unit's own state line, and what is still covered once the whole unit is not. */
function wholeUnitReasons(whole: ComponentCoverage, components: readonly ComponentCoverage[], parts: readonly PartCoverage[]): Explanation[] {
  const state = whole.reasons.filter((r) => r.key.startsWith('warranty.state.'));
  if (whole.covered || whole.state === 'unknown' || whole.state === 'notStarted') return state;
  return [
    ...state,
    ...components
      .slice(1)
      .filter((c) => c.covered)
      .map((c) => say('warranty.summary.stillCovered', { whole: whole.name, name: c.name, end: c.end ?? '' })),
    ...parts
      .filter((p) => p.covered)
      .map((p) => say('warranty.summary.partStillCovered', { whole: whole.name, name: p.name, date: p.fittedOn, end: p.end })),
  ];
}

/** Not started yet reads as unknown on the badge: nothing is promised before the term begins. */
function summaryOf(whole: ComponentCoverage | undefined, unitExcluded: boolean): WarrantySummary {
  if (unitExcluded) return 'excluded';
  if (!whole) return 'unknown';
  return whole.state === 'notStarted' ? 'unknown' : whole.state;
}
