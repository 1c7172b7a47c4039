import { Table, UnstyledButton, Group } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';

export type SortValue = string | number | null;
export interface SortState<K extends string> {
  key: K | null;
  desc: boolean;
}

/** Chinese names sort by pinyin (the order a paper index uses), numbers numerically. */
const collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true, sensitivity: 'base' });

function compare(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * Client-side column sorting for the small tables of a desk (tens to hundreds of rows).
 * Pass `getters` defined at module level, so they are the same object on every render.
 */
export function useSortedRows<T, K extends string>(rows: readonly T[], getters: Record<K, (row: T) => SortValue>) {
  const [sort, setSort] = useState<SortState<K>>({ key: null, desc: false });
  const sorted = useMemo(() => {
    if (!sort.key) return rows;
    const get = getters[sort.key];
    const out = [...rows].sort((a, b) => compare(get(a), get(b)));
    return sort.desc ? out.reverse() : out;
  }, [rows, sort, getters]);
  const toggle = (key: K) => setSort((s) => (s.key === key ? { key, desc: !s.desc } : { key, desc: false }));
  return { sorted, sort, toggle };
}

export function SortTh<K extends string>({
  column,
  sort,
  onSort,
  children,
  w,
}: {
  column: K;
  sort: SortState<K>;
  onSort: (key: K) => void;
  children: ReactNode;
  w?: number | string;
}) {
  const active = sort.key === column;
  const Icon = active ? (sort.desc ? IconChevronDown : IconChevronUp) : IconSelector;
  return (
    <Table.Th w={w} aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton onClick={() => onSort(column)} fw={600} fz="sm">
        <Group gap={4} wrap="nowrap">
          {children}
          <Icon size={14} stroke={1.5} opacity={active ? 1 : 0.4} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
