import { Group, NumberInput, SegmentedControl, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../../shared/domain/dates';
import { tidyDate } from '../../lib/dates';
import { PERIOD_KINDS, type PeriodChoice, type PeriodKind } from './period';

/** A month, quarter, year or any range: the reports screen's period, and a customer's pack. */
export function PeriodPicker({ value, onChange }: { value: PeriodChoice; onChange: (c: PeriodChoice) => void }) {
  const { t } = useTranslation();
  const set = (patch: Partial<PeriodChoice>) => onChange({ ...value, ...patch });
  const day = (key: 'from' | 'to') => (
    <TextInput
      size="xs"
      w={120}
      label={t(`reports.period.${key}`)}
      defaultValue={value[key]}
      key={`${key}-${value[key]}`}
      data-testid={`report-${key}`}
      onBlur={(e) => {
        const tidy = tidyDate(e.currentTarget.value);
        if (isIsoDate(tidy)) set({ [key]: tidy });
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Enter') return;
        const tidy = tidyDate(e.currentTarget.value);
        if (isIsoDate(tidy)) set({ [key]: tidy });
      }}
    />
  );
  return (
    <Group gap="sm" align="flex-end" data-testid="report-period">
      <SegmentedControl size="xs" value={value.kind} onChange={(v) => set({ kind: v as PeriodKind, part: v === 'quarter' ? Math.ceil(value.part / 3) || 1 : value.kind === 'quarter' ? (value.part - 1) * 3 + 1 : value.part })} data={PERIOD_KINDS.map((k) => ({ value: k, label: t(`reports.period.${k}`) }))} />
      {value.kind !== 'range' && <NumberInput size="xs" w={90} label={t('reports.period.year')} value={value.year} min={2000} max={2100} onChange={(v) => typeof v === 'number' && set({ year: v })} data-testid="report-year" />}
      {value.kind === 'month' && (
        <Select size="xs" w={90} label={t('reports.period.month')} value={String(value.part)} allowDeselect={false} onChange={(v) => v && set({ part: Number(v) })} data={Array.from({ length: 12 }, (_, i) => String(i + 1))} data-testid="report-month" />
      )}
      {value.kind === 'quarter' && <Select size="xs" w={90} label={t('reports.period.quarter')} value={String(value.part)} allowDeselect={false} onChange={(v) => v && set({ part: Number(v) })} data={['1', '2', '3', '4']} />}
      {value.kind === 'range' && (
        <>
          {day('from')}
          {day('to')}
        </>
      )}
    </Group>
  );
}

