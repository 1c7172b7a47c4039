import { Button, Group, Kbd, Text, Textarea } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { arrivalDefault } from '../../../../shared/domain/event-times';
import { isPhoneSolution, needsFor, type TicketStatus } from '../../../../shared/domain/ticket-status';
import { ticketTransitionInput, type TicketDetail } from '../../../../shared/schemas/ticket';
import { useApiMutation } from '../../api/client';
import { FormModal } from '../../ui/FormModal';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';
import { PhoneSolveForm } from '../calls';
import { AppointDialog, AssignDialog } from './ticket-assignment';
import { CallbackDialog } from './ticket-callbacks';
import { typedMoment, whenErrors, WhenFields, whenStart, type WhenValues } from './ticket-when';
import { ApproveDialog } from './ticket-review';

/** The move that needs a word typed first: a cancel reason, or why a ticket closes without a callback. */
function NoteForm({ ticket, to, onClose }: { ticket: TicketDetail; to: 'cancelled' | 'closed'; onClose: () => void }) {
  const { t } = useTranslation();
  const move = useApiMutation('tickets:transition');
  const toInput = (v: { note: string }) => ({ id: ticket.id, to, note: v.note });
  const form = useForm({
    initialValues: { note: '' },
    // The schema lets the note be empty (most moves have none); these two moves need one.
    validate: (v) => {
      const errors = schemaValidator<{ note: string }>(ticketTransitionInput, t, toInput)(v);
      if (!v.note.trim()) errors.note = t(to === 'cancelled' ? 'ticketing.errors.cancelReason' : 'ticketing.errors.closeNote');
      return errors;
    },
  });
  const handleSubmit = form.onSubmit((values) =>
    move.mutate(toInput(values), {
      onSuccess: (saved) => {
        notifyDone(t('tickets.moves.done', { number: saved.number, status: t(`ticketing.status.${saved.status}`) }));
        onClose();
      },
      onError: (err) => {
        if (!showServerFieldErrors(form, ['note'], t, err)) notifyError(t, err);
      },
    }),
  );
  const cancel = to === 'cancelled';
  return (
    <FormModal opened onClose={onClose} title={t(`ticketing.move.${to}`)} onSubmit={handleSubmit} saving={move.isPending} size={480}>
      <Text size="sm" c="dimmed">
        {t(cancel ? 'tickets.moves.cancelHint' : 'tickets.moves.closeHint')}
      </Text>
      <Textarea
        label={t(cancel ? 'tickets.moves.cancelReason' : 'tickets.moves.closeNote')}
        withAsterisk
        autosize
        minRows={2}
        maxRows={4}
        data-autofocus
        {...form.getInputProps('note')}
      />
    </FormModal>
  );
}

interface EventValues extends WhenValues {
  action: string;
}

/**
 * On site or resolved: when it really happened, offered as now (an arrival: as the agreed visit
 * once it has begun). Resolving also needs the action taken on record: asked for here when the
 * work form has none yet, and saved just before the move.
 */
function EventTimeForm({ ticket, to, onClose }: { ticket: TicketDetail; to: 'onSite' | 'resolved'; onClose: () => void }) {
  const { t } = useTranslation();
  const move = useApiMutation('tickets:transition');
  const record = useApiMutation('tickets:recordWork');
  // Decided once: the stored action arriving while the dialog is open must not take its field away.
  const [askAction] = useState(() => to === 'resolved' && !ticket.action?.trim());
  const [start] = useState(() => whenStart(to === 'onSite' ? arrivalDefault(ticket.appointment, ticket.arrivedAt, Date.now()) : null));
  const form = useForm<EventValues>({
    initialValues: { ...start.values, action: ticket.action ?? '' },
    validate: (v) => {
      const errors = whenErrors(t, to, v, start, ticket);
      if (askAction && !v.action.trim()) errors.action = t('ticketing.errors.noAction');
      return errors;
    },
  });
  const handleSubmit = form.onSubmit(async (values) => {
    try {
      // Saved once: a time refused afterwards leaves the action on record, not written twice.
      if (askAction && values.action.trim() !== (ticket.action ?? '').trim()) {
        await record.mutateAsync({ id: ticket.id, diagnosis: ticket.diagnosis, cause: ticket.cause, action: values.action, onSiteMinutes: ticket.onSiteMinutes, unfixedDowntime: ticket.unfixedDowntime });
      }
      const saved = await move.mutateAsync({ id: ticket.id, to, at: typedMoment(values, start) });
      notifyDone(t('tickets.moves.done', { number: saved.number, status: t(`ticketing.status.${saved.status}`) }));
      onClose();
    } catch (err) {
      if (!showServerFieldErrors(form, ['at', 'action'], t, err)) notifyError(t, err);
    }
  });
  return (
    <FormModal opened onClose={onClose} title={t(`ticketing.move.${to}`)} onSubmit={handleSubmit} saving={move.isPending || record.isPending} size={520}>
      {askAction && (
        <>
          <Text size="sm" c="dimmed">
            {t('tickets.moves.actionHint')}
          </Text>
          <Textarea label={t('tickets.work.action')} withAsterisk autosize minRows={3} maxRows={6} data-autofocus {...form.getInputProps('action')} />
        </>
      )}
      <WhenFields form={form} status={to} start={start} ticket={ticket} autoFocus={!askAction} />
    </FormModal>
  );
}

type Asking = { to: TicketStatus; what: 'note' | 'appointment' | 'technician' | 'time' | 'callback' | 'phone' | 'approve' } | null;

/**
 * One button per move the status machine allows from here. A move that needs something first
 * asks for it in a small dialog, then moves; arriving and resolving ask when they happened.
 */
export function MoveButtons({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const move = useApiMutation('tickets:transition');
  const [asking, setAsking] = useState<Asking>(null);
  const close = () => setAsking(null);

  const go = (to: TicketStatus) => {
    close();
    move.mutate(
      { id: ticket.id, to },
      {
        onSuccess: (saved) => notifyDone(t('tickets.moves.done', { number: saved.number, status: t(`ticketing.status.${saved.status}`) })),
        onError: (err) => notifyError(t, err),
      },
    );
  };

  const start = (to: TicketStatus) => {
    const needs = needsFor(ticket.status, to);
    if (needs.includes('cancelReason') || needs.includes('closeNote')) return setAsking({ to, what: 'note' });
    // Resolved before anyone was sent: solved on the phone, with what was advised.
    if (needs.includes('phoneAdvice')) return setAsking({ to, what: 'phone' });
    // "Called back" is the callback itself: reaching the customer moves the ticket.
    if (to === 'calledBack') return setAsking({ to, what: 'callback' });
    // Back to scheduled means the visit moves: the appointment is asked for again.
    if (needs.includes('appointment') && (ticket.status === 'dispatched' || !ticket.appointment)) return setAsking({ to, what: 'appointment' });
    if (needs.includes('technician') && ticket.technicians.length === 0) return setAsking({ to, what: 'technician' });
    // Often recorded after the fact: the time they really happened is asked for.
    if (to === 'onSite' || to === 'resolved') return setAsking({ to, what: 'time' });
    go(to);
  };

  // Agreeing a visit moves the ticket by itself (the backend schedules it): then nothing is left to do.
  const after = (saved: TicketDetail) => {
    if (!asking) return;
    if (saved.status === asking.to) {
      close();
      notifyDone(t('tickets.moves.done', { number: saved.number, status: t(`ticketing.status.${saved.status}`) }));
    } else go(asking.to);
  };

  // Waiting for the supervisor, the next step is the approval: calling back or closing would only be refused.
  const waiting = ticket.review?.state === 'waiting' && ticket.status === 'resolved';
  const forward = waiting ? [] : ticket.next.filter((s) => s !== 'cancelled');
  // Ctrl+Enter takes the next step (the filled button), unless a dialog is open over the page;
  // inside a text field (the work notes) it stays the field's own.
  useHotkeys([
    [
      'mod+Enter',
      () => {
        const next = forward[0];
        if (document.querySelector('[role="dialog"]') || asking || move.isPending) return;
        if (waiting) setAsking({ to: ticket.status, what: 'approve' });
        else if (next) start(next);
      },
    ],
  ]);
  return (
    <>
      <Group gap={6} wrap="wrap" justify="flex-end" data-testid="ticket-moves">
        {waiting && (
          <Button size="xs" onClick={() => setAsking({ to: ticket.status, what: 'approve' })}>
            {t('review.panel.approve')}
            <Kbd ml={6} size="xs" aria-hidden>
              {t('app.keys.next')}
            </Kbd>
          </Button>
        )}
        {forward.map((to, i) => (
          <Button key={to} size="xs" variant={i === 0 ? 'filled' : 'light'} loading={move.isPending && move.variables?.to === to} onClick={() => start(to)}>
            {isPhoneSolution(ticket.status, to) ? t('calls.ticket.solve') : t(`ticketing.move.${to}`)}
            {i === 0 && (
              // The key is a hint beside the name, not part of it ("派工", not "派工 Ctrl+Enter").
              <Kbd ml={6} size="xs" aria-hidden>
                {t('app.keys.next')}
              </Kbd>
            )}
          </Button>
        ))}
        {ticket.next.includes('cancelled') && (
          <Button size="xs" variant="subtle" color="red" onClick={() => start('cancelled')}>
            {t('ticketing.move.cancelled')}
          </Button>
        )}
      </Group>
      {asking?.what === 'note' && <NoteForm ticket={ticket} to={asking.to === 'cancelled' ? 'cancelled' : 'closed'} onClose={close} />}
      <AppointDialog ticket={ticket} opened={asking?.what === 'appointment'} onClose={close} onSaved={after} />
      <AssignDialog ticket={ticket} opened={asking?.what === 'technician'} onClose={close} onSaved={after} />
      <CallbackDialog ticket={ticket} opened={asking?.what === 'callback'} onClose={close} />
      {asking?.what === 'phone' && <PhoneSolveForm ticket={ticket} onClose={close} />}
      {asking?.what === 'approve' && <ApproveDialog ticket={ticket} onClose={close} />}
      {asking?.what === 'time' && (asking.to === 'onSite' || asking.to === 'resolved') && <EventTimeForm ticket={ticket} to={asking.to} onClose={close} />}
    </>
  );
}
