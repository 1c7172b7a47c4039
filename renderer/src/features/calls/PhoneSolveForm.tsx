import { Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../../shared/schemas/ticket';
import { useApiMutation } from '../../api/client';
import { fieldErrorTexts } from '../../lib/errorText';
import { notifyDone, notifyError } from '../../lib/notify';
import { FormModal } from '../../ui/FormModal';

/**
 * A repair ended on the phone before anyone was sent: what was advised. The ticket is resolved
 * (never cancelled), takes its callback, and the call is logged with it.
 */
export function PhoneSolveForm({ ticket, onClose }: { ticket: TicketDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const solve = useApiMutation('calls:solveTicket');
  const [advice, setAdvice] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = () => {
    if (solve.isPending) return;
    if (!advice.trim()) return setError(t('calls.errors.adviceNeeded'));
    solve.mutate(
      { ticketId: ticket.id, advice },
      {
        onSuccess: (saved) => {
          notifyDone(t('tickets.moves.done', { number: saved.number, status: t('calls.ticket.badge') }));
          onClose();
        },
        onError: (err) => {
          const fields = fieldErrorTexts(t, err);
          if (fields.advice) setError(fields.advice);
          else notifyError(t, err);
        },
      },
    );
  };
  return (
    <FormModal opened onClose={onClose} title={t('calls.ticket.solveTitle', { number: ticket.number })} onSubmit={(e) => (e?.preventDefault(), submit())} saving={solve.isPending} size={520} submitLabel={t('calls.ticket.confirm')}>
      <Text size="sm" c="dimmed">
        {t('calls.ticket.solveIntro')}
      </Text>
      <Textarea
        label={t('calls.ticket.advice')}
        withAsterisk
        autosize
        minRows={3}
        maxRows={6}
        data-autofocus
        value={advice}
        error={error}
        onChange={(e) => {
          setAdvice(e.currentTarget.value);
          setError(undefined);
        }}
      />
    </FormModal>
  );
}
