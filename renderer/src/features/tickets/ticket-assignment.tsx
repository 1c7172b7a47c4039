import { Badge, Button, Group, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCalendarTime, IconUsers } from '@tabler/icons-react';
import type { FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../../shared/domain/dates';
import { formatDate, formatPhone } from '../../../../shared/format';
import { ticketAppointInput, ticketAssignInput, type TicketDetail } from '../../../../shared/schemas/ticket';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { tidyDate } from '../../lib/dates';
import { FormModal } from '../../ui/FormModal';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { tidyTime } from '../../lib/dates';
import { notifyError } from '../../lib/notify';
import { QueryState } from '../../ui/QueryState';
import { Panel } from './ticket-common';
import { isWorkEditable } from '../../../../shared/domain/ticket-status';

// Written once beside tidyDate; still exported here for the ticket forms that import it from this file.
export { tidyTime };

/** A text input whose value is tidied when the clerk leaves it. */
export function tidyOnBlur<P extends { onBlur?: unknown }>(props: P, tidy: (s: string) => string, set: (v: string) => void) {
  return {
    ...props,
    onBlur: (event: FocusEvent<HTMLInputElement>) => {
      set(tidy(event.currentTarget.value));
      (props.onBlur as ((e: FocusEvent<HTMLInputElement>) => void) | undefined)?.(event);
    },
  };
}

interface AssignValues {
  technicianIds: string[];
  leadId: string | null;
}

function AssignForm({ ticket, onClose, onSaved }: { ticket: TicketDetail; onClose: () => void; onSaved: (t: TicketDetail) => void }) {
  const { t } = useTranslation();
  const technicians = useApiQuery('technicians:list', { includeInactive: false });
  const save = useApiMutation('tickets:assign');
  const toInput = (v: AssignValues) => ({
    id: ticket.id,
    technicianIds: v.technicianIds.map(Number),
    leadId: v.leadId && v.technicianIds.includes(v.leadId) ? Number(v.leadId) : null,
  });
  const form = useForm<AssignValues>({
    initialValues: {
      technicianIds: ticket.technicians.map((x) => String(x.id)),
      leadId: ticket.technicians.find((x) => x.lead) ? String(ticket.technicians.find((x) => x.lead)!.id) : null,
    },
    validate: schemaValidator<AssignValues>(ticketAssignInput, t, toInput),
  });
  const handleSubmit = form.onSubmit((values) =>
    save.mutate(toInput(values), {
      onSuccess: onSaved,
      onError: (err) => {
        if (!showServerFieldErrors(form, ['technicianIds', 'leadId'], t, err)) notifyError(t, err);
      },
    }),
  );
  const chosen = form.values.technicianIds;
  const options = (technicians.data ?? []).map((x) => ({
    value: String(x.id),
    label: t('tickets.assign.option', { name: x.name, open: x.openTickets }),
  }));
  const setTechnicians = (ids: string[]) => {
    form.setFieldValue('technicianIds', ids);
    // One technician leads by default; a lead taken off the job stops leading.
    if (ids.length === 1) form.setFieldValue('leadId', ids[0]!);
    else if (form.values.leadId && !ids.includes(form.values.leadId)) form.setFieldValue('leadId', ids[0] ?? null);
  };
  return (
    <FormModal opened onClose={onClose} title={t('tickets.assign.title', { number: ticket.number })} onSubmit={handleSubmit} saving={save.isPending} size={520}>
      <QueryState isPending={technicians.isPending} error={technicians.error} />
      {technicians.data && technicians.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('tickets.assign.none')}
        </Text>
      )}
      <MultiSelect
        label={t('tickets.assign.technicians')}
        placeholder={t('tickets.assign.techniciansPlaceholder')}
        searchable
        data-autofocus
        data={options}
        {...form.getInputProps('technicianIds')}
        onChange={setTechnicians}
      />
      <Select
        label={t('tickets.assign.lead')}
        data={options.filter((o) => chosen.includes(o.value))}
        disabled={chosen.length === 0}
        {...form.getInputProps('leadId')}
      />
    </FormModal>
  );
}

export function AssignDialog({ ticket, opened, onClose, onSaved }: { ticket: TicketDetail; opened: boolean; onClose: () => void; onSaved: (t: TicketDetail) => void }) {
  return opened ? <AssignForm ticket={ticket} onClose={onClose} onSaved={onSaved} /> : null;
}

interface AppointValues {
  date: string;
  from: string;
  to: string;
}

function AppointForm({ ticket, onClose, onSaved }: { ticket: TicketDetail; onClose: () => void; onSaved: (t: TicketDetail) => void }) {
  const { t } = useTranslation();
  const save = useApiMutation('tickets:appoint');
  const toInput = (v: AppointValues) => ({ id: ticket.id, date: tidyDate(v.date), from: tidyTime(v.from), to: tidyTime(v.to) });
  const form = useForm<AppointValues>({
    initialValues: ticket.appointment ? { ...ticket.appointment } : { date: todayIso(), from: '', to: '' },
    validate: schemaValidator<AppointValues>(ticketAppointInput, t, toInput),
  });
  const handleSubmit = form.onSubmit((values) =>
    save.mutate(toInput(values), {
      onSuccess: onSaved,
      onError: (err) => {
        if (!showServerFieldErrors(form, ['date', 'from', 'to'], t, err)) notifyError(t, err);
      },
    }),
  );
  const field = (name: keyof AppointValues, tidy: (s: string) => string) => tidyOnBlur(form.getInputProps(name), tidy, (v) => form.setFieldValue(name, v));
  return (
    <FormModal opened onClose={onClose} title={t('tickets.appoint.title', { number: ticket.number })} onSubmit={handleSubmit} saving={save.isPending} size={460}>
      <SimpleGrid cols={3} spacing="sm">
        <TextInput label={t('tickets.appoint.date')} withAsterisk inputMode="numeric" maxLength={10} {...field('date', tidyDate)} />
        <TextInput label={t('tickets.appoint.from')} withAsterisk placeholder={t('tickets.appoint.timePlaceholder')} maxLength={5} data-autofocus {...field('from', tidyTime)} />
        <TextInput label={t('tickets.appoint.to')} withAsterisk placeholder={t('tickets.appoint.timePlaceholder')} maxLength={5} {...field('to', tidyTime)} />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('tickets.appoint.hint')}
      </Text>
    </FormModal>
  );
}

export function AppointDialog({ ticket, opened, onClose, onSaved }: { ticket: TicketDetail; opened: boolean; onClose: () => void; onSaved: (t: TicketDetail) => void }) {
  return opened ? <AppointForm ticket={ticket} onClose={onClose} onSaved={onSaved} /> : null;
}

/** Who goes, and when the customer expects them. */
export function AssignmentPanel({ ticket, onAssign, onAppoint }: { ticket: TicketDetail; onAssign: () => void; onAppoint: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const editable = isWorkEditable(ticket.status);
  return (
    <Panel
      title={t('tickets.assign.panel')}
      icon={<IconUsers size={16} stroke={1.6} />}
      testId="ticket-assignment"
      actions={
        editable && (
          <>
            <Button size="compact-sm" variant="light" onClick={onAssign}>
              {t('tickets.assign.button')}
            </Button>
            <Button size="compact-sm" variant="light" leftSection={<IconCalendarTime size={14} />} onClick={onAppoint}>
              {t('tickets.appoint.button')}
            </Button>
          </>
        )
      }
    >
      <Stack gap={4}>
        {ticket.technicians.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('tickets.assign.empty')}
          </Text>
        ) : (
          ticket.technicians.map((x) => (
            <Group key={x.id} gap={8} wrap="nowrap" data-testid="ticket-technician">
              <Text size="sm" fw={500}>
                {x.name}
              </Text>
              <Text size="sm" c="dimmed">
                {formatPhone(x.phone)}
              </Text>
              {x.lead && (
                <Badge size="xs" variant="light" radius="sm" tt="none">
                  {t('tickets.assign.leadBadge')}
                </Badge>
              )}
            </Group>
          ))
        )}
        <Text size="sm" data-testid="ticket-appointment">
          <Text span size="sm" c="dimmed">
            {t('tickets.appoint.label')}{' '}
          </Text>
          {ticket.appointment
            ? t('tickets.appoint.window', { date: formatDate(ticket.appointment.date, lang), from: ticket.appointment.from, to: ticket.appointment.to })
            : t('tickets.appoint.empty')}
        </Text>
      </Stack>
    </Panel>
  );
}
