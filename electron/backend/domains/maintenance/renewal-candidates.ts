import { addDays, addMonths } from '../../../../shared/domain/dates';
import { isWorkingDay } from '../../../../shared/domain/calendar';
import type { ServiceContext } from '../../app/context';
import { getSettings } from '../admin/settings';
import { loadCalendar } from '../service-desk/calendar';

/** Units no longer in service are not offered a renewal. */
const IN_SERVICE = ['inService', 'atWorkshop', 'onLoan'];

const UNIT_DATES = ['purchase_date', 'acceptance_date', 'install_date', 'production_date'] as const;

/** The first and last day a term may start so that start + months falls in [from, to]: addMonths clamps at a month's end, so the inverse is found by stepping. */
function startsFor(from: string, to: string, months: number): { from: string; to: string } {
  const after = (day: string) => addMonths(day, months);
  let lo = addMonths(from, -months);
  while (after(lo) < from) lo = addDays(lo, 1);
  while (after(addDays(lo, -1)) >= from) lo = addDays(lo, -1);
  let hi = addMonths(to, -months);
  while (after(hi) > to) hi = addDays(hi, -1);
  while (after(addDays(hi, 1)) <= to) hi = addDays(hi, 1);
  return { from: lo, to: hi };
}

/**
 * Units that may have their whole-unit warranty end within [today, until], read from the date
 * indexes before the engine decides. A term counts from one of the unit's dates, for the
 * policy's whole-unit months, plus one extension per repair in warranty that left the unit down,
 * and its last day moves forward off rest days: so a unit can only be due if one of its dates
 * lies in the window that many months back (widened by the rest days just before today, and
 * moved earlier by its extensions). The engine then reads each candidate exactly.
 */
export async function warrantyCandidates(ctx: ServiceContext, today: string, until: string): Promise<number[]> {
  const ext = (await getSettings(ctx)).warrantyRules.downtimeExtensionDays;
  const versions = await ctx.db.selectFrom('warranty_policy_versions').select(['id', 'components']).execute();
  const monthsOf = new Map<number, number>();
  for (const v of versions) {
    const whole = (JSON.parse(v.components) as { months?: number }[])[0];
    if (whole && typeof whole.months === 'number') monthsOf.set(v.id, whole.months);
  }
  // A last day on one of the rest days just before today moves onto today or later.
  const calendar = await loadCalendar(ctx, ctx.db);
  let dueFrom = today;
  for (let i = 0; i < 31 && !isWorkingDay(calendar, addDays(dueFrom, -1)); i++) dueFrom = addDays(dueFrom, -1);
  const windowFor = (months: number, extensions: number) => startsFor(addDays(dueFrom, -extensions * ext), until, months);
  const ids = new Set<number>();
  const byMonths = new Map<number, number[]>();
  for (const [id, months] of monthsOf) byMonths.set(months, [...(byMonths.get(months) ?? []), id]);
  for (const [months, versionIds] of byMonths) {
    const { from, to } = windowFor(months, 0);
    const rows = await ctx.db
      .selectFrom('units')
      .select('id')
      .where('policy_version_id', 'in', versionIds)
      .where('status', 'in', IN_SERVICE)
      .where((eb) => eb.or(UNIT_DATES.map((column) => eb.and([eb(column, '>=', from), eb(column, '<=', to)]))))
      .execute();
    for (const r of rows) ids.add(r.id);
  }
  if (ext > 0) {
    // Few units were ever down under warranty: each is read with its count and checked in a window moved back by it.
    const extended = await ctx.db
      .selectFrom('tickets as t')
      .innerJoin('units as u', 'u.id', 't.unit_id')
      .select(['u.id', 'u.policy_version_id', ...UNIT_DATES.map((c) => `u.${c}` as const)])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('t.warranty_in', '=', 1)
      .where('t.unfixed_downtime', '=', 1)
      .where('t.unit_id', 'is not', null)
      .where('u.status', 'in', IN_SERVICE)
      .groupBy('u.id')
      .execute();
    for (const r of extended) {
      const months = monthsOf.get(r.policy_version_id);
      if (months === undefined) continue;
      const { from, to } = windowFor(months, Number(r.n));
      if (UNIT_DATES.some((c) => { const d = r[c]; return d !== null && d >= from && d <= to; })) ids.add(r.id);
    }
  }
  return [...ids].sort((a, b) => a - b);
}
