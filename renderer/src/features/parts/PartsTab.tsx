import { ActionIcon, Badge, Button, EmptyState, Group, Kbd, Switch, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconBox, IconFilter, IconHistory, IconPackageImport, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/format';
import type { Part } from '../../../../shared/schemas/resources';
import { useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { QueryState } from '../../ui/QueryState';
import { SortTh, useSortedRows } from '../../ui/sorting';
import { PartFormModal } from './PartFormModal';
import { MovesDrawer } from './PartMoves';
import { StockDialogs, type StockDialog } from './StockDialogs';

const SORT = {
  partNumber: (p: Part) => p.partNumber,
  name: (p: Part) => p.name,
  location: (p: Part) => p.location,
  quantity: (p: Part) => p.quantity,
  reorderLevel: (p: Part) => p.reorderLevel,
  cost: (p: Part) => p.costFen,
  price: (p: Part) => p.priceFen,
};

const nowrap = { whiteSpace: 'nowrap' } as const;
const LOW_ROW = { backgroundColor: 'var(--mantine-color-orange-0)' } as const;

function RowAction({ label, onClick, children }: { label: string; onClick: () => void; children: ReactNode }) {
  return (
    <Tooltip label={label} withArrow>
      <ActionIcon variant="subtle" color="gray" aria-label={label} onClick={onClick}>
        {children}
      </ActionIcon>
    </Tooltip>
  );
}

/** The stock list: find a part while the caller waits, see what to reorder, receive and count. */
export function PartsTab() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [filter, setFilter] = useState('');
  const [query] = useDebouncedValue(filter.trim(), 150);
  const [lowStockOnly, setLowStockOnly] = useState(false);
  const [includeInactive, setIncludeInactive] = useState(false);
  const [editing, setEditing] = useState<{ item: Part | null } | null>(null);
  const [dialog, setDialog] = useState<StockDialog>(null);
  const [movesOf, setMovesOf] = useState<Part | null>(null);
  const list = useApiQuery('parts:list', { query, lowStockOnly, includeInactive, limit: 500 }, { placeholderData: (previous) => previous });
  const rows = list.data ?? [];
  const { sorted, sort, toggle } = useSortedRows(rows, SORT);
  const filtered = query !== '' || lowStockOnly || includeInactive;
  const lowCount = rows.filter((p) => p.low && p.active).length;

  useHotkeys([['mod+N', () => setEditing({ item: null })]], []);

  return (
    <>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="md" wrap="nowrap">
          <TextInput
            w={320}
            size="sm"
            leftSection={<IconFilter size={14} />}
            aria-label={t('stock.parts.filterLabel')}
            placeholder={t('stock.parts.filterPlaceholder')}
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
          />
          <Switch label={t('stock.parts.lowOnly')} checked={lowStockOnly} onChange={(e) => setLowStockOnly(e.currentTarget.checked)} />
          <Switch label={t('stock.showInactive')} checked={includeInactive} onChange={(e) => setIncludeInactive(e.currentTarget.checked)} />
        </Group>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ item: null })}>
          {t('stock.parts.new')}
          <Kbd ml={8} size="xs">
            {t('app.keys.new')}
          </Kbd>
        </Button>
      </Group>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.isSuccess && rows.length === 0 && !filtered && (
        <EmptyState size="sm" icon={<IconBox size={24} />} withIndicatorBackground title={t('stock.parts.empty.title')} description={t('stock.parts.empty.description')} />
      )}
      {list.isSuccess && (rows.length > 0 || filtered) && (
        <>
          <Table striped highlightOnHover withTableBorder data-testid="parts-table">
            <Table.Thead>
              <Table.Tr>
                <SortTh column="partNumber" sort={sort} onSort={toggle}>
                  {t('stock.parts.columns.partNumber')}
                </SortTh>
                <SortTh column="name" sort={sort} onSort={toggle}>
                  {t('stock.parts.columns.name')}
                </SortTh>
                <Table.Th>{t('stock.parts.columns.fits')}</Table.Th>
                <SortTh column="location" sort={sort} onSort={toggle}>
                  {t('stock.parts.columns.location')}
                </SortTh>
                <SortTh column="quantity" sort={sort} onSort={toggle} w={110}>
                  {t('stock.parts.columns.quantity')}
                </SortTh>
                <SortTh column="reorderLevel" sort={sort} onSort={toggle} w={90}>
                  {t('stock.parts.columns.reorderLevel')}
                </SortTh>
                <SortTh column="cost" sort={sort} onSort={toggle} w={100}>
                  {t('stock.parts.columns.cost')}
                </SortTh>
                <SortTh column="price" sort={sort} onSort={toggle} w={100}>
                  {t('stock.parts.columns.price')}
                </SortTh>
                <Table.Th w={150}>{t('stock.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((p) => (
                <Table.Tr
                  key={p.id}
                  style={p.low && p.active ? LOW_ROW : undefined}
                  c={p.active ? undefined : 'dimmed'}
                  data-low={p.low || undefined}
                  onDoubleClick={() => setEditing({ item: p })}
                >
                  <Table.Td style={nowrap} fw={500} ff="monospace">
                    {p.partNumber}
                  </Table.Td>
                  <Table.Td>
                    {p.name}
                    {!p.active && (
                      <Badge tt="none" ml={6} size="xs" variant="outline" color="gray">
                        {t('stock.state.inactive')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={1} title={p.fits ?? undefined}>
                      {p.fits ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td style={nowrap}>{p.location ?? ''}</Table.Td>
                  <Table.Td style={nowrap} ta="right">
                    <Group gap={6} justify="flex-end" wrap="nowrap">
                      {p.low && p.active && (
                        <Badge tt="none" size="xs" color="orange" variant="filled" radius="sm">
                          {t('stock.parts.low')}
                        </Badge>
                      )}
                      <Text span size="sm" fw={600}>
                        {p.quantity}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{p.reorderLevel}</Table.Td>
                  <Table.Td ta="right" style={nowrap}>
                    {formatMoney(p.costFen, lang)}
                  </Table.Td>
                  <Table.Td ta="right" style={nowrap}>
                    {formatMoney(p.priceFen, lang)}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      <RowAction label={`${t('stock.parts.receive')} ${p.partNumber}`} onClick={() => setDialog({ kind: 'receive', part: p })}>
                        <IconPackageImport size={16} />
                      </RowAction>
                      <RowAction label={`${t('stock.parts.adjust')} ${p.partNumber}`} onClick={() => setDialog({ kind: 'adjust', part: p })}>
                        <IconAdjustmentsHorizontal size={16} />
                      </RowAction>
                      <RowAction label={`${t('stock.parts.moves')} ${p.partNumber}`} onClick={() => setMovesOf(p)}>
                        <IconHistory size={16} />
                      </RowAction>
                      <RowAction label={`${t('app.common.edit')} ${p.partNumber}`} onClick={() => setEditing({ item: p })}>
                        <IconPencil size={16} />
                      </RowAction>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" mt={6}>
            {rows.length === 0 ? t('stock.parts.noMatch') : t('stock.parts.count', { count: rows.length })}
            {lowCount > 0 && ` · ${t('stock.parts.lowCount', { count: lowCount })}`}
          </Text>
        </>
      )}
      <PartFormModal opened={editing !== null} part={editing?.item ?? null} onClose={() => setEditing(null)} />
      <StockDialogs dialog={dialog} onClose={() => setDialog(null)} />
      <MovesDrawer part={movesOf === null ? null : (rows.find((p) => p.id === movesOf.id) ?? movesOf)} onClose={() => setMovesOf(null)} />
    </>
  );
}
