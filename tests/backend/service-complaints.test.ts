import { afterEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person } from '../support/sample';

let backend: TestBackend;
// Local times: deadlines in working days end at the desk's local midnight.
let now = new Date(2026, 10, 20, 10, 0);
async function open(at: Date): Promise<TestBackend> {
  now = at;
  backend = await openTestBackend(undefined, () => now);
  return backend;
}
afterEach(async () => {
  await backend.close();
});

const endOfDay = (y: number, m: number, d: number) => new Date(y, m - 1, d, 23, 59, 59, 999).getTime();
const HOUR = 3_600_000;

/** A ticket for an unit not registered yet, reported through the ticket service itself. */
async function reportTicket(customerId: number) {
  return backend.ok('tickets:create', {
    customerId,
    unregisteredUnit: { brand: '格力', model: 'KFR-35GW', serial: null },
    faultReported: '不制冷',
    faultCategory: 'notCooling',
  });
}

const complaint = { channel: 'phone' as const, content: '师傅迟到两小时，态度差' };

describe('complaints', () => {
  it('numbers each complaint and sets the acknowledgement, reply and resolution deadlines across a weekend', async () => {
    // Friday 20 November 2026: the seeds' two working days to reply run over the weekend to
    // Tuesday, the five to resolve to Friday.
    await open(new Date(2026, 10, 20, 10, 0));
    const customer = await backend.ok('customers:create', person());
    const first = await backend.ok('complaints:create', { ...complaint, customerId: customer.id, handler: '王经理' });
    expect(first).toMatchObject({
      number: 'TS-2026-000001',
      customerId: customer.id,
      customerName: '张三',
      ticketId: null,
      receivedAt: now.getTime(),
      answerDue: now.getTime() + HOUR,
      replyDue: endOfDay(2026, 11, 24),
      resolveDue: endOfDay(2026, 11, 27),
      handler: '王经理',
      steps: [],
      answerState: 'onTrack',
      replyState: 'onTrack',
      resolveState: 'onTrack',
    });
    const second = await backend.ok('complaints:create', complaint);
    expect(second.number).toBe('TS-2026-000002');
    expect(second.customerId).toBeNull();
  });

  it('counts a holiday out and a swapped Saturday in', async () => {
    // Wednesday 30 September 2026: National Day runs 1-7 October, so the 2 working days to reply
    // are 8 and 9 October, and the 5 to resolve run on over Saturday the 10th (调休) to the 13th.
    await open(new Date(2026, 8, 30, 16, 0));
    expect(await backend.ok('complaints:create', complaint)).toMatchObject({ replyDue: endOfDay(2026, 10, 9), resolveDue: endOfDay(2026, 10, 13) });
    // Friday 9 October: Saturday the 10th is a swapped working day (调休), Sunday is not.
    now = new Date(2026, 9, 9, 16, 0);
    expect(await backend.ok('complaints:create', complaint)).toMatchObject({ replyDue: endOfDay(2026, 10, 12), resolveDue: endOfDay(2026, 10, 15) });
  });

  it('follows the promises in the settings and the desk\'s own calendar', async () => {
    await open(new Date(2026, 8, 30, 16, 0));
    const settings = await backend.ok('settings:get', {});
    await backend.ok('settings:update', { service: { ...settings.service, complaintAnswer: { amount: 30, unit: 'minutes' }, complaintResolve: { amount: 5, unit: 'workingDays' } } });
    // The desk has corrected 2026 to a year without National Day: 5 working days end on 7 October.
    await backend.ok('calendar:saveYear', { year: 2026, holidays: [], workdays: [] });
    const c = await backend.ok('complaints:create', complaint);
    expect(c.answerDue).toBe(now.getTime() + 30 * 60_000);
    expect(c.resolveDue).toBe(endOfDay(2026, 10, 7));
  });

  it('takes the customer from the ticket, and refuses a ticket that does not exist or is someone else\'s', async () => {
    await open(new Date(2026, 10, 20, 10, 0));
    const customer = await backend.ok('customers:create', person());
    const other = await backend.ok('customers:create', person({ name: '李四', phones: [{ phone: '13900001111' }] }));
    const ticket = await reportTicket(customer.id);
    const ticketId = ticket.id;
    const linked = await backend.ok('complaints:create', { ...complaint, ticketId });
    expect(linked).toMatchObject({ ticketId, ticketNumber: ticket.number, customerId: customer.id, customerName: '张三' });
    const missing = await backend.fails('complaints:create', { ...complaint, ticketId: 999 });
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.details.message).toEqual({ key: 'service.errors.ticketMissing', params: { id: 999 } });
    const mismatch = await backend.fails('complaints:create', { ...complaint, ticketId, customerId: other.id });
    expect(mismatch.details.message).toEqual({ key: 'service.errors.ticketNotCustomers' });
    expect((await backend.ok('complaints:list', { openOnly: false })).map((c) => c.id)).toEqual([linked.id]);
  });

  it('records the first answer once, appends steps with who and when, and keeps what a call leaves out', async () => {
    await open(new Date(2026, 10, 20, 10, 0));
    const settings = await backend.ok('settings:get', {});
    await backend.ok('session:begin', { operator: '小陈' });
    await backend.ok('settings:update', { ...settings, setupDone: true, companyName: '杭州安心', hotline: '0571-88886666' });
    const created = await backend.ok('complaints:create', { ...complaint, handler: '王经理' });
    now = new Date(2026, 10, 20, 10, 40);
    const answered = await backend.ok('complaints:update', { id: created.id, answered: true, step: '电话致歉，约明天重新上门' });
    expect(answered).toMatchObject({ answeredAt: now.getTime(), answerState: 'met', handler: '王经理' });
    expect(answered.steps).toEqual([{ at: now.getTime(), who: '小陈', text: '电话致歉，约明天重新上门' }]);
    const answeredAt = now.getTime();
    now = new Date(2026, 10, 20, 12, 0);
    const later = await backend.ok('complaints:update', { id: created.id, answered: true, step: '已换师傅', resolution: '更换维修人员并免上门费', verdict: 'acceptable' });
    expect(later).toMatchObject({ answeredAt, resolution: '更换维修人员并免上门费', verdict: 'acceptable', handler: '王经理' });
    expect(later.steps.map((s) => s.text)).toEqual(['电话致歉，约明天重新上门', '已换师傅']);
  });

  it('judges a missed first answer as overdue, then as missed once given', async () => {
    await open(new Date(2026, 10, 20, 10, 0));
    const created = await backend.ok('complaints:create', complaint);
    now = new Date(2026, 10, 20, 11, 30);
    expect((await backend.ok('complaints:get', { id: created.id })).answerState).toBe('overdue');
    // Within the last quarter of the two working days the reply is at risk; the resolution is not yet.
    now = new Date(2026, 10, 24, 12, 0);
    expect((await backend.ok('complaints:get', { id: created.id })).replyState).toBe('atRisk');
    expect((await backend.ok('complaints:get', { id: created.id })).resolveState).toBe('onTrack');
    expect((await backend.ok('complaints:update', { id: created.id, answered: true })).answerState).toBe('missed');
  });

  it('needs a resolution to close, then is read-only', async () => {
    await open(new Date(2026, 10, 20, 10, 0));
    const created = await backend.ok('complaints:create', complaint);
    const refused = await backend.fails('complaints:close', { id: created.id });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.details.message).toEqual({ key: 'service.errors.resolutionRequired' });
    expect((await backend.ok('complaints:get', { id: created.id })).closedAt).toBeNull();

    await backend.ok('complaints:update', { id: created.id, resolution: '退还上门费 50 元' });
    now = new Date(2026, 10, 21, 9, 0);
    const closed = await backend.ok('complaints:close', { id: created.id });
    expect(closed).toMatchObject({ closedAt: now.getTime(), resolvedAt: now.getTime(), answeredAt: now.getTime(), repliedAt: now.getTime(), resolveState: 'met', replyState: 'met', answerState: 'missed' });

    const update = await backend.fails('complaints:update', { id: created.id, step: '再次回访' });
    expect(update.code).toBe('CONFLICT');
    expect(update.details.message).toEqual({ key: 'service.errors.complaintClosed', params: { number: created.number } });
    expect((await backend.fails('complaints:close', { id: created.id })).code).toBe('CONFLICT');
    expect(await backend.ok('complaints:get', { id: created.id })).toEqual(closed);
  });

  it('lists open complaints by the resolution they owe, closed ones only when asked', async () => {
    await open(new Date(2026, 10, 23, 10, 0));
    const monday = await backend.ok('complaints:create', complaint);
    now = new Date(2026, 10, 20, 10, 0);
    const friday = await backend.ok('complaints:create', complaint);
    const done = await backend.ok('complaints:create', complaint);
    await backend.ok('complaints:update', { id: done.id, resolution: '已解决' });
    await backend.ok('complaints:close', { id: done.id });
    expect((await backend.ok('complaints:list', {})).map((c) => c.id)).toEqual([friday.id, monday.id]);
    expect((await backend.ok('complaints:list', { openOnly: false })).map((c) => c.id)).toEqual([friday.id, monday.id, done.id]);
    expect((await backend.fails('complaints:get', { id: 999 })).details.message).toEqual({ key: 'service.errors.complaintMissing', params: { id: 999 } });
  });
});

describe('complaint promises as the seeds give them (issue 20, point 8)', () => {
  it('starts with 1 hour to acknowledge, 2 working days to reply (all), 5 to resolve (98%)', async () => {
    await open(new Date(2026, 10, 20, 10, 0));
    const { service } = await backend.ok('settings:get', {});
    expect(service).toMatchObject({
      complaintAnswer: { amount: 1, unit: 'hours' },
      complaintReply: { amount: 2, unit: 'workingDays' },
      complaintResolve: { amount: 5, unit: 'workingDays' },
      complaintShares: { reply: 100, resolve: 98 },
    });
  });

  it('records the reply once, which also acknowledges; the shares met are counted per promise', async () => {
    await open(new Date(2026, 10, 20, 10, 0));
    const a = await backend.ok('complaints:create', complaint);
    const b = await backend.ok('complaints:create', complaint);
    now = new Date(2026, 10, 20, 10, 30);
    const replied = await backend.ok('complaints:update', { id: a.id, replied: true });
    expect(replied).toMatchObject({ answeredAt: now.getTime(), repliedAt: now.getTime(), answerState: 'met', replyState: 'met' });
    now = new Date(2026, 10, 21, 9, 0);
    expect((await backend.ok('complaints:update', { id: a.id, replied: true })).repliedAt).toBe(new Date(2026, 10, 20, 10, 30).getTime());
    // b: acknowledged late, replied after the two working days (Wednesday the 25th).
    await backend.ok('complaints:update', { id: b.id, answered: true });
    now = new Date(2026, 10, 25, 9, 0);
    expect((await backend.ok('complaints:update', { id: b.id, replied: true })).replyState).toBe('missed');
    const shares = await backend.ok('serviceLevels:shares', { from: '2026-11-20', to: '2026-11-20' });
    expect(shares.complaints).toEqual({
      count: 2,
      rows: [
        { milestone: 'ack', promised: null, judged: 2, met: 1, share: 50, kept: null },
        { milestone: 'reply', promised: 100, judged: 2, met: 1, share: 50, kept: false },
        // Neither resolved, and 5 working days (to the 27th) not yet past: nothing judged.
        { milestone: 'resolve', promised: 98, judged: 0, met: 0, share: null, kept: null },
      ],
    });
  });

  it('refuses a share out of range in the rules, and saves nothing of them', async () => {
    await open(new Date(2026, 10, 20, 10, 0));
    const { service } = await backend.ok('settings:get', {});
    const error = await backend.fails('settings:update', { service: { ...service, callbackDays: 7, complaintShares: { reply: 0, resolve: 98 } } });
    expect(error.details.fields?.['service.complaintShares.reply']).toEqual([{ key: 'hours.errors.shareRange' }]);
    expect((await backend.ok('settings:get', {})).service).toEqual(service);
  });
});
