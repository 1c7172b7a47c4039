import { sql } from 'kysely';
import type { z } from 'zod';
import type { OpenTicketGlance, SearchHit, searchInput } from '../../../../shared/schemas/search';
import type { TicketRow } from '../../../../shared/schemas/ticket';
import type { ServiceContext } from '../../app/context';
import { loadCustomers } from '../customers/customers';
import { foldText } from './fold';
import { matchIndex } from './search-index';
import { loadUnits } from '../units/units';
import { selectTicketRows, toTicketRow } from '../tickets/rows';
import { findVisitByNumber } from '../maintenance/visits';
import { findContractByNumber } from '../maintenance/contracts';
import { findInstallationByNumber } from '../installations/installations';
import { recordNumberOf, visitNumberOf } from '../../../../shared/domain/visit-number';

/**
 * A ticket number as a caller reads it off the receipt: GD-2026-000123, or just 2026-123. Only
 * whole numbers are looked up (through the unique index); fragments would scan ten years.
 */
export function ticketNumberOf(query: string): string | null {
  // Bare digits are a phone fragment far more often: without GD, the year needs its dash.
  const m = /^GD[-\s]?(\d{4})[-\s]?(\d{1,7})$/i.exec(query.trim()) ?? /^(\d{4})[-\s](\d{1,7})$/.exec(query.trim());
  return m ? `GD-${m[1]}-${m[2]!.padStart(6, '0')}` : null;
}

const KIND_ORDER = { ticket: 0, visit: 1, installation: 2, contract: 3, unit: 4, customer: 5, document: 6 } as const;
const UNITS_AT_A_GLANCE = 6;
/** Open repairs shown in one customer's or unit's row; the rest are counted. */
const OPEN_AT_A_GLANCE = 3;

interface OpenRef {
  id: number;
  owner: number;
  total: number;
}

/** The newest few open tickets of each customer (or unit), with how many each has in all. */
async function openTicketsOf(ctx: ServiceContext, column: 'customer_id' | 'unit_id', owners: number[]): Promise<OpenRef[]> {
  if (!owners.length) return [];
  const { rows } = await sql<OpenRef>`
    select id, owner, total from (
      select id, ${sql.ref(column)} as owner,
        row_number() over (partition by ${sql.ref(column)} order by reported_at desc, id desc) as n,
        count(*) over (partition by ${sql.ref(column)}) as total
      from tickets where open = 1 and ${sql.ref(column)} in (${sql.join(owners)})
    ) where n <= ${OPEN_AT_A_GLANCE}
    order by owner, n`.execute(ctx.db);
  return rows;
}

/**
 * The one search box: customers, units and documents by any fragment; tickets, visits,
 * installation jobs and contracts by their whole number. A unit whose serial is
 * exactly the query comes first (a scanner, or a serial read off the nameplate); customers carry
 * their units' warranty states so the desk sees them before opening anything.
 */
export async function lookup(ctx: ServiceContext, input: z.output<typeof searchInput>): Promise<SearchHit[]> {
  const matches = await matchIndex(ctx.db, input.query, input.limit);
  const ids = (kind: string) => matches.filter((m) => m.kind === kind).map((m) => m.id);
  const number = ticketNumberOf(input.query);
  const visitNumber = visitNumberOf(input.query);
  const contractNumber = recordNumberOf('WB', input.query);
  const installationNumber = recordNumberOf('AZ', input.query);
  const [customers, units, documents, tickets, visits, contracts, installations] = await Promise.all([
    loadCustomers(ctx.db, ids('customer')),
    loadUnits(ctx, ctx.db, ids('unit')),
    ids('document').length
      ? ctx.db.selectFrom('documents').select(['id', 'number', 'title', 'kind']).where('id', 'in', ids('document')).execute()
      : Promise.resolve([]),
    number ? selectTicketRows(ctx.db).where('t.number', '=', number).execute() : Promise.resolve([]),
    visitNumber ? findVisitByNumber(ctx.db, visitNumber) : Promise.resolve([]),
    contractNumber ? findContractByNumber(ctx, contractNumber) : Promise.resolve([]),
    installationNumber ? findInstallationByNumber(ctx.db, installationNumber) : Promise.resolve([]),
  ]);
  // A glance needs a customer's latest few units, not all of them: each one is an evaluation.
  const glanceIds = customers.length
    ? (
        await sql<{ id: number }>`
          select id from (
            select id, row_number() over (partition by customer_id order by id desc) as n
            from units where customer_id in (${sql.join(customers.map((c) => c.id))})
          ) where n <= ${UNITS_AT_A_GLANCE}`.execute(ctx.db)
      ).rows.map((r) => r.id)
    : [];
  const customerUnits = await loadUnits(ctx, ctx.db, glanceIds);
  const q = foldText(input.query).trim();
  const now = ctx.now().getTime();
  // Most calls about a known customer are about a repair already under way: show it in the row.
  const [byCustomer, byUnit] = await Promise.all([
    openTicketsOf(ctx, 'customer_id', customers.map((c) => c.id)),
    openTicketsOf(ctx, 'unit_id', units.map((u) => u.id)),
  ]);
  const openRows = new Map<number, TicketRow>();
  const wanted = [...byCustomer, ...byUnit].map((r) => r.id);
  if (wanted.length) {
    for (const row of await selectTicketRows(ctx.db).where('t.id', 'in', wanted).execute()) {
      openRows.set(row.id, toTicketRow(row as Parameters<typeof toTicketRow>[0], now));
    }
  }
  const glance = (found: OpenRef[], owner: number): { openTickets: OpenTicketGlance[]; openCount: number } => {
    const mine = found.filter((r) => r.owner === owner);
    const openTickets = mine.flatMap((r) => {
      const t = openRows.get(r.id);
      return t ? [{ id: t.id, number: t.number, status: t.status, technicians: t.technicians, worst: t.worst }] : [];
    });
    return { openTickets, openCount: mine[0]?.total ?? 0 };
  };
  const hits: SearchHit[] = [
    ...tickets.map((row) => {
      const t = toTicketRow(row as Parameters<typeof toTicketRow>[0], now);
      return { kind: 'ticket' as const, id: t.id, number: t.number, status: t.status, customerName: t.customerName, unitLabel: t.unitLabel, technicians: t.technicians };
    }),
    ...visits,
    ...installations,
    ...contracts,
    ...units.map((u) => ({
      kind: 'unit' as const,
      id: u.id,
      brand: u.brand,
      model: u.model,
      serial: u.serial,
      customerId: u.customerId,
      customerName: u.customerName,
      summary: u.warranty.summary,
      end: u.warranty.components[0]?.end ?? null,
      ...glance(byUnit, u.id),
    })),
    ...customers.map((c) => ({
      kind: 'customer' as const,
      id: c.id,
      name: c.name,
      phone: c.phone,
      region: c.region,
      archived: c.archived,
      units: customerUnits
        .filter((u) => u.customerId === c.id)
        .map((u) => ({ id: u.id, label: `${u.brand} ${u.model} · ${u.serial}`, summary: u.warranty.summary })),
      ...glance(byCustomer, c.id),
    })),
    ...documents.map((d) => ({ kind: 'document' as const, id: d.id, number: d.number, title: d.title, documentKind: d.kind })),
  ];
  const exact = (h: SearchHit) =>
    h.kind === 'ticket' || h.kind === 'visit' || h.kind === 'installation' || h.kind === 'contract' || (h.kind === 'unit' && foldText(h.serial) === q) || (h.kind === 'document' && foldText(h.number) === q) ? 0 : 1;
  const archived = (h: SearchHit) => (h.kind === 'customer' && h.archived ? 1 : 0);
  return hits
    .sort((a, b) => exact(a) - exact(b) || archived(a) - archived(b) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind])
    .slice(0, input.limit);
}
