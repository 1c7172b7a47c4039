import { ActionIcon, Button, Checkbox, Group, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DAY_KINDS, type DutyHours } from '../../../../shared/domain/duty-hours';

import type { UseFormReturnType } from '@mantine/form';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the editor works on any form holding duty hours at `path`
type FormLike = UseFormReturnType<any>;

/**
 * Duty hours per kind of day: one row each for working days, rest days and holidays, each closed
 * all day or given one or more spans. Errors from the schema (a day left empty, a span reversed,
 * two that overlap) show under the day they belong to, with the spans named.
 */
export function DutyHoursEditor({ form, path, hours }: { form: FormLike; path: string; hours: DutyHours }) {
  const { t } = useTranslation();
  const errorsOf = (prefix: string) =>
    Object.entries(form.errors)
      .filter(([p]) => p === prefix || p.startsWith(`${prefix}.`))
      .map(([, m]) => String(m));
  return (
    <Table withTableBorder verticalSpacing={6} data-testid="duty-hours">
      <Table.Tbody>
        {DAY_KINDS.map((day) => {
          const dayPath = `${path}.${day}`;
          const { closed, spans } = hours[day];
          const dayName = t(`hours.day.${day}`);
          const errors = [...new Set(errorsOf(`${dayPath}.spans`))];
          return (
            <Table.Tr key={day} data-day={day}>
              <Table.Td w={110} fw={600} style={{ verticalAlign: 'top', paddingTop: 12 }}>
                {dayName}
              </Table.Td>
              <Table.Td>
                <Group gap="md" align="center">
                  <Checkbox label={t('hours.level.closed')} aria-label={t('hours.level.dayAction', { day: dayName, action: t('hours.level.closed') })} {...form.getInputProps(`${dayPath}.closed`, { type: 'checkbox' })} />
                  {!closed &&
                    spans.map((_, i) => (
                      <Group key={i} gap={4} wrap="nowrap">
                        {(['from', 'to'] as const).map((end) => (
                          <Group key={end} gap={4} wrap="nowrap">
                            {end === 'to' && <Text size="sm">–</Text>}
                            <TextInput
                              w={70}
                              size="xs"
                              placeholder={end === 'from' ? '08:00' : '24:00'}
                              aria-label={t('hours.level.spanLabel', { day: dayName, n: i + 1, end: t(`hours.level.${end}`) })}
                              {...form.getInputProps(`${dayPath}.spans.${i}.${end}`)}
                              // The sentence goes under the whole row: these boxes are too narrow for it.
                              error={!!form.errors[`${dayPath}.spans.${i}.${end}`]}
                            />
                          </Group>
                        ))}
                        {spans.length > 1 && (
                          <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('hours.level.dayAction', { day: dayName, action: `${t('hours.level.removeSpan')} ${i + 1}` })} onClick={() => form.removeListItem(`${dayPath}.spans`, i)}>
                            <IconX size={14} />
                          </ActionIcon>
                        )}
                      </Group>
                    ))}
                  {!closed && (
                    <Button variant="subtle" size="compact-xs" leftSection={<IconPlus size={12} />} aria-label={t('hours.level.dayAction', { day: dayName, action: t('hours.level.addSpan') })} onClick={() => form.insertListItem(`${dayPath}.spans`, { from: '', to: '' })}>
                      {t('hours.level.addSpan')}
                    </Button>
                  )}
                </Group>
                {errors.map((e) => (
                  <Text key={e} size="xs" c="red" mt={4} role="alert">
                    {e}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
