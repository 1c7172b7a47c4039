import { useTranslation } from 'react-i18next';
import type { AuditRecord } from '../../../../shared/schemas/security';
import { CODED_RECORDS } from '../../../../shared/domain/audit-rows';
import type { Words } from '../../../../shared/domain/audit-values';
import { currentLanguage } from '../../app/i18n';

/**
 * The log's names in the clerk's words. A name missing from the catalog falls back to a
 * general word, never to the developer's name for it (a unit test keeps the catalog complete).
 * i18next reads ':' as a namespace separator, so `tickets:create` is looked up as tickets → create.
 */
export function useAuditLabels() {
  const { t, i18n } = useTranslation();
  const has = (key: string) => typeof i18n.getResource(i18n.language, 'translation', key) === 'string';
  const named = (key: string, fallback: string) => (has(key) ? t(key) : t(fallback));
  const table = (name: string) => named(`audit.tables.${name}`, 'audit.unknownTable');
  const words: Words = { lang: currentLanguage(), has, t: (key, params) => (params ? t(key, params) : t(key)) };
  return {
    words,
    channel: (channel: string) => {
      const [domain = '', verb = ''] = channel.split(':');
      return named(`audit.channels.${domain}.${verb}`, 'audit.unknownAction');
    },
    table,
    /** The main record before its parts (客户 before 客户电话): the catalog lists tables in that order. */
    sortTables: (tables: string[]): string[] => {
      const order = Object.keys((i18n.getResource(i18n.language, 'translation', 'audit.tables') as Record<string, string> | undefined) ?? {});
      const rank = (x: string) => (order.includes(x) ? order.indexOf(x) : order.length);
      return [...tables].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    },
    field: (column: string) => named(`audit.fields.${column}`, 'audit.unknownField'),
    /** A record's name as the log gave it; a key for settings and the like, in words. */
    record: ({ table: name, label }: AuditRecord): string => {
      if (label === null) return t('audit.unnamed', { table: table(name) });
      if (!CODED_RECORDS.includes(name)) return label;
      return has(`audit.records.${name}.${label}`) ? t(`audit.records.${name}.${label}`) : table(name);
    },
  };
}

export type AuditLabels = ReturnType<typeof useAuditLabels>;
