import { Button, EmptyState, Group, Text } from '@mantine/core';
import { IconFilterOff, IconTool } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TICKET_SORTS, TicketRow } from '../../../../shared/schemas/ticket';
import { useApiQuery } from '../../api/client';
import { PageHeader } from '../../ui/PageHeader';
import { ExportButton } from '../../ui/ExportButton';
import { QueryState } from '../../ui/QueryState';
import { useRemembered } from '../../lib/remembered';
import { isFiltered, NO_FILTERS, TicketFilterBar, type TicketFilters } from './list-filters';
import { FindCustomerButton } from './list-new-repair';
import { TICKET_COLUMNS, TicketTable, type ColumnSort, type TicketColumn } from './list-table';
import { Pager } from '../../ui/Pager';

const PAGE_SIZE = 50;

type ServerSort = (typeof TICKET_SORTS)[number];

/** Columns the backend sorts across every page; the others sort the page shown. */
const SERVER_SORT: Partial<Record<TicketColumn, ServerSort>> = { number: 'number', reported: 'reported', status: 'status', deadline: 'due' };

const collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true, sensitivity: 'base' });
const PAGE_SORT: Partial<Record<TicketColumn, (r: TicketRow) => string | number>> = {
  customer: (r) => r.customerName,
  unit: (r) => r.unitLabel,
  fault: (r) => r.faultCategory,
  severity: (r) => ['ordinary', 'major', 'emergency'].indexOf(r.severity),
  technicians: (r) => r.technicians.join(' '),
};

function sortPage(rows: TicketRow[], sort: ColumnSort): TicketRow[] {
  const get = PAGE_SORT[sort.key];
  if (!get) return rows;
  const out = [...rows].sort((a, b) => {
    const x = get(a);
    const y = get(b);
    return typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
  });
  return sort.desc ? out.reverse() : out;
}

/** Every ticket: filters above, sortable columns, the total and the pages below. */
export function TicketsPage() {
  const { t } = useTranslation();
  const [filters, setFiltersState] = useRemembered<TicketFilters>('tickets.filters', NO_FILTERS);
  const [sort, setSort] = useRemembered<ColumnSort>('tickets.sort', { key: 'reported', desc: true });
  const [page, setPage] = useRemembered('tickets.page', 1);

  const setFilters = (f: TicketFilters) => {
    setFiltersState(f);
    setPage(1);
  };
  const toggleSort = (key: TicketColumn) => {
    // Dates and deadlines are read newest or most urgent first: a first click on them goes that way.
    const next = sort.key === key ? { key, desc: !sort.desc } : { key, desc: key === 'reported' };
    setSort(next);
    if (SERVER_SORT[key]) setPage(1);
  };

  const server = SERVER_SORT[sort.key];
  const list = useApiQuery(
    'tickets:list',
    {
      ...filters,
      sort: server ?? 'reported',
      direction: server ? (sort.desc ? 'desc' : 'asc') : 'desc',
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    },
    { placeholderData: (previous) => previous },
  );
  const rows = useMemo(() => sortPage(list.data?.rows ?? [], sort), [list.data, sort]);
  const total = list.data?.total ?? 0;
  // Past the backend's count cap the exact total is unknown: offer one more page while pages come full.
  const more = list.data?.more ?? false;
  const fullPage = (list.data?.rows.length ?? 0) === PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE), more ? page + (fullPage ? 1 : 0) : 0);
  const filtered = isFiltered(filters);
  // Tickets closed elsewhere can leave a remembered page past the end: go back to the last one.
  const beyond = list.isSuccess && !list.isPlaceholderData && page > pages;
  if (beyond) setPage(pages);
  const empty = filtered ? 'noMatch' : filters.scope === 'open' ? 'noOpen' : 'empty';

  return (
    <>
      <PageHeader title={t('desk.list.title')}>
        <ExportButton list="tickets" label={t('sheets.ticketList.export')} tickets={{ ...filters, sort: server ?? 'reported', direction: server ? (sort.desc ? 'desc' : 'asc') : 'desc' }} />
        <FindCustomerButton />
      </PageHeader>
      <TicketFilterBar value={filters} onChange={setFilters} />
      <QueryState isPending={list.isPending} error={list.error} />
      {list.isSuccess && rows.length === 0 && (
        <EmptyState
          mt="xl"
          icon={<IconTool size={28} />}
          withIndicatorBackground
          title={t(`desk.list.${empty}.title`)}
          description={t(`desk.list.${empty}.description`)}
          data-testid="tickets-empty"
        >
          {filtered && (
            <EmptyState.Actions>
              <Button variant="light" leftSection={<IconFilterOff size={16} />} onClick={() => setFilters({ ...NO_FILTERS, scope: filters.scope })}>
                {t('desk.list.clear')}
              </Button>
            </EmptyState.Actions>
          )}
        </EmptyState>
      )}
      {rows.length > 0 && (
        <>
          <TicketTable rows={rows} columns={TICKET_COLUMNS} sort={sort} onSort={toggleSort} testId="tickets-table" />
          <Group justify="space-between" mt={6}>
            <Text size="xs" c="dimmed" data-testid="tickets-total">
              {t(more ? 'desk.list.countMore' : 'desk.list.count', { count: total })}
              {pages > 1 && ` · ${t('desk.list.range', { from: (page - 1) * PAGE_SIZE + 1, to: more ? (page - 1) * PAGE_SIZE + (list.data?.rows.length ?? 0) : Math.min(page * PAGE_SIZE, total) })}`}
            </Text>
            {pages > 1 && <Pager total={pages} value={page} onChange={setPage} />}
          </Group>
        </>
      )}
    </>
  );
}
