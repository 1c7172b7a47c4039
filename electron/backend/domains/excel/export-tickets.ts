import type { Selectable } from 'kysely';
import type { z } from 'zod';
import { computeCharges } from '../../../../shared/domain/charges';
import { translator } from '../../../../shared/i18n';
import type { exportTicketFilter } from '../../../../shared/schemas/excel';
import type { TicketDetail, TicketRow } from '../../../../shared/schemas/ticket';
import type { ServiceContext } from '../../app/context';
import type { TicketsTable } from '../../db/schema';
import { notFound } from '../../lib/errors';
import { getSettings } from '../admin/settings';
import { loadCustomers } from '../customers/customers';
import { loadUnits } from '../units/units';
import { listTickets } from '../tickets/list';
import { getTicket } from '../tickets/tickets';
import { addListSheet, newWorkbook, saveWorkbook, type ColumnKind, type SheetValue } from './sheet-writer';

/*
 * Tickets out: the list as the screen filters it, and one customer's whole history (each
 * ticket with its parts, charges and callbacks) for the customer who asks "what did you do
 * to my machine, and what did I pay?". Money goes out in yuan as numbers, moments as the
 * desk's wall-clock time.
 */

type T = ReturnType<typeof translator>;
type Spec = [key: string, kind: ColumnKind][];
const spec = (text: string): Spec => text.split(' ').map((k) => (k.includes(':') ? (k.split(':') as [string, ColumnKind]) : [k, 'text']));
const yes = (t: T, v: boolean | null) => (v === null ? null : t(v ? 'sheets.yes' : 'sheets.no'));

/** Every ticket the filter on screen matches, a page at a time, as the list shows them. */
async function filteredTickets(ctx: ServiceContext, filter: z.output<typeof exportTicketFilter>): Promise<TicketRow[]> {
  const out: TicketRow[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await listTickets(ctx, { ...filter, limit: 500, offset });
    out.push(...page.rows);
    if (page.rows.length < 500) return out;
  }
}

/**
 * The tickets as one sheet, the same columns for the list and a customer's history: everything
 * the ticket import reads back (the customer's own phone and the unit's serial to find them on
 * file; the moments the deadlines are judged by; the charges as the customer owes and paid them).
 */
export const TICKET_COLUMNS = spec(
  'number reportedAt:moment status severity customer customerPhone contactPhone unit serial region fault technicians inWarranty nextDue:moment source faultCategory diagnosis cause action answeredAt:moment arrivedAt:moment resolvedAt:moment closedAt:moment total:money paid:money',
);

/** What a list row does not carry, read for many tickets at once: their moments, work, charges and the customer's first phone. */
async function ticketFacts(ctx: ServiceContext, ids: number[]) {
  const out = new Map<number, { row: Selectable<TicketsTable>; customerPhone: string | null; serial: string | null; totalFen: number }>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const [rows, parts, labour] = await Promise.all([
      ctx.db
        .selectFrom('tickets as t')
        .leftJoin('units as u', 'u.id', 't.unit_id')
        .selectAll('t')
        .select('u.serial')
        .select((eb) => eb.selectFrom('customer_phones as p').select('p.phone').whereRef('p.customer_id', '=', 't.customer_id').orderBy('p.position').limit(1).as('customer_phone'))
        .where('t.id', 'in', chunk)
        .execute(),
      ctx.db.selectFrom('ticket_parts').select(['ticket_id', 'quantity', 'price_fen', 'cost_fen', 'in_warranty']).where('ticket_id', 'in', chunk).execute(),
      ctx.db.selectFrom('ticket_labour').select(['ticket_id', 'quantity', 'amount_fen']).where('ticket_id', 'in', chunk).execute(),
    ]);
    for (const { serial, customer_phone, ...row } of rows) {
      const charges = computeCharges({
        inWarranty: row.warranty_in === 1,
        lifetimeMaintenance: row.lifetime_maintenance === 1,
        parts: parts.filter((p) => p.ticket_id === row.id).map((p) => ({ quantity: p.quantity, priceFen: p.price_fen, costFen: p.cost_fen, inWarranty: p.in_warranty === 1 })),
        labour: labour.filter((l) => l.ticket_id === row.id).map((l) => ({ quantity: l.quantity, amountFen: l.amount_fen })),
        travelFen: row.travel_fen,
        discountFen: row.discount_fen,
      });
      const unregistered = row.unregistered_unit ? (JSON.parse(row.unregistered_unit) as { serial: string | null }) : null;
      out.set(row.id, { row, customerPhone: customer_phone ?? null, serial: serial ?? unregistered?.serial ?? null, totalFen: charges.totalFen });
    }
  }
  return out;
}

/** The tickets' rows in TICKET_COLUMNS order. */
async function ticketSheetRows(ctx: ServiceContext, tickets: TicketRow[], t: T): Promise<SheetValue[][]> {
  const facts = await ticketFacts(ctx, tickets.map((r) => r.id));
  return tickets.map((r) => {
    const f = facts.get(r.id)!;
    return [
      r.number,
      r.reportedAt,
      t(`ticketing.status.${r.status}`),
      t(`ticketing.severity.${r.severity}`),
      r.customerName,
      f.customerPhone,
      r.contactPhone,
      r.unitLabel,
      f.serial,
      t(`region.${r.region}`),
      r.faultReported,
      r.technicians.join('、'),
      yes(t, r.inWarranty),
      r.nextDeadline?.due ?? null,
      t(`ticketing.source.${r.source}`),
      t(`ticketing.faultCategory.${r.faultCategory}`),
      f.row.diagnosis,
      f.row.cause,
      f.row.action,
      f.row.answered_at,
      f.row.arrived_at,
      f.row.resolved_at,
      f.row.closed_at,
      f.totalFen,
      f.row.paid_fen,
    ];
  });
}

export async function ticketListRows(ctx: ServiceContext, filter: z.output<typeof exportTicketFilter>, t: T): Promise<{ columns: { key: string; kind: ColumnKind }[]; rows: SheetValue[][] }> {
  return { columns: TICKET_COLUMNS.map(([key, kind]) => ({ key, kind })), rows: await ticketSheetRows(ctx, await filteredTickets(ctx, filter), t) };
}

const PARTS = spec('number partNumber name quantity:count fittedOn:date inWarranty unitPrice:money linePrice:money');
const CHARGES = spec('number parts:money labour:money travel:money discount:money total:money paid:money paymentMethod discountReason');
const CALLBACKS = spec('number dueOn:date doneAt:moment reached satisfaction:count comments who');
const UNITS = spec('brand model category serial purchaseDate:date installDate:date siteAddress');

/** One customer's history as a workbook: the customer and units, tickets, parts, charges, callbacks. */
export async function exportCustomerHistory(ctx: ServiceContext, input: { customerId: number }): Promise<{ savedTo: string | null; rows: number }> {
  const t = translator((await getSettings(ctx)).language);
  const [customer] = await loadCustomers(ctx.db, [input.customerId]);
  if (!customer) throw notFound('sheets.history.noCustomer', { id: input.customerId });
  const rows = await filteredTickets(ctx, { scope: 'all', statuses: [], severity: null, customerId: input.customerId, unitId: null, technicianId: null, from: null, to: null, sort: 'reported', direction: 'asc' });
  const tickets: TicketDetail[] = [];
  for (const r of rows) tickets.push(await getTicket(ctx, r.id));
  const unitIds = (await ctx.db.selectFrom('units').select('id').where('customer_id', '=', customer.id).orderBy('id').execute()).map((u) => u.id);
  const units = unitIds.length ? await loadUnits(ctx, ctx.db, unitIds) : [];

  const workbook = await newWorkbook(t);
  const sheet = (name: string, columns: Spec, values: SheetValue[][]) =>
    addListSheet(workbook, t(`sheets.history.${name}.sheet`), columns.map(([key, kind]) => ({ header: t(`sheets.history.${name}.${key}`), kind })), values);
  // The customer first, as the desk knows them: the history below is theirs.
  addListSheet(
    workbook,
    t('sheets.history.customer.sheet'),
    [{ header: t('sheets.history.customer.field'), kind: 'text' }, { header: t('sheets.history.customer.value'), kind: 'text' }],
    [
      [t('export.customers.name'), customer.name],
      [t('export.customers.phones'), customer.phones.map((p) => p.phone).join(', ')],
      [t('export.customers.address'), customer.addresses.map((a) => a.address).join('\n')],
      [t('sheets.history.customer.tickets'), String(tickets.length)],
    ],
    { filter: false },
  );
  sheet('units', UNITS, units.map((u) => [u.brand, u.model, u.category, u.serial, u.purchaseDate, u.installDate, u.siteAddress]));
  // The same columns as the tickets list, headed the same: the history's tickets come back in by the same import.
  addListSheet(
    workbook,
    t('sheets.history.tickets.sheet'),
    TICKET_COLUMNS.map(([key, kind]) => ({ header: t(`sheets.ticketList.${key}`), kind })),
    await ticketSheetRows(ctx, rows, t),
  );
  sheet(
    'parts',
    PARTS,
    tickets.flatMap((d) => d.parts.map((p) => [d.number, p.partNumber, p.name, p.quantity, p.fittedOn, yes(t, p.inWarranty), p.chargedUnitFen, p.chargedLineFen])),
  );
  sheet(
    'charges',
    CHARGES,
    tickets.map((d) => [
      d.number,
      d.charges.partsFen,
      d.charges.labourFen,
      d.charges.travelFen,
      d.charges.discountFen,
      d.charges.totalFen,
      d.paidFen,
      d.paymentMethod ? t(`ticketing.payment.${d.paymentMethod}`) : null,
      d.discountReason,
    ]),
  );
  sheet(
    'callbacks',
    CALLBACKS,
    tickets.flatMap((d) => d.callbacks.map((c) => [d.number, c.dueOn, c.doneAt, yes(t, c.reached), c.satisfaction, c.comments, c.who])),
  );
  const savedTo = await saveWorkbook(ctx, workbook, `${t('sheets.history.fileName', { name: customer.name })}.xlsx`);
  return { savedTo, rows: savedTo ? tickets.length : 0 };
}
