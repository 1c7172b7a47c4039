import { Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/client';
import { Warnings } from './ReportsPage';

/** The Desk's fault warnings: the last thirty days' repeats and rising models, each linking its tickets. */
export function DeskWarnings() {
  const { t } = useTranslation();
  const desk = useApiQuery('reports:deskWarnings', {}, { refetchInterval: 300_000 });
  const rules = useApiQuery('reports:settings', {});
  if (!desk.data || !rules.data) return null;
  const days = 30;
  return (
    <Stack gap={6} id="desk-warnings" data-testid="desk-warnings">
      <Group gap="xs">
        <Title order={3} fz="md" fw={600}>
          {t('reports.warnings.deskTitle', { days })}
        </Title>
      </Group>
      {desk.data.warnings.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports.warnings.deskNone', { days })}
        </Text>
      ) : (
        <Warnings r={desk.data} rules={rules.data} />
      )}
    </Stack>
  );
}
