import { Alert, Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconClipboardText, IconPencil, IconTool } from '@tabler/icons-react';
import { useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FAULT_CATEGORIES, type FaultCategory, type TicketStatus, isWorkEditable } from '../../../../shared/domain/ticket-status';
import { formatDate, formatDateTime, formatPhone } from '../../../../shared/format';
import { ticketUpdateInput, ticketWorkInput, type TicketDetail } from '../../../../shared/schemas/ticket';
import { useApiMutation } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { tidyDate } from '../../lib/dates';
import { Field } from '../../ui/Field';
import { FormModal, SaveButton } from '../../ui/FormModal';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';
import { Panel, whoText } from './ticket-common';

interface ReportValues {
  faultReported: string;
  faultCategory: FaultCategory;
  contactName: string;
  contactPhone: string;
  siteAddress: string;
  intakeAccessories: string;
  intakeCondition: string;
  expectedOn: string;
  bring: string;
}
const REPORT_FIELDS = ['faultReported', 'faultCategory', 'contactName', 'contactPhone', 'siteAddress', 'intakeAccessories', 'intakeCondition', 'expectedOn', 'bring'];

function ReportForm({ ticket, onClose }: { ticket: TicketDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useApiMutation('tickets:update');
  const toInput = (v: ReportValues) => ({ id: ticket.id, ...v, expectedOn: tidyDate(v.expectedOn) || null });
  const form = useForm<ReportValues>({
    initialValues: {
      faultReported: ticket.faultReported,
      faultCategory: ticket.faultCategory,
      contactName: ticket.contactName ?? '',
      contactPhone: ticket.contactPhone ?? '',
      siteAddress: ticket.siteAddress ?? '',
      intakeAccessories: ticket.intakeAccessories ?? '',
      intakeCondition: ticket.intakeCondition ?? '',
      expectedOn: ticket.expectedOn ?? '',
      bring: ticket.bring ?? '',
    },
    validate: schemaValidator<ReportValues>(ticketUpdateInput, t, toInput),
  });
  const handleSubmit = form.onSubmit((values) =>
    save.mutate(toInput(values), {
      onSuccess: () => {
        notifyDone(t('tickets.report.saved'));
        onClose();
      },
      onError: (err) => {
        if (!showServerFieldErrors(form, REPORT_FIELDS, t, err)) notifyError(t, err);
      },
    }),
  );
  const expected = form.getInputProps('expectedOn');
  return (
    <FormModal opened onClose={onClose} title={t('tickets.report.editTitle', { number: ticket.number })} onSubmit={handleSubmit} saving={save.isPending} size={720}>
      <Textarea label={t('tickets.create.fault')} withAsterisk autosize minRows={2} maxRows={5} data-autofocus {...form.getInputProps('faultReported')} />
      <Select
        label={t('tickets.create.faultCategory')}
        withAsterisk
        allowDeselect={false}
        data={FAULT_CATEGORIES.map((c) => ({ value: c, label: t(`ticketing.faultCategory.${c}`) }))}
        {...form.getInputProps('faultCategory')}
      />
      <SimpleGrid cols={2} spacing="sm">
        <TextInput label={t('tickets.create.contactName')} {...form.getInputProps('contactName')} />
        <TextInput label={t('tickets.create.contactPhone')} {...form.getInputProps('contactPhone')} />
      </SimpleGrid>
      <TextInput label={t('tickets.create.siteAddress')} {...form.getInputProps('siteAddress')} />
      <SimpleGrid cols={3} spacing="sm">
        <TextInput label={t('tickets.create.intakeAccessories')} {...form.getInputProps('intakeAccessories')} />
        <TextInput label={t('tickets.create.intakeCondition')} {...form.getInputProps('intakeCondition')} />
        <TextInput
          label={t('tickets.create.expectedOn')}
          placeholder={t('app.common.dateExample')}
          maxLength={10}
          {...expected}
          onBlur={(event: FocusEvent<HTMLInputElement>) => {
            form.setFieldValue('expectedOn', tidyDate(event.currentTarget.value));
            (expected.onBlur as ((e: FocusEvent<HTMLInputElement>) => void) | undefined)?.(event);
          }}
        />
      </SimpleGrid>
      <TextInput label={t('tickets.report.bring')} placeholder={t('tickets.report.bringPlaceholder')} {...form.getInputProps('bring')} />
    </FormModal>
  );
}

/** What the caller said, who to call and where to go: read back on the phone, printed on the dispatch order. */
export function ReportPanel({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [editing, setEditing] = useState(false);
  const none = t('app.common.none');
  const intake = ticket.intakeAccessories || ticket.intakeCondition || ticket.expectedOn;
  return (
    <Panel
      title={t('tickets.report.title')}
      icon={<IconClipboardText size={16} stroke={1.6} />}
      testId="ticket-report"
      actions={
        isWorkEditable(ticket.status) && (
          <Button size="compact-sm" variant="light" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
            {t('app.common.edit')}
          </Button>
        )
      }
    >
      {ticket.status === 'cancelled' && (
        <Alert color="gray" variant="light" p={8} mb={6} data-testid="ticket-cancelled">
          <Text size="sm">{t('tickets.report.cancelled', { reason: ticket.cancelReason ?? t('app.common.none') })}</Text>
          {ticket.cancelledAt !== null && (
            <Text size="xs" c="dimmed">
              {formatDateTime(ticket.cancelledAt, lang)}
            </Text>
          )}
        </Alert>
      )}
      <Text size="sm" fw={500} style={{ whiteSpace: 'pre-wrap' }} data-testid="ticket-fault">
        {ticket.faultReported}
      </Text>
      <SimpleGrid cols={3} spacing="sm" verticalSpacing={6} mt={6}>
        <Field label={t('tickets.create.faultCategory')}>{t(`ticketing.faultCategory.${ticket.faultCategory}`)}</Field>
        <Field label={t('tickets.create.source')}>{t(`ticketing.source.${ticket.source}`)}</Field>
        <Field label={t('tickets.report.reported')}>
          {formatDateTime(ticket.reportedAt, lang)} · {whoText(t, ticket.createdBy)}
        </Field>
        <Field label={t('tickets.create.contactName')}>{ticket.contactName ?? none}</Field>
        <Field label={t('tickets.create.contactPhone')}>{ticket.contactPhone ? formatPhone(ticket.contactPhone) : none}</Field>
        <Field label={t('tickets.report.bring')}>{ticket.bring ?? none}</Field>
      </SimpleGrid>
      <SimpleGrid cols={1} mt={6}>
        <Field label={t('tickets.create.siteAddress')}>{ticket.siteAddress ?? none}</Field>
      </SimpleGrid>
      {intake && (
        <SimpleGrid cols={3} spacing="sm" mt={6}>
          <Field label={t('tickets.create.intakeAccessories')}>{ticket.intakeAccessories ?? none}</Field>
          <Field label={t('tickets.create.intakeCondition')}>{ticket.intakeCondition ?? none}</Field>
          <Field label={t('tickets.create.expectedOn')}>{ticket.expectedOn ? formatDate(ticket.expectedOn, lang) : none}</Field>
        </SimpleGrid>
      )}
      {editing && <ReportForm ticket={ticket} onClose={() => setEditing(false)} />}
    </Panel>
  );
}

interface WorkValues {
  diagnosis: string;
  cause: string;
  action: string;
  onSiteMinutes: number | string;
  unfixedDowntime: boolean;
}
const WORK_FIELDS = ['diagnosis', 'cause', 'action', 'onSiteMinutes', 'unfixedDowntime'];

function WorkForm({ ticket, save }: { ticket: TicketDetail; save: ReturnType<typeof useApiMutation<'tickets:recordWork'>> }) {
  const { t } = useTranslation();
  const toInput = (v: WorkValues) => ({
    id: ticket.id,
    diagnosis: v.diagnosis,
    cause: v.cause,
    action: v.action,
    onSiteMinutes: v.onSiteMinutes === '' ? null : Number(v.onSiteMinutes),
    unfixedDowntime: v.unfixedDowntime,
  });
  const form = useForm<WorkValues>({
    initialValues: {
      diagnosis: ticket.diagnosis ?? '',
      cause: ticket.cause ?? '',
      action: ticket.action ?? '',
      onSiteMinutes: ticket.onSiteMinutes ?? '',
      unfixedDowntime: ticket.unfixedDowntime,
    },
    validate: schemaValidator<WorkValues>(ticketWorkInput, t, toInput),
  });
  const handleSubmit = form.onSubmit((values) =>
    save.mutate(toInput(values), {
      onSuccess: () => {
        notifyDone(t('tickets.work.saved'));
        form.resetDirty();
      },
      onError: (err) => {
        if (!showServerFieldErrors(form, WORK_FIELDS, t, err)) notifyError(t, err);
      },
    }),
  );
  const submit = () => handleSubmit();
  return (
    <form noValidate onSubmit={handleSubmit} onKeyDown={getHotkeyHandler([['mod+S', submit]])} aria-label={t('tickets.work.title')}>
      <SimpleGrid cols={2} spacing="sm" verticalSpacing={6}>
        <Textarea label={t('tickets.work.diagnosis')} autosize minRows={2} maxRows={5} {...form.getInputProps('diagnosis')} />
        <Textarea label={t('tickets.work.cause')} autosize minRows={2} maxRows={5} {...form.getInputProps('cause')} />
      </SimpleGrid>
      <Textarea label={t('tickets.work.action')} autosize minRows={2} maxRows={5} mt={6} {...form.getInputProps('action')} />
      <Group mt={8} gap="md" align="flex-end" justify="space-between" wrap="nowrap">
        <Group gap="md" align="flex-end" wrap="nowrap">
          <NumberInput
            label={t('tickets.work.onSiteMinutes')}
            w={130}
            min={0}
            max={10_000}
            allowDecimal={false}
            allowNegative={false}
           
            {...form.getInputProps('onSiteMinutes')}
          />
          <Checkbox
            mb={8}
            label={t('tickets.work.unfixedDowntime')}
            title={t('tickets.work.unfixedDowntimeHint')}
           
            {...form.getInputProps('unfixedDowntime', { type: 'checkbox' })}
          />
        </Group>
        <Group gap={6} wrap="nowrap">
          {form.isDirty() && (
            <Text size="xs" c="orange">
              {t('tickets.work.unsaved')}
            </Text>
          )}
          <SaveButton loading={save.isPending} />
        </Group>
      </Group>
    </form>
  );
}

/** A finished ticket's work, read as the completion receipt states it. */
function WorkSummary({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const none = t('app.common.none');
  return (
    <>
      <SimpleGrid cols={2} spacing="sm" verticalSpacing={6}>
        <Field label={t('tickets.work.diagnosis')}>{ticket.diagnosis ?? none}</Field>
        <Field label={t('tickets.work.cause')}>{ticket.cause ?? none}</Field>
      </SimpleGrid>
      <SimpleGrid cols={1} mt={6}>
        <Field label={t('tickets.work.action')} testId="ticket-action">
          {ticket.action ?? none}
        </Field>
      </SimpleGrid>
      <SimpleGrid cols={2} spacing="sm" mt={6}>
        <Field label={t('tickets.work.onSiteMinutes')}>{ticket.onSiteMinutes ?? none}</Field>
        {ticket.unfixedDowntime && <Field label={t('tickets.work.unfixedDowntime')}>{t('tickets.work.unfixedDowntimeHint')}</Field>}
      </SimpleGrid>
    </>
  );
}

const BEFORE_DISPATCH: readonly TicketStatus[] = ['new', 'answered', 'scheduled'];

/** Work is written once someone is sent, and may be corrected until the ticket is closed. */
function canRecordWork(ticket: TicketDetail): boolean {
  return isWorkEditable(ticket.status) && !BEFORE_DISPATCH.includes(ticket.status);
}

/** Diagnosis, cause and action as the technician reports them, for the completion receipt. */
export function WorkPanel({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  // Owned here, not by the form: saving remounts the form, and a mutation's callbacks die with its owner.
  const save = useApiMutation('tickets:recordWork');
  // The form starts again from what is stored whenever the stored work changes elsewhere.
  const key = JSON.stringify([ticket.id, ticket.diagnosis, ticket.cause, ticket.action, ticket.onSiteMinutes, ticket.unfixedDowntime]);
  return (
    <Panel title={t('tickets.work.title')} icon={<IconTool size={16} stroke={1.6} />} testId="ticket-work">
      {canRecordWork(ticket) && <WorkForm key={key} ticket={ticket} save={save} />}
      {!isWorkEditable(ticket.status) &&
        (ticket.diagnosis || ticket.cause || ticket.action ? (
          <WorkSummary ticket={ticket} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('tickets.work.none')}
          </Text>
        ))}
      {isWorkEditable(ticket.status) && !canRecordWork(ticket) && (
        <Text size="sm" c="dimmed">
          {t('tickets.work.beforeDispatch')}
        </Text>
      )}
    </Panel>
  );
}
