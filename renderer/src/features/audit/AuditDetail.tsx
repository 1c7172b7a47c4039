import { Divider, Drawer, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AuditChange } from '../../../../shared/schemas/security';
import { useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { Field } from '../../ui/Field';
import { QueryState } from '../../ui/QueryState';
import { useAuditLabels } from './audit-labels';
import { AuditRowCard } from './AuditRowCard';
import { formatMoment, rowEntries } from '../../../../shared/domain/audit-rows';

function Facts({ change }: { change: AuditChange }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  return (
    <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
      <Field label={t('audit.detail.when')}>{formatMoment(change.at, currentLanguage())}</Field>
      <Field label={t('audit.detail.who')}>{change.operator || t('audit.noOperator')}</Field>
      <Field label={t('audit.detail.action')}>{labels.channel(change.channel)}</Field>
      <Field label={t('audit.detail.admin')}>
        {change.elevated ? (
          <Group gap={4} c="orange.8">
            <IconLock size={14} />
            {t('audit.detail.adminYes')}
          </Group>
        ) : (
          t('audit.detail.adminNo')
        )}
      </Field>
      {change.undoneBy && (
        <Field label={t('audit.detail.undone')}>{t('audit.detail.undoneBy', { at: formatMoment(change.undoneBy.at, currentLanguage()) })}</Field>
      )}
    </SimpleGrid>
  );
}

/** One change: who, when, which action, then each record it touched, before → after. Read only. */
export function AuditDetail({ id, onClose, onHistory }: { id: string | null; onClose: () => void; onHistory: (table: string, rowId: string) => void }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const query = useApiQuery('audit:get', { id: id ?? '' }, { enabled: id !== null, staleTime: Infinity });
  const detail = id !== null && query.data?.change.id === id ? query.data : undefined;
  const entries = detail ? rowEntries(detail.rows) : [];
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size={640}
      title={
        <Title order={3} fz="md" fw={600}>
          {detail ? labels.channel(detail.change.channel) : t('audit.detail.title')}
          {detail?.change.subject && (
            <Text span fw={400} c="dimmed" ml={8} data-testid="audit-detail-subject">
              {labels.record(detail.change.subject)}
            </Text>
          )}
        </Title>
      }
    >
      <QueryState isPending={id !== null && query.isPending} error={query.error} />
      {detail && (
        <Stack gap="sm" data-testid="audit-detail">
          <Facts change={detail.change} />
          <Divider label={t('audit.detail.rows')} labelPosition="left" />
          {entries.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('audit.detail.noRows')}
            </Text>
          )}
          {entries.map((entry, i) => (
            <AuditRowCard key={`${entry.table}:${entry.rowId}:${i}`} entry={entry} names={detail.names} onHistory={() => onHistory(entry.table, entry.rowId)} />
          ))}
        </Stack>
      )}
    </Drawer>
  );
}
