import { Button, Group, Kbd, SegmentedControl, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconCalendarRepeat, IconFilter, IconPlus, IconPrinter } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format';
import { todayIso } from '../../../../shared/domain/dates';
import type { ContractSummary } from '../../../../shared/schemas/maintenance';
import { useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { useRemembered } from '../../lib/remembered';
import { EntityTable, sortedRows, UNSORTED, type Column } from '../../ui/EntityTable';
import { TwoLines } from '../../ui/OneLine';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { BatchPrintModal } from './BatchPrintModal';
import { ContractFormModal } from './ContractFormModal';
import { contractState, ContractStateBadge, termText, useRenewalLeadDays } from './labels';

const STATUSES = ['active', 'ending', 'ended', 'all'] as const;
type Status = (typeof STATUSES)[number];

export function openContract(id: number) {
  navigate({ section: 'contract', id });
}

const STATE_ORDER = { ending: 0, active: 1, upcoming: 2, ended: 3, cancelled: 4 } as const;

/** The columns; the status sorts by the desk's own renewal lead time, as its badge shows it. */
const columns = (leadDays: number): Column<ContractSummary>[] => [
  { key: 'number', header: 'maintenance.list.columns.number', cell: (c) => c.number, sort: (c) => c.number, mono: true, nowrap: true, w: 150 },
  { key: 'customer', header: 'maintenance.list.columns.customer', cell: (c) => <TwoLines text={c.customerName} fw={500} />, sort: (c) => c.customerName, fill: 160 },
  { key: 'kind', header: 'maintenance.list.columns.kind', cell: (c, t) => t(`maintenance.contract.kindShort.${c.kind}`), sort: (c) => c.kind, nowrap: true },
  { key: 'term', header: 'maintenance.list.columns.term', cell: (c) => termText(c.startsOn, c.endsOn, currentLanguage()), sort: (c) => c.endsOn, nowrap: true },
  { key: 'units', header: 'maintenance.list.columns.units', cell: (c) => c.unitCount, sort: (c) => c.unitCount, align: 'right', w: 70 },
  { key: 'nextVisit', header: 'maintenance.list.columns.nextVisit', cell: (c, t) => (c.nextVisitOn ? formatDate(c.nextVisitOn, currentLanguage()) : t('app.common.none')), sort: (c) => c.nextVisitOn, nowrap: true },
  { key: 'visitsDue', header: 'maintenance.list.columns.visitsDue', cell: (c) => c.visitsDue, sort: (c) => c.visitsDue, align: 'right', nowrap: true },
  { key: 'status', header: 'maintenance.list.columns.status', cell: (c) => <ContractStateBadge contract={c} />, sort: (c) => STATE_ORDER[contractState(c, todayIso(), leadDays)], nowrap: true },
];

/** Maintenance contracts (维保合同): those in force by default, the ones to renew, the ended, or all. */
export function ContractsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useRemembered<Status>('contracts.status', 'active');
  const [filter, setFilter] = useRemembered('contracts.filter', '');
  const [sort, setSort] = useRemembered('contracts.sort', UNSORTED);
  const [creating, setCreating] = useState(false);
  const [batch, setBatch] = useState(false);
  const [query] = useDebouncedValue(filter.trim(), 150);
  const list = useApiQuery('contracts:list', { query, status, limit: 500 }, { placeholderData: (previous) => previous });
  const rows = list.data ?? [];
  const filtered = query !== '' || status !== 'all';
  const leadDays = useRenewalLeadDays();
  const tableColumns = useMemo(() => columns(leadDays), [leadDays]);
  useHotkeys([['mod+shift+N', () => setCreating(true)]], []);

  return (
    <>
      <PageHeader title={t('maintenance.list.title')}>
        <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => setBatch(true)} data-testid="batch-print-open">
          {t('maintenancePapers.batch.open')}
        </Button>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          {t('maintenance.list.new')}
          <Kbd ml={8} size="xs">
            {t('app.keys.newHere')}
          </Kbd>
        </Button>
      </PageHeader>
      <Group mb="sm" gap="sm">
        <TextInput
          w={300}
          leftSection={<IconFilter size={16} />}
          aria-label={t('maintenance.list.filterLabel')}
          placeholder={t('maintenance.list.filterPlaceholder')}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          onKeyDown={(e) => {
            const first = sortedRows(rows, tableColumns, sort)[0];
            if (e.key === 'Enter' && first) openContract(first.id);
          }}
        />
        <SegmentedControl
          aria-label={t('maintenance.list.statusLabel')}
          value={status}
          onChange={(v) => setStatus(v as Status)}
          data={STATUSES.map((s) => ({ value: s, label: t(`maintenance.list.filter.${s}`) }))}
          data-testid="contracts-status"
        />
      </Group>
      <QueryState isPending={list.isPending} error={list.error} />
      {(list.isSuccess || rows.length > 0) && (
        <EntityTable
          testId="contracts-table"
          stickyHeader
          columns={tableColumns}
          rows={rows}
          rowKey={(c) => c.id}
          sort={sort}
          onSortChange={setSort}
          rowProps={(c) => ({
            tabIndex: 0,
            style: { cursor: 'pointer' },
            c: c.cancelledAt !== null ? 'dimmed' : undefined,
            onClick: () => openContract(c.id),
            onKeyDown: (e) => e.key === 'Enter' && openContract(c.id),
          })}
          count={
            <Text span size="xs" data-testid="contracts-total">
              {t('maintenance.list.count', { count: rows.length })}
            </Text>
          }
          empty={{
            page: true,
            icon: IconCalendarRepeat,
            title: t(filtered ? 'maintenance.list.noMatch.title' : 'maintenance.list.empty.title'),
            description: t(filtered ? 'maintenance.list.noMatch.description' : 'maintenance.list.empty.description'),
            actions: (
              <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                {t('maintenance.list.new')}
              </Button>
            ),
          }}
        />
      )}
      <ContractFormModal opened={creating} onClose={() => setCreating(false)} />
      <BatchPrintModal opened={batch} onClose={() => setBatch(false)} />
    </>
  );
}
