// The ticket half of `npm run bench`: BENCH_TICKETS (default 1,000,000) repair tickets over ten
// years on the customers and units the main bench seeded, then the desk's ticket reads timed.
import type Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { CN_MAINLAND } from '../shared/domain/calendar';
import { STANDARD_TERMS, ticketDeadlines } from '../shared/domain/sla';
import { FAULT_CATEGORIES, SEVERITIES } from '../shared/domain/ticket-status';

type Invoke = (channel: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
type Region = 'urban' | 'suburban' | 'other';

const DAY = 86_400_000;
const TECHNICIANS = 24;

/** Seeds tickets straight to SQL in one transaction: the figures are about reading them back. */
export function seedTickets(
  sqlite: Database.Database,
  opts: { count: number; customers: number; units: number; now: number; rand: () => number },
): { seedMs: number; open: number } {
  const { count, now, rand } = opts;
  const pick = <T,>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const t0 = performance.now();
  const regions = new Map<number, Region>();
  for (const row of sqlite.prepare('select id, region from customers').iterate() as Iterable<{ id: number; region: Region }>) regions.set(row.id, row.region);
  const unitOwner = sqlite.prepare('select customer_id from units where id = ?').pluck();
  const insertTech = sqlite.prepare("insert into technicians (name, phone, skills, active, created_at, updated_at) values (?, ?, '[]', 1, 0, 0)");
  const insertTicket = sqlite.prepare(`insert into tickets (
      number, source, customer_id, unit_id, fault_reported, fault_category, severity, contact_phone, region, service_level_id, status,
      reported_at, answer_due, arrival_due, fix_due, loaner_due, answered_at, arrived_at, resolved_at, closed_at, cancelled_at, cancel_reason,
      warranty_engine, warranty_in, appointment_date, appointment_from, appointment_to, action, created_by, created_at, updated_at)
    values (?, 'phone', ?, ?, ?, ?, ?, null, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?, ?)`);
  const insertAssign = sqlite.prepare('insert into ticket_technicians (ticket_id, technician_id, lead, reported_at) values (?, ?, 1, ?)');
  const insertEvent = sqlite.prepare("insert into ticket_events (ticket_id, at, who, kind, from_status, to_status) values (?, ?, 'bench', ?, ?, ?)");
  const span = 10 * 365 * DAY;
  const start = now - span;
  const engine = JSON.stringify({ inWarranty: true, summary: 'active', reasons: [{ key: 'warranty.summary.active' }] });
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  let open = 0;
  sqlite.transaction(() => {
    for (let i = 1; i <= TECHNICIANS; i++) insertTech.run(`技师${i}`, `139${String(i).padStart(8, '0')}`);
    for (let i = 1; i <= count; i++) {
      // Evenly over ten years, in order, as they would have been typed.
      const reportedAt = Math.floor(start + (i / count) * span - rand() * 3_600_000);
      const unitId = 1 + Math.floor(rand() * opts.units);
      const customerId = unitOwner.get(unitId) as number;
      const region = regions.get(customerId) ?? 'urban';
      const severity = rand() < 0.8 ? 'ordinary' : rand() < 0.8 ? 'major' : 'emergency';
      const due = ticketDeadlines(STANDARD_TERMS.targets[region][severity], STANDARD_TERMS.loaner, { reportedAt, arrivedAt: null }, CN_MAINLAND);
      const age = now - reportedAt;
      // Old tickets are closed (a few cancelled); the last week holds the open work.
      const status = age > 7 * DAY ? (rand() < 0.04 ? 'cancelled' : 'closed') : pick(['new', 'answered', 'scheduled', 'dispatched', 'onSite', 'waitingParts', 'atWorkshop', 'resolved', 'calledBack', 'closed', 'closed', 'closed'] as const);
      const done = status === 'closed' || status === 'resolved' || status === 'calledBack';
      const answeredAt = status === 'new' || status === 'cancelled' ? null : reportedAt + Math.floor(rand() * 3_000_000);
      const arrivedAt = done || ['onSite', 'waitingParts', 'atWorkshop'].includes(status) ? reportedAt + 3_600_000 + Math.floor(rand() * 10_000_000) : null;
      const resolvedAt = done && arrivedAt ? arrivedAt + Math.floor(rand() * 20_000_000) : null;
      const closedAt = status === 'closed' && resolvedAt ? resolvedAt + 3 * DAY : null;
      const cancelledAt = status === 'cancelled' ? reportedAt + 7_200_000 : null;
      if (!done && status !== 'cancelled') open += 1;
      const appointment = answeredAt ? day(reportedAt + DAY) : null;
      const { lastInsertRowid } = insertTicket.run(
        `GD-${new Date(reportedAt).getFullYear()}-${String(i).padStart(7, '0')}`,
        customerId,
        unitId,
        '开机后不制冷，外机不转',
        pick(FAULT_CATEGORIES),
        SEVERITIES.includes(severity) ? severity : 'ordinary',
        region,
        status,
        reportedAt,
        due.answerDue,
        due.arrivalDue,
        arrivedAt ? arrivedAt + 4 * 3_600_000 : due.fixDue,
        due.loanerDue,
        answeredAt,
        arrivedAt,
        resolvedAt,
        closedAt,
        cancelledAt,
        cancelledAt ? '客户取消' : null,
        engine,
        rand() < 0.6 ? 1 : 0,
        appointment,
        appointment ? '09:00' : null,
        appointment ? '11:00' : null,
        resolvedAt ? '更换启动电容' : null,
        reportedAt,
        closedAt ?? resolvedAt ?? reportedAt,
      );
      const id = Number(lastInsertRowid);
      if (answeredAt) insertAssign.run(id, 1 + Math.floor(rand() * TECHNICIANS), reportedAt);
      insertEvent.run(id, reportedAt, 'created', null, 'new');
      if (status !== 'new') insertEvent.run(id, closedAt ?? cancelledAt ?? answeredAt ?? reportedAt, 'status', 'new', status);
    }
  })();
  sqlite.prepare("insert into sequences (kind, last_value) values ('ticket', ?) on conflict (kind) do update set last_value = excluded.last_value").run(count);
  sqlite.exec('analyze');
  return { seedMs: performance.now() - t0, open };
}

/** Times the ticket reads and ticket creation; answers the lines to print. */
export async function benchTickets(
  invoke: Invoke,
  opts: { customers: number; units: number; rand: () => number; stats: (samples: number[]) => string; time: (fn: () => Promise<unknown>) => Promise<number> },
): Promise<string[]> {
  const { rand, stats, time } = opts;
  const monthAgo = (months: number) => {
    const d = new Date();
    d.setMonth(d.getMonth() - months);
    return d.toISOString().slice(0, 10);
  };
  const listings: [string, { technicianId?: number } & Record<string, unknown>][] = [
    ['open, by next deadline', { scope: 'open', sort: 'due', direction: 'asc' }],
    ['open major, newest', { scope: 'open', sort: 'reported', direction: 'desc', severity: 'major' }],
    ['all, newest', { scope: 'all', sort: 'reported', direction: 'desc' }],
    ['closed in a month', { scope: 'all', statuses: ['closed'], from: monthAgo(2), to: monthAgo(1), sort: 'reported', direction: 'desc' }],
    ['one technician', { scope: 'all', technicianId: 0, sort: 'reported', direction: 'desc' }],
    ['emergencies by number', { scope: 'all', severity: 'emergency', sort: 'number', direction: 'desc' }],
  ];
  const list: number[] = [];
  const byListing = new Map<string, number[]>();
  for (let i = 0; i < 300; i++) {
    const [name, listing] = listings[i % listings.length]!;
    const input: { technicianId?: number } & Record<string, unknown> = { ...listing, limit: 50 };
    if (input.technicianId === 0) input.technicianId = 1 + Math.floor(rand() * TECHNICIANS);
    const ms = await time(() => invoke('tickets:list', input));
    list.push(ms);
    byListing.set(name, [...(byListing.get(name) ?? []), ms]);
  }
  const board: number[] = [];
  for (let i = 0; i < 100; i++) board.push(await time(() => invoke('desk:board', {})));
  const history: number[] = [];
  for (let i = 0; i < 300; i++) history.push(await time(() => invoke('tickets:list', { scope: 'all', customerId: 1 + Math.floor(rand() * opts.customers), limit: 500 })));
  const detail: number[] = [];
  for (let i = 0; i < 300; i++) detail.push(await time(() => invoke('tickets:get', { id: 1 + Math.floor(rand() * 1000) })));
  const create: number[] = [];
  for (let i = 0; i < 300; i++) {
    const unitId = 1 + Math.floor(rand() * opts.units);
    const unit = (await invoke('units:get', { id: unitId })).value as { customerId: number };
    create.push(await time(() => invoke('tickets:create', { customerId: unit.customerId, unitId, faultReported: '不制冷', faultCategory: 'notCooling', severity: 'ordinary' })));
  }
  return [
    `tickets:list, filtered and sorted, first page:  ${stats(list)}   (target p95 ≤ 30 ms)`,
    ...[...byListing].map(([name, samples]) => `  ${name.padEnd(24)} ${stats(samples)}`),
    `desk:board (at risk, overdue, today):           ${stats(board)}   (target p95 ≤ 30 ms)`,
    `tickets:list, a customer's full history:        ${stats(history)}   (target p95 ≤ 30 ms)`,
    `tickets:get (detail with timeline):             ${stats(detail)}`,
    `tickets:create:                                 ${stats(create)}   (target p95 ≤ 30 ms)`,
  ];
}
