import { ActionIcon, EmptyState, Group, Table, Text, Tooltip, type TableTrProps } from '@mantine/core';
import { IconPencil, type Icon } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FILL_CELL } from './OneLine';
import { SortTh, UNSORTED, nextSort, sortRows, type SortState, type SortValue } from './sorting';

export { UNSORTED, type SortState };

export interface Column<T> {
  /** Names the column: its React key and its name in the sort state. */
  key: string;
  /** The header's catalog key; a column of buttons may have none. */
  header?: string;
  cell: (row: T, t: TFunction) => ReactNode;
  /**
   * What the column sorts by; without it the header is plain. Define it at module level: the
   * sorted rows are kept until the rows or this function change.
   */
  sort?: (row: T) => SortValue;
  w?: number | string;
  align?: 'right';
  nowrap?: boolean;
  fw?: number;
  mono?: boolean;
  /** Takes the room the other columns leave (`FILL_CELL`), at least this many px if a number; its cell should wrap, as `TwoLines` does. */
  fill?: boolean | number;
  testId?: string;
}

export interface Empty {
  icon: Icon;
  title: string;
  description: string;
  /** A whole page's list, not one section of a page: more room, a bigger icon. */
  page?: boolean;
  actions?: ReactNode;
}

type RowProps = TableTrProps & { [data: `data-${string}`]: string | boolean | undefined };

const NOWRAP = { whiteSpace: 'nowrap' } as const;

const sortOf = <T,>(columns: readonly Column<T>[], sort: SortState) => columns.find((c) => c.key === sort.key)?.sort;

/** The rows in the order a table with this sort shows them. */
export function sortedRows<T>(rows: readonly T[], columns: readonly Column<T>[], sort: SortState): readonly T[] {
  return sortRows(rows, sortOf(columns, sort), sort.desc);
}

/** A button in a row's last column; `label` names the row too, for a screen reader and the tests. */
export function RowAction({ label, tooltip = label, onClick, children }: { label: string; tooltip?: string; onClick: () => void; children: ReactNode }) {
  return (
    <Tooltip label={tooltip} withArrow>
      <ActionIcon variant="subtle" color="gray" aria-label={label} onClick={onClick}>
        {children}
      </ActionIcon>
    </Tooltip>
  );
}

function EditAction({ name, onClick }: { name: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <RowAction label={`${t('app.common.edit')} ${name}`} tooltip={t('app.common.edit')} onClick={onClick}>
      <IconPencil size={16} />
    </RowAction>
  );
}

export interface EntityTableProps<T> {
  testId: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  /** Shown instead of the table when there are no rows; without it an empty table stays (a filter matched nothing). */
  empty?: Empty;
  /** The line under the table. */
  count?: ReactNode;
  /** The pencil at the end of each row, also a double-click on the row; `name` is what the row is called, in its label. */
  edit?: { open: (row: T) => void; name: (row: T) => string };
  /** More buttons before the pencil. */
  rowActions?: (row: T) => ReactNode;
  actionsWidth?: number;
  rowProps?: (row: T) => RowProps;
  /** The sort, when the page needs to know the order shown (Enter opens the first row). */
  sort?: SortState;
  onSortChange?: (sort: SortState) => void;
  stickyHeader?: boolean;
  maw?: number;
}

/** A list of records as the desk's screens show them: sortable columns, a pencil per row, the count below. */
export function EntityTable<T>(props: EntityTableProps<T>) {
  const { columns, rows, rowKey, empty, count, edit, rowActions, rowProps } = props;
  const { t } = useTranslation();
  const [ownSort, setOwnSort] = useState<SortState>(UNSORTED);
  const sort = props.sort ?? ownSort;
  const setSort = props.onSortChange ?? setOwnSort;
  const getter = sortOf(columns, sort);
  const sorted = useMemo(() => sortRows(rows, getter, sort.desc), [rows, getter, sort.desc]);
  const withActions = edit !== undefined || rowActions !== undefined;

  if (rows.length === 0 && empty) {
    const Icon = empty.icon;
    return (
      <EmptyState
        size={empty.page ? undefined : 'sm'}
        mt={empty.page ? 'xl' : undefined}
        icon={<Icon size={empty.page ? 28 : 24} />}
        withIndicatorBackground
        title={empty.title}
        description={empty.description}
      >
        {empty.actions && <EmptyState.Actions>{empty.actions}</EmptyState.Actions>}
      </EmptyState>
    );
  }

  const table = (
    <Table striped highlightOnHover withTableBorder stickyHeader={props.stickyHeader} maw={props.maw} data-testid={props.testId}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) =>
            c.sort ? (
              <SortTh key={c.key} column={c.key} sort={sort} onSort={(key) => setSort(nextSort(sort, key))} w={c.w}>
                {c.header && t(c.header)}
              </SortTh>
            ) : (
              // Sort buttons stay at the start of their header, where the desk has always had them; a plain header lines up with its figures.
              <Table.Th key={c.key} w={c.w} ta={c.align} style={NOWRAP}>
                {c.header && t(c.header)}
              </Table.Th>
            ),
          )}
          {withActions && (
            <Table.Th w={props.actionsWidth ?? 70} style={NOWRAP}>
              {t('app.common.actions')}
            </Table.Th>
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((row) => {
          const pencil = edit && <EditAction name={edit.name(row)} onClick={() => edit.open(row)} />;
          return (
            <Table.Tr key={rowKey(row)} onDoubleClick={edit && (() => edit.open(row))} {...rowProps?.(row)}>
              {columns.map((c) => (
                <Table.Td key={c.key} ta={c.align} fw={c.fw} ff={c.mono ? 'monospace' : undefined} style={c.fill ? (c.fill === true ? FILL_CELL : { ...FILL_CELL, minWidth: c.fill }) : c.nowrap ? NOWRAP : undefined} data-testid={c.testId}>
                  {c.cell(row, t)}
                </Table.Td>
              ))}
              {withActions && (
                <Table.Td>
                  {rowActions ? (
                    <Group gap={2} wrap="nowrap">
                      {rowActions(row)}
                      {pencil}
                    </Group>
                  ) : (
                    pencil
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );

  return (
    <>
      {table}
      {count !== undefined && (
        <Text size="xs" c="dimmed" mt={6}>
          {count}
        </Text>
      )}
    </>
  );
}
