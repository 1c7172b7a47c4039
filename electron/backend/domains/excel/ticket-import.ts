import { sql } from 'kysely';
import { localDay } from '../../../../shared/domain/dates';
import { targetsFor, ticketDeadlines } from '../../../../shared/domain/sla';
import { translator } from '../../../../shared/i18n';
import type { Customer } from '../../../../shared/schemas/customer';
import type { ImportProblem } from '../../../../shared/schemas/excel';
import { REQUIRED_TICKET_FIELDS, type TicketImportPreview, type TicketImportResult, type TicketImportRow, type ticketImportInput } from '../../../../shared/schemas/ticket-import';
import type { z } from 'zod';
import type { Db } from '../../db/schema';
import type { ServiceContext } from '../../app/context';
import { currentOperator } from '../../app/request-context';
import { notFound, refusal } from '../../lib/errors';
import { raiseSequence } from '../../lib/sequences';
import { getSettings } from '../admin/settings';
import { loadCustomers } from '../customers/customers';
import { contractLevelFor } from '../maintenance/contracts';
import { loadCalendar } from '../service-desk/calendar';
import { unitLabel } from '../tickets/rows';
import { serviceLevelTerms } from '../tickets/tickets';
import { digitsOf, nameKey, ownersOnFile } from './customer-match';
import { sheetOf } from './import';
import { planTicketRow, splitUnitLabel, type TicketFacts } from './ticket-rows';

/*
 * Tickets back in: the desk's tickets list, a customer's history, or a sheet of the same shape.
 * Every row is checked against the sheet and the desk before anything is written, and the import
 * is all or nothing: one refused row and no ticket goes in (a half-imported history is worse than
 * none: the clerk could not tell which tickets are missing). A row whose ticket number is on the
 * desk already is recognised and left alone, neither written twice nor overwritten: the desk's
 * copy may have moved on since the sheet was written, and importing the same file twice must
 * change nothing.
 */

type Input = z.output<typeof ticketImportInput>;

interface PlannedTicket {
  row: TicketImportRow;
  facts: TicketFacts | null;
  customer: Customer | null;
  unitId: number | null;
  siteAddress: string | null;
  unregistered: { brand: string; model: string; serial: string | null } | null;
  technicianIds: number[];
}

const problemOf = (column: string | null, key: string, params?: Record<string, string | number>): ImportProblem => ({ column, message: { key: `sheets.ticketImport.errors.${key}`, params } });
const CHUNK = 500;

async function planTickets(ctx: ServiceContext, db: Db, input: Input): Promise<PlannedTicket[]> {
  const sheet = sheetOf(ctx, input);
  if (!sheet) throw notFound('errors.importExpired');
  const { language } = await getSettings(ctx, db);
  for (const field of REQUIRED_TICKET_FIELDS) {
    if (input.mapping[field] === undefined || input.mapping[field] === null) {
      const name = String(translator(language)(`sheets.ticketList.${field}`));
      throw refusal('VALIDATION', 'errors.importFieldUnmapped', { field: name }, { fields: { [`mapping.${field}`]: [{ key: 'validation.required' }] } });
    }
  }
  const now = ctx.now().getTime();
  const header = (field: keyof Input['mapping']) => {
    const index = input.mapping[field];
    return typeof index === 'number' ? (sheet.headers[index] ?? null) : null;
  };
  const rows = sheet.rows.map((r) => planTicketRow(sheet, input.mapping, r, now, language));
  const facts = rows.flatMap((r) => (r.facts ? [r.facts] : []));

  // What the desk has, read once for the whole sheet.
  const onDesk = new Set<string>();
  const numbers = [...new Set(facts.map((f) => f.number))];
  for (let i = 0; i < numbers.length; i += CHUNK) {
    for (const r of await db.selectFrom('tickets').select('number').where('number', 'in', numbers.slice(i, i + CHUNK)).execute()) onDesk.add(r.number);
  }
  const owners = await ownersOnFile(db, facts.map((f) => f.customerPhone));
  const serials = [...new Set(facts.flatMap((f) => (f.serial ? [f.serial.toLowerCase()] : [])))];
  const units: { id: number; serial: string; customer_id: number; customer: string; brand: string; model: string; site_address: string | null }[] = [];
  for (let i = 0; i < serials.length; i += CHUNK) {
    units.push(
      ...(await db
        .selectFrom('units as u')
        .innerJoin('product_models as m', 'm.id', 'u.model_id')
        .innerJoin('customers as c', 'c.id', 'u.customer_id')
        .select(['u.id', 'u.serial', 'u.customer_id', 'c.name as customer', 'm.brand', 'm.model', 'u.site_address'])
        .where(sql<string>`lower(u.serial)`, 'in', serials.slice(i, i + CHUNK))
        .orderBy('u.id')
        .execute()),
    );
  }
  const technicians = new Map((await db.selectFrom('technicians').select(['id', 'name']).execute()).map((x) => [nameKey(x.name), x.id]));

  const firstRow = new Map<string, number>();
  const plans: PlannedTicket[] = [];
  const customerIds = new Set<number>();
  for (const r of rows) {
    const problems = [...r.problems];
    const warnings: ImportProblem[] = [];
    const f = r.facts;
    let customerId: number | null = null;
    let unitId: number | null = null;
    let siteAddress: string | null = null;
    let unregistered: PlannedTicket['unregistered'] = null;
    const technicianIds: number[] = [];
    let label = r.unitText;
    let outcome: TicketImportRow['outcome'] = 'new';
    // A number twice in the sheet, whatever else is wrong with either row.
    const seen = r.number ? firstRow.get(r.number.toLowerCase()) : undefined;
    if (seen !== undefined) problems.push(problemOf(header('number'), 'numberTwice', { number: r.number, row: seen }));
    else if (r.number) firstRow.set(r.number.toLowerCase(), r.row);
    if (f) {
      if (onDesk.has(f.number)) outcome = 'onDesk';
      // The customer by phone and name, as the customers import matches them (names written alike are one).
      const byPhone = owners.get(digitsOf(f.customerPhone)) ?? [];
      const named = byPhone.filter((o) => o.key === nameKey(f.customerName));
      if (byPhone.length === 0) problems.push(problemOf(header('customerPhone'), 'noCustomer', { phone: f.customerPhone }));
      else if (named.length === 0) problems.push(problemOf(header('customer'), 'otherName', { phone: f.customerPhone, name: byPhone[0]!.name, given: f.customerName }));
      else if (named.length > 1) problems.push(problemOf(header('customer'), 'severalCustomers', { phone: f.customerPhone, name: f.customerName }));
      else customerId = named[0]!.id;
      if (customerId !== null && f.serial) {
        const parsed = splitUnitLabel(f.unitLabel);
        const same = units.filter((u) => u.serial.toLowerCase() === f.serial!.toLowerCase());
        const theirs = same.filter((u) => u.customer_id === customerId);
        const unit = theirs.find((u) => u.brand === parsed.brand && u.model === parsed.model) ?? theirs[0];
        if (unit) {
          unitId = unit.id;
          siteAddress = unit.site_address;
          label = unitLabel({ brand: unit.brand, model: unit.model, serial: unit.serial, unregistered_unit: null });
        } else if (same.length > 0) problems.push(problemOf(header('serial') ?? header('unit'), 'unitOfOther', { serial: f.serial, customer: same[0]!.customer }));
      }
      if (customerId !== null && unitId === null && !problems.length) {
        // Not on file under this customer: the ticket keeps the sheet's words for it, as the desk does for a caller's unregistered unit.
        const parsed = splitUnitLabel(f.unitLabel);
        if (!parsed.brand || !parsed.model) problems.push(problemOf(header('unit') ?? header('serial'), 'noUnit'));
        else {
          unregistered = { brand: parsed.brand, model: parsed.model, serial: f.serial };
          if (f.serial) warnings.push({ column: header('serial') ?? header('unit'), message: { key: 'sheets.ticketImport.warnings.unregistered', params: { serial: f.serial } } });
        }
      }
      for (const name of f.technicians) {
        const id = technicians.get(nameKey(name));
        if (id === undefined) problems.push(problemOf(header('technicians'), 'unknownTechnician', { name }));
        else if (!technicianIds.includes(id)) technicianIds.push(id);
      }
    }
    if (problems.length > 0) outcome = 'refused';
    if (customerId !== null) customerIds.add(customerId);
    plans.push({
      row: { row: r.row, outcome, number: r.number, customerName: r.customerName, unitLabel: label, status: r.status, problems, warnings },
      facts: f,
      customer: customerId === null ? null : ({ id: customerId } as Customer),
      unitId,
      siteAddress,
      unregistered,
      technicianIds,
    });
  }
  const customers = new Map<number, Customer>();
  const ids = [...customerIds];
  for (let i = 0; i < ids.length; i += CHUNK) for (const c of await loadCustomers(db, ids.slice(i, i + CHUNK))) customers.set(c.id, c);
  for (const p of plans) if (p.customer) p.customer = customers.get(p.customer.id)!;
  return plans;
}

export async function previewTicketImport(ctx: ServiceContext, input: Input): Promise<TicketImportPreview> {
  const plans = await planTickets(ctx, ctx.db, input);
  const count = (o: TicketImportRow['outcome']) => plans.filter((p) => p.row.outcome === o).length;
  let shown = 0;
  return {
    rows: plans.filter((p) => p.row.outcome === 'refused' || p.row.warnings.length > 0 || shown++ < 200).map((p) => p.row),
    total: plans.length,
    newCount: count('new'),
    onDeskCount: count('onDesk'),
    errorCount: count('refused'),
  };
}

/** The desk's own numbers (GD-2025-000123): its counter moves past them, so the next ticket taken at the desk never collides. */
const DESK_NUMBER = /^GD-\d{4}-(\d{6,})$/;

/** Writes every new ticket in one transaction, or, when any row is refused, nothing at all. */
export async function commitTicketImport(ctx: ServiceContext, input: Input): Promise<TicketImportResult> {
  return ctx.db.transaction().execute(async (trx) => {
    const plans = await planTickets(ctx, trx, input);
    const refused = plans.filter((p) => p.row.outcome === 'refused').length;
    if (refused > 0) throw refusal('VALIDATION', 'sheets.ticketImport.errors.refused', { count: refused });
    const settings = await getSettings(ctx, trx);
    const t = translator(settings.language);
    const calendar = await loadCalendar(ctx, trx);
    const now = ctx.now().getTime();
    const who = currentOperator();
    let created = 0;
    let highest = 0;
    // A few service levels serve thousands of rows: each read once.
    const levels = new Map<number | null, Awaited<ReturnType<typeof serviceLevelTerms>>>();
    const levelOf = async (id: number | null) => {
      if (!levels.has(id)) levels.set(id, await serviceLevelTerms(trx, id));
      return levels.get(id)!;
    };
    for (const p of plans) {
      if (p.row.outcome !== 'new' || !p.facts || !p.customer) continue;
      const f = p.facts;
      const customer = p.customer;
      const region = f.region ?? customer.region;
      // The deadlines as the desk would have set them: the unit's contract level or the default, this desk's calendar.
      const contractLevel = p.unitId ? await contractLevelFor(trx, p.unitId, localDay(f.reportedAt)) : null;
      const level = await levelOf(contractLevel);
      const due = ticketDeadlines(targetsFor(level.terms, region, f.severity, f.reportedAt, calendar), level.terms.loaner, { reportedAt: f.reportedAt, arrivedAt: f.arrivedAt }, calendar);
      const warranty = { inWarranty: f.inWarranty, summary: 'unknown', reasons: [{ key: 'sheets.ticketImport.warrantyImported' }] };
      const { id } = await trx
        .insertInto('tickets')
        .values({
          number: f.number,
          source: f.source,
          customer_id: customer.id,
          unit_id: p.unitId,
          unregistered_unit: p.unregistered ? JSON.stringify(p.unregistered) : null,
          // Resolved with nobody sent: solved on the phone, as the desk marks it.
          solved_by_phone: f.resolvedAt !== null && f.arrivedAt === null ? 1 : 0,
          fault_reported: f.fault,
          fault_category: f.faultCategory,
          severity: f.severity,
          contact_name: customer.kind === 'person' ? customer.name : (customer.contacts[0]?.name ?? null),
          contact_phone: f.contactPhone,
          site_address: p.siteAddress ?? customer.address,
          region,
          service_level_id: level.id,
          status: f.status,
          reported_at: f.reportedAt,
          answer_due: due.answerDue,
          arrival_due: due.arrivalDue,
          fix_due: due.fixDue,
          loaner_due: due.loanerDue,
          answered_at: f.answeredAt,
          arrived_at: f.arrivedAt,
          resolved_at: f.resolvedAt,
          closed_at: f.closedAt,
          cancelled_at: f.status === 'cancelled' ? (f.closedAt ?? f.resolvedAt ?? f.reportedAt) : null,
          warranty_engine: JSON.stringify(warranty),
          warranty_in: f.inWarranty ? 1 : 0,
          diagnosis: f.diagnosis,
          cause: f.cause,
          action: f.action,
          lifetime_maintenance: 0,
          // The amount due as the sheet has it: one line, no call-out fee or discount of its own.
          travel_fen: 0,
          discount_fen: 0,
          paid_fen: f.paidFen,
          created_by: who,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (f.totalFen > 0) await trx.insertInto('ticket_labour').values({ ticket_id: id, fee_id: null, name: t('sheets.ticketImport.importedCharges'), amount_fen: f.totalFen, quantity: 1 }).execute();
      for (const [i, technicianId] of p.technicianIds.entries()) {
        await trx.insertInto('ticket_technicians').values({ ticket_id: id, technician_id: technicianId, lead: i === 0 ? 1 : 0, reported_at: f.reportedAt }).execute();
      }
      // Its history says where it came from: reported then, entered now from the sheet, and where it
      // stood. Written as addEvent writes them, in one statement (the ticket's updated_at is already now).
      const imported = JSON.stringify({ importedFrom: input.sheet });
      const event = { ticket_id: id, entered_at: now, who, from_status: null, to_status: 'new', kind: 'created', at: f.reportedAt, data: JSON.stringify({ source: f.source, importedFrom: input.sheet }) };
      const last = Math.max(f.reportedAt, f.answeredAt ?? 0, f.arrivedAt ?? 0, f.resolvedAt ?? 0, f.closedAt ?? 0);
      await trx
        .insertInto('ticket_events')
        .values(f.status === 'new' ? [event] : [event, { ...event, kind: 'status', at: last, from_status: 'new', to_status: f.status, data: imported }])
        .execute();
      const n = DESK_NUMBER.exec(f.number);
      if (n) highest = Math.max(highest, Number(n[1]));
      created += 1;
    }
    if (highest > 0) await raiseSequence(trx, 'ticket', highest);
    ctx.logger.info('tickets imported', { sheet: input.sheet, created, onDesk: plans.filter((p) => p.row.outcome === 'onDesk').length });
    return { created, onDesk: plans.filter((p) => p.row.outcome === 'onDesk').length };
  });
}
