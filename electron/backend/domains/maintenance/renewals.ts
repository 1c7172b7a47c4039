import type { z } from 'zod';
import { addDays, daysBetween, todayIso } from '../../../../shared/domain/dates';
import { isWorkingDay } from '../../../../shared/domain/calendar';
import { nextTerm } from '../../../../shared/domain/renewal';
import type { ContractDetail, Visit } from '../../../../shared/schemas/maintenance';
import type { ContractRenewal, RenewalDue, contractRenewInput, renewalDeclineInput, renewalTargetInput } from '../../../../shared/schemas/renewal';
import type { Unit } from '../../../../shared/schemas/unit';
import type { ServiceContext } from '../../app/context';
import { currentOperator } from '../../app/request-context';
import type { Db } from '../../db/schema';
import { notFound, refusal, refuse } from '../../lib/errors';
import { takeNumber } from '../../lib/sequences';
import { getSettings } from '../admin/settings';
import { loadCalendar } from '../service-desk/calendar';
import { warrantyCandidates } from './renewal-candidates';
import { getUnit, loadUnits } from '../units/units';
import { getContract, insertContract } from './contracts';
import { getVisit } from './visits';

/*
 * Renewal (续保): a configurable number of days before a maintenance contract ends, and before a
 * unit's whole-unit warranty ends with no contract after it, the renewal is due: a reminder on
 * the Desk, the written notice, a dedicated visit, then either the next contract made from the
 * last one or the customer's "no" recorded (with the note of what to mind once service ends).
 */

type Target = z.output<typeof renewalTargetInput>;


export async function leadDaysOf(ctx: ServiceContext, db: Db = ctx.db): Promise<number> {
  return (await getSettings(ctx, db)).renewal.leadDays;
}

/** The renewal visit of a contract or a unit's warranty end, still due or done. */
async function renewalVisit(db: Db, target: { contractId: number | null; unitId: number | null }, from?: string) {
  return db
    .selectFrom('visits')
    .select(['id', 'number', 'due_on'])
    .where('renewal', '=', 1)
    .where('status', 'in', ['due', 'done'])
    .$if(target.contractId !== null, (q) => q.where('contract_id', '=', target.contractId!))
    .$if(target.unitId !== null, (q) => q.where('unit_id', '=', target.unitId!).where('contract_id', 'is', null))
    .$if(from !== undefined, (q) => q.where('due_on', '>=', from!))
    .orderBy('due_on', 'desc')
    .executeTakeFirst();
}

/** A contract made from this one and still standing. */
async function successorOf(db: Db, contractId: number) {
  return db
    .selectFrom('maintenance_contracts')
    .select(['id', 'number'])
    .where('renewed_from_id', '=', contractId)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
}

/** Contracts in force that end within the lead time, neither renewed nor declined. */
async function contractsDue(ctx: ServiceContext, today: string, until: string): Promise<RenewalDue[]> {
  const rows = await ctx.db
    .selectFrom('maintenance_contracts as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .select(['c.id', 'c.number', 'c.customer_id', 'cu.name as customer_name', 'c.ends_on'])
    .select((eb) => eb.selectFrom('contract_units as u').select((e) => e.fn.countAll<number>().as('n')).whereRef('u.contract_id', '=', 'c.id').as('unit_count'))
    .where('c.cancelled_at', 'is', null)
    .where('c.starts_on', '<=', today)
    .where('c.ends_on', '>=', today)
    .where('c.ends_on', '<=', until)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('maintenance_contracts as n').select('n.id').whereRef('n.renewed_from_id', '=', 'c.id').where('n.cancelled_at', 'is', null))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('renewal_declines as d').select('d.id').whereRef('d.contract_id', '=', 'c.id'))))
    .orderBy('c.ends_on')
    .orderBy('c.id')
    .execute();
  return Promise.all(
    rows.map(async (r): Promise<RenewalDue> => {
      const visit = await renewalVisit(ctx.db, { contractId: r.id, unitId: null });
      return {
        subject: 'contract',
        id: r.id,
        reference: r.number,
        customerId: r.customer_id,
        customerName: r.customer_name,
        label: String(Number(r.unit_count ?? 0)),
        endsOn: r.ends_on,
        daysLeft: daysBetween(today, r.ends_on),
        visitId: visit?.id ?? null,
        visitOn: visit?.due_on ?? null,
      };
    }),
  );
}

/** A contract (not cancelled) covering the unit on the day. */
async function contractOn(db: Db, unitId: number, day: string) {
  return db
    .selectFrom('contract_units as cu')
    .innerJoin('maintenance_contracts as c', 'c.id', 'cu.contract_id')
    .select(['c.id', 'c.number', 'c.ends_on'])
    .where('cu.unit_id', '=', unitId)
    .where('c.cancelled_at', 'is', null)
    .where('c.starts_on', '<=', day)
    .where('c.ends_on', '>=', day)
    .executeTakeFirst();
}

/** The whole unit's last covered day, if the engine knows it and it is covered today. */
function wholeUnitEnd(unit: Unit): string | null {
  const whole = unit.warranty.components[0];
  return whole && whole.covered && whole.end ? whole.end : null;
}

/** Of these units, those a contract covers on the day after each one's end, read in one query. */
async function coveredAfter(db: Db, ends: Map<number, string>): Promise<Set<number>> {
  if (ends.size === 0) return new Set();
  const rows = await db
    .selectFrom('contract_units as cu')
    .innerJoin('maintenance_contracts as c', 'c.id', 'cu.contract_id')
    .select(['cu.unit_id', 'c.starts_on', 'c.ends_on'])
    .where('cu.unit_id', 'in', [...ends.keys()])
    .where('c.cancelled_at', 'is', null)
    .execute();
  const covered = new Set<number>();
  for (const r of rows) {
    const day = addDays(ends.get(r.unit_id)!, 1);
    if (r.starts_on <= day && r.ends_on >= day) covered.add(r.unit_id);
  }
  return covered;
}

/** Units whose whole-unit warranty ends within the lead time, with no contract the day after and not declined. */
async function warrantiesDue(ctx: ServiceContext, today: string, until: string): Promise<RenewalDue[]> {
  const ids = await warrantyCandidates(ctx, today, until);
  const out: RenewalDue[] = [];
  for (let i = 0; i < ids.length; i += 200) {
    const ending = new Map<number, { unit: Unit; end: string }>();
    for (const unit of await loadUnits(ctx, ctx.db, ids.slice(i, i + 200), today)) {
      const end = wholeUnitEnd(unit);
      if (end && end >= today && end <= until) ending.set(unit.id, { unit, end });
    }
    if (ending.size === 0) continue;
    const unitIds = [...ending.keys()];
    const [covered, declines, visits] = await Promise.all([
      coveredAfter(ctx.db, new Map(unitIds.map((id) => [id, ending.get(id)!.end]))),
      ctx.db.selectFrom('renewal_declines').select(['unit_id', 'ends_on']).where('unit_id', 'in', unitIds).execute(),
      ctx.db
        .selectFrom('visits')
        .select(['id', 'unit_id', 'due_on'])
        .where('renewal', '=', 1)
        .where('status', 'in', ['due', 'done'])
        .where('contract_id', 'is', null)
        .where('unit_id', 'in', unitIds)
        .orderBy('due_on', 'desc')
        .execute(),
    ]);
    for (const [id, { unit, end }] of ending) {
      if (covered.has(id) || declines.some((d) => d.unit_id === id && d.ends_on === end)) continue;
      // The latest renewal visit from 90 days before this end, as renewalVisit reads it for one unit.
      const visit = visits.find((v) => v.unit_id === id && v.due_on >= addDays(end, -90));
      out.push({
        subject: 'warranty',
        id,
        reference: unit.serial,
        customerId: unit.customerId,
        customerName: unit.customerName,
        label: `${unit.brand} ${unit.model}`.trim(),
        endsOn: end,
        daysLeft: daysBetween(today, end),
        visitId: visit?.id ?? null,
        visitOn: visit?.due_on ?? null,
      });
    }
  }
  return out;
}

/** Every renewal due today: contracts ending and whole-unit warranties ending with no contract after them, soonest first. */
export async function listRenewalsDue(ctx: ServiceContext): Promise<RenewalDue[]> {
  const today = todayIso(ctx.now());
  const until = addDays(today, await leadDaysOf(ctx));
  const [contracts, warranties] = await Promise.all([contractsDue(ctx, today, until), warrantiesDue(ctx, today, until)]);
  return [...contracts, ...warranties].sort((a, b) => (a.endsOn === b.endsOn ? a.subject.localeCompare(b.subject) || a.id - b.id : a.endsOn < b.endsOn ? -1 : 1));
}

/** What the contract page shows of a contract's renewal. */
export async function contractRenewal(ctx: ServiceContext, id: number): Promise<ContractRenewal> {
  const c = await ctx.db.selectFrom('maintenance_contracts').select(['id', 'ends_on', 'starts_on', 'cancelled_at', 'renewed_from_id']).where('id', '=', id).executeTakeFirst();
  if (!c) throw notFound('maintenance.errors.contractMissing', { id });
  const today = todayIso(ctx.now());
  const leadDays = await leadDaysOf(ctx);
  const [next, from, declined, visit] = await Promise.all([
    successorOf(ctx.db, id),
    c.renewed_from_id === null ? undefined : ctx.db.selectFrom('maintenance_contracts').select(['id', 'number']).where('id', '=', c.renewed_from_id).executeTakeFirst(),
    ctx.db.selectFrom('renewal_declines').select(['declined_on', 'note']).where('contract_id', '=', id).executeTakeFirst(),
    renewalVisit(ctx.db, { contractId: id, unitId: null }),
  ]);
  const due = c.cancelled_at === null && !next && !declined && c.starts_on <= today && c.ends_on >= today && c.ends_on <= addDays(today, leadDays);
  return {
    renewedTo: next ? { id: next.id, number: next.number } : null,
    renewedFrom: from ? { id: from.id, number: from.number } : null,
    declined: declined ? { declinedOn: declined.declined_on, note: declined.note } : null,
    due,
    leadDays,
    visitId: visit?.id ?? null,
    visitOn: visit?.due_on ?? null,
  };
}

/** A contract the desk may still act on for renewal: it exists and is not cancelled. */
async function openContract(db: Db, id: number) {
  const c = await db.selectFrom('maintenance_contracts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw notFound('maintenance.errors.contractMissing', { id });
  if (c.cancelled_at !== null) throw refusal('CONFLICT', 'renewal.errors.cancelled', { number: c.number });
  return c;
}

/** A unit whose warranty end is known and not under a contract the day after: what a unit's renewal is about. */
async function unitEnding(ctx: ServiceContext, db: Db, unitId: number): Promise<{ unit: Unit; end: string }> {
  const unit = await getUnit(ctx, unitId, db);
  const whole = unit.warranty.components[0];
  if (!whole?.end) throw refuse('renewal.errors.noWarrantyEnd', {}, 'unitId');
  const after = await contractOn(db, unitId, addDays(whole.end, 1));
  if (after) throw refusal('CONFLICT', 'renewal.errors.underContract', { number: after.number, date: whole.end });
  return { unit, end: whole.end };
}

/**
 * Makes the next contract from the last one, in one transaction: same customer, units, kind,
 * level, price and terms, its plan lines moved to the new term, linked to the old one (which
 * then counts as renewed). Refused for a cancelled or already renewed contract, and when the
 * new term would overlap another contract of one of its units.
 */
export async function renewContract(ctx: ServiceContext, input: z.output<typeof contractRenewInput>): Promise<ContractDetail> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const old = await openContract(trx, input.id);
    const next = await successorOf(trx, old.id);
    if (next) throw refusal('CONFLICT', 'renewal.errors.alreadyRenewed', { number: old.number, next: next.number });
    const term = nextTerm(old.starts_on, old.ends_on);
    const units = await trx.selectFrom('contract_units').select('unit_id').where('contract_id', '=', old.id).execute();
    const unitIds = units.map((u) => u.unit_id);
    const overlap = await trx
      .selectFrom('contract_units as cu')
      .innerJoin('maintenance_contracts as c', 'c.id', 'cu.contract_id')
      .innerJoin('units as u', 'u.id', 'cu.unit_id')
      .select(['c.number', 'u.serial'])
      .where('cu.unit_id', 'in', unitIds)
      .where('c.cancelled_at', 'is', null)
      .where('c.starts_on', '<=', term.endsOn)
      .where('c.ends_on', '>=', term.startsOn)
      .executeTakeFirst();
    if (overlap) throw refusal('CONFLICT', 'renewal.errors.overlap', { from: term.startsOn, to: term.endsOn, other: overlap.number, serial: overlap.serial });
    const lines = await trx.selectFrom('contract_plan_lines').selectAll().where('contract_id', '=', old.id).orderBy('position').execute();
    const newId = await insertContract(
      ctx,
      trx,
      {
        customerId: old.customer_id,
        unitIds,
        kind: old.kind as 'warranty' | 'paid',
        startsOn: term.startsOn,
        endsOn: term.endsOn,
        serviceLevelId: old.service_level_id,
        priceFen: old.price_fen,
        paymentTerms: old.payment_terms,
        note: old.note,
        plan: lines.map((l) => ({
          kind: l.kind as 'callback' | 'inspection' | 'maintenance',
          repeat: l.repeat as 'quarter' | 'months' | 'days' | 'after',
          n: l.n,
          offsets: l.offsets === null ? null : (JSON.parse(l.offsets) as number[]),
          from: term.shift(l.from_on),
          to: term.shift(l.to_on),
        })),
      },
      { renewedFrom: old.id },
    );
    await trx.updateTable('maintenance_contracts').set({ updated_at: ctx.now().getTime() }).where('id', '=', old.id).execute();
    return newId;
  });
  return getContract(ctx, id);
}

/** Records that the customer does not renew: the contract, or the unit's warranty ending on its day, leaves the due list. */
export async function declineRenewal(ctx: ServiceContext, input: z.output<typeof renewalDeclineInput>): Promise<RenewalDue[]> {
  const today = todayIso(ctx.now());
  await ctx.db.transaction().execute(async (trx) => {
    let endsOn: string;
    if (input.contractId !== null) {
      const c = await openContract(trx, input.contractId);
      const next = await successorOf(trx, c.id);
      if (next) throw refusal('CONFLICT', 'renewal.errors.alreadyRenewed', { number: c.number, next: next.number });
      endsOn = c.ends_on;
    } else {
      endsOn = (await unitEnding(ctx, trx, input.unitId!)).end;
    }
    const before = await trx
      .selectFrom('renewal_declines')
      .select('declined_on')
      .$if(input.contractId !== null, (q) => q.where('contract_id', '=', input.contractId!))
      .$if(input.unitId !== null, (q) => q.where('unit_id', '=', input.unitId!).where('ends_on', '=', endsOn))
      .executeTakeFirst();
    if (before) throw refusal('CONFLICT', 'renewal.errors.alreadyDeclined', { date: before.declined_on });
    await trx
      .insertInto('renewal_declines')
      .values({
        contract_id: input.contractId,
        unit_id: input.unitId,
        ends_on: endsOn,
        declined_on: input.declinedOn ?? today,
        note: input.note,
        created_by: currentOperator(),
        created_at: ctx.now().getTime(),
      })
      .execute();
  });
  return listRenewalsDue(ctx);
}

/**
 * Offers the dedicated renewal visit (the seeds: 10 days before the end): on the working day
 * the lead time before the end falls on (today if that is past), never after the end. It is an
 * on-site visit marked as the renewal's, of the contract or of the unit.
 */
export async function offerRenewalVisit(ctx: ServiceContext, input: Target): Promise<Visit> {
  const today = todayIso(ctx.now());
  const id = await ctx.db.transaction().execute(async (trx) => {
    let endsOn: string;
    if (input.contractId !== null) {
      const c = await openContract(trx, input.contractId);
      endsOn = c.ends_on;
    } else {
      endsOn = (await unitEnding(ctx, trx, input.unitId!)).end;
    }
    if (endsOn < today) throw refusal('CONFLICT', 'renewal.errors.ended', { date: endsOn });
    const existing = await renewalVisit(trx, input, input.unitId !== null ? addDays(endsOn, -90) : undefined);
    if (existing) throw refusal('CONFLICT', 'renewal.errors.visitExists', { number: existing.number, date: existing.due_on });
    const lead = await leadDaysOf(ctx, trx);
    const nominal = addDays(endsOn, -lead) < today ? today : addDays(endsOn, -lead);
    const calendar = await loadCalendar(ctx, trx);
    let day = nominal;
    while (day <= endsOn && !isWorkingDay(calendar, day)) day = addDays(day, 1);
    if (day > endsOn) {
      // No working day from the nominal day to the end: the last one before, if not yet past.
      day = addDays(nominal, -1);
      while (day >= today && !isWorkingDay(calendar, day)) day = addDays(day, -1);
      if (day < today) throw refuse('renewal.errors.noWorkingDay', { from: nominal, to: endsOn });
    }
    const now = ctx.now();
    const { id } = await trx
      .insertInto('visits')
      .values({
        number: await takeNumber(trx, 'visit', 'FW', now.getFullYear()),
        contract_id: input.contractId,
        unit_id: input.unitId,
        kind: 'inspection',
        planned_on: nominal,
        due_on: day,
        renewal: 1,
        created_at: now.getTime(),
        updated_at: now.getTime(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  });
  return getVisit(ctx, id);
}

/** What a renewal paper is about: the contract with its units, or one unit and its warranty end. */
export async function renewalSubject(ctx: ServiceContext, input: Target) {
  if (input.contractId !== null) {
    const contract = await getContract(ctx, input.contractId);
    const units = await loadUnits(ctx, ctx.db, contract.units.map((u) => u.id));
    const renewal = await contractRenewal(ctx, contract.id);
    return { contract, units, endsOn: contract.endsOn, customerId: contract.customerId, renewal };
  }
  const { unit, end } = await unitEnding(ctx, ctx.db, input.unitId!);
  return { contract: null, units: [unit], endsOn: end, customerId: unit.customerId, renewal: null };
}
