import { localDay } from '../../../../shared/domain/dates';
import type { RepairRecord } from '../../../../shared/domain/warranty-types';
import type { Db } from '../../db/schema';

/**
 * The units' repair history as the warranty engine reads it: every ticket not cancelled, its
 * decision in force, when it was fixed, and the parts fitted on it. The same fault category on
 * the same unit is the same fault for 三包.
 */
export async function repairsForUnits(db: Db, unitIds: number[]): Promise<Map<number, RepairRecord[]>> {
  const byUnit = new Map<number, RepairRecord[]>();
  if (unitIds.length === 0) return byUnit;
  const tickets = await db
    .selectFrom('tickets')
    .select(['id', 'unit_id', 'reported_at', 'resolved_at', 'fault_category', 'warranty_in', 'unfixed_downtime'])
    .where('unit_id', 'in', unitIds)
    .where('status', '!=', 'cancelled')
    .orderBy('reported_at')
    .execute();
  if (tickets.length === 0) return byUnit;
  const parts = await db
    .selectFrom('ticket_parts as tp')
    .innerJoin('parts as p', 'p.id', 'tp.part_id')
    .select(['tp.ticket_id', 'tp.component_key', 'tp.fitted_on', 'tp.in_warranty', 'p.name'])
    .where(
      'tp.ticket_id',
      'in',
      tickets.map((t) => t.id),
    )
    .execute();
  for (const t of tickets) {
    const record: RepairRecord = {
      id: t.id,
      reportedOn: localDay(t.reported_at),
      completedOn: t.resolved_at === null ? null : localDay(t.resolved_at),
      faultKey: t.fault_category,
      componentKey: null,
      inWarranty: t.warranty_in === 1,
      unfixedDowntime: t.unfixed_downtime === 1,
      partsFitted: parts
        .filter((p) => p.ticket_id === t.id)
        .map((p) => ({ name: p.name, componentKey: p.component_key, fittedOn: p.fitted_on, paid: p.in_warranty === 0 })),
    };
    const unitId = t.unit_id as number;
    byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), record]);
  }
  return byUnit;
}
