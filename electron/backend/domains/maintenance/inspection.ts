import type { z } from 'zod';
import { itemsFor, needsRepair, readingState, type ChecklistItem, type CheckAnswer } from '../../../../shared/domain/checklist';
import type { VisitKind } from '../../../../shared/domain/visit-plan';
import { translator } from '../../../../shared/i18n';
import type { ItemFinding, VisitInspection, visitFindingInput, visitRecordInput } from '../../../../shared/schemas/checklist';
import type { TicketDetail } from '../../../../shared/schemas/ticket';
import type { ServiceContext } from '../../app/context';
import type { Db } from '../../db/schema';
import { notFound, refusal, refuse } from '../../lib/errors';
import { getSettings } from '../admin/settings';
import { createTicket } from '../tickets/tickets';
import { checklistForUnits } from './checklists';

/*
 * Recording an inspection: per unit and checklist item what was found, the visit's times, what
 * was fixed, advice, the customer's word; a fault or a reading out of range opens a repair ticket
 * linked to the visit and the unit.
 */

interface UnitChecklist {
  id: number;
  name: string;
  version: number;
  versionId: number;
  items: ChecklistItem[];
}

async function visitRow(db: Db, id: number) {
  const row = await db.selectFrom('visits').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('maintenance.errors.visitMissing', { id });
  return row;
}

/** The units a visit covers: its contract's, or its own unit. */
async function visitUnits(db: Db, visit: { contract_id: number | null; unit_id: number | null }) {
  return db
    .selectFrom('units as u')
    .innerJoin('product_models as m', 'm.id', 'u.model_id')
    .select(['u.id', 'u.customer_id', 'm.brand', 'm.model', 'u.serial'])
    .$if(visit.contract_id !== null, (q) => q.innerJoin('contract_units as cu', 'cu.unit_id', 'u.id').where('cu.contract_id', '=', visit.contract_id!))
    .$if(visit.contract_id === null, (q) => q.where('u.id', '=', visit.unit_id ?? 0))
    .orderBy('u.id')
    .execute();
}

/** Per unit, the checklist version the visit records against: the one already used, else the current one. */
async function unitChecklists(db: Db, visitId: number, unitIds: number[]): Promise<Map<number, UnitChecklist | null>> {
  const used = await db
    .selectFrom('visit_results as r')
    .innerJoin('checklist_versions as v', 'v.id', 'r.checklist_version_id')
    .innerJoin('checklists as c', 'c.id', 'v.checklist_id')
    .select(['r.unit_id', 'c.id', 'c.name', 'v.version', 'v.id as version_id', 'v.items'])
    .where('r.visit_id', '=', visitId)
    .groupBy('r.unit_id')
    .execute();
  const current = await checklistForUnits(db, unitIds);
  const out = new Map<number, UnitChecklist | null>();
  for (const unitId of unitIds) {
    const u = used.find((r) => r.unit_id === unitId);
    const c = current.get(unitId) ?? null;
    out.set(
      unitId,
      u
        ? { id: u.id, name: u.name, version: u.version, versionId: u.version_id, items: JSON.parse(u.items) as ChecklistItem[] }
        : c && { id: c.id, name: c.name, version: c.version, versionId: c.versionId, items: c.items },
    );
  }
  return out;
}

export async function getInspection(ctx: ServiceContext, visitId: number, db: Db = ctx.db): Promise<VisitInspection> {
  const visit = await visitRow(db, visitId);
  const kind = visit.kind as VisitKind;
  const units = await visitUnits(db, visit);
  const lists = await unitChecklists(db, visitId, units.map((u) => u.id));
  const results = await db
    .selectFrom('visit_results as r')
    .leftJoin('tickets as t', 't.id', 'r.ticket_id')
    .selectAll('r')
    .select('t.number as ticket_number')
    .where('r.visit_id', '=', visitId)
    .execute();
  return {
    visitId,
    kind,
    arrivedAt: visit.arrived_at,
    leftAt: visit.left_at,
    fixedOnSpot: visit.fixed_on_spot,
    advice: visit.advice,
    feedback: visit.feedback,
    signedBy: visit.signed_by,
    units: units.map((u) => {
      const list = lists.get(u.id) ?? null;
      const items = list ? itemsFor(list.items, kind) : [];
      const findings = results
        .filter((r) => r.unit_id === u.id)
        .map((r): ItemFinding => {
          const item = items.find((i) => i.key === r.item_key);
          return {
            key: r.item_key,
            answer: r.answer as CheckAnswer | null,
            reading: r.reading,
            readingState: item && r.reading !== null && item.answer === 'reading' ? readingState(item, r.reading) : null,
            text: r.text,
            remark: r.remark,
            needsRepair: r.needs_repair === 1,
            ticketId: r.ticket_id,
            ticketNumber: r.ticket_number,
          };
        });
      return { unitId: u.id, label: `${u.brand} ${u.model}`.trim(), serial: u.serial, checklist: list && { ...list, items }, findings };
    }),
  };
}

/**
 * Records what the visit found (replacing what was recorded before, keeping the tickets already
 * opened from it), and with `finish` closes it as done. Refuses a closed visit, a unit the visit
 * does not cover, an item its checklist does not have, and times that do not add up.
 */
export async function recordVisit(ctx: ServiceContext, input: z.output<typeof visitRecordInput>): Promise<VisitInspection> {
  await ctx.db.transaction().execute(async (trx) => {
    const visit = await visitRow(trx, input.id);
    if (visit.status !== 'due') throw refusal('CONFLICT', 'maintenance.errors.visitClosed', { number: visit.number });
    const now = ctx.now().getTime();
    if ((input.arrivedAt ?? 0) > now || (input.leftAt ?? 0) > now) throw refuse('validation.momentInFuture', {}, input.leftAt && input.leftAt > now ? 'leftAt' : 'arrivedAt');
    if (input.arrivedAt !== null && input.leftAt !== null && input.leftAt < input.arrivedAt) throw refuse('maintenance.errors.leftBeforeArrived', {}, 'leftAt');
    if (input.technicianId !== null) {
      const tech = await trx.selectFrom('technicians').select('id').where('id', '=', input.technicianId).executeTakeFirst();
      if (!tech) throw refuse('maintenance.errors.technicianMissing', {}, 'technicianId');
    }
    const covered = await visitUnits(trx, visit);
    const lists = await unitChecklists(trx, visit.id, covered.map((u) => u.id));
    const kind = visit.kind as VisitKind;
    for (const [u, unit] of input.units.entries()) {
      if (!covered.some((c) => c.id === unit.unitId)) throw refuse('maintenance.errors.unitNotInVisit', {}, `units.${u}.unitId`);
      const list = lists.get(unit.unitId) ?? null;
      if (!list) throw refuse('maintenance.errors.noChecklist', {}, `units.${u}.unitId`);
      const items = itemsFor(list.items, kind);
      const tickets = new Map(
        (await trx.selectFrom('visit_results').select(['item_key', 'ticket_id']).where('visit_id', '=', visit.id).where('unit_id', '=', unit.unitId).execute()).map((r) => [r.item_key, r.ticket_id]),
      );
      await trx.deleteFrom('visit_results').where('visit_id', '=', visit.id).where('unit_id', '=', unit.unitId).execute();
      for (const [i, result] of unit.items.entries()) {
        const item = items.find((it) => it.key === result.key);
        if (!item) throw refuse('maintenance.errors.itemUnknown', { key: result.key }, `units.${u}.items.${i}.key`);
        if (item.answer !== 'reading' && result.reading !== null) throw refuse('maintenance.errors.readingNotAsked', {}, `units.${u}.items.${i}.reading`);
        await trx
          .insertInto('visit_results')
          .values({
            visit_id: visit.id,
            unit_id: unit.unitId,
            checklist_version_id: list.versionId,
            item_key: item.key,
            answer: result.answer,
            reading: result.reading,
            text: result.text,
            remark: result.remark,
            needs_repair: needsRepair(item, result) ? 1 : 0,
            ticket_id: tickets.get(item.key) ?? null,
          })
          .execute();
      }
    }
    await trx
      .updateTable('visits')
      .set({
        arrived_at: input.arrivedAt,
        left_at: input.leftAt,
        fixed_on_spot: input.fixedOnSpot,
        advice: input.advice,
        feedback: input.feedback,
        signed_by: input.signedBy,
        ...(input.technicianId !== null ? { technician_id: input.technicianId } : {}),
        ...(input.finish ? { status: 'done', done_at: input.leftAt ?? now } : {}),
        updated_at: now,
      })
      .where('id', '=', visit.id)
      .execute();
  });
  return getInspection(ctx, input.id);
}

/**
 * Opens a repair ticket from a finding that needs one (a fault, a reading out of range): for the
 * unit, as found on the inspection, linked to the visit; the finding then points at it. One
 * ticket per finding.
 */
export async function openFindingTicket(ctx: ServiceContext, input: z.output<typeof visitFindingInput>): Promise<TicketDetail> {
  const visit = await visitRow(ctx.db, input.id);
  const finding = await ctx.db
    .selectFrom('visit_results as r')
    .innerJoin('checklist_versions as v', 'v.id', 'r.checklist_version_id')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select(['r.answer', 'r.reading', 'r.remark', 'r.needs_repair', 'r.ticket_id', 'v.items', 'u.customer_id'])
    .where('r.visit_id', '=', input.id)
    .where('r.unit_id', '=', input.unitId)
    .where('r.item_key', '=', input.key)
    .executeTakeFirst();
  if (!finding) throw notFound('maintenance.errors.findingMissing', { key: input.key });
  if (finding.needs_repair !== 1) throw refuse('maintenance.errors.findingFine', {});
  if (finding.ticket_id !== null) throw refusal('CONFLICT', 'maintenance.errors.findingHasTicket', {});
  const item = (JSON.parse(finding.items) as ChecklistItem[]).find((i) => i.key === input.key)!;
  const { language } = await getSettings(ctx);
  const t = translator(language);
  const found = finding.reading !== null ? `${finding.reading}${item.unit ? ` ${item.unit}` : ''}` : t(`maintenance.inspection.answer.${finding.answer ?? 'fault'}`);
  const fault = t('maintenance.inspection.ticketFault', { number: visit.number, item: item.text, found, standard: item.standard, remark: finding.remark ?? '' }).trim();
  return createTicket(
    ctx,
    {
      source: 'inspection',
      customerId: finding.customer_id,
      unitId: input.unitId,
      unregisteredUnit: null,
      faultReported: fault.slice(0, 2000),
      faultCategory: 'other',
      severity: 'ordinary',
      contactName: null,
      contactPhone: null,
      siteAddress: null,
      serviceLevelId: null,
      reportedAt: null,
      intakeAccessories: null,
      intakeCondition: null,
      expectedOn: null,
      parts: [],
    },
    {
      within: async (trx, ticketId) => {
        await trx.updateTable('tickets').set({ visit_id: input.id }).where('id', '=', ticketId).execute();
        const linked = await trx
          .updateTable('visit_results')
          .set({ ticket_id: ticketId })
          .where('visit_id', '=', input.id)
          .where('unit_id', '=', input.unitId)
          .where('item_key', '=', input.key)
          .where('ticket_id', 'is', null)
          .executeTakeFirst();
        // Two clicks at once: the second finds the finding taken and its ticket is not written.
        if (Number(linked.numUpdatedRows) !== 1) throw refusal('CONFLICT', 'maintenance.errors.findingHasTicket', {});
      },
    },
  );
}
