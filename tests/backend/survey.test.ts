import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SurveyQuestion } from '../../shared/schemas/review';
import { openReviewDesk, type ReviewDesk } from '../support/review-desk';

/*
 * The callback survey (issue 20, point 6; seed 000: 询问顾客对于其购买产品的熟知程度;产品的特性是否
 * 符合顾客要求;上门服务人员的态度是否良好;对于我公司的产品有哪些需要更加人性化、合理化的地方).
 */

let desk: ReviewDesk;
beforeEach(async () => {
  desk = await openReviewDesk();
});
afterEach(async () => {
  await desk.backend.close();
});

const count = (sql: string, ...params: unknown[]) => (desk.backend.store.sqlite.prepare(sql).get(...params) as { n: number }).n;

async function questions(): Promise<Record<string, SurveyQuestion>> {
  const list = await desk.backend.ok('survey:questions', {});
  return Object.fromEntries(list.map((q) => [q.preset ?? q.text ?? '', q]));
}

describe('the survey questions', () => {
  it("are seed 000's four by default: three scored, suggestions in words", async () => {
    const list = await desk.backend.ok('survey:questions', {});
    expect(list.map((q) => [q.preset, q.kind, q.text, q.active, q.answers])).toEqual([
      ['knowsProduct', 'score', null, true, 0],
      ['meetsNeeds', 'score', null, true, 0],
      ['technicianManner', 'score', null, true, 0],
      ['suggestions', 'words', null, true, 0],
    ]);
  });

  it('are edited as a whole list: reworded, reordered, added, retired, removed while unanswered', async () => {
    const { backend } = desk;
    const q = await questions();
    const saved = await backend.ok('survey:save', {
      questions: [
        { id: q.technicianManner!.id, kind: 'score', text: '师傅是否准时、礼貌？' },
        { id: q.knowsProduct!.id, kind: 'score', text: null },
        { id: q.meetsNeeds!.id, kind: 'score', text: null, active: false },
        { id: q.suggestions!.id, kind: 'words', text: null },
        { id: null, kind: 'score', text: '是否向您讲解了使用和保养？' },
      ],
    });
    expect(saved.map((x) => [x.position, x.preset, x.text, x.active])).toEqual([
      [1, 'technicianManner', '师傅是否准时、礼貌？', true],
      [2, 'knowsProduct', null, true],
      [4, 'suggestions', null, true],
      [5, null, '是否向您讲解了使用和保养？', true],
      [3, 'meetsNeeds', null, false],
    ]);
    expect((await backend.ok('survey:questions', {})).map((x) => x.position)).toEqual([1, 2, 4, 5]);
    // Left out while never answered: removed.
    const left = await backend.ok('survey:save', { questions: saved.filter((x) => x.text !== '是否向您讲解了使用和保养？').map((x) => ({ id: x.id, kind: x.kind, text: x.text, active: x.active })) });
    expect(left).toHaveLength(4);
  });

  it('refuses a question without words, too many, the same one twice, and keeps an answered one as it is', async () => {
    const { backend } = desk;
    const list = await backend.ok('survey:questions', {});
    const same = list.map((x) => ({ id: x.id, kind: x.kind, text: x.text, active: x.active }));
    const before = backend.store.sqlite.prepare('select * from survey_questions order by id').all();

    const blank = await backend.fails('survey:save', { questions: [...same, { id: null, kind: 'score', text: '  ' }] });
    expect(blank.details.fields?.['questions.4.text']?.[0]?.key).toBe('survey.errors.textRequired');
    const many = await backend.fails('survey:save', { questions: [...same, ...Array.from({ length: 7 }, (_, i) => ({ id: null, kind: 'score', text: `问题${i}` }))] });
    expect(many.details.fields?.questions?.[0]).toEqual({ key: 'survey.errors.tooMany', params: { max: 10 } });
    const twice = await backend.fails('survey:save', { questions: [...same, same[0]] });
    expect(twice.details.fields?.['questions.4.id']?.[0]?.key).toBe('survey.errors.duplicate');
    const kind = await backend.fails('survey:save', { questions: [{ ...same[0], kind: 'stars' }] });
    expect(kind.details.fields?.['questions.0.kind']?.[0]?.key).toBe('survey.errors.kind');
    expect((await backend.fails('survey:save', { questions: [{ id: 9999, kind: 'score', text: 'x' }] })).details.fields?.['questions.0.id']?.[0]?.key).toBe('survey.errors.questionMissing');

    // Answered: its kind stays, and it is retired, not removed.
    const s = await desk.seed();
    const t = await desk.resolved(s, [s.techA]);
    await backend.ok('callbacks:record', { ticketId: t.id, reached: true, satisfaction: 4, answers: [{ questionId: list[0]!.id, score: 4 }] });
    const changeKind = await backend.fails('survey:save', { questions: same.map((x, i) => (i === 0 ? { ...x, kind: 'words' } : x)) });
    expect(changeKind.details.fields?.['questions.0.kind']?.[0]).toEqual({ key: 'survey.errors.kindAnswered', params: { count: 1 } });
    const remove = await backend.fails('survey:save', { questions: same.slice(1) });
    expect(remove.details.message).toEqual({ key: 'survey.errors.removeAnswered', params: { count: 1 } });
    // Nothing was half-saved by any of these.
    expect(backend.store.sqlite.prepare('select * from survey_questions order by id').all()).toEqual(before);
    const retired = await backend.ok('survey:save', { questions: same.map((x, i) => (i === 0 ? { ...x, active: false } : x)) });
    expect(retired.find((x) => x.id === list[0]!.id)).toMatchObject({ active: false, answers: 1 });
  });
});

describe('a callback with the survey', () => {
  it('keeps the answers with the callback, in the order of the questions, and shows them on the ticket', async () => {
    const { backend } = desk;
    const q = await questions();
    const s = await desk.seed();
    const t = await desk.resolved(s, [s.techA]);
    const called = await backend.ok('callbacks:record', {
      ticketId: t.id,
      reached: true,
      satisfaction: 5,
      comments: '满意',
      answers: [
        { questionId: q.suggestions!.id, words: '希望遥控器说明书字大一些' },
        { questionId: q.technicianManner!.id, score: 5 },
        { questionId: q.knowsProduct!.id, score: 3 },
        // Not answered: skipped, not refused.
        { questionId: q.meetsNeeds!.id, score: null, words: null },
      ],
    });
    expect(called.status).toBe('calledBack');
    const done = called.callbacks.find((c) => c.doneAt !== null)!;
    expect(done.satisfaction).toBe(5);
    expect(done.answers.map((a) => [a.preset, a.kind, a.score, a.words])).toEqual([
      ['knowsProduct', 'score', 3, null],
      ['technicianManner', 'score', 5, null],
      ['suggestions', 'words', null, '希望遥控器说明书字大一些'],
    ]);
    expect(called.events.find((e) => e.kind === 'callback')?.data).toMatchObject({ satisfaction: 5, answers: 3 });
  });

  it('refuses answers out of range, a score for a words question and words for a scored one, with nothing half-saved', async () => {
    const { backend } = desk;
    const q = await questions();
    const s = await desk.seed();
    const t = await desk.resolved(s, [s.techA]);
    const good = { questionId: q.knowsProduct!.id, score: 4 };
    const base = { ticketId: t.id, reached: true, satisfaction: 4 };
    const cases: [string, unknown, string, string][] = [
      ['a score of 6', { ...base, answers: [good, { questionId: q.meetsNeeds!.id, score: 6 }] }, 'answers.1.score', 'survey.errors.scoreRange'],
      ['a score of 0', { ...base, answers: [{ questionId: q.meetsNeeds!.id, score: 0 }] }, 'answers.0.score', 'survey.errors.scoreRange'],
      ['a score of 2.5', { ...base, answers: [{ questionId: q.meetsNeeds!.id, score: 2.5 }] }, 'answers.0.score', 'survey.errors.scoreRange'],
      ['a score typed as text', { ...base, answers: [{ questionId: q.meetsNeeds!.id, score: '5' }] }, 'answers.0.score', 'survey.errors.scoreRange'],
      ['a score for a words question', { ...base, answers: [good, { questionId: q.suggestions!.id, score: 3 }] }, 'answers.1.score', 'survey.errors.scoreForWords'],
      ['words for a scored question', { ...base, answers: [good, { questionId: q.technicianManner!.id, words: '很好' }] }, 'answers.1.words', 'survey.errors.wordsForScore'],
      ['a score and words together', { ...base, answers: [{ questionId: q.technicianManner!.id, score: 5, words: '很好' }] }, 'answers.0.score', 'survey.errors.scoreAndWords'],
      ['the same question twice', { ...base, answers: [good, good] }, 'answers.1.questionId', 'survey.errors.answeredTwice'],
      ['an unknown question', { ...base, answers: [good, { questionId: 99_999, score: 3 }] }, 'answers.1.questionId', 'survey.errors.questionMissing'],
      ['answers from a customer not reached', { ticketId: t.id, reached: false, answers: [good] }, 'answers.0.questionId', 'survey.errors.notReached'],
    ];
    for (const [name, input, field, key] of cases) {
      const err = await backend.fails('callbacks:record', input);
      expect(err.code, name).toBe('VALIDATION');
      expect(err.details.fields?.[field]?.[0]?.key, name).toBe(key);
    }
    // A retired question is refused too.
    const list = await backend.ok('survey:questions', {});
    await backend.ok('survey:save', { questions: list.map((x) => ({ id: x.id, kind: x.kind, text: x.text, active: x.preset !== 'meetsNeeds' })) });
    const retired = await backend.fails('callbacks:record', { ...base, answers: [good, { questionId: q.meetsNeeds!.id, score: 3 }] });
    expect(retired.details.fields?.['answers.1.questionId']?.[0]?.key).toBe('survey.errors.questionRetired');
    // Nothing of any refused call was kept: no answer, no callback made, the ticket still resolved.
    expect(count('select count(*) as n from callback_answers')).toBe(0);
    expect(count('select count(*) as n from callbacks where done_at is not null')).toBe(0);
    const after = await backend.ok('tickets:get', { id: t.id });
    expect(after.status).toBe('resolved');
    expect(after.events.filter((e) => e.kind === 'callback')).toEqual([]);
  });

  it('leaves a callback recorded without the survey as it was: its single score', async () => {
    const { backend } = desk;
    const s = await desk.seed();
    const t = await desk.resolved(s, [s.techA]);
    const called = await backend.ok('callbacks:record', { ticketId: t.id, reached: true, satisfaction: 3, comments: '一般' });
    expect(called.callbacks.find((c) => c.doneAt !== null)).toMatchObject({ satisfaction: 3, comments: '一般', answers: [] });
  });
});

describe('satisfaction over a period', () => {
  it('counts per technician and per question, each callback for every technician on its ticket, inside the period only', async () => {
    const { backend } = desk;
    const q = await questions();
    const s = await desk.seed();
    const call = async (technicians: number[], input: { reached: boolean; satisfaction?: number; comments?: string; answers?: { questionId: number; score?: number; words?: string }[] }) => {
      const t = await desk.resolved(s, technicians);
      desk.later(60);
      await backend.ok('callbacks:record', { ticketId: t.id, ...input });
      return t;
    };
    // Before the period (September).
    await call([s.techA], { reached: true, satisfaction: 1, answers: [{ questionId: q.technicianManner!.id, score: 1 }] });
    desk.at(2026, 10, 5, 9, 0);
    const first = await call([s.techA], {
      reached: true,
      satisfaction: 5,
      answers: [
        { questionId: q.knowsProduct!.id, score: 4 },
        { questionId: q.technicianManner!.id, score: 5 },
        { questionId: q.suggestions!.id, words: '希望提前电话通知' },
      ],
    });
    desk.at(2026, 10, 12, 9, 0);
    await call([s.techA, s.techB], { reached: true, satisfaction: 2, answers: [{ questionId: q.technicianManner!.id, score: 1 }] });
    desk.at(2026, 10, 31, 19, 0);
    await call([s.techB], { reached: false, comments: '无人接听' });

    const report = await backend.ok('survey:satisfaction', { from: '2026-10-01', to: '2026-10-31' });
    expect(report).toMatchObject({ from: '2026-10-01', to: '2026-10-31', callbacks: 3, reached: 2 });
    expect(report.overall).toEqual({ count: 2, average: 3.5, counts: [0, 1, 0, 0, 1], satisfiedShare: 0.5 });
    expect(report.byQuestion[q.technicianManner!.id]).toEqual({ count: 2, average: 3, counts: [1, 0, 0, 0, 1], satisfiedShare: 0.5, words: 0 });
    expect(report.byQuestion[q.knowsProduct!.id]).toMatchObject({ count: 1, average: 4 });
    expect(report.byQuestion[q.suggestions!.id]).toMatchObject({ count: 0, average: null, words: 1 });
    const [a, b] = [report.technicians.find((x) => x.technicianId === s.techA)!, report.technicians.find((x) => x.technicianId === s.techB)!];
    expect(a).toMatchObject({ name: '李师傅', callbacks: 2, reached: 2, words: 1, overall: { count: 2, average: 3.5 } });
    expect(a.byQuestion[q.technicianManner!.id]).toMatchObject({ count: 2, average: 3 });
    expect(b).toMatchObject({ name: '赵师傅', callbacks: 2, reached: 1, words: 0, overall: { count: 1, average: 2, satisfiedShare: 0 } });
    expect(b.byQuestion[q.knowsProduct!.id]).toBeUndefined();

    // One technician: only the callbacks on their tickets.
    const onlyB = await backend.ok('survey:satisfaction', { from: '2026-10-01', to: '2026-10-31', technicianId: s.techB });
    expect(onlyB).toMatchObject({ callbacks: 2, reached: 1, overall: { count: 1, average: 2 } });
    expect(onlyB.technicians.map((x) => x.name)).toEqual(['赵师傅']);

    // The technician's record: every callback on their tickets, newest first, with its answers.
    const record = await backend.ok('survey:answers', { technicianId: s.techA, from: '2026-10-01', to: '2026-10-31' });
    expect(record.map((r) => r.satisfaction)).toEqual([2, 5]);
    expect(record[1]).toMatchObject({ ticketId: first.id, ticketNumber: first.number, reached: true });
    expect(record[1]!.answers.map((x) => x.score ?? x.words)).toEqual([4, 5, '希望提前电话通知']);

    // An empty period reads as nothing, not as an error.
    expect(await backend.ok('survey:satisfaction', { from: '2026-12-01', to: '2026-12-31' })).toMatchObject({ callbacks: 0, overall: { count: 0, average: null }, technicians: [] });
  });

  it('refuses a period that ends before it starts, a day that does not exist and an unknown technician', async () => {
    const { backend } = desk;
    const order = await backend.fails('survey:satisfaction', { from: '2026-10-31', to: '2026-10-01' });
    expect(order.details.fields?.to?.[0]?.key).toBe('survey.errors.periodOrder');
    expect((await backend.fails('survey:satisfaction', { from: '2026-02-30', to: '2026-03-01' })).details.fields?.from?.[0]?.key).toBe('validation.dateNoSuchDay');
    expect((await backend.fails('survey:answers', { technicianId: 4242, from: '2026-10-01', to: '2026-10-31' })).details.message?.key).toBe('survey.errors.technicianMissing');
    expect((await backend.fails('survey:satisfaction', { technicianId: 4242, from: '2026-10-01', to: '2026-10-31' })).code).toBe('NOT_FOUND');
    expect((await backend.fails('survey:export', { from: '2026-10-31', to: '2026-10-01' })).code).toBe('VALIDATION');
  });

  it('exports the same figures to the workbook the user picks, in the desk language', async () => {
    const { backend } = desk;
    const q = await questions();
    const s = await desk.seed();
    const t = await desk.resolved(s, [s.techA]);
    await backend.ok('callbacks:record', { ticketId: t.id, reached: true, satisfaction: 4, answers: [{ questionId: q.technicianManner!.id, score: 5 }] });
    backend.platform.saveAnswer = join(backend.dir, 'satisfaction.xlsx');
    expect(await backend.ok('survey:export', { from: '2026-09-01', to: '2026-09-30' })).toEqual({ savedTo: backend.platform.saveAnswer, rows: 1 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(backend.platform.saveAnswer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['按技术人员', '按问题']);
    const people = book.worksheets[0]!;
    expect(people.getRow(1).getCell(1).value).toBe('统计期间：2026-09-01 至 2026-09-30');
    expect((people.getRow(2).values as unknown[]).slice(1, 9)).toEqual(['技术人员', '回访', '联系上', '总体满意度', '满意率（%）', '对所购产品的熟知程度', '产品的特性是否符合您的要求', '上门服务人员的态度是否良好']);
    expect((people.getRow(3).values as unknown[]).slice(1, 9)).toEqual(['李师傅', 1, 1, 4, 100, undefined, undefined, 5]);
    const byQuestion = book.worksheets[1]!;
    expect((byQuestion.getRow(3).values as unknown[]).slice(1, 10)).toEqual(['总体满意度', 1, 4, 0, 0, 0, 1, 0, 100]);
    backend.platform.saveAnswer = null;
    expect(await backend.ok('survey:export', { from: '2026-09-01', to: '2026-09-30' })).toEqual({ savedTo: null, rows: 0 });
  });
});
