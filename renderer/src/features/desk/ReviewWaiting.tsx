import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import { useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { openTicket } from '../tickets';
import { Quiet } from './BoardTables';

const nowrap = { whiteSpace: 'nowrap' } as const;

/**
 * Completed tickets waiting for the supervisor's approval before their callback (seed 002, step
 * 15). Shown while the check is on, or while anything still waits; a wait of more than a day is
 * marked, since the callback's clock has not started.
 */
export function ReviewWaiting() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const settings = useApiQuery('review:settings', {});
  const waiting = useApiQuery('review:waiting', {}, { refetchInterval: 60_000 });
  const rows = waiting.data ?? [];
  if (!settings.data?.supervisorCheck && rows.length === 0) return null;
  return (
    <Stack gap={6} id="desk-review" data-testid="desk-review" style={{ scrollMarginTop: 64 }}>
      <Group gap="xs">
        <Title order={3} fz="md" fw={600}>
          {t('review.desk.title')}
        </Title>
        {rows.length > 0 && (
          <Badge size="sm" variant="default" radius="sm">
            {rows.length}
          </Badge>
        )}
      </Group>
      {rows.length === 0 ? (
        <Quiet>{t('review.desk.empty')}</Quiet>
      ) : (
        <Table striped highlightOnHover withTableBorder data-testid="desk-review-table" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>{t('review.desk.columns.ticket')}</Table.Th>
              <Table.Th>{t('review.desk.columns.customer')}</Table.Th>
              <Table.Th w={170}>{t('review.desk.columns.technicians')}</Table.Th>
              <Table.Th w={150}>{t('review.desk.columns.resolved')}</Table.Th>
              <Table.Th w={90}>{t('review.desk.columns.waiting')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr
                key={r.ticketId}
                tabIndex={0}
                style={{ cursor: 'pointer' }}
                onClick={() => openTicket(r.ticketId)}
                onKeyDown={(e) => e.key === 'Enter' && openTicket(r.ticketId)}
              >
                <Table.Td ff="monospace" style={nowrap}>
                  {r.ticketNumber}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={1} title={r.customerName}>
                    {r.customerName}
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={1} title={r.unitLabel}>
                    {r.unitLabel}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={1}>
                    {r.technicians.join(t('app.common.listSeparator')) || t('app.common.none')}
                  </Text>
                </Table.Td>
                <Table.Td style={nowrap}>{formatDateTime(r.resolvedAt, lang)}</Table.Td>
                <Table.Td style={nowrap} c={r.days > 1 ? 'red' : undefined} fw={r.days > 1 ? 600 : undefined}>
                  {r.days === 0 ? t('review.desk.today') : t('review.desk.days', { count: r.days })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
