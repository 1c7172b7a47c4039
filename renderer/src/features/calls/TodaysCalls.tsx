import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPhonePlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Call } from '../../../../shared/schemas/call';
import { localTime } from '../../../../shared/domain/dates';
import { formatPhone } from '../../../../shared/format';
import { useApiQuery } from '../../api/client';
import { navigate } from '../../app/router';
import { startLogCall } from './callBus';

const nowrap = { whiteSpace: 'nowrap' } as const;

/** Who rang: the customer on file, or the name and number a stranger gave. */
export function callerOf(c: Call): string {
  return c.customerName ?? ([c.callerName, c.callerPhone ? formatPhone(c.callerPhone) : null].filter(Boolean).join(' ') || '—');
}

/** The Desk's calls of today, newest first, with the day's count solved on the phone. */
export function TodaysCalls() {
  const { t } = useTranslation();
  const calls = useApiQuery('calls:day', {}, { refetchInterval: 60_000 });
  const list = calls.data?.calls ?? [];
  const total = calls.data?.total ?? 0;
  const solved = calls.data?.solvedByPhone ?? 0;
  return (
    <Stack gap={6} id="desk-calls" data-testid="desk-calls" style={{ scrollMarginTop: 64 }}>
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Title order={3} fz="md" fw={600}>
            {t('calls.desk.title')}
          </Title>
          {total > 0 && (
            <Badge size="sm" variant="default" radius="sm">
              {total}
            </Badge>
          )}
          {total > 0 && (
            <Text size="xs" c="dimmed" data-testid="desk-calls-figures">
              {t('calls.desk.figures', { count: total, solved })}
            </Text>
          )}
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Anchor component="button" type="button" size="sm" onClick={() => navigate({ section: 'calls' })}>
            {t('calls.desk.week')}
          </Anchor>
          <Button size="xs" variant="light" leftSection={<IconPhonePlus size={14} />} onClick={() => startLogCall({})}>
            {t('calls.desk.log')}
          </Button>
        </Group>
      </Group>
      {list.length === 0 ? (
        <Paper withBorder px="sm" py={8}>
          <Text size="sm" c="dimmed">
            {t('calls.desk.empty')}
          </Text>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={0} mah={260}>
            <Table striped highlightOnHover fz="sm" layout="fixed" stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={64}>{t('calls.desk.columns.time')}</Table.Th>
                  <Table.Th w="24%">{t('calls.desk.columns.caller')}</Table.Th>
                  <Table.Th w={96}>{t('calls.desk.columns.purpose')}</Table.Th>
                  <Table.Th w={150}>{t('calls.desk.columns.outcome')}</Table.Th>
                  <Table.Th>{t('calls.desk.columns.notes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((c) => (
                  <Table.Tr
                    key={c.id}
                    data-testid="desk-call"
                    tabIndex={c.ticketId ? 0 : undefined}
                    style={c.ticketId ? { cursor: 'pointer' } : undefined}
                    onClick={() => c.ticketId && navigate({ section: 'ticket', id: c.ticketId })}
                    onKeyDown={(e) => e.key === 'Enter' && c.ticketId && navigate({ section: 'ticket', id: c.ticketId })}
                  >
                    <Table.Td style={nowrap}>{localTime(c.at)}</Table.Td>
                    <Table.Td style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={callerOf(c)}>
                      {callerOf(c)}
                    </Table.Td>
                    <Table.Td style={nowrap}>{t(`calls.purpose.${c.purpose}`)}</Table.Td>
                    <Table.Td style={nowrap}>
                      <Badge size="sm" variant="light" tt="none" color={c.outcome === 'solvedByPhone' ? 'teal' : c.outcome === 'callBack' ? 'yellow' : 'gray'}>
                        {t(`calls.outcome.${c.outcome}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={[c.ticketNumber, c.notes].filter(Boolean).join(' · ')}>
                      {[c.ticketNumber, c.notes].filter(Boolean).join(' · ')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
