import { Button, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { warningText } from '../../../../shared/domain/report-tables';
import type { EarlyWarning, WarningSettings } from '../../../../shared/schemas/reports';
import { useApiMutation } from '../../api/client';
import { notifyDone, notifyError } from '../../lib/notify';
import { FormModal } from '../../ui/FormModal';
import { usePaper } from './usePaper';

type Source = { ticketId: number } | { warningTicketIds: number[] };

/** The information feedback form to the maker, the problem prefilled (from a ticket or a warning); saved, its paper opens to print. */
export function FeedbackModal({ source, title, initialProblem, onClose, onDone }: { source: Source; title: string; initialProblem: string; onClose: () => void; onDone: (id: number) => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState(initialProblem);
  const save = useApiMutation('feedback:create');
  const submit = () =>
    save.mutate(
      { ...source, problem },
      { onSuccess: (f) => (notifyDone(t('settle.screen.ticket.feedbackDone', { number: f.number, due: f.dueOn })), onClose(), onDone(f.id)), onError: (e) => notifyError(t, e) },
    );
  return (
    <FormModal opened onClose={onClose} title={title} onSubmit={(e) => (e?.preventDefault(), submit())} saving={save.isPending} size={520}>
      <Textarea label={t('settle.print.feedback.problem')} value={problem} onChange={(e) => setProblem(e.currentTarget.value)} autosize minRows={4} data-autofocus data-testid="feedback-problem" />
    </FormModal>
  );
}

/** Beside an early warning: a feedback form to the model's maker, prefilled with the warning and its tickets. */
export function WarningFeedbackButton({ warning, rules }: { warning: EarlyWarning; rules: WarningSettings }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const paper = usePaper('documents:feedbackForm');
  const text = t('makerReturns.screen.warningProblem', { warning: warningText(t, warning, rules), tickets: warning.tickets.map((x) => x.number).join(t('app.common.listSeparator')) });
  return (
    <>
      <Button size="compact-xs" variant="subtle" style={{ flexShrink: 0 }} onClick={() => setOpen(true)} data-testid="warning-feedback">
        {t('settle.screen.ticket.feedback')}
      </Button>
      {open && (
        <FeedbackModal
          source={{ warningTicketIds: warning.tickets.map((x) => x.id) }}
          title={t('makerReturns.screen.warningFeedbackTitle', { subject: warning.subject })}
          initialProblem={text}
          onClose={() => setOpen(false)}
          onDone={(id) => paper.print({ id })}
        />
      )}
      {paper.preview}
    </>
  );
}
