import { Anchor, Badge, Button, Grid, Group, Kbd, Paper, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconArrowLeft, IconCertificate, IconPencil, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatMoney } from '../../../../shared/format';
import { unitStatusKey, type Unit } from '../../../../shared/schemas/unit';
import { useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { DocumentPreviewModal, type PreviewDocument } from '../../ui/DocumentPreviewModal';
import { Field } from '../../ui/Field';
import { QueryState } from '../../ui/QueryState';
import { WarrantyBadge } from '../../ui/WarrantyBadge';
import { NewRepairButton, RelatedTickets } from '../tickets';
import { ExclusionModal, StatusModal } from './UnitDialogs';
import { UnitFormModal } from './UnitFormModal';
import { UnitWarranty } from './UnitWarranty';
import { CardLife } from '../installations';
import { IssuedManuals, UnitSetValues } from '../manuals';
import { useWarrantyCardPrint, WarrantyCardDialog } from './WarrantyCardDialog';
import { ProvisionalMark } from '../../ui/ProvisionalMark';
import { AttachmentPanel } from '../attachments';

function Details({ unit: u }: { unit: Unit }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const none = t('app.common.none');
  const date = (d: string | null) => (d ? formatDate(d, lang) : none);
  return (
    <Paper withBorder p="sm" data-testid="unit-details">
      <Title order={3} fz="md" fw={600} mb={6}>
        {t('app.unit.details')}
      </Title>
      <SimpleGrid cols={2} spacing="sm" verticalSpacing={8}>
        <Field label={t('app.unit.customer')}>
          <Anchor component="button" type="button" size="sm" onClick={() => navigate({ section: 'customer', id: u.customerId })}>
            {u.customerName}
          </Anchor>
        </Field>
        <Field label={t('app.unit.category')}>{u.category}</Field>
        <Field label={t('app.unit.serial')}>
          <Text span ff="monospace" size="sm">
            {u.serial}
          </Text>
        </Field>
        <Field label={t('app.unit.policy')}>{t('app.unit.policyVersion', { name: u.policy.name, version: u.policy.version })}</Field>
        <Field label={t('app.units.form.purchaseDate')}>{date(u.purchaseDate)}</Field>
        <Field label={t('app.units.form.installDate')}>{date(u.installDate)}</Field>
        <Field label={t('app.units.form.acceptanceDate')}>{date(u.acceptanceDate)}</Field>
        <Field label={t('app.units.form.productionDate')}>{date(u.productionDate)}</Field>
        <Field label={t('app.unit.invoiceNumber')}>{u.invoiceNumber ?? none}</Field>
        <Field label={t('makerReturns.unit.salePrice')}>{u.salePriceFen !== null ? formatMoney(u.salePriceFen, lang) : none}</Field>
        <Field label={t('makerReturns.unit.soldBy')}>{u.soldBy ?? none}</Field>
        <Field label={t('app.unit.locationNote')}>{u.locationNote ?? none}</Field>
      </SimpleGrid>
      <Stack mt={8}>
        <Field label={t('app.unit.siteAddress')}>{u.siteAddress ?? none}</Field>
      </Stack>
    </Paper>
  );
}

function History({ unit, onChange }: { unit: Unit; onChange: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const history = useApiQuery('units:history', { id: unit.id });
  return (
    <Paper withBorder p="sm" data-testid="unit-history">
      <Group justify="space-between" mb={8}>
        <Title order={3} fz="md" fw={600}>
          {t('app.unit.history')}
        </Title>
        <Button size="compact-sm" variant="light" leftSection={<IconRefresh size={14} />} onClick={onChange}>
          {t('app.unit.changeStatus')}
        </Button>
      </Group>
      <QueryState isPending={history.isPending} error={history.error} />
      {history.data && history.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('app.unit.historyEmpty')}
        </Text>
      )}
      {history.data && history.data.length > 0 && (
        <Timeline active={0} bulletSize={12} lineWidth={2}>
          {history.data.map((h, i) => (
            <Timeline.Item key={`${h.changedAt}-${i}`} title={t(`unitStatus.${h.status}`)} fz="sm">
              <Text size="xs" c="dimmed">
                {formatDateTime(h.changedAt, lang)}
              </Text>
              {h.note && <Text size="sm">{h.note}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}

type Dialog = 'edit' | 'status' | 'exclusion' | 'card' | null;

/** A unit that left the customer takes no new repair (the ticket service refuses it too). */
const GONE: readonly Unit['status'][] = ['replaced', 'scrapped', 'returned'];

/** One unit: its details, status and history, and the warranty with every reason behind it. */
export function UnitPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const unit = useApiQuery('units:get', { id });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [preview, setPreview] = useState<PreviewDocument | null>(null);
  const [repairing, setRepairing] = useState(false);
  const close = () => setDialog(null);
  const u = unit.data;
  const end = u?.warranty.components[0]?.end ?? null;
  const provisional = u?.warranty.components[0]?.provisional ?? false;
  const card = useWarrantyCardPrint(() => setDialog('card'));

  useHotkeys([['mod+P', () => dialog === null && preview === null && !repairing && !card.pending && u && card.start(u)]], []);

  return (
    <>
      {u && (
        <Anchor component="button" type="button" size="sm" mb={6} onClick={() => navigate({ section: 'customer', id: u.customerId })}>
          <Group gap={4}>
            <IconArrowLeft size={14} />
            {t('app.unit.back', { name: u.customerName })}
          </Group>
        </Anchor>
      )}
      <QueryState isPending={unit.isPending} error={unit.error} />
      {u && (
        <>
          {/* A long model and serial wrap the badges and "covered until" onto a second line; nothing is cut off. */}
          <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap" data-testid="unit-header">
            <Group gap="sm" align="center" style={{ minWidth: 0, rowGap: 4 }}>
              <Title order={2} fz="xl" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {u.brand} {u.model}
              </Title>
              <Text ff="monospace" fz="lg" style={{ overflowWrap: 'anywhere' }}>
                {u.serial}
              </Text>
              <Badge variant="default" tt="none" radius="sm" data-testid="unit-status">
                {t(unitStatusKey(u))}
              </Badge>
              <WarrantyBadge state={u.warranty.summary} size="md" />
              {end && (
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {t('app.search.until', { date: formatDate(end, lang) })}
                  <ProvisionalMark show={provisional} />
                </Text>
              )}
            </Group>
            <Group gap={6} wrap="nowrap">
              <NewRepairButton
                customerId={u.customerId}
                unitId={u.id}
                hotkey={dialog === null && preview === null}
                disabled={GONE.includes(u.status)}
                onOpenChange={setRepairing}
              />
              <Button variant="default" size="xs" leftSection={<IconPencil size={14} />} onClick={() => setDialog('edit')}>
                {t('app.unit.edit')}
              </Button>
              <Button size="xs" leftSection={<IconCertificate size={14} />} loading={card.pending} onClick={() => card.start(u)}>
                {t('app.units.warrantyCard')}
                <Kbd ml={8} size="xs">
                  {t('app.keys.print')}
                </Kbd>
              </Button>
            </Group>
          </Group>
          <Grid gap="md">
            <Grid.Col span={8}>
              <UnitWarranty warranty={u.warranty} onAddExclusion={() => setDialog('exclusion')} />
            </Grid.Col>
            <Grid.Col span={4}>
              <Stack gap="md">
                <Details unit={u} />
                <History unit={u} onChange={() => setDialog('status')} />
                <AttachmentPanel record={{ type: 'unit', id: u.id }} />
              </Stack>
            </Grid.Col>
          </Grid>
          <Stack mt="md">
            <CardLife unitId={u.id} />
            <UnitSetValues unitId={u.id} />
            <IssuedManuals unitId={u.id} />
            <RelatedTickets customerId={u.customerId} unitId={u.id} />
          </Stack>
          <UnitFormModal customer={{ id: u.customerId, name: u.customerName }} unit={u} opened={dialog === 'edit'} onClose={close} onSaved={close} />
          <StatusModal unit={u} opened={dialog === 'status'} onClose={close} />
          <ExclusionModal unit={u} opened={dialog === 'exclusion'} onClose={close} />
        </>
      )}
      <WarrantyCardDialog
        unit={dialog === 'card' && u ? u : null}
        onClose={close}
        onGenerated={(doc) => {
          close();
          setPreview(doc);
        }}
      />
      <DocumentPreviewModal doc={preview} onClose={() => setPreview(null)} />
    </>
  );
}
