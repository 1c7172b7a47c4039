import { Badge, Button, CloseButton, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRecord } from '../../../../shared/schemas/security';
import { useApiQuery } from '../../api/client';
import { DayInput } from '../../ui/DayInput';
import { useAuditLabels } from './audit-labels';

export interface AuditFilters {
  from: string | null;
  to: string | null;
  operator: string | null;
  channel: string | null;
  table: string | null;
  text: string | null;
  /** With `table`: the changes of one record, reached from a change's detail. */
  rowId: string | null;
}

/** A front desk looks for "who changed this" with no idea when: the whole log, newest first. */
export const NO_AUDIT_FILTERS: AuditFilters = { from: null, to: null, operator: null, channel: null, table: null, text: null, rowId: null };

export function isAuditFiltered(f: AuditFilters): boolean {
  return Object.values(f).some((v) => v !== null);
}

const collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true });
const byLabel = (a: { label: string }, b: { label: string }) => collator.compare(a.label, b.label);


/** Typed text is sent once the clerk pauses, not on every key. */
function SearchInput({ value, onChange }: { value: string | null; onChange: (text: string | null) => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setTyped(value ?? '');
  }
  const send = useDebouncedCallback((text: string) => onChange(text.trim() || null), 300);
  return (
    <TextInput
      w={220}
      aria-label={t('audit.filters.text')}
      placeholder={t('audit.filters.textPlaceholder')}
      leftSection={<IconSearch size={14} />}
      value={typed}
      onChange={(e) => {
        setTyped(e.currentTarget.value);
        send(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          send.cancel();
          onChange(typed.trim() || null);
        }
      }}
    />
  );
}

/** The filters above the log; only operators, actions and record types present in it are offered. */
export function AuditFilterBar({ value, onChange, record }: { value: AuditFilters; onChange: (next: AuditFilters) => void; record: AuditRecord | null }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const facets = useApiQuery('audit:facets', {}, { staleTime: 0 });
  const set = (patch: Partial<AuditFilters>) => onChange({ ...value, ...patch });
  const dayText = { hint: t('audit.filters.datePlaceholder'), invalid: t('audit.filters.dateInvalid'), width: 130 };
  const f = facets.data;
  return (
    <Group mb="sm" gap="xs" align="flex-start" role="search" aria-label={t('audit.filters.label')} data-testid="audit-filters">
      <Group gap={4} align="flex-start">
        <DayInput label={t('audit.filters.from')} value={value.from} onChange={(from) => set({ from })} {...dayText} />
        <DayInput label={t('audit.filters.to')} value={value.to} onChange={(to) => set({ to })} {...dayText} />
      </Group>
      <Select
        w={130}
        aria-label={t('audit.filters.operator')}
        placeholder={t('audit.filters.anyOperator')}
        clearable
        searchable
        value={value.operator}
        onChange={(operator) => set({ operator })}
        // Changes made before anyone said who is at the desk carry no name, and cannot be picked.
        data={(f?.operators ?? []).filter((o) => o !== '')}
      />
      <Select
        w={170}
        aria-label={t('audit.filters.action')}
        placeholder={t('audit.filters.anyAction')}
        clearable
        searchable
        value={value.channel}
        onChange={(channel) => set({ channel })}
        data={(f?.channels ?? []).map((c) => ({ value: c, label: labels.channel(c) })).sort(byLabel)}
        comboboxProps={{ width: 220, position: 'bottom-start' }}
      />
      <Select
        w={150}
        aria-label={t('audit.filters.table')}
        placeholder={t('audit.filters.anyTable')}
        clearable
        searchable
        value={value.table}
        // A record's history is within one table: choosing another type leaves the record.
        onChange={(table) => set({ table, rowId: table === value.table ? value.rowId : null })}
        data={(f?.tables ?? []).map((x) => ({ value: x, label: labels.table(x) })).sort(byLabel)}
        comboboxProps={{ width: 200, position: 'bottom-start' }}
      />
      <SearchInput value={value.text} onChange={(text) => set({ text })} />
      {value.rowId !== null && value.table !== null && (
        <Badge
          size="lg"
          radius="sm"
          tt="none"
          variant="light"
          mt={4}
          data-testid="audit-record-filter"
          rightSection={<CloseButton size="xs" aria-label={t('audit.filters.clearRecord')} onClick={() => set({ rowId: null })} />}
        >
          {t('audit.filters.record', { table: labels.table(value.table), name: record ? labels.record(record) : '…' })}
        </Badge>
      )}
      {isAuditFiltered(value) && (
        <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} />} onClick={() => onChange(NO_AUDIT_FILTERS)}>
          {t('audit.filters.clear')}
        </Button>
      )}
    </Group>
  );
}
