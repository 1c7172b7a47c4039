import { Badge, Button, Group, Kbd, Select, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconFilter, IconPlus, IconTag, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatPhone } from '../../../../shared/format';
import { REGIONS, type Customer, type Region } from '../../../../shared/schemas/customer';
import { useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { EntityTable, UNSORTED, sortedRows, type Column } from '../../ui/EntityTable';
import { ExportButton } from '../../ui/ExportButton';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { CustomerFormModal } from './CustomerFormModal';
import { RegionBadge } from './RegionBadge';
import { Pager } from '../../ui/Pager';

const PAGE_SIZE = 50;

const COLUMNS: Column<Customer>[] = [
  {
    key: 'name',
    header: 'app.customers.columns.name',
    cell: (c, t) => (
      <Group gap={6} wrap="nowrap">
        <Text size="sm" fw={600} lineClamp={1}>
          {c.name}
        </Text>
        {c.archived && (
          <Badge size="xs" color="gray" variant="outline" tt="none">
            {t('app.customers.archived')}
          </Badge>
        )}
      </Group>
    ),
    sort: (c) => c.name,
    w: '18%',
    fw: 600,
  },
  { key: 'phone', header: 'app.customers.columns.phone', cell: (c) => formatPhone(c.phone), sort: (c) => c.phone, w: 140, nowrap: true },
  { key: 'region', header: 'app.customers.columns.region', cell: (c) => <RegionBadge region={c.region} />, sort: (c) => c.region, w: 90 },
  {
    key: 'address',
    header: 'app.customers.columns.address',
    cell: (c) => (
      <Text size="sm" lineClamp={1}>
        {c.address ?? ''}
      </Text>
    ),
    sort: (c) => c.address,
  },
  {
    key: 'tags',
    header: 'app.customers.columns.tags',
    cell: (c) => (
      <Group gap={4} wrap="nowrap">
        {c.tags.slice(0, 3).map((tagName) => (
          <Badge key={tagName} size="xs" variant="default" tt="none">
            {tagName}
          </Badge>
        ))}
      </Group>
    ),
  },
  { key: 'units', header: 'app.customers.columns.units', cell: (c) => c.unitCount, sort: (c) => c.unitCount, w: 90, align: 'right' },
  { key: 'updated', header: 'app.customers.columns.updated', cell: (c) => formatDateTime(c.updatedAt, currentLanguage()), sort: (c) => c.updatedAt, w: 150, nowrap: true },
];

function openCustomer(id: number) {
  navigate({ section: 'customer', id });
}

/** The customer list: filters above, the page's rows, the total and the pages below. */
export function CustomersPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const [tagFilter, setTagFilter] = useState('');
  const [region, setRegion] = useState<Region | null>(null);
  const [includeArchived, setIncludeArchived] = useState(false);
  const [page, setPage] = useState(1);
  const [query] = useDebouncedValue(filter.trim(), 150);
  const [tag] = useDebouncedValue(tagFilter.trim(), 150);
  const [creating, setCreating] = useState(false);
  const list = useApiQuery(
    'customers:list',
    { query, region: region ?? undefined, tag: tag || undefined, includeArchived, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
    { placeholderData: (previous) => previous },
  );
  const rows = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const [sort, setSort] = useState(UNSORTED);
  const filtered = query !== '' || tag !== '' || region !== null;

  useHotkeys([['mod+shift+N', () => setCreating(true)]], []);

  // A changed filter starts again from the first page.
  const refilter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };

  return (
    <>
      <PageHeader title={t('app.customers.title')}>
        <ExportButton list="customers" query={query} />
        <ExportButton list="units" label={t('importer.export.units')} />
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setCreating(true)}>
          {t('app.customers.new')}
          <Kbd ml={8} size="xs">
            {t('app.keys.newHere')}
          </Kbd>
        </Button>
      </PageHeader>
      <Group mb="sm" gap="sm" align="center">
        <TextInput
          w={340}
          leftSection={<IconFilter size={16} />}
          aria-label={t('app.customers.filterLabel')}
          placeholder={t('app.customers.filterPlaceholder')}
          value={filter}
          onChange={(e) => refilter(setFilter)(e.currentTarget.value)}
          onKeyDown={(e) => {
            const first = sortedRows(rows, COLUMNS, sort)[0];
            if (e.key === 'Enter' && first) openCustomer(first.id);
          }}
        />
        <Select
          w={150}
          aria-label={t('app.customers.regionFilter')}
          placeholder={t('app.customers.allRegions')}
          clearable
          value={region}
          onChange={(v) => refilter(setRegion)(v as Region | null)}
          data={REGIONS.map((r) => ({ value: r, label: t(`region.${r}`) }))}
        />
        <TextInput
          w={170}
          leftSection={<IconTag size={16} />}
          aria-label={t('app.customers.tagFilter')}
          placeholder={t('app.customers.tagPlaceholder')}
          value={tagFilter}
          onChange={(e) => refilter(setTagFilter)(e.currentTarget.value)}
        />
        <Switch
          label={t('app.customers.showArchived')}
          checked={includeArchived}
          onChange={(e) => refilter(setIncludeArchived)(e.currentTarget.checked)}
        />
      </Group>
      <QueryState isPending={list.isPending} error={list.error} />
      {(list.isSuccess || rows.length > 0) && (
        <EntityTable
          testId="customers-table"
          stickyHeader
          columns={COLUMNS}
          rows={rows}
          rowKey={(c) => c.id}
          sort={sort}
          onSortChange={setSort}
          rowProps={(c) => ({
            tabIndex: 0,
            style: { cursor: 'pointer' },
            c: c.archived ? 'dimmed' : undefined,
            onClick: () => openCustomer(c.id),
            onKeyDown: (e) => e.key === 'Enter' && openCustomer(c.id),
          })}
          empty={{
            page: true,
            icon: IconUsers,
            title: filtered ? t('app.customers.noMatch.title') : t('app.customers.empty.title'),
            description: filtered ? t('app.customers.noMatch.description') : t('app.customers.empty.description'),
            actions: (
              <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                {t('app.customers.new')}
              </Button>
            ),
          }}
        />
      )}
      {rows.length > 0 && (
        <Group justify="space-between" mt={6}>
          <Text size="xs" c="dimmed" data-testid="customers-total">
            {t('app.customers.count', { count: total })}
            {pages > 1 && ` · ${t('app.customers.range', { from: (page - 1) * PAGE_SIZE + 1, to: Math.min(page * PAGE_SIZE, total) })}`}
          </Text>
          {pages > 1 && <Pager total={pages} value={page} onChange={setPage} />}
        </Group>
      )}
      <CustomerFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(c) => {
          setCreating(false);
          openCustomer(c.id);
        }}
      />
    </>
  );
}
