import { ActionIcon, Alert, Badge, Button, Checkbox, Group, Paper, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import { SURVEY_KINDS, type SurveyKind, type SurveyQuestion } from '../../../../shared/schemas/review';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { fieldErrorTexts } from '../../lib/errorText';
import { notifyDone, notifyError } from '../../lib/notify';
import { QueryState } from '../../ui/QueryState';
import { questionText } from '../tickets';

/** The supervisor's check: one switch (the admin's), saying first what switching does to tickets already resolved. */
function SupervisorCheck() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const settings = useApiQuery('review:settings', {});
  const configure = useApiMutation('review:configure');
  const s = settings.data;
  const toggle = (on: boolean) =>
    configure.mutate(
      { supervisorCheck: on },
      {
        onSuccess: (done) => notifyDone(on ? t('review.settings.switchedOn') : t('review.settings.switchedOff', { count: done.released })),
        onError: (err) => notifyError(t, err),
      },
    );
  return (
    <Paper withBorder p="md" data-testid="review-settings">
      <Stack gap="xs">
        <Title order={3} fz="md" fw={600}>
          {t('review.settings.title')}
        </Title>
        <QueryState isPending={settings.isPending} error={settings.error} />
        {s && (
          <>
            <Switch
              label={t('review.settings.switch')}
              checked={s.supervisorCheck}
              disabled={configure.isPending}
              onChange={(e) => toggle(e.currentTarget.checked)}
              data-testid="review-switch"
            />
            <Text size="sm" c="dimmed">
              {t('review.settings.hint')}
            </Text>
            <Text size="sm">
              {s.supervisorCheck
                ? s.waiting > 0
                  ? t('review.settings.offNote', { count: s.waiting })
                  : t('review.settings.offNoteNone')
                : s.resolvedUnchecked > 0
                  ? t('review.settings.onNote', { count: s.resolvedUnchecked })
                  : t('review.settings.onNoteNone')}
            </Text>
            {s.changedAt !== null && (
              <Text size="xs" c="dimmed">
                {t('review.settings.changed', { who: s.changedBy ?? '', at: formatDateTime(s.changedAt, lang) })}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

interface Row {
  key: string;
  id: number | null;
  kind: SurveyKind;
  preset: SurveyQuestion['preset'];
  text: string;
  active: boolean;
  answers: number;
}

const toRows = (list: SurveyQuestion[]): Row[] =>
  list.map((q) => ({ key: String(q.id), id: q.id, kind: q.kind, preset: q.preset, text: q.text ?? '', active: q.active, answers: q.answers }));

/**
 * The survey's questions, saved as a whole list in their order. A seed question keeps the
 * catalog's wording (shown as the placeholder, in the screen's language) until words are typed.
 */
function SurveyEditor() {
  const { t } = useTranslation();
  const list = useApiQuery('survey:questions', { includeRetired: true });
  return (
    <Paper withBorder p="md" data-testid="survey-editor">
      <Stack gap="xs">
        <Title order={3} fz="md" fw={600}>
          {t('survey.editor.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('survey.editor.hint')}
        </Text>
        <QueryState isPending={list.isPending} error={list.error} />
        {/* Started again from what was saved each time the list is read back. */}
        {list.data && <SurveyRows key={list.dataUpdatedAt} saved={list.data} />}
      </Stack>
    </Paper>
  );
}

function SurveyRows({ saved }: { saved: SurveyQuestion[] }) {
  const { t } = useTranslation();
  const save = useApiMutation('survey:save');
  const [rows, setRows] = useState<Row[]>(() => toRows(saved));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (i: number, patch: Partial<Row>) => setRows((r) => r.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const move = (i: number, by: number) =>
    setRows((r) => {
      const next = [...r];
      const [it] = next.splice(i, 1);
      next.splice(i + by, 0, it as Row);
      return next;
    });
  const submit = () => {
    setErrors({});
    save.mutate(
      { questions: rows.map((r) => ({ id: r.id, kind: r.kind, text: r.text, active: r.active })) },
      {
        onSuccess: () => notifyDone(t('survey.editor.saved')),
        onError: (err) => {
          const texts = fieldErrorTexts(t, err);
          setErrors(texts);
          if (Object.keys(texts).length === 0 || texts.questions) notifyError(t, err);
        },
      },
    );
  };
  const err = (i: number, field: string) => errors[`questions.${i}.${field}`];
  return (
    <>
      {errors.questions && (
        <Alert color="red" variant="light" py={6}>
          {errors.questions}
        </Alert>
      )}
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('survey.editor.empty')}
        </Text>
      )}
      {rows.length > 0 && (
        <Table withTableBorder verticalSpacing={4} layout="fixed" data-testid="survey-questions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36}>#</Table.Th>
              <Table.Th>{t('survey.editor.question')}</Table.Th>
              <Table.Th w={150}>{t('survey.editor.kind')}</Table.Th>
              <Table.Th w={70}>{t('survey.editor.active')}</Table.Th>
              <Table.Th w={70}>{t('survey.editor.answers')}</Table.Th>
              <Table.Th w={110} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={r.key} c={r.active ? undefined : 'dimmed'}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={t('survey.editor.question')}
                    value={r.text}
                    maxLength={200}
                    placeholder={r.preset ? t('survey.editor.presetPlaceholder', { text: questionText(t, { preset: r.preset, text: null }) }) : undefined}
                    error={err(i, 'text')}
                    onChange={(e) => set(i, { text: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    aria-label={t('survey.editor.kind')}
                    data={SURVEY_KINDS.map((k) => ({ value: k, label: t(`survey.kinds.${k}`) }))}
                    value={r.kind}
                    allowDeselect={false}
                    error={err(i, 'kind')}
                    onChange={(v) => v && set(i, { kind: v as SurveyKind })}
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox aria-label={t('survey.editor.active')} checked={r.active} onChange={(e) => set(i, { active: e.currentTarget.checked })} />
                </Table.Td>
                <Table.Td>
                  {r.answers > 0 ? (
                    <Badge size="sm" variant="light" color="gray" radius="sm">
                      {r.answers}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon variant="subtle" size="sm" aria-label={t('survey.editor.up')} disabled={i === 0} onClick={() => move(i, -1)}>
                      <IconArrowUp size={14} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" size="sm" aria-label={t('survey.editor.down')} disabled={i === rows.length - 1} onClick={() => move(i, 1)}>
                      <IconArrowDown size={14} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red" size="sm" aria-label={t('survey.editor.remove')} disabled={r.answers > 0} onClick={() => setRows((x) => x.filter((_, j) => j !== i))}>
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="space-between">
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => setRows((r) => [...r, { key: `new-${crypto.randomUUID()}`, id: null, kind: 'score', preset: null, text: '', active: true, answers: 0 }])}
        >
          {t('survey.editor.add')}
        </Button>
        <Button size="xs" onClick={submit} loading={save.isPending} data-testid="survey-save">
          {t('survey.editor.save')}
        </Button>
      </Group>
    </>
  );
}

/** Settings › Callbacks: the supervisor's check before the callback, and the callback survey. */
export function CallbackReviewPanel() {
  return (
    <Stack gap="md" maw={980}>
      <SupervisorCheck />
      <SurveyEditor />
    </Stack>
  );
}
