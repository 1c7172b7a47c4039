import { Select, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { isWorkingDay, type WorkingCalendar } from '../../../../shared/domain/calendar';
import { todayIso } from '../../../../shared/domain/dates';
import { formatDate } from '../../../../shared/format';
import { visitAssignInput, visitCloseInput, visitMoveInput, type Visit } from '../../../../shared/schemas/maintenance';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';
import { DateField } from '../../ui/DateField';
import { FormModal } from '../../ui/FormModal';
import { QueryState } from '../../ui/QueryState';
import { useWorkingCalendar, visitKindText } from './labels';

/** What the desk does to a visit still due. */
export type VisitAction = 'move' | 'assign' | 'done' | 'missed' | 'cancelled';

interface Term {
  startsOn: string;
  endsOn: string;
}

/** The first day a visit may move to: today, or the contract's start if later. */
function earliest(term: Term): string {
  const today = todayIso();
  return term.startsOn > today ? term.startsOn : today;
}

function MoveForm({ visit, term, calendar, onClose }: { visit: Visit; term: Term; calendar: WorkingCalendar; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const move = useApiMutation('visits:move');
  const toInput = (v: { dueOn: string | null; reason: string }) => ({ id: visit.id, dueOn: v.dueOn ?? '', reason: v.reason });
  const form = useForm({
    initialValues: { dueOn: visit.dueOn as string | null, reason: '' },
    validate: (values) => {
      const errors = schemaValidator(visitMoveInput, t, toInput)(values);
      // The same rules the backend keeps, said before the round trip.
      const day = values.dueOn;
      if (!errors.dueOn && day) {
        if (day < todayIso()) errors.dueOn = t('maintenance.errors.moveToPast');
        else if (!isWorkingDay(calendar, day)) errors.dueOn = t('maintenance.errors.restDay');
        else if (day < term.startsOn || day > term.endsOn) errors.dueOn = t('maintenance.errors.outsideContract', { start: formatDate(term.startsOn, lang), end: formatDate(term.endsOn, lang) });
      }
      return errors;
    },
  });
  const submit = form.onSubmit((values) =>
    move.mutate(toInput(values), {
      onSuccess: (saved) => {
        notifyDone(t('maintenance.visits.move.done', { number: saved.number, date: formatDate(saved.dueOn, lang) }));
        onClose();
      },
      onError: (err) => {
        if (!showServerFieldErrors(form, ['dueOn', 'reason'], t, err)) notifyError(t, err);
      },
    }),
  );
  return (
    <FormModal opened onClose={onClose} title={t('maintenance.visits.move.title', { number: visit.number })} onSubmit={submit} saving={move.isPending} size={460}>
      <Text size="sm">
        {visitKindText(visit, t)} · {visit.customerName}
      </Text>
      <DateField
        label={t('maintenance.visits.move.dueOn')}
        description={t('maintenance.visits.move.dueOnHint', { start: formatDate(term.startsOn, lang), end: formatDate(term.endsOn, lang) })}
        withAsterisk
        data-autofocus
        exclude={(day) => !isWorkingDay(calendar, day)}
        min={earliest(term)}
        max={term.endsOn}
        popoverProps={{ withinPortal: true }}
        {...form.getInputProps('dueOn')}
        value={form.values.dueOn}
      />
      <TextInput label={t('maintenance.visits.move.reason')} placeholder={t('maintenance.visits.move.reasonPlaceholder')} {...form.getInputProps('reason')} />
    </FormModal>
  );
}

function AssignForm({ visit, onClose }: { visit: Visit; onClose: () => void }) {
  const { t } = useTranslation();
  const technicians = useApiQuery('technicians:list', { includeInactive: false });
  const assign = useApiMutation('visits:assign');
  const toInput = (v: { technicianId: string }) => ({ id: visit.id, technicianId: v.technicianId ? Number(v.technicianId) : null });
  const form = useForm({
    initialValues: { technicianId: visit.technicianId === null ? '' : String(visit.technicianId) },
    validate: schemaValidator(visitAssignInput, t, toInput),
  });
  const submit = form.onSubmit((values) =>
    assign.mutate(toInput(values), {
      onSuccess: (saved) => {
        notifyDone(saved.technicianName ? t('maintenance.visits.assign.done', { number: saved.number, name: saved.technicianName }) : t('maintenance.visits.assign.cleared', { number: saved.number }));
        onClose();
      },
      onError: (err) => {
        if (!showServerFieldErrors(form, ['technicianId'], t, err)) notifyError(t, err);
      },
    }),
  );
  const options = [{ value: '', label: t('maintenance.visits.assign.nobody') }, ...(technicians.data ?? []).map((x) => ({ value: String(x.id), label: x.name }))];
  return (
    <FormModal opened onClose={onClose} title={t('maintenance.visits.assign.title', { number: visit.number })} onSubmit={submit} saving={assign.isPending} size={420}>
      <QueryState isPending={technicians.isPending} error={technicians.error} />
      <Select
        label={t('maintenance.visits.assign.technician')}
        placeholder={t('maintenance.visits.assign.technicianPlaceholder')}
        searchable
        allowDeselect={false}
        data-autofocus
        data={options}
        {...form.getInputProps('technicianId')}
      />
    </FormModal>
  );
}

function CloseForm({ visit, status, onClose }: { visit: Visit; status: 'done' | 'missed' | 'cancelled'; onClose: () => void }) {
  const { t } = useTranslation();
  const close = useApiMutation('visits:close');
  const toInput = (v: { reason: string; notes: string }) => ({ id: visit.id, status, reason: v.reason, notes: v.notes });
  const form = useForm({
    initialValues: { reason: '', notes: '' },
    validate: (values) => {
      const errors = schemaValidator(visitCloseInput, t, toInput)(values);
      if (status !== 'done' && values.reason.trim() === '') errors.reason = t('maintenance.errors.reasonRequired');
      return errors;
    },
  });
  const submit = form.onSubmit((values) =>
    close.mutate(toInput(values), {
      onSuccess: (saved) => {
        notifyDone(t(`maintenance.visits.close.done.${status}`, { number: saved.number }));
        onClose();
      },
      onError: (err) => {
        if (!showServerFieldErrors(form, ['reason', 'notes'], t, err)) notifyError(t, err);
      },
    }),
  );
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t(`maintenance.visits.close.title.${status}`, { number: visit.number })}
      onSubmit={submit}
      saving={close.isPending}
      submitLabel={t(`maintenance.visits.close.confirm.${status}`)}
      size={480}
    >
      <Text size="sm">
        {visitKindText(visit, t)} · {formatDate(visit.dueOn, currentLanguage())} · {visit.customerName}
      </Text>
      <TextInput label={t(`maintenance.visits.close.reason.${status}`)} withAsterisk={status !== 'done'} data-autofocus {...form.getInputProps('reason')} />
      {status === 'done' && <Textarea label={t('maintenance.visits.close.notes')} autosize minRows={2} maxRows={5} {...form.getInputProps('notes')} />}
    </FormModal>
  );
}

/** The dialog for one action on one visit; `term` bounds where a visit of a contract may move. */
export function VisitDialog({ visit, action, term, onClose }: { visit: Visit | null; action: VisitAction | null; term: Term; onClose: () => void }) {
  const calendar = useWorkingCalendar();
  if (!visit || !action) return null;
  if (action === 'move') return calendar ? <MoveForm visit={visit} term={term} calendar={calendar} onClose={onClose} /> : null;
  if (action === 'assign') return <AssignForm visit={visit} onClose={onClose} />;
  return <CloseForm visit={visit} status={action} onClose={onClose} />;
}
