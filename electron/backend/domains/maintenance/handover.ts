import { addDays, addMonths, todayIso } from '../../../../shared/domain/dates';
import { handoverLine, planVisits, type HandoverTemplate } from '../../../../shared/domain/visit-plan';
import type { ServiceContext } from '../../app/context';
import type { Db } from '../../db/schema';
import { takeNumber } from '../../lib/sequences';
import { loadCalendar } from '../service-desk/calendar';

/*
 * Callbacks after handover (工程回访): a unit accepted into service gets its callbacks counted
 * from acceptance while its whole-unit warranty lasts, by the customer's kind (a project for an
 * organisation, a household's for a person). Days a maintenance contract covers are left to the
 * contract's own plan. Read straight from the tables: the units service calls this.
 */

const TEMPLATE: Record<string, HandoverTemplate> = { organisation: 'project', person: 'household' };
/** Units no longer in service get no more calls. */
const IN_SERVICE = ['inService', 'atWorkshop', 'onLoan'];

/**
 * Makes a unit's handover callbacks again inside the caller's transaction: the untouched ones to
 * come are replaced; those the desk moved, assigned or closed, and those past, stay.
 */
export async function syncHandoverVisits(ctx: ServiceContext, trx: Db, unitId: number): Promise<void> {
  const today = todayIso(ctx.now());
  await trx
    .deleteFrom('visits')
    .where('unit_id', '=', unitId)
    .where('contract_id', 'is', null)
    .where('status', '=', 'due')
    .where('rescheduled', '=', 0)
    .where('renewal', '=', 0)
    .where('due_on', '>=', today)
    .execute();
  const unit = await trx
    .selectFrom('units as u')
    .innerJoin('customers as c', 'c.id', 'u.customer_id')
    .innerJoin('warranty_policy_versions as p', 'p.id', 'u.policy_version_id')
    .select(['u.acceptance_date', 'u.status', 'c.kind', 'p.components'])
    .where('u.id', '=', unitId)
    .executeTakeFirst();
  if (!unit?.acceptance_date || !IN_SERVICE.includes(unit.status)) return;
  const whole = (JSON.parse(unit.components) as { months: number }[])[0];
  if (!whole) return;
  // The whole unit's term as the policy sets it; the engine may stretch it past a holiday, which a
  // callback plan does not need to follow.
  const until = addDays(addMonths(unit.acceptance_date, whole.months), -1);
  const contracts = await trx
    .selectFrom('contract_units as cu')
    .innerJoin('maintenance_contracts as m', 'm.id', 'cu.contract_id')
    .select(['m.starts_on', 'm.ends_on'])
    .where('cu.unit_id', '=', unitId)
    .where('m.cancelled_at', 'is', null)
    .execute();
  const kept = await trx.selectFrom('visits').select('planned_on').where('unit_id', '=', unitId).where('contract_id', 'is', null).where('renewal', '=', 0).execute();
  const have = new Set(kept.map((v) => v.planned_on));
  const calendar = await loadCalendar(ctx, trx);
  const now = ctx.now();
  const line = handoverLine(TEMPLATE[unit.kind] ?? 'household', unit.acceptance_date, until);
  for (const visit of planVisits([line], calendar)) {
    if (visit.due < today || have.has(visit.nominal)) continue;
    if (contracts.some((c) => c.starts_on <= visit.due && visit.due <= c.ends_on)) continue;
    await trx
      .insertInto('visits')
      .values({
        number: await takeNumber(trx, 'visit', 'FW', now.getFullYear()),
        unit_id: unitId,
        kind: 'callback',
        planned_on: visit.nominal,
        due_on: visit.due,
        created_at: now.getTime(),
        updated_at: now.getTime(),
      })
      .execute();
  }
}
