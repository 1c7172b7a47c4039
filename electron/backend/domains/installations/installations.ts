import type { z } from 'zod';
import { addDays, todayIso } from '../../../../shared/domain/dates';
import type { SearchHit } from '../../../../shared/schemas/search';
import type {
  Installation,
  InstallationStatus,
  InstallationSummary,
  TrialResult,
  installationAcceptInput,
  installationCreateInput,
  installationListInput,
  installationNoticeInput,
  installationTrialInput,
  installationUpdateInput,
} from '../../../../shared/schemas/installation';
import type { ServiceContext } from '../../app/context';
import { currentOperator } from '../../app/request-context';
import type { Db } from '../../db/schema';
import { notFound, refuse } from '../../lib/errors';
import { takeNumber } from '../../lib/sequences';
import { getSettings } from '../admin/settings';

/*
 * Installation jobs (安装): one or many units of one customer at one site, the appointment, the
 * notice to the customer, the technicians, the trial run (试运转) and acceptance (验收). Acceptance
 * is the step that starts the units' warranty: every unit's acceptance date is set in the same
 * transaction as the job's, so no unit is left with a warranty start of its own.
 */

function missing(id: number) {
  return notFound('installations.errors.missing', { id });
}

function selectInstallations(db: Db) {
  return db
    .selectFrom('installations as i')
    .innerJoin('customers as c', 'c.id', 'i.customer_id')
    .selectAll('i')
    .select(['c.name as customer_name', (eb) => eb.selectFrom('installation_units as iu').select((e) => e.fn.countAll<number>().as('n')).whereRef('iu.installation_id', '=', 'i.id').as('unit_count')]);
}
type Row = Awaited<ReturnType<ReturnType<typeof selectInstallations>['executeTakeFirstOrThrow']>>;

function toSummary(r: Row, noticeDays: number): InstallationSummary {
  return {
    id: r.id,
    number: r.number,
    customerId: r.customer_id,
    customerName: r.customer_name,
    siteAddress: r.site_address,
    appointmentOn: r.appointment_on,
    noticeDueOn: addDays(r.appointment_on, -noticeDays),
    noticeSentOn: r.notice_sent_on,
    status: r.status as InstallationStatus,
    unitCount: Number(r.unit_count ?? 0),
    acceptedOn: r.accepted_on,
  };
}

/** The installation job with this number, as the search box shows it (a number read off its notice or certificate). */
export async function findInstallationByNumber(db: Db, number: string): Promise<Extract<SearchHit, { kind: 'installation' }>[]> {
  const rows = await selectInstallations(db).where('i.number', '=', number).execute();
  return rows.map((r) => ({
    kind: 'installation',
    id: r.id,
    number: r.number,
    status: r.status as InstallationStatus,
    appointmentOn: r.appointment_on,
    customerName: r.customer_name,
    unitCount: Number(r.unit_count ?? 0),
  }));
}

export async function getInstallation(ctx: ServiceContext, id: number, db: Db = ctx.db): Promise<Installation> {
  const row = await selectInstallations(db).where('i.id', '=', id).executeTakeFirst();
  if (!row) throw missing(id);
  const noticeDays = (await getSettings(ctx, db)).installation.noticeDays;
  const [units, technicians] = await Promise.all([
    db
      .selectFrom('installation_units as iu')
      .innerJoin('units as u', 'u.id', 'iu.unit_id')
      .innerJoin('product_models as m', 'm.id', 'u.model_id')
      .select(['u.id', 'm.brand', 'm.model', 'u.serial', 'u.site_address', 'u.acceptance_date'])
      .where('iu.installation_id', '=', id)
      .orderBy('iu.position')
      .execute(),
    db
      .selectFrom('installation_technicians as it')
      .innerJoin('technicians as t', 't.id', 'it.technician_id')
      .select(['t.id', 't.name'])
      .where('it.installation_id', '=', id)
      .orderBy('t.name')
      .execute(),
  ]);
  return {
    ...toSummary(row, noticeDays),
    workDone: row.work_done,
    note: row.note,
    trialStartsOn: row.trial_starts_on,
    trialEndsOn: row.trial_ends_on,
    trialResult: row.trial_result as TrialResult | null,
    trialNote: row.trial_note,
    acceptedBy: row.accepted_by,
    recordedBy: row.recorded_by,
    units: units.map((u) => ({ id: u.id, brand: u.brand, model: u.model, serial: u.serial, siteAddress: u.site_address, acceptanceDate: u.acceptance_date })),
    technicians,
  };
}

export async function listInstallations(ctx: ServiceContext, input: z.output<typeof installationListInput>): Promise<InstallationSummary[]> {
  const noticeDays = (await getSettings(ctx)).installation.noticeDays;
  const rows = await selectInstallations(ctx.db)
    .$if(input.customerId !== null, (q) => q.where('i.customer_id', '=', input.customerId!))
    .$if(input.status !== 'all', (q) => q.where('i.status', '=', input.status))
    .orderBy('i.appointment_on', 'desc')
    .orderBy('i.id', 'desc')
    .limit(input.limit)
    .execute();
  return rows.map((r) => toSummary(r, noticeDays));
}

/** Installations still planned whose notice to the customer is due today or overdue, and not yet given. */
export async function noticesDue(ctx: ServiceContext): Promise<InstallationSummary[]> {
  const noticeDays = (await getSettings(ctx)).installation.noticeDays;
  const today = todayIso(ctx.now());
  const rows = await selectInstallations(ctx.db)
    .where('i.status', '=', 'planned')
    .where('i.notice_sent_on', 'is', null)
    .where('i.appointment_on', '<=', addDays(today, noticeDays))
    .orderBy('i.appointment_on')
    .limit(200)
    .execute();
  return rows.map((r) => toSummary(r, noticeDays));
}

/**
 * The units a job installs: all the customer's, none accepted yet, none in another job. Refused
 * with the first unit that is not, by its serial, so the desk knows which one to take out.
 */
async function checkUnits(db: Db, customerId: number, unitIds: readonly number[], installationId: number | null): Promise<void> {
  const unique = [...new Set(unitIds)];
  const units = await db
    .selectFrom('units as u')
    .leftJoin('installation_units as iu', 'iu.unit_id', 'u.id')
    .leftJoin('installations as i', 'i.id', 'iu.installation_id')
    .select(['u.id', 'u.serial', 'u.customer_id', 'u.acceptance_date', 'iu.installation_id', 'i.number as installation_number', 'i.status as installation_status'])
    .where('u.id', 'in', unique)
    .execute();
  const found = new Map(units.map((u) => [u.id, u]));
  for (const id of unique) {
    const unit = found.get(id);
    if (!unit) throw notFound('errors.unitNotFound', { id }, 'unitIds');
    if (unit.customer_id !== customerId) throw refuse('installations.errors.unitNotCustomers', { serial: unit.serial }, 'unitIds');
    if (unit.acceptance_date !== null) throw refuse('installations.errors.unitAccepted', { serial: unit.serial, date: unit.acceptance_date }, 'unitIds');
    if (unit.installation_id !== null && unit.installation_id !== installationId && unit.installation_status !== 'cancelled')
      throw refuse('installations.errors.unitInOtherJob', { serial: unit.serial, number: unit.installation_number ?? '' }, 'unitIds');
  }
}

async function checkTechnicians(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await db.selectFrom('technicians').select('id').where('id', 'in', [...ids]).execute();
  if (found.length !== new Set(ids).size) throw notFound('installations.errors.technicianMissing', {}, 'technicianIds');
}

async function setTechnicians(db: Db, installationId: number, ids: readonly number[]): Promise<void> {
  await db.deleteFrom('installation_technicians').where('installation_id', '=', installationId).execute();
  const unique = [...new Set(ids)];
  if (unique.length > 0) await db.insertInto('installation_technicians').values(unique.map((technician_id) => ({ installation_id: installationId, technician_id }))).execute();
}

export async function createInstallation(ctx: ServiceContext, input: z.output<typeof installationCreateInput>): Promise<Installation> {
  const now = ctx.now();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const customer = await trx.selectFrom('customers').select('id').where('id', '=', input.customerId).executeTakeFirst();
    if (!customer) throw notFound('errors.customerNotFound', { id: input.customerId }, 'customerId');
    // No site typed: the customer's default address, as their papers print it.
    const address = await trx.selectFrom('customer_addresses').select('address').where('customer_id', '=', input.customerId).orderBy('is_default', 'desc').orderBy('position').executeTakeFirst();
    await checkUnits(trx, input.customerId, input.unitIds, null);
    await checkTechnicians(trx, input.technicianIds);
    // A unit in a cancelled job may be installed again: its old line goes.
    await trx.deleteFrom('installation_units').where('unit_id', 'in', input.unitIds).execute();
    const number = await takeNumber(trx, 'installation', 'AZ', now.getFullYear());
    const row = await trx
      .insertInto('installations')
      .values({
        number,
        customer_id: input.customerId,
        site_address: input.siteAddress ?? address?.address ?? null,
        appointment_on: input.appointmentOn,
        work_done: input.workDone,
        note: input.note,
        created_at: now.getTime(),
        updated_at: now.getTime(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('installation_units')
      .values([...new Set(input.unitIds)].map((unit_id, position) => ({ installation_id: row.id, unit_id, position })))
      .execute();
    await setTechnicians(trx, row.id, input.technicianIds);
    return row.id;
  });
  return getInstallation(ctx, id);
}

/** A job still planned: an accepted or cancelled one is a record, not work to change. */
async function plannedRow(db: Db, id: number) {
  const row = await db.selectFrom('installations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw missing(id);
  if (row.status === 'accepted') throw refuse('installations.errors.alreadyAccepted', { number: row.number, date: row.accepted_on ?? '' });
  if (row.status === 'cancelled') throw refuse('installations.errors.cancelled', { number: row.number });
  return row;
}

export async function updateInstallation(ctx: ServiceContext, input: z.output<typeof installationUpdateInput>): Promise<Installation> {
  await ctx.db.transaction().execute(async (trx) => {
    await plannedRow(trx, input.id);
    await checkTechnicians(trx, input.technicianIds);
    await trx
      .updateTable('installations')
      .set({ site_address: input.siteAddress, appointment_on: input.appointmentOn, work_done: input.workDone, note: input.note, updated_at: ctx.now().getTime() })
      .where('id', '=', input.id)
      .execute();
    await setTechnicians(trx, input.id, input.technicianIds);
  });
  return getInstallation(ctx, input.id);
}

export async function recordNotice(ctx: ServiceContext, input: z.output<typeof installationNoticeInput>): Promise<Installation> {
  const today = todayIso(ctx.now());
  const sentOn = input.sentOn ?? today;
  if (sentOn > today) throw refuse('installations.errors.dateInFuture', { date: sentOn }, 'sentOn');
  await ctx.db.transaction().execute(async (trx) => {
    await plannedRow(trx, input.id);
    await trx.updateTable('installations').set({ notice_sent_on: sentOn, updated_at: ctx.now().getTime() }).where('id', '=', input.id).execute();
  });
  return getInstallation(ctx, input.id);
}

export async function recordTrial(ctx: ServiceContext, input: z.output<typeof installationTrialInput>): Promise<Installation> {
  // The schema refuses an end before the start already; checked here too for callers past it.
  if (input.endsOn !== null && input.endsOn < input.startsOn) throw refuse('installations.errors.trialEndsBeforeStart', {}, 'endsOn');
  if (input.result !== null && input.endsOn === null) throw refuse('installations.errors.trialResultWithoutEnd', {}, 'endsOn');
  const today = todayIso(ctx.now());
  if (input.endsOn !== null && input.endsOn > today && input.result !== null) throw refuse('installations.errors.dateInFuture', { date: input.endsOn }, 'endsOn');
  await ctx.db.transaction().execute(async (trx) => {
    const row = await plannedRow(trx, input.id);
    if (input.startsOn < row.appointment_on) throw refuse('installations.errors.trialBeforeAppointment', { date: row.appointment_on }, 'startsOn');
    await trx
      .updateTable('installations')
      .set({ trial_starts_on: input.startsOn, trial_ends_on: input.endsOn, trial_result: input.result, trial_note: input.note, updated_at: ctx.now().getTime() })
      .where('id', '=', input.id)
      .execute();
  });
  return getInstallation(ctx, input.id);
}

/**
 * Acceptance (验收合格): who signed and when, and every unit's acceptance date (so its warranty
 * start, for policies counted from acceptance) with it, in one transaction. Refused for a day
 * still to come, before the trial run ended, after a failed trial, or when a unit was accepted
 * meanwhile or has changed hands.
 */
export async function acceptInstallation(ctx: ServiceContext, input: z.output<typeof installationAcceptInput>): Promise<Installation> {
  const now = ctx.now();
  const today = todayIso(now);
  if (input.acceptedOn > today) throw refuse('installations.errors.acceptedInFuture', { date: input.acceptedOn }, 'acceptedOn');
  await ctx.db.transaction().execute(async (trx) => {
    const row = await plannedRow(trx, input.id);
    if (input.acceptedOn < row.appointment_on) throw refuse('installations.errors.acceptedBeforeAppointment', { date: row.appointment_on }, 'acceptedOn');
    if (row.trial_result === 'failed') throw refuse('installations.errors.trialFailed', { number: row.number });
    if (row.trial_starts_on !== null && row.trial_ends_on === null) throw refuse('installations.errors.trialRunning', { date: row.trial_starts_on });
    if (row.trial_ends_on !== null && input.acceptedOn < row.trial_ends_on) throw refuse('installations.errors.acceptedBeforeTrialEnd', { date: row.trial_ends_on }, 'acceptedOn');
    const unitIds = (await trx.selectFrom('installation_units').select('unit_id').where('installation_id', '=', row.id).execute()).map((u) => u.unit_id);
    await checkUnits(trx, row.customer_id, unitIds, row.id);
    await trx
      .updateTable('installations')
      .set({ status: 'accepted', accepted_on: input.acceptedOn, accepted_by: input.acceptedBy, recorded_by: currentOperator(), updated_at: now.getTime() })
      .where('id', '=', row.id)
      .execute();
    // The unit's installation day is the appointment unless the desk had typed one already.
    for (const unitId of unitIds) {
      const unit = await trx.selectFrom('units').select(['serial', 'install_date', 'purchase_date']).where('id', '=', unitId).executeTakeFirstOrThrow();
      // The unit's own dates hold as on its page: acceptance is never before purchase or installation.
      const before = [unit.purchase_date, unit.install_date].find((d) => d !== null && d > input.acceptedOn);
      if (before) throw refuse('installations.errors.acceptedBeforeUnitDate', { serial: unit.serial, date: before }, 'acceptedOn');
      await trx
        .updateTable('units')
        .set({ acceptance_date: input.acceptedOn, install_date: unit.install_date ?? row.appointment_on, updated_at: now.getTime() })
        .where('id', '=', unitId)
        .execute();
    }
  });
  return getInstallation(ctx, input.id);
}

export async function cancelInstallation(ctx: ServiceContext, id: number): Promise<Installation> {
  await ctx.db.transaction().execute(async (trx) => {
    await plannedRow(trx, id);
    await trx.updateTable('installations').set({ status: 'cancelled', updated_at: ctx.now().getTime() }).where('id', '=', id).execute();
  });
  return getInstallation(ctx, id);
}
