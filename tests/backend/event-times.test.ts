import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n';
import type { TicketDetail } from '../../shared/schemas/ticket';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person, seedModel } from '../support/sample';

/*
 * Arrivals, completions and callbacks recorded after the fact (issue 13, part 5): the time typed
 * is checked, kept as when it happened beside when it was entered, and the promises are judged
 * by it.
 */

/** Local time on this PC on Friday 2026-09-18 (or another day of September), as the desk reads a clock. */
const sep = (day: number, h: number, min = 0) => new Date(2026, 8, day, h, min).getTime();

let clock = new Date(sep(18, 14));
let backend: TestBackend;

beforeEach(async () => {
  clock = new Date(sep(18, 14));
  shared = null;
  backend = await openTestBackend(undefined, () => clock);
  await backend.ok('session:begin', { operator: '王芳' });
});
afterEach(async () => {
  await backend.close();
});

const setClock = (ms: number) => {
  clock = new Date(ms);
};

let shared: { modelId: number; techId: number } | null = null;

/** An urban customer's ordinary fault reported at 14:00: answer by 14:30, on site by 16:00, fixed 4 h after arrival. */
async function dispatchedTicket(): Promise<TicketDetail> {
  setClock(sep(18, 14));
  shared ??= {
    modelId: (await seedModel(backend)).id,
    techId: (await backend.ok('technicians:create', { name: '李师傅', phone: '13900001111' })).id,
  };
  const customer = await backend.ok('customers:create', person({ region: 'urban' }));
  const unit = await backend.ok('units:create', { customerId: customer.id, modelId: shared.modelId, serial: `SN${Math.random().toString(36).slice(2, 10).toUpperCase()}`, purchaseDate: '2026-05-01', acceptanceDate: '2026-05-01' });
  const ticket = await backend.ok('tickets:create', { customerId: customer.id, unitId: unit.id, faultReported: '开机后不制冷', faultCategory: 'notCooling' });
  setClock(sep(18, 14, 5));
  await backend.ok('tickets:transition', { id: ticket.id, to: 'answered' });
  await backend.ok('tickets:assign', { id: ticket.id, technicianIds: [shared.techId] });
  return backend.ok('tickets:transition', { id: ticket.id, to: 'dispatched' });
}

async function resolvedTicket(arrived = sep(18, 15, 30), completed = sep(18, 17, 10)): Promise<TicketDetail> {
  const t = await dispatchedTicket();
  setClock(sep(18, 18));
  await backend.ok('tickets:transition', { id: t.id, to: 'onSite', at: arrived });
  await backend.ok('tickets:recordWork', { id: t.id, action: '更换启动电容' });
  setClock(sep(18, 20, 30));
  return backend.ok('tickets:transition', { id: t.id, to: 'resolved', at: completed });
}

const state = (t: TicketDetail, milestone: string) => t.deadlines.find((d) => d.milestone === milestone)?.state;
const due = (t: TicketDetail, milestone: string) => t.deadlines.find((d) => d.milestone === milestone)?.due;
const lastStatusEvent = (t: TicketDetail) => t.events.filter((e) => e.kind === 'status').at(-1)!;

const zh = translator('zh-CN');
const en = translator('en');

/** Refused under `at` with `key`, the sentence naming the time in both languages, and nothing on the ticket changed. */
async function expectRefused(channel: 'tickets:transition' | 'callbacks:record', input: Record<string, unknown>, ticketId: number, key: string, texts: [string, string]) {
  const before = await backend.ok('tickets:get', { id: ticketId });
  const error = await backend.fails(channel, input);
  expect(error.code).toBe('VALIDATION');
  expect(error.details.message?.key).toBe(`ticketing.errors.${key}`);
  expect(error.details.fields?.at).toEqual([error.details.message]);
  const params = error.details.message?.params ?? {};
  expect([zh(error.details.message!.key, params), en(error.details.message!.key, params)]).toEqual(texts);
  expect(await backend.ok('tickets:get', { id: ticketId })).toEqual(before);
}

describe('an arrival recorded after the fact', () => {
  it('counts as on time when it was in fact on time: the arrival promise met, the fix counted from the real arrival', async () => {
    const late = await dispatchedTicket();
    const typed = await dispatchedTicket();
    // 18:24: both tickets are past their 16:00 arrival promise on the desk board.
    setClock(sep(18, 18, 24));
    const overdue = (await backend.ok('desk:board', {})).overdue.map((r) => r.id);
    expect(overdue).toEqual(expect.arrayContaining([late.id, typed.id]));

    // The technician phoned at 15:30 from the site; the desk records it now, with that time.
    const arrived = await backend.ok('tickets:transition', { id: typed.id, to: 'onSite', at: sep(18, 15, 30) });
    expect(arrived.arrivedAt).toBe(sep(18, 15, 30));
    expect(state(arrived, 'arrival')).toBe('met');
    expect(due(arrived, 'fix')).toBe(sep(18, 19, 30));
    expect(state(arrived, 'fix')).toBe('onTrack');
    // Stamped when clicked, the same arrival would read as late.
    const clicked = await backend.ok('tickets:transition', { id: late.id, to: 'onSite' });
    expect(clicked.arrivedAt).toBe(sep(18, 18, 24));
    expect(state(clicked, 'arrival')).toBe('missed');
    expect(due(clicked, 'fix')).toBe(sep(18, 22, 24));

    const board = await backend.ok('desk:board', {});
    expect(board.overdue.map((r) => r.id)).not.toContain(typed.id);
    expect(board.atRisk.map((r) => r.id)).not.toContain(typed.id);
    const listed = await backend.ok('tickets:list', { scope: 'open' });
    expect(listed.rows.find((r) => r.id === typed.id)?.nextDeadline).toMatchObject({ milestone: 'fix', due: sep(18, 19, 30) });
  });

  it('keeps when it happened and when it was entered on the timeline event', async () => {
    const t = await dispatchedTicket();
    setClock(sep(18, 18, 24));
    const arrived = await backend.ok('tickets:transition', { id: t.id, to: 'onSite', at: sep(18, 15, 30) });
    expect(lastStatusEvent(arrived)).toMatchObject({ from: 'dispatched', to: 'onSite', at: sep(18, 15, 30), enteredAt: sep(18, 18, 24), who: '王芳' });
    // The ticket was changed now, whatever time the arrival carries.
    expect(arrived.updatedAt).toBe(sep(18, 18, 24));
    // A move without a typed time happened when it was entered.
    const dispatched = arrived.events.find((e) => e.to === 'dispatched')!;
    expect(dispatched.enteredAt).toBe(dispatched.at);
  });

  it('takes a time a few minutes ahead of the PC clock, and one typed in the report’s own minute', async () => {
    const ahead = await dispatchedTicket();
    expect((await backend.ok('tickets:transition', { id: ahead.id, to: 'onSite', at: clock.getTime() + 4 * 60_000 })).arrivedAt).toBe(clock.getTime() + 4 * 60_000);
    const t = await dispatchedTicket();
    // Reported at 14:00:00 plus 30 s: "14:00" typed is that minute, stored no earlier than the report.
    await backend.store.sqlite.prepare('update tickets set reported_at = reported_at + 30000 where id = ?').run(t.id);
    const same = await backend.ok('tickets:transition', { id: t.id, to: 'onSite', at: sep(18, 14) });
    expect(same.arrivedAt).toBe(sep(18, 14) + 30_000);
  });

  it('is refused in the future (beyond 5 minutes) and before the report, changing nothing', async () => {
    const t = await dispatchedTicket();
    setClock(sep(18, 18, 24));
    await expectRefused('tickets:transition', { id: t.id, to: 'onSite', at: sep(18, 18, 30) }, t.id, 'eventInFuture', [
      '到场时间不能晚于现在（本机时间 2026-09-18 18:24）',
      'Arrival time cannot be later than now (2026-09-18 18:24 on this PC)',
    ]);
    await expectRefused('tickets:transition', { id: t.id, to: 'onSite', at: sep(18, 13, 59) }, t.id, 'eventBeforeReport', [
      '到场时间不能早于报修时间（2026-09-18 14:00）',
      'Arrival time cannot be before the report (2026-09-18 14:00)',
    ]);
    const after = await backend.ok('tickets:get', { id: t.id });
    expect([after.status, after.arrivedAt]).toEqual(['dispatched', null]);
  });
});

describe('a completion recorded after the fact', () => {
  it('is judged by its real time: fixed within 4 h of the real arrival is met though entered later', async () => {
    const t = await resolvedTicket(sep(18, 15, 30), sep(18, 19, 10));
    expect(t.resolvedAt).toBe(sep(18, 19, 10));
    expect(state(t, 'fix')).toBe('met');
    expect(lastStatusEvent(t)).toMatchObject({ to: 'resolved', at: sep(18, 19, 10), enteredAt: sep(18, 20, 30) });
    // The callback is booked from the day of the real completion.
    expect(t.callbacks.map((c) => c.dueOn)).toEqual(['2026-09-21']);
  });

  it('is refused before the arrival and in the future, changing nothing', async () => {
    const t = await dispatchedTicket();
    setClock(sep(18, 18, 24));
    await backend.ok('tickets:transition', { id: t.id, to: 'onSite', at: sep(18, 15, 30) });
    await backend.ok('tickets:recordWork', { id: t.id, action: '更换启动电容' });
    await expectRefused('tickets:transition', { id: t.id, to: 'resolved', at: sep(18, 15, 0) }, t.id, 'completionBeforeArrival', [
      '完工时间不能早于到场时间（2026-09-18 15:30）',
      'Completion time cannot be before the arrival (2026-09-18 15:30)',
    ]);
    await expectRefused('tickets:transition', { id: t.id, to: 'resolved', at: sep(19, 9) }, t.id, 'eventInFuture', [
      '完工时间不能晚于现在（本机时间 2026-09-18 18:24）',
      'Completion time cannot be later than now (2026-09-18 18:24 on this PC)',
    ]);
    const after = await backend.ok('tickets:get', { id: t.id });
    expect([after.status, after.resolvedAt, after.callbacks]).toEqual(['onSite', null, []]);
  });
});

describe('a callback recorded after the fact', () => {
  it('keeps the time of the call on the callback, the timeline and the move to called back', async () => {
    const t = await resolvedTicket();
    setClock(sep(21, 17, 45));
    const called = await backend.ok('callbacks:record', { ticketId: t.id, reached: true, satisfaction: 5, at: sep(21, 10, 15) });
    expect(called.status).toBe('calledBack');
    expect(called.callbacks.map((c) => [c.doneAt, c.reached])).toEqual([[sep(21, 10, 15), true]]);
    expect(called.events.filter((e) => e.kind === 'callback' || e.to === 'calledBack').map((e) => [e.kind, e.at, e.enteredAt])).toEqual([
      ['callback', sep(21, 10, 15), sep(21, 17, 45)],
      ['status', sep(21, 10, 15), sep(21, 17, 45)],
    ]);
  });

  it('not reached: the next try is due the day after the call, not after the day it was entered', async () => {
    const t = await resolvedTicket();
    setClock(sep(22, 9));
    const tried = await backend.ok('callbacks:record', { ticketId: t.id, reached: false, at: sep(20, 16) });
    expect(tried.callbacks.map((c) => [c.dueOn, c.doneAt])).toEqual([
      ['2026-09-21', sep(20, 16)],
      ['2026-09-21', null],
    ]);
  });

  it('is refused before the completion and in the future, changing nothing', async () => {
    const t = await resolvedTicket();
    setClock(sep(21, 17, 45));
    await expectRefused('callbacks:record', { ticketId: t.id, reached: true, satisfaction: 5, at: sep(18, 16) }, t.id, 'callbackBeforeCompletion', [
      '回访时间不能早于完工时间（2026-09-18 17:10）',
      'Callback time cannot be before the completion (2026-09-18 17:10)',
    ]);
    await expectRefused('callbacks:record', { ticketId: t.id, reached: false, at: sep(21, 18) }, t.id, 'eventInFuture', [
      '回访时间不能晚于现在（本机时间 2026-09-21 17:45）',
      'Callback time cannot be later than now (2026-09-21 17:45 on this PC)',
    ]);
  });

  it('a close sent with a time before the completion is refused, changing nothing', async () => {
    const t = await resolvedTicket();
    setClock(sep(21, 17, 45));
    await expectRefused('tickets:transition', { id: t.id, to: 'closed', note: '联系不上', at: sep(18, 16) }, t.id, 'closeBeforeCompletion', [
      '关闭时间不能早于完工时间（2026-09-18 17:10）',
      'Closing time cannot be before the completion (2026-09-18 17:10)',
    ]);
  });

  it('refuses a time that is no moment at all by the schema, with a translated message', async () => {
    const t = await resolvedTicket();
    const error = await backend.fails('callbacks:record', { ticketId: t.id, reached: false, at: 1_000 });
    expect(error.details.fields?.at?.[0]?.key).toBe('validation.momentTooEarly');
  });
});

describe('the history of a ticket with times typed after the fact', () => {
  it('lists events in the order they were entered, a call taken earlier carrying both its times', async () => {
    const t = await dispatchedTicket();
    setClock(sep(18, 18, 24));
    const arrived = await backend.ok('tickets:transition', { id: t.id, to: 'onSite', at: sep(18, 15, 30) });
    expect(arrived.events.map((e) => e.to ?? e.kind)).toEqual(['new', 'answered', 'assigned', 'dispatched', 'onSite']);
    const customer = await backend.ok('customers:create', person({ name: '李四', phones: [{ phone: '13900002222' }] }));
    const earlier = await backend.ok('tickets:create', { customerId: customer.id, unregisteredUnit: { brand: '美的', model: 'KFR-26GW' }, faultReported: '不制热', faultCategory: 'notCooling', reportedAt: sep(18, 9, 15) });
    expect(earlier.events).toMatchObject([{ kind: 'created', at: sep(18, 9, 15), enteredAt: sep(18, 18, 24) }]);
  });
});
