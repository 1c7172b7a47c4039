import { Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatPhone } from '../../../../shared/format';
import type { TicketRow } from '../../../../shared/schemas/ticket';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { DeadlineBadge, SeverityBadge, StatusBadge } from './badges';
import { FILL_CELL, TwoLines } from '../../ui/OneLine';

export const TICKET_COLUMNS = ['number', 'reported', 'customer', 'unit', 'fault', 'severity', 'status', 'technicians', 'deadline'] as const;
export type TicketColumn = (typeof TICKET_COLUMNS)[number];

export interface ColumnSort {
  key: TicketColumn;
  desc: boolean;
}

const nowrap = { whiteSpace: 'nowrap' } as const;

/** Width hints; badges size themselves, and the unit takes what the others leave (see its cell). */
const WIDTHS: Partial<Record<TicketColumn, number>> = {
  number: 118,
  reported: 128,
  customer: 130,
  fault: 150,
};

export function openTicket(id: number): void {
  navigate({ section: 'ticket', id });
}

function HeaderCell({ column, sort, onSort, children }: { column: TicketColumn; sort?: ColumnSort; onSort?: (c: TicketColumn) => void; children: ReactNode }) {
  const w = WIDTHS[column];
  if (!onSort) {
    return (
      <Table.Th w={w} style={nowrap}>
        {children}
      </Table.Th>
    );
  }
  const active = sort?.key === column;
  const Icon = active ? (sort.desc ? IconChevronDown : IconChevronUp) : IconSelector;
  return (
    <Table.Th w={w} aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton onClick={() => onSort(column)} fw={600} fz="sm">
        <Group gap={4} wrap="nowrap" style={nowrap}>
          {children}
          <Icon size={14} stroke={1.5} opacity={active ? 1 : 0.4} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

function Cell({ column, row }: { column: TicketColumn; row: TicketRow }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  switch (column) {
    case 'number':
      return (
        <Table.Td ff="monospace" fw={600} style={nowrap}>
          {row.number}
        </Table.Td>
      );
    case 'reported':
      return <Table.Td style={nowrap}>{formatDateTime(row.reportedAt, lang)}</Table.Td>;
    case 'customer':
      // Who to ring back, and on which number, without opening the ticket.
      return (
        <Table.Td>
          <Text size="sm" lineClamp={2} title={row.customerName}>
            {row.customerName}
          </Text>
          {row.contactPhone && (
            <Text size="xs" c="dimmed" style={nowrap} data-testid="ticket-phone">
              {formatPhone(row.contactPhone)}
            </Text>
          )}
        </Table.Td>
      );
    case 'unit':
      return (
        // A share of its own too, or the spare room of a wide screen went to the badges' columns.
        <Table.Td style={{ ...FILL_CELL, width: '26%' }}>
          <TwoLines text={row.unitLabel} />
        </Table.Td>
      );
    case 'fault':
      // The category sorts the work; the caller's own words say what they will ask about.
      return (
        <Table.Td title={row.faultReported}>
          <Text size="sm" lineClamp={1}>
            {t(`ticketing.faultCategory.${row.faultCategory}`)}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={2} data-testid="ticket-words">
            {row.faultReported}
          </Text>
        </Table.Td>
      );
    case 'severity':
      return (
        <Table.Td>
          <SeverityBadge severity={row.severity} />
        </Table.Td>
      );
    case 'status':
      return (
        <Table.Td>
          <StatusBadge status={row.status} />
        </Table.Td>
      );
    case 'technicians':
      return (
        <Table.Td>
          <Text size="sm" lineClamp={2}>
            {row.technicians.join(t('app.common.listSeparator'))}
          </Text>
        </Table.Td>
      );
    case 'deadline':
      return (
        <Table.Td>
          <DeadlineBadge deadline={row.nextDeadline} />
        </Table.Td>
      );
  }
}

/**
 * Tickets as the desk reads them, the same columns in the same places on the board, the list
 * and a customer's page; a row opens the ticket by click or Enter.
 */
export function TicketTable({
  rows,
  columns,
  sort,
  onSort,
  testId,
}: {
  rows: readonly TicketRow[];
  columns: readonly TicketColumn[];
  sort?: ColumnSort;
  onSort?: (column: TicketColumn) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Table striped highlightOnHover withTableBorder stickyHeader horizontalSpacing={8} data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => (
            <HeaderCell key={c} column={c} sort={sort} onSort={onSort}>
              {t(`desk.columns.${c}`)}
            </HeaderCell>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr
            key={row.id}
            tabIndex={0}
            style={{ cursor: 'pointer' }}
            data-ticket={row.number}
            c={row.status === 'cancelled' || row.status === 'closed' ? 'dimmed' : undefined}
            onClick={() => openTicket(row.id)}
            onKeyDown={(e) => e.key === 'Enter' && openTicket(row.id)}
          >
            {columns.map((c) => (
              <Cell key={c} column={c} row={row} />
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
