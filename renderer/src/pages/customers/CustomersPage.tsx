import { Button, EmptyState, Kbd, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconFilter, IconPlus, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatPhone } from '../../../../shared/format';
import type { Customer } from '../../../../shared/schemas/customer';
import { useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { SortTh, useSortedRows } from '../../components/sorting';
import { CustomerFormModal } from './CustomerFormModal';

const SORT = {
  name: (c: Customer) => c.name,
  phone: (c: Customer) => c.phone,
  address: (c: Customer) => c.address,
  units: (c: Customer) => c.unitCount,
  updated: (c: Customer) => c.updatedAt,
};

function openCustomer(id: number) {
  navigate({ section: 'customer', id });
}

export function CustomersPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [filter, setFilter] = useState('');
  const [query] = useDebouncedValue(filter.trim(), 150);
  const [creating, setCreating] = useState(false);
  const list = useApiQuery('customers:search', { query, limit: 200 }, { placeholderData: (previous) => previous });
  const rows = list.data ?? [];
  const { sorted, sort, toggle } = useSortedRows(rows, SORT);

  useHotkeys([['mod+N', () => setCreating(true)]], []);

  return (
    <>
      <PageHeader title={t('app.customers.title')}>
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setCreating(true)}>
          {t('app.customers.new')}
          <Kbd ml={8} size="xs">
            {t('app.keys.new')}
          </Kbd>
        </Button>
      </PageHeader>
      <TextInput
        mb="sm"
        maw={420}
        leftSection={<IconFilter size={16} />}
        aria-label={t('app.customers.filterLabel')}
        placeholder={t('app.customers.filterPlaceholder')}
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
        onKeyDown={(e) => {
          const first = sorted[0];
          if (e.key === 'Enter' && first) openCustomer(first.id);
        }}
      />
      <QueryState isPending={list.isPending} error={list.error} />
      {list.isSuccess && rows.length === 0 && (
        <EmptyState
          mt="xl"
          icon={<IconUsers size={28} />}
          withIndicatorBackground
          title={query ? t('app.customers.noMatch.title', { query }) : t('app.customers.empty.title')}
          description={query ? t('app.customers.noMatch.description') : t('app.customers.empty.description')}
        >
          <EmptyState.Actions>
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t('app.customers.new')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      )}
      {rows.length > 0 && (
        <>
          <Table striped highlightOnHover withTableBorder stickyHeader data-testid="customers-table">
            <Table.Thead>
              <Table.Tr>
                <SortTh column="name" sort={sort} onSort={toggle} w="16%">
                  {t('app.customers.columns.name')}
                </SortTh>
                <SortTh column="phone" sort={sort} onSort={toggle} w={150}>
                  {t('app.customers.columns.phone')}
                </SortTh>
                <SortTh column="address" sort={sort} onSort={toggle}>
                  {t('app.customers.columns.address')}
                </SortTh>
                <SortTh column="units" sort={sort} onSort={toggle} w={90}>
                  {t('app.customers.columns.units')}
                </SortTh>
                <SortTh column="updated" sort={sort} onSort={toggle} w={160}>
                  {t('app.customers.columns.updated')}
                </SortTh>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((c) => (
                <Table.Tr
                  key={c.id}
                  tabIndex={0}
                  style={{ cursor: 'pointer' }}
                  onClick={() => openCustomer(c.id)}
                  onKeyDown={(e) => e.key === 'Enter' && openCustomer(c.id)}
                >
                  <Table.Td fw={600}>{c.name}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatPhone(c.phone)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={1}>
                      {c.address ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{c.unitCount}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(c.updatedAt, lang)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" mt={6}>
            {t('app.customers.count', { count: rows.length })}
          </Text>
        </>
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
