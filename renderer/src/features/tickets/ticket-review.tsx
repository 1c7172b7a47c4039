import { Badge, Button, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconRosetteDiscountCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../../shared/format';
import { reviewApproveInput } from '../../../../shared/schemas/review';
import type { TicketDetail } from '../../../../shared/schemas/ticket';
import { useApiMutation } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { FormModal } from '../../ui/FormModal';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';
import { Panel, whoText } from './ticket-common';

/** The supervisor who approved last on this PC: usually the same person, so offered again. */
const LAST_SUPERVISOR = 'review.lastSupervisor';

interface ApproveValues {
  supervisor: string;
  remark: string;
}

export function ApproveDialog({ ticket, onClose }: { ticket: TicketDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const approve = useApiMutation('review:approve');
  const toInput = (v: ApproveValues) => ({ ticketId: ticket.id, supervisor: v.supervisor, remark: v.remark, at: null });
  const form = useForm<ApproveValues>({
    initialValues: { supervisor: localStorage.getItem(LAST_SUPERVISOR) ?? '', remark: '' },
    validate: schemaValidator<ApproveValues>(reviewApproveInput, t, toInput),
  });
  const submit = form.onSubmit((values) =>
    approve.mutate(toInput(values), {
      onSuccess: (next) => {
        localStorage.setItem(LAST_SUPERVISOR, values.supervisor.trim());
        const due = next.callbacks.find((c) => c.doneAt === null)?.dueOn;
        notifyDone(due ? t('review.form.done', { date: formatDate(due, lang) }) : t('review.outcome.approved'));
        onClose();
      },
      onError: (err) => {
        if (!showServerFieldErrors(form, ['supervisor', 'remark'], t, err)) notifyError(t, err);
      },
    }),
  );
  return (
    <FormModal opened onClose={onClose} title={t('review.form.title', { number: ticket.number })} onSubmit={submit} saving={approve.isPending} size={520} submitLabel={t('review.panel.approve')}>
      <Text size="sm">{t('review.form.intro')}</Text>
      <TextInput label={t('review.form.supervisor')} withAsterisk maxLength={50} data-autofocus {...form.getInputProps('supervisor')} />
      <Textarea label={t('review.form.remark')} placeholder={t('review.form.remarkPlaceholder')} autosize minRows={2} maxRows={4} maxLength={500} {...form.getInputProps('remark')} />
    </FormModal>
  );
}

/** The supervisor's check on a ticket resolved while it was on: waiting (with Approve), approved, or waived. */
export function ReviewPanel({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [approving, setApproving] = useState(false);
  const review = ticket.review;
  if (!review) return null;
  const waiting = review.state === 'waiting' && ticket.status === 'resolved';
  return (
    <Panel
      title={t('review.panel.title')}
      icon={<IconRosetteDiscountCheck size={16} stroke={1.6} />}
      testId="ticket-review"
      actions={
        waiting && (
          <Button size="compact-sm" onClick={() => setApproving(true)}>
            {t('review.panel.approve')}
          </Button>
        )
      }
    >
      <Stack gap={4} data-state={review.state}>
        {review.state === 'waiting' && (
          <>
            <Badge size="sm" variant="light" color="orange" radius="sm" tt="none" w="fit-content">
              {t('review.panel.waitingBadge')}
            </Badge>
            <Text size="sm">{t('review.panel.waiting', { at: formatDateTime(review.since, lang) })}</Text>
          </>
        )}
        {review.state === 'approved' && (
          <>
            <Badge size="sm" variant="light" color="green" radius="sm" tt="none" w="fit-content">
              {t('review.panel.approved', { supervisor: review.supervisor ?? '', at: formatDateTime(review.decidedAt ?? 0, lang) })}
            </Badge>
            {review.remark && <Text size="sm">{review.remark}</Text>}
            <Text size="xs" c="dimmed">
              {t('review.panel.entered', { who: whoText(t, review.who) })}
            </Text>
          </>
        )}
        {review.state === 'waived' && (
          <Text size="sm" c="dimmed">
            {t('review.panel.waived', { at: formatDateTime(review.decidedAt ?? 0, lang) })}
          </Text>
        )}
      </Stack>
      {approving && <ApproveDialog ticket={ticket} onClose={() => setApproving(false)} />}
    </Panel>
  );
}
