import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportCustomerChoice, ImportProblem, ImportRowResult } from '../../../../shared/schemas/excel';
import { messageText } from '../../lib/errorText';
import { CustomerCell } from './CustomerCell';
import { Pager } from '../../ui/Pager';

/** Hundreds of rejected rows stay quick to draw: one page at a time. */
const PAGE_SIZE = 100;
const nowrap = { whiteSpace: 'nowrap' } as const;

export function ProblemLine({ problem, warning = false }: { problem: ImportProblem; warning?: boolean }) {
  const { t } = useTranslation();
  const message = messageText(t, problem.message);
  return (
    <Text size="sm" c={warning ? 'orange.9' : 'red.8'} data-testid={warning ? 'import-warning' : 'import-problem'}>
      {problem.column ? t('importer.preview.problem', { column: problem.column, message }) : message}
    </Text>
  );
}

type Status = 'ok' | 'rejected' | 'undecided' | 'skipped';
const STATUS_COLOR: Record<Status, string> = { ok: 'green', rejected: 'red', undecided: 'orange', skipped: 'gray' };

function statusOf(row: ImportRowResult): Status {
  if (row.ok) return 'ok';
  if (row.problems.length > 0) return 'rejected';
  return row.customer === 'skipped' ? 'skipped' : 'undecided';
}

interface Props {
  rows: ImportRowResult[];
  testId: string;
  /** The clerk's choices for rows that fit several customers, and how to change one (the preview only). */
  choices?: Map<number, ImportCustomerChoice>;
  onChoose?: (row: number, choice: ImportCustomerChoice) => void;
}

/** The checked rows: where in the sheet, who they go to, which unit, and what is wrong with them. */
export function RowsTable({ rows, testId, choices, onChoose }: Props) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  // The parent gives a new key for a new filter or check, which starts again on page 1.
  const current = Math.min(page, pages);
  const shown = rows.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);

  return (
    <>
      <Table striped withTableBorder verticalSpacing={4} horizontalSpacing="xs" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={64} style={nowrap}>
              {t('importer.preview.columns.row')}
            </Table.Th>
            <Table.Th w={340}>{t('importer.preview.columns.customer')}</Table.Th>
            <Table.Th w={140}>{t('importer.preview.columns.serial')}</Table.Th>
            <Table.Th w={112} style={nowrap}>
              {t('importer.preview.columns.status')}
            </Table.Th>
            <Table.Th>{t('importer.preview.columns.problems')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((row) => {
            const status = statusOf(row);
            return (
              <Table.Tr key={row.row} data-row={row.row} data-ok={row.ok} data-status={status} style={{ verticalAlign: 'top' }}>
                <Table.Td ff="monospace">{row.row}</Table.Td>
                <Table.Td>
                  <CustomerCell row={row} choice={choices?.get(row.row)} onChoose={onChoose} />
                </Table.Td>
                <Table.Td ff="monospace" style={nowrap}>
                  {row.serial ?? ''}
                </Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={STATUS_COLOR[status]} radius="sm" tt="none" style={nowrap}>
                    {t(`importer.preview.status.${status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    {row.problems.map((problem, i) => (
                      <ProblemLine key={i} problem={problem} />
                    ))}
                    {row.warnings.map((warning, i) => (
                      <ProblemLine key={`w${i}`} problem={warning} warning />
                    ))}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {pages > 1 && <Pager mt="xs" total={pages} value={current} onChange={setPage} />}
    </>
  );
}

/** A row of plain numbers: what the sheet holds or what the import did. */
export function Counts({ items }: { items: { key: string; label: string; value: number; color?: string }[] }) {
  return (
    <Group gap={0} wrap="wrap" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}>
      {items.map((item, i) => (
        <Stack
          key={item.key}
          gap={0}
          px="md"
          py={6}
          data-testid={`count-${item.key}`}
          style={i > 0 ? { borderLeft: '1px solid var(--mantine-color-default-border)' } : undefined}
        >
          <Text size="xs" c="dimmed" style={nowrap}>
            {item.label}
          </Text>
          <Text size="lg" fw={600} c={item.value > 0 ? item.color : undefined} data-value={item.value}>
            {item.value}
          </Text>
        </Stack>
      ))}
    </Group>
  );
}
