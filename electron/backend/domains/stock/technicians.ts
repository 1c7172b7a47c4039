import { sql } from 'kysely';
import type { z } from 'zod';
import type { Technician, technicianCreateInput, technicianDayInput, technicianListInput, technicianUpdateInput } from '../../../../shared/schemas/resources';
import type { AppointmentRow } from '../../../../shared/schemas/ticket';
import type { TicketStatus } from '../../../../shared/domain/ticket-status';
import { type AppError, notFound } from '../../lib/errors';
import type { Db } from '../../db/schema';
import type { ServiceContext } from '../../app/context';

type TechnicianInput = z.output<typeof technicianCreateInput>;

export function technicianNotFound(id: number): AppError {
  return notFound('stock.errors.technicianNotFound', { id });
}

function selectTechnicians(db: Db) {
  return db
    .selectFrom('technicians as t')
    .select(['t.id', 't.name', 't.phone', 't.skills', 't.certificate_no', 't.active'])
    .select((eb) =>
      eb
        .selectFrom('ticket_technicians as tt')
        .innerJoin('tickets as k', 'k.id', 'tt.ticket_id')
        .whereRef('tt.technician_id', '=', 't.id')
        .where('k.open', '=', 1)
        .select(eb.fn.countAll<number>().as('n'))
        .as('open_tickets'),
    );
}

type TechnicianRow = { id: number; name: string; phone: string; skills: string; certificate_no: string | null; active: number; open_tickets: number | null };

function parseSkills(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

const toTechnician = (r: TechnicianRow): Technician => ({
  id: r.id,
  name: r.name,
  phone: r.phone,
  skills: parseSkills(r.skills),
  certificateNo: r.certificate_no,
  active: r.active === 1,
  openTickets: r.open_tickets ?? 0,
});

export async function getTechnician(ctx: ServiceContext, id: number, db: Db = ctx.db): Promise<Technician> {
  const row = await selectTechnicians(db).where('t.id', '=', id).executeTakeFirst();
  if (!row) throw technicianNotFound(id);
  return toTechnician(row);
}

export async function listTechnicians(ctx: ServiceContext, input: z.output<typeof technicianListInput>): Promise<Technician[]> {
  const rows = await selectTechnicians(ctx.db)
    .$if(!input.includeInactive, (q) => q.where('t.active', '=', 1))
    .orderBy('t.active', 'desc')
    .orderBy('t.name')
    .orderBy('t.id')
    .execute();
  return rows.map(toTechnician);
}

/** The same skill typed twice ("空调", "空调 ") is one skill. */
function columns(input: TechnicianInput) {
  return {
    name: input.name,
    phone: input.phone,
    skills: JSON.stringify([...new Set(input.skills)]),
    certificate_no: input.certificateNo,
    active: input.active ? 1 : 0,
  };
}

export async function createTechnician(ctx: ServiceContext, input: TechnicianInput): Promise<Technician> {
  const now = ctx.now().getTime();
  const { id } = await ctx.db
    .insertInto('technicians')
    .values({ ...columns(input), created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getTechnician(ctx, id);
}

/** Deactivating keeps the person on past tickets; the ticket service refuses new assignments. */
export async function updateTechnician(ctx: ServiceContext, input: z.output<typeof technicianUpdateInput>): Promise<Technician> {
  const { id, ...fields } = input;
  return ctx.db.transaction().execute(async (trx) => {
    await getTechnician(ctx, id, trx);
    await trx
      .updateTable('technicians')
      .set({ ...columns(fields), updated_at: ctx.now().getTime() })
      .where('id', '=', id)
      .execute();
    return getTechnician(ctx, id, trx);
  });
}

/**
 * One day's appointments in time order, for one technician or everyone. A cancelled ticket no
 * longer sends anyone out, so it is left off the day.
 */
export async function technicianDay(ctx: ServiceContext, input: z.output<typeof technicianDayInput>): Promise<AppointmentRow[]> {
  const { technicianId } = input;
  if (technicianId !== null) await getTechnician(ctx, technicianId);
  const rows = await ctx.db
    .selectFrom('tickets as k')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .leftJoin('units as u', 'u.id', 'k.unit_id')
    .select(['k.id', 'k.number', 'k.appointment_date', 'k.appointment_from', 'k.appointment_to', 'k.status', 'c.name as customer_name'])
    .select(sql<string | null>`coalesce(k.site_address, u.site_address)`.as('site_address'))
    .where('k.appointment_date', '=', input.date)
    .where('k.status', '!=', 'cancelled')
    .$if(technicianId !== null, (q) =>
      q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('ticket_technicians as tt')
            .whereRef('tt.ticket_id', '=', 'k.id')
            .where('tt.technician_id', '=', technicianId!)
            .select('tt.ticket_id'),
        ),
      ),
    )
    .orderBy('k.appointment_from')
    .orderBy('k.number')
    .execute();
  if (rows.length === 0) return [];
  const crew = await ctx.db
    .selectFrom('ticket_technicians as tt')
    .innerJoin('technicians as t', 't.id', 'tt.technician_id')
    .select(['tt.ticket_id', 't.name'])
    .where(
      'tt.ticket_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('tt.lead', 'desc')
    .orderBy('t.name')
    .execute();
  return rows.map((r) => ({
    ticketId: r.id,
    ticketNumber: r.number,
    date: r.appointment_date ?? input.date,
    from: r.appointment_from ?? '',
    to: r.appointment_to ?? '',
    customerName: r.customer_name,
    siteAddress: r.site_address,
    technicians: crew.filter((c) => c.ticket_id === r.id).map((c) => c.name),
    status: r.status as TicketStatus,
  }));
}
