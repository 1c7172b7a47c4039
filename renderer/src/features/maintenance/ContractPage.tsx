import { Alert, Anchor, Badge, Button, Grid, Group, Paper, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowLeft, IconBan, IconCalendarExclamation, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serviceLevelName } from '../../../../shared/domain/service-levels';
import { formatDate, formatDateTime, formatMoney } from '../../../../shared/format';
import { contractCancelInput, type ContractDetail } from '../../../../shared/schemas/maintenance';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';
import { Field } from '../../ui/Field';
import { FormModal } from '../../ui/FormModal';
import { FILL_CELL, TwoLines } from '../../ui/OneLine';
import { QueryState } from '../../ui/QueryState';
import { ContractFormModal } from './ContractFormModal';
import { PlanPrintButton } from './PaperPrintButtons';
import { ContractRenewalBar } from './RenewalActions';
import { ContractStateBadge, planLineText, termText } from './labels';
import { VisitsTable } from './VisitsTable';

const nowrap = { whiteSpace: 'nowrap' } as const;

function Facts({ c }: { c: ContractDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const none = t('app.common.none');
  return (
    <SimpleGrid cols={4} spacing="md" verticalSpacing="xs" mt="xs">
      <Field label={t('maintenance.detail.customer')}>
        <Anchor component="button" type="button" size="sm" ta="left" onClick={() => navigate({ section: 'customer', id: c.customerId })} data-testid="contract-customer">
          {c.customerName}
        </Anchor>
      </Field>
      <Field label={t('maintenance.detail.term')}>{termText(c.startsOn, c.endsOn, lang)}</Field>
      <Field label={t('maintenance.detail.serviceLevel')}>{c.serviceLevelName ? serviceLevelName(c.serviceLevelName, t) : t('maintenance.detail.serviceLevelNone')}</Field>
      <Field label={t('maintenance.detail.price')}>{formatMoney(c.priceFen, lang)}</Field>
      <Field label={t('maintenance.detail.paymentTerms')}>{c.paymentTerms ?? none}</Field>
      {c.note && (
        <div style={{ gridColumn: 'span 3' }}>
          <Field label={t('maintenance.detail.note')}>{c.note}</Field>
        </div>
      )}
    </SimpleGrid>
  );
}

function Units({ c }: { c: ContractDetail }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Title order={3} fz="md" fw={600}>
        {t('maintenance.detail.units')}
      </Title>
      <Table withTableBorder striped data-testid="contract-units-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('maintenance.detail.unitColumns.model')}</Table.Th>
            <Table.Th>{t('maintenance.detail.unitColumns.serial')}</Table.Th>
            <Table.Th>{t('maintenance.detail.unitColumns.site')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.units.map((u) => (
            <Table.Tr key={u.id} tabIndex={0} style={{ cursor: 'pointer' }} onClick={() => navigate({ section: 'unit', id: u.id })} onKeyDown={(e) => e.key === 'Enter' && navigate({ section: 'unit', id: u.id })}>
              <Table.Td style={FILL_CELL}>
                <TwoLines text={u.label} />
              </Table.Td>
              <Table.Td ff="monospace" style={nowrap}>
                {u.serial}
              </Table.Td>
              <Table.Td style={FILL_CELL}>
                <TwoLines text={u.siteAddress ?? t('app.common.none')} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Plan({ c }: { c: ContractDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Stack gap={6}>
      <Title order={3} fz="md" fw={600}>
        {t('maintenance.detail.plan')}
      </Title>
      <Paper withBorder px="sm" py={8} data-testid="contract-plan">
        {c.plan.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('maintenance.detail.noPlan')}
          </Text>
        ) : (
          <Stack gap={4}>
            {c.plan.map((l, i) => (
              <Text key={l.id} size="sm">
                <Text span c="dimmed" size="sm">
                  {i + 1}.{' '}
                </Text>
                {planLineText(l, t, lang)}
              </Text>
            ))}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}

function CancelDialog({ c, onClose }: { c: ContractDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const cancel = useApiMutation('contracts:cancel');
  const form = useForm({ initialValues: { reason: '' }, validate: schemaValidator(contractCancelInput, t, (v: { reason: string }) => ({ id: c.id, reason: v.reason })) });
  const submit = form.onSubmit((values) =>
    cancel.mutate(
      { id: c.id, reason: values.reason },
      {
        onSuccess: (saved) => {
          notifyDone(t('maintenance.cancel.done', { number: saved.number }));
          onClose();
        },
        onError: (err) => {
          if (!showServerFieldErrors(form, ['reason'], t, err)) notifyError(t, err);
        },
      },
    ),
  );
  return (
    <FormModal opened onClose={onClose} title={t('maintenance.cancel.title', { number: c.number })} onSubmit={submit} saving={cancel.isPending} submitLabel={t('maintenance.cancel.confirm')} size={480}>
      <Text size="sm">{t('maintenance.cancel.body', { count: c.visitsDue })}</Text>
      <Textarea label={t('maintenance.cancel.reason')} withAsterisk autosize minRows={2} maxRows={4} data-autofocus {...form.getInputProps('reason')} />
    </FormModal>
  );
}

/** One maintenance contract: what it covers and promises, and its visits, each moved, assigned or closed here. */
export function ContractPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const query = useApiQuery('contracts:get', { id });
  const [dialog, setDialog] = useState<'edit' | 'cancel' | null>(null);
  const c = query.data;
  const closed = c !== undefined && c.cancelledAt !== null;
  return (
    <>
      <Anchor component="button" type="button" size="sm" mb={6} onClick={() => navigate({ section: 'maintenance' })}>
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('maintenance.detail.back')}
        </Group>
      </Anchor>
      <QueryState isPending={query.isPending} error={query.error} />
      {c && (
        <Stack gap="md">
          <Paper withBorder p="sm" data-testid="contract-header">
            {/* The buttons go under the title when the window is narrow (125% scaling, English). */}
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Group gap="sm" wrap="nowrap">
                <Title order={2} fz="xl" fw={600} style={nowrap}>
                  {t('maintenance.detail.title', { number: c.number })}
                </Title>
                <ContractStateBadge contract={c} size="md" />
                <Badge size="md" radius="sm" variant="light" color="gray" tt="none">
                  {t(`maintenance.contract.kind.${c.kind}`)}
                </Badge>
              </Group>
              {!closed && (
                <Group gap={6} wrap="wrap" ml="auto">
                  <PlanPrintButton contractId={c.id} startsOn={c.startsOn} endsOn={c.endsOn} />
                  <Button variant="default" size="xs" leftSection={<IconPencil size={14} />} onClick={() => setDialog('edit')}>
                    {t('maintenance.detail.edit')}
                  </Button>
                  <Button variant="subtle" color="red" size="xs" leftSection={<IconBan size={14} />} onClick={() => setDialog('cancel')}>
                    {t('maintenance.detail.cancel')}
                  </Button>
                </Group>
              )}
            </Group>
            <Facts c={c} />
          </Paper>
          <ContractRenewalBar c={c} />
          {closed && (
            <Alert color="gray" variant="light" py={8} data-testid="contract-cancelled">
              <Text size="sm">{t('maintenance.detail.cancelledNotice', { date: formatDateTime(c.cancelledAt!, lang), reason: c.cancelReason ?? '' })}</Text>
            </Alert>
          )}
          {c.calendarMissingYears.length > 0 && (
            <Alert variant="light" color="yellow" icon={<IconCalendarExclamation size={18} />} py={8} data-testid="contract-calendar-missing">
              <Group gap={6}>
                <Text size="sm" span>
                  {t('maintenance.detail.calendarMissing', { years: c.calendarMissingYears.join(t('app.common.listSeparator')) })}
                </Text>
                <Anchor component="button" type="button" size="sm" fw={600} onClick={() => navigate({ section: 'settings' })}>
                  {t('maintenance.detail.openSettings')}
                </Anchor>
              </Group>
            </Alert>
          )}
          <Grid gap="md">
            <Grid.Col span={6}>
              <Units c={c} />
            </Grid.Col>
            <Grid.Col span={6}>
              <Plan c={c} />
            </Grid.Col>
          </Grid>
          <Stack gap={6}>
            <Group gap="xs">
              <Title order={3} fz="md" fw={600}>
                {t('maintenance.detail.visits')}
              </Title>
              {c.visitsDue > 0 && (
                <Badge size="sm" radius="sm" variant="light" tt="none">
                  {t('maintenance.detail.visitsDue', { count: c.visitsDue })}
                </Badge>
              )}
              {c.nextVisitOn && (
                <Text size="xs" c="dimmed">
                  {t('maintenance.list.columns.nextVisit')} {formatDate(c.nextVisitOn, lang)}
                </Text>
              )}
            </Group>
            {c.visits.length === 0 ? (
              <Paper withBorder px="sm" py={8}>
                <Text size="sm" c="dimmed">
                  {t('maintenance.detail.noVisits')}
                </Text>
              </Paper>
            ) : (
              <VisitsTable visits={c.visits} term={c} readOnly={closed} />
            )}
          </Stack>
          <ContractFormModal opened={dialog === 'edit'} contract={c} onClose={() => setDialog(null)} />
          {dialog === 'cancel' && <CancelDialog c={c} onClose={() => setDialog(null)} />}
        </Stack>
      )}
    </>
  );
}
