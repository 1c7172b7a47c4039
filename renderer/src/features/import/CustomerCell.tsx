import { Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../../../shared/format';
import type { ImportCustomerChoice, ImportRowResult } from '../../../../shared/schemas/excel';

/** A choice as a Select value: 'skip', 'new', 'c:<customer id>' or 'r:<row above>'. */
function choiceValue(choice: ImportCustomerChoice | undefined): string | null {
  if (choice === undefined) return null;
  if (choice === 'skip' || choice === 'new') return choice;
  return 'customerId' in choice ? `c:${choice.customerId}` : `r:${choice.sameAsRow}`;
}

function choiceOf(value: string): ImportCustomerChoice {
  if (value === 'skip' || value === 'new') return value;
  const id = Number(value.slice(2));
  return value.startsWith('c:') ? { customerId: id } : { sameAsRow: id };
}

const TARGET_COLOR: Record<ImportRowResult['customer'], string | undefined> = {
  new: 'teal.8',
  existing: 'blue.8',
  sameAsAbove: 'blue.8',
  ambiguous: 'orange.8',
  skipped: 'dimmed',
};

/**
 * Who a row goes to, so a unit is never filed under the wrong customer unseen: the customer on
 * file or the row above (by name, with the phone matched on), or a new one, and why; a row that
 * fits several customers offers them, with "new" and "skip", and goes nowhere until chosen.
 */
export function CustomerCell({ row, choice, onChoose }: { row: ImportRowResult; choice?: ImportCustomerChoice; onChoose?: (row: number, choice: ImportCustomerChoice) => void }) {
  const { t } = useTranslation();
  const known = row.customer === 'new' || row.customer === 'existing' || row.customer === 'sameAsAbove';
  const target = t(`importer.preview.target.${row.customer}`, { name: row.targetName, row: row.targetRow ?? '', count: row.candidates.length });
  const options = [
    { value: 'skip', label: t('importer.preview.choice.skip') },
    { value: 'new', label: t('importer.preview.choice.new', { name: row.customerName }) },
    ...row.candidates.map((c) => {
      const archived = c.archived ? t('importer.preview.choice.archived') : '';
      if (c.id === null) return { value: `r:${c.row}`, label: t('importer.preview.choice.sameAsRow', { row: c.row, name: c.name, phone: formatPhone(c.phone) }) };
      const key = c.address ? 'importer.preview.choice.existing' : 'importer.preview.choice.existingNoAddress';
      return { value: `c:${c.id}`, label: t(key, { name: c.name, phone: formatPhone(c.phone), address: c.address ?? '', id: c.id }) + archived };
    }),
  ];
  return (
    <Stack gap={0}>
      <Text size="sm" truncate="end">
        {row.customerName || t('importer.preview.blank')}
      </Text>
      {row.problems.length === 0 && (
        <>
          <Text size="xs" c={TARGET_COLOR[row.customer]} fw={500} data-testid="import-target">
            {known && row.targetPhone ? `${target} · ${formatPhone(row.targetPhone)}` : target}
          </Text>
          <Text size="xs" c="dimmed" data-testid="import-reason">
            {t(`importer.preview.reason.${row.reason}`)}
          </Text>
        </>
      )}
      {row.problems.length === 0 && row.candidates.length > 0 && onChoose && (
        <Select
          size="xs"
          mt={4}
          aria-label={t('importer.preview.choice.label', { row: row.row })}
          placeholder={t('importer.preview.choice.placeholder')}
          data={options}
          value={choiceValue(choice)}
          onChange={(value) => value && onChoose(row.row, choiceOf(value))}
          allowDeselect={false}
          error={choice === undefined}
          comboboxProps={{ withinPortal: true, width: 440, position: 'bottom-start' }}
          data-testid="import-choice"
        />
      )}
    </Stack>
  );
}
