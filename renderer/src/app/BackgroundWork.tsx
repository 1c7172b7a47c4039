import { Alert, Group, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconDatabaseExport } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BackgroundWork } from '../../../shared/schemas/background';
import { useApiQuery } from '../api/client';

/** MB with one decimal, GB beyond 1,024 MB: what a clerk reads on a file's size. */
export function bytesText(bytes: number): string {
  const mb = bytes / 2 ** 20;
  return mb >= 1024 ? `${(mb / 1024).toFixed(1)} GB` : `${mb.toFixed(1)} MB`;
}

function backupLine(t: TFunction, work: BackgroundWork): { text: string; percent: number | null } | null {
  const b = work.backup;
  if (!b) return null;
  const percent = b.phase === 'copy' && b.total > 0 ? Math.floor((100 * b.done) / b.total) : null;
  const key = b.reason === 'startup' ? b.phase : `manual${b.phase[0]!.toUpperCase()}${b.phase.slice(1)}`;
  return { text: t(`background.backup.${key}`, { percent: percent ?? 0 }), percent };
}

/**
 * What the start left running beside the desk (the day's backup, an index after an upgrade),
 * shown on every page while it runs, and a backup that failed until the app closes. Looks
 * again every second while something runs, every half minute otherwise.
 */
export function BackgroundWorkNote({ showDone = false }: { showDone?: boolean }) {
  const { t } = useTranslation();
  const query = useApiQuery('health:background', {}, { refetchInterval: (q) => (q.state.data && (q.state.data.backup || q.state.data.indexing) ? 1_000 : 30_000) });
  const work = query.data;
  if (!work) return null;
  const backup = backupLine(t, work);
  const indexing = work.indexing;
  const failed = work.lastBackup?.problem ? work.lastBackup : null;
  const done = showDone && !work.backup && work.lastBackup && !failed ? work.lastBackup : null;
  if (!backup && !indexing && !failed && !done) return null;
  return (
    <Stack gap={6} mb="sm" data-testid="background-work">
      {backup && (
        <Group gap="sm" wrap="nowrap">
          <IconDatabaseExport size={16} />
          <Text size="sm" style={{ flex: 'none' }}>
            {backup.text}
          </Text>
          <Progress value={backup.percent ?? 100} animated={backup.percent === null} style={{ flex: 1 }} aria-label={backup.text} />
        </Group>
      )}
      {indexing && (
        <Group gap="sm" wrap="nowrap">
          <Text size="sm" style={{ flex: 'none' }}>
            {t(`background.indexing.${indexing.index}`, { done: indexing.done.toLocaleString(), total: indexing.total.toLocaleString() })}
          </Text>
          <Progress value={indexing.total > 0 ? (100 * indexing.done) / indexing.total : 0} style={{ flex: 1 }} />
        </Group>
      )}
      {failed && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} py={6} role="alert">
          {t('background.backup.failed', { problem: failed.problem })}
        </Alert>
      )}
      {done && done.size !== null && (
        <Text size="xs" c="dimmed">
          {t('background.backup.done', { size: bytesText(done.size), raw: bytesText(done.rawSize ?? done.size), seconds: (done.ms / 1000).toFixed(1) })}
        </Text>
      )}
    </Stack>
  );
}
