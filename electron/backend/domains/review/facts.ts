import type { SurveyAnswer, SurveyKind, SurveyPreset, TicketReview } from '../../../../shared/schemas/review';
import type { Db } from '../../db/schema';

/*
 * What a ticket's page reads of the supervisor's check and the survey. Kept apart from the
 * services that write them, so the ticket's own reader (tickets/tickets.ts) can import it
 * without importing the ticket services back.
 */

/** Whether the supervisor's check is on now. */
export async function supervisorCheckOn(db: Db): Promise<boolean> {
  const row = await db.selectFrom('review_settings').select('supervisor_check').where('id', '=', 1).executeTakeFirst();
  return row?.supervisor_check === 1;
}

export async function ticketReviewOf(db: Db, ticketId: number): Promise<TicketReview | null> {
  const r = await db.selectFrom('ticket_reviews').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst();
  if (!r) return null;
  return {
    state: r.outcome ?? 'waiting',
    since: r.waiting_since,
    decidedAt: r.decided_at,
    supervisor: r.supervisor,
    remark: r.remark,
    who: r.who,
  };
}

/** Each callback's answers, in the questions' order. */
export async function answersByCallback(db: Db, callbackIds: number[]): Promise<Map<number, SurveyAnswer[]>> {
  const out = new Map<number, SurveyAnswer[]>();
  if (callbackIds.length === 0) return out;
  const rows = await db
    .selectFrom('callback_answers as a')
    .innerJoin('survey_questions as q', 'q.id', 'a.question_id')
    .select(['a.callback_id', 'a.question_id', 'a.score', 'a.words', 'q.kind', 'q.preset', 'q.text'])
    .where('a.callback_id', 'in', callbackIds)
    .orderBy('a.callback_id')
    .orderBy('q.position')
    .orderBy('q.id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.callback_id) ?? [];
    list.push({ questionId: r.question_id, kind: r.kind as SurveyKind, preset: r.preset as SurveyPreset | null, text: r.text, score: r.score, words: r.words });
    out.set(r.callback_id, list);
  }
  return out;
}
