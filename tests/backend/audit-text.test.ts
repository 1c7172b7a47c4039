import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { localDay } from '../../shared/domain/dates';
import { SCANNED_CHANGES } from '../../electron/backend/domains/admin/audit';
import { phraseQuery } from '../../electron/backend/domains/admin/audit-text';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person } from '../support/sample';

/*
 * Issue 23: the audit log's free text through the phrase index (migration 0360) answers exactly
 * what a plain substring search over each logged value answers, on text made to trip an index:
 * case, a phrase across two values, quotes and FTS5's own operators, LIKE's wildcards, Chinese,
 * emoji, and more matches than one round of the index walk reads.
 */

const NOW = new Date(2026, 10, 22, 9, 30);
const DAY = 86_400_000;

/** LIKE's folding: ASCII letters only. */
const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

type Change = { id: string; at: number; seq: number; operator: string; request: string };
type Row = { change_id: string; label: string | null; before: string | null; after: string | null };

/** The oracle: every change read in JS, kept where one value holds the text, in the list's order. */
function plainSearch(sqlite: Database.Database, text: string, since: number | null): string[] {
  const changes = sqlite.prepare('select id, at, rowid as seq, operator, request from audit_changes').all() as Change[];
  const rows = sqlite.prepare('select change_id, label, before, after from audit_rows').all() as Row[];
  const needle = fold(text);
  const holds = (v: string | null) => v !== null && fold(v).includes(needle);
  const byRows = new Set(rows.filter((r) => holds(r.label) || holds(r.before) || holds(r.after)).map((r) => r.change_id));
  return changes
    .filter((c) => (since === null || c.at >= since) && (holds(c.request) || holds(c.operator) || byRows.has(c.id)))
    .sort((a, b) => b.at - a.at || b.seq - a.seq)
    .map((c) => c.id);
}

/** Logged changes written straight into the log (its insert triggers index them as the app's do). */
type Entry = { at: number; operator: string; request: string; rows: Omit<Row, 'change_id'>[] };

function logChanges(sqlite: Database.Database, entries: Entry[]) {
  const change = sqlite.prepare("insert into audit_changes (id, at, operator, channel, elevated, request) values (?, ?, ?, 'customers:update', 0, ?)");
  const row = sqlite.prepare("insert into audit_rows (change_id, table_name, row_id, op, before, after, label) values (?, 'customers', '1', 'update', ?, ?, ?)");
  sqlite.transaction(() => {
    for (const e of entries) {
      const id = randomUUID();
      change.run(id, e.at, e.operator, e.request);
      for (const r of e.rows) row.run(id, r.before, r.after, r.label);
    }
  })();
}

const TRICKY: { request: string; label: string; before: string; after: string }[] = [
  { request: '{"note":"Hotel ABC"}', label: 'Hotel ABC', before: '{"x":"def"}', after: '{"y":"Äpfel und Birnen"}' },
  { request: '{"note":"he said \\"hi\\" AND NEAR(x, y) OR z*"}', label: 'label:abc', before: '{"a":"50%_off"}', after: '{"p":"C:\\\\dir\\\\x"}' },
  { request: '{"note":"🔧修理完成"}', label: '杭州西湖宾馆', before: '{"name":"西湖宾"}', after: '{"name":"杭州西湖宾馆"}' },
  { request: '{"note":"  two  spaces"}', label: '^start', before: '{"q":"a\'b"}', after: '{"q":"(x OR y)"}' },
];

const QUERIES = [
  'abc', 'ABC', 'Hotel ABC', 'abc {"', 'BC {"x', 'äpfel', 'ÄPFEL', 'Äpfel', '"hi" AND', 'AND NEAR', 'NEAR(x', 'z*', '*', 'OR z', '"', '""', 'label:abc', 'label:',
  '%_o', '50%', '5_%', '0%_', '\\dir', 'C:\\\\', '🔧修理', '🔧修', '修理完', '西湖宾', '湖西杭州', '宾馆"}', '  two', 'two  spaces', "a'b", '(x OR', '^start', 'start',
  '1381234', '138123400', '王芳', 'anna', 'ANNA', 'nna', '客户1', '客户11', '客户', 'x', '"}', '{"', 'no such text anywhere',
];

async function deskWithLog(): Promise<TestBackend> {
  const b = await openTestBackend(undefined, () => NOW);
  await b.ok('session:begin', { operator: '王芳' });
  await b.ok('customers:create', person({ name: '杭州西湖宾馆', phones: [{ phone: '13712345678' }] }));
  const { sqlite } = b.store;
  const start = NOW.getTime() - 30 * DAY;
  // 1,300 ordinary changes (more than the count cap and several rounds of the walk), the tricky
  // ones among them, one change writing 2,500 rows (an import), and some at the same millisecond.
  const entries = Array.from({ length: 1_300 }, (_, i): Entry => ({
    at: start + Math.floor(i / 3) * 60_000,
    operator: i % 2 ? 'Anna' : '王芳',
    request: JSON.stringify({ phone: `1381234${String(i).padStart(4, '0')}` }),
    rows: [{ label: `客户${i}`, before: JSON.stringify({ name: `Old ${i}` }), after: JSON.stringify({ name: `New ${i}` }) }],
  }));
  TRICKY.forEach((t, k) => entries.splice(100 + k * 300, 0, { at: start + k * 7 * DAY, operator: 'Anna', request: t.request, rows: [{ label: t.label, before: t.before, after: t.after }] }));
  entries.splice(700, 0, {
    at: start + 10 * DAY,
    operator: '王芳',
    request: '{"import":"sheet"}',
    rows: Array.from({ length: 2_500 }, (_, i) => ({ label: `导入客户${i}`, before: null, after: JSON.stringify({ phone: `1381234${String(i % 97).padStart(4, '0')}` }) })),
  });
  logChanges(sqlite, entries);
  return b;
}

describe('the audit log’s free text through the phrase index', () => {
  it('finds exactly what a plain substring search over each value finds, in the same order, counted to the cap', async () => {
    const b = await deskWithLog();
    const { sqlite } = b.store;
    for (const text of QUERIES) {
      const page = await b.ok('audit:list', { text, pageSize: 200 });
      const since = page.textSince === null ? null : new Date(`${page.textSince}T00:00:00`).getTime();
      // Three characters or more go through the index over the whole log; fewer read the recent log.
      expect(page.textSince === null, text).toBe(phraseQuery(text) !== null);
      const expected = plainSearch(sqlite, text, since);
      expect(page.items.map((c) => c.id), text).toEqual(expected.slice(0, 200));
      expect({ total: page.total, more: page.more }, text).toEqual({ total: Math.min(expected.length, 1_000), more: expected.length > 1_000 });
    }
    // The second page continues the first.
    const expected = plainSearch(sqlite, '1381234', null);
    expect(expected.length).toBeGreaterThan(1_000);
    const second = await b.ok('audit:list', { text: '1381234', page: 2, pageSize: 200 });
    expect(second.items.map((c) => c.id)).toEqual(expected.slice(200, 400));
    await b.close();
  });

  it('takes what the clerk types literally: quotes and operators are text, not FTS5 syntax', () => {
    expect(phraseQuery('a"b AND c')).toBe('"a""b and c"');
    expect(phraseQuery('NEAR(x*')).toBe('"near(x*"');
    expect(phraseQuery('ab')).toBeNull();
    expect(phraseQuery('🔧修')).toBeNull();
    expect(phraseQuery('🔧修理')).toBe('"🔧修理"');
    expect(phraseQuery('abc\0def')).toBeNull();
  });

  it('keeps the filters with the text: operator, dates and table narrow the indexed answer as they narrow the plain one', async () => {
    const b = await deskWithLog();
    const { sqlite } = b.store;
    const operatorOf = new Map((sqlite.prepare('select id, operator from audit_changes').all() as { id: string; operator: string }[]).map((r) => [r.id, r.operator]));
    const page = await b.ok('audit:list', { text: '1381234', operator: 'Anna', pageSize: 200 });
    const expected = plainSearch(sqlite, '1381234', null).filter((id) => operatorOf.get(id) === 'Anna');
    expect(page.items.map((c) => c.id)).toEqual(expected.slice(0, 200));
    expect(page.total).toBe(Math.min(expected.length, 1_000));
    // The import was logged 20 days ago: inside a start date 25 days back, outside one 15 days back.
    for (const [days, found] of [[25, 1], [15, 0]] as const) {
      const from = localDay(NOW.getTime() - days * DAY);
      const dated = await b.ok('audit:list', { text: '导入客户', from, pageSize: 200 });
      expect(dated.items.map((c) => c.id)).toEqual(plainSearch(sqlite, '导入客户', new Date(`${from}T00:00:00`).getTime()));
      expect(dated.items).toHaveLength(found);
    }
    const inTable = await b.ok('audit:list', { text: 'Hotel ABC', table: 'customers' });
    expect(inTable.items.map((c) => c.id)).toEqual(plainSearch(sqlite, 'Hotel ABC', null));
    expect(await b.ok('audit:list', { text: 'Hotel ABC', table: 'units' })).toMatchObject({ items: [], total: 0 });
    await b.close();
  });

  it('reads one or two characters from the recent log only, bounded by the newest changes as well as by days', async () => {
    const b = await openTestBackend(undefined, () => NOW);
    const { sqlite } = b.store;
    // More changes than the bound, one every two minutes back from now: the bound, not 90 days, decides.
    const n = SCANNED_CHANGES + 500;
    logChanges(
      sqlite,
      Array.from({ length: n }, (_, i) => ({ at: NOW.getTime() - (n - i) * 120_000, operator: 'Anna', request: JSON.stringify({ k: i }), rows: [] })),
    );
    const nth = sqlite.prepare('select at from audit_changes order by at desc limit 1 offset ?').pluck().get(SCANNED_CHANGES - 1) as number;
    const page = await b.ok('audit:list', { text: '99' });
    expect(page.textSince).toBe(localDay(nth));
    const since = new Date(`${page.textSince}T00:00:00`).getTime();
    const expected = plainSearch(sqlite, '99', since);
    expect(page.items.map((c) => c.id)).toEqual(expected.slice(0, 50));
    expect(page.total).toBe(Math.min(expected.length, 1_000));
    // A start date chosen by the clerk is read as asked.
    const asked = await b.ok('audit:list', { text: '99', from: localDay(NOW.getTime() - 80 * DAY) });
    expect(asked.textSince).toBeNull();
    await b.close();
  });
});
