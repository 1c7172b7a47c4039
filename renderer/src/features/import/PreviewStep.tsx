import { Alert, Box, Button, Center, Group, Loader, Stack, Switch, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconDatabaseImport, IconInfoCircle, IconUsersGroup } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportCustomerChoice, ImportPreview } from '../../../../shared/schemas/excel';
import { errorText } from '../../lib/errorText';
import { CategoryPolicies } from './CategoryPolicies';
import { Counts, RowsTable } from './RowsTable';

interface Props {
  /** The latest check: kept on screen while a changed choice is checked again. */
  preview: ImportPreview | undefined;
  pending: boolean;
  error: unknown;
  choices: Map<number, ImportCustomerChoice>;
  onChoose: (row: number, choice: ImportCustomerChoice) => void;
  onPolicy: (category: string, policyId: number | null) => void;
  onBack: () => void;
  onCommit: () => void;
}

/** Step 3: what the import would do, row by row, and to whom; nothing is written yet. */
export function PreviewStep({ preview, pending, error, choices, onChoose, onPolicy, onBack, onCommit }: Props) {
  const { t } = useTranslation();
  const [onlyRejected, setOnlyRejected] = useState(false);
  const rows = useMemo(() => (preview ? (onlyRejected ? preview.rows.filter((r) => !r.ok) : preview.rows) : []), [preview, onlyRejected]);

  const back = (
    <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
      {t('importer.back')}
    </Button>
  );

  if (pending && !preview) {
    return (
      <Center py="xl">
        <Stack align="center" gap="sm">
          <Loader size="md" />
          <Text size="sm" c="dimmed">
            {t('importer.preview.loading')}
          </Text>
          {back}
        </Stack>
      </Center>
    );
  }
  if (!preview) {
    return (
      <Stack gap="sm" align="flex-start">
        {error ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} w="100%" data-testid="import-error">
            {errorText(t, error)}
          </Alert>
        ) : null}
        {back}
      </Stack>
    );
  }

  const needsPolicy = preview.rows.filter((r) => r.problems.some((p) => p.message.key.startsWith('import.modelNeedsPolicy'))).length;
  const notImported = preview.total - preview.okCount;
  const shownOk = preview.rows.filter((r) => r.ok).length;

  return (
    <Box>
      <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} py={8} mb="sm" data-testid="import-not-yet">
        <Text size="sm">{t('importer.preview.notYet', { count: preview.okCount })}</Text>
      </Alert>
      <Counts
        items={[
          { key: 'total', label: t('importer.preview.counts.total'), value: preview.total },
          { key: 'ok', label: t('importer.preview.counts.ok'), value: preview.okCount, color: 'green.8' },
          { key: 'rejected', label: t('importer.preview.counts.rejected'), value: preview.errorCount, color: 'red.8' },
          { key: 'newCustomers', label: t('importer.preview.counts.newCustomers'), value: preview.newCustomers },
          { key: 'existingCustomers', label: t('importer.preview.counts.existingCustomers'), value: preview.existingCustomers },
          { key: 'ambiguous', label: t('importer.preview.counts.ambiguous'), value: preview.ambiguousCount, color: 'orange.8' },
          { key: 'units', label: t('importer.preview.counts.units'), value: preview.newUnits },
          { key: 'newModels', label: t('importer.preview.counts.newModels'), value: preview.newModels.length },
        ]}
      />
      {preview.newModels.length > 0 && (
        <Text size="sm" mt={6} data-testid="import-new-models">
          {t('importer.preview.newModels', { models: preview.newModels.join(t('app.common.listSeparator')) })}
        </Text>
      )}
      {preview.categories.length > 0 && <CategoryPolicies categories={preview.categories} onPolicy={onPolicy} />}
      {preview.ambiguousCount > 0 && (
        <Alert color="orange" variant="light" icon={<IconUsersGroup size={18} />} py={8} mt="sm" data-testid="import-ambiguous">
          <Text size="sm">{t('importer.preview.ambiguous', { count: preview.ambiguousCount })}</Text>
        </Alert>
      )}
      {preview.warnedCount > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} py={8} mt="sm" data-testid="import-shared-phones">
          <Text size="sm">{t('importer.preview.sharedPhones', { count: preview.warnedCount })}</Text>
        </Alert>
      )}
      {needsPolicy > 0 && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} py={8} mt="sm">
          <Text size="sm">{t('importer.preview.needsPolicy', { count: needsPolicy })}</Text>
        </Alert>
      )}

      {error ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} py={8} mt="sm" data-testid="import-error">
          <Text size="sm">{errorText(t, error)}</Text>
        </Alert>
      ) : null}

      <Group justify="space-between" mt="sm" mb="xs" wrap="nowrap">
        <Group gap="md" wrap="nowrap">
          <Switch
            size="sm"
            label={t('importer.preview.onlyRejected', { count: notImported })}
            checked={onlyRejected}
            onChange={(e) => setOnlyRejected(e.currentTarget.checked)}
            disabled={notImported === 0}
          />
          {pending && (
            <Group gap={6} wrap="nowrap" data-testid="import-rechecking">
              <Loader size="xs" />
              <Text size="xs" c="dimmed">
                {t('importer.preview.rechecking')}
              </Text>
            </Group>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap">
          {back}
          <Button leftSection={<IconDatabaseImport size={16} />} onClick={onCommit} disabled={preview.okCount === 0 || pending || Boolean(error)} data-testid="import-commit">
            {t('importer.preview.commit', { count: preview.okCount })}
          </Button>
        </Group>
      </Group>
      {preview.okCount === 0 && (
        <Alert color="red" variant="light" py={8} mb="xs">
          <Text size="sm">{t('importer.preview.nothingToImport')}</Text>
        </Alert>
      )}
      {rows.length > 0 ? (
        <RowsTable key={String(onlyRejected)} rows={rows} testId="import-preview-rows" choices={choices} onChoose={onChoose} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('importer.preview.noRejected')}
        </Text>
      )}
      {!onlyRejected && preview.okCount > shownOk && (
        <Text size="xs" c="dimmed" mt={6}>
          {t('importer.preview.firstOk', { shown: shownOk, rest: preview.okCount - shownOk })}
        </Text>
      )}
    </Box>
  );
}
