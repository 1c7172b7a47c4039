import { Badge, Button, Group, Kbd, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconBox, IconFilter, IconHistory, IconPackageImport, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/format';
import type { Part } from '../../../../shared/schemas/resources';
import { useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { EntityTable, RowAction, type Column } from '../../ui/EntityTable';
import { QueryState } from '../../ui/QueryState';
import { PartFormModal } from './PartFormModal';
import { MovesDrawer } from './PartMoves';
import { StockDialogs, type StockDialog } from './StockDialogs';

const money = (fen: number) => formatMoney(fen, currentLanguage());

const COLUMNS: Column<Part>[] = [
  { key: 'partNumber', header: 'stock.parts.columns.partNumber', cell: (p) => p.partNumber, sort: (p) => p.partNumber, nowrap: true, fw: 500, mono: true },
  {
    key: 'name',
    header: 'stock.parts.columns.name',
    cell: (p, t) => (
      <>
        {p.name}
        {!p.active && (
          <Badge tt="none" ml={6} size="xs" variant="outline" color="gray">
            {t('stock.state.inactive')}
          </Badge>
        )}
      </>
    ),
    sort: (p) => p.name,
  },
  {
    key: 'fits',
    header: 'stock.parts.columns.fits',
    cell: (p) => (
      <Text size="sm" lineClamp={1} title={p.fits ?? undefined}>
        {p.fits ?? ''}
      </Text>
    ),
  },
  { key: 'location', header: 'stock.parts.columns.location', cell: (p) => p.location ?? '', sort: (p) => p.location, nowrap: true },
  {
    key: 'quantity',
    header: 'stock.parts.columns.quantity',
    cell: (p, t) => (
      <Group gap={6} justify="flex-end" wrap="nowrap">
        {p.low && p.active && (
          <Badge tt="none" size="xs" color="orange" variant="filled" radius="sm">
            {t('stock.parts.low')}
          </Badge>
        )}
        <Text span size="sm" fw={600}>
          {p.quantity}
        </Text>
        {/* Held as a share of a model's units in service: how many that share asks for. */}
        {p.shareRequired !== null && (
          <Text span size="xs" c="dimmed" title={t('settle.screen.partShare', { n: p.shareRequired })} data-testid="part-share">
            / {p.shareRequired}
          </Text>
        )}
      </Group>
    ),
    sort: (p) => p.quantity,
    w: 110,
    nowrap: true,
    align: 'right',
  },
  { key: 'reorderLevel', header: 'stock.parts.columns.reorderLevel', cell: (p) => p.reorderLevel, sort: (p) => p.reorderLevel, w: 90, align: 'right' },
  { key: 'cost', header: 'stock.parts.columns.cost', cell: (p) => money(p.costFen), sort: (p) => p.costFen, w: 100, nowrap: true, align: 'right' },
  { key: 'price', header: 'stock.parts.columns.price', cell: (p) => money(p.priceFen), sort: (p) => p.priceFen, w: 100, nowrap: true, align: 'right' },
];

const LOW_ROW = { backgroundColor: 'var(--mantine-color-orange-0)' } as const;

/** The stock list: find a part while the caller waits, see what to reorder, receive and count. */
export function PartsTab() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const [query] = useDebouncedValue(filter.trim(), 150);
  const [lowStockOnly, setLowStockOnly] = useState(false);
  const [includeInactive, setIncludeInactive] = useState(false);
  const [editing, setEditing] = useState<{ item: Part | null } | null>(null);
  const [dialog, setDialog] = useState<StockDialog>(null);
  const [movesOf, setMovesOf] = useState<Part | null>(null);
  const list = useApiQuery('parts:list', { query, lowStockOnly, includeInactive, limit: 500 }, { placeholderData: (previous) => previous });
  const rows = list.data ?? [];
  const filtered = query !== '' || lowStockOnly || includeInactive;
  const lowCount = rows.filter((p) => p.low && p.active).length;

  useHotkeys([['mod+shift+N', () => setEditing({ item: null })]], []);

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
            {t('app.keys.newHere')}
          </Kbd>
        </Button>
      </Group>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.isSuccess && (
        <EntityTable
          testId="parts-table"
          columns={COLUMNS}
          rows={rows}
          rowKey={(p) => p.id}
          rowProps={(p) => ({ style: p.low && p.active ? LOW_ROW : undefined, c: p.active ? undefined : 'dimmed', 'data-low': p.low || undefined })}
          edit={{ open: (p) => setEditing({ item: p }), name: (p) => p.partNumber }}
          actionsWidth={150}
          rowActions={(p) => (
            <>
              <RowAction label={`${t('stock.parts.receive')} ${p.partNumber}`} onClick={() => setDialog({ kind: 'receive', part: p })}>
                <IconPackageImport size={16} />
              </RowAction>
              <RowAction label={`${t('stock.parts.adjust')} ${p.partNumber}`} onClick={() => setDialog({ kind: 'adjust', part: p })}>
                <IconAdjustmentsHorizontal size={16} />
              </RowAction>
              <RowAction label={`${t('stock.parts.moves')} ${p.partNumber}`} onClick={() => setMovesOf(p)}>
                <IconHistory size={16} />
              </RowAction>
            </>
          )}
          empty={filtered ? undefined : { icon: IconBox, title: t('stock.parts.empty.title'), description: t('stock.parts.empty.description') }}
          count={
            <>
              {rows.length === 0 ? t('stock.parts.noMatch') : t('stock.parts.count', { count: rows.length })}
              {lowCount > 0 && ` · ${t('stock.parts.lowCount', { count: lowCount })}`}
            </>
          }
        />
      )}
      <PartFormModal opened={editing !== null} part={editing?.item ?? null} onClose={() => setEditing(null)} />
      <StockDialogs dialog={dialog} onClose={() => setDialog(null)} />
      <MovesDrawer part={movesOf === null ? null : (rows.find((p) => p.id === movesOf.id) ?? movesOf)} onClose={() => setMovesOf(null)} />
    </>
  );
}
