import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SEED_DUTY_HOURS, type DutyHours } from '../../shared/domain/duty-hours';
import { STANDARD_TERMS, type Duration, type ServiceLevelTerms, type TargetTable } from '../../shared/domain/sla';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person, phoneTicket } from '../support/sample';
import { translator } from '../../shared/i18n';

/*
 * Deadlines by the hour (issue 20, point 7) on a real database: duty hours pick the targets by the
 * hour a call came in, across midnight, weekends and holidays; bad duty hours are refused whole;
 * levels saved before keep today's deadlines; the share of each promise met over a period.
 */

let backend: TestBackend;
let now = new Date(2026, 3, 3, 23, 59);
async function open(at: Date): Promise<TestBackend> {
  now = at;
  backend = await openTestBackend(undefined, () => now);
  await backend.ok('session:begin', { operator: '王芳' });
  return backend;
}
afterEach(async () => {
  await backend.close();
});

const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const endOfDay = (y: number, m: number, d: number) => new Date(y, m - 1, d, 23, 59, 59, 999).getTime();
const count = (table: string) => (backend.store.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

const d = (amount: number, unit: Duration['unit']): Duration => ({ amount, unit });
/** Every region and severity the same: the figures under test stand out. */
function table(answer: Duration, arrival: Duration, fix: Duration): TargetTable {
  const row = { ordinary: { answer, arrival, fix }, major: { answer, arrival, fix }, emergency: { answer, arrival, fix } };
  return { urban: row, suburban: row, other: row };
}

/** The seeds' duty desk: "on site within 4 h in working hours, 6 h outside", staffed 08:00–24:00. */
const DUTY_TERMS: ServiceLevelTerms = {
  targets: table(d(30, 'minutes'), d(4, 'hours'), d(1, 'workingDays')),
  loaner: d(48, 'hours'),
  duty: { hours: SEED_DUTY_HOURS, outside: table(d(1, 'hours'), d(6, 'hours'), d(2, 'workingDays')) },
  shares: { answer: null, arrival: 90, fix: 80 },
};

async function level(name: string, terms: ServiceLevelTerms) {
  return backend.ok('serviceLevels:create', { name, isDefault: false, terms });
}

async function report(customerId: number, serviceLevelId: number, reportedAt: number) {
  return backend.ok('tickets:create', phoneTicket(customerId, { serviceLevelId, reportedAt }));
}

describe('deadlines by the hour', () => {
  it('a call at 23:59 on the Friday before Qingming is in duty hours: 4 h on site in the small hours of the holiday, the fix on the first working day after it', async () => {
    // Friday 3 April 2026; Qingming runs Saturday 4 to Monday 6 April.
    await open(new Date(2026, 3, 3, 23, 59));
    const customer = await backend.ok('customers:create', person());
    const duty = await level('值班服务', DUTY_TERMS);
    const ticket = await report(customer.id, duty.id, at(2026, 4, 3, 23, 59));
    const row = backend.store.sqlite.prepare('select answer_due, arrival_due, fix_due from tickets where id = ?').get(ticket.id);
    expect(row).toEqual({
      // In duty hours: half an hour to answer, four hours to be on site, across midnight into the holiday.
      answer_due: at(2026, 4, 4, 0, 29),
      arrival_due: at(2026, 4, 4, 3, 59),
      // One working day from the arrival deadline's day (a holiday Saturday): Tuesday 7 April.
      fix_due: endOfDay(2026, 4, 7),
    });
  });

  it('a call two minutes later, at 00:01 on the holiday, is outside duty hours and gets the outside targets', async () => {
    await open(new Date(2026, 3, 4, 0, 1));
    const customer = await backend.ok('customers:create', person());
    const duty = await level('值班服务', DUTY_TERMS);
    const ticket = await report(customer.id, duty.id, at(2026, 4, 4, 0, 1));
    const row = backend.store.sqlite.prepare('select answer_due, arrival_due, fix_due from tickets where id = ?').get(ticket.id);
    expect(row).toEqual({ answer_due: at(2026, 4, 4, 1, 1), arrival_due: at(2026, 4, 4, 6, 1), fix_due: endOfDay(2026, 4, 8) });
    // At 08:00 on the holiday the desk is on duty again (its holiday hours are 08:00–24:00).
    now = new Date(2026, 3, 4, 8, 0);
    const morning = await report(customer.id, duty.id, at(2026, 4, 4, 8, 0));
    expect(morning.deadlines.find((v) => v.milestone === 'arrival')!.due).toBe(at(2026, 4, 4, 12, 0));
  });

  it('follows each kind of day: a closed holiday, rest-day hours, a swapped working Saturday (调休)', async () => {
    await open(new Date(2026, 9, 10, 12, 0));
    const customer = await backend.ok('customers:create', person());
    const hours: DutyHours = {
      workingDay: { closed: false, spans: [{ from: '08:00', to: '12:00' }, { from: '13:00', to: '18:00' }] },
      restDay: { closed: false, spans: [{ from: '09:00', to: '17:00' }] },
      holiday: { closed: true, spans: [] },
    };
    const lv = await level('分时服务', { ...DUTY_TERMS, duty: { ...DUTY_TERMS.duty!, hours } });
    const arrival = async (moment: number) => {
      now = new Date(moment);
      return (await report(customer.id, lv.id, moment)).deadlines.find((v) => v.milestone === 'arrival')!.due - moment;
    };
    // Saturday 10 October 2026 is a swapped working day: working-day hours, so 12:30 is the lunch gap.
    expect(await arrival(at(2026, 10, 10, 12, 30))).toBe(6 * HOUR);
    expect(await arrival(at(2026, 10, 10, 13, 0))).toBe(4 * HOUR);
    // Sunday 11 October is a rest day: 09:00–17:00.
    expect(await arrival(at(2026, 10, 11, 8, 59))).toBe(6 * HOUR);
    expect(await arrival(at(2026, 10, 11, 16, 59))).toBe(4 * HOUR);
    expect(await arrival(at(2026, 10, 11, 17, 0))).toBe(6 * HOUR);
    // Thursday 1 October (National Day) is a holiday, closed all day: outside at noon.
    now = new Date(2026, 9, 11, 18, 0);
    expect((await report(customer.id, lv.id, at(2026, 10, 1, 12, 0))).deadlines.find((v) => v.milestone === 'arrival')!.due).toBe(at(2026, 10, 1, 18, 0));
  });

  it('keeps the targets of the hour the call came in when the technician arrives in another', async () => {
    await open(new Date(2026, 3, 3, 23, 59));
    const customer = await backend.ok('customers:create', person());
    const lv = await level('值班服务', { ...DUTY_TERMS, duty: { ...DUTY_TERMS.duty!, outside: table(d(1, 'hours'), d(6, 'hours'), d(8, 'hours')) }, targets: table(d(30, 'minutes'), d(4, 'hours'), d(3, 'hours')) });
    const ticket = await report(customer.id, lv.id, at(2026, 4, 3, 23, 59));
    const tech = await backend.ok('technicians:create', { name: '李师傅', phone: '13900001111', skills: [] });
    await backend.ok('tickets:transition', { id: ticket.id, to: 'answered', note: null, at: null });
    await backend.ok('tickets:assign', { id: ticket.id, technicianIds: [tech.id], leadId: null });
    await backend.ok('tickets:transition', { id: ticket.id, to: 'dispatched', note: null, at: null });
    // Arrives at 02:00, outside duty hours: the fix still runs on the in-hours 3 h of the call.
    now = new Date(2026, 3, 4, 2, 0);
    const onSite = await backend.ok('tickets:transition', { id: ticket.id, to: 'onSite', note: null, at: null });
    expect(onSite.deadlines.find((v) => v.milestone === 'fix')!.due).toBe(at(2026, 4, 4, 5, 0));
  });

  it('keeps a level saved before duty hours existed exactly as it was: one set of targets round the clock', async () => {
    await open(new Date(2026, 3, 3, 23, 59));
    const customer = await backend.ok('customers:create', person());
    const standard = (await backend.ok('serviceLevels:list', {})).find((l) => l.name === '标准服务')!;
    expect(standard.terms).toEqual(STANDARD_TERMS);
    expect(standard.terms.duty).toBeUndefined();
    const late = await report(customer.id, standard.id, at(2026, 4, 3, 23, 59));
    // Urban, ordinary: answer 30 min, on site 2 h, fix 4 h after the arrival deadline, at any hour.
    const due = Object.fromEntries(late.deadlines.map((v) => [v.milestone, v.due]));
    expect(due).toEqual({ answer: at(2026, 4, 4, 0, 29), arrival: at(2026, 4, 4, 1, 59), fix: at(2026, 4, 4, 5, 59) });
    // Saving it again unchanged keeps the same shape: no duty hours appear.
    const saved = await backend.ok('serviceLevels:update', { id: standard.id, name: standard.name, isDefault: true, terms: standard.terms });
    expect(saved.terms).toEqual(STANDARD_TERMS);
  });

  describe('refuses bad duty hours whole, with the reason in both languages', () => {
    const bad = (hours: DutyHours): ServiceLevelTerms => ({ ...DUTY_TERMS, duty: { ...DUTY_TERMS.duty!, hours } });

    it('overlapping spans on one day', async () => {
      await open(new Date(2026, 3, 3, 10, 0));
      const before = count('service_levels');
      const error = await backend.fails('serviceLevels:create', {
        name: '重叠',
        isDefault: false,
        terms: bad({ ...SEED_DUTY_HOURS, workingDay: { closed: false, spans: [{ from: '08:00', to: '12:30' }, { from: '12:00', to: '18:00' }] } }),
      });
      expect(error.code).toBe('VALIDATION');
      expect(error.details.fields?.['terms.duty.hours.workingDay.spans.1.to']).toEqual([
        { key: 'hours.errors.dutyOverlap', params: { from: '12:00', to: '18:00', otherFrom: '08:00', otherTo: '12:30' } },
      ]);
      expect(count('service_levels')).toBe(before);
    });

    it('a day left empty, and a span that ends before it starts; an update that fails leaves the level as it was', async () => {
      await open(new Date(2026, 3, 3, 10, 0));
      const lv = await level('值班服务', DUTY_TERMS);
      const error = await backend.fails('serviceLevels:update', {
        id: lv.id,
        name: '改了名',
        isDefault: false,
        terms: bad({ workingDay: { closed: false, spans: [{ from: '18:00', to: '08:00' }] }, restDay: { closed: false, spans: [] }, holiday: { closed: true, spans: [] } }),
      });
      expect(error.code).toBe('VALIDATION');
      expect(error.details.fields?.['terms.duty.hours.restDay.spans']).toEqual([{ key: 'hours.errors.dutyDayEmpty' }]);
      // A night duty typed as one span: the message says how to enter it.
      expect(error.details.fields?.['terms.duty.hours.workingDay.spans.0.to']).toEqual([{ key: 'hours.errors.dutySpanMidnight', params: { from: '18:00', to: '08:00' } }]);
      expect(translator('zh-CN')('hours.errors.dutySpanMidnight', { from: '18:00', to: '08:00' })).toBe('18:00–08:00 跨过了午夜：请分成 18:00–24:00 和 00:00–08:00 两段，后一段按第二天算');
      expect((await backend.ok('serviceLevels:list', {})).find((l) => l.id === lv.id)).toMatchObject({ name: '值班服务', terms: DUTY_TERMS });
    });

    it('a share outside 1–100 and a time that is not one', async () => {
      await open(new Date(2026, 3, 3, 10, 0));
      const error = await backend.fails('serviceLevels:create', {
        name: '坏比例',
        isDefault: false,
        terms: { ...bad({ ...SEED_DUTY_HOURS, holiday: { closed: false, spans: [{ from: '25:00', to: '24:00' }] } }), shares: { arrival: 120 } },
      });
      expect(error.details.fields?.['terms.shares.arrival']).toEqual([{ key: 'hours.errors.shareRange' }]);
      expect(error.details.fields?.['terms.duty.hours.holiday.spans.0.from']).toEqual([{ key: 'validation.time' }]);
      expect(count('service_levels')).toBe(2);
    });
  });
});

describe('the share of promises met over a period', () => {
  it('counts each milestone once its deadline has come, leaves cancelled calls out, and compares with the share promised', async () => {
    await open(new Date(2026, 10, 2, 9, 0));
    const customer = await backend.ok('customers:create', person());
    const lv = await level('值班服务', DUTY_TERMS);
    const tech = await backend.ok('technicians:create', { name: '李师傅', phone: '13900001111', skills: [] });
    // Monday 2 November 2026, 09:00, in duty hours: answer by 09:30, on site by 13:00.
    const visit = async (arriveAt: number) => {
      now = new Date(2026, 10, 2, 9, 0);
      const t = await report(customer.id, lv.id, at(2026, 11, 2, 9, 0));
      now = new Date(2026, 10, 2, 9, 10);
      await backend.ok('tickets:transition', { id: t.id, to: 'answered', note: null, at: null });
      await backend.ok('tickets:assign', { id: t.id, technicianIds: [tech.id], leadId: null });
      await backend.ok('tickets:transition', { id: t.id, to: 'dispatched', note: null, at: null });
      now = new Date(arriveAt);
      await backend.ok('tickets:transition', { id: t.id, to: 'onSite', note: null, at: null });
      await backend.ok('tickets:recordWork', { id: t.id, action: '更换启动电容' });
      await backend.ok('tickets:transition', { id: t.id, to: 'resolved', note: null, at: null });
      return t;
    };
    await visit(at(2026, 11, 2, 11, 0));
    await visit(at(2026, 11, 2, 12, 59));
    await visit(at(2026, 11, 2, 14, 0));
    // One never answered nor visited, still open; one cancelled (left out); one reported in October (outside the period).
    now = new Date(2026, 10, 2, 9, 0);
    await report(customer.id, lv.id, at(2026, 11, 2, 9, 0));
    const cancelled = await report(customer.id, lv.id, at(2026, 11, 2, 9, 0));
    await backend.ok('tickets:transition', { id: cancelled.id, to: 'cancelled', note: '客户自行解决', at: null });
    await report(customer.id, lv.id, at(2026, 10, 31, 9, 0));

    // Judged at 16:00 the same day: the open call's answer and arrival are overdue, its fix (next working day) not yet due.
    now = new Date(2026, 10, 2, 16, 0);
    const shares = await backend.ok('serviceLevels:shares', { from: '2026-11-01', to: '2026-11-30' });
    const figures = shares.levels.find((l) => l.id === lv.id)!;
    expect(figures.tickets).toBe(4);
    expect(figures.rows).toEqual([
      { milestone: 'answer', promised: null, judged: 4, met: 3, share: 75, kept: null },
      { milestone: 'arrival', promised: 90, judged: 4, met: 2, share: 50, kept: false },
      { milestone: 'fix', promised: 80, judged: 3, met: 3, share: 100, kept: true },
    ]);
    // A period with nothing in it judges nothing.
    const empty = await backend.ok('serviceLevels:shares', { from: '2026-12-01', to: '2026-12-31' });
    expect(empty.levels).toEqual([]);
    expect(empty.complaints.rows.every((r) => r.judged === 0 && r.share === null && r.kept === null)).toBe(true);
  });

  it('refuses a period that ends before it starts', async () => {
    await open(new Date(2026, 10, 2, 9, 0));
    const error = await backend.fails('serviceLevels:shares', { from: '2026-11-30', to: '2026-11-01' });
    expect(error.details.fields?.to).toEqual([{ key: 'hours.errors.periodOrder' }]);
  });

  it('exports the figures to a spreadsheet the desk chooses', async () => {
    await open(new Date(2026, 10, 2, 9, 0));
    const customer = await backend.ok('customers:create', person());
    await report(customer.id, (await level('值班服务', DUTY_TERMS)).id, at(2026, 11, 2, 8, 0));
    now = new Date(2026, 10, 3, 9, 0);
    backend.platform.saveAnswer = join(backend.dir, 'shares.xlsx');
    const result = await backend.ok('serviceLevels:exportShares', { from: '2026-11-01', to: '2026-11-30' });
    expect(result.rows).toBe(6);
    expect(result.savedTo).toBe(backend.platform.saveAnswer);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(result.savedTo!);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('期间 2026-11-01 至 2026-11-30');
    expect(sheet.getRow(4).values).toEqual([undefined, '值班服务', '到场', 0.9, 1, 0, 0, '否']);
    // The dialog cancelled: nothing written.
    backend.platform.saveAnswer = null;
    expect(await backend.ok('serviceLevels:exportShares', { from: '2026-11-01', to: '2026-11-30' })).toEqual({ savedTo: null, rows: 0 });
  });
});
