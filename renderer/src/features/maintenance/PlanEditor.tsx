import { ActionIcon, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ChangeEvent, FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_REPEATS, VISIT_KINDS, type PlanRepeat, type VisitKind } from '../../../../shared/domain/visit-plan';
import { tidyDate } from '../../lib/dates';
import { blankLine, PRESETS, type ContractValues, type LineValues, type Preset } from './contract-form';

const nowrap = { whiteSpace: 'nowrap' } as const;

/** The most lines a plan may have (the schema's limit). */
const MAX_LINES = 20;
const LINE_FIELDS = ['kind', 'repeat', 'n', 'offsets', 'from', 'to'] as const;

/**
 * A contract's visit plan: one of the seeds' common plans to start from, then its lines, each
 * with its own kind, repeat and dates. `preset` is the plan whose lines are shown unchanged; an
 * edit by hand leaves it (`onEdited`), so a change of the contract's dates no longer rebuilds them.
 */
export function PlanEditor({
  form,
  preset,
  onPreset,
  onEdited,
}: {
  form: UseFormReturnType<ContractValues>;
  preset: Preset | null;
  onPreset: (preset: Preset) => void;
  onEdited: () => void;
}) {
  const { t } = useTranslation();
  const lines = form.values.plan;
  const edit = <K extends keyof LineValues>(index: number, field: K, value: LineValues[K]) => {
    form.setFieldValue(`plan.${index}.${field}`, value as never);
    // A refusal names one field of the line (its start, for a line outside the contract); any change to the line answers it.
    for (const name of LINE_FIELDS) form.clearFieldError(`plan.${index}.${name}`);
    onEdited();
  };
  const dateProps = (index: number, field: 'from' | 'to') => {
    const props = form.getInputProps(`plan.${index}.${field}`);
    return {
      ...props,
      onChange: (e: ChangeEvent<HTMLInputElement>) => edit(index, field, e.currentTarget.value),
      onBlur: (e: FocusEvent<HTMLInputElement>) => {
        const tidy = tidyDate(e.currentTarget.value);
        if (tidy !== e.currentTarget.value) form.setFieldValue(`plan.${index}.${field}`, tidy);
        (props.onBlur as ((e: FocusEvent<HTMLInputElement>) => void) | undefined)?.(e);
      },
    };
  };

  return (
    <Stack gap={6} data-testid="plan-editor">
      <Group gap="xs" wrap="nowrap" align="center">
        <Text size="sm" fw={500} style={nowrap}>
          {t('maintenance.form.preset')}
        </Text>
        <Group gap={4} wrap="nowrap" role="group" aria-label={t('maintenance.form.preset')}>
          {PRESETS.map((p) => (
            <Button key={p} size="compact-sm" variant={preset === p ? 'filled' : 'default'} aria-pressed={preset === p} title={t(`maintenance.plan.preset.${p}`)} onClick={() => onPreset(p)}>
              {t(`maintenance.plan.presetName.${p}`)}
            </Button>
          ))}
        </Group>
        <Text size="xs" c="dimmed" lineClamp={2}>
          {preset ? t(`maintenance.plan.preset.${preset}`) : t('maintenance.form.presetHint')}
        </Text>
      </Group>
      {lines.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="plan-empty">
          {t('maintenance.form.noLines')}
        </Text>
      ) : (
        <Table withTableBorder verticalSpacing={4} horizontalSpacing={6} data-testid="plan-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={28}>#</Table.Th>
              <Table.Th w={128}>{t('maintenance.form.line.kind')}</Table.Th>
              <Table.Th>{t('maintenance.form.line.repeat')}</Table.Th>
              <Table.Th w={150}>{t('maintenance.form.line.n')}</Table.Th>
              <Table.Th w={132}>{t('maintenance.form.line.from')}</Table.Th>
              <Table.Th w={132}>{t('maintenance.form.line.to')}</Table.Th>
              <Table.Th w={36} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, i) => {
              const label = (field: string) => `${t(`maintenance.form.line.${field}`)} ${i + 1}`;
              return (
                <Table.Tr key={line.key} style={{ verticalAlign: 'top' }}>
                  <Table.Td pt={10}>
                    <Text size="sm" c="dimmed">
                      {i + 1}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={label('kind')}
                      allowDeselect={false}
                      data={VISIT_KINDS.map((k) => ({ value: k, label: t(`maintenance.visit.kind.${k}`) }))}
                      {...form.getInputProps(`plan.${i}.kind`)}
                      onChange={(v) => v && edit(i, 'kind', v as VisitKind)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={label('repeat')}
                      allowDeselect={false}
                      data={PLAN_REPEATS.map((r) => ({ value: r, label: t(`maintenance.plan.repeatChoice.${r}`) }))}
                      {...form.getInputProps(`plan.${i}.repeat`)}
                      onChange={(v) => v && edit(i, 'repeat', v as PlanRepeat)}
                    />
                  </Table.Td>
                  <Table.Td>
                    {line.repeat === 'months' || line.repeat === 'days' ? (
                      <NumberInput size="xs" w={84} min={1} max={366} allowDecimal={false} aria-label={label('n')} {...form.getInputProps(`plan.${i}.n`)} onChange={(v) => edit(i, 'n', v)} />
                    ) : line.repeat === 'after' ? (
                      <TextInput
                        size="xs"
                        aria-label={label('offsets')}
                        placeholder={t('maintenance.form.line.offsetsPlaceholder')}
                        {...form.getInputProps(`plan.${i}.offsets`)}
                        onChange={(e) => edit(i, 'offsets', e.currentTarget.value)}
                      />
                    ) : (
                      <Text size="sm" c="dimmed" pt={4}>
                        {t('app.common.none')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="xs" inputMode="numeric" maxLength={10} aria-label={label('from')} {...dateProps(i, 'from')} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="xs" inputMode="numeric" maxLength={10} aria-label={label('to')} {...dateProps(i, 'to')} />
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={t('maintenance.form.line.remove', { n: i + 1 })} withArrow>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t('maintenance.form.line.remove', { n: i + 1 })}
                        onClick={() => {
                          form.removeListItem('plan', i);
                          onEdited();
                        }}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconPlus size={14} />}
          disabled={lines.length >= MAX_LINES}
          onClick={() => {
            form.insertListItem('plan', blankLine(tidyDate(form.values.startsOn), tidyDate(form.values.endsOn)));
            onEdited();
          }}
        >
          {t('maintenance.form.addLine')}
        </Button>
      </Group>
    </Stack>
  );
}
