// The scheduled-service half of `npm run bench`: BENCH_CONTRACTS (default 5,000) maintenance
// contracts with twelve visits each (60,000) on the customers and units the main bench seeded,
// then the lists the desk opens timed: the Desk's due and overdue visits, a customer's visit
// history, a technician's day, the contracts list and the renewals due.
import type Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';

type Invoke = (channel: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const QUARTER_DAYS = ['03-15', '06-15', '09-15', '12-15'];

/** Seeds contracts and their visits straight to SQL in one transaction: the figures are about reading them. */
export function seedContracts(
  sqlite: Database.Database,
  opts: { count: number; customers: number; now: number; rand: () => number },
): { seedMs: number; contracts: number; visits: number; customerIds: number[] } {
  const { count, now, rand } = opts;
  const t0 = performance.now();
  const unitsOf = sqlite.prepare('select id from units where customer_id = ? limit 3').pluck();
  const technicians = sqlite.prepare('select id from technicians').pluck().all() as number[];
  const insertContract = sqlite.prepare(`insert into maintenance_contracts
      (number, customer_id, kind, starts_on, ends_on, service_level_id, price_fen, created_by, created_at, updated_at)
      values (?, ?, ?, ?, ?, null, ?, 'bench', ?, ?)`);
  const insertUnit = sqlite.prepare('insert into contract_units (contract_id, unit_id) values (?, ?)');
  const insertLine = sqlite.prepare(`insert into contract_plan_lines (contract_id, position, kind, repeat, n, offsets, from_on, to_on)
      values (?, ?, ?, ?, ?, null, ?, ?)`);
  const insertVisit = sqlite.prepare(`insert into visits
      (number, contract_id, kind, planned_on, due_on, status, technician_id, done_at, created_at, updated_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const customerIds: number[] = [];
  let visits = 0;
  sqlite.transaction(() => {
    for (let i = 1; i <= count; i++) {
      const customerId = 1 + Math.floor(rand() * opts.customers);
      const units = unitsOf.all(customerId) as number[];
      if (units.length === 0) continue;
      customerIds.push(customerId);
      // Starts spread over the three years before and the half year after today, one year each.
      const start = now - Math.floor(rand() * 3 * 365) * DAY + Math.floor(rand() * 180) * DAY;
      const startsOn = iso(start);
      const endsOn = iso(start + 364 * DAY);
      const { lastInsertRowid } = insertContract.run(`WB-B${String(i).padStart(6, '0')}`, customerId, rand() < 0.4 ? 'warranty' : 'paid', startsOn, endsOn, Math.floor(rand() * 500_000), now, now);
      const contractId = Number(lastInsertRowid);
      for (const unit of units) insertUnit.run(contractId, unit);
      insertLine.run(contractId, 0, 'callback', 'months', 1, startsOn, endsOn);
      insertLine.run(contractId, 1, 'inspection', 'quarter', null, startsOn, endsOn);
      // Twelve visits: eight monthly callbacks and the four quarterly inspections.
      const days: { kind: string; on: string }[] = [];
      for (let m = 1; days.length < 8; m++) days.push({ kind: 'callback', on: iso(start + m * 30 * DAY) });
      const startYear = Number(startsOn.slice(0, 4));
      for (const year of [startYear, startYear + 1]) for (const md of QUARTER_DAYS) {
        const on = `${year}-${md}`;
        if (on >= startsOn && on <= endsOn && days.length < 12) days.push({ kind: 'inspection', on });
      }
      days.sort((a, b) => a.on.localeCompare(b.on));
      for (const [n, day] of days.entries()) {
        const past = day.on < iso(now);
        // Most past visits were done; some were missed; a few are still open (overdue).
        const status = past ? (rand() < 0.9 ? 'done' : rand() < 0.5 ? 'missed' : 'due') : 'due';
        const technician = technicians.length && rand() < 0.7 ? technicians[Math.floor(rand() * technicians.length)]! : null;
        insertVisit.run(`FW-B${String(i).padStart(6, '0')}-${n + 1}`, contractId, day.kind, day.on, day.on, status, technician, status === 'done' ? Date.parse(day.on) : null, now, now);
        visits += 1;
      }
    }
  })();
  // The ticket seed analysed the tables while these were empty; stale figures would mislead the planner.
  sqlite.exec('analyze');
  return { seedMs: performance.now() - t0, contracts: customerIds.length, visits, customerIds };
}

export async function benchMaintenance(
  invoke: Invoke,
  opts: { customerIds: number[]; technicians: number; now: number; rand: () => number; stats: (samples: number[]) => string; time: (fn: () => Promise<unknown>) => Promise<number> },
): Promise<string[]> {
  const { rand, stats, time } = opts;
  const pick = <T,>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const today = iso(opts.now);
  const weekEnd = iso(opts.now + 6 * DAY);
  const lists: [string, () => unknown][] = [
    ["Desk: due this week", () => ({ from: today, to: weekEnd, status: 'due', limit: 500 })],
    ['Desk: overdue', () => ({ overdue: true, limit: 500 })],
    ["a customer's visit history", () => ({ customerId: pick(opts.customerIds), limit: 500 })],
    ["a technician's day", () => ({ from: today, to: today, technicianId: 1 + Math.floor(rand() * opts.technicians), limit: 500 })],
  ];
  const lines: string[] = [];
  for (const [name, input] of lists) {
    const samples: number[] = [];
    for (let i = 0; i < 100; i++) samples.push(await time(() => invoke('visits:list', input())));
    lines.push(`visits:list, ${name.padEnd(27)} ${stats(samples)}   (target p95 ≤ 30 ms)`);
  }
  const contractLists: [string, () => unknown][] = [
    ['in force', () => ({ status: 'active', limit: 500 })],
    ['renewals due (Desk)', () => ({ status: 'ending', limit: 500 })],
    ["a customer's", () => ({ customerId: pick(opts.customerIds), status: 'all', limit: 50 })],
  ];
  for (const [name, input] of contractLists) {
    const samples: number[] = [];
    for (let i = 0; i < 50; i++) samples.push(await time(() => invoke('contracts:list', input())));
    lines.push(`contracts:list, ${name.padEnd(24)} ${stats(samples)}   (target p95 ≤ 30 ms)`);
  }
  // The Desk's renewals: contracts ending soon, and whole-unit warranties ending soon with no contract after.
  const renewals: number[] = [];
  for (let i = 0; i < 20; i++) renewals.push(await time(() => invoke('renewals:list', {})));
  lines.push(`renewals:list (contracts and warranties) ${stats(renewals)}   (target p95 ≤ 30 ms)`);
  return lines;
}
