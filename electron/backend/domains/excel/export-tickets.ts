import type { z } from 'zod';
import { translator } from '../../../../shared/i18n';
import type { exportTicketFilter } from '../../../../shared/schemas/excel';
import type { TicketDetail, TicketRow } from '../../../../shared/schemas/ticket';
import type { ServiceContext } from '../../app/context';
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

const LIST = spec('number reportedAt:moment status severity customer contactPhone unit region fault technicians inWarranty nextDue:moment');

export async function ticketListRows(ctx: ServiceContext, filter: z.output<typeof exportTicketFilter>, t: T): Promise<{ columns: { key: string; kind: ColumnKind }[]; rows: SheetValue[][] }> {
  const tickets = await filteredTickets(ctx, filter);
  return {
    columns: LIST.map(([key, kind]) => ({ key, kind })),
    rows: tickets.map((r) => [
      r.number,
      r.reportedAt,
      t(`ticketing.status.${r.status}`),
      t(`ticketing.severity.${r.severity}`),
      r.customerName,
      r.contactPhone,
      r.unitLabel,
      t(`region.${r.region}`),
      r.faultReported,
      r.technicians.join('、'),
      yes(t, r.inWarranty),
      r.nextDeadline?.due ?? null,
    ]),
  };
}

const TICKETS = spec('number reportedAt:moment status source severity faultCategory fault unit serial technicians diagnosis cause action inWarranty resolvedAt:moment closedAt:moment total:money paid:money');
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

  const workbook = newWorkbook(t);
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
  sheet(
    'tickets',
    TICKETS,
    tickets.map((d) => [
      d.number,
      d.reportedAt,
      t(`ticketing.status.${d.status}`),
      t(`ticketing.source.${d.source}`),
      t(`ticketing.severity.${d.severity}`),
      t(`ticketing.faultCategory.${d.faultCategory}`),
      d.faultReported,
      d.unitLabel,
      d.unit?.serial ?? d.unregisteredUnit?.serial ?? null,
      d.technicians.map((x) => x.name).join('、'),
      d.diagnosis,
      d.cause,
      d.action,
      yes(t, d.warranty.inWarranty),
      d.resolvedAt,
      d.closedAt,
      d.charges.totalFen,
      d.paidFen,
    ]),
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
