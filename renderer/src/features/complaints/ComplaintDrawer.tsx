import { Anchor, Badge, Button, Divider, Drawer, Group, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput, Timeline, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconCheck, IconLock, IconPhoneCall } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import type { Complaint } from '../../../../shared/schemas/service';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { Field } from '../../ui/Field';
import { QueryState } from '../../ui/QueryState';
import { showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';
import { DeadlineCell } from './DeadlineCell';

const VERDICTS = ['satisfied', 'acceptable', 'dissatisfied'] as const;
type Verdict = (typeof VERDICTS)[number];

interface Values {
  handler: string;
  step: string;
  resolution: string;
  verdict: Verdict | '';
}

const FIELDS = ['handler', 'step', 'resolution', 'verdict'];

function Facts({ c }: { c: Complaint }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
      <Field label={t('service.complaints.columns.received')}>{formatDateTime(c.receivedAt, lang)}</Field>
      <Field label={t('service.complaints.columns.channel')}>{t(`service.channel.${c.channel}`)}</Field>
      <Field label={t('service.complaints.columns.customer')}>
        {c.customerId !== null ? <Anchor component="button" type="button" size="sm" onClick={() => navigate({ section: 'customer', id: c.customerId! })}>{c.customerName}</Anchor> : t('app.common.none')}
      </Field>
      <Field label={t('service.complaints.columns.ticket')}>
        {c.ticketId !== null ? <Anchor component="button" type="button" size="sm" onClick={() => navigate({ section: 'ticket', id: c.ticketId! })}>{c.ticketNumber}</Anchor> : t('app.common.none')}
      </Field>
      <Field label={t('service.complaints.columns.answer')}>
        <DeadlineCell state={c.answerState} due={c.answerDue} doneAt={c.answeredAt} />
      </Field>
      {c.replyState !== null && c.replyDue !== null && (
        <Field label={t('hours.complaint.reply')}>
          <DeadlineCell state={c.replyState} due={c.replyDue} doneAt={c.repliedAt} />
        </Field>
      )}
      <Field label={t('service.complaints.columns.resolve')}>
        <DeadlineCell state={c.resolveState} due={c.resolveDue} doneAt={c.resolvedAt} />
      </Field>
    </SimpleGrid>
  );
}

function Steps({ c }: { c: Complaint }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (c.steps.length === 0) return <Text size="sm" c="dimmed">{t('service.complaints.noSteps')}</Text>;
  return (
    <Timeline bulletSize={12} lineWidth={2} active={c.steps.length - 1} data-testid="complaint-steps">
      {c.steps.map((s, i) => (
        <Timeline.Item key={i} title={<Text size="xs" c="dimmed">{t('service.complaints.stepBy', { time: formatDateTime(s.at, lang), who: s.who })}</Text>}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {s.text}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/** What the desk records while the complaint is open: who handles it, each step, the outcome. */
function ProgressForm({ c }: { c: Complaint }) {
  const { t } = useTranslation();
  const update = useApiMutation('complaints:update');
  const close = useApiMutation('complaints:close');
  const form = useForm<Values>({ initialValues: { handler: c.handler ?? '', step: '', resolution: c.resolution ?? '', verdict: c.verdict ?? '' } });
  const fail = (err: unknown) => {
    if (!showServerFieldErrors(form, FIELDS, t, err)) notifyError(t, err);
  };
  const input = (v: Values, answered = false, replied = false) => ({ id: c.id, handler: v.handler, step: v.step, resolution: v.resolution, verdict: v.verdict || null, answered, replied });

  const save = (answered = false, replied = false) =>
    update.mutate(input(form.getValues(), answered, replied), {
      onSuccess: (saved) => {
        form.setFieldValue('step', '');
        form.resetDirty();
        notifyDone(answered || replied ? t('service.complaints.answeredDone') : t('service.complaints.saved', { number: saved.number }));
      },
      onError: fail,
    });
  // The outcome typed in the form is saved first, so "close" never refuses a resolution on screen.
  const closeComplaint = async () => {
    try {
      await update.mutateAsync(input(form.getValues()));
      const closed = await close.mutateAsync({ id: c.id });
      notifyDone(t('service.complaints.closedDone', { number: closed.number }));
    } catch (err) {
      fail(err);
    }
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={getHotkeyHandler([['mod+S', () => save()]])}
    >
      <Stack gap="sm">
        {c.answeredAt === null && (
          <Button variant="light" color="teal" leftSection={<IconPhoneCall size={16} />} loading={update.isPending} onClick={() => save(true)}>
            {t('service.complaints.recordAnswer')}
          </Button>
        )}
        {c.repliedAt === null && c.replyDue !== null && (
          <Button variant="light" color="teal" title={t('hours.complaint.replyHint')} loading={update.isPending} onClick={() => save(false, true)}>
            {t('hours.complaint.markReplied')}
          </Button>
        )}
        <TextInput label={t('service.complaints.fields.handler')} {...form.getInputProps('handler')} />
        <Textarea label={t('service.complaints.fields.addStep')} placeholder={t('service.complaints.fields.stepPlaceholder')} autosize minRows={2} maxRows={6} data-autofocus {...form.getInputProps('step')} />
        <Textarea label={t('service.complaints.fields.resolution')} placeholder={t('service.complaints.fields.resolutionPlaceholder')} autosize minRows={2} maxRows={6} {...form.getInputProps('resolution')} />
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('service.complaints.fields.verdict')}
          </Text>
          <SegmentedControl
            aria-label={t('service.complaints.fields.verdict')}
            value={form.values.verdict}
            onChange={(v) => form.setFieldValue('verdict', v as Verdict | '')}
            data={[{ value: '', label: t('service.complaints.noVerdict') }, ...VERDICTS.map((v) => ({ value: v, label: t(`service.verdict.${v}`) }))]}
          />
        </div>
        <Group justify="space-between" mt="xs">
          <Button type="submit" loading={update.isPending} leftSection={<IconCheck size={16} />}>
            {t('service.complaints.save')}
          </Button>
          <Button variant="default" color="gray" leftSection={<IconLock size={16} />} loading={close.isPending} onClick={() => void closeComplaint()}>
            {t('service.complaints.close')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ClosedOutcome({ c }: { c: Complaint }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Stack gap="xs">
      <Field label={t('service.complaints.fields.handler')}>{c.handler ?? t('app.common.none')}</Field>
      <Field label={t('service.complaints.fields.resolution')}>{c.resolution}</Field>
      <Field label={t('service.complaints.fields.verdict')}>{c.verdict ? t(`service.verdict.${c.verdict}`) : t('service.complaints.noVerdict')}</Field>
      <Field label={t('service.complaints.closedAt')}>{c.closedAt !== null ? formatDateTime(c.closedAt, lang) : ''}</Field>
    </Stack>
  );
}

/** One complaint: the facts and promises on top, its steps, then what is left to record. */
export function ComplaintDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useApiQuery('complaints:get', { id: id ?? 0 }, { enabled: id !== null });
  const c = id !== null ? query.data : undefined;
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size={560}
      title={
        c && (
          <Group gap="sm">
            <Title order={3} fz="md" fw={600}>
              {c.number}
            </Title>
            <Badge size="sm" radius="sm" tt="none" variant={c.closedAt ? 'outline' : 'light'} color={c.closedAt ? 'gray' : 'blue'}>
              {t(c.closedAt ? 'service.complaints.closed' : 'service.complaints.open')}
            </Badge>
          </Group>
        )
      }
    >
      <QueryState isPending={id !== null && query.isPending} error={query.error} />
      {c && c.id === id && (
        <Stack gap="md" data-testid="complaint-drawer">
          <Facts c={c} />
          <div>
            <Text size="xs" c="dimmed">
              {t('service.complaints.columns.content')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.content}
            </Text>
          </div>
          <Divider label={t('service.complaints.steps')} labelPosition="left" />
          <Steps c={c} />
          <Divider />
          {c.closedAt === null ? <ProgressForm key={`${c.id}:${c.steps.length}:${c.answeredAt ?? 0}`} c={c} /> : <ClosedOutcome c={c} />}
        </Stack>
      )}
    </Drawer>
  );
}
