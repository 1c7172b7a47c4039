import { sql } from 'kysely';
import { localMoment, addDays } from '../../../../shared/domain/dates';
import type { FaultCategory } from '../../../../shared/domain/ticket-status';
import type { EarlyWarning, FailureAnalysis, FailureRate, ReportFilter, ReportPeriod, WarningSettings } from '../../../../shared/schemas/reports';
import type { z } from 'zod';
import type { warningSettingsInput } from '../../../../shared/schemas/reports';
import type { ServiceContext } from '../../app/context';
import { currentOperator } from '../../app/request-context';
import { filterTickets, previousPeriod, ratioX100, type Bounds } from './period';
import { addCounts, overMonths, summaryRows, type MonthPart } from './summary';

/*
 * Failure analysis (故障分析) and the early warnings (预警分析). A failure is a repair ticket not
 * cancelled, on a registered unit, reported in the period. Its rate is per 100 units in service
 * in the period: units whose earliest known date (acceptance, installation, purchase, else when
 * they were registered) is on or before its last day and which were not scrapped, replaced or
 * returned before its first day (see unitsInService). A model with no units in service has no
 * rate (null), never a division by zero.
 */

const IN_SERVICE = ['inService', 'atWorkshop', 'onLoan'];
/** At most this many tickets are linked from one warning: enough to open and see the pattern. */
const WARNING_TICKETS = 50;

/**
 * Units in service over a period, from their history: registered (by their earliest known date)
 * on or before its last day, and not out of service (scrapped, replaced, returned) before its
 * first day. A unit scrapped within the period still counts: it was in service for part of it.
 * A unit out of service with no dated change on record (written before the history was kept)
 * cannot be placed in time and is left out, as before.
 */
async function unitsInService(ctx: ServiceContext, period: ReportPeriod, filter: ReportFilter): Promise<Map<number, number>> {
  const lastDay = period.to;
  const endMs = localMoment(addDays(lastDay, 1));
  const startMs = localMoment(period.from);
  const inService = sql.join(IN_SERVICE.map((v) => sql.lit(v)));
  let q = ctx.db
    .selectFrom('units as u')
    .where((eb) =>
      eb.or([
        eb('u.status', 'in', IN_SERVICE),
        // Out of service now: it counts when it was still in service when the period began, and left after.
        eb.and([
          sql<boolean>`exists (select 1 from unit_status_history h where h.unit_id = u.id and h.changed_at >= ${startMs})`,
          sql<boolean>`coalesce((select h.status from unit_status_history h where h.unit_id = u.id and h.changed_at < ${startMs} order by h.changed_at desc, h.id desc limit 1), 'inService') in (${inService})`,
        ]),
      ]),
    )
    .where((eb) =>
      eb.or([
        eb(sql`coalesce(u.acceptance_date, u.install_date, u.purchase_date)`, '<=', lastDay),
        eb.and([eb('u.acceptance_date', 'is', null), eb('u.install_date', 'is', null), eb('u.purchase_date', 'is', null), eb('u.created_at', '<', endMs)]),
      ]),
    );
  if (filter.customerId !== null) q = q.where('u.customer_id', '=', filter.customerId);
  if (filter.modelIds !== null) q = q.where('u.model_id', 'in', filter.modelIds.length ? filter.modelIds : [0]);
  const rows = await q.select(['u.model_id', sql<number>`count(*)`.as('n')]).groupBy('u.model_id').execute();
  return new Map(rows.map((r) => [r.model_id, Number(r.n)]));
}

function failures(ctx: ServiceContext, p: { start: number; end: number }, filter: ReportFilter) {
  return filterTickets(
    ctx.db
      .selectFrom('tickets')
      .where('tickets.reported_at', '>=', p.start)
      .where('tickets.reported_at', '<', p.end)
      .where('tickets.status', '!=', 'cancelled')
      .where('tickets.unit_id', 'is not', null),
    filter,
  );
}

/** Failures by model, fault category and component, by key. */
export interface FailureCounts {
  models: Map<string, number>;
  categories: Map<string, number>;
  components: Map<string, number>;
}

/** Whole months from the summary: failures are the category rows of tickets on a unit (model not 0). */
async function summedCounts(ctx: ServiceContext, b: Bounds, part: MonthPart): Promise<FailureCounts> {
  const sum = (kind: 'category' | 'component', key: 'k1' | 'model_id', onlyKnownModels: boolean) => {
    const q = summaryRows(ctx, kind, part.months, b.filter).where('model_id', onlyKnownModels ? '>' : '!=', 0);
    return q.select([sql<string>`${sql.ref(key)}`.as('key'), sql<number>`sum(n)`.as('n')]).groupBy('key').execute();
  };
  // A ticket whose unit is gone (-1) is a failure of no model, as the direct join has it.
  const [models, categories, components] = await Promise.all([sum('category', 'model_id', true), sum('category', 'k1', false), sum('component', 'k1', false)]);
  const map = (rows: { key: string | number; n: number }[]) => new Map(rows.map((r) => [String(r.key), Number(r.n)]));
  return { models: map(models), categories: map(categories), components: map(components) };
}

const addFailureCounts = (x: FailureCounts, y: FailureCounts): FailureCounts => ({
  models: addCounts(x.models, y.models),
  categories: addCounts(x.categories, y.categories),
  components: addCounts(x.components, y.components),
});

const countsBy = (ctx: ServiceContext, b: Bounds) => overMonths(ctx, b, (p) => directFailureCounts(ctx, p), (part) => summedCounts(ctx, b, part), addFailureCounts);

/** The failure counts read from the tickets: the reference for the summary, and the path for a customer. */
export async function directFailureCounts(ctx: ServiceContext, p: Bounds): Promise<FailureCounts> {
  const filter = p.filter;
  const [models, categories, components] = await Promise.all([
    failures(ctx, p, filter).innerJoin('units as u', 'u.id', 'tickets.unit_id').select(['u.model_id as key', sql<number>`count(*)`.as('n')]).groupBy('u.model_id').execute(),
    failures(ctx, p, filter).select(['tickets.fault_category as key', sql<number>`count(*)`.as('n')]).groupBy('tickets.fault_category').execute(),
    // A component failed on a ticket when a part of it was fitted there: each ticket counts once per component.
    failures(ctx, p, filter)
      .innerJoin('ticket_parts as tp', 'tp.ticket_id', 'tickets.id')
      .innerJoin('parts as pt', 'pt.id', 'tp.part_id')
      .select([sql<string>`coalesce(tp.component_key, pt.component_key, 'other')`.as('key'), sql<number>`count(distinct tickets.id)`.as('n')])
      .groupBy(sql`coalesce(tp.component_key, pt.component_key, 'other')`)
      .execute(),
  ]);
  const map = (rows: { key: string | number; n: number }[]) => new Map(rows.map((r) => [String(r.key), Number(r.n)]));
  return { models: map(models), categories: map(categories), components: map(components) };
}

export async function failureAnalysis(ctx: ServiceContext, b: Bounds): Promise<FailureAnalysis> {
  const previous = previousPeriod(b);
  const previousBounds: Bounds = { ...previous, start: localMoment(previous.from), end: localMoment(addDays(previous.to, 1)), asOf: b.start, filter: b.filter };
  const [units, before, now, then] = await Promise.all([
    unitsInService(ctx, b, b.filter),
    unitsInService(ctx, previous, b.filter),
    countsBy(ctx, b),
    countsBy(ctx, previousBounds),
  ]);
  const all = [...units.values()].reduce((n, v) => n + v, 0);
  const allBefore = [...before.values()].reduce((n, v) => n + v, 0);
  const modelIds = new Set([...units.keys()].map(String).concat([...now.models.keys()]));
  const names = new Map(
    (await ctx.db.selectFrom('product_models').select(['id', sql<string>`trim(brand || ' ' || model)`.as('name')]).where('id', 'in', [...modelIds].map(Number).concat(0)).execute()).map((m) => [String(m.id), m.name]),
  );
  const components = await componentNames(ctx);
  const rate = (key: string, label: string | null, n: number, u: number, pn: number, pu: number): FailureRate => ({
    key,
    label,
    failures: n,
    units: u,
    ratePer100X100: ratioX100(n, u, 100),
    previousFailures: pn,
    previousRatePer100X100: ratioX100(pn, pu, 100),
  });
  const order = (rows: FailureRate[]) => rows.sort((a, b) => (b.ratePer100X100 ?? -1) - (a.ratePer100X100 ?? -1) || b.failures - a.failures || a.key.localeCompare(b.key));
  return {
    unitsInService: all,
    previous,
    byModel: order(
      [...modelIds].map((k) => rate(k, names.get(k) ?? null, now.models.get(k) ?? 0, units.get(Number(k)) ?? 0, then.models.get(k) ?? 0, before.get(Number(k)) ?? 0)).filter((r) => r.failures > 0 || r.previousFailures > 0 || r.units > 0),
    ),
    byComponent: order([...new Set([...now.components.keys(), ...then.components.keys()])].map((k) => rate(k, components.get(k) ?? null, now.components.get(k) ?? 0, all, then.components.get(k) ?? 0, allBefore))),
    byCategory: order([...new Set([...now.categories.keys(), ...then.categories.keys()])].map((k) => rate(k, null, now.categories.get(k) ?? 0, all, then.categories.get(k) ?? 0, allBefore))),
  };
}

/**
 * What the warranty policies call each component key (`compressor` → 压缩机): the newest policy
 * version that names a key wins, so a renamed component reads as it is called today. A key no
 * policy names any more (and `other`) has no name; the tables print the key or "other parts".
 */
async function componentNames(ctx: ServiceContext): Promise<Map<string, string>> {
  const rows = await sql<{ key: string; name: string }>`select j.value ->> 'key' as key, j.value ->> 'name' as name
    from warranty_policy_versions v, json_each(v.components) j
    where json_valid(v.components) order by v.created_at desc, v.id desc`.execute(ctx.db);
  const names = new Map<string, string>();
  for (const r of rows.rows) if (r.key && r.name && !names.has(r.key)) names.set(r.key, r.name);
  return names;
}

/** A repeat: a ticket, the latest earlier fix of the same fault on its unit, and the time between. */
export interface RepeatPair {
  id: number;
  earlierId: number;
  gapMs: number;
}

/**
 * Repeats read from the tickets: the reference for the summary, and the path for a customer. Pairs
 * come from the indexes alone (tickets_report beside tickets_same_fault); a year's tickets are
 * never read row by row.
 */
export async function directRepeatPairs(ctx: ServiceContext, b: Bounds, windowMs: number): Promise<RepeatPair[]> {
  const rows = await failures(ctx, b, b.filter)
    .innerJoin('tickets as e', (j) =>
      j
        .onRef('e.unit_id', '=', 'tickets.unit_id')
        .onRef('e.fault_category', '=', 'tickets.fault_category')
        .onRef('e.id', '!=', 'tickets.id')
        // Written as a range on resolved_at so the join seeks tickets_same_fault (unit, fault, fixed).
        .on(sql<boolean>`e.resolved_at between tickets.reported_at - ${windowMs} and tickets.reported_at`),
    )
    .where('e.status', '!=', 'cancelled')
    // SQLite takes the other columns from the row holding the max: the latest earlier fix.
    .select(['tickets.id', 'e.id as earlier_id', sql<number>`tickets.reported_at - max(e.resolved_at)`.as('gap')])
    .groupBy('tickets.id')
    .execute();
  return rows.map((r) => ({ id: r.id, earlierId: r.earlier_id, gapMs: Number(r.gap) }));
}

/** Whole months: the summary keeps each ticket's latest earlier same fault within the longest window allowed. */
async function summedRepeatPairs(ctx: ServiceContext, b: Bounds, part: MonthPart, windowMs: number): Promise<RepeatPair[]> {
  const rows = await summaryRows(ctx, 'repeat', part.months, b.filter).where('n', '<=', windowMs).select(['k1', 'k2', 'n']).execute();
  return rows.map((r) => ({ id: Number(r.k1), earlierId: Number(r.k2), gapMs: r.n }));
}

/** The same fault on the same unit again within the window after its earlier repair was resolved. */
async function repeatFaults(ctx: ServiceContext, b: Bounds, windowDays: number): Promise<EarlyWarning[]> {
  const windowMs = windowDays * 86_400_000;
  const pairs = await overMonths(ctx, b, (p) => directRepeatPairs(ctx, p, windowMs), (part) => summedRepeatPairs(ctx, b, part, windowMs), (x, y) => x.concat(y));
  // Numbers, serials and days only for the pairs found.
  const ids = [...new Set(pairs.flatMap((p) => [p.id, p.earlierId]))];
  const tickets = new Map<number, { number: string; reportedAt: number; fault: string; serial: string }>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await ctx.db
      .selectFrom('tickets')
      .leftJoin('units as u', 'u.id', 'tickets.unit_id')
      .select(['tickets.id', 'tickets.number', 'tickets.reported_at', 'tickets.fault_category', 'u.serial'])
      .where('tickets.id', 'in', chunk)
      .execute();
    for (const t of rows) tickets.set(t.id, { number: t.number, reportedAt: t.reported_at, fault: t.fault_category, serial: t.serial ?? '' });
  }
  const of = (id: number) => tickets.get(id) ?? { number: '', reportedAt: 0, fault: 'other', serial: '' };
  return pairs
    .sort((x, y) => of(x.id).reportedAt - of(y.id).reportedAt || x.id - y.id)
    .map((p) => ({
      kind: 'repeatFault' as const,
      subject: of(p.id).serial,
      faultCategory: of(p.id).fault as FaultCategory,
      days: Math.floor(p.gapMs / 86_400_000),
      rateX100: null,
      previousRateX100: null,
      failures: 2,
      tickets: [
        { id: p.earlierId, number: of(p.earlierId).number },
        { id: p.id, number: of(p.id).number },
      ],
    }));
}

/**
 * Every warning for the period: repeats, and models whose rate reaches the threshold or rises by
 * the set percent over their own previous period (from nothing counts as a rise). Both rules need
 * the model's fewest failures, so one breakdown on a model with two units stays quiet.
 */
export async function earlyWarnings(ctx: ServiceContext, b: Bounds, analysis?: FailureAnalysis): Promise<EarlyWarning[]> {
  const settings = await warningSettings(ctx);
  const [repeats, rates] = await Promise.all([repeatFaults(ctx, b, settings.repeatWindowDays), analysis ?? failureAnalysis(ctx, b)]);
  const flagged = rates.byModel.flatMap((m) => {
    if (m.failures < settings.minFailures || m.ratePer100X100 === null) return [];
    const kinds: EarlyWarning['kind'][] = [];
    if (m.ratePer100X100 >= settings.rateThresholdX100) kinds.push('rateAbove');
    const prev = m.previousRatePer100X100 ?? 0;
    if (m.ratePer100X100 * 100 >= prev * (100 + settings.risePercent) && m.ratePer100X100 > prev) kinds.push('rateRising');
    return kinds.map((kind) => ({ kind, model: m }));
  });
  const ticketsOf = async (modelId: string) =>
    (
      await failures(ctx, b, b.filter)
        .innerJoin('units as u', 'u.id', 'tickets.unit_id')
        .where('u.model_id', '=', Number(modelId))
        .select(['tickets.id', 'tickets.number'])
        .orderBy('tickets.reported_at')
        .limit(sql.lit(WARNING_TICKETS))
        .execute()
    ).map((t) => ({ id: t.id, number: t.number }));
  const modelWarnings: EarlyWarning[] = [];
  for (const { kind, model } of flagged) {
    modelWarnings.push({
      kind,
      subject: model.label ?? `#${model.key}`,
      faultCategory: null,
      days: null,
      rateX100: model.ratePer100X100,
      previousRateX100: model.previousRatePer100X100,
      failures: model.failures,
      tickets: await ticketsOf(model.key),
    });
  }
  return [...modelWarnings, ...repeats];
}

export async function warningSettings(ctx: ServiceContext): Promise<WarningSettings> {
  const row = await ctx.db.selectFrom('report_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  return { repeatWindowDays: row.repeat_window_days, rateThresholdX100: row.rate_threshold_x100, risePercent: row.rise_percent, minFailures: row.min_failures };
}

export async function updateWarningSettings(ctx: ServiceContext, input: z.output<typeof warningSettingsInput>): Promise<WarningSettings> {
  await ctx.db
    .updateTable('report_settings')
    .set({
      repeat_window_days: input.repeatWindowDays,
      rate_threshold_x100: input.rateThresholdX100,
      rise_percent: input.risePercent,
      min_failures: input.minFailures,
      changed_at: ctx.now().getTime(),
      changed_by: currentOperator(),
    })
    .where('id', '=', 1)
    .execute();
  return warningSettings(ctx);
}
