import { sql } from 'kysely';
import type { z } from 'zod';
import { addDays, todayIso } from '../../../../shared/domain/dates';
import { contractState } from '../../../../shared/domain/contract-state';
import { type PlanRepeat, type VisitKind } from '../../../../shared/domain/visit-plan';
import type { SearchHit } from '../../../../shared/schemas/search';
import type {
  ContractDetail,
  ContractKind,
  ContractSummary,
  PlanLine,
  contractCancelInput,
  contractCreateInput,
  contractListInput,
  contractUpdateInput,
} from '../../../../shared/schemas/maintenance';
import type { ServiceContext } from '../../app/context';
import { currentOperator } from '../../app/request-context';
import type { Db } from '../../db/schema';
import { notFound, refusal, refuse } from '../../lib/errors';
import { takeNumber } from '../../lib/sequences';
import { getSettings } from '../admin/settings';
import { loadCalendar } from '../service-desk/calendar';
import { syncHandoverVisits } from './handover';
import { mustExist } from './lookups';
import { contractVisits, syncVisits } from './visits';

/*
 * Maintenance contracts (维保合同): the units they cover, the level their repairs get, the price,
 * and the visit plan whose visits are made on saving. Every write is one transaction.
 */

type Input = z.output<typeof contractCreateInput>;

function contractMissing(id: number) {
  return notFound('maintenance.errors.contractMissing', { id });
}

function selectContracts(db: Db, today: string) {
  return db
    .selectFrom('maintenance_contracts as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .leftJoin('service_levels as sl', 'sl.id', 'c.service_level_id')
    .selectAll('c')
    .select([
      'cu.name as customer_name',
      'sl.name as service_level_name',
      (eb) => eb.selectFrom('contract_units as cu2').select((e) => e.fn.countAll<number>().as('n')).whereRef('cu2.contract_id', '=', 'c.id').as('unit_count'),
      (eb) => eb.selectFrom('visits as v').select((e) => e.fn.countAll<number>().as('n')).whereRef('v.contract_id', '=', 'c.id').where('v.status', '=', 'due').as('visits_due'),
      (eb) =>
        eb
          .selectFrom('visits as v')
          .select((e) => e.fn.min('v.due_on').as('d'))
          .whereRef('v.contract_id', '=', 'c.id')
          .where('v.status', '=', 'due')
          .where('v.due_on', '>=', today)
          .as('next_visit_on'),
    ]);
}
type ContractRow = Awaited<ReturnType<ReturnType<typeof selectContracts>['executeTakeFirstOrThrow']>>;

function toSummary(r: ContractRow): ContractSummary {
  return {
    id: r.id,
    number: r.number,
    customerId: r.customer_id,
    customerName: r.customer_name,
    kind: r.kind as ContractKind,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    serviceLevelId: r.service_level_id,
    serviceLevelName: r.service_level_name,
    priceFen: r.price_fen,
    unitCount: Number(r.unit_count ?? 0),
    cancelledAt: r.cancelled_at,
    visitsDue: Number(r.visits_due ?? 0),
    nextVisitOn: (r.next_visit_on as string | null) ?? null,
  };
}

export async function getContract(ctx: ServiceContext, id: number, db: Db = ctx.db): Promise<ContractDetail> {
  const today = todayIso(ctx.now());
  const row = await selectContracts(db, today).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw contractMissing(id);
  const [units, lines, visits] = await Promise.all([
    db
      .selectFrom('contract_units as cu')
      .innerJoin('units as u', 'u.id', 'cu.unit_id')
      .innerJoin('product_models as m', 'm.id', 'u.model_id')
      .select(['u.id', 'm.brand', 'm.model', 'u.serial', 'u.site_address'])
      .where('cu.contract_id', '=', id)
      .orderBy('u.id')
      .execute(),
    db.selectFrom('contract_plan_lines').selectAll().where('contract_id', '=', id).orderBy('position').execute(),
    contractVisits(db, id),
  ]);
  const calendar = await loadCalendar(ctx, db);
  const covered = new Set(Object.keys(calendar.years).map(Number));
  const missing = [...new Set(visits.filter((v) => v.status === 'due').map((v) => Number(v.dueOn.slice(0, 4))))].filter((y) => !covered.has(y));
  return {
    ...toSummary(row),
    paymentTerms: row.payment_terms,
    note: row.note,
    cancelReason: row.cancel_reason,
    renewedFromId: row.renewed_from_id,
    units: units.map((u) => ({ id: u.id, label: `${u.brand} ${u.model}`.trim(), serial: u.serial, siteAddress: u.site_address })),
    plan: lines.map(
      (l): PlanLine => ({
        id: l.id,
        kind: l.kind as VisitKind,
        repeat: l.repeat as PlanRepeat,
        n: l.n,
        offsets: l.offsets === null ? null : (JSON.parse(l.offsets) as number[]),
        from: l.from_on,
        to: l.to_on,
      }),
    ),
    visits,
    calendarMissingYears: missing.sort(),
  };
}

/** Contracts by how they stand today: in force, ending within the renewal window, ended (or cancelled), or all. */
/** The contract with this number, as the search box shows it (a number read off a contract or its papers). */
export async function findContractByNumber(ctx: ServiceContext, number: string): Promise<Extract<SearchHit, { kind: 'contract' }>[]> {
  const today = todayIso(ctx.now());
  const rows = await selectContracts(ctx.db, today).where('c.number', '=', number).execute();
  if (rows.length === 0) return [];
  const { leadDays } = (await getSettings(ctx)).renewal;
  return rows.map(toSummary).map((c) => ({
    kind: 'contract',
    id: c.id,
    number: c.number,
    state: contractState(c, today, leadDays),
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    customerName: c.customerName,
    unitCount: c.unitCount,
  }));
}

export async function listContracts(ctx: ServiceContext, input: z.output<typeof contractListInput>): Promise<ContractSummary[]> {
  await mustExist(ctx.db, 'customers', input.customerId, 'errors.customerNotFound');
  const today = todayIso(ctx.now());
  const leadDays = (await getSettings(ctx)).renewal.leadDays;
  const like = `%${input.query.trim()}%`;
  const rows = await selectContracts(ctx.db, today)
    .$if(input.customerId !== null, (q) => q.where('c.customer_id', '=', input.customerId!))
    .$if(input.query.trim() !== '', (q) => q.where((eb) => eb.or([eb('c.number', 'like', like), eb('cu.name', 'like', like)])))
    .$if(input.status === 'active' || input.status === 'ending', (q) =>
      q.where('c.cancelled_at', 'is', null).where('c.starts_on', '<=', today).where('c.ends_on', '>=', today),
    )
    .$if(input.status === 'ending', (q) => q.where('c.ends_on', '<=', addDays(today, leadDays)))
    .$if(input.status === 'ended', (q) => q.where((eb) => eb.or([eb('c.cancelled_at', 'is not', null), eb('c.ends_on', '<', today)])))
    .orderBy(input.status === 'ended' ? sql`c.ends_on desc` : sql`c.ends_on asc`)
    .orderBy('c.id')
    .limit(input.limit)
    .execute();
  return rows.map(toSummary);
}

/**
 * Refuses what would make the contract wrong: a customer or level that does not exist, a unit
 * of another customer, a unit already under another contract for some of the same days, a plan
 * line outside the contract's days.
 */
async function checkContract(trx: Db, input: Input, selfId: number | null): Promise<void> {
  const customer = await trx.selectFrom('customers').select(['id']).where('id', '=', input.customerId).executeTakeFirst();
  if (!customer) throw refusal('NOT_FOUND', 'errors.customerNotFound', { id: input.customerId }, { field: 'customerId' });
  if (input.serviceLevelId !== null) {
    const level = await trx.selectFrom('service_levels').select('id').where('id', '=', input.serviceLevelId).executeTakeFirst();
    if (!level) throw refuse('ticketing.errors.serviceLevelMissing', { id: input.serviceLevelId }, 'serviceLevelId');
  }
  const unitIds = [...new Set(input.unitIds)];
  const units = await trx.selectFrom('units').select(['id', 'customer_id', 'serial']).where('id', 'in', unitIds).execute();
  if (units.length !== unitIds.length) throw refuse('maintenance.errors.unitMissing', {}, 'unitIds');
  const foreign = units.find((u) => u.customer_id !== input.customerId);
  if (foreign) throw refuse('maintenance.errors.unitNotCustomers', { serial: foreign.serial }, 'unitIds');
  const overlap = await trx
    .selectFrom('contract_units as cu')
    .innerJoin('maintenance_contracts as c', 'c.id', 'cu.contract_id')
    .innerJoin('units as u', 'u.id', 'cu.unit_id')
    .select(['c.number', 'u.serial'])
    .where('cu.unit_id', 'in', unitIds)
    .where('c.cancelled_at', 'is', null)
    .where('c.starts_on', '<=', input.endsOn)
    .where('c.ends_on', '>=', input.startsOn)
    .$if(selfId !== null, (q) => q.where('c.id', '!=', selfId!))
    .executeTakeFirst();
  if (overlap) throw refuse('maintenance.errors.overlap', { number: overlap.number, serial: overlap.serial }, 'unitIds');
  input.plan.forEach((line, i) => {
    if (line.from < input.startsOn || line.to > input.endsOn) {
      throw refuse('maintenance.errors.lineOutsideContract', { start: input.startsOn, end: input.endsOn }, `plan.${i}.from`);
    }
  });
}

async function writeParts(trx: Db, contractId: number, input: Input): Promise<void> {
  await trx.deleteFrom('contract_units').where('contract_id', '=', contractId).execute();
  await trx.insertInto('contract_units').values([...new Set(input.unitIds)].map((unit_id) => ({ contract_id: contractId, unit_id }))).execute();
  await trx.deleteFrom('contract_plan_lines').where('contract_id', '=', contractId).execute();
  if (input.plan.length === 0) return;
  await trx
    .insertInto('contract_plan_lines')
    .values(
      input.plan.map((l, position) => ({
        contract_id: contractId,
        position,
        kind: l.kind,
        repeat: l.repeat,
        n: l.repeat === 'months' || l.repeat === 'days' ? l.n : null,
        offsets: l.repeat === 'after' && l.offsets ? JSON.stringify(l.offsets) : null,
        from_on: l.from,
        to_on: l.to,
      })),
    )
    .execute();
}

const fields = (input: Input) => ({
  customer_id: input.customerId,
  kind: input.kind,
  starts_on: input.startsOn,
  ends_on: input.endsOn,
  service_level_id: input.serviceLevelId,
  price_fen: input.priceFen,
  payment_terms: input.paymentTerms,
  note: input.note,
});

/** Records a contract and makes its visits, from today on. */
export async function createContract(ctx: ServiceContext, input: Input, options: { renewedFrom?: number } = {}): Promise<ContractDetail> {
  const id = await ctx.db.transaction().execute((trx) => insertContract(ctx, trx, input, options));
  return getContract(ctx, id);
}

/** Checks and records a contract with its units, plan and visits inside the caller's transaction (renewing uses it too). */
export async function insertContract(ctx: ServiceContext, trx: Db, input: Input, options: { renewedFrom?: number } = {}): Promise<number> {
  await checkContract(trx, input, null);
  const now = ctx.now();
  const at = now.getTime();
  const { id } = await trx
    .insertInto('maintenance_contracts')
    .values({
      number: await takeNumber(trx, 'contract', 'WB', now.getFullYear()),
      ...fields(input),
      renewed_from_id: options.renewedFrom ?? null,
      created_by: currentOperator(),
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeParts(trx, id, input);
  await syncVisits(ctx, trx, id);
  await syncUnits(ctx, trx, input.unitIds);
  return id;
}

/**
 * Saves a changed contract and makes its plan's visits again: what is done, missed, cancelled,
 * moved or assigned by the desk, or already past, stays as it is.
 */
export async function updateContract(ctx: ServiceContext, input: z.output<typeof contractUpdateInput>): Promise<ContractDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('maintenance_contracts').select(['id', 'number', 'cancelled_at']).where('id', '=', input.id).executeTakeFirst();
    if (!row) throw contractMissing(input.id);
    if (row.cancelled_at !== null) throw refusal('CONFLICT', 'maintenance.errors.contractCancelled', { number: row.number });
    await checkContract(trx, input, input.id);
    await trx.updateTable('maintenance_contracts').set({ ...fields(input), updated_at: ctx.now().getTime() }).where('id', '=', input.id).execute();
    const before = await trx.selectFrom('contract_units').select('unit_id').where('contract_id', '=', input.id).execute();
    await writeParts(trx, input.id, input);
    await syncVisits(ctx, trx, input.id);
    // Units the contract no longer covers get their handover callbacks back for those days.
    await syncUnits(ctx, trx, [...input.unitIds, ...before.map((u) => u.unit_id)]);
  });
  return getContract(ctx, input.id);
}

/** Ends a contract early: its visits still due are cancelled with the same reason. */
export async function cancelContract(ctx: ServiceContext, input: z.output<typeof contractCancelInput>): Promise<ContractDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('maintenance_contracts').select(['id', 'number', 'cancelled_at']).where('id', '=', input.id).executeTakeFirst();
    if (!row) throw contractMissing(input.id);
    if (row.cancelled_at !== null) throw refusal('CONFLICT', 'maintenance.errors.contractCancelled', { number: row.number });
    const at = ctx.now().getTime();
    await trx.updateTable('maintenance_contracts').set({ cancelled_at: at, cancel_reason: input.reason, updated_at: at }).where('id', '=', input.id).execute();
    await trx.updateTable('visits').set({ status: 'cancelled', reason: input.reason, updated_at: at }).where('contract_id', '=', input.id).where('status', '=', 'due').execute();
    const units = await trx.selectFrom('contract_units').select('unit_id').where('contract_id', '=', input.id).execute();
    await syncUnits(ctx, trx, units.map((u) => u.unit_id));
  });
  return getContract(ctx, input.id);
}

/** Each unit's handover callbacks, made again now that the days a contract covers have changed. */
async function syncUnits(ctx: ServiceContext, trx: Db, unitIds: number[]): Promise<void> {
  for (const unitId of new Set(unitIds)) await syncHandoverVisits(ctx, trx, unitId);
}

/** The service level of the contract covering a unit on a day, if one does and names a level. */
export async function contractLevelFor(db: Db, unitId: number, day: string): Promise<number | null> {
  const row = await db
    .selectFrom('contract_units as cu')
    .innerJoin('maintenance_contracts as c', 'c.id', 'cu.contract_id')
    .select('c.service_level_id')
    .where('cu.unit_id', '=', unitId)
    .where('c.cancelled_at', 'is', null)
    .where('c.starts_on', '<=', day)
    .where('c.ends_on', '>=', day)
    .where('c.service_level_id', 'is not', null)
    .executeTakeFirst();
  return row?.service_level_id ?? null;
}
