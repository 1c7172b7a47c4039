import { sql } from 'kysely';
import type { z } from 'zod';
import type { SurveyKind, SurveyPreset, SurveyQuestion, surveyAnswerInput, surveyQuestionsInput, surveySaveInput } from '../../../../shared/schemas/review';
import type { ServiceContext } from '../../app/context';
import type { Db } from '../../db/schema';
import { refuse } from '../../lib/errors';

/*
 * The callback survey's questions (seed 000's four by default) and the answers a callback writes.
 * A question is asked by score (1–5) or answered in words. Once answered, a question keeps its
 * kind (the answers would stop meaning anything) and can be retired, not removed.
 */

export async function listQuestions(ctx: ServiceContext, input: z.output<typeof surveyQuestionsInput>, db: Db = ctx.db): Promise<SurveyQuestion[]> {
  const rows = await db
    .selectFrom('survey_questions as q')
    .select(['q.id', 'q.position', 'q.kind', 'q.preset', 'q.text', 'q.active', sql<number>`(select count(*) from callback_answers a where a.question_id = q.id)`.as('answers')])
    .$if(!input.includeRetired, (qb) => qb.where('q.active', '=', 1))
    .orderBy('q.active', 'desc')
    .orderBy('q.position')
    .orderBy('q.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    kind: r.kind as SurveyKind,
    preset: r.preset as SurveyPreset | null,
    text: r.text,
    active: r.active === 1,
    answers: r.answers,
  }));
}

/** Saves the whole list in its order, in one transaction: every question is checked before anything is written. */
export async function saveQuestions(ctx: ServiceContext, input: z.output<typeof surveySaveInput>): Promise<SurveyQuestion[]> {
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now().getTime();
    const existing = await listQuestions(ctx, { includeRetired: true }, trx);
    const byId = new Map(existing.map((q) => [q.id, q]));
    input.questions.forEach((q, i) => {
      if (q.id === null) return;
      const old = byId.get(q.id);
      if (!old) throw refuse('survey.errors.questionMissing', {}, `questions.${i}.id`);
      if (old.answers > 0 && old.kind !== q.kind) throw refuse('survey.errors.kindAnswered', { count: old.answers }, `questions.${i}.kind`);
    });
    const kept = new Set(input.questions.map((q) => q.id).filter((v): v is number => v !== null));
    for (const old of existing) {
      if (kept.has(old.id)) continue;
      if (old.answers > 0) throw refuse('survey.errors.removeAnswered', { count: old.answers }, 'questions');
      await trx.deleteFrom('survey_questions').where('id', '=', old.id).execute();
    }
    for (const [i, q] of input.questions.entries()) {
      const position = i + 1;
      if (q.id === null) {
        await trx.insertInto('survey_questions').values({ position, kind: q.kind, preset: null, text: q.text, active: q.active ? 1 : 0, created_at: now, updated_at: now }).execute();
        continue;
      }
      const old = byId.get(q.id) as SurveyQuestion;
      // A preset keeps the catalog's wording (in the desk's language) until the company types its own.
      const text = q.text ?? (old.preset === null ? old.text : null);
      const changed = old.position !== position || old.kind !== q.kind || old.text !== text || old.active !== q.active;
      if (changed) await trx.updateTable('survey_questions').set({ position, kind: q.kind, text, active: q.active ? 1 : 0, updated_at: now }).where('id', '=', q.id).execute();
    }
  });
  return listQuestions(ctx, { includeRetired: true });
}

/**
 * Writes a callback's answers, checked against the questions: a score for a question asked in
 * words, words for a scored question, a retired or unknown question are refused under the
 * answer's field. An answer with neither is a question the customer did not answer: skipped.
 * Returns how many were written.
 */
export async function writeAnswers(trx: Db, callbackId: number, answers: z.output<typeof surveyAnswerInput>[]): Promise<number> {
  if (answers.length === 0) return 0;
  const ids = [...new Set(answers.map((a) => a.questionId))];
  const questions = await trx.selectFrom('survey_questions').select(['id', 'kind', 'active']).where('id', 'in', ids).execute();
  const byId = new Map(questions.map((q) => [q.id, q]));
  let written = 0;
  for (const [i, a] of answers.entries()) {
    const q = byId.get(a.questionId);
    if (!q) throw refuse('survey.errors.questionMissing', {}, `answers.${i}.questionId`);
    if (q.active !== 1) throw refuse('survey.errors.questionRetired', {}, `answers.${i}.questionId`);
    if (q.kind === 'words' && a.score !== null) throw refuse('survey.errors.scoreForWords', {}, `answers.${i}.score`);
    if (q.kind === 'score' && a.words !== null) throw refuse('survey.errors.wordsForScore', {}, `answers.${i}.words`);
    if (a.score === null && a.words === null) continue;
    await trx.insertInto('callback_answers').values({ callback_id: callbackId, question_id: q.id, score: a.score, words: a.words }).execute();
    written += 1;
  }
  return written;
}
