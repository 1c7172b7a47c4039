import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';

/**
 * An import cut short that could not be taken back (the start found it half written with the
 * clerk's work already on it): said on every page until the clerk has read it, with the way to
 * the import screen, where its line keeps saying it and its undo names what holds it.
 */
export function CutShortImportNote({ onOpenImport }: { onOpenImport: () => void }) {
  const { t } = useTranslation();
  const notes = useApiQuery('import:cutShort', {}, { refetchInterval: 60_000 });
  const seen = useApiMutation('import:cutShortSeen');
  const lang = currentLanguage();
  if (!notes.data || notes.data.length === 0) return null;
  return (
    <Stack gap={6} mb="sm">
      {notes.data.map((b) => (
        <Alert key={b.id} color="orange" variant="light" icon={<IconAlertTriangle size={18} />} py={8} role="alert" data-testid="import-cut-short">
          <Text size="sm">{t('importGuard.cutShort.note', { file: b.fileName, at: formatDateTime(b.createdAt, lang), customers: b.customersCreated, units: b.unitsCreated })}</Text>
          <Group gap="xs" mt={6}>
            <Button size="compact-sm" variant="light" onClick={onOpenImport}>
              {t('importGuard.cutShort.open')}
            </Button>
            <Button size="compact-sm" variant="subtle" loading={seen.isPending} onClick={() => seen.mutate({ batchId: b.id })}>
              {t('importGuard.cutShort.seen')}
            </Button>
          </Group>
        </Alert>
      ))}
    </Stack>
  );
}
