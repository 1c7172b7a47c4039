import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeadlineState } from '../../../../shared/domain/sla';
import { formatDateTime } from '../../../../shared/format';
import { currentLanguage } from '../../app/i18n';

/** Green kept, orange kept late, blue running, yellow in its last quarter, red overdue. */
const COLORS: Record<DeadlineState, string> = { met: 'green', missed: 'orange', onTrack: 'blue', atRisk: 'yellow', overdue: 'red' };

export function DeadlineBadge({ state }: { state: DeadlineState }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[state]} variant={state === 'overdue' ? 'filled' : 'light'} radius="sm" size="sm" tt="none" data-state={state}>
      {t(`ticketing.deadlineState.${state}`)}
    </Badge>
  );
}

/** A promise: its state, and when it falls due (or was kept). */
export function DeadlineCell({ state, due, doneAt }: { state: DeadlineState; due: number; doneAt: number | null }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const title = doneAt === null ? t('service.complaints.dueAt', { time: formatDateTime(due, lang) }) : t('service.complaints.doneAt', { time: formatDateTime(doneAt, lang) });
  return (
    // The time under the badge, not beside it: two deadline columns side by side must fit 1366 px in English too.
    <Stack gap={2} align="flex-start" title={title}>
      <DeadlineBadge state={state} />
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(doneAt ?? due, lang)}
      </Text>
    </Stack>
  );
}
