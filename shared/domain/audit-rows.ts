/** How the audit screen reads logged rows: pure, so the node tests check it without a browser. */
import { formatDate, formatMoney, formatPhone } from '../format';
import type { Language } from '../i18n/languages';
import type { AuditOp, AuditRowChange } from '../schemas/security';
import { localDay, localTime } from './dates';

/** An audit time to the second: two changes in the same minute must still read apart. */
export function formatMoment(ms: number, lang: Language): string {
  return `${formatDate(localDay(ms), lang)} ${localTime(ms, { seconds: true })}`;
}

/** SQLite keeps flags as 0/1; these columns are flags, not counts. */
const FLAGS = new Set(['active', 'is_default', 'in_warranty', 'lead', 'warranty_in', 'reached', 'unfixed_downtime', 'lifetime_maintenance', 'open']);
/** What the audit triggers write in place of a masked value (the PIN's hash). */
const MASK = '••••';
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Epoch ms before 2001 are not moments the desk wrote: a column holding them is shown as stored. */
const MOMENT_FLOOR = 978_307_200_000;

export type ShownValue =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'flag'; on: boolean }
  | { kind: 'masked' }
  /** Short JSON stays on one line; longer is laid out in a block. */
  | { kind: 'json'; text: string; block: boolean };

const isMomentColumn = (column: string) => column === 'at' || column.endsWith('_at') || column.endsWith('_due');

/** A stored value as the desk reads it: money in yuan, moments in local time, JSON laid out. */
export function showValue(column: string, value: unknown, lang: Language): ShownValue {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (value === MASK) return { kind: 'masked' };
  if (typeof value === 'boolean') return { kind: 'flag', on: value };
  if (typeof value === 'number') {
    if (FLAGS.has(column) && (value === 0 || value === 1)) return { kind: 'flag', on: value === 1 };
    if (column.endsWith('_fen') && Number.isInteger(value)) return { kind: 'text', text: formatMoney(value, lang) };
    if (isMomentColumn(column) && value >= MOMENT_FLOOR) return { kind: 'text', text: formatMoment(value, lang) };
    return { kind: 'text', text: String(value) };
  }
  if (typeof value === 'string') {
    if (ISO_DAY.test(value)) return { kind: 'text', text: formatDate(value, lang) };
    if (column === 'phone' || column.endsWith('_phone')) return { kind: 'text', text: formatPhone(value) };
    const parsed = parseJson(value);
    if (parsed !== undefined) return jsonValue(parsed);
    return { kind: 'text', text: value };
  }
  return jsonValue(value);
}

const SHORT_JSON = 60;

function jsonValue(value: unknown): ShownValue {
  const compact = JSON.stringify(value);
  return compact.length <= SHORT_JSON ? { kind: 'json', text: compact, block: false } : { kind: 'json', text: JSON.stringify(value, null, 2), block: true };
}

/** Objects and arrays written as JSON text ("12" stays a string); undefined if not JSON. */
function parseJson(text: string): unknown {
  const s = text.trim();
  if (!(s.startsWith('{') || s.startsWith('['))) return undefined;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return undefined;
  }
}

/** JSON text laid out two spaces deep; null if not JSON. */
export function prettyJson(text: string): string | null {
  const parsed = parseJson(text);
  return parsed === undefined ? null : JSON.stringify(parsed, null, 2);
}

export interface FieldChange {
  column: string;
  before: unknown;
  after: unknown;
}

/** One changed record as the detail shows it. */
export interface RowEntry {
  table: string;
  rowId: string;
  /** "replaced": deleted and written again under the same id in one request (a list saved whole). */
  op: AuditOp | 'replaced';
  fields: FieldChange[];
  /** Empty columns of an added or deleted record, left out to keep the table short. */
  hiddenEmpty: number;
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function columnsOf(...objects: (Record<string, unknown> | null)[]): string[] {
  const seen = new Set<string>();
  for (const o of objects) for (const k of Object.keys(o ?? {})) seen.add(k);
  return [...seen];
}

/**
 * The log's rows made readable: a phone list saved whole is logged as "delete phone 1, insert
 * phone 1"; read as one record going from the old number to the new, showing only what changed.
 */
export function rowEntries(rows: AuditRowChange[]): RowEntry[] {
  const used = new Set<number>();
  const out: RowEntry[] = [];
  rows.forEach((row, i) => {
    if (used.has(i)) return;
    if (row.op === 'delete') {
      const j = rows.findIndex((r, k) => k > i && !used.has(k) && r.op === 'insert' && r.table === row.table && r.rowId === row.rowId);
      if (j >= 0) {
        used.add(j);
        const again = rows[j]!;
        const fields = columnsOf(row.before, again.after)
          .filter((c) => !same(row.before?.[c], again.after?.[c]))
          .map((c) => ({ column: c, before: row.before?.[c], after: again.after?.[c] }));
        out.push({ table: row.table, rowId: row.rowId, op: 'replaced', fields, hiddenEmpty: 0 });
        return;
      }
    }
    if (row.op === 'update') {
      const fields = columnsOf(row.before, row.after).map((c) => ({ column: c, before: row.before?.[c], after: row.after?.[c] }));
      out.push({ table: row.table, rowId: row.rowId, op: 'update', fields, hiddenEmpty: 0 });
      return;
    }
    const values = (row.op === 'insert' ? row.after : row.before) ?? {};
    const columns = Object.keys(values);
    const shown = columns.filter((c) => !isEmpty(values[c]));
    out.push({
      table: row.table,
      rowId: row.rowId,
      op: row.op,
      fields: shown.map((c) => (row.op === 'insert' ? { column: c, before: null, after: values[c] } : { column: c, before: values[c], after: null })),
      hiddenEmpty: columns.length - shown.length,
    });
  });
  return out;
}
