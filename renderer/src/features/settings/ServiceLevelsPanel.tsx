import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Duration } from '../../../../shared/domain/sla';
import { DAY_KINDS, type DutyHours } from '../../../../shared/domain/duty-hours';
import type { ServiceLevel } from '../../../../shared/schemas/service';
import { useApiQuery } from '../../api/client';
import { QueryState } from '../../ui/QueryState';
import { ServiceLevelFormModal } from './ServiceLevelForm';
import { serviceLevelName } from '../../../../shared/domain/service-levels';

const nowrap = { whiteSpace: 'nowrap' } as const;

/** Service levels: what each promises at a glance (the common case, an ordinary fault in town); click to edit. */
export function ServiceLevelsPanel() {
  const { t } = useTranslation();
  const list = useApiQuery('serviceLevels:list', {});
  const [editing, setEditing] = useState<ServiceLevel | null>(null);
  const [creating, setCreating] = useState(false);
  const span = (d: Duration) => t(`ticketing.duration.${d.unit}`, { count: d.amount });
  // "Duty hours: working days 08:00–24:00; rest days …; holidays closed", under the town targets it qualifies.
  const dutySummary = (hours: DutyHours) =>
    t('hours.level.dutySummary', Object.fromEntries(DAY_KINDS.map((k) => [k, hours[k].closed ? t('hours.level.closedShort') : hours[k].spans.map((x) => `${x.from}–${x.to}`).join(t('app.common.listSeparator'))])));

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed" maw={700}>
          {t('service.levels.hint')}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          {t('service.levels.new')}
        </Button>
      </Group>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data && (
        <Table striped highlightOnHover withTableBorder data-testid="service-levels">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('service.levels.name')}</Table.Th>
              <Table.Th>{t('service.levels.columns.urbanOrdinary')}</Table.Th>
              <Table.Th>{t('service.levels.columns.suburbanOrdinary')}</Table.Th>
              <Table.Th>{t('service.levels.loaner')}</Table.Th>
              <Table.Th ta="right">{t('service.levels.columns.tickets')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((level) => {
              const urban = level.terms.targets.urban.ordinary;
              const suburban = level.terms.targets.suburban.ordinary;
              const summary = (x: typeof urban) => t('service.levels.summary', { answer: span(x.answer), arrival: span(x.arrival), fix: span(x.fix) });
              return (
                <Table.Tr key={level.id} tabIndex={0} style={{ cursor: 'pointer' }} onClick={() => setEditing(level)} onKeyDown={(e) => e.key === 'Enter' && setEditing(level)}>
                  <Table.Td fw={600} style={nowrap}>
                    <Group gap={6} wrap="nowrap">
                      {serviceLevelName(level.name, t)}
                      {level.isDefault && (
                        <Badge size="xs" variant="light" tt="none">
                          {t('service.levels.defaultBadge')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {summary(urban)}
                    {level.terms.duty && (
                      <Text size="xs" c="dimmed" data-testid="duty-summary">
                        {dutySummary(level.terms.duty.hours)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{summary(suburban)}</Table.Td>
                  <Table.Td style={nowrap}>{span(level.terms.loaner)}</Table.Td>
                  <Table.Td ta="right">{level.ticketCount}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <ServiceLevelFormModal
        opened={creating || editing !== null}
        level={editing}
        onClose={() => {
          setCreating(false);
          setEditing(null);
        }}
      />
    </>
  );
}
