import { Group, Table, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export type SortValue = string | number | null;
export interface SortState {
  key: string | null;
  desc: boolean;
}
export const UNSORTED: SortState = { key: null, desc: false };

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
 * Without a getter the rows keep the order the backend gave them.
 */
export function sortRows<T>(rows: readonly T[], get: ((row: T) => SortValue) | undefined, desc: boolean): readonly T[] {
  if (!get) return rows;
  const out = [...rows].sort((a, b) => compare(get(a), get(b)));
  return desc ? out.reverse() : out;
}

/** A click on the sorted column turns it round; a click on another sorts by it, ascending. */
export function nextSort(sort: SortState, key: string): SortState {
  return sort.key === key ? { key, desc: !sort.desc } : { key, desc: false };
}

export function SortTh({ sort, column, onSort, children, w }: { sort: SortState; column: string; onSort: (key: string) => void; children: ReactNode; w?: number | string }) {
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
