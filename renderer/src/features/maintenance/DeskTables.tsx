import { Badge, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, todayIso } from '../../../../shared/domain/dates';
import { formatDate } from '../../../../shared/format';
import type { Visit } from '../../../../shared/schemas/maintenance';
import type { RenewalDue } from '../../../../shared/schemas/renewal';
import { useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { visitKindText } from './labels';
import { RenewalMenu, useRenewalAction, type RenewalTarget } from './RenewalActions';

const nowrap = { whiteSpace: 'nowrap' } as const;
/** "This week" on the Desk: today and the six days after, so a Friday still sees Monday's visits. */
const WEEK_DAYS = 7;
const REFRESH_MS = 60_000;


/** The visit's own page: what to take, what it found, how a callback went. */
function openVisit(v: Visit) {
  navigate({ section: 'visit', id: v.id });
}

/** What the Desk shows of scheduled service: visits overdue and due this week, renewals due. */
export function useMaintenanceDue() {
  const today = todayIso();
  const live = { refetchInterval: REFRESH_MS, placeholderData: <T,>(previous: T | undefined) => previous };
  const overdue = useApiQuery('visits:list', { overdue: true, limit: 500 }, live);
  const week = useApiQuery('visits:list', { from: today, to: addDays(today, WEEK_DAYS - 1), status: 'due', limit: 500 }, live);
  const renewals = useApiQuery('renewals:list', {}, live);
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

function Head({ keys, prefix = 'maintenance.desk.columns' }: { keys: { key: string; w?: number }[]; prefix?: string }) {
  const { t } = useTranslation();
  return (
    <Table.Thead>
      <Table.Tr>
        {keys.map((c) => (
          <Table.Th key={c.key} w={c.w} style={nowrap}>
            {t(`${prefix}.${c.key}`)}
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
              <Table.Td style={nowrap}>{visitKindText(v, t)}</Table.Td>
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

/** Renewals due (续保): contracts and whole-unit warranties ending within the lead time, each opening its contract or unit, with its actions. */
export function RenewalsTable({ renewals }: { renewals: RenewalDue[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { run, dialogs } = useRenewalAction();
  return (
    <>
      {/* Fixed layout: in the Desk's half column the customer's name gives way (clamped), not the page. */}
      <Table striped highlightOnHover withTableBorder layout="fixed" data-testid="desk-renewals-table">
        <Head keys={[{ key: 'what' }, { key: 'endsOn', w: 110 }, { key: 'visit', w: 100 }, { key: 'actions', w: 60 }]} prefix="renewal.desk.columns" />
        <Table.Tbody>
          {renewals.map((r) => {
            const target: RenewalTarget = { contractId: r.subject === 'contract' ? r.id : null, unitId: r.subject === 'warranty' ? r.id : null, customerId: r.customerId, reference: r.reference, endsOn: r.endsOn };
            return (
              <RowLink key={`${r.subject}-${r.id}`} onOpen={() => navigate(r.subject === 'contract' ? { section: 'contract', id: r.id } : { section: 'unit', id: r.id })}>
                <Table.Td>
                  <Text size="sm" lineClamp={1} title={r.customerName}>
                    {r.customerName}
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {t(`renewal.subjectShort.${r.subject}`)}{' '}
                    <Text span inherit ff="monospace">
                      {r.reference}
                    </Text>{' '}
                    · {r.subject === 'contract' ? t('renewal.desk.units', { count: Number(r.label) }) : r.label}
                  </Text>
                </Table.Td>
                <Table.Td style={nowrap}>
                  <Text size="sm">{formatDate(r.endsOn, lang)}</Text>
                  <Text size="xs" c={r.daysLeft <= 3 ? 'red' : 'dimmed'}>
                    {t('maintenance.desk.daysLeft', { count: r.daysLeft })}
                  </Text>
                </Table.Td>
                <Table.Td style={nowrap}>
                  {r.visitOn ? (
                    formatDate(r.visitOn, lang)
                  ) : (
                    <Text size="sm" c="dimmed" span>
                      {t('renewal.desk.noVisit')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <RenewalMenu target={target} onPick={run} />
                </Table.Td>
              </RowLink>
            );
          })}
        </Table.Tbody>
      </Table>
      {dialogs}
    </>
  );
}
