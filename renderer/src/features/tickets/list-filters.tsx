import { Button, Group, MultiSelect, SegmentedControl, Select } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { OPEN_STATUSES, SEVERITIES, TICKET_STATUSES, type Severity, type TicketStatus } from '../../../../shared/domain/ticket-status';
import { useApiQuery } from '../../api/client';
import { DayInput } from '../../ui/DayInput';

export interface TicketFilters {
  scope: 'open' | 'all';
  statuses: TicketStatus[];
  severity: Severity | null;
  technicianId: number | null;
  from: string | null;
  to: string | null;
}

export const NO_FILTERS: TicketFilters = { scope: 'open', statuses: [], severity: null, technicianId: null, from: null, to: null };

export function isFiltered(f: TicketFilters): boolean {
  return f.statuses.length > 0 || f.severity !== null || f.technicianId !== null || f.from !== null || f.to !== null;
}

/** The filters above the ticket list; each change starts again from the first page. */
export function TicketFilterBar({ value, onChange }: { value: TicketFilters; onChange: (next: TicketFilters) => void }) {
  const { t } = useTranslation();
  const technicians = useApiQuery('technicians:list', { includeInactive: true });
  // In the open scope only open statuses can match, so only those are offered.
  const statusChoices = value.scope === 'open' ? OPEN_STATUSES : TICKET_STATUSES;
  const set = (patch: Partial<TicketFilters>) => onChange({ ...value, ...patch });
  const dayText = { hint: t('desk.list.datePlaceholder'), invalid: t('desk.list.dateInvalid'), width: 150 };
  return (
    <Group mb="sm" gap="sm" align="flex-start" data-testid="ticket-filters">
      <SegmentedControl
        aria-label={t('desk.list.scopeLabel')}
        value={value.scope}
        onChange={(scope) => {
          const next = scope === 'all' ? 'all' : 'open';
          set({ scope: next, statuses: next === 'open' ? value.statuses.filter((s) => OPEN_STATUSES.includes(s)) : value.statuses });
        }}
        data={[
          { value: 'open', label: t('desk.list.scope.open') },
          { value: 'all', label: t('desk.list.scope.all') },
        ]}
      />
      <MultiSelect
        w={240}
        aria-label={t('desk.list.statusFilter')}
        placeholder={value.statuses.length === 0 ? t('desk.list.anyStatus') : undefined}
        clearable
        value={value.statuses}
        onChange={(v) => set({ statuses: v as TicketStatus[] })}
        data={statusChoices.map((s) => ({ value: s, label: t(`ticketing.status.${s}`) }))}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        w={150}
        aria-label={t('desk.list.severityFilter')}
        placeholder={t('desk.list.anySeverity')}
        clearable
        value={value.severity}
        onChange={(v) => set({ severity: (v as Severity | null) ?? null })}
        data={SEVERITIES.map((s) => ({ value: s, label: t(`ticketing.severity.${s}`) }))}
      />
      <Select
        w={140}
        aria-label={t('desk.list.technicianFilter')}
        placeholder={t('desk.list.anyTechnician')}
        clearable
        searchable
        value={value.technicianId === null ? null : String(value.technicianId)}
        onChange={(v) => set({ technicianId: v ? Number(v) : null })}
        data={(technicians.data ?? []).map((x) => ({ value: String(x.id), label: x.name }))}
      />
      <Group gap={4} align="flex-start">
        <DayInput label={t('desk.list.from')} value={value.from} onChange={(from) => set({ from })} {...dayText} />
        <DayInput label={t('desk.list.to')} value={value.to} onChange={(to) => set({ to })} {...dayText} />
      </Group>
      {isFiltered(value) && (
        <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} />} onClick={() => onChange({ ...NO_FILTERS, scope: value.scope })}>
          {t('desk.list.clear')}
        </Button>
      )}
    </Group>
  );
}
