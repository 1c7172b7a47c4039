import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIN_PT } from '../../electron/backend/documents/kit/layout';
import { openTestBackend, type TestBackend } from '../support/backend';
import { readPdf, smallestType } from '../support/pdf-read';
import { person, phoneTicket, seedModel } from '../support/sample';

/*
 * The call log (issue 20, point 1) on a real database: a call logged in one request, a repair
 * ticket solved on the phone straight from answered (resolved, never cancelled, with its callback),
 * refused once someone was sent, and the week's summary on screen, on paper and in Excel.
 */

let backend: TestBackend;
let clock: Date;
/** A local time, as the desk's clock reads it (the week's bounds are local days). */
const at = (s: string) => new Date(s);

beforeEach(async () => {
  // Wednesday 25 November 2026: the week runs Monday the 23rd to Sunday the 29th.
  clock = at('2026-11-25T09:00:00');
  backend = await openTestBackend(undefined, () => clock);
  await backend.ok('session:begin', { operator: '王芳' });
  await backend.ok('settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234' });
});
afterEach(async () => {
  await backend.close();
});

let model: Awaited<ReturnType<typeof seedModel>> | null;
beforeEach(() => {
  model = null;
});

async function customerWithUnit(name = '王小明', serial = 'GL2026A0001') {
  model ??= await seedModel(backend);
  const customer = await backend.ok('customers:create', person({ name }));
  const unit = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial, purchaseDate: '2026-03-01' });
  return { customer, unit, model };
}

const callCount = () => (backend.store.sqlite.prepare('select count(*) as n from calls').get() as { n: number }).n;

describe('logging a call', () => {
  it('logs a customer on file with their unit, or a stranger by number alone, and lists the day newest first', async () => {
    const { customer, unit } = await customerWithUnit();
    const first = await backend.ok('calls:log', { customerId: customer.id, unitId: unit.id, purpose: 'consultation', outcome: 'solvedByPhone', notes: '遥控器如何设置睡眠模式' });
    expect(first).toMatchObject({ customerName: '王小明', unitLabel: '格力 KFR-35GW GL2026A0001', purpose: 'consultation', outcome: 'solvedByPhone', day: '2026-11-25', createdBy: '王芳' });
    clock = at('2026-11-25T09:05:00');
    const stranger = await backend.ok('calls:log', { callerPhone: '138 1234 5678', purpose: 'other', outcome: 'callBack' });
    expect([stranger.customerId, stranger.callerName, stranger.callerPhone]).toEqual([null, null, '13812345678']);
    expect((await backend.ok('calls:day', {})).calls.map((c) => c.id)).toEqual([stranger.id, first.id]);
    expect(await backend.ok('calls:day', { day: '2026-11-24' })).toEqual({ day: '2026-11-24', calls: [], total: 0, solvedByPhone: 0 });
    expect(await backend.ok('calls:day', {})).toMatchObject({ day: '2026-11-25', total: 2, solvedByPhone: 1 });
  });

  it('refuses a call with no caller, a unit or ticket of another customer, a missing record, a wrong outcome, saving nothing', async () => {
    const { customer } = await customerWithUnit();
    const other = await customerWithUnit('李四', 'GL2026A0002');
    const theirTicket = await backend.ok('tickets:create', phoneTicket(other.customer.id, { unitId: other.unit.id }));
    const before = callCount();

    const noCaller = await backend.fails('calls:log', { callerName: '  ', callerPhone: '', purpose: 'repair', outcome: 'other' });
    expect(noCaller.code).toBe('VALIDATION');
    expect(noCaller.details.fields?.callerName?.[0]?.key).toBe('calls.errors.noCaller');

    const notTheirs = await backend.fails('calls:log', { customerId: customer.id, unitId: other.unit.id, purpose: 'repair', outcome: 'other' });
    expect(notTheirs.details.message).toEqual({ key: 'calls.errors.unitNotCustomers', params: { serial: 'GL2026A0002' } });
    const ticketNotTheirs = await backend.fails('calls:log', { customerId: customer.id, ticketId: theirTicket.id, purpose: 'repair', outcome: 'ticketOpened' });
    expect(ticketNotTheirs.details.message).toEqual({ key: 'calls.errors.ticketNotCustomers', params: { number: theirTicket.number } });
    const gone = await backend.fails('calls:log', { customerId: 9999, purpose: 'repair', outcome: 'other' });
    expect([gone.code, gone.details.message?.key]).toEqual(['NOT_FOUND', 'calls.errors.customerMissing']);
    const wrongOutcome = await backend.fails('calls:log', { customerId: customer.id, purpose: 'consultation', outcome: 'complaintRecorded' });
    expect(wrongOutcome.details.message?.key).toBe('calls.errors.complaintOutcome');
    const badPurpose = await backend.fails('calls:log', { customerId: customer.id, purpose: 'sales', outcome: 'other' });
    expect(badPurpose.code).toBe('VALIDATION');
    const badPhone = await backend.fails('calls:log', { callerPhone: 'abc', purpose: 'other', outcome: 'other' });
    expect(badPhone.code).toBe('VALIDATION');

    expect(callCount()).toBe(before);
  });
});

describe('solved on the phone', () => {
  it('logs a phone repair as a call that opened a ticket, and turns that same call into solved on the phone', async () => {
    const { customer, unit } = await customerWithUnit();
    const ticket = await backend.ok('tickets:create', phoneTicket(customer.id, { unitId: unit.id }));
    expect((await backend.ok('calls:day', {})).calls.map((c) => [c.purpose, c.outcome, c.ticketNumber])).toEqual([['repair', 'ticketOpened', ticket.number]]);
    await backend.ok('tickets:transition', { id: ticket.id, to: 'answered' });
    clock = at('2026-11-25T09:12:00');

    const solved = await backend.ok('calls:solveTicket', { ticketId: ticket.id, advice: '请把温度调到 26 度，清洗过滤网后重新开机' });
    expect(solved.status).toBe('resolved');
    expect(solved.solvedByPhone).toBe(true);
    expect(solved.action).toBe('请把温度调到 26 度，清洗过滤网后重新开机');
    expect(solved.cancelledAt).toBeNull();
    expect(solved.resolvedAt).toBe(clock.getTime());
    // Nobody was to come: no arrival promised or missed; the fix is done.
    expect(solved.deadlines.map((d) => d.milestone)).not.toContain('arrival');
    expect(solved.deadlines.find((d) => d.milestone === 'fix')?.doneAt).toBe(clock.getTime());
    // It takes its callback like any other resolved ticket (3 days by default).
    expect(solved.callbacks.map((c) => c.dueOn)).toEqual(['2026-11-28']);
    // One conversation, one call.
    const calls = (await backend.ok('calls:day', {})).calls;
    expect(calls.map((c) => [c.outcome, c.notes, c.ticketId])).toEqual([['solvedByPhone', '请把温度调到 26 度，清洗过滤网后重新开机', ticket.id]]);

    // On its day the Desk lists the callback like any other.
    clock = at('2026-11-28T09:00:00');
    expect((await backend.ok('desk:board', {})).callbacksDue.map((c) => c.ticketNumber)).toEqual([ticket.number]);
  });

  it('goes through the ticket move as well, and a later day logs a call of its own', async () => {
    const { customer } = await customerWithUnit();
    const ticket = await backend.ok('tickets:create', phoneTicket(customer.id));
    await backend.ok('tickets:transition', { id: ticket.id, to: 'answered' });
    // The advice is the move's note; without it the move is refused and nothing changes.
    const bare = await backend.fails('tickets:transition', { id: ticket.id, to: 'resolved' });
    expect(bare.details.message?.key).toBe('calls.errors.adviceNeeded');
    expect((await backend.ok('tickets:get', { id: ticket.id })).status).toBe('answered');

    clock = at('2026-11-26T10:00:00');
    const solved = await backend.ok('tickets:transition', { id: ticket.id, to: 'resolved', note: '断电重启后恢复' });
    expect([solved.status, solved.solvedByPhone, solved.action]).toEqual(['resolved', true, '断电重启后恢复']);
    expect((await backend.ok('calls:day', { day: '2026-11-25' })).calls.map((c) => c.outcome)).toEqual(['ticketOpened']);
    expect((await backend.ok('calls:day', {})).calls.map((c) => [c.outcome, c.ticketId])).toEqual([['solvedByPhone', ticket.id]]);
  });

  it('refuses a ticket already dispatched, or finished, with the reason, changing nothing', async () => {
    const { customer, unit } = await customerWithUnit();
    const tech = await backend.ok('technicians:create', { name: '张师傅', phone: '13900001111', skills: [] });
    const ticket = await backend.ok('tickets:create', phoneTicket(customer.id, { unitId: unit.id }));
    await backend.ok('tickets:assign', { id: ticket.id, technicianIds: [tech.id] });
    await backend.ok('tickets:transition', { id: ticket.id, to: 'answered' });
    await backend.ok('tickets:transition', { id: ticket.id, to: 'dispatched' });
    const before = callCount();

    const sent = await backend.fails('calls:solveTicket', { ticketId: ticket.id, advice: '重启' });
    expect(sent.details.message).toEqual({ key: 'calls.errors.ticketDispatched', params: { number: ticket.number, status: 'dispatched' } });
    const after = await backend.ok('tickets:get', { id: ticket.id });
    expect([after.status, after.solvedByPhone, after.action]).toEqual(['dispatched', false, null]);
    expect(callCount()).toBe(before);

    const empty = await backend.fails('calls:solveTicket', { ticketId: ticket.id, advice: '   ' });
    expect(empty.details.fields?.advice?.[0]?.key).toBe('calls.errors.adviceNeeded');

    const other = await backend.ok('tickets:create', phoneTicket(customer.id));
    await backend.ok('tickets:transition', { id: other.id, to: 'cancelled', note: '客户自行解决' });
    const finished = await backend.fails('calls:solveTicket', { ticketId: other.id, advice: '重启' });
    expect(finished.details.message).toEqual({ key: 'calls.errors.ticketFinished', params: { number: other.number, status: 'cancelled' } });
    const missing = await backend.fails('calls:solveTicket', { ticketId: 9999, advice: '重启' });
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('solves a new ticket too, answering it first', async () => {
    const { customer } = await customerWithUnit();
    const ticket = await backend.ok('tickets:create', phoneTicket(customer.id));
    const solved = await backend.ok('calls:solveTicket', { ticketId: ticket.id, advice: '检查电源插座' });
    expect([solved.status, solved.solvedByPhone]).toEqual(['resolved', true]);
    expect(solved.answeredAt).not.toBeNull();
  });
});

describe("the week's summary", () => {
  /** Calls over two weeks: Monday 23 to Sunday 29 November is the week asked for. */
  async function week() {
    const { customer, unit } = await customerWithUnit();
    const log = async (when: string, purpose: string, outcome: string) => {
      clock = at(when);
      await backend.ok('calls:log', { customerId: customer.id, unitId: unit.id, purpose: purpose as 'repair', outcome: outcome as 'other' });
    };
    await log('2026-11-22T23:59:00', 'consultation', 'solvedByPhone'); // the Sunday before: not this week
    await log('2026-11-23T00:00:00', 'consultation', 'solvedByPhone');
    await log('2026-11-23T10:00:00', 'repair', 'solvedByPhone');
    await log('2026-11-24T10:00:00', 'repair', 'solvedByPhone');
    await log('2026-11-24T11:00:00', 'complaint', 'complaintRecorded');
    clock = at('2026-11-25T08:00:00');
    const ticket = await backend.ok('tickets:create', phoneTicket(customer.id, { unitId: unit.id })); // repair, ticket opened
    await log('2026-11-29T23:59:00', 'other', 'callBack');
    await log('2026-11-30T00:00:00', 'repair', 'solvedByPhone'); // the Monday after
    return { ticket };
  }

  it('counts by purpose and outcome and by day, the share solved on the phone against the target, the tickets opened', async () => {
    await week();
    const s = await backend.ok('calls:week', { weekOf: '2026-11-26' });
    expect([s.from, s.to, s.total]).toEqual(['2026-11-23', '2026-11-29', 6]);
    expect(s.byPurpose).toEqual({ repair: 3, consultation: 1, complaint: 1, other: 1 });
    expect(s.byOutcome).toEqual({ solvedByPhone: 3, ticketOpened: 1, complaintRecorded: 1, callBack: 1, other: 0 });
    expect(s.grid.repair).toEqual({ solvedByPhone: 2, ticketOpened: 1, complaintRecorded: 0, callBack: 0, other: 0 });
    expect(s.days.map((d) => [d.day, d.total, d.solvedByPhone])).toEqual([
      ['2026-11-23', 2, 2],
      ['2026-11-24', 2, 1],
      ['2026-11-25', 1, 0],
      ['2026-11-26', 0, 0],
      ['2026-11-27', 0, 0],
      ['2026-11-28', 0, 0],
      ['2026-11-29', 1, 0],
    ]);
    expect([s.solvedByPhone, s.phoneSharePct, s.phoneTargetPct, s.ticketsOpened]).toEqual([3, 50, 80, 1]);
    // A Sunday and a Monday each find their own week.
    expect((await backend.ok('calls:week', { weekOf: '2026-11-29' })).from).toBe('2026-11-23');
    expect((await backend.ok('calls:week', { weekOf: '2026-11-30' })).total).toBe(1);
    const empty = await backend.ok('calls:week', { weekOf: '2026-01-07' });
    expect([empty.total, empty.phoneSharePct]).toEqual([0, null]);
  });

  it('keeps the target as set, refusing one out of range', async () => {
    expect(await backend.ok('calls:rules', {})).toEqual({ phoneTargetPct: 80 });
    for (const bad of [0, 101, 80.5, '90']) {
      const refused = await backend.fails('calls:setRules', { phoneTargetPct: bad });
      expect(refused.code).toBe('VALIDATION');
    }
    expect((await backend.fails('calls:setRules', { phoneTargetPct: 0 })).details.fields?.phoneTargetPct?.[0]?.key).toBe('calls.errors.target');
    expect(await backend.ok('calls:rules', {})).toEqual({ phoneTargetPct: 80 });
    await backend.ok('calls:setRules', { phoneTargetPct: 90 });
    expect((await backend.ok('calls:week', {})).phoneTargetPct).toBe(90);
  });

  it('prints the summary, archived and numbered, in both languages and sizes', async () => {
    await week();
    clock = at('2026-11-30T09:00:00');
    const zh = await backend.ok('documents:callSummary', { weekOf: '2026-11-25', paper: 'A4', language: 'zh-CN' });
    expect(zh.number).toMatch(/^DHZ-2026-\d+$/);
    const pdfOf = async (id: number) => Buffer.from((await backend.ok('documents:content', { id })).base64, 'base64');
    const zhPages = await readPdf(await pdfOf(zh.id));
    expect(zhPages).toHaveLength(1);
    const zhText = zhPages.map((p) => p.text).join('');
    for (const expected of ['来电周汇总', zh.number, '2026-11-23至2026-11-29', '电话解决率', '50%', '未达目标80%', '咨询', '已记投诉']) expect(zhText).toContain(expected);
    expect(smallestType(zhPages).size).toBeGreaterThanOrEqual(MIN_PT - 0.05);

    const en = await backend.ok('documents:callSummary', { weekOf: '2026-11-25', paper: 'A5', language: 'en' });
    expect(en.number).not.toBe(zh.number);
    const enPages = await readPdf(await pdfOf(en.id));
    const enText = enPages.map((p) => p.text).join('');
    for (const expected of ['Weeklycallsummary', 'Sharesolvedonthephone', 'Belowthetargetof80%', 'Consultation']) expect(enText).toContain(expected);
    expect(smallestType(enPages).size).toBeGreaterThanOrEqual(MIN_PT - 0.05);

    const archived = await backend.ok('documents:list', { kind: 'callSummary' });
    expect(archived.map((d) => d.number).sort()).toEqual([zh.number, en.number].sort());
    expect(archived.find((d) => d.id === zh.id)?.title).toBe('来电周汇总 2026-11-23 至 2026-11-29');
    const bad = await backend.fails('documents:callSummary', { weekOf: '2026-13-01', paper: 'C241', language: 'en' });
    expect(bad.code).toBe('VALIDATION');
  });

  it('exports the week to Excel: the summary laid out as on paper, and every call of the week', async () => {
    const { ticket } = await week();
    backend.platform.saveAnswer = join(backend.dir, 'calls.xlsx');
    const result = await backend.ok('calls:export', { weekOf: '2026-11-23' });
    expect(result).toEqual({ savedTo: backend.platform.saveAnswer, rows: 6 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(backend.platform.saveAnswer);
    const [summary, list] = workbook.worksheets;
    expect(summary!.name).toBe('汇总');
    const cells = (row: number) => (summary!.getRow(row).values as unknown[]).slice(1);
    expect(cells(5)).toEqual(['电话解决率', 0.5]);
    expect(cells(6)).toEqual(['目标', 0.8]);
    expect(cells(3)).toEqual(['合计', 6]);
    expect(cells(7)).toEqual(['开出工单', 1]);
    expect(list!.rowCount).toBe(7);
    expect((list!.getRow(4).values as unknown[]).slice(1)).toEqual(expect.arrayContaining(['王小明', '报修', '电话解决']));
    expect((list!.getRow(6).values as unknown[])).toContain(ticket.number);
    backend.platform.saveAnswer = null;
    expect(await backend.ok('calls:export', {})).toEqual({ savedTo: null, rows: 0 });
  });
});
