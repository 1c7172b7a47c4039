import { ActionIcon, Button, EmptyState, Group, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconFilter, IconPackage, IconPencil, IconPlus, IconShieldCheck } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductModel, WarrantyPolicyRecord } from '../../../../shared/schemas/product';
import { useApiQuery } from '../../api/client';
import { ExportButton } from '../../ui/ExportButton';
import { PageHeader } from '../../ui/PageHeader';
import { policySummary } from './policyText';
import { QueryState } from '../../ui/QueryState';
import { SortTh, useSortedRows } from '../../ui/sorting';
import { ModelFormModal } from './ModelFormModal';
import { PolicyFormModal } from './PolicyFormModal';

const MODEL_SORT = {
  brand: (m: ProductModel) => m.brand,
  model: (m: ProductModel) => m.model,
  category: (m: ProductModel) => m.category,
  policy: (m: ProductModel) => m.policyName,
  units: (m: ProductModel) => m.unitCount,
};

const POLICY_SORT = {
  name: (p: WarrantyPolicyRecord) => p.name,
  basis: (p: WarrantyPolicyRecord) => p.current.basis,
  version: (p: WarrantyPolicyRecord) => p.current.version,
  models: (p: WarrantyPolicyRecord) => p.modelCount,
};

const nowrap = { whiteSpace: 'nowrap' } as const;

type Editing<T> = { item: T | null } | null;

function ModelsSection() {
  const { t } = useTranslation();
  const list = useApiQuery('models:list', { query: '' });
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Editing<ProductModel>>(null);
  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const all = list.data ?? [];
    return q ? all.filter((m) => `${m.brand} ${m.model} ${m.category}`.toLowerCase().includes(q)) : all;
  }, [list.data, filter]);
  const { sorted, sort, toggle } = useSortedRows(rows, MODEL_SORT);

  return (
    <section aria-labelledby="models-title">
      <Group justify="space-between" mb="xs">
        <Group gap="sm">
          <IconPackage size={18} stroke={1.6} />
          <Title id="models-title" order={3} fz="md" fw={600}>
            {t('app.products.models.title')}
          </Title>
          <TextInput
            size="xs"
            w={260}
            leftSection={<IconFilter size={14} />}
            aria-label={t('app.products.models.filterLabel')}
            placeholder={t('app.products.models.filterPlaceholder')}
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
          />
        </Group>
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing({ item: null })}>
          {t('app.products.models.new')}
        </Button>
      </Group>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.isSuccess && list.data.length === 0 && (
        <EmptyState
          size="sm"
          icon={<IconPackage size={24} />}
          withIndicatorBackground
          title={t('app.products.models.empty.title')}
          description={t('app.products.models.empty.description')}
        />
      )}
      {list.isSuccess && list.data.length > 0 && (
        <>
          <Table striped highlightOnHover withTableBorder data-testid="models-table">
            <Table.Thead>
              <Table.Tr>
                <SortTh column="brand" sort={sort} onSort={toggle}>
                  {t('app.products.models.columns.brand')}
                </SortTh>
                <SortTh column="model" sort={sort} onSort={toggle}>
                  {t('app.products.models.columns.model')}
                </SortTh>
                <SortTh column="category" sort={sort} onSort={toggle}>
                  {t('app.products.models.columns.category')}
                </SortTh>
                <SortTh column="policy" sort={sort} onSort={toggle}>
                  {t('app.products.models.columns.policy')}
                </SortTh>
                <SortTh column="units" sort={sort} onSort={toggle} w={100}>
                  {t('app.products.models.columns.units')}
                </SortTh>
                <Table.Th w={70} style={nowrap}>
                  {t('app.products.models.columns.actions')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((m) => (
                <Table.Tr key={m.id} onDoubleClick={() => setEditing({ item: m })}>
                  <Table.Td style={nowrap}>{m.brand}</Table.Td>
                  <Table.Td style={nowrap} fw={500}>
                    {m.model}
                  </Table.Td>
                  <Table.Td style={nowrap}>{m.category}</Table.Td>
                  <Table.Td>{m.policyName}</Table.Td>
                  <Table.Td ta="right">{m.unitCount}</Table.Td>
                  <Table.Td>
                    <Tooltip label={t('app.common.edit')} withArrow>
                      <ActionIcon variant="subtle" color="gray" aria-label={t('app.common.edit')} onClick={() => setEditing({ item: m })}>
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" mt={6}>
            {rows.length === 0 ? t('app.products.models.noMatch') : t('app.products.models.count', { count: rows.length })}
          </Text>
        </>
      )}
      <ModelFormModal opened={editing !== null} model={editing?.item ?? null} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} />
    </section>
  );
}

function PoliciesSection() {
  const { t } = useTranslation();
  const list = useApiQuery('policies:list', {});
  const [editing, setEditing] = useState<Editing<WarrantyPolicyRecord>>(null);
  const { sorted, sort, toggle } = useSortedRows(list.data ?? [], POLICY_SORT);

  return (
    <section aria-labelledby="policies-title">
      <Group justify="space-between" mb="xs">
        <Group gap="sm">
          <IconShieldCheck size={18} stroke={1.6} />
          <Title id="policies-title" order={3} fz="md" fw={600}>
            {t('app.products.policies.title')}
          </Title>
        </Group>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing({ item: null })}>
          {t('app.products.policies.new')}
        </Button>
      </Group>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.isSuccess && list.data.length === 0 && (
        <EmptyState
          size="sm"
          icon={<IconShieldCheck size={24} />}
          withIndicatorBackground
          title={t('app.products.policies.empty.title')}
          description={t('app.products.policies.empty.description')}
        />
      )}
      {list.isSuccess && list.data.length > 0 && (
        <>
          <Table striped highlightOnHover withTableBorder data-testid="policies-table">
            <Table.Thead>
              <Table.Tr>
                <SortTh column="name" sort={sort} onSort={toggle}>
                  {t('app.products.policies.columns.name')}
                </SortTh>
                <SortTh column="basis" sort={sort} onSort={toggle}>
                  {t('app.products.policies.columns.basis')}
                </SortTh>
                <Table.Th>{t('app.products.policies.columns.components')}</Table.Th>
                <SortTh column="version" sort={sort} onSort={toggle} w={90}>
                  {t('app.products.policies.columns.version')}
                </SortTh>
                <SortTh column="models" sort={sort} onSort={toggle} w={100}>
                  {t('app.products.policies.columns.models')}
                </SortTh>
                <Table.Th w={70} style={nowrap}>
                  {t('app.products.policies.columns.actions')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((p) => (
                <Table.Tr key={p.id} onDoubleClick={() => setEditing({ item: p })}>
                  <Table.Td fw={500}>{p.name}</Table.Td>
                  <Table.Td style={nowrap}>{t(`warrantyBasis.${p.current.basis}`)}</Table.Td>
                  <Table.Td>{policySummary(t, p.current.components)}</Table.Td>
                  <Table.Td style={nowrap}>{t('app.products.policies.version', { version: p.current.version })}</Table.Td>
                  <Table.Td ta="right">{p.modelCount}</Table.Td>
                  <Table.Td>
                    <Tooltip label={t('app.common.edit')} withArrow>
                      <ActionIcon variant="subtle" color="gray" aria-label={t('app.common.edit')} onClick={() => setEditing({ item: p })}>
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" mt={6}>
            {t('app.products.policies.count', { count: list.data.length })} · {t('app.products.policies.hint')}
          </Text>
        </>
      )}
      <PolicyFormModal opened={editing !== null} policy={editing?.item ?? null} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} />
    </section>
  );
}

/** Product models and the warranty policies they are sold under. */
export function ProductsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('app.products.title')}>
        <ExportButton list="models" />
      </PageHeader>
      <Stack gap="xl">
        <ModelsSection />
        <PoliciesSection />
      </Stack>
    </>
  );
}
