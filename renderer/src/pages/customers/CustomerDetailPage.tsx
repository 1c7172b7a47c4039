import { Anchor, Button, EmptyState, Group, Kbd, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconArrowLeft, IconDeviceDesktopPlus, IconPencil, IconTool } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatPhone } from '../../../../shared/format';
import type { Unit } from '../../../../shared/schemas/unit';
import { useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { DocumentPreviewModal, type PreviewDocument } from '../../components/DocumentPreviewModal';
import { QueryState } from '../../components/QueryState';
import { CustomerFormModal } from './CustomerFormModal';
import { UnitFormModal } from './UnitFormModal';
import { UnitsTable } from './UnitsTable';
import { WarrantyCardDialog } from './WarrantyCardDialog';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </div>
  );
}

type UnitForm = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; unit: Unit };

export function CustomerDetailPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const customer = useApiQuery('customers:get', { id });
  const units = useApiQuery('units:listByCustomer', { customerId: id });
  const [editing, setEditing] = useState(false);
  const [unitForm, setUnitForm] = useState<UnitForm>({ mode: 'closed' });
  const [cardFor, setCardFor] = useState<Unit | null>(null);
  const [preview, setPreview] = useState<PreviewDocument | null>(null);

  // Ctrl+N adds a unit, unless another dialog is already open on top of the page.
  const dialogOpen = editing || unitForm.mode !== 'closed' || cardFor !== null || preview !== null;
  useHotkeys([['mod+N', () => !dialogOpen && setUnitForm({ mode: 'create' })]], []);

  const c = customer.data;
  const none = t('app.common.none');
  return (
    <>
      <Anchor component="button" type="button" size="sm" mb={6} onClick={() => navigate({ section: 'customers' })}>
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('app.customer.back')}
        </Group>
      </Anchor>
      <QueryState isPending={customer.isPending} error={customer.error} />
      {c && (
        <Paper withBorder p="sm" mb="md" data-testid="customer-contact">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={6} style={{ flex: 1 }}>
              <Group gap="md" align="baseline">
                <Title order={2} fz="xl" fw={600}>
                  {c.name}
                </Title>
                <Text fz="lg" fw={500}>
                  {formatPhone(c.phone)}
                </Text>
              </Group>
              <SimpleGrid cols={3} spacing="md">
                <Field label={t('app.customer.address')}>{c.address ?? none}</Field>
                <Field label={t('app.customer.note')}>{c.note ?? none}</Field>
                <Field label={t('app.customer.updated')}>{formatDateTime(c.updatedAt, lang)}</Field>
              </SimpleGrid>
            </Stack>
            <Button variant="default" size="xs" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
              {t('app.common.edit')}
            </Button>
          </Group>
        </Paper>
      )}
      {c && (
        <>
          <Group justify="space-between" mb="xs">
            <Title order={3} fz="md" fw={600}>
              {t('app.customer.units')}
            </Title>
            <Button size="xs" leftSection={<IconDeviceDesktopPlus size={14} />} onClick={() => setUnitForm({ mode: 'create' })}>
              {t('app.customer.addUnit')}
              <Kbd ml={8} size="xs">
                {t('app.keys.new')}
              </Kbd>
            </Button>
          </Group>
          <QueryState isPending={units.isPending} error={units.error} />
          {units.data && units.data.length === 0 && (
            <EmptyState
              mt="md"
              size="sm"
              icon={<IconTool size={24} />}
              withIndicatorBackground
              title={t('app.customer.noUnits.title')}
              description={t('app.customer.noUnits.description')}
            />
          )}
          {units.data && units.data.length > 0 && (
            <UnitsTable units={units.data} onWarrantyCard={setCardFor} onEdit={(unit) => setUnitForm({ mode: 'edit', unit })} />
          )}
        </>
      )}
      <CustomerFormModal opened={editing} customer={c ?? null} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      <UnitFormModal
        customerId={id}
        opened={unitForm.mode !== 'closed'}
        unit={unitForm.mode === 'edit' ? unitForm.unit : null}
        onClose={() => setUnitForm({ mode: 'closed' })}
        onSaved={() => setUnitForm({ mode: 'closed' })}
      />
      <WarrantyCardDialog
        unit={cardFor}
        onClose={() => setCardFor(null)}
        onGenerated={(doc) => {
          setCardFor(null);
          setPreview(doc);
        }}
      />
      <DocumentPreviewModal doc={preview} onClose={() => setPreview(null)} />
    </>
  );
}
