import { Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { IconFilter, IconPackage, IconPlus, IconShieldCheck } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductModel, WarrantyPolicyRecord } from '../../../../shared/schemas/product';
import { useApiQuery } from '../../api/client';
import { EntityTable, type Column } from '../../ui/EntityTable';
import { ExportButton } from '../../ui/ExportButton';
import { PageHeader } from '../../ui/PageHeader';
import { policySummary } from './policyText';
import { QueryState } from '../../ui/QueryState';
import { ModelFormModal } from './ModelFormModal';
import { PolicyFormModal } from './PolicyFormModal';

const MODEL_COLUMNS: Column<ProductModel>[] = [
  { key: 'brand', header: 'app.products.models.columns.brand', cell: (m) => m.brand, sort: (m) => m.brand, nowrap: true },
  { key: 'model', header: 'app.products.models.columns.model', cell: (m) => m.model, sort: (m) => m.model, nowrap: true, fw: 500 },
  { key: 'category', header: 'app.products.models.columns.category', cell: (m) => m.category, sort: (m) => m.category, nowrap: true },
  { key: 'policy', header: 'app.products.models.columns.policy', cell: (m) => m.policyName, sort: (m) => m.policyName },
  { key: 'units', header: 'app.products.models.columns.units', cell: (m) => m.unitCount, sort: (m) => m.unitCount, w: 100, align: 'right' },
];

const POLICY_COLUMNS: Column<WarrantyPolicyRecord>[] = [
  { key: 'name', header: 'app.products.policies.columns.name', cell: (p) => p.name, sort: (p) => p.name, fw: 500 },
  { key: 'basis', header: 'app.products.policies.columns.basis', cell: (p, t) => t(`warrantyBasis.${p.current.basis}`), sort: (p) => p.current.basis, nowrap: true },
  { key: 'components', header: 'app.products.policies.columns.components', cell: (p, t) => policySummary(t, p.current.components) },
  {
    key: 'version',
    header: 'app.products.policies.columns.version',
    cell: (p, t) => t('app.products.policies.version', { version: p.current.version }),
    sort: (p) => p.current.version,
    w: 90,
    nowrap: true,
  },
  { key: 'models', header: 'app.products.policies.columns.models', cell: (p) => p.modelCount, sort: (p) => p.modelCount, w: 100, align: 'right' },
];

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
      {list.isSuccess && (
        <EntityTable
          testId="models-table"
          columns={MODEL_COLUMNS}
          rows={rows}
          rowKey={(m) => m.id}
          edit={{ open: (m) => setEditing({ item: m }), name: (m) => `${m.brand} ${m.model}` }}
          empty={list.data.length === 0 ? { icon: IconPackage, title: t('app.products.models.empty.title'), description: t('app.products.models.empty.description') } : undefined}
          count={rows.length === 0 ? t('app.products.models.noMatch') : t('app.products.models.count', { count: rows.length })}
        />
      )}
      <ModelFormModal opened={editing !== null} model={editing?.item ?? null} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} />
    </section>
  );
}

function PoliciesSection() {
  const { t } = useTranslation();
  const list = useApiQuery('policies:list', {});
  const [editing, setEditing] = useState<Editing<WarrantyPolicyRecord>>(null);

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
      {list.isSuccess && (
        <EntityTable
          testId="policies-table"
          columns={POLICY_COLUMNS}
          rows={list.data}
          rowKey={(p) => p.id}
          edit={{ open: (p) => setEditing({ item: p }), name: (p) => p.name }}
          empty={{ icon: IconShieldCheck, title: t('app.products.policies.empty.title'), description: t('app.products.policies.empty.description') }}
          count={`${t('app.products.policies.count', { count: list.data.length })} · ${t('app.products.policies.hint')}`}
        />
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
