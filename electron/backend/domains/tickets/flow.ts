import type { z } from 'zod';
import { localDay, localTime, localMoment } from '../../../../shared/domain/dates';
import { deadline, targetsFor } from '../../../../shared/domain/sla';
import { logPhoneSolution } from '../calls/log';
import { canMove, isPhoneSolution, needsFor, type Severity, type TicketStatus } from '../../../../shared/domain/ticket-status';
import type { Region } from '../../../../shared/schemas/customer';
import type {
  TicketDetail,
  sanbaoPathInput,
  ticketAppointInput,
  ticketAssignInput,
  ticketTransitionInput,
  ticketWorkInput,
  warrantyOverrideInput,
} from '../../../../shared/schemas/ticket';
import type { Db } from '../../db/schema';
import type { ServiceContext } from '../../app/context';
import { loadCalendar } from '../service-desk/calendar';
import { getSettings } from '../admin/settings';
import { addEvent, assertEditable, eventTime, inTicketTransaction, ticketRow, type TicketRowDb } from './common';
import { settleFittedDays } from './fitting';
import { getTicket, serviceLevelTerms, type StoredOverride } from './tickets';
import { refuse } from '../../lib/errors';
import { assertNotWaiting, scheduleAfterCompletion } from '../review/approval';

/**
 * Moves the ticket and stamps the move; the checks of what a move needs are the caller's. `at` is
 * when the move happened, `entered` when the desk recorded it (later when a time was typed).
 */
async function move(trx: Db, row: TicketRowDb, to: TicketStatus, at: number, who: string, data: Record<string, unknown> | null = null, entered = at): Promise<void> {
  if (!canMove(row.status as TicketStatus, to)) throw refuse('ticketing.errors.transition', { from: row.status, to });
  await trx.updateTable('tickets').set({ status: to }).where('id', '=', row.id).execute();
  await addEvent(trx, row.id, { at, enteredAt: entered, who, kind: 'status', from: row.status as TicketStatus, to, data });
  row.status = to;
}

/** The unit's status as of `at` (its history says when), changed on the record at `entered`. */
async function setUnitStatus(trx: Db, unitId: number | null, status: string, at: number, note: string, entered = at): Promise<void> {
  if (unitId === null) return;
  const unit = await trx.selectFrom('units').select('status').where('id', '=', unitId).executeTakeFirstOrThrow();
  if (unit.status === status) return;
  await trx.updateTable('units').set({ status, updated_at: entered }).where('id', '=', unitId).execute();
  await trx.insertInto('unit_status_history').values({ unit_id: unitId, status, changed_at: at, note }).execute();
}

export async function transitionTicket(ctx: ServiceContext, input: z.output<typeof ticketTransitionInput>): Promise<TicketDetail> {
  const calendar = await loadCalendar(ctx);
  const { service } = await getSettings(ctx);
  await inTicketTransaction(ctx, async (trx, now, who) => {
    const row = await ticketRow(trx, input.id);
    const from = row.status as TicketStatus;
    const to = input.to;
    if (!canMove(from, to)) throw refuse('ticketing.errors.transition', { from, to });
    // A PC clock set back must not freeze a ticket: a move is entered no earlier than the
    // ticket's own last entry. A time the clerk types is checked against the clock as it is.
    const entered = Math.max(now, row.updated_at);
    const at = eventTime(row, to, input.at, entered, now);
    for (const need of needsFor(from, to)) {
      if (need === 'cancelReason' && !input.note) throw refuse('ticketing.errors.cancelReason', {}, 'note');
      if (need === 'closeNote' && !input.note) throw refuse('ticketing.errors.closeNote', {}, 'note');
      if (need === 'actionRecorded' && !row.action) throw refuse('ticketing.errors.noAction');
      if (need === 'phoneAdvice' && !input.note) throw refuse('calls.errors.adviceNeeded', {}, 'note');
      if (need === 'appointment' && !row.appointment_date) throw refuse('ticketing.errors.noAppointment');
      if (need === 'technician') {
        const assigned = await trx.selectFrom('ticket_technicians').select('technician_id').where('ticket_id', '=', row.id).executeTakeFirst();
        if (!assigned) throw refuse('ticketing.errors.noTechnician');
      }
    }
    // A ticket waiting for its supervisor is not closed behind the supervisor's back.
    if (to === 'closed') await assertNotWaiting(trx, row.id, 'close');
    if (to === 'calledBack') {
      const reached = await trx.selectFrom('callbacks').select('id').where('ticket_id', '=', row.id).where('reached', '=', 1).executeTakeFirst();
      if (!reached) throw refuse('ticketing.errors.callbackNoneDue');
    }
    const stamps: Partial<Record<'answered_at' | 'arrived_at' | 'resolved_at' | 'closed_at' | 'cancelled_at' | 'fix_due', number>> & { cancel_reason?: string | null } = {};
    if (to === 'answered' && row.answered_at === null) stamps.answered_at = at;
    if (to === 'onSite' && row.arrived_at === null) {
      stamps.arrived_at = at;
      // The fix clock starts when the technician arrives.
      const level = await serviceLevelTerms(trx, row.service_level_id);
      stamps.fix_due = deadline(at, targetsFor(level.terms, row.region as Region, row.severity as Severity, row.reported_at, calendar).fix, calendar);
    }
    if (to === 'resolved') stamps.resolved_at = at;
    // Solved on the phone: the advice given is the work done, and no visit is counted.
    const byPhone = isPhoneSolution(from, to);
    if (byPhone) {
      await trx.updateTable('tickets').set({ action: input.note, solved_by_phone: 1 }).where('id', '=', row.id).execute();
      // The call it was solved on is logged with it: the week's summary counts it.
      await logPhoneSolution(trx, row, at, who, input.note!);
    }
    if (to === 'closed') stamps.closed_at = at;
    if (to === 'cancelled') {
      stamps.cancelled_at = at;
      stamps.cancel_reason = input.note;
    }
    if (Object.keys(stamps).length > 0) await trx.updateTable('tickets').set(stamps).where('id', '=', row.id).execute();
    await move(trx, row, to, at, who, input.note ? { note: input.note, ...(byPhone ? { byPhone } : {}) } : null, entered);

    if (to === 'atWorkshop') await setUnitStatus(trx, row.unit_id, 'atWorkshop', at, row.number, entered);
    if ((to === 'resolved' || to === 'cancelled') && (from === 'atWorkshop' || from === 'waitingParts')) {
      const unit = row.unit_id === null ? null : await trx.selectFrom('units').select('status').where('id', '=', row.unit_id).executeTakeFirst();
      if (unit?.status === 'atWorkshop') await setUnitStatus(trx, row.unit_id, 'inService', at, row.number, entered);
    }
    if (to === 'resolved') {
      await settleFittedDays(trx, row.id, at);
      // Resolving schedules the callback the seeds promise (3 days later by default), or, with
      // the supervisor's check on, the wait for the approval the callback then runs from.
      await scheduleAfterCompletion(trx, row.id, at, service.callbackDays);
    }
  });
  return getTicket(ctx, input.id);
}

export async function assignTicket(ctx: ServiceContext, input: z.output<typeof ticketAssignInput>): Promise<TicketDetail> {
  await inTicketTransaction(ctx, async (trx, at, who) => {
    const row = await ticketRow(trx, input.id);
    assertEditable(row);
    const ids = [...new Set(input.technicianIds)];
    if (input.leadId !== null && !ids.includes(input.leadId)) throw refuse('ticketing.errors.leadNotAssigned', {}, 'leadId');
    const current = await trx.selectFrom('ticket_technicians').select('technician_id').where('ticket_id', '=', row.id).execute();
    const already = new Set(current.map((c) => c.technician_id));
    const people = ids.length === 0 ? [] : await trx.selectFrom('technicians').select(['id', 'name', 'active']).where('id', 'in', ids).execute();
    for (const techId of ids) {
      const person = people.find((p) => p.id === techId);
      if (!person) throw refuse('ticketing.errors.technicianMissing', { id: techId }, 'technicianIds');
      // Someone stopped since being assigned may stay on the ticket; nobody inactive is newly sent.
      if (person.active !== 1 && !already.has(techId)) throw refuse('ticketing.errors.technicianInactive', { name: person.name }, 'technicianIds');
    }
    await trx.deleteFrom('ticket_technicians').where('ticket_id', '=', row.id).execute();
    const lead = input.leadId ?? ids[0] ?? null;
    for (const techId of ids) {
      await trx.insertInto('ticket_technicians').values({ ticket_id: row.id, technician_id: techId, lead: techId === lead ? 1 : 0, reported_at: row.reported_at }).execute();
    }
    const names = ids.map((i) => people.find((p) => p.id === i)?.name ?? '').join('、');
    await addEvent(trx, row.id, { at, who, kind: 'assigned', data: { names, technicianIds: ids, leadId: lead } });
  });
  return getTicket(ctx, input.id);
}

export async function appointTicket(ctx: ServiceContext, input: z.output<typeof ticketAppointInput>): Promise<TicketDetail> {
  const calendar = await loadCalendar(ctx);
  await inTicketTransaction(ctx, async (trx, at, who) => {
    const row = await ticketRow(trx, input.id);
    assertEditable(row);
    if (localMoment(input.date, input.to) <= row.reported_at) {
      const text = `${localDay(row.reported_at)} ${localTime(row.reported_at)}`;
      throw refuse('ticketing.errors.appointmentBeforeReport', { reported: text }, 'date');
    }
    // A visit the customer asks for later than the promise moves the promise to the end of their
    // window; an earlier one leaves the service level's deadline as it was.
    const dues: { arrival_due?: number; fix_due?: number } = {};
    if (row.arrived_at === null) {
      const level = await serviceLevelTerms(trx, row.service_level_id);
      const targets = targetsFor(level.terms, row.region as Region, row.severity as Severity, row.reported_at, calendar);
      const promised = deadline(row.reported_at, targets.arrival, calendar);
      dues.arrival_due = Math.max(promised, localMoment(input.date, input.to));
      dues.fix_due = deadline(dues.arrival_due, targets.fix, calendar);
    }
    await trx
      .updateTable('tickets')
      .set({ appointment_date: input.date, appointment_from: input.from, appointment_to: input.to, ...dues })
      .where('id', '=', row.id)
      .execute();
    await addEvent(trx, row.id, { at, who, kind: 'appointment', data: { date: input.date, from: input.from, to: input.to, arrivalDue: dues.arrival_due ?? null } });
    // Agreeing a time with the customer is answering them; a moved visit goes back to scheduled.
    if (row.status === 'new') {
      await trx.updateTable('tickets').set({ answered_at: row.answered_at ?? at }).where('id', '=', row.id).execute();
      await move(trx, row, 'answered', at, who);
    }
    if (row.status === 'answered' || row.status === 'dispatched') await move(trx, row, 'scheduled', at, who);
  });
  return getTicket(ctx, input.id);
}

export async function recordWork(ctx: ServiceContext, input: z.output<typeof ticketWorkInput>): Promise<TicketDetail> {
  await inTicketTransaction(ctx, async (trx, at, who) => {
    const row = await ticketRow(trx, input.id);
    assertEditable(row);
    if (row.status === 'new' || row.status === 'answered' || row.status === 'scheduled') throw refuse('ticketing.errors.workOnOpenOnly');
    await trx
      .updateTable('tickets')
      .set({ diagnosis: input.diagnosis, cause: input.cause, action: input.action, on_site_minutes: input.onSiteMinutes, unfixed_downtime: input.unfixedDowntime ? 1 : 0 })
      .where('id', '=', row.id)
      .execute();
    await addEvent(trx, row.id, { at, who, kind: 'work', data: { action: input.action, unfixedDowntime: input.unfixedDowntime } });
  });
  return getTicket(ctx, input.id);
}

/** The desk overrules the engine only with a reason, and the before and after are kept. */
export async function overrideWarranty(ctx: ServiceContext, input: z.output<typeof warrantyOverrideInput>): Promise<TicketDetail> {
  await inTicketTransaction(ctx, async (trx, at, who) => {
    const row = await ticketRow(trx, input.id);
    assertEditable(row);
    const before = row.warranty_in === 1;
    const override: StoredOverride = { inWarranty: input.inWarranty, exclusionReason: input.exclusionReason, note: input.note, who, at };
    await trx
      .updateTable('tickets')
      .set({ warranty_in: input.inWarranty ? 1 : 0, warranty_override: JSON.stringify(override) })
      .where('id', '=', row.id)
      .execute();
    // Parts fitted so far follow the decision in force.
    await trx.updateTable('ticket_parts').set({ in_warranty: input.inWarranty ? 1 : 0 }).where('ticket_id', '=', row.id).execute();
    await addEvent(trx, row.id, {
      at,
      who,
      kind: 'warrantyOverride',
      data: { before, after: input.inWarranty, exclusionReason: input.exclusionReason, note: input.note },
    });
  });
  return getTicket(ctx, input.id);
}

export async function chooseSanbaoPath(ctx: ServiceContext, input: z.output<typeof sanbaoPathInput>): Promise<TicketDetail> {
  const current = await getTicket(ctx, input.id);
  if (current.sanbao.length === 0) throw refuse('ticketing.errors.noSanbao');
  await inTicketTransaction(ctx, async (trx, at, who) => {
    const row = await ticketRow(trx, input.id);
    assertEditable(row);
    await trx.updateTable('tickets').set({ sanbao_path: JSON.stringify({ path: input.path, note: input.note, who, at }) }).where('id', '=', row.id).execute();
    await addEvent(trx, row.id, { at, who, kind: 'sanbaoPath', data: { path: input.path, note: input.note, signals: current.sanbao.map((s) => s.kind) } });
    if (input.path === 'replace' || input.path === 'exchange') await setUnitStatus(trx, row.unit_id, 'replaced', at, row.number);
    if (input.path === 'refund') await setUnitStatus(trx, row.unit_id, 'returned', at, row.number);
  });
  return getTicket(ctx, input.id);
}

export { move };
