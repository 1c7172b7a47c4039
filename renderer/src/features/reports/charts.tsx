import { BarChart } from '@mantine/charts';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/*
 * The screen's charts, on @mantine/charts: greys far apart with the figure printed on each bar,
 * so a black-and-white printout or a weak screen still reads; the table below holds every figure.
 */
export const GREYS = ['gray.8', 'gray.5', 'gray.2'] as const;

export function Bars({ title, data, testId, unit }: { title: string; data: { label: string; value: number }[]; testId: string; unit?: string }) {
  const { t } = useTranslation();
  if (data.length === 0) return null;
  return (
    <Stack gap={4} data-testid={testId} aria-label={t('reports.chartAlt', { title })} role="img">
      <Text fw={600} size="sm">
        {title}
      </Text>
      <BarChart
        h={Math.max(90, data.length * 30 + 30)}
        data={data}
        dataKey="label"
        orientation="vertical"
        yAxisProps={{ width: 170 }}
        xAxisProps={{ allowDecimals: !!unit || data.some((d) => !Number.isInteger(d.value)) }}
        series={[{ name: 'value', color: GREYS[1], label: title }]}
        withBarValueLabel
        valueFormatter={(v) => (unit ? `${v}${unit}` : String(v))}
        barProps={{ stroke: 'var(--mantine-color-dark-9)', strokeWidth: 0.6 }}
        gridAxis="none"
        withTooltip={false}
      />
    </Stack>
  );
}

export function Stacked({ title, data, legend, testId }: { title: string; data: { label: string; values: number[] }[]; legend: string[]; testId: string }) {
  const { t } = useTranslation();
  const rows = data.map((d) => Object.fromEntries([['label', d.label], ...legend.map((l, i) => [l, d.values[i] ?? 0])]));
  return (
    <Stack gap={4} data-testid={testId} aria-label={t('reports.chartAlt', { title })} role="img">
      <Text fw={600} size="sm">
        {title}
      </Text>
      <BarChart
        h={data.length * 40 + 60}
        data={rows}
        dataKey="label"
        type="stacked"
        orientation="vertical"
        yAxisProps={{ width: 120 }}
        xAxisProps={{ allowDecimals: false }}
        series={legend.map((name, i) => ({ name, color: GREYS[i % GREYS.length]! }))}
        barProps={{ stroke: 'var(--mantine-color-dark-9)', strokeWidth: 0.6 }}
        withLegend
        withBarValueLabel
        gridAxis="none"
        withTooltip={false}
      />
    </Stack>
  );
}
