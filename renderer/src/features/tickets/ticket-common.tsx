import { Group, Paper, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../../../shared/format';
import type { Language } from '../../../../shared/i18n/languages';

/** The operator stamp: an empty operator setting is stored as 'desk', shown as the desk's own word. */
export function whoText(t: TFunction, who: string | null): string {
  if (!who) return t('app.common.none');
  return who === 'desk' ? t('tickets.who.desk') : who;
}

/** Who and when, the way every stamp on the ticket reads. */
export function stamp(t: TFunction, lang: Language, who: string | null, at: number): string {
  return t('tickets.stamp', { who: whoText(t, who), at: formatDateTime(at, lang) });
}

export function Panel({
  title,
  icon,
  actions,
  children,
  testId,
}: {
  title: string;
  icon?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Group justify="space-between" mb={6} wrap="nowrap" gap="xs">
        <Group gap={6} wrap="nowrap">
          {icon}
          <Title order={3} fz="md" fw={600} style={{ whiteSpace: 'nowrap' }}>
            {title}
          </Title>
        </Group>
        {actions && (
          <Group gap={6} wrap="nowrap">
            {actions}
          </Group>
        )}
      </Group>
      {children}
    </Paper>
  );
}
