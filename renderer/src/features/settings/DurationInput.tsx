import { Group, NumberInput, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Duration } from '../../../../shared/domain/sla';

export const DURATION_UNITS: Duration['unit'][] = ['minutes', 'hours', 'workingDays'];

/** A duration as a form holds it: the amount may be emptied while typing. */
export interface FormDuration {
  amount: number | string;
  unit: Duration['unit'];
}

/** An emptied amount is "not given", which the schema reports as required. */
export function durationOut(d: FormDuration): Duration {
  return { amount: d.amount === '' ? (undefined as unknown as number) : Number(d.amount), unit: d.unit };
}

interface FormLike {
  getInputProps: (path: string) => { value?: unknown; onChange: (value: unknown) => void };
  errors: Record<string, unknown>;
}

/** Amount and unit side by side; `label` names both for screen readers and tests. */
export function DurationInput({ form, path, label, compact = false }: { form: FormLike; path: string; label: string; compact?: boolean }) {
  const { t } = useTranslation();
  const amount = form.getInputProps(`${path}.amount`);
  const unit = form.getInputProps(`${path}.unit`);
  const error = (form.errors[`${path}.amount`] ?? form.errors[path]) as string | undefined;
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <NumberInput
        w={compact ? 64 : 84}
        size={compact ? 'xs' : 'sm'}
        min={1}
        max={10_000}
        allowDecimal={false}
        allowNegative={false}
        aria-label={label}
        value={amount.value as number | string}
        onChange={amount.onChange}
        error={error}
      />
      <Select
        w={compact ? 76 : 96}
        size={compact ? 'xs' : 'sm'}
        allowDeselect={false}
        aria-label={t('service.durationUnitOf', { what: label })}
        data={DURATION_UNITS.map((u) => ({ value: u, label: t(`ticketing.durationUnit.${u}`) }))}
        value={unit.value as string}
        onChange={(v) => v && unit.onChange(v)}
      />
    </Group>
  );
}
