import { Badge, Box, Button, Table, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import type { ImportBatch } from '../../../../shared/schemas/excel';
import { useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { QueryState } from '../../ui/QueryState';
import { UndoImportModal } from './UndoImportModal';

const nowrap = { whiteSpace: 'nowrap' } as const;

/** The last imports, newest first: what each created, and whether it still stands or was undone. */
export function RecentImports() {
  const { t } = useTranslation();
  const batches = useApiQuery('import:batches', {});
  const [undoing, setUndoing] = useState<ImportBatch | null>(null);
  const lang = currentLanguage();

  return (
    <Box mt="lg" maw={1100} data-testid="recent-imports">
      <Text size="sm" fw={600} mb={4}>
        {t('importer.recent.title')}
      </Text>
      <QueryState isPending={batches.isPending} error={batches.error} />
      {batches.data &&
        (batches.data.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('importer.recent.empty')}
            </Text>
          ) : (
            <Table striped withTableBorder verticalSpacing={4} horizontalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={140}>{t('importer.recent.at')}</Table.Th>
                  <Table.Th>{t('importer.recent.file')}</Table.Th>
                  <Table.Th w={100}>{t('importer.recent.operator')}</Table.Th>
                  <Table.Th w={250}>{t('importer.recent.created')}</Table.Th>
                  <Table.Th w={230}>{t('importer.recent.state')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {batches.data.map((b) => (
                  <Table.Tr key={b.id} data-batch={b.id}>
                    <Table.Td style={nowrap}>{formatDateTime(b.createdAt, lang)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" truncate="end" title={`${b.fileName} · ${b.sheet}`}>
                        {b.fileName}
                      </Text>
                      {b.cutShortAt !== null && b.undoneAt === null && (
                        <Text size="xs" c="orange.8">
                          {t('importGuard.cutShort.hint')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{b.operator}</Table.Td>
                    <Table.Td style={nowrap}>{t('importer.recent.createdCounts', { customers: b.customersCreated, units: b.unitsCreated, models: b.modelsCreated })}</Table.Td>
                    <Table.Td>
                      {b.undoneAt !== null ? (
                        <Text size="xs" c="dimmed" data-testid="batch-undone">
                          {t('importer.recent.undone', { operator: b.undoneBy, at: formatDateTime(b.undoneAt, lang) })}
                        </Text>
                      ) : (
                        <Box style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
                          {b.cutShortAt !== null ? (
                            <Badge size="sm" variant="light" color="orange" radius="sm" tt="none" data-testid="batch-cut-short">
                              {t('importGuard.cutShort.badge')}
                            </Badge>
                          ) : (
                            <Badge size="sm" variant="light" color="green" radius="sm" tt="none">
                              {t('importer.recent.active')}
                            </Badge>
                          )}
                          <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconArrowBackUp size={14} />} onClick={() => setUndoing(b)}>
                            {t('importer.recent.undo')}
                          </Button>
                        </Box>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ))}
      <UndoImportModal batch={undoing} onClose={() => setUndoing(null)} />
    </Box>
  );
}
