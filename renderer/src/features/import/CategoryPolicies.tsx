import { Box, Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportCategory } from '../../../../shared/schemas/excel';
import { useApiQuery } from '../../api/client';
import { errorText } from '../../lib/errorText';

const nowrap = { whiteSpace: 'nowrap' } as const;

/** A category whose import creates models asks for their policy; one that creates none does not. */
export const needsPolicy = (c: ImportCategory) => c.source !== 'onFile' && c.source !== 'noneNew';

/**
 * One warranty policy per product category of the sheet, not one for the whole import: an
 * elevator and an air conditioner in one sheet are not covered alike. Each starts on what the
 * desk's own records suggest and says why; the clerk changes any of them here.
 */
export function CategoryPolicies({ categories, onPolicy }: { categories: ImportCategory[]; onPolicy: (category: string, policyId: number | null) => void }) {
  const { t } = useTranslation();
  const policies = useApiQuery('policies:list', {});
  const data = (policies.data ?? []).map((p) => ({ value: String(p.id), label: p.name }));
  const name = (c: ImportCategory) => c.category || t('importer.categories.uncategorised');

  return (
    <Box mt="sm" data-testid="import-categories">
      <Text size="sm" fw={600}>
        {t('importer.categories.title')}
      </Text>
      <Text size="xs" c="dimmed" mb={4}>
        {policies.data?.length === 0 ? t('importer.categories.noPolicies') : t('importer.categories.hint')}
      </Text>
      <Table withTableBorder verticalSpacing={3} horizontalSpacing="xs" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>{t('importer.categories.category')}</Table.Th>
            <Table.Th w={64} style={nowrap}>
              {t('importer.categories.rows')}
            </Table.Th>
            <Table.Th>{t('importer.categories.newModels')}</Table.Th>
            <Table.Th w={520}>{t('importer.categories.policy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {categories.map((c) => (
            <Table.Tr key={c.category} data-category={c.category} style={{ verticalAlign: 'top' }}>
              <Table.Td>
                <Text size="sm" truncate="end" c={c.category ? undefined : 'dimmed'}>
                  {name(c)}
                </Text>
              </Table.Td>
              <Table.Td ff="monospace">{c.rows}</Table.Td>
              <Table.Td>
                <Text size="sm" truncate="end" title={c.newModels.join('\n')}>
                  {c.newModels.join(t('app.common.listSeparator'))}
                </Text>
              </Table.Td>
              <Table.Td>
                {!needsPolicy(c) ? (
                  <Text size="xs" c="dimmed" py={4} data-testid="category-source">
                    {t(`importer.categories.source.${c.source}`)}
                  </Text>
                ) : (
                  <Box style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
                    <Select
                      size="xs"
                      w={220}
                      style={{ flexShrink: 0 }}
                      aria-label={t('importer.categories.policyFor', { category: name(c) })}
                      placeholder={t('importer.categories.none')}
                      data={data}
                      value={c.policyId === null ? null : String(c.policyId)}
                      onChange={(value) => onPolicy(c.category, value === null ? null : Number(value))}
                      clearable
                      error={c.policyId === null ? true : policies.error ? errorText(t, policies.error) : undefined}
                      comboboxProps={{ withinPortal: true }}
                    />
                    <Text size="xs" c={c.policyId === null ? 'red.8' : 'dimmed'} data-testid="category-source" lh={1.3}>
                      {t(`importer.categories.source.${c.source}`)}
                    </Text>
                  </Box>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
