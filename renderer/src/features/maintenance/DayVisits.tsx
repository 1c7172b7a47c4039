import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../../shared/schemas/maintenance';
import { useApiQuery } from '../../api/client';
import { navigate } from '../../app/router';
import { visitKindText, VisitStatusBadge } from './labels';

const nowrap = { whiteSpace: 'nowrap' } as const;

/** The visits of a day, one technician's or everyone's; cancelled ones are not on anyone's day. */
export function useDayVisits(date: string, technicianId: number | null) {
  const list = useApiQuery('visits:list', { from: date, to: date, technicianId, limit: 500 });
  return { ...list, data: list.data?.filter((v) => v.status !== 'cancelled') };
}

/** A technician's visits of the day, beside their appointments; the contract opens from its number. */
export function DayVisitsTable({ visits }: { visits: Visit[] }) {
  const { t } = useTranslation();
  return (
    <Table striped highlightOnHover withTableBorder data-testid="day-visits">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={110}>{t('maintenance.visits.columns.kind')}</Table.Th>
          <Table.Th w={150}>{t('maintenance.visits.columns.contract')}</Table.Th>
          <Table.Th>{t('maintenance.visits.columns.customer')}</Table.Th>
          <Table.Th w={150}>{t('maintenance.visits.columns.number')}</Table.Th>
          <Table.Th w={120}>{t('maintenance.visits.columns.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {visits.map((v) => (
          <Table.Tr key={v.id}>
            <Table.Td style={nowrap}>{visitKindText(v, t)}</Table.Td>
            <Table.Td style={nowrap}>
              {v.contractId !== null ? (
                <Anchor component="button" type="button" size="sm" onClick={() => navigate({ section: 'contract', id: v.contractId! })}>
                  {v.contractNumber}
                </Anchor>
              ) : (
                t('app.common.none')
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm" lineClamp={1} title={v.customerName}>
                {v.customerName}
              </Text>
            </Table.Td>
            <Table.Td style={nowrap}>
              <Anchor component="button" type="button" size="sm" ff="monospace" onClick={() => navigate({ section: 'visit', id: v.id })}>
                {v.number}
              </Anchor>
            </Table.Td>
            <Table.Td style={nowrap}>
              <VisitStatusBadge status={v.status} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
