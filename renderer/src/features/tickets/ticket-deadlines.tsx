import { Table, Text } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import type { TicketDetail } from '../../../../shared/schemas/ticket';
import { currentLanguage } from '../../app/i18n';
import { DeadlineBadge } from './badges';
import { Panel } from './ticket-common';
import { serviceLevelName } from '../../../../shared/domain/service-levels';

const nowrap = { whiteSpace: 'nowrap' } as const;

/** Every promise the service level makes on this ticket: when it falls due and where it stands. */
export function DeadlinesPanel({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Panel
      title={t('tickets.deadlines.title')}
      icon={<IconClockHour4 size={16} stroke={1.6} />}
      testId="ticket-deadlines"
      actions={
        <Text size="xs" c="dimmed" style={nowrap}>
          {serviceLevelName(ticket.serviceLevel.name, t)} · {t(`ticketing.region.${ticket.region}`)}
        </Text>
      }
    >
      <Table verticalSpacing={3} horizontalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('tickets.deadlines.milestone')}</Table.Th>
            <Table.Th style={nowrap}>{t('tickets.deadlines.due')}</Table.Th>
            <Table.Th style={nowrap}>{t('tickets.deadlines.done')}</Table.Th>
            <Table.Th>{t('tickets.deadlines.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ticket.deadlines.map((d) => (
            <Table.Tr key={d.milestone} data-milestone={d.milestone}>
              <Table.Td style={nowrap}>{t(`ticketing.milestone.${d.milestone}`)}</Table.Td>
              <Table.Td style={nowrap}>{formatDateTime(d.due, lang)}</Table.Td>
              <Table.Td style={nowrap}>{d.doneAt === null ? t('app.common.none') : formatDateTime(d.doneAt, lang)}</Table.Td>
              <Table.Td>
                <DeadlineBadge deadline={d} withMilestone={false} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Panel>
  );
}
