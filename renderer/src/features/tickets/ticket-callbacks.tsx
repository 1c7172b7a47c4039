import { Anchor, Badge, Button, Group, Input, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPhoneCall } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../../shared/format';
import { complaintCreateInput } from '../../../../shared/schemas/service';
import { callbackRecordInput, type CallbackRecord, type TicketDetail } from '../../../../shared/schemas/ticket';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { FormModal } from '../../ui/FormModal';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { fieldErrorTexts } from '../../lib/errorText';
import { SurveyAnswers, SurveyFields, surveyAnswers, surveyErrorPath, type SurveyValues } from './callback-survey';
import { notifyDone, notifyError } from '../../lib/notify';
import { Panel, whoText } from './ticket-common';
import { typedMoment, whenErrors, WhenFields, whenStart, type WhenValues } from './ticket-when';

/** At or below this the customer is unhappy enough to be offered a complaint record. */
const COMPLAINT_AT = 2;

const withoutAt = (errors: Record<string, string>) => Object.fromEntries(Object.entries(errors).filter(([path]) => path !== 'at'));

interface CallbackValues extends WhenValues {
  reached: 'yes' | 'no';
  satisfaction: string;
  comments: string;
  survey: SurveyValues;
}

/** Form errors with the survey's `answers.<n>` paths put under their question. */
function withSurveyPaths(errors: Record<string, string>, ids: number[]): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([path, text]) => [surveyErrorPath(path, ids) ?? path, text]));
}

function CallbackForm({ ticket, onClose, onUnhappy }: { ticket: TicketDetail; onClose: () => void; onUnhappy: (comments: string) => void }) {
  const { t } = useTranslation();
  const save = useApiMutation('callbacks:record');
  // The survey asks the questions active now (seed 000's four unless the company changed them).
  const questions = useApiQuery('survey:questions', {}).data ?? [];
  // A call made earlier and recorded now is stamped with when it was made.
  const [start] = useState(() => whenStart(null));
  const toInput = (v: CallbackValues) => ({
    ticketId: ticket.id,
    reached: v.reached === 'yes',
    satisfaction: v.reached === 'yes' && v.satisfaction ? Number(v.satisfaction) : null,
    comments: v.comments,
    at: typedMoment(v, start),
    answers: surveyAnswers(questions, v.survey, v.reached === 'yes').answers,
  });
  const schemaErrors = schemaValidator<CallbackValues>(callbackRecordInput, t, toInput);
  const form = useForm<CallbackValues>({
    initialValues: { ...start.values, reached: 'yes', satisfaction: '', comments: '', survey: {} },
    // The typed time is judged as the backend judges it, under its own fields; the schema judges the rest.
    validate: (v) => ({ ...withSurveyPaths(withoutAt(schemaErrors(v)), surveyAnswers(questions, v.survey, v.reached === 'yes').ids), ...whenErrors(t, 'calledBack', v, start, ticket) }),
  });
  const handleSubmit = form.onSubmit((values) =>
    save.mutate(toInput(values), {
      onSuccess: () => {
        notifyDone(t('tickets.callback.recorded'));
        const input = toInput(values);
        if (input.reached && input.satisfaction !== null && input.satisfaction <= COMPLAINT_AT) onUnhappy(values.comments);
        else onClose();
      },
      onError: (err) => {
        // A refused answer goes under its question; the rest under their own fields.
        const ids = surveyAnswers(questions, values.survey, values.reached === 'yes').ids;
        const texts = withSurveyPaths(fieldErrorTexts(t, err), ids);
        const known = Object.fromEntries(Object.entries(texts).filter(([path]) => ['reached', 'satisfaction', 'comments', 'at'].includes(path) || path.startsWith('survey.')));
        if (Object.keys(known).length > 0) form.setErrors(known);
        else notifyError(t, err);
      },
    }),
  );
  const reached = form.values.reached === 'yes';
  return (
    <FormModal opened onClose={onClose} title={t('tickets.callback.title', { number: ticket.number })} onSubmit={handleSubmit} saving={save.isPending} size={640}>
      <Text size="sm">
        {t('tickets.callback.call', { name: ticket.contactName ?? ticket.customerName, phone: ticket.contactPhone ?? '' })}
      </Text>
      <Input.Wrapper label={t('tickets.callback.reached')}>
        <div>
          <SegmentedControl
            aria-label={t('tickets.callback.reached')}
            value={form.values.reached}
            onChange={(v) => form.setFieldValue('reached', v as 'yes' | 'no')}
            data={[
              { value: 'yes', label: t('tickets.callback.reachedYes') },
              { value: 'no', label: t('tickets.callback.reachedNo') },
            ]}
          />
        </div>
      </Input.Wrapper>
      {reached && (
        <Input.Wrapper label={t('tickets.callback.satisfaction')} withAsterisk error={form.errors.satisfaction}>
          <div>
            <SegmentedControl
              aria-label={t('tickets.callback.satisfaction')}
              value={form.values.satisfaction}
              onChange={(v) => form.setFieldValue('satisfaction', v)}
              data={[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t('tickets.callback.score', { score: n, label: t(`ticketing.satisfaction.${n}`) }) }))}
            />
          </div>
        </Input.Wrapper>
      )}
      {reached && (
        <SurveyFields questions={questions} value={form.values.survey} errors={form.errors} onChange={(id, v) => form.setFieldValue('survey', { ...form.values.survey, [String(id)]: v })} />
      )}
      <Textarea label={t('tickets.callback.comments')} autosize minRows={2} maxRows={4} data-autofocus {...form.getInputProps('comments')} />
      <WhenFields form={form} status="calledBack" start={start} ticket={ticket} />
    </FormModal>
  );
}

/** An unhappy callback: one click opens the complaint with the customer's words. */
function ComplaintOffer({ ticket, comments, onClose }: { ticket: TicketDetail; comments: string; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useApiMutation('complaints:create');
  const toInput = (v: { content: string }) => ({ channel: 'callback' as const, content: v.content, customerId: ticket.customerId, ticketId: ticket.id });
  const form = useForm({
    initialValues: { content: comments },
    validate: schemaValidator<{ content: string }>(complaintCreateInput, t, toInput),
  });
  const handleSubmit = form.onSubmit((values) =>
    create.mutate(toInput(values), {
      onSuccess: (complaint) => {
        notifyDone(t('tickets.callback.complaintOpened', { number: complaint.number }));
        onClose();
      },
      onError: (err) => {
        if (!showServerFieldErrors(form, ['content'], t, err)) notifyError(t, err);
      },
    }),
  );
  return (
    <FormModal opened onClose={onClose} title={t('tickets.callback.complaintTitle')} onSubmit={handleSubmit} saving={create.isPending} size={520}>
      <Text size="sm">{t('tickets.callback.complaintOffer')}</Text>
      <Textarea label={t('tickets.callback.complaintContent')} withAsterisk autosize minRows={3} maxRows={6} data-autofocus {...form.getInputProps('content')} />
    </FormModal>
  );
}

function CallbackLine({ callback: c }: { callback: CallbackRecord }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (c.doneAt === null) {
    return (
      <Group gap={6} data-testid="callback" data-done="false">
        <Badge size="sm" variant="light" color="blue" radius="sm" tt="none">
          {t('tickets.callback.due', { date: formatDate(c.dueOn, lang) })}
        </Badge>
      </Group>
    );
  }
  return (
    <div data-testid="callback" data-done="true">
      <Group gap={6}>
        <Text size="sm" fw={500}>
          {c.reached ? t('tickets.callback.reachedYes') : t('tickets.callback.reachedNo')}
        </Text>
        {c.satisfaction !== null && (
          <Badge size="sm" variant="light" radius="sm" tt="none" color={c.satisfaction <= COMPLAINT_AT ? 'red' : c.satisfaction >= 4 ? 'green' : 'gray'}>
            {t('tickets.callback.score', { score: c.satisfaction, label: t(`ticketing.satisfaction.${c.satisfaction}`) })}
          </Badge>
        )}
      </Group>
      {c.comments && <Text size="sm">{c.comments}</Text>}
      <SurveyAnswers answers={c.answers} />
      <Text size="xs" c="dimmed">
        {t('tickets.stamp', { who: whoText(t, c.who), at: formatDateTime(c.doneAt, lang) })}
      </Text>
    </div>
  );
}

/** Record the callback; an unhappy customer is then offered a complaint record. */
export function CallbackDialog({ ticket, opened, onClose }: { ticket: TicketDetail; opened: boolean; onClose: () => void }) {
  const [unhappy, setUnhappy] = useState<string | null>(null);
  return (
    <>
      {opened && (
        <CallbackForm
          ticket={ticket}
          onClose={onClose}
          onUnhappy={(comments) => {
            onClose();
            setUnhappy(comments);
          }}
        />
      )}
      {unhappy !== null && <ComplaintOffer ticket={ticket} comments={unhappy} onClose={() => setUnhappy(null)} />}
    </>
  );
}

/** The call after the job: reached or not, how satisfied, in their words. */
export function CallbacksPanel({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState(false);
  // Only a resolved ticket is called back (reaching the customer moves it on), and, with the
  // supervisor's check, only once it is approved.
  const canRecord = ticket.status === 'resolved' && ticket.review?.state !== 'waiting';
  return (
    <Panel
      title={t('tickets.callback.panel')}
      icon={<IconPhoneCall size={16} stroke={1.6} />}
      testId="ticket-callbacks"
      actions={
        canRecord && (
          <Button size="compact-sm" variant="light" onClick={() => setRecording(true)}>
            {t('tickets.callback.record')}
          </Button>
        )
      }
    >
      <Stack gap={6}>
        {ticket.callbacks.length === 0 && (
          <Text size="sm" c="dimmed">
            {ticket.review?.state === 'waiting' ? t('review.panel.callbackAfter') : t('tickets.callback.empty')}
          </Text>
        )}
        {ticket.callbacks.map((c) => (
          <CallbackLine key={c.id} callback={c} />
        ))}
        {ticket.complaintIds.length > 0 && (
          <Group gap={6}>
            <Text size="sm" c="red">
              {t('tickets.callback.complaints', { n: ticket.complaintIds.length })}
            </Text>
            <Anchor component="button" type="button" size="sm" onClick={() => navigate({ section: 'complaints' })}>
              {t('tickets.callback.openComplaints')}
            </Anchor>
          </Group>
        )}
      </Stack>
      <CallbackDialog ticket={ticket} opened={recording} onClose={() => setRecording(false)} />
    </Panel>
  );
}
