import { sql } from 'kysely';
import type { z } from 'zod';
import { OPEN_STATUSES } from '../../../../shared/domain/ticket-status';
import type { TicketPage, ticketListInput } from '../../../../shared/schemas/ticket';
import type { Db } from '../../db/schema';
import type { ServiceContext } from '../../app/context';
import { selectTicketRows, toTicketRow } from './rows';
import { localMoment } from '../../../../shared/domain/dates';

type ListInput = z.output<typeof ticketListInput>;

/** Counting stops here: past it the list says "1,000+", and ten years of history count in milliseconds. */
export const TICKET_COUNT_CAP = 1_000;

/** With a technician chosen, their copy of the report time (indexed with them) sorts and filters. */
const reportedRef = (input: ListInput) => sql.ref<number>(input.technicianId ? 'tt.reported_at' : 't.reported_at');

/** The next promise still open: answer, then arrival, then the fix. */
const nextDue = sql<number>`case when t.answered_at is null then t.answer_due when t.arrived_at is null then t.arrival_due else t.fix_due end`;

/**
 * The filters, written two ways. A page walks the index of its sort order and tests the broad
 * filters (severity, several statuses) row by row, so the first 50 come at once; the `+` keeps
 * SQLite from sorting every emergency of ten years instead. A count lets SQLite count from the
 * narrowest index.
 */
function filtered(db: Db, input: ListInput, mode: 'page' | 'count') {
  let q = db.selectFrom('tickets as t');
  const onlyOpen = input.statuses.length > 0 && input.statuses.every((s) => OPEN_STATUSES.includes(s));
  const open = input.scope === 'open' || onlyOpen;
  if (open) q = q.where('t.open', '=', 1);
  // Open tickets are a few hundred: their own index drives, the rest is tested row by row.
  const byIndex = mode === 'count' && !open;
  if (input.statuses.length === 1 || (byIndex && input.statuses.length > 1)) q = q.where('t.status', 'in', input.statuses);
  else if (input.statuses.length > 1) q = q.where(sql<string>`+t.status`, 'in', input.statuses);
  if (input.severity) q = byIndex ? q.where('t.severity', '=', input.severity) : q.where(sql<string>`+t.severity`, '=', input.severity);
  if (input.customerId) q = q.where('t.customer_id', '=', input.customerId);
  if (input.unitId) q = q.where('t.unit_id', '=', input.unitId);
  if (input.technicianId) {
    // One row per ticket (the pair is the key); the copy of reported_at lets the technician's
    // own index give the newest first without touching the rest of the archive.
    q = q.innerJoin('ticket_technicians as tt', 'tt.ticket_id', 't.id').where('tt.technician_id', '=', input.technicianId);
  }
  const reported = reportedRef(input);
  if (input.from) q = q.where(reported, '>=', localMoment(input.from));
  if (input.to) q = q.where(reported, '<', localMoment(input.to) + 86_400_000);
  return q;
}

/** One page of tickets, filtered and sorted in SQL; the total counts the same filter up to the cap. */
export async function listTickets(ctx: ServiceContext, input: ListInput): Promise<TicketPage> {
  const ids = filtered(ctx.db, input, 'page').select('t.id');
  const direction = input.direction;
  const sorted =
    input.sort === 'due'
      ? ids.orderBy(nextDue, direction)
      : input.sort === 'number'
        ? ids.orderBy('t.number', direction)
        : input.sort === 'status'
          ? ids.orderBy('t.status', direction).orderBy('t.reported_at', 'desc')
          : ids.orderBy(reportedRef(input), direction);
  const capped = filtered(ctx.db, input, 'count').select('t.id').limit(TICKET_COUNT_CAP + 1);
  const [page, counted] = await Promise.all([
    sorted.orderBy('t.id', direction).limit(input.limit).offset(input.offset).execute(),
    ctx.db.selectFrom(capped.as('c')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const pageIds = page.map((r) => r.id);
  const rows = pageIds.length === 0 ? [] : await selectTicketRows(ctx.db).where('t.id', 'in', pageIds).execute();
  const now = ctx.now().getTime();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const n = Number(counted.n);
  return {
    rows: pageIds.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toTicketRow(row as Parameters<typeof toTicketRow>[0], now)] : [];
    }),
    total: Math.min(n, TICKET_COUNT_CAP),
    more: n > TICKET_COUNT_CAP,
  };
}
