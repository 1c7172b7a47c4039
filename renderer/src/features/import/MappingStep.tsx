import { Box, Button, Group, ScrollArea, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconArrowRight, IconFileSpreadsheet } from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportOpened, ImportSheet } from '../../../../shared/schemas/excel';
import { columnLetter, columnOf, exampleValues, missingRequired, sharedWith, type ColumnMapping, type FieldSet } from './mapping';

const NOT_IMPORTED = '-1';
const nowrap = { whiteSpace: 'nowrap' } as const;

interface Props {
  opened: ImportOpened;
  sheet: ImportSheet;
  mapping: ColumnMapping;
  /** What the sheet is read as (customers and units, or tickets), and the fields that go with it. */
  fieldSet: FieldSet;
  /** The choice between them, above the fields; a word on what the kind of import does, under it. */
  kindPicker?: ReactNode;
  choosing: boolean;
  /** Said under the file line, e.g. why another file could not be opened. */
  notice?: ReactNode;
  /** What the file is (format, a CSV's encoding to change), under the file line. */
  source?: ReactNode;
  onSheet: (name: string) => void;
  onMapping: (field: string, column: number | null) => void;
  onChooseAnother: () => void;
  onBack: () => void;
  onNext: () => void;
}

/** Step 2: which column of the sheet holds which piece of a customer or unit. */
export function MappingStep({ opened, sheet, mapping, fieldSet, kindPicker, choosing, notice, source, onSheet, onMapping, onChooseAnother, onBack, onNext }: Props) {
  const { t } = useTranslation();
  const missing = missingRequired(mapping, fieldSet);

  const columns = useMemo(
    () => [
      { value: NOT_IMPORTED, label: t('importer.map.notImported') },
      ...sheet.headers.map((header, i) => ({
        value: String(i),
        label: t('importer.map.columnOption', { letter: columnLetter(i), header: header.trim() || t('importer.map.untitled') }),
      })),
    ],
    [sheet.headers, t],
  );

  const fieldTable = (title: string, fields: readonly string[], testId: string) => (
    <Table withTableBorder verticalSpacing={3} horizontalSpacing="xs" data-testid={testId} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={136} style={nowrap}>
            {title}
          </Table.Th>
          <Table.Th w={190}>{t('importer.map.column')}</Table.Th>
          <Table.Th>{t('importer.map.example')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {fields.map((field) => {
          const column = columnOf(mapping, field);
          const required = fieldSet.required.includes(field);
          const examples = exampleValues(sheet, column);
          const twice = sharedWith(mapping, field, fieldSet);
          const name = t(fieldSet.label(field));
          return (
            <Table.Tr key={field} data-field={field}>
              <Table.Td style={nowrap}>
                <Text size="sm" span fw={required ? 600 : undefined}>
                  {name}
                </Text>
                {required && (
                  <Text span c="red" size="sm" title={t('importer.map.required')}>
                    {' *'}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  aria-label={name}
                  aria-required={required}
                  data={columns}
                  value={column === null ? NOT_IMPORTED : String(column)}
                  onChange={(value) => onMapping(field, value === null || value === NOT_IMPORTED ? null : Number(value))}
                  allowDeselect={false}
                  searchable
                  error={required && column === null}
                  comboboxProps={{ withinPortal: true }}
                  maxDropdownHeight={280}
                  styles={{ input: column === null ? { color: 'var(--mantine-color-dimmed)' } : undefined }}
                />
              </Table.Td>
              <Table.Td>
                {twice ? (
                  <Group gap={4} wrap="nowrap" c="orange.8">
                    <IconAlertTriangle size={14} style={{ flexShrink: 0 }} />
                    <Text size="xs" truncate="end">
                      {t('importer.map.columnTwice', { field: t(fieldSet.label(twice)) })}
                    </Text>
                  </Group>
                ) : (
                  <Text size="xs" c="dimmed" truncate="end" title={examples.join('\n')}>
                    {examples.join(' · ')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );

  return (
    <Box>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <IconFileSpreadsheet size={18} stroke={1.6} style={{ flexShrink: 0 }} />
          <Text size="sm" fw={600} data-testid="import-file-name" truncate="end" maw={360}>
            {opened.fileName}
          </Text>
          <Button size="compact-sm" variant="subtle" onClick={onChooseAnother} loading={choosing}>
            {t('importer.file.chooseAnother')}
          </Button>
        </Group>
        {opened.sheets.length > 1 ? (
          <Group gap="xs" wrap="nowrap">
            <Text size="sm">{t('importer.map.sheet')}</Text>
            <Select
              size="xs"
              w={240}
              aria-label={t('importer.map.sheet')}
              allowDeselect={false}
              value={sheet.name}
              onChange={(value) => value && onSheet(value)}
              data={opened.sheets.map((s) => ({ value: s.name, label: t('importer.map.sheetOption', { name: s.name, count: s.rowCount }) }))}
            />
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('importer.map.sheetLine', { sheet: t('importer.map.sheetOption', { name: sheet.name, count: sheet.rowCount }) })}
          </Text>
        )}
      </Group>

      {source && <Box mb="xs">{source}</Box>}
      {notice && <Box mb="xs">{notice}</Box>}
      {kindPicker && <Box mb="xs">{kindPicker}</Box>}
      <SimpleGrid cols={fieldSet.columns.length} spacing="sm" verticalSpacing="sm">
        {fieldSet.columns.map((groups, i) => (
          <Stack key={i} gap="sm">
            {groups.map((g) => (
              <Box key={g.testId}>{fieldTable(t(g.title), g.fields, g.testId)}</Box>
            ))}
          </Stack>
        ))}
      </SimpleGrid>

      <Group justify="space-between" mt="sm" wrap="nowrap" gap="md">
        <Box>
          {missing.length > 0 && (
            <Text size="sm" c="red.8" data-testid="map-missing">
              {t('importer.map.requiredMissing')}
            </Text>
          )}
        </Box>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
            {t('importer.back')}
          </Button>
          <Button rightSection={<IconArrowRight size={16} />} onClick={onNext} disabled={missing.length > 0}>
            {t('importer.map.next')}
          </Button>
        </Group>
      </Group>

      <Text size="sm" fw={600} mt="md" mb={4}>
        {t('importer.map.sample', { sheet: sheet.name })}
      </Text>
      <ScrollArea type="auto" offsetScrollbars>
        <Table withTableBorder withColumnBorders verticalSpacing={2} horizontalSpacing="xs" fz="xs" data-testid="sheet-sample">
          <Table.Thead>
            <Table.Tr>
              {sheet.headers.map((header, i) => (
                <Table.Th key={i} style={nowrap}>
                  <Text span size="xs" c="dimmed" mr={4}>
                    {columnLetter(i)}
                  </Text>
                  {header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sheet.sample.map((row, r) => (
              <Table.Tr key={r}>
                {sheet.headers.map((_, i) => (
                  <Table.Td key={i} style={{ ...nowrap, maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                    {row[i] ?? ''}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Box>
  );
}
