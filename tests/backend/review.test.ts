import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openReviewDesk, type ReviewDesk } from '../support/review-desk';

/*
 * The supervisor's check (issue 20, point 5; seed 002 step 15): a completed ticket waits for a
 * supervisor's approval before its callback is due, and the callback runs from the approval.
 */

let desk: ReviewDesk;
beforeEach(async () => {
  desk = await openReviewDesk();
});
afterEach(async () => {
  await desk.backend.close();
});

const count = (sql: string, ...params: unknown[]) => (desk.backend.store.sqlite.prepare(sql).get(...params) as { n: number }).n;

describe("the supervisor's check", () => {
  it('is off by default: a resolved ticket has its callback at once and nothing waits', async () => {
    const { backend } = desk;
    expect(await backend.ok('review:settings', {})).toMatchObject({ supervisorCheck: false, waiting: 0 });
    const s = await desk.seed();
    const t = await desk.resolved(s, [s.techA]);
    expect(t.review).toBeNull();
    expect(t.callbacks).toEqual([expect.objectContaining({ dueOn: '2026-09-17', doneAt: null })]);
    expect(await backend.ok('review:waiting', {})).toEqual([]);
    expect((await backend.fails('review:approve', { ticketId: t.id, supervisor: '张主管' })).details.message).toEqual({ key: 'review.errors.notWaiting', params: { number: t.number } });
  });

  it('holds the callback until the approval, lists the wait on the Desk, and counts the callback from the approval', async () => {
    const { backend } = desk;
    await backend.ok('review:configure', { supervisorCheck: true });
    const s = await desk.seed();
    const t = await desk.resolved(s, [s.techA, s.techB]);
    expect(t.status).toBe('resolved');
    expect(t.callbacks).toEqual([]);
    expect(t.review).toMatchObject({ state: 'waiting', since: t.resolvedAt, supervisor: null });
    expect(await backend.ok('callbacks:due', { on: '2026-12-31' })).toEqual([]);

    const waiting = await backend.ok('review:waiting', {});
    expect(waiting).toEqual([expect.objectContaining({ ticketId: t.id, ticketNumber: t.number, technicians: ['李师傅', '赵师傅'], resolvedAt: t.resolvedAt, days: 0 })]);
    expect(waiting[0]!.unitLabel).toContain('格力');

    // While it waits: no callback, no closing; refused with the reason, and nothing changed.
    const callback = await backend.fails('callbacks:record', { ticketId: t.id, reached: true, satisfaction: 5 });
    expect(callback.details.message?.key).toBe('review.errors.callbackWaiting');
    const close = await backend.fails('tickets:transition', { id: t.id, to: 'closed', note: '客户联系不上' });
    expect(close.details.message?.key).toBe('review.errors.closeWaiting');
    expect(close.details.fields?.note?.[0]?.key).toBe('review.errors.closeWaiting');
    expect(count('select count(*) as n from callbacks where ticket_id = ?', t.id)).toBe(0);
    expect((await backend.ok('tickets:get', { id: t.id })).status).toBe('resolved');

    // Two days later the supervisor signs it off: the callback falls due 3 days after that.
    desk.at(2026, 9, 16, 17, 30);
    expect((await backend.ok('review:waiting', {}))[0]?.days).toBe(2);
    const approved = await backend.ok('review:approve', { ticketId: t.id, supervisor: '张主管', remark: '处理规范，配件已核对' });
    expect(approved.review).toMatchObject({ state: 'approved', supervisor: '张主管', remark: '处理规范，配件已核对', who: '王芳', decidedAt: new Date(2026, 8, 16, 17, 30).getTime() });
    expect(approved.callbacks).toEqual([expect.objectContaining({ dueOn: '2026-09-19', doneAt: null })]);
    expect(approved.events.at(-1)).toMatchObject({ kind: 'review', who: '王芳', data: { outcome: 'approved', supervisor: '张主管', note: '处理规范，配件已核对' } });
    expect(await backend.ok('review:waiting', {})).toEqual([]);
    expect((await backend.ok('callbacks:due', { on: '2026-09-19' })).map((c) => c.ticketId)).toEqual([t.id]);

    // A callback typed as made before the approval is refused; after it, the ticket is called back.
    desk.at(2026, 9, 18, 10, 0);
    const early = await backend.fails('callbacks:record', { ticketId: t.id, reached: true, satisfaction: 5, at: new Date(2026, 8, 16, 9, 0).getTime() });
    expect(early.details.fields?.at?.[0]).toEqual({ key: 'review.errors.callbackBeforeApproval', params: { approved: '2026-09-16 17:30' } });
    const called = await backend.ok('callbacks:record', { ticketId: t.id, reached: true, satisfaction: 5 });
    expect(called.status).toBe('calledBack');
    expect(called.review?.state).toBe('approved');
  });

  it('refuses a bad approval with the reason and changes nothing', async () => {
    const { backend } = desk;
    await backend.ok('review:configure', { supervisorCheck: true });
    const s = await desk.seed();
    const t = await desk.resolved(s, [s.techA]);
    const before = count('select count(*) as n from ticket_events where ticket_id = ?', t.id);

    const nameless = await backend.fails('review:approve', { ticketId: t.id, supervisor: '  ' });
    expect(nameless.code).toBe('VALIDATION');
    expect(nameless.details.fields?.supervisor?.[0]?.key).toBe('validation.required');
    const future = await backend.fails('review:approve', { ticketId: t.id, supervisor: '张主管', at: desk.clock.now.getTime() + 3_600_000 });
    expect(future.details.fields?.at?.[0]?.key).toBe('review.errors.approvalInFuture');
    const early = await backend.fails('review:approve', { ticketId: t.id, supervisor: '张主管', at: t.resolvedAt! - 3_600_000 });
    expect(early.details.fields?.at?.[0]).toEqual({ key: 'review.errors.approvalBeforeCompletion', params: { resolved: '2026-09-14 10:20' } });
    expect((await backend.fails('review:approve', { ticketId: 999_999, supervisor: '张主管' })).code).toBe('NOT_FOUND');
    expect((await backend.fails('review:approve', { ticketId: t.id, supervisor: 'x'.repeat(51) })).code).toBe('VALIDATION');
    expect(count('select count(*) as n from ticket_events where ticket_id = ?', t.id)).toBe(before);
    expect((await backend.ok('tickets:get', { id: t.id })).review?.state).toBe('waiting');

    // A time typed earlier than now (the supervisor signed the paper at noon) is kept.
    desk.later(120);
    const at = t.resolvedAt! + 30 * 60_000;
    const approved = await backend.ok('review:approve', { ticketId: t.id, supervisor: '张主管', at });
    expect(approved.review?.decidedAt).toBe(at);
    const twice = await backend.fails('review:approve', { ticketId: t.id, supervisor: '刘主管' });
    expect(twice.details.message).toEqual({ key: 'review.errors.alreadyApproved', params: { supervisor: '张主管', at: '2026-09-14 10:50' } });
    expect((await backend.ok('tickets:get', { id: t.id })).review?.supervisor).toBe('张主管');
  });

  it('switched on, leaves tickets already resolved with their callback; switched off, releases the waiting ones to callback', async () => {
    const { backend } = desk;
    const s = await desk.seed();
    const before = await desk.resolved(s, [s.techA]);
    expect(await backend.ok('review:settings', {})).toMatchObject({ supervisorCheck: false, resolvedUnchecked: 1, waiting: 0 });

    const on = await backend.ok('review:configure', { supervisorCheck: true });
    expect(on).toMatchObject({ supervisorCheck: true, released: 0, waiting: 0, resolvedUnchecked: 1, changedBy: '王芳' });
    const kept = await backend.ok('tickets:get', { id: before.id });
    expect(kept.review).toBeNull();
    expect(kept.callbacks).toEqual([expect.objectContaining({ dueOn: '2026-09-17' })]);
    // Its callback is made as before.
    desk.later(60);
    expect((await backend.ok('callbacks:record', { ticketId: before.id, reached: true, satisfaction: 4 })).status).toBe('calledBack');

    const waits = await desk.resolved(s, [s.techA]);
    const late = await desk.resolved(s, [s.techB]);
    expect((await backend.ok('review:settings', {})).waiting).toBe(2);
    await backend.ok('review:approve', { ticketId: late.id, supervisor: '张主管' });
    // Ten days on, nobody approved the first: switching off sends it to today's callbacks.
    desk.at(2026, 9, 24, 9, 0);
    const again = await backend.ok('review:configure', { supervisorCheck: true });
    expect(again.released).toBe(0);
    const off = await backend.ok('review:configure', { supervisorCheck: false });
    expect(off).toMatchObject({ supervisorCheck: false, released: 1, waiting: 0 });
    const released = await backend.ok('tickets:get', { id: waits.id });
    expect(released.review).toMatchObject({ state: 'waived', decidedAt: desk.clock.now.getTime(), who: '王芳', supervisor: null });
    expect(released.callbacks).toEqual([expect.objectContaining({ dueOn: '2026-09-24', doneAt: null })]);
    expect(released.events.at(-1)).toMatchObject({ kind: 'review', data: { outcome: 'waived' } });
    // The approved one keeps its approval and its own date.
    const approved = await backend.ok('tickets:get', { id: late.id });
    expect(approved.review?.state).toBe('approved');
    expect(approved.callbacks.map((c) => c.dueOn)).toEqual(['2026-09-17']);
    // Closing is possible again, and a ticket resolved now has its callback at once.
    expect((await backend.ok('callbacks:record', { ticketId: waits.id, reached: false, comments: '无人接听' })).status).toBe('resolved');
    const after = await desk.resolved(s, [s.techA]);
    expect(after.review).toBeNull();
    expect(after.callbacks).toHaveLength(1);
  });

  it('is the admin\'s switch: with a PIN set and the desk locked, a clerk cannot turn it off', async () => {
    const { backend } = desk;
    await backend.ok('review:configure', { supervisorCheck: true });
    await backend.ok('session:setPin', { next: '2580' });
    await backend.ok('session:lock', {});
    expect((await backend.fails('review:configure', { supervisorCheck: false })).code).toBe('PIN_REQUIRED');
    expect((await backend.ok('review:settings', {})).supervisorCheck).toBe(true);
    expect((await backend.fails('review:configure', { supervisorCheck: 'no' })).code).toBe('VALIDATION');
  });
});
