import type { z } from 'zod';
import { computeCharges, type PaymentMethod } from '../../../../shared/domain/charges';
import { deadlineViews, targetsFor, ticketDeadlines, type ServiceLevelTerms } from '../../../../shared/domain/sla';
import { TRANSITIONS, type TicketStatus } from '../../../../shared/domain/ticket-status';
import { fittedPartCover } from '../../../../shared/domain/warranty-engine';
import type { Explanation, WarrantySummary } from '../../../../shared/domain/warranty-types';
import type { SanbaoPath, TicketDetail, TicketEvent, WarrantyDecision, ticketCreateInput, ticketUpdateInput } from '../../../../shared/schemas/ticket';
import type { Db } from '../../db/schema';
import type { ServiceContext } from '../../app/context';
import { getCustomer } from '../customers/customers';
import { contractLevelFor } from '../maintenance/contracts';
import { getSettings } from '../admin/settings';
import { loadCalendar } from '../service-desk/calendar';
import { logTicketOpened } from '../calls/log';
import { addEvent, inTicketTransaction, ticketRow, assertEditable, type TicketRowDb } from './common';
import { takeNumber } from '../../lib/sequences';
import { fitPart } from './fitting';
import { getUnit, loadUnits } from '../units/units';
import { refuse } from '../../lib/errors';
import { localDay } from '../../../../shared/domain/dates';
import { answersByCallback, ticketReviewOf } from '../review/facts';
import { clockOf, dueOf, OFF_SITE, phoneAware, selectTicketRows, toLoanRecord, toTicketRow, type ListRow } from './rows';

/** Units in these states are gone from the customer: no new repair on them. */
const GONE_UNIT = ['replaced', 'scrapped', 'returned'];

interface StoredWarranty {
  inWarranty: boolean;
  summary: WarrantySummary;
  reasons: Explanation[];
}

export interface StoredOverride {
  inWarranty: boolean;
  exclusionReason: string | null;
  note: string | null;
  who: string;
  at: number;
}

export async function serviceLevelTerms(db: Db, id: number | null): Promise<{ id: number; terms: ServiceLevelTerms }> {
  const row = await db
    .selectFrom('service_levels')
    .select(['id', 'terms'])
    .$if(id === null, (q) => q.where('is_default', '=', 1))
    .$if(id !== null, (q) => q.where('id', '=', id!))
    .executeTakeFirst();
  if (!row) throw refuse('ticketing.errors.serviceLevelMissing', { id: id ?? 0 }, 'serviceLevelId');
  return { id: row.id, terms: JSON.parse(row.terms) as ServiceLevelTerms };
}

/**
 * Records a call as a ticket. `within` runs in the same transaction once the ticket is written
 * (another record that points at it: a visit's finding), so the two stand or fall together.
 */
export async function createTicket(
  ctx: ServiceContext,
  input: z.output<typeof ticketCreateInput>,
  options: { within?: (trx: Db, ticketId: number) => Promise<void> } = {},
): Promise<TicketDetail> {
  const customer = await getCustomer(ctx, input.customerId);
  if (customer.archived) throw refuse('ticketing.errors.customerArchived', {}, 'customerId');
  const now = ctx.now().getTime();
  const reportedAt = input.reportedAt ?? now;
  if (reportedAt > now + 60_000) throw refuse('ticketing.errors.reportedInFuture', {}, 'reportedAt');
  const unit = input.unitId === null ? null : (await loadUnits(ctx, ctx.db, [input.unitId], localDay(reportedAt)))[0] ?? (await getUnit(ctx, input.unitId));
  if (unit && unit.customerId !== customer.id) throw refuse('ticketing.errors.unitNotCustomers', {}, 'unitId');
  if (unit && GONE_UNIT.includes(unit.status)) throw refuse('ticketing.errors.unitGone', { status: unit.status }, 'unitId');

  // A unit under a maintenance contract gets the contract's level unless the desk chose one.
  const contractLevel = input.serviceLevelId === null && unit ? await contractLevelFor(ctx.db, unit.id, localDay(reportedAt)) : null;
  const level = await serviceLevelTerms(ctx.db, input.serviceLevelId ?? contractLevel);
  const { service } = await getSettings(ctx);
  const calendar = await loadCalendar(ctx);
  const targets = targetsFor(level.terms, customer.region, input.severity, reportedAt, calendar);
  const due = ticketDeadlines(targets, level.terms.loaner, { reportedAt, arrivedAt: null }, calendar);
  const whole = unit?.warranty.components[0];
  const warranty: StoredWarranty = unit
    ? { inWarranty: !!whole?.covered, summary: unit.warranty.summary, reasons: unit.warranty.reasons }
    : { inWarranty: false, summary: 'unknown', reasons: [{ key: 'warranty.ticket.unregisteredUnit' }] };

  const id = await inTicketTransaction(ctx, async (trx, at, who) => {
    const number = await takeNumber(trx, 'ticket', 'GD', new Date(at).getFullYear());
    const { id } = await trx
      .insertInto('tickets')
      .values({
        number,
        source: input.source,
        customer_id: customer.id,
        unit_id: unit?.id ?? null,
        unregistered_unit: input.unregisteredUnit ? JSON.stringify(input.unregisteredUnit) : null,
        fault_reported: input.faultReported,
        fault_category: input.faultCategory,
        severity: input.severity,
        contact_name: input.contactName ?? (customer.kind === 'person' ? customer.name : (customer.contacts[0]?.name ?? null)),
        contact_phone: input.contactPhone ?? customer.phone,
        site_address: input.siteAddress ?? unit?.siteAddress ?? customer.address,
        region: customer.region,
        service_level_id: level.id,
        status: 'new',
        reported_at: reportedAt,
        answer_due: due.answerDue,
        arrival_due: due.arrivalDue,
        fix_due: due.fixDue,
        loaner_due: due.loanerDue,
        warranty_engine: JSON.stringify(warranty),
        warranty_in: warranty.inWarranty ? 1 : 0,
        intake_accessories: input.intakeAccessories,
        intake_condition: input.intakeCondition,
        expected_on: input.expectedOn,
        // The company's terms as they stand on the day of the report.
        lifetime_maintenance: service.lifetimeMaintenance ? 1 : 0,
        travel_fen: service.travelFen[customer.region],
        created_by: who,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // A call taken earlier and entered now: the history says both.
    await addEvent(trx, id, { at: input.reportedAt ?? at, enteredAt: at, who, kind: 'created', to: 'new', data: { source: input.source } });
    // Every call is logged (issue 20): a repair reported by phone is one that opened a ticket.
    if (input.source === 'phone') {
      const contact = { contact_name: input.contactName ?? (customer.kind === 'person' ? customer.name : (customer.contacts[0]?.name ?? null)), contact_phone: input.contactPhone ?? customer.phone };
      await logTicketOpened(trx, { id, customer_id: customer.id, unit_id: unit?.id ?? null, ...contact }, reportedAt, who, input.faultReported);
    }
    // Parts handed over at intake leave stock in this same transaction, or the ticket is not created.
    for (const part of input.parts) {
      await fitPart(trx, { ticketId: id, partId: part.partId, quantity: part.quantity, inWarranty: null, componentKey: null }, at, who);
    }
    await options.within?.(trx, id);
    return id;
  });
  return getTicket(ctx, id);
}

export async function updateTicket(ctx: ServiceContext, input: z.output<typeof ticketUpdateInput>): Promise<TicketDetail> {
  await inTicketTransaction(ctx, async (trx, at, who) => {
    const row = await ticketRow(trx, input.id);
    assertEditable(row);
    const given = {
      fault_reported: input.faultReported,
      fault_category: input.faultCategory,
      contact_name: input.contactName,
      contact_phone: input.contactPhone,
      site_address: input.siteAddress,
      intake_accessories: input.intakeAccessories,
      intake_condition: input.intakeCondition,
      expected_on: input.expectedOn,
      bring: input.bring,
    };
    const changes = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Partial<typeof given>;
    const changed = Object.entries(changes)
      .filter(([k, v]) => row[k as keyof TicketRowDb] !== v)
      .map(([k]) => k);
    if (changed.length === 0) return;
    await trx.updateTable('tickets').set(changes).where('id', '=', row.id).execute();
    await addEvent(trx, row.id, { at, who, kind: 'updated', data: { fields: changed } });
  });
  return getTicket(ctx, input.id);
}

export async function getTicket(ctx: ServiceContext, id: number, db: Db = ctx.db): Promise<TicketDetail> {
  const base = (await selectTicketRows(db).where('t.id', '=', id).executeTakeFirst()) as ListRow | undefined;
  if (!base) await ticketRow(db, id); // throws the translated NOT_FOUND
  const row = base as ListRow;
  const [level, technicians, parts, labour, loans, callbacks, complaints, events, unit] = await Promise.all([
    db.selectFrom('service_levels').select(['id', 'name']).where('id', '=', row.service_level_id).executeTakeFirstOrThrow(),
    db
      .selectFrom('ticket_technicians as tt')
      .innerJoin('technicians as x', 'x.id', 'tt.technician_id')
      .select(['x.id', 'x.name', 'x.phone', 'tt.lead'])
      .where('tt.ticket_id', '=', id)
      .orderBy('tt.lead', 'desc')
      .orderBy('x.name')
      .execute(),
    db
      .selectFrom('ticket_parts as tp')
      .innerJoin('parts as p', 'p.id', 'tp.part_id')
      .select(['tp.id', 'tp.part_id', 'p.part_number', 'p.name', 'tp.quantity', 'tp.price_fen', 'tp.cost_fen', 'tp.in_warranty', 'tp.component_key', 'tp.fitted_on', 'tp.fitted_set'])
      .where('tp.ticket_id', '=', id)
      .orderBy('tp.id')
      .execute(),
    db.selectFrom('ticket_labour').selectAll().where('ticket_id', '=', id).orderBy('id').execute(),
    db
      .selectFrom('loans as l')
      .leftJoin('loaners as n', 'n.id', 'l.loaner_id')
      .selectAll('l')
      .select('n.name as loaner_name')
      .where('l.ticket_id', '=', id)
      .orderBy('l.issued_at')
      .execute(),
    db.selectFrom('callbacks').selectAll().where('ticket_id', '=', id).orderBy('due_on').orderBy('id').execute(),
    db.selectFrom('complaints').select('id').where('ticket_id', '=', id).orderBy('id').execute(),
    // In the order the desk entered them: a time typed after the fact must not put a move before the one it followed.
    db.selectFrom('ticket_events').selectAll().where('ticket_id', '=', id).orderBy('id').execute(),
    row.unit_id === null ? Promise.resolve(null) : getUnit(ctx, row.unit_id, db),
  ]);
  const [{ warrantyRules }, calendar, review, answers] = await Promise.all([
    getSettings(ctx, db),
    loadCalendar(ctx, db),
    ticketReviewOf(db, id),
    answersByCallback(db, callbacks.map((c) => c.id)),
  ]);
  const now = ctx.now().getTime();
  const wentOffSite = OFF_SITE.includes(row.status) || events.some((e) => e.to_status !== null && OFF_SITE.includes(e.to_status));
  const deadlines = phoneAware(row, deadlineViews(dueOf(row), clockOf(row, row.loaner_at, wentOffSite), now));
  const inWarranty = row.warranty_in === 1;
  const lifetimeMaintenance = row.lifetime_maintenance === 1;
  const chargeParts = parts.map((p) => ({ quantity: p.quantity, priceFen: p.price_fen, costFen: p.cost_fen, inWarranty: p.in_warranty === 1 }));
  const charges = computeCharges({
    inWarranty,
    lifetimeMaintenance,
    parts: chargeParts,
    labour: labour.map((l) => ({ quantity: l.quantity, amountFen: l.amount_fen })),
    travelFen: row.travel_fen,
    discountFen: row.discount_fen,
  });
  const stored = JSON.parse(row.warranty_engine) as StoredWarranty;
  const override = row.warranty_override ? (JSON.parse(row.warranty_override) as StoredOverride) : null;
  const warranty: WarrantyDecision = {
    engineInWarranty: stored.inWarranty,
    engineSummary: stored.summary,
    reasons: stored.reasons,
    inWarranty,
    override,
  };
  const { technicians: _names, ...listed } = toTicketRow(row, now);
  return {
    ...listed,
    unitId: row.unit_id,
    unregisteredUnit: row.unregistered_unit ? (JSON.parse(row.unregistered_unit) as TicketDetail['unregisteredUnit']) : null,
    unit: unit
      ? { brand: unit.brand, model: unit.model, serial: unit.serial, category: unit.category, siteAddress: unit.siteAddress, purchaseDate: unit.purchaseDate, acceptanceDate: unit.acceptanceDate }
      : null,
    siteAddress: row.site_address,
    serviceLevel: level,
    deadlines,
    answeredAt: row.answered_at,
    arrivedAt: row.arrived_at,
    resolvedAt: row.resolved_at,
    solvedByPhone: row.solved_by_phone === 1,
    closedAt: row.closed_at,
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason,
    warranty,
    sanbao: row.status === 'cancelled' || !unit ? [] : unit.warranty.sanbao,
    sanbaoPath: row.sanbao_path ? (JSON.parse(row.sanbao_path) as { path: SanbaoPath; note: string | null; who: string; at: number }) : null,
    technicians: technicians.map((x) => ({ id: x.id, name: x.name, phone: x.phone, lead: x.lead === 1 })),
    intakeAccessories: row.intake_accessories,
    intakeCondition: row.intake_condition,
    expectedOn: row.expected_on,
    bring: row.bring,
    diagnosis: row.diagnosis,
    cause: row.cause,
    action: row.action,
    onSiteMinutes: row.on_site_minutes,
    unfixedDowntime: row.unfixed_downtime === 1,
    parts: parts.map((p, i) => ({
      id: p.id,
      partId: p.part_id,
      partNumber: p.part_number,
      name: p.name,
      quantity: p.quantity,
      priceFen: p.price_fen,
      costFen: p.cost_fen,
      inWarranty: p.in_warranty === 1,
      componentKey: p.component_key,
      fittedOn: p.fitted_on,
      fittedSet: p.fitted_set === 1,
      chargedUnitFen: charges.parts[i]?.unitFen ?? 0,
      chargedLineFen: charges.parts[i]?.lineFen ?? 0,
      cover: fittedPartCover({ name: p.name, fittedOn: p.fitted_on, paid: charges.parts[i]?.basis !== 'warranty' }, warrantyRules, calendar),
    })),
    labour: labour.map((l) => ({ id: l.id, feeId: l.fee_id, name: l.name, amountFen: l.amount_fen, quantity: l.quantity })),
    lifetimeMaintenance,
    charges,
    discountReason: row.discount_reason,
    paidFen: row.paid_fen,
    paymentMethod: row.payment_method as PaymentMethod | null,
    loans: loans.map(toLoanRecord),
    callbacks: callbacks.map((c) => ({
      id: c.id,
      dueOn: c.due_on,
      doneAt: c.done_at,
      reached: c.reached === null ? null : c.reached === 1,
      satisfaction: c.satisfaction,
      comments: c.comments,
      who: c.who,
      answers: answers.get(c.id) ?? [],
    })),
    review,
    complaintIds: complaints.map((c) => c.id),
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      enteredAt: e.entered_at ?? e.at,
      who: e.who,
      kind: e.kind as TicketEvent['kind'],
      from: e.from_status as TicketStatus | null,
      to: e.to_status as TicketStatus | null,
      data: e.data ? (JSON.parse(e.data) as Record<string, unknown>) : null,
    })),
    next: [...TRANSITIONS[row.status as TicketStatus]],
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export { assertEditable };
