// The audit log after years at the desk: seeds BENCH_AUDIT (default 500,000) logged requests
// with their changed rows, then times the log's screen (audit:list, audit:get, audit:facets)
// and a full integrity_check of the whole bench database.
import type Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';

type Invoke = (channel: string, input: unknown) => Promise<{ ok: boolean; value?: unknown }>;

const OPERATORS = ['王芳', '李娜', '张伟', '刘洋', '陈静'];
const CUSTOMERS = ['王小明', '杭州西湖宾馆', '李建国', '浙江安信物业', '赵六', '陈美玲'];

/** The name the triggers keep with each row (migration 0140), as a desk's records would read. */
function labelOf(table: string, record: number): string {
  const customer = CUSTOMERS[record % CUSTOMERS.length]!;
  const n = String(record).padStart(6, '0');
  if (table.startsWith('customer')) return customer;
  if (table.startsWith('unit')) return `格力 KFR-35GW · GL${n}`;
  if (table === 'parts' || table === 'stock_moves') return `CAP-${record % 500} · 启动电容`;
  if (table === 'documents') return `WX-2025-${n}`;
  return `GD-2025-${n} · ${customer}`;
}
/** What a desk does most, roughly in proportion. */
const ACTIONS: [channel: string, tables: string[]][] = [
  ['tickets:transition', ['tickets', 'ticket_events']],
  ['tickets:transition', ['tickets', 'ticket_events']],
  ['tickets:create', ['tickets', 'ticket_events']],
  ['tickets:recordWork', ['tickets', 'ticket_events']],
  ['tickets:addPart', ['ticket_parts', 'parts', 'stock_moves', 'ticket_events']],
  ['callbacks:record', ['callbacks', 'tickets', 'ticket_events']],
  ['customers:update', ['customers', 'customer_phones', 'customer_phones', 'customer_addresses']],
  ['customers:create', ['customers', 'customer_phones', 'customer_addresses']],
  ['units:create', ['units', 'unit_status_history']],
  ['documents:repairReceipt', ['documents']],
];

export function seedAudit(sqlite: Database.Database, opts: { count: number; now: number; rand: () => number }): { seedMs: number; rows: number } {
  const t0 = performance.now();
  const { rand } = opts;
  const span = 3 * 365 * 24 * 3600 * 1000;
  const change = sqlite.prepare('insert into audit_changes (id, at, operator, channel, elevated, request) values (?, ?, ?, ?, 0, ?)');
  const row = sqlite.prepare("insert into audit_rows (change_id, table_name, row_id, op, before, after, label) values (?, ?, ?, 'update', ?, ?, ?)");
  let rows = 0;
  const hex = (n: number) => n.toString(16).padStart(12, '0');
  sqlite.transaction(() => {
    for (let i = 0; i < opts.count; i++) {
      const id = `00000000-0000-4000-8000-${hex(i)}`;
      const at = opts.now - span + Math.floor((i / opts.count) * span);
      const [channel, tables] = ACTIONS[Math.floor(rand() * ACTIONS.length)]!;
      const record = 1 + Math.floor(rand() * 200_000);
      const phone = `13${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`;
      change.run(id, at, OPERATORS[Math.floor(rand() * OPERATORS.length)], channel, JSON.stringify({ id: record, note: '客户来电催修', phone }));
      for (const table of tables) {
        row.run(id, table, String(record), JSON.stringify({ status: 'scheduled', updated_at: at - 3600_000 }), JSON.stringify({ status: 'dispatched', updated_at: at, phone }), labelOf(table, record));
        rows++;
      }
    }
  })();
  sqlite.exec('analyze');
  return { seedMs: performance.now() - t0, rows };
}

export async function benchAudit(
  invoke: Invoke,
  opts: { count: number; rand: () => number; stats: (samples: number[]) => string; time: (fn: () => Promise<unknown>) => Promise<number> },
): Promise<string[]> {
  const { rand, stats, time } = opts;
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const filters: [string, () => Record<string, unknown>][] = [
    ['everything, newest', () => ({})],
    ['one operator', () => ({ operator: OPERATORS[Math.floor(rand() * OPERATORS.length)] })],
    ['one action', () => ({ channel: 'customers:update' })],
    ['one record type', () => ({ table: 'callbacks' })],
    ['one day', () => { const d = day(1 + Math.floor(rand() * 900)); return { from: d, to: d }; }],
    ['one record', () => ({ table: 'tickets', rowId: String(1 + Math.floor(rand() * 200_000)) })],
  ];
  const lines: string[] = [];
  const all: number[] = [];
  for (const [name, make] of filters) {
    const samples: number[] = [];
    for (let i = 0; i < 40; i++) samples.push(await time(() => invoke('audit:list', make())));
    all.push(...samples);
    lines.push(`  ${name.padEnd(24)} ${stats(samples)}`);
  }
  const text: number[] = [];
  for (let i = 0; i < 5; i++) text.push(await time(() => invoke('audit:list', { text: `13${String(Math.floor(rand() * 1e4)).padStart(4, '0')}` })));
  // The record's name (kept with each row) is searched too: a customer's name finds their tickets' changes.
  const byName: number[] = [];
  for (let i = 0; i < 5; i++) byName.push(await time(() => invoke('audit:list', { text: CUSTOMERS[Math.floor(rand() * CUSTOMERS.length)] })));
  const detail: number[] = [];
  for (let i = 0; i < 100; i++) {
    const id = `00000000-0000-4000-8000-${Math.floor(rand() * opts.count).toString(16).padStart(12, '0')}`;
    detail.push(await time(() => invoke('audit:get', { id })));
  }
  const facets: number[] = [];
  for (let i = 0; i < 10; i++) facets.push(await time(() => invoke('audit:facets', {})));
  const check = await invoke('health:check', {});
  const ms = (check.value as { ms: number } | undefined)?.ms ?? NaN;
  return [
    `audit:list, filtered, first page:               ${stats(all)}`,
    ...lines,
    `audit:list, free text (a phone fragment):       ${stats(text)}`,
    `audit:list, free text (a customer's name):      ${stats(byName)}`,
    `audit:get (one change with its rows):           ${stats(detail)}`,
    `audit:facets (operators, actions, tables):      ${stats(facets)}`,
    `health:check (integrity_check, whole database): ${ms.toFixed(0)} ms`,
  ];
}
