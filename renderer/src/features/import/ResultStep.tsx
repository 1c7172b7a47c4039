import { Alert, Box, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconArrowLeft, IconCircleCheck, IconRefresh, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import type { ImportBatch, ImportResult } from '../../../../shared/schemas/excel';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { errorText } from '../../lib/errorText';
import { Counts, RowsTable } from './RowsTable';
import { UndoImportModal } from './UndoImportModal';

interface Props {
  result: ImportResult | undefined;
  pending: boolean;
  error: unknown;
  onBack: () => void;
  onRestart: () => void;
}

/** Step 4: the import is written (all good rows in one go) or, on a failure, nothing is. */
export function ResultStep({ result, pending, error, onBack, onRestart }: Props) {
  const { t } = useTranslation();
  const [undoing, setUndoing] = useState(false);
  // Undone from here: the batch as it now stands (the result itself is what was written).
  const [undone, setUndone] = useState<ImportBatch | null>(null);
  const lang = currentLanguage();

  if (pending) {
    return (
      <Center py="xl">
        <Stack align="center" gap="sm">
          <Loader size="md" />
          <Text size="sm" c="dimmed">
            {t('importer.result.loading')}
          </Text>
        </Stack>
      </Center>
    );
  }
  if (error || !result) {
    return (
      <Stack gap="sm" align="flex-start">
        {error ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} w="100%" data-testid="import-error">
            <Text size="sm">{errorText(t, error)}</Text>
            <Text size="sm" mt={4}>
              {t('importer.result.failedHint')}
            </Text>
          </Alert>
        ) : null}
        <Group gap="xs">
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
            {t('importer.back')}
          </Button>
          <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={onRestart}>
            {t('importer.startAgain')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Box data-testid="import-result">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="xs" wrap="nowrap" c="green.8">
          <IconCircleCheck size={20} />
          <Text fw={600}>{t('importer.result.done')}</Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" leftSection={<IconUsers size={16} />} onClick={() => navigate({ section: 'customers' })}>
            {t('importer.result.openCustomers')}
          </Button>
          <Button leftSection={<IconRefresh size={16} />} onClick={onRestart}>
            {t('importer.startAgain')}
          </Button>
        </Group>
      </Group>
      <Group justify="space-between" mb="xs" wrap="nowrap" gap="md" data-testid="import-batch">
        <Box>
          <Text size="sm">{t('importer.result.batch', { id: result.batch.id, file: result.batch.fileName, at: formatDateTime(result.batch.createdAt, lang), operator: result.batch.operator })}</Text>
          {!undone && (
            <Text size="xs" c="dimmed">
              {t('importer.result.undoHint')}
            </Text>
          )}
        </Box>
        {!undone && (
          <Button variant="light" color="red" leftSection={<IconArrowBackUp size={16} />} onClick={() => setUndoing(true)} style={{ flexShrink: 0 }}>
            {t('importer.result.undo')}
          </Button>
        )}
      </Group>
      {undone && (
        <Alert color="gray" variant="light" icon={<IconArrowBackUp size={18} />} py={8} mb="sm" data-testid="import-undone">
          <Text size="sm">{t('importer.result.undone', { at: formatDateTime(undone.undoneAt ?? 0, lang), operator: undone.undoneBy })}</Text>
        </Alert>
      )}
      <UndoImportModal batch={undoing ? result.batch : null} onClose={() => setUndoing(false)} onUndone={setUndone} />
      <Counts
        items={[
          { key: 'customersCreated', label: t('importer.result.counts.customersCreated'), value: result.customersCreated },
          { key: 'customersReused', label: t('importer.result.counts.customersReused'), value: result.customersReused },
          { key: 'unitsCreated', label: t('importer.result.counts.unitsCreated'), value: result.unitsCreated },
          { key: 'modelsCreated', label: t('importer.result.counts.modelsCreated'), value: result.modelsCreated },
        ]}
      />
      {result.rejected.length > 0 ? (
        <>
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} py={8} my="sm">
            <Text size="sm">{t('importer.result.rejected', { count: result.rejected.length })}</Text>
          </Alert>
          <RowsTable rows={result.rejected} testId="import-rejected-rows" />
        </>
      ) : (
        <Text size="sm" mt="sm">
          {t('importer.result.allImported')}
        </Text>
      )}
    </Box>
  );
}
