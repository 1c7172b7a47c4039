import { useTranslation } from 'react-i18next';

/**
 * Stored codes that already have words elsewhere in the catalog: `table.column` (or a bare
 * column, for every table) → the catalog branch naming each code.
 */
const VOCABULARY: Record<string, string> = {
  region: 'region',
  'customers.kind': 'customerKind',
  'units.status': 'unitStatus',
  'unit_status_history.status': 'unitStatus',
  'tickets.status': 'ticketing.status',
  'ticket_events.from_status': 'ticketing.status',
  'ticket_events.to_status': 'ticketing.status',
  'tickets.source': 'ticketing.source',
  severity: 'ticketing.severity',
  fault_category: 'ticketing.faultCategory',
  payment_method: 'ticketing.payment',
  sanbao_path: 'ticketing.sanbaoPath',
  'warranty_policy_versions.basis': 'warrantyBasis',
  'warranty_exclusions.reason': 'exclusionReason',
  'documents.paper': 'paper',
  'documents.language': 'language',
  'complaints.channel': 'service.channel',
  'complaints.verdict': 'service.verdict',
};

/**
 * Names from the catalog with the raw name as the fallback: a table or column added after
 * this screen was written still shows, and is not reported as a missing key.
 * i18next reads ':' as a namespace separator, so `tickets:create` is looked up as tickets → create.
 */
export function useAuditLabels() {
  const { t, i18n } = useTranslation();
  const named = (key: string, raw: string) => (typeof i18n.getResource(i18n.language, 'translation', key) === 'string' ? t(key) : raw);
  return {
    channel: (channel: string) => {
      const [domain = '', verb = ''] = channel.split(':');
      return named(`audit.channels.${domain}.${verb}`, channel);
    },
    table: (table: string) => named(`audit.tables.${table}`, table),
    /** The main record before its parts (客户 before 客户电话): the catalog lists tables in that order. */
    sortTables: (tables: string[]): string[] => {
      const order = Object.keys((i18n.getResource(i18n.language, 'translation', 'audit.tables') as Record<string, string> | undefined) ?? {});
      const rank = (x: string) => (order.includes(x) ? order.indexOf(x) : order.length);
      return [...tables].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    },
    field: (column: string) => named(`audit.fields.${column}`, column),
    /** A stored code in words (urban → 市区), or null when the column holds no known codes. */
    code: (table: string, column: string, value: string): string | null => {
      const branch = VOCABULARY[`${table}.${column}`] ?? VOCABULARY[column];
      if (!branch || value.includes('.')) return null;
      const key = `${branch}.${value}`;
      return typeof i18n.getResource(i18n.language, 'translation', key) === 'string' ? t(key) : null;
    },
  };
}
