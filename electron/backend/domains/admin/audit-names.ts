import { sql } from 'kysely';
import type { Db } from '../../db/schema';
import { CODED_RECORDS } from '../../../../shared/domain/audit-rows';
import { joinLabel, labelRule } from '../../db/record-labels';

type Values = Record<string, unknown>;

/** An audit row as the names are worked out from it. */
export interface LoggedRow {
  id: number;
  table_name: string;
  row_id: string;
  op: 'insert' | 'update' | 'delete';
  before: string | null;
  after: string | null;
  label: string | null;
}

const parse = (json: string | null): Values => (json ? (JSON.parse(json) as Values) : {});
const asText = (v: unknown): string | null => (v === null || v === undefined || v === '' || typeof v === 'object' ? null : String(v));

/** The tables a document's `record_type` names. */
const DOCUMENT_RECORDS: Record<string, string> = { unit: 'units', ticket: 'tickets', visit: 'visits', contract: 'maintenance_contracts' };

/**
 * The names of logged records, worked out once per request. A row logged since migration 0140
 * carries its record's name as it was then. For an older one the name comes from what the log
 * recorded (the row itself, then the record's earlier rows), and only then from the live row:
 * the record may have been renamed or deleted since.
 */
export class RecordNames {
  private readonly names = new Map<string, Promise<string | null>>();
  private readonly keys = new Map<string, Promise<string[]>>();
  private readonly references = new Map<string, Promise<Record<string, string>>>();

  constructor(private readonly db: Db) {}

  /** The name of the record a logged row touched. */
  async ofRow(row: LoggedRow): Promise<string | null> {
    if (CODED_RECORDS.includes(row.table_name)) return row.row_id;
    if (row.label !== null) return row.label;
    return this.compose(row.table_name, row.row_id, { ...parse(row.before), ...parse(row.after) }, row.id);
  }

  /** A record named as the log knew it up to audit row `asOf` (null: as it is now). */
  of(table: string, rowId: string, asOf: number | null): Promise<string | null> {
    if (CODED_RECORDS.includes(table)) return Promise.resolve(rowId);
    const key = `${table}\u0000${rowId}\u0000${asOf ?? ''}`;
    let name = this.names.get(key);
    if (!name) {
      name = this.lookUp(table, rowId, asOf);
      this.names.set(key, name);
    }
    return name;
  }

  /** Columns of a logged row that hold another record's id → that record's table. */
  async refs(row: Pick<LoggedRow, 'table_name' | 'before' | 'after'>): Promise<Record<string, string>> {
    const refs = { ...(await this.foreignKeys(row.table_name)) };
    if (row.table_name === 'documents') {
      const type = asText({ ...parse(row.before), ...parse(row.after) }.record_type);
      const table = type ? DOCUMENT_RECORDS[type] : undefined;
      if (table) refs.record_id = table;
    }
    return refs;
  }

  private async lookUp(table: string, rowId: string, asOf: number | null): Promise<string | null> {
    // Walks the record's own index (table_name, row_id), newest first.
    let kept = this.db
      .selectFrom('audit_rows')
      .select('label')
      .where('table_name', '=', table)
      .where('row_id', '=', rowId)
      .where('label', 'is not', null);
    if (asOf !== null) kept = kept.where('id', '<=', asOf);
    const row = await kept.orderBy('id', 'desc').limit(1).executeTakeFirst();
    if (row?.label) return row.label;
    return this.compose(table, rowId, {}, asOf);
  }

  private async compose(table: string, rowId: string, known: Values, asOf: number | null): Promise<string | null> {
    const rule = labelRule(table);
    if (!rule) return null;
    const columns = rule.parts.map((p) => p.column);
    let values: Values = { ...(await this.keyValues(table, rowId)), ...known };
    const missing = () => columns.filter((c) => values[c] === undefined);
    if (missing().length > 0) values = { ...(await this.recorded(table, rowId, asOf, missing())), ...values };
    if (missing().length > 0) values = { ...(await this.live(table, rowId)), ...values };
    const parts = await Promise.all(
      rule.parts.map((part) => {
        const value = asText(values[part.column]);
        return value !== null && part.table ? this.of(part.table, value, asOf) : value;
      }),
    );
    return joinLabel(rule, parts);
  }

  /** The latest value of each column the log recorded for the record, up to `asOf`. */
  private async recorded(table: string, rowId: string, asOf: number | null, columns: string[]): Promise<Values> {
    let q = this.db.selectFrom('audit_rows').select(['op', 'before', 'after']).where('table_name', '=', table).where('row_id', '=', rowId);
    if (asOf !== null) q = q.where('id', '<=', asOf);
    const found: Values = {};
    for (const row of await q.orderBy('id', 'desc').execute()) {
      // A deleted record's last state is what the delete recorded.
      const values = parse(row.op === 'delete' ? row.before : row.after);
      for (const c of columns) if (found[c] === undefined && c in values) found[c] = values[c];
      if (columns.every((c) => found[c] !== undefined)) break;
    }
    return found;
  }

  private async live(table: string, rowId: string): Promise<Values> {
    const keys = await this.primaryKey(table);
    const values = await this.keyValues(table, rowId);
    if (keys.length === 0 || keys.some((k) => values[k] === undefined)) return {};
    const where = sql.join(keys.map((k) => sql`${sql.ref(k)} = ${values[k] as string | number}`), sql` and `);
    const { rows } = await sql<Values>`select * from ${sql.table(table)} where ${where}`.execute(this.db);
    return rows[0] ?? {};
  }

  /** The primary key's columns, as the row id carries them (one value, or a JSON array for several). */
  private async keyValues(table: string, rowId: string): Promise<Values> {
    const keys = await this.primaryKey(table);
    if (keys.length === 1) return { [keys[0]!]: rowId };
    if (keys.length === 0 || !rowId.startsWith('[')) return {};
    const parts = JSON.parse(rowId) as unknown[];
    return Object.fromEntries(keys.map((k, i) => [k, parts[i]]));
  }

  private primaryKey(table: string): Promise<string[]> {
    let keys = this.keys.get(table);
    if (!keys) {
      keys = sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${table}) where pk > 0 order by pk`
        .execute(this.db)
        .then((r) => r.rows.map((c) => c.name));
      this.keys.set(table, keys);
    }
    return keys;
  }

  private foreignKeys(table: string): Promise<Record<string, string>> {
    let refs = this.references.get(table);
    if (!refs) {
      refs = sql<{ from: string; table: string }>`select "from", "table" from pragma_foreign_key_list(${table})`
        .execute(this.db)
        .then((r) => Object.fromEntries(r.rows.map((f) => [f.from, f.table])));
      this.references.set(table, refs);
    }
    return refs;
  }
}

/**
 * Which record a change was about, by the part of the desk it came from: a transition writes the
 * ticket and its event, a part used writes stock too, and the change is about the ticket.
 */
const HOME_TABLES: Record<string, string[]> = {
  customers: ['customers'],
  import: ['customers', 'units'],
  policies: ['warranty_policies'],
  models: ['product_models'],
  units: ['units'],
  documents: ['documents'],
  tickets: ['tickets'],
  callbacks: ['tickets'],
  complaints: ['complaints'],
  technicians: ['technicians'],
  parts: ['parts'],
  loaners: ['loaners'],
  loans: ['loans'],
  fees: ['labour_fees'],
  serviceLevels: ['service_levels'],
  calendar: ['calendar_years'],
  settings: ['settings'],
  session: ['security', 'operators'],
  operators: ['operators'],
  backups: ['database'],
  health: ['database'],
  review: ['ticket_reviews', 'review_settings'],
  survey: ['survey_questions'],
};

/** The table of a change's subject among those it wrote (each with its first row's id). */
export function subjectTable(channel: string, written: { table: string; first: number }[]): string | null {
  const domain = channel.split(':')[0] ?? '';
  const home = Object.hasOwn(HOME_TABLES, domain) ? HOME_TABLES[domain]! : [];
  const preferred = home.find((table) => written.some((w) => w.table === table));
  if (preferred) return preferred;
  // Otherwise whatever it wrote first.
  return [...written].sort((a, b) => a.first - b.first)[0]?.table ?? null;
}
