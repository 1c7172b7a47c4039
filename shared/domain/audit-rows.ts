/** How the audit screen reads logged rows: pure, so the node tests check it without a browser. */
import { formatDate } from '../format';
import type { Language } from '../i18n/languages';
import type { AuditOp, AuditRowChange } from '../schemas/security';
import { localDay, localTime } from './dates';

/** An audit time to the second: two changes in the same minute must still read apart. */
export function formatMoment(ms: number, lang: Language): string {
  return `${formatDate(localDay(ms), lang)} ${localTime(ms, { seconds: true })}`;
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
  /** The record's name, and the columns naming other records (see AuditRowChange). */
  label: string | null;
  refs: Record<string, string>;
  /** The whole row as added or deleted (for a record shown as one sentence, like a ticket's event). */
  values: Record<string, unknown> | null;
}

/**
 * Records named by a key the screen translates (a setting's name, the PIN, the whole database),
 * not by their data: the backend logs the key as their name, the audit screen translates it.
 * `database` is no table: a restore logs it by hand.
 */
export const CODED_RECORDS: readonly string[] = ['settings', 'security', 'database'];

/**
 * Columns never shown: a record's own internal number (it is named instead), and the key of a
 * setting (the setting's name is the record's name).
 */
function isHiddenColumn(table: string, column: string): boolean {
  return column === 'id' || ((table === 'settings' || table === 'security') && column === 'key');
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function columnsOf(table: string, ...objects: (Record<string, unknown> | null)[]): string[] {
  const seen = new Set<string>();
  for (const o of objects) for (const k of Object.keys(o ?? {})) if (!isHiddenColumn(table, k)) seen.add(k);
  return [...seen];
}

/**
 * The log's rows made readable: a phone list saved whole is logged as "delete phone 1, insert
 * phone 1"; read as one record going from the old number to the new, showing only what changed.
 * A record updated in several steps of one request (status, then the time it changed) is one
 * entry: what it was before the first step, what it was after the last.
 */
export function rowEntries(rows: AuditRowChange[]): RowEntry[] {
  const used = new Set<number>();
  const out: RowEntry[] = [];
  const updated = new Map<string, RowEntry>();
  const entry = (row: AuditRowChange, op: RowEntry['op'], fields: FieldChange[], hiddenEmpty = 0, values: Record<string, unknown> | null = null): RowEntry => ({
    table: row.table,
    rowId: row.rowId,
    op,
    fields,
    hiddenEmpty,
    label: row.label,
    refs: row.refs,
    values,
  });
  rows.forEach((row, i) => {
    if (used.has(i)) return;
    if (row.op === 'delete') {
      const j = rows.findIndex((r, k) => k > i && !used.has(k) && r.op === 'insert' && r.table === row.table && r.rowId === row.rowId);
      if (j >= 0) {
        used.add(j);
        const again = rows[j]!;
        const fields = columnsOf(row.table, row.before, again.after)
          .filter((c) => !same(row.before?.[c], again.after?.[c]))
          .map((c) => ({ column: c, before: row.before?.[c], after: again.after?.[c] }));
        out.push({ ...entry(row, 'replaced', fields), label: again.label ?? row.label });
        return;
      }
    }
    if (row.op === 'update') {
      const key = `${row.table}\u0000${row.rowId}`;
      const earlier = updated.get(key);
      const fields = columnsOf(row.table, row.before, row.after).map((c) => ({ column: c, before: row.before?.[c], after: row.after?.[c] }));
      if (!earlier) {
        const first = entry(row, 'update', fields);
        updated.set(key, first);
        out.push(first);
        return;
      }
      for (const f of fields) {
        const known = earlier.fields.find((e) => e.column === f.column);
        if (known) known.after = f.after;
        else earlier.fields.push(f);
      }
      earlier.label = row.label ?? earlier.label;
      return;
    }
    const values = (row.op === 'insert' ? row.after : row.before) ?? {};
    const columns = columnsOf(row.table, values);
    const shown = columns.filter((c) => !isEmpty(values[c]));
    out.push(
      entry(
        row,
        row.op,
        shown.map((c) => (row.op === 'insert' ? { column: c, before: null, after: values[c] } : { column: c, before: values[c], after: null })),
        columns.length - shown.length,
        values,
      ),
    );
  });
  return out;
}
