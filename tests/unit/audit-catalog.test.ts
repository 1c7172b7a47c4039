import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditedTables } from '../../electron/backend/db/audit-triggers';
import { CHANNELS } from '../../shared/contract';
import { LANGUAGES, resources } from '../../shared/i18n';
import { rowEntries, showValue } from '../../shared/domain/audit-rows';
import { openTestBackend, type TestBackend } from '../support/backend';

type Tree = { [k: string]: string | Tree };

/** The text at a dotted path of a language's catalog, or undefined when the path is missing or not a text. */
function text(lang: (typeof LANGUAGES)[number], path: string[]): string | undefined {
  let node: string | Tree | undefined = resources[lang].translation as unknown as Tree;
  for (const key of path) node = typeof node === 'object' ? node[key] : undefined;
  return typeof node === 'string' && node.trim() !== '' ? node : undefined;
}

describe('the audit log names what it shows, in every language', () => {
  let backend: TestBackend;
  beforeAll(async () => {
    backend = await openTestBackend();
  });
  afterAll(async () => {
    await backend.close();
  });

  it.each(LANGUAGES)('%s names every channel of the contract', (lang) => {
    const missing = CHANNELS.filter((channel) => !text(lang, ['audit', 'channels', ...channel.split(':')]));
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)('%s names every audited table', (lang) => {
    const tables = auditedTables(backend.store.sqlite);
    // A real schema has the business tables; an empty list would prove nothing.
    expect(tables).toEqual(expect.arrayContaining(['customers', 'tickets', 'ticket_events', 'units']));
    const missing = tables.filter((table) => !text(lang, ['audit', 'tables', table]));
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)('%s names the three kinds of change', (lang) => {
    for (const op of ['insert', 'update', 'delete']) expect(text(lang, ['audit', 'ops', op]), op).toBeDefined();
  });

  it('names the columns every screen shows, and each name differs between the languages', () => {
    const common = ['name', 'phone', 'status', 'address', 'price_fen', 'cost_fen', 'quantity', 'note', 'active', 'created_at', 'updated_at'];
    for (const column of common) {
      const zh = text('zh-CN', ['audit', 'fields', column]);
      const en = text('en', ['audit', 'fields', column]);
      expect(zh, column).toBeDefined();
      expect(en, column).toBeDefined();
      expect(zh, column).not.toBe(en);
    }
  });

  it('names every column of the tables the desk edits most', () => {
    const columnsOf = (table: string) =>
      (backend.store.sqlite.prepare(`select name from pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);
    const tables = ['customers', 'customer_phones', 'customer_addresses', 'units', 'tickets', 'ticket_events', 'parts', 'complaints'];
    const missing = tables.flatMap((table) => columnsOf(table).filter((c) => !text('zh-CN', ['audit', 'fields', c])).map((c) => `${table}.${c}`));
    expect(missing).toEqual([]);
  });
});

describe('the detail reads the logged rows as the desk would', () => {
  const phone = (id: string, number: string) => ({ id: Number(id), customer_id: 1, phone: number, label: null, position: 0 });

  it('reads a list saved whole (delete, then insert under the same id) as one change of what differed', () => {
    const entries = rowEntries([
      { table: 'customers', rowId: '1', op: 'update', before: { updated_at: 1 }, after: { updated_at: 2 } },
      { table: 'customer_phones', rowId: '1', op: 'delete', before: phone('1', '13812345678'), after: null },
      { table: 'customer_phones', rowId: '1', op: 'insert', before: null, after: phone('1', '13900001111') },
      { table: 'customer_addresses', rowId: '4', op: 'delete', before: { id: 4, address: '文三路 90 号' }, after: null },
      { table: 'customer_addresses', rowId: '4', op: 'insert', before: null, after: { id: 4, address: '文三路 90 号' } },
    ]);
    expect(entries.map((e) => [e.table, e.op])).toEqual([
      ['customers', 'update'],
      ['customer_phones', 'replaced'],
      ['customer_addresses', 'replaced'],
    ]);
    expect(entries[1]!.fields).toEqual([{ column: 'phone', before: '13812345678', after: '13900001111' }]);
    // Saved again unchanged: nothing to show but the fact.
    expect(entries[2]!.fields).toEqual([]);
  });

  it('keeps a real deletion and a real addition of different records apart', () => {
    const entries = rowEntries([
      { table: 'customer_phones', rowId: '1', op: 'delete', before: phone('1', '13812345678'), after: null },
      { table: 'customer_phones', rowId: '2', op: 'insert', before: null, after: phone('2', '13900001111') },
    ]);
    expect(entries.map((e) => e.op)).toEqual(['delete', 'insert']);
    // The empty label is left out and counted.
    expect(entries[1]!.fields.map((f) => f.column)).toEqual(['id', 'customer_id', 'phone', 'position']);
    expect(entries[1]!.hiddenEmpty).toBe(1);
  });

  it.each([
    ['price_fen', 128000, { kind: 'text', text: '¥1,280.00' }],
    ['active', 0, { kind: 'flag', on: false }],
    ['active', 1, { kind: 'flag', on: true }],
    ['quantity', 1, { kind: 'text', text: '1' }],
    ['notes', null, { kind: 'empty' }],
    ['value', '••••', { kind: 'masked' }],
    ['phone', '13812345678', { kind: 'text', text: '138 1234 5678' }],
    ['skills', '["制冷","电气"]', { kind: 'json', text: '["制冷","电气"]', block: false }],
    ['serial', '[SN-1] no json', { kind: 'text', text: '[SN-1] no json' }],
  ] as const)('shows %s = %j readably', (column, value, shown) => {
    expect(showValue(column, value, 'zh-CN')).toEqual(shown);
  });

  it('shows epoch-ms columns as local date-time to the second, and ISO days per language', () => {
    const at = new Date(2026, 2, 20, 14, 5, 9).getTime();
    expect(showValue('created_at', at, 'zh-CN')).toEqual({ kind: 'text', text: '2026-03-20 14:05:09' });
    expect(showValue('answer_due', at, 'en')).toEqual({ kind: 'text', text: '20 Mar 2026 14:05:09' });
    expect(showValue('purchase_date', '2026-03-20', 'en')).toEqual({ kind: 'text', text: '20 Mar 2026' });
  });
});
