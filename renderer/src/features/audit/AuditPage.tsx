import { Badge, Button, EmptyState, Group, Table, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconFilterOff, IconHistory, IconLock } from '@tabler/icons-react';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditChange } from '../../../../shared/schemas/security';
import { useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { useRemembered } from '../../lib/remembered';
import { AuditDetail } from './AuditDetail';
import { AuditFilterBar, isAuditFiltered, NO_AUDIT_FILTERS, type AuditFilters } from './AuditFilters';
import { useAuditLabels } from './audit-labels';
import { formatMoment } from '../../../../shared/domain/audit-rows';
import { Pager } from '../../ui/Pager';

const PAGE_SIZE = 50;
const nowrap = { whiteSpace: 'nowrap' } as const;

/** Up and Down walk the rows the way a spreadsheet does; Enter opens the one in focus. */
function rowKeys(e: KeyboardEvent<HTMLTableRowElement>, open: () => void) {
  const row = e.currentTarget;
  if (e.key === 'Enter') open();
  else if (e.key === 'ArrowDown') (row.nextElementSibling as HTMLElement | null)?.focus();
  else if (e.key === 'ArrowUp') (row.previousElementSibling as HTMLElement | null)?.focus();
  else return;
  e.preventDefault();
}

function ChangeRow({ c, onOpen }: { c: AuditChange; onOpen: () => void }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const tables = labels.sortTables(c.tables).map(labels.table).join(t('app.common.listSeparator'));
  return (
    <Table.Tr tabIndex={0} style={{ cursor: 'pointer' }} onClick={onOpen} onKeyDown={(e) => rowKeys(e, onOpen)} data-change={c.id}>
      <Table.Td style={nowrap}>{formatMoment(c.at, currentLanguage())}</Table.Td>
      <Table.Td style={nowrap} c={c.operator ? undefined : 'dimmed'}>
        {c.operator || t('audit.noOperator')}
      </Table.Td>
      <Table.Td style={nowrap}>
        <Group gap={6} wrap="nowrap">
          {labels.channel(c.channel)}
          {c.elevated && (
            <Tooltip label={t('audit.elevated')}>
              <ThemeIcon size="sm" variant="light" color="orange" radius="sm" aria-label={t('audit.elevated')} data-testid="audit-elevated">
                <IconLock size={12} />
              </ThemeIcon>
            </Tooltip>
          )}
          {c.undoneBy && (
            <Badge size="sm" variant="light" color="gray" radius="sm" tt="none" data-testid="audit-undone">
              {t('audit.undone')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        {c.subject ? (
          <Group gap={8} wrap="nowrap">
            <Text size="sm" fw={500} lineClamp={1} style={{ flexShrink: 0, maxWidth: '60%' }} data-testid="audit-subject">
              {labels.record(c.subject)}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {t('audit.recordsSummary', { tables, count: c.rowCount })}
            </Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('audit.noRecords')}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** Who changed what and when, newest first; searchable, and read only: nothing here edits the log. */
export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFiltersState] = useRemembered<AuditFilters>('audit.filters', NO_AUDIT_FILTERS);
  const [page, setPage] = useRemembered('audit.page', 1);
  const [openId, setOpenId] = useState<string | null>(null);

  const setFilters = (f: AuditFilters) => {
    setFiltersState(f);
    setPage(1);
  };
  // The log grows behind the screen with every save: always ask again when the page opens.
  const list = useApiQuery('audit:list', { ...filters, page, pageSize: PAGE_SIZE }, { placeholderData: (previous) => previous, staleTime: 0 });
  const rows = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const more = list.data?.more ?? false;
  const fullPage = rows.length === PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE), more ? page + (fullPage ? 1 : 0) : 0);
  const filtered = isAuditFiltered(filters);
  const empty = filtered ? 'noMatch' : 'empty';

  return (
    <>
      <PageHeader title={t('audit.title')}>
        <Group gap={6} wrap="nowrap" c="dimmed">
          <IconLock size={14} />
          <Text size="xs" c="dimmed" maw={520} data-testid="audit-read-only">
            {t('audit.readOnly')}
          </Text>
        </Group>
      </PageHeader>
      <AuditFilterBar value={filters} onChange={setFilters} record={list.data?.record ?? null} />
      {list.data?.textSince && (
        <Text size="xs" c="dimmed" mb={6} data-testid="audit-text-window">
          {t('audit.textWindow', { date: list.data.textSince })}
        </Text>
      )}
      <QueryState isPending={list.isPending} error={list.error} />
      {list.isSuccess && rows.length === 0 && (
        <EmptyState
          mt="xl"
          icon={<IconHistory size={28} />}
          withIndicatorBackground
          title={t(`audit.${empty}.title`)}
          description={t(`audit.${empty}.description`)}
          data-testid="audit-empty"
        >
          {filtered && (
            <EmptyState.Actions>
              <Button variant="light" leftSection={<IconFilterOff size={16} />} onClick={() => setFilters(NO_AUDIT_FILTERS)}>
                {t('audit.filters.clear')}
              </Button>
            </EmptyState.Actions>
          )}
        </EmptyState>
      )}
      {rows.length > 0 && (
        <>
          <Table striped highlightOnHover withTableBorder stickyHeader data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th style={nowrap} w={170}>
                  {t('audit.columns.time')}
                </Table.Th>
                <Table.Th style={nowrap} w={110}>
                  {t('audit.columns.operator')}
                </Table.Th>
                <Table.Th style={nowrap} w={220}>
                  {t('audit.columns.action')}
                </Table.Th>
                <Table.Th style={nowrap}>{t('audit.columns.records')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((c) => (
                <ChangeRow key={c.id} c={c} onOpen={() => setOpenId(c.id)} />
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="space-between" mt={6}>
            <Text size="xs" c="dimmed" data-testid="audit-total">
              {more ? t('audit.countMore', { n: total.toLocaleString(currentLanguage()) }) : t('audit.count', { count: total })}
              {pages > 1 && ` · ${t('audit.range', { from: (page - 1) * PAGE_SIZE + 1, to: (page - 1) * PAGE_SIZE + rows.length })}`}
            </Text>
            {pages > 1 && <Pager total={pages} value={page} onChange={setPage} />}
          </Group>
        </>
      )}
      <AuditDetail
        id={openId}
        onClose={() => setOpenId(null)}
        onHistory={(table, rowId) => {
          setOpenId(null);
          setFilters({ ...NO_AUDIT_FILTERS, table, rowId });
        }}
      />
    </>
  );
}
