import { Badge, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, daysBetween, todayIso } from '../../../../shared/domain/dates';
import { RENEWAL_DAYS } from '../../../../shared/domain/visit-plan';
import { formatDate } from '../../../../shared/format';
import type { ContractSummary, Visit } from '../../../../shared/schemas/maintenance';
import { useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';

const nowrap = { whiteSpace: 'nowrap' } as const;
/** "This week" on the Desk: today and the six days after, so a Friday still sees Monday's visits. */
const WEEK_DAYS = 7;
const REFRESH_MS = 60_000;

export { RENEWAL_DAYS };

/** The visit's own page: what to take, what it found, how a callback went. */
function openVisit(v: Visit) {
  navigate({ section: 'visit', id: v.id });
}

/** What the Desk shows of scheduled service: visits overdue and due this week, contracts to renew. */
export function useMaintenanceDue() {
  const today = todayIso();
  const live = { refetchInterval: REFRESH_MS, placeholderData: <T,>(previous: T | undefined) => previous };
  const overdue = useApiQuery('visits:list', { overdue: true, limit: 500 }, live);
  const week = useApiQuery('visits:list', { from: today, to: addDays(today, WEEK_DAYS - 1), status: 'due', limit: 500 }, live);
  const renewals = useApiQuery('contracts:list', { status: 'ending', limit: 500 }, live);
  return {
    visits: overdue.data && week.data ? [...overdue.data, ...week.data] : undefined,
    renewals: renewals.data,
    error: overdue.error ?? week.error ?? renewals.error,
  };
}

/**
 * Callbacks of scheduled service due today or overdue: the monthly callbacks of contracts and the
 * callbacks after handover. They join the tickets' callbacks on the Desk, each opening its visit.
 */
export function useCallbackVisits() {
  const today = todayIso();
  const list = useApiQuery('visits:list', { to: today, status: 'due', limit: 500 }, { refetchInterval: REFRESH_MS, placeholderData: (previous) => previous });
  return { ...list, data: list.data?.filter((v) => v.kind === 'callback') };
}

function RowLink({ onOpen, alert, children }: { onOpen: () => void; alert?: boolean; children: ReactNode }) {
  return (
    <Table.Tr
      tabIndex={0}
      style={{ cursor: 'pointer' }}
      bg={alert ? 'var(--mantine-color-red-light)' : undefined}
      data-overdue={alert ? 'true' : undefined}
      onClick={onOpen}
      onKeyDown={(e) => e.key === 'Enter' && onOpen()}
    >
      {children}
    </Table.Tr>
  );
}

function Head({ keys }: { keys: { key: string; w?: number }[] }) {
  const { t } = useTranslation();
  return (
    <Table.Thead>
      <Table.Tr>
        {keys.map((c) => (
          <Table.Th key={c.key} w={c.w} style={nowrap}>
            {t(`maintenance.desk.columns.${c.key}`)}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}

/** Visits overdue (marked) then due this week, each opening its own page. */
export function DueVisitsTable({ visits }: { visits: Visit[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const today = todayIso();
  return (
    <Table striped highlightOnHover withTableBorder data-testid="desk-visits-table">
      <Head keys={[{ key: 'due', w: 150 }, { key: 'customer' }, { key: 'kind', w: 80 }, { key: 'contract', w: 150 }, { key: 'technician', w: 110 }]} />
      <Table.Tbody>
        {visits.map((v) => {
          const late = v.dueOn < today;
          return (
            <RowLink key={v.id} alert={late} onOpen={() => openVisit(v)}>
              <Table.Td style={nowrap} c={late ? 'red' : undefined} fw={late ? 600 : undefined}>
                {formatDate(v.dueOn, lang)}
                {late && (
                  <Badge size="xs" color="red" variant="filled" radius="sm" tt="none" ml={6}>
                    {t('maintenance.desk.overdue')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={1} title={v.customerName}>
                  {v.customerName}
                </Text>
              </Table.Td>
              <Table.Td style={nowrap}>{t(`maintenance.visit.kind.${v.kind}`)}</Table.Td>
              <Table.Td ff="monospace" style={nowrap}>
                {v.contractNumber ?? t('app.common.none')}
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={1} c={v.technicianName ? undefined : 'dimmed'}>
                  {v.technicianName ?? t('maintenance.visits.unassigned')}
                </Text>
              </Table.Td>
            </RowLink>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** Contracts ending within the renewal window: call the customer about renewing (续保). */
export function RenewalsTable({ contracts }: { contracts: ContractSummary[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const today = todayIso();
  return (
    <Table striped highlightOnHover withTableBorder data-testid="desk-renewals-table">
      <Head keys={[{ key: 'contract', w: 150 }, { key: 'customer' }, { key: 'endsOn', w: 120 }, { key: 'daysLeft', w: 80 }]} />
      <Table.Tbody>
        {contracts.map((c) => (
          <RowLink key={c.id} onOpen={() => navigate({ section: 'contract', id: c.id })}>
            <Table.Td ff="monospace" style={nowrap}>
              {c.number}
            </Table.Td>
            <Table.Td>
              <Text size="sm" lineClamp={1} title={c.customerName}>
                {c.customerName}
              </Text>
            </Table.Td>
            <Table.Td style={nowrap}>{formatDate(c.endsOn, lang)}</Table.Td>
            <Table.Td style={nowrap}>{t('maintenance.desk.daysLeft', { count: daysBetween(today, c.endsOn) })}</Table.Td>
          </RowLink>
        ))}
      </Table.Tbody>
    </Table>
  );
}
