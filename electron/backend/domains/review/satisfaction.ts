import { sql } from 'kysely';
import type { z } from 'zod';
import { addDays, localMoment } from '../../../../shared/domain/dates';
import type {
  AnsweredCallback,
  SatisfactionReport,
  ScoreTally,
  SurveyKind,
  SurveyPreset,
  TechnicianSatisfaction,
  satisfactionInput,
  surveyAnswersInput,
} from '../../../../shared/schemas/review';
import type { ServiceContext } from '../../app/context';
import { notFound } from '../../lib/errors';
import { answersByCallback } from './facts';

/*
 * Satisfaction over a period (满意度统计): the overall score each reached callback records, and
 * each scored question of the survey, in total and per technician. A callback counts for every
 * technician assigned to its ticket: the customer judges the visit, and a visit by two is judged
 * for both. The owner's monthly reports call `satisfactionReport` as it is; the screen and the
 * .xlsx export read the same numbers.
 */

async function technicianExists(ctx: ServiceContext, id: number): Promise<void> {
  const person = await ctx.db.selectFrom('technicians').select('id').where('id', '=', id).executeTakeFirst();
  if (!person) throw notFound('survey.errors.technicianMissing', {}, 'technicianId');
}

/** The period's bounds as epoch ms: from the first day's midnight to the midnight after the last. */
export function periodBounds(from: string, to: string): [number, number] {
  return [localMoment(from), localMoment(addDays(to, 1))];
}

function emptyTally(): ScoreTally {
  return { count: 0, average: null, counts: [0, 0, 0, 0, 0], satisfiedShare: null };
}

/** Adds `n` scores of `score` to a tally and keeps its average and share right. */
function add(t: ScoreTally, score: number, n: number): void {
  if (score < 1 || score > 5 || n <= 0) return;
  const counts = t.counts;
  counts[(score - 1) as 0 | 1 | 2 | 3 | 4] += n;
  t.count += n;
  const sum = t.counts.reduce((s, c, i) => s + c * (i + 1), 0);
  t.average = Math.round((sum / t.count) * 100) / 100;
  t.satisfiedShare = (t.counts[3] + t.counts[4]) / t.count;
}

export async function satisfactionReport(ctx: ServiceContext, input: z.output<typeof satisfactionInput>): Promise<SatisfactionReport> {
  const [start, end] = periodBounds(input.from, input.to);
  const tech = input.technicianId;
  if (tech !== null) await technicianExists(ctx, tech);
  // The period's callbacks, made (done) within it; for one technician, those on their tickets.
  const inPeriod = ctx.db
    .selectFrom('callbacks as b')
    .where('b.done_at', '>=', start)
    .where('b.done_at', '<', end)
    .$if(tech !== null, (qb) => qb.where(sql<boolean>`exists (select 1 from ticket_technicians tt where tt.ticket_id = b.ticket_id and tt.technician_id = ${tech})`));

  const [questions, totals, overall, byQuestion, people, peopleOverall, peopleQuestions] = await Promise.all([
    ctx.db.selectFrom('survey_questions').select(['id', 'kind', 'preset', 'text', 'active']).orderBy('active', 'desc').orderBy('position').orderBy('id').execute(),
    inPeriod.select([sql<number>`count(*)`.as('n'), sql<number>`coalesce(sum(b.reached), 0)`.as('reached')]).executeTakeFirstOrThrow(),
    inPeriod.where('b.satisfaction', 'is not', null).select(['b.satisfaction as score', sql<number>`count(*)`.as('n')]).groupBy('b.satisfaction').execute(),
    inPeriod
      .innerJoin('callback_answers as a', 'a.callback_id', 'b.id')
      .select(['a.question_id', 'a.score', sql<number>`count(*)`.as('n')])
      .groupBy(['a.question_id', 'a.score'])
      .execute(),
    inPeriod
      .innerJoin('ticket_technicians as tt', 'tt.ticket_id', 'b.ticket_id')
      .innerJoin('technicians as x', 'x.id', 'tt.technician_id')
      .$if(tech !== null, (qb) => qb.where('tt.technician_id', '=', tech as number))
      .select(['x.id', 'x.name', sql<number>`count(*)`.as('n'), sql<number>`coalesce(sum(b.reached), 0)`.as('reached')])
      .groupBy(['x.id', 'x.name'])
      .orderBy('x.name')
      .execute(),
    inPeriod
      .innerJoin('ticket_technicians as tt', 'tt.ticket_id', 'b.ticket_id')
      .$if(tech !== null, (qb) => qb.where('tt.technician_id', '=', tech as number))
      .where('b.satisfaction', 'is not', null)
      .select(['tt.technician_id', 'b.satisfaction as score', sql<number>`count(*)`.as('n')])
      .groupBy(['tt.technician_id', 'b.satisfaction'])
      .execute(),
    inPeriod
      .innerJoin('ticket_technicians as tt', 'tt.ticket_id', 'b.ticket_id')
      .innerJoin('callback_answers as a', 'a.callback_id', 'b.id')
      .$if(tech !== null, (qb) => qb.where('tt.technician_id', '=', tech as number))
      .select(['tt.technician_id', 'a.question_id', 'a.score', sql<number>`count(*)`.as('n')])
      .groupBy(['tt.technician_id', 'a.question_id', 'a.score'])
      .execute(),
  ]);

  const overallTally = emptyTally();
  for (const r of overall) add(overallTally, r.score as number, r.n);
  const perQuestion: SatisfactionReport['byQuestion'] = {};
  for (const q of questions) perQuestion[q.id] = { ...emptyTally(), words: 0 };
  for (const r of byQuestion) {
    const t = perQuestion[r.question_id];
    if (!t) continue;
    if (r.score === null) t.words += r.n;
    else add(t, r.score, r.n);
  }
  const technicians = new Map<number, TechnicianSatisfaction>(
    people.map((p) => [p.id, { technicianId: p.id, name: p.name, callbacks: p.n, reached: p.reached, overall: emptyTally(), byQuestion: {}, words: 0 }]),
  );
  for (const r of peopleOverall) {
    const p = technicians.get(r.technician_id);
    if (p) add(p.overall, r.score as number, r.n);
  }
  for (const r of peopleQuestions) {
    const p = technicians.get(r.technician_id);
    if (!p) continue;
    if (r.score === null) {
      p.words += r.n;
      continue;
    }
    const t = (p.byQuestion[r.question_id] ??= emptyTally());
    add(t, r.score, r.n);
  }
  return {
    from: input.from,
    to: input.to,
    questions: questions.map((q) => ({ id: q.id, kind: q.kind as SurveyKind, preset: q.preset as SurveyPreset | null, text: q.text, active: q.active === 1 })),
    callbacks: totals.n,
    reached: totals.reached,
    overall: overallTally,
    byQuestion: perQuestion,
    technicians: [...technicians.values()],
  };
}

/** The callbacks on a technician's tickets in a period, with every answer, newest first (their record). */
export async function answeredCallbacks(ctx: ServiceContext, input: z.output<typeof surveyAnswersInput>): Promise<AnsweredCallback[]> {
  await technicianExists(ctx, input.technicianId);
  const [start, end] = periodBounds(input.from, input.to);
  const rows = await ctx.db
    .selectFrom('callbacks as b')
    .innerJoin('tickets as t', 't.id', 'b.ticket_id')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .select(['b.id', 'b.ticket_id', 't.number', 'c.name', 'b.done_at', 'b.reached', 'b.satisfaction', 'b.comments'])
    .where('b.done_at', '>=', start)
    .where('b.done_at', '<', end)
    .where(sql<boolean>`exists (select 1 from ticket_technicians tt where tt.ticket_id = b.ticket_id and tt.technician_id = ${input.technicianId})`)
    .orderBy('b.done_at', 'desc')
    .limit(500)
    .execute();
  const answers = await answersByCallback(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    callbackId: r.id,
    ticketId: r.ticket_id,
    ticketNumber: r.number,
    customerName: r.name,
    doneAt: r.done_at as number,
    reached: r.reached === 1,
    satisfaction: r.satisfaction,
    comments: r.comments,
    answers: answers.get(r.id) ?? [],
  }));
}
