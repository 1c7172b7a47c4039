import { Group, Input, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SurveyAnswer, SurveyQuestion } from '../../../../shared/schemas/review';

/*
 * The callback survey inside the callback form (seed 000's questions by default): each question
 * scored 1–5 or answered in words; a question left empty was not answered. Form values are kept
 * per question id (`survey.<id>`); the schema's and the backend's paths (`answers.<n>.score`) are
 * mapped back to the question they were about.
 */

export type SurveyValues = Record<string, string>;

/** The question as the desk reads it: the company's wording, or the preset's in the screen's language. */
export function questionText(t: TFunction, q: Pick<SurveyQuestion, 'preset' | 'text'>): string {
  return q.text ?? (q.preset ? t(`survey.presets.${q.preset}`) : '');
}

/** The answers sent, in the questions' order, with the question id of each (for errors). */
export function surveyAnswers(questions: SurveyQuestion[], values: SurveyValues, reached: boolean) {
  if (!reached) return { answers: [], ids: [] as number[] };
  const rows = questions
    .map((q) => ({ q, v: (values[String(q.id)] ?? '').trim() }))
    .filter((r) => r.v !== '')
    .map(({ q, v }) => (q.kind === 'score' ? { questionId: q.id, score: Number(v) } : { questionId: q.id, words: v }));
  return { answers: rows, ids: rows.map((r) => r.questionId) };
}

/** `answers.<n>.<field>` → `survey.<question id>`: the error goes under the question it was about. */
export function surveyErrorPath(path: string, ids: number[]): string | null {
  const m = /^answers\.(\d+)(\.|$)/.exec(path);
  if (!m) return null;
  const id = ids[Number(m[1])];
  return id === undefined ? null : `survey.${id}`;
}

export function SurveyFields({
  questions,
  value,
  errors,
  onChange,
}: {
  questions: SurveyQuestion[];
  value: SurveyValues;
  errors: Record<string, unknown>;
  onChange: (id: number, v: string) => void;
}) {
  const { t } = useTranslation();
  if (questions.length === 0) return null;
  return (
    <Stack gap={6} data-testid="callback-survey">
      <Group gap={6} justify="space-between">
        <Text size="sm" fw={600}>
          {t('survey.callback.title')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('survey.callback.hint')} {t('survey.scoreHint')}
        </Text>
      </Group>
      {questions.map((q, i) => {
        const label = `${i + 1}. ${questionText(t, q)}`;
        const error = errors[`survey.${q.id}`] as string | undefined;
        const v = value[String(q.id)] ?? '';
        if (q.kind === 'words') {
          return <Textarea key={q.id} label={label} autosize minRows={1} maxRows={3} maxLength={500} value={v} error={error} onChange={(e) => onChange(q.id, e.currentTarget.value)} />;
        }
        return (
          <Input.Wrapper key={q.id} label={label} error={error}>
            <div>
              <SegmentedControl
                size="xs"
                aria-label={label}
                value={v}
                onChange={(next) => onChange(q.id, next === v ? '' : next)}
                data={[
                  { value: '', label: t('survey.callback.none') },
                  ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) })),
                ]}
              />
            </div>
          </Input.Wrapper>
        );
      })}
    </Stack>
  );
}

/** A recorded callback's answers, one line each. */
export function SurveyAnswers({ answers }: { answers: SurveyAnswer[] }) {
  const { t } = useTranslation();
  if (answers.length === 0) return null;
  return (
    <Stack gap={0} data-testid="callback-answers">
      {answers.map((a) => (
        <Text size="xs" key={a.questionId}>
          {t('survey.callback.answerLine', { question: questionText(t, a), answer: a.score !== null ? t('survey.callback.score', { score: a.score }) : (a.words ?? '') })}
        </Text>
      ))}
    </Stack>
  );
}
