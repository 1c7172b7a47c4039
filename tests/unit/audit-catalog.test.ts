import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditedTables } from '../../electron/backend/db/audit-triggers';
import { LABEL_RULES } from '../../electron/backend/db/record-labels';
import { CHANNELS } from '../../shared/contract';
import { LANGUAGES, resources, translator, type Language } from '../../shared/i18n';
import { rowEntries } from '../../shared/domain/audit-rows';
import { readValue, type Words } from '../../shared/domain/audit-values';
import { STANDARD_TERMS } from '../../shared/domain/sla';
import { settingsFields } from '../../shared/schemas/settings';
import type { AuditRowChange } from '../../shared/schemas/security';
import { openTestBackend, type TestBackend } from '../support/backend';

type Tree = { [k: string]: string | Tree };

/** The text at a dotted path of a language's catalog, or undefined when the path is missing or not a text. */
function text(lang: Language, path: string[]): string | undefined {
  let node: string | Tree | undefined = resources[lang].translation as unknown as Tree;
  for (const key of path) node = typeof node === 'object' ? node[key] : undefined;
  return typeof node === 'string' && node.trim() !== '' ? node : undefined;
}

/**
 * Columns the audit screen never names, each with the reason. Every other column of every
 * audited table must have a name in every language.
 */
const TECHNICAL: Record<string, string> = {
  id: "a record's own internal number: the screen names the record instead and hides this column",
};

/** Columns of rows the backend logs by hand (a restore, wrong PIN tries): no table declares them. */
const LOGGED_BY_HAND: Record<string, string[]> = {
  database: ['backup', 'keptAs', 'customers', 'units', 'tickets'],
  security: ['wrongTries', 'waitSeconds'],
};

describe('the audit log names what it shows, in every language', () => {
  let backend: TestBackend;
  const columnsOf = (table: string) =>
    (backend.store.sqlite.prepare(`select name from pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);
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

  it('names every column of every audited table in both languages, differently, but the technical ones listed', () => {
    const tables = auditedTables(backend.store.sqlite);
    const columns = [...tables.flatMap((table) => columnsOf(table).map((c) => [table, c] as const)), ...Object.entries(LOGGED_BY_HAND).flatMap(([t, cs]) => cs.map((c) => [t, c] as const))];
    expect(columns.length).toBeGreaterThan(150);
    const named = columns.filter(([, c]) => !(c in TECHNICAL));
    const missing = LANGUAGES.flatMap((lang) => named.filter(([, c]) => !text(lang, ['audit', 'fields', c])).map(([t, c]) => `${lang} ${t}.${c}`));
    expect(missing).toEqual([]);
    const alike = named.filter(([, c]) => text('zh-CN', ['audit', 'fields', c]) === text('en', ['audit', 'fields', c])).map(([t, c]) => `${t}.${c}`);
    expect(alike).toEqual([]);
    // A listed exception that no table has any more is stale.
    for (const column of Object.keys(TECHNICAL)) expect(columns.some(([, c]) => c === column), column).toBe(true);
  });

  it('has a naming rule for every audited table, over columns that exist', () => {
    const tables = auditedTables(backend.store.sqlite);
    expect(tables.filter((t) => !LABEL_RULES[t])).toEqual([]);
    for (const [table, rule] of Object.entries(LABEL_RULES)) {
      const own = columnsOf(table);
      for (const part of rule.parts) {
        expect(own, `${table}.${part.column}`).toContain(part.column);
        if (part.table) expect(tables, `${table} refers to ${part.table}`).toContain(part.table);
      }
    }
  });

  it.each(LANGUAGES)('%s names every setting and every kind of ticket event', (lang) => {
    const settings = [...Object.keys(settingsFields), 'backupFolder'];
    expect(settings.filter((key) => !text(lang, ['audit', 'records', 'settings', key]))).toEqual([]);
    const kinds = ['created', 'status', 'assigned', 'appointment', 'work', 'partAdded', 'partRemoved', 'charges', 'warrantyOverride', 'sanbaoPath', 'callback', 'loan', 'updated'];
    expect(kinds.filter((k) => !text(lang, ['audit', 'eventKinds', k]))).toEqual([]);
  });
});

const row = (r: Omit<AuditRowChange, 'label' | 'refs'> & Partial<AuditRowChange>): AuditRowChange => ({ label: null, refs: {}, ...r });

describe('the detail reads the logged rows as the desk would', () => {
  const phone = (id: string, number: string) => ({ id: Number(id), customer_id: 1, phone: number, label: null, position: 0 });

  it('reads a list saved whole (delete, then insert under the same id) as one change of what differed', () => {
    const entries = rowEntries([
      row({ table: 'customers', rowId: '1', op: 'update', before: { updated_at: 1 }, after: { updated_at: 2 }, label: '王小明' }),
      row({ table: 'customer_phones', rowId: '1', op: 'delete', before: phone('1', '13812345678'), after: null }),
      row({ table: 'customer_phones', rowId: '1', op: 'insert', before: null, after: phone('1', '13900001111'), label: '王小明' }),
      row({ table: 'customer_addresses', rowId: '4', op: 'delete', before: { id: 4, address: '文三路 90 号' }, after: null }),
      row({ table: 'customer_addresses', rowId: '4', op: 'insert', before: null, after: { id: 4, address: '文三路 90 号' } }),
    ]);
    expect(entries.map((e) => [e.table, e.op, e.label])).toEqual([
      ['customers', 'update', '王小明'],
      ['customer_phones', 'replaced', '王小明'],
      ['customer_addresses', 'replaced', null],
    ]);
    expect(entries[1]!.fields).toEqual([{ column: 'phone', before: '13812345678', after: '13900001111' }]);
    // Saved again unchanged: nothing to show but the fact.
    expect(entries[2]!.fields).toEqual([]);
  });

  it('keeps a real deletion and a real addition of different records apart, and never shows the internal number', () => {
    const entries = rowEntries([
      row({ table: 'customer_phones', rowId: '1', op: 'delete', before: phone('1', '13812345678'), after: null }),
      row({ table: 'customer_phones', rowId: '2', op: 'insert', before: null, after: phone('2', '13900001111'), refs: { customer_id: 'customers' } }),
    ]);
    expect(entries.map((e) => e.op)).toEqual(['delete', 'insert']);
    // The empty label is left out and counted; the id is not a field at all.
    expect(entries[1]!.fields.map((f) => f.column)).toEqual(['customer_id', 'phone', 'position']);
    expect(entries[1]!.hiddenEmpty).toBe(1);
    expect(entries[1]!.refs).toEqual({ customer_id: 'customers' });
  });

  it('reads a record updated in several steps of one request as one change, first before to last after', () => {
    const entries = rowEntries([
      row({ table: 'tickets', rowId: '1', op: 'update', before: { answered_at: null }, after: { answered_at: 5 } }),
      row({ table: 'tickets', rowId: '1', op: 'update', before: { status: 'new' }, after: { status: 'answered' } }),
      row({ table: 'ticket_events', rowId: '2', op: 'insert', before: null, after: { id: 2, kind: 'status' } }),
      row({ table: 'tickets', rowId: '1', op: 'update', before: { updated_at: 1 }, after: { updated_at: 2 } }),
      row({ table: 'tickets', rowId: '1', op: 'update', before: { status: 'answered' }, after: { status: 'scheduled' } }),
    ]);
    expect(entries.map((e) => e.table)).toEqual(['tickets', 'ticket_events']);
    expect(entries[0]!.fields).toEqual([
      { column: 'answered_at', before: null, after: 5 },
      { column: 'status', before: 'new', after: 'scheduled' },
      { column: 'updated_at', before: 1, after: 2 },
    ]);
  });
});

function words(lang: Language): Words {
  return { lang, has: (key) => text(lang, key.split('.')) !== undefined, t: translator(lang) as Words['t'] };
}

describe('a logged value reads as the desk writes it', () => {
  const zh = words('zh-CN');
  const en = words('en');
  const read = (w: Words, table: string, column: string, value: unknown, key?: string) => readValue(w, table, column, value, key);

  it.each([
    ['parts', 'price_fen', 128000, '¥1,280.00'],
    ['labour_fees', 'active', 0, '否'],
    ['labour_fees', 'active', 1, '是'],
    ['parts', 'quantity', 1, '1'],
    ['customer_phones', 'phone', '13812345678', '138 1234 5678'],
    ['customer_phones', 'position', 0, '1'],
    ['technicians', 'skills', '["制冷","电气"]', '制冷、电气'],
    ['units', 'serial', '[SN-1] no json', '[SN-1] no json'],
    ['tickets', 'status', 'onSite', '在现场'],
    ['tickets', 'region', 'suburban', '郊县'],
    ['callbacks', 'satisfaction', 4, '满意'],
    ['stock_moves', 'reason', 'use', '工单领用'],
    ['documents', 'record_type', 'unit', '设备'],
    ['ticket_events', 'kind', 'assigned', '派工'],
    ['calendar_years', 'holidays', '["2027-01-01","2027-02-06"]', '2027-01-01、2027-02-06'],
  ] as const)('%s.%s = %j reads %j', (table, column, value, shown) => {
    expect(read(zh, table, column, value)).toEqual({ kind: 'text', text: shown });
  });

  it('shows nothing, and hidden values, as such', () => {
    expect(read(zh, 'customers', 'note', null)).toEqual({ kind: 'empty' });
    expect(read(zh, 'complaints', 'steps', '[]')).toEqual({ kind: 'empty' });
    expect(read(zh, 'security', 'value', '••••')).toEqual({ kind: 'masked' });
  });

  it('shows epoch-ms columns as local date-time to the second, and ISO days per language', () => {
    const at = new Date(2026, 2, 20, 14, 5, 9).getTime();
    expect(read(zh, 'tickets', 'created_at', at)).toEqual({ kind: 'text', text: '2026-03-20 14:05:09' });
    expect(read(en, 'tickets', 'answer_due', at)).toEqual({ kind: 'text', text: '20 Mar 2026 14:05:09' });
    expect(read(en, 'units', 'purchase_date', '2026-03-20')).toEqual({ kind: 'text', text: '20 Mar 2026' });
    expect(read(en, 'tickets', 'status', 'onSite')).toEqual({ kind: 'text', text: 'On site' });
  });

  it('reads a setting by which setting it is, never as JSON', () => {
    expect(read(en, 'settings', 'value', '"en"', 'language')).toEqual({ kind: 'text', text: 'English' });
    expect(read(zh, 'settings', 'value', '"4008001234"', 'hotline')).toEqual({ kind: 'text', text: '400-800-1234' });
    const rules = read(zh, 'settings', 'value', JSON.stringify({ callbackDays: 3, lifetimeMaintenance: true, travelFen: { urban: 5000 } }), 'service');
    expect(rules).toEqual({ kind: 'lines', lines: ['完工后回访（天）：3', '终身维护：是', '上门费 · 市区：¥50.00'] });
    // The rest-day rule in words; the switch it replaced still reads in older log rows.
    const warranty = read(zh, 'settings', 'value', JSON.stringify({ restDayRule: 'holidays', partPaidMonths: 3 }), 'warrantyRules');
    expect(warranty).toEqual({ kind: 'lines', lines: ['截止日遇休息日：仅法定节假日顺延', '收费换件保修（月）：3'] });
    expect(read(en, 'settings', 'value', JSON.stringify({ restDayRule: 'calendar' }), 'warrantyRules')).toEqual({ kind: 'text', text: 'Last day on a rest day: Working calendar' });
    expect(read(zh, 'settings', 'value', JSON.stringify({ extendPastHoliday: true }), 'warrantyRules')).toEqual({ kind: 'text', text: '截止日遇节假日顺延（旧版设置）：是' });
    expect(read(zh, 'settings', 'value', '"data:image/png;base64 (5120 chars, sha256 0123456789abcdef)"', 'logo')).toEqual({ kind: 'text', text: '一张图片（校验码 0123456789abcdef）' });
  });

  it('lays out a service level, a policy and a complaint line by line in words', () => {
    const terms = read(zh, 'service_levels', 'terms', JSON.stringify(STANDARD_TERMS));
    expect(terms.kind).toBe('lines');
    const lines = terms.kind === 'lines' ? terms.lines : [];
    expect(lines).toContain('时限 · 郊县 · 紧急（如困人） · 到场：1 小时');
    expect(lines.at(-1)).toBe('备机：48 小时');
    expect(lines.join('\n')).not.toMatch(/[a-z]{3,}/);
    const components = JSON.stringify([{ key: 'whole', name: 'Whole unit', months: 12 }, { key: 'remote', name: 'Remote', months: 1 }]);
    expect(read(en, 'warranty_policy_versions', 'components', components)).toEqual({ kind: 'lines', lines: ['Whole unit: 12 months', 'Remote: 1 month'] });
    const at = new Date(2026, 2, 20, 14, 5, 9).getTime();
    expect(read(zh, 'complaints', 'steps', JSON.stringify([{ at, who: '王芳', text: '已致电客户致歉' }]))).toEqual({ kind: 'text', text: '2026-03-20 14:05:09 王芳：已致电客户致歉' });
    const override = read(zh, 'tickets', 'warranty_override', JSON.stringify({ inWarranty: false, exclusionReason: 'physicalDamage', note: null, who: '王芳', at }));
    expect(override).toEqual({ kind: 'lines', lines: ['在保：否', '原因：人为损坏或使用电压不符', '备注：—', '经手人：王芳', '时间：2026-03-20 14:05:09'] });
    const engine = { inWarranty: true, summary: 'ending', reasons: [{ key: 'warranty.state.ending', params: { end: '2027-03-01', count: 9 } }] };
    expect(read(zh, 'tickets', 'warranty_engine', JSON.stringify(engine))).toEqual({
      kind: 'lines',
      lines: ['在保：是', '保修判定：保修即将到期', '保修即将到期：保修至 2027-03-01（含当日），含今天还剩 9 天'],
    });
  });
});
