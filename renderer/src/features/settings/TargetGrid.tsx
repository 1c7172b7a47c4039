import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SEVERITIES } from '../../../../shared/domain/ticket-status';
import { REGIONS } from '../../../../shared/schemas/customer';
import { DurationInput, type FormDuration } from './DurationInput';

export const TARGETS = ['answer', 'arrival', 'fix'] as const;
export type FormTargetTable = Record<(typeof REGIONS)[number], Record<(typeof SEVERITIES)[number], Record<(typeof TARGETS)[number], FormDuration>>>;

interface FormLike {
  getInputProps: (path: string) => { value?: unknown; onChange: (value: unknown) => void };
  errors: Record<string, unknown>;
}

/**
 * One table of targets, region by severity. `path` is where it sits in the form (`terms.targets`,
 * or `terms.duty.outside`); `prefix` goes before each cell's name so the two tables' cells are
 * told apart by screen readers and tests.
 */
export function TargetGrid({ form, path, prefix, testId }: { form: FormLike; path: string; prefix?: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing="xs" data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={70}>{t('service.levels.region')}</Table.Th>
          <Table.Th w={130}>{t('service.levels.severity')}</Table.Th>
          {TARGETS.map((k) => (
            <Table.Th key={k}>
              <Text size="sm" fw={600}>
                {t(`ticketing.milestone.${k}`)}
              </Text>
              <Text size="xs" c="dimmed" fw={400}>
                {t(`service.levels.targetHint.${k}`)}
              </Text>
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {REGIONS.map((r) =>
          SEVERITIES.map((s, i) => (
            <Table.Tr key={`${r}.${s}`}>
              {i === 0 && (
                <Table.Td rowSpan={SEVERITIES.length} fw={600}>
                  {t(`ticketing.region.${r}`)}
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm">{t(`ticketing.severity.${s}`)}</Text>
              </Table.Td>
              {TARGETS.map((k) => {
                const cell = t('service.levels.cellLabel', { region: t(`ticketing.region.${r}`), severity: t(`ticketing.severity.${s}`), target: t(`ticketing.milestone.${k}`) });
                return (
                  <Table.Td key={k}>
                    <DurationInput compact form={form} path={`${path}.${r}.${s}.${k}`} label={prefix ? `${prefix}: ${cell}` : cell} />
                  </Table.Td>
                );
              })}
            </Table.Tr>
          )),
        )}
      </Table.Tbody>
    </Table>
  );
}
