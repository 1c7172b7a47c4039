import { Alert, Anchor, Badge, Button, EmptyState, Grid, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import {
  IconArchive,
  IconArrowBackUp,
  IconArrowLeft,
  IconArrowMerge,
  IconDeviceDesktopPlus,
  IconPencil,
  IconTool,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatPhone } from '../../../../shared/format';
import type { Customer } from '../../../../shared/schemas/customer';
import type { Unit } from '../../../../shared/schemas/unit';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { DocumentPreviewModal, type PreviewDocument } from '../../ui/DocumentPreviewModal';
import { errorText } from '../../lib/errorText';
import { Field } from '../../ui/Field';
import { notifyDone, notifyError } from '../../lib/notify';
import { QueryState } from '../../ui/QueryState';
import { CustomerContracts } from '../maintenance';
import { CustomerInstallations } from '../installations';
import { NewRepairButton, RelatedTickets } from '../tickets';
import { UnitFormModal, useWarrantyCardPrint, WarrantyCardDialog } from '../units';
import { CustomerFormModal } from './CustomerFormModal';
import { MergeCustomerDialog } from './MergeCustomerDialog';
import { RegionBadge } from './RegionBadge';
import { HistoryExportButton } from '../import';
import { UnitsTable } from './UnitsTable';
import { AttachmentPanel } from '../attachments';
import { IssuedManuals } from '../manuals';
import { CustomerPackButton } from '../reports';


/** Everything the desk reads back to a caller: every number, address, contact and tag. */
function ContactDetails({ customer: c }: { customer: Customer }) {
  const { t } = useTranslation();
  const none = t('app.common.none');
  return (
    <Grid gap="md" mt={4}>
      <Grid.Col span={3}>
        <Field label={t('app.customer.phones')} testId="customer-phones">
          {c.phones.map((p) => (
            <div key={p.phone}>
              {formatPhone(p.phone)}
              {p.label && (
                <Text span size="xs" c="dimmed" ml={6}>
                  {p.label}
                </Text>
              )}
            </div>
          ))}
        </Field>
      </Grid.Col>
      <Grid.Col span={4}>
        <Field label={t('app.customer.addresses')}>
          {c.addresses.length === 0
            ? none
            : c.addresses.map((a) => (
                <div key={a.address}>
                  {a.address}
                  {a.isDefault && c.addresses.length > 1 && (
                    <Badge size="xs" variant="light" color="gray" tt="none" ml={6}>
                      {t('app.customer.defaultAddress')}
                    </Badge>
                  )}
                </div>
              ))}
        </Field>
      </Grid.Col>
      <Grid.Col span={3}>
        <Field label={t('app.customer.contacts')}>
          {c.contacts.length === 0
            ? none
            : c.contacts.map((p, i) => (
                <div key={i}>
                  {p.name}
                  {p.role && (
                    <Text span size="xs" c="dimmed" ml={6}>
                      {p.role}
                    </Text>
                  )}
                  {p.phone && <Text span size="sm" ml={6}>{formatPhone(p.phone)}</Text>}
                </div>
              ))}
        </Field>
      </Grid.Col>
      <Grid.Col span={2}>
        <Field label={t('app.customer.tags')}>
          {c.tags.length === 0 ? (
            none
          ) : (
            <Group gap={4}>
              {c.tags.map((tag) => (
                <Badge key={tag} size="sm" variant="default" tt="none">
                  {tag}
                </Badge>
              ))}
            </Group>
          )}
        </Field>
      </Grid.Col>
      {c.note && (
        <Grid.Col span={12}>
          <Field label={t('app.customer.note')}>{c.note}</Field>
        </Grid.Col>
      )}
    </Grid>
  );
}

function MergedNotice({ intoId }: { intoId: number }) {
  const { t } = useTranslation();
  const into = useApiQuery('customers:get', { id: intoId });
  if (!into.data) return null;
  return (
    <Alert color="gray" variant="light" py={8} mb="sm" data-testid="merged-notice">
      <Text size="sm" span>
        {t('app.customer.mergedNotice', { name: into.data.name })}{' '}
      </Text>
      <Anchor component="button" type="button" size="sm" fw={600} onClick={() => navigate({ section: 'customer', id: intoId })}>
        {t('app.customer.openMerged', { name: into.data.name })}
      </Anchor>
    </Alert>
  );
}

type Dialog = 'edit' | 'unit' | 'archive' | 'delete' | 'merge' | null;

export function CustomerDetailPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const customer = useApiQuery('customers:get', { id });
  const units = useApiQuery('units:listByCustomer', { customerId: id });
  const archive = useApiMutation('customers:archive');
  const restore = useApiMutation('customers:restore');
  const remove = useApiMutation('customers:delete');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [cardFor, setCardFor] = useState<Unit | null>(null);
  const [preview, setPreview] = useState<PreviewDocument | null>(null);
  const card = useWarrantyCardPrint(setCardFor);

  // Ctrl+N adds a unit, unless a dialog is already open on top of the page.
  const anyOpen = dialog !== null || cardFor !== null || preview !== null;
  useHotkeys([['mod+shift+N', () => !anyOpen && customer.data && setDialog('unit')]], []);

  const close = () => setDialog(null);
  const open = (next: Dialog) => {
    archive.reset();
    remove.reset();
    setDialog(next);
  };

  const c = customer.data;
  return (
    <>
      <Anchor component="button" type="button" size="sm" mb={6} onClick={() => navigate({ section: 'customers' })}>
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('app.customer.back')}
        </Group>
      </Anchor>
      <QueryState isPending={customer.isPending} error={customer.error} />
      {c?.mergedIntoId && <MergedNotice intoId={c.mergedIntoId} />}
      {c?.archived && !c.mergedIntoId && c.archivedAt && (
        <Alert color="gray" variant="light" py={8} mb="sm" data-testid="archived-notice">
          <Text size="sm">{t('app.customer.archivedNotice', { date: formatDateTime(c.archivedAt, lang) })}</Text>
        </Alert>
      )}
      {c && (
        <Paper withBorder p="sm" mb="md" data-testid="customer-contact">
          {/* The actions wrap under the name when the window is narrow (display scaling): never sideways. */}
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <Group gap="sm" align="center" wrap="nowrap">
              <Title order={2} fz="xl" fw={600}>
                {c.name}
              </Title>
              <Text fz="lg" fw={500} style={{ whiteSpace: 'nowrap' }}>
                {formatPhone(c.phone)}
              </Text>
              <Badge size="sm" variant="light" color="gray" tt="none" radius="sm">
                {t(`customerKind.${c.kind}`)}
              </Badge>
              <RegionBadge region={c.region} />
            </Group>
            <Group gap={6} wrap="wrap">
              <NewRepairButton customerId={id} disabled={c.archived} hotkey />
              <Button variant="default" size="xs" leftSection={<IconPencil size={14} />} onClick={() => open('edit')}>
                {t('app.common.edit')}
              </Button>
              {c.archived ? (
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconArrowBackUp size={14} />}
                  loading={restore.isPending}
                  onClick={() =>
                    restore.mutate(
                      { id },
                      { onSuccess: (r) => notifyDone(t('app.customer.restored', { name: r.name })), onError: (err) => notifyError(t, err) },
                    )
                  }
                >
                  {t('app.customer.restore')}
                </Button>
              ) : (
                <Button variant="default" size="xs" leftSection={<IconArchive size={14} />} onClick={() => open('archive')}>
                  {t('app.customer.archive')}
                </Button>
              )}
              <Button variant="default" size="xs" leftSection={<IconArrowMerge size={14} />} onClick={() => open('merge')}>
                {t('app.customer.merge')}
              </Button>
              <HistoryExportButton customerId={id} />
              <CustomerPackButton customerId={id} name={c.name} />
              <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} />} onClick={() => open('delete')}>
                {t('app.customer.delete')}
              </Button>
            </Group>
          </Group>
          <ContactDetails customer={c} />
          <Text size="xs" c="dimmed" mt={6}>
            {t('app.customer.updated')} {formatDateTime(c.updatedAt, lang)}
          </Text>
        </Paper>
      )}
      {c && (
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={3} fz="md" fw={600}>
              {t('app.customer.units')}
            </Title>
            <Button size="xs" leftSection={<IconDeviceDesktopPlus size={14} />} onClick={() => open('unit')}>
              {t('app.customer.addUnit')}
              <Kbd ml={8} size="xs">
                {t('app.keys.newHere')}
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
          {units.data && units.data.length > 0 && <UnitsTable units={units.data} onWarrantyCard={card.start} />}
        </Stack>
      )}
      {c && (
        <Stack mt="md" gap="md">
          <RelatedTickets customerId={id} />
          <CustomerContracts customerId={id} disabled={c.archived} />
          <CustomerInstallations customerId={id} disabled={c.archived} />
          <AttachmentPanel record={{ type: 'customer', id }} />
          <IssuedManuals customerId={id} />
        </Stack>
      )}
      {c && (
        <>
          <CustomerFormModal opened={dialog === 'edit'} customer={c} onClose={close} onSaved={close} />
          <UnitFormModal customer={c} opened={dialog === 'unit'} onClose={close} onSaved={close} />
          <MergeCustomerDialog customer={c} opened={dialog === 'merge'} onClose={close} />
          <ConfirmModal
            opened={dialog === 'archive'}
            title={t('app.customer.archiveConfirm.title')}
            confirmLabel={t('app.customer.archiveConfirm.confirm')}
            color="orange"
            loading={archive.isPending}
            error={archive.isError ? errorText(t, archive.error) : null}
            onClose={close}
            onConfirm={() =>
              archive.mutate(
                { id },
                {
                  onSuccess: (r) => {
                    notifyDone(t('app.customer.archived', { name: r.name }));
                    close();
                  },
                },
              )
            }
          >
            {t('app.customer.archiveConfirm.body', { name: c.name })}
          </ConfirmModal>
          <ConfirmModal
            opened={dialog === 'delete'}
            title={t('app.customer.deleteConfirm.title')}
            confirmLabel={t('app.customer.deleteConfirm.confirm')}
            loading={remove.isPending}
            error={remove.isError ? errorText(t, remove.error) : null}
            onClose={close}
            onConfirm={() =>
              remove.mutate(
                { id },
                {
                  onSuccess: () => {
                    notifyDone(t('app.customer.deleted', { name: c.name }));
                    close();
                    navigate({ section: 'customers' });
                  },
                },
              )
            }
          >
            {t('app.customer.deleteConfirm.body', { name: c.name })}
          </ConfirmModal>
        </>
      )}
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
