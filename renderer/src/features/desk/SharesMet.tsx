import { Badge, Button, Group, Paper, Progress, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconTableExport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, addMonths, todayIso } from '../../../../shared/domain/dates';
import { serviceLevelName } from '../../../../shared/domain/service-levels';
import type { ServiceShares, ShareRow } from '../../../../shared/schemas/shares';
import { useApiMutation, useApiQuery } from '../../api/client';
import { notifyDone, notifyError } from '../../lib/notify';
import { DateField } from '../../ui/DateField';
import { QueryState } from '../../ui/QueryState';

type Preset = 'thisMonth' | 'lastMonth' | 'custom';

function monthOf(day: string, back: number): { from: string; to: string } {
  const first = addMonths(`${day.slice(0, 7)}-01`, -back);
  return { from: first, to: addDays(addMonths(first, 1), -1) };
}

/** One promise: the share met against the share promised, as a bar and in figures. */
function ShareCell({ row }: { row: ShareRow }) {
  const { t } = useTranslation();
  if (row.share === null) {
    return (
      <Text size="xs" c="dimmed">
        {t('hours.shares.notJudged')}
      </Text>
    );
  }
  const color = row.kept === false ? 'red' : row.kept === true ? 'teal' : 'blue';
  return (
    <Stack gap={2} data-milestone={row.milestone} data-kept={row.kept === null ? undefined : String(row.kept)}>
      <Group gap={6} wrap="nowrap" justify="space-between">
        <Text size="sm" fw={600}>
          {row.share}%
        </Text>
        {row.promised !== null ? (
          <Badge size="xs" variant="light" color={color} tt="none">
            {row.kept ? t('hours.shares.kept') : t('hours.shares.missed')} · {row.promised}%
          </Badge>
        ) : (
          <Text size="xs" c="dimmed">
            {t('hours.shares.notPromised')}
          </Text>
        )}
      </Group>
      <Progress value={row.share} color={color} size="sm" aria-hidden />
      <Text size="xs" c="dimmed">
        {t('hours.shares.metOf', { met: row.met, judged: row.judged })}
      </Text>
    </Stack>
  );
}

function Figures({ data }: { data: ServiceShares }) {
  const { t } = useTranslation();
  const milestones = ['answer', 'arrival', 'fix'] as const;
  const complaintMilestones = ['ack', 'reply', 'resolve'] as const;
  if (data.levels.length === 0 && data.complaints.count === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('hours.shares.none')}
      </Text>
    );
  }
  return (
    <Table withTableBorder verticalSpacing={6} layout="fixed" data-testid="shares-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="22%">{t('hours.shares.col.subject')}</Table.Th>
          {milestones.map((m, i) => (
            <Table.Th key={m}>
              {t(`hours.milestone.${m}`)} / {t(`hours.milestone.${complaintMilestones[i]}`)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.levels.map((level) => (
          <Table.Tr key={level.id} data-level={level.name}>
            <Table.Td>
              <Text size="sm" fw={600} truncate title={serviceLevelName(level.name, t)}>
                {serviceLevelName(level.name, t)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('hours.shares.ticketsCount', { count: level.tickets })}
              </Text>
            </Table.Td>
            {level.rows.map((r) => (
              <Table.Td key={r.milestone}>
                <ShareCell row={r} />
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
        {data.complaints.count > 0 && (
          <Table.Tr data-level="complaints">
            <Table.Td>
              <Text size="sm" fw={600}>
                {t('hours.shares.complaints')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('hours.shares.complaintsCount', { count: data.complaints.count })}
              </Text>
            </Table.Td>
            {data.complaints.rows.map((r) => (
              <Table.Td key={r.milestone}>
                <ShareCell row={r} />
              </Table.Td>
            ))}
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}

/** The Desk's view of promises kept over a period: this month by default, last month, or any dates. */
export function SharesMet() {
  const { t } = useTranslation();
  const today = todayIso();
  const [preset, setPreset] = useState<Preset>('thisMonth');
  const [custom, setCustom] = useState(monthOf(today, 0));
  const period = preset === 'thisMonth' ? monthOf(today, 0) : preset === 'lastMonth' ? monthOf(today, 1) : custom;
  const valid = period.from <= period.to;
  // Its channel is refreshed by service-level writes only; the calls it counts change all day, so
  // it follows the board's minute.
  const shares = useApiQuery('serviceLevels:shares', period, { enabled: valid, refetchInterval: 60_000, placeholderData: (previous) => previous });
  const exporting = useApiMutation('serviceLevels:exportShares');
  const runExport = () =>
    exporting.mutate(period, {
      onSuccess: ({ savedTo, rows }) => {
        if (savedTo) notifyDone(t('hours.shares.exported', { rows, path: savedTo }));
      },
      onError: (err) => notifyError(t, err),
    });
  return (
    <Stack gap={6} data-testid="desk-shares">
      <Group gap="sm" justify="space-between">
        <Group gap="xs">
          <Title order={3} fz="md" fw={600}>
            {t('hours.shares.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('hours.shares.hint')}
          </Text>
        </Group>
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            value={preset}
            onChange={(v) => setPreset(v as Preset)}
            data={(['thisMonth', 'lastMonth', 'custom'] as const).map((p) => ({ value: p, label: t(`hours.shares.${p}`) }))}
          />
          {preset === 'custom' && (
            <>
              <DateField size="xs" w={120} aria-label={t('hours.shares.from')} value={custom.from} onChange={(d) => d && setCustom((c) => ({ ...c, from: d }))} />
              <DateField
                size="xs"
                w={120}
                aria-label={t('hours.shares.to')}
                value={custom.to}
                onChange={(d) => d && setCustom((c) => ({ ...c, to: d }))}
                error={valid ? undefined : t('hours.errors.periodOrder')}
              />
            </>
          )}
          <Button variant="default" size="xs" leftSection={<IconTableExport size={14} />} disabled={!valid} loading={exporting.isPending} onClick={runExport}>
            {t('hours.shares.export')}
          </Button>
        </Group>
      </Group>
      <Paper withBorder p="xs">
        <QueryState isPending={valid && shares.isPending} error={shares.error} />
        {shares.data && <Figures data={shares.data} />}
      </Paper>
    </Stack>
  );
}
