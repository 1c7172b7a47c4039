import { addDays, type IsoDate } from './dates';
import { say, type Explanation } from './warranty-explain';
import { byReport, lastDay } from './warranty-term';
import type { ComponentCoverage, RepairRecord, SanbaoSignal, WarrantyInput } from './warranty-types';

/**
 * The three guarantees (三包) the desk should offer, as of `on`. A report counts only when the
 * desk took it in warranty AND its date lies within the (extended) term of the component it
 * names (the whole unit when none), and that component is not excluded.
 */
export function sanbaoSignals(input: WarrantyInput, components: readonly ComponentCoverage[], on: IsoDate): SanbaoSignal[] {
  const known = input.repairs.filter((r) => r.reportedOn <= on).sort(byReport);
  const componentOf = (r: RepairRecord) => components.find((c) => c.key === r.componentKey) ?? components[0];
  const claimable = known.filter((r) => r.inWarranty && componentOf(r)?.state !== 'excluded');
  const inTerm = claimable.filter((r) => {
    const c = componentOf(r);
    return !!c?.start && !!c.end && c.start <= r.reportedOn && r.reportedOn <= c.end;
  });
  return [...repeatFailures(inTerm, input, on), ...unrepaired(inTerm, input, on), ...earlyFailure(claimable, input, on)];
}

/** Same fault repaired N times, reported again after the last of those repairs: replacement. */
function repeatFailures(repairs: readonly RepairRecord[], input: WarrantyInput, on: IsoDate): SanbaoSignal[] {
  const faults = new Map<string, RepairRecord[]>();
  for (const r of repairs) faults.set(r.faultKey, [...(faults.get(r.faultKey) ?? []), r]);
  const signals: SanbaoSignal[] = [];
  for (const group of faults.values()) {
    for (const report of group) {
      const fixedBefore = group
        .filter((r) => r !== report && r.completedOn !== null && r.completedOn <= on && r.completedOn <= report.reportedOn)
        .map((r) => r.completedOn as IsoDate)
        .sort();
      if (fixedBefore.length < input.rules.repeatRepairsBeforeReplacement || fixedBefore.length === 0) continue;
      const last = fixedBefore[fixedBefore.length - 1] as IsoDate;
      signals.push({
        kind: 'replacementRepeatFailure',
        reasons: [say('warranty.sanbao.repeatFailure', { count: fixedBefore.length, last, date: report.reportedOn })],
      });
      break;
    }
  }
  return signals;
}

/** Not repaired within N days of the report (still open on `on`, or fixed later): replacement. */
function unrepaired(repairs: readonly RepairRecord[], input: WarrantyInput, on: IsoDate): SanbaoSignal[] {
  const days = input.rules.unrepairedReplacementDays;
  return repairs.flatMap((r): SanbaoSignal[] => {
    const deadline = lastDay(addDays(r.reportedOn, days), input.rules, input.calendar, on).end;
    const completed = r.completedOn !== null && r.completedOn <= on ? r.completedOn : null;
    if (completed !== null && completed > deadline) {
      return [{ kind: 'replacementUnrepaired', reasons: [say('warranty.sanbao.unrepairedLate', { date: r.reportedOn, completed, days, deadline })] }];
    }
    if (completed === null && on > deadline) {
      return [{ kind: 'replacementUnrepaired', reasons: [say('warranty.sanbao.unrepairedOpen', { date: r.reportedOn, days, deadline })] }];
    }
    return [];
  });
}

/**
 * A failure soon after purchase: within `refundDays` → refund, exchange or repair; within
 * `exchangeDays` → exchange or repair. Days count from the purchase date, which is not itself
 * counted, so "within 7 days" of 1 March runs to 8 March inclusive. Only the first such report.
 */
function earlyFailure(repairs: readonly RepairRecord[], input: WarrantyInput, on: IsoDate): SanbaoSignal[] {
  const purchase = input.unit.purchaseDate;
  if (!purchase) return [];
  const { refundDays, exchangeDays } = input.rules;
  const refundEnd = lastDay(addDays(purchase, refundDays), input.rules, input.calendar, on).end;
  const exchangeEnd = lastDay(addDays(purchase, exchangeDays), input.rules, input.calendar, on).end;
  const first = repairs.find((r) => r.reportedOn >= purchase && (r.reportedOn <= refundEnd || r.reportedOn <= exchangeEnd));
  if (!first) return [];
  const refund = first.reportedOn <= refundEnd;
  const reasons: Explanation[] = [
    say(refund ? 'warranty.sanbao.refundOrExchange' : 'warranty.sanbao.exchange', {
      purchase,
      days: refund ? refundDays : exchangeDays,
      deadline: refund ? refundEnd : exchangeEnd,
      date: first.reportedOn,
    }),
  ];
  if (!input.unit.hasInvoice) reasons.push(say('warranty.sanbao.needInvoice'));
  return [{ kind: refund ? 'refundOrExchange' : 'exchange', reasons }];
}
