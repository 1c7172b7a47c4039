// The call log's half of `npm run bench` (issue 20): 10,000 calls logged one by one through the
// contract, as the desk logs them (validation, the checks of what a call names, the audit log);
// then BENCH_CALLS (default 500,000) calls seeded over two years straight to SQL, and the week's
// summary and the day's calls timed over them.
import type Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { CALL_OUTCOMES, CALL_PURPOSES } from '../shared/domain/calls';

type Invoke = (channel: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;

const DAY = 86_400_000;
/** The local day, as the desk files a call. */
const localIso = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Logs `count` calls through calls:log: a customer on file and their unit, or a stranger's number. */
export async function benchLogCalls(
  invoke: Invoke,
  opts: { count: number; customers: number; rand: () => number; stats: (samples: number[]) => string; time: (fn: () => Promise<unknown>) => Promise<number> },
): Promise<string[]> {
  const { rand } = opts;
  const pick = <T,>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const samples: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < opts.count; i++) {
    const known = rand() < 0.8;
    const purpose = pick(CALL_PURPOSES);
    const outcome = purpose === 'complaint' ? 'complaintRecorded' : pick(['solvedByPhone', 'solvedByPhone', 'solvedByPhone', 'callBack', 'other'] as const);
    const input = known
      ? { customerId: 1 + Math.floor(rand() * opts.customers), purpose, outcome, notes: '电话咨询' }
      : { callerPhone: `139${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`, purpose, outcome };
    samples.push(
      await opts.time(async () => {
        const result = await invoke('calls:log', input);
        if (!result.ok) throw new Error(`calls:log: ${JSON.stringify(result.error)}`);
      }),
    );
  }
  const seconds = (performance.now() - t0) / 1000;
  return [`calls:log, ${opts.count.toLocaleString()} calls one by one in ${seconds.toFixed(1)} s: ${opts.stats(samples)}`];
}

/** Seeds calls over the two years before `now` straight to SQL in one transaction: the figures are about reading them. */
export function seedCalls(sqlite: Database.Database, opts: { count: number; customers: number; now: number; rand: () => number }): { seedMs: number } {
  const { rand } = opts;
  const t0 = performance.now();
  const insert = sqlite.prepare(`insert into calls (at, day, customer_id, caller_name, caller_phone, unit_id, purpose, outcome, notes, ticket_id, created_by, created_at)
      values (?, ?, ?, null, ?, null, ?, ?, null, null, 'bench', ?)`);
  sqlite.transaction(() => {
    for (let i = 0; i < opts.count; i++) {
      const at = opts.now - Math.floor(rand() * 730 * DAY);
      const known = rand() < 0.8;
      const purpose = CALL_PURPOSES[Math.floor(rand() * CALL_PURPOSES.length)]!;
      const outcome = purpose === 'complaint' ? 'complaintRecorded' : CALL_OUTCOMES[Math.floor(rand() * CALL_OUTCOMES.length)]!;
      const fixed = outcome === 'complaintRecorded' && purpose !== 'complaint' ? 'other' : outcome;
      insert.run(at, localIso(at), known ? 1 + Math.floor(rand() * opts.customers) : null, known ? null : `139${String(i).padStart(8, '0')}`, purpose, fixed, at);
    }
  })();
  sqlite.exec('analyze');
  return { seedMs: performance.now() - t0 };
}

/** The week's summary (this week, and weeks picked over the two years) and today's calls. */
export async function benchCallSummary(
  invoke: Invoke,
  opts: { now: number; rand: () => number; stats: (samples: number[]) => string; time: (fn: () => Promise<unknown>) => Promise<number> },
): Promise<string[]> {
  const week: number[] = [];
  for (let i = 0; i < 50; i++) {
    const weekOf = i === 0 ? null : localIso(opts.now - Math.floor(opts.rand() * 720 * DAY));
    week.push(await opts.time(() => invoke('calls:week', { weekOf })));
  }
  const day: number[] = [];
  for (let i = 0; i < 50; i++) day.push(await opts.time(() => invoke('calls:day', {})));
  return [`calls:week (the week's summary):           ${opts.stats(week)}   (target ≤ 200 ms)`, `calls:day (the Desk's calls today):          ${opts.stats(day)}`];
}
