import { Table, Text } from '@mantine/core';
import { cellText, type ReportTable } from '../../../../shared/domain/report-tables';
import { currentLanguage } from '../../app/i18n';

/** One of the shared report tables (the same the pack prints and the workbook holds), as a screen table. */
export function ReportTableView({ table, testId }: { table: ReportTable; testId?: string }) {
  const lang = currentLanguage();
  return (
    <>
      <Table striped withTableBorder withColumnBorders data-testid={testId ?? `report-table-${table.key}`} fz="sm">
        <Table.Thead>
          <Table.Tr>
            {table.columns.map((c, i) => (
              <Table.Th key={i} ta={table.numeric.includes(i) ? 'right' : undefined} style={{ whiteSpace: 'nowrap' }}>
                {c}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row, r) => (
            <Table.Tr key={r}>
              {row.map((cell, i) => (
                <Table.Td key={i} ta={table.numeric.includes(i) ? 'right' : undefined} fw={row.length > 1 && row[1] === null && i === 0 ? 600 : undefined}>
                  {cellText(cell, lang)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {table.note && (
        <Text size="xs" c="dimmed" mt={4}>
          {table.note}
        </Text>
      )}
    </>
  );
}
