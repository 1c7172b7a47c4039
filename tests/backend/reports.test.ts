import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { at, openReportMonth, type ReportMonth } from '../support/report-month';

/*
 * The owner's month (issue 17) on a month counted by hand (tests/support/report-month.ts):
 * every figure below was counted from the rows written there, not by running the query.
 */

let m: ReportMonth;
beforeEach(async () => {
  m = await openReportMonth();
});
afterEach(async () => {
  await m.backend.close();
});

const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };
const tally = (rows: { key: string; count: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.count]));

describe('the reports of a month', () => {
  it('counts the repairs by status, fault category, model and technician, and lists the log', async () => {
    const { repairs } = await m.backend.ok('reports:bundle', OCTOBER);
    // k1 k2 k3 k4 k5 k6 k7 k10 reported in October; k8 and k9 in September.
    expect(repairs.total).toBe(8);
    expect(tally(repairs.byStatus)).toEqual({ closed: 4, resolved: 1, onSite: 1, cancelled: 1, new: 1 });
    // The cancelled k5 is no failure.
    expect(tally(repairs.byCategory)).toEqual({ notCooling: 2, noise: 1, leak: 1, electrical: 1, other: 1, display: 1 });
    const { ids } = m;
    expect(tally(repairs.byModel)).toEqual({ [ids.modelA!]: 3, [ids.modelB!]: 2, [ids.modelC!]: 1, 0: 1 });
    expect(repairs.byModel.find((r) => r.key === '0')!.label).toBeNull(); // k7: a unit never registered
    expect(repairs.byModel.find((r) => r.key === String(ids.modelA))!.label).toBe('格力 KFR-35GW');
    // An inactive technician keeps his tickets and his name.
    expect(repairs.byTechnician).toEqual([
      { key: '0', label: null, count: 4 },
      { key: String(ids.t1), label: '李师傅', count: 2 },
      { key: String(ids.t2), label: '赵师傅', count: 1 },
    ]);
    expect(repairs.log.map((l) => l.number)).toEqual(['GD-2026-K1', 'GD-2026-K3', 'GD-2026-K4', 'GD-2026-K5', 'GD-2026-K6', 'GD-2026-K10', 'GD-2026-K2', 'GD-2026-K7']);
    expect(repairs.log[6]).toMatchObject({ unitLabel: '格力 KFR-35GW', serial: 'SN-A1', technician: '李师傅', inWarranty: true, status: 'resolved' });
    expect(repairs.log[7]).toMatchObject({ unitLabel: '海尔 旧冰箱', serial: null, technician: null });
  });

  it('judges answer, arrival and fix against their times, by region and severity, and lists the late ones', async () => {
    const { service } = await m.backend.ok('reports:bundle', OCTOBER);
    expect(service.rows).toEqual([
      // k4 k6 k10: k6 was solved on the phone (no arrival promised); k4 still not fixed when October ended.
      { region: 'suburban', severity: 'ordinary', tickets: 3, answer: { kept: 3, late: 0, open: 0 }, arrival: { kept: 2, late: 0, open: 0 }, fix: { kept: 2, late: 1, open: 0 } },
      // k3: on site at 14:00 against 12:00.
      { region: 'urban', severity: 'major', tickets: 1, answer: { kept: 1, late: 0, open: 0 }, arrival: { kept: 0, late: 1, open: 0 }, fix: { kept: 1, late: 0, open: 0 } },
      // k1 on time; k2 answered at 09:40 and fixed at 18:00; k7 never answered.
      { region: 'urban', severity: 'ordinary', tickets: 3, answer: { kept: 1, late: 2, open: 0 }, arrival: { kept: 2, late: 1, open: 0 }, fix: { kept: 1, late: 2, open: 0 } },
    ]);
    expect(service.totals).toEqual({ answer: { kept: 5, late: 2, open: 0 }, arrival: { kept: 4, late: 2, open: 0 }, fix: { kept: 4, late: 3, open: 0 } });
    expect(service.lateCount).toBe(4);
    expect(service.late.map((l) => [l.number, l.late])).toEqual([
      ['GD-2026-K3', ['arrival']],
      ['GD-2026-K4', ['fix']],
      ['GD-2026-K2', ['answer', 'fix']],
      ['GD-2026-K7', ['answer', 'arrival', 'fix']],
    ]);
  });

  it('a period still running judges what is not yet due as open, at now', async () => {
    // On 2026-10-25 at 10:00 k7 (reported 09:00) is late to answer; on site is due at 11:00 and the fix at 15:00.
    await m.backend.close();
    m = await reopenAt(new Date(2026, 9, 25, 10, 0));
    const { service } = await m.backend.ok('reports:bundle', { from: '2026-10-25', to: '2026-10-31' });
    expect(service.rows).toEqual([{ region: 'urban', severity: 'ordinary', tickets: 1, answer: { kept: 0, late: 1, open: 0 }, arrival: { kept: 0, late: 0, open: 1 }, fix: { kept: 0, late: 0, open: 1 } }]);
  });

  it('counts callbacks, scores and comments, and complaints against their deadlines', async () => {
    const { satisfaction, complaints } = await m.backend.ok('reports:bundle', OCTOBER);
    // Four callbacks made in October (one about September's k8), three reached, scores 5, 3 and 4.
    expect(satisfaction).toMatchObject({ callbacks: 4, reached: 3, unreached: 1, averageX100: 400 });
    expect(satisfaction.scores).toEqual([
      { score: 1, count: 0 },
      { score: 2, count: 0 },
      { score: 3, count: 1 },
      { score: 4, count: 1 },
      { score: 5, count: 1 },
    ]);
    // A comment of blanks is no comment.
    expect(satisfaction.comments).toEqual([{ ticketId: m.ids.k1, number: 'GD-2026-K1', doneAt: at(10, 5), score: 5, comments: '很好' }]);
    // TS-1 answered in 60 min, resolved a day late after 96 h; TS-2 answered late after 240 min, still open past its day.
    expect(complaints).toEqual({ count: 2, answered: 2, answeredOnTime: 1, resolved: 1, resolvedOnTime: 0, openLate: 1, medianAnswerMinutes: 150, medianResolveHours: 96, verdicts: [{ key: 'acceptable', label: null, count: 1 }] });
  });

  it('lists the parts replaced with their cost, the stock moves, the loaners and the money', async () => {
    const { parts, loaners, money } = await m.backend.ok('reports:bundle', OCTOBER);
    // The part on the cancelled k5 and September's are left out.
    expect(parts.lines).toEqual([
      { partId: m.ids.p1, partNumber: 'PN-001', name: '压缩机', quantity: 1, costFen: 5000, chargedFen: 0, warrantyQuantity: 1 },
      { partId: m.ids.p2, partNumber: 'PN-002', name: '启动电容', quantity: 2, costFen: 2000, chargedFen: 5000, warrantyQuantity: 0 },
    ]);
    expect(parts).toMatchObject({ quantity: 3, costFen: 7000 });
    expect(parts.moves).toEqual([
      { reason: 'adjust', count: 1, delta: -1 },
      { reason: 'receive', count: 1, delta: 10 },
      { reason: 'use', count: 2, delta: -3 },
    ]);
    // Lent: A on k4 (still out, due back 10-20) and B on k3; returned: B, and the September loan on k2.
    expect(loaners).toMatchObject({ issued: 2, returned: 2, out: 1 });
    expect(loaners.overdue).toEqual([{ loanId: expect.any(Number), ticketId: m.ids.k4, number: 'GD-2026-K4', loaner: '备用机 A', expectedReturn: '2026-10-20', issuedAt: at(10, 10, 12) }]);
    // Resolved in October: paid k3 (200.00), k6 (150.00), k10 (0); warranty k1 (part 50.00, labour 30.00) and k2 (labour 2 × 15.00).
    expect(money).toEqual({ paidTickets: 3, revenueFen: 35000, warrantyTickets: 2, warrantyPartsFen: 5000, warrantyLabourFen: 6000 });
  });

  it('counts the visits due and the contracts ending, renewed or lapsed', async () => {
    const { scheduled } = await m.backend.ok('reports:bundle', OCTOBER);
    expect(scheduled).toEqual({ planned: 4, done: 1, missed: 1, cancelled: 1, open: 1, ending: 2, renewed: 1, lapsed: 1 });
  });

  it('narrows every report to one customer, or to some product models', async () => {
    const one = await m.backend.ok('reports:bundle', { ...OCTOBER, customerId: m.ids.cust1 });
    expect(one.repairs.total).toBe(4); // k1 k2 k3 k7
    expect(one.money).toEqual({ paidTickets: 1, revenueFen: 20000, warrantyTickets: 2, warrantyPartsFen: 5000, warrantyLabourFen: 6000 });
    expect(one.complaints.count).toBe(1);
    expect(one.satisfaction.callbacks).toBe(3); // k1, k3 and September's k8
    expect(one.scheduled).toEqual({ planned: 2, done: 1, missed: 1, cancelled: 0, open: 0, ending: 1, renewed: 1, lapsed: 0 });
    expect(one.failures.unitsInService).toBe(10);
    expect(one.parts.moves).toEqual([{ reason: 'use', count: 2, delta: -3 }]);
    const models = await m.backend.ok('reports:bundle', { ...OCTOBER, modelIds: [m.ids.modelB!] });
    expect(models.repairs.total).toBe(3); // k4 k5 k6
    expect(models.failures.byModel.map((r) => [r.key, r.failures, r.units])).toEqual([[String(m.ids.modelB), 2, 3]]);
    expect(models.loaners).toMatchObject({ issued: 1, returned: 0, out: 1 });
  });
});

describe('failure analysis', () => {
  it('counts the units in service from their history: a unit scrapped within a period still counts for it', async () => {
    const { ids } = m;
    const db = m.backend.store.sqlite;
    const version = (db.prepare('select id from warranty_policy_versions order by id limit 1').get() as { id: number }).id;
    // B5 scrapped on 15 October, B6 on 20 September; both registered in service on 1 January 2025.
    for (const [serial, scrapped] of [['SN-B5', at(10, 15)], ['SN-B6', at(9, 20)]] as const) {
      const unit = Number(
        db.prepare("insert into units (customer_id, model_id, policy_version_id, serial, acceptance_date, status, created_at, updated_at) values (?, ?, ?, ?, '2025-01-01', 'scrapped', 0, 0)").run(ids.cust2, ids.modelB, version, serial).lastInsertRowid,
      );
      db.prepare("insert into unit_status_history (unit_id, status, changed_at, note) values (?, 'inService', ?, null), (?, 'scrapped', ?, null)").run(unit, new Date(2025, 0, 1).getTime(), unit, scrapped);
    }
    const october = (await m.backend.ok('reports:bundle', OCTOBER)).failures.byModel.find((r) => r.key === String(ids.modelB))!;
    // October: B1–B3 and B5 (in service on 1 October) = 4; k4 and k6 = 2 of 4 = 50.00.
    // September: B1–B3, B5 and B6 (scrapped on the 20th, in service on the 1st) = 5; k9 = 1 of 5 = 20.00.
    expect(october).toMatchObject({ failures: 2, units: 4, ratePer100X100: 5000, previousFailures: 1, previousRatePer100X100: 2000 });
    const november = (await m.backend.ok('reports:bundle', { from: '2026-11-01', to: '2026-11-30' })).failures.byModel.find((r) => r.key === String(ids.modelB))!;
    // November: B5 and B6 gone before the 1st: 3 units, no failure; October (the previous) 2 of 4.
    expect(november).toMatchObject({ failures: 0, units: 3, ratePer100X100: 0, previousFailures: 2, previousRatePer100X100: 5000 });
  });

  it('gives failures per 100 units in service by model, component and category, with the previous period', async () => {
    const { failures } = await m.backend.ok('reports:bundle', OCTOBER);
    // Ten A units and three B units in service (B4 and the only C unit are scrapped).
    expect(failures.unitsInService).toBe(13);
    expect(failures.previous).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    const { ids } = m;
    expect(failures.byModel).toEqual([
      // B: 2 of 3 = 66.67 per 100; September 1 of 3 = 33.33.
      { key: String(ids.modelB), label: '美的 KFR-26GW', failures: 2, units: 3, ratePer100X100: 6667, previousFailures: 1, previousRatePer100X100: 3333 },
      // A: 3 of 10 = 30.00; September 1 of 10 = 10.00.
      { key: String(ids.modelA), label: '格力 KFR-35GW', failures: 3, units: 10, ratePer100X100: 3000, previousFailures: 1, previousRatePer100X100: 1000 },
      // C: a failure on a unit no longer in service: no rate, never NaN or a division by zero.
      { key: String(ids.modelC), label: '爱普生 CB-X51', failures: 1, units: 0, ratePer100X100: null, previousFailures: 0, previousRatePer100X100: null },
    ]);
    // The compressor part on k1 (and k8 in September); the capacitor on k3 has no component: "other". 1 of 13 = 7.69.
    expect(failures.byComponent).toEqual([
      // Named as the models' policy (AIRCON_POLICY) names the key.
      { key: 'compressor', label: '压缩机', failures: 1, units: 13, ratePer100X100: 769, previousFailures: 1, previousRatePer100X100: 769 },
      { key: 'other', label: null, failures: 1, units: 13, ratePer100X100: 769, previousFailures: 0, previousRatePer100X100: 0 },
    ]);
    // k7 has no registered unit: no failure of a unit in service. 2 of 13 = 15.38.
    expect(Object.fromEntries(failures.byCategory.map((r) => [r.key, [r.failures, r.ratePer100X100, r.previousFailures]]))).toEqual({
      notCooling: [2, 1538, 1],
      noise: [1, 769, 0],
      leak: [1, 769, 1],
      electrical: [1, 769, 0],
      display: [1, 769, 0],
    });
  });

  it('warns of a repeat fault within the window and of a model over the line or rising, each at its threshold', async () => {
    const warnings = async () => (await m.backend.ok('reports:bundle', OCTOBER)).warnings;
    const configure = (over: Partial<{ repeatWindowDays: number; rateThresholdX100: number; risePercent: number; minFailures: number }>) =>
      m.backend.ok('reports:configure', { repeatWindowDays: 30, rateThresholdX100: 1000, risePercent: 50, minFailures: 3, ...over });
    expect(await m.backend.ok('reports:settings', {})).toEqual({ repeatWindowDays: 30, rateThresholdX100: 1000, risePercent: 50, minFailures: 3 });
    // Defaults: A has 3 failures (B only 2): 30.00 ≥ 10.00, and up from 10.00 by 200 % ≥ 50 %.
    // Repeats: k4 (leak on B1) 29 d 19 h after September's k9 was fixed; k2 (not cooling on A1) 16 d 21 h after k1.
    const first = await warnings();
    expect(first.map((w) => [w.kind, w.subject, w.rateX100, w.previousRateX100, w.days, w.tickets.map((t) => t.number)])).toEqual([
      ['rateAbove', '格力 KFR-35GW', 3000, 1000, null, ['GD-2026-K1', 'GD-2026-K3', 'GD-2026-K2']],
      ['rateRising', '格力 KFR-35GW', 3000, 1000, null, ['GD-2026-K1', 'GD-2026-K3', 'GD-2026-K2']],
      ['repeatFault', 'SN-B1', null, null, 29, ['GD-2026-K9', 'GD-2026-K4']],
      ['repeatFault', 'SN-A1', null, null, 16, ['GD-2026-K1', 'GD-2026-K2']],
    ]);
    expect(first[3]!.faultCategory).toBe('notCooling');
    // The line at exactly 30.00 still warns; 30.01 does not.
    await configure({ rateThresholdX100: 3000, risePercent: 10_000 });
    expect((await warnings()).map((w) => w.kind)).toEqual(['rateAbove', 'repeatFault', 'repeatFault']);
    await configure({ rateThresholdX100: 3001, risePercent: 10_000 });
    expect((await warnings()).map((w) => w.kind)).toEqual(['repeatFault', 'repeatFault']);
    // A rise of exactly 200 % warns; 201 % does not.
    await configure({ rateThresholdX100: 1_000_000, risePercent: 200 });
    expect((await warnings()).map((w) => w.kind)).toEqual(['rateRising', 'repeatFault', 'repeatFault']);
    await configure({ rateThresholdX100: 1_000_000, risePercent: 201 });
    expect((await warnings()).map((w) => w.kind)).toEqual(['repeatFault', 'repeatFault']);
    // The window: 29 d 19 h is within 30 days and not 29; 16 d 21 h is within 17 days, not within 16.
    await configure({ repeatWindowDays: 29, rateThresholdX100: 1_000_000, risePercent: 10_000 });
    expect((await warnings()).map((w) => w.subject)).toEqual(['SN-A1']);
    await configure({ repeatWindowDays: 17, rateThresholdX100: 1_000_000, risePercent: 10_000 });
    expect((await warnings()).map((w) => w.subject)).toEqual(['SN-A1']);
    await configure({ repeatWindowDays: 16, rateThresholdX100: 1_000_000, risePercent: 10_000 });
    expect(await warnings()).toEqual([]);
    // Two failures are enough once the owner says so: B (66.67, from 33.33: +100 %) warns too; C has no rate and never warns.
    await configure({ minFailures: 2, repeatWindowDays: 16 });
    expect((await warnings()).map((w) => [w.kind, w.subject])).toEqual([
      ['rateAbove', '美的 KFR-26GW'],
      ['rateRising', '美的 KFR-26GW'],
      ['rateAbove', '格力 KFR-35GW'],
      ['rateRising', '格力 KFR-35GW'],
    ]);
    // Rules out of range are refused and change nothing.
    const refused = await m.backend.fails('reports:configure', { repeatWindowDays: 0, rateThresholdX100: 1000, risePercent: 50, minFailures: 3 });
    expect(refused.code).toBe('VALIDATION');
    expect((await m.backend.ok('reports:settings', {})).minFailures).toBe(2);
  });

  it('shows the last thirty days of warnings on the Desk, with the tickets behind them', async () => {
    await m.backend.close();
    m = await reopenAt(new Date(2026, 9, 31, 18, 0));
    const desk = await m.backend.ok('reports:deskWarnings', {});
    expect(desk.period).toEqual({ from: '2026-10-02', to: '2026-10-31' });
    // 10-02 … 10-31 against 09-02 … 10-01: A has k2 and k3 (k1 fell on 10-03: in), so 3 failures again.
    expect(desk.warnings.map((w) => [w.kind, w.tickets.map((t) => t.id)])).toEqual([
      ['rateAbove', [m.ids.k1, m.ids.k3, m.ids.k2]],
      ['rateRising', [m.ids.k1, m.ids.k3, m.ids.k2]],
      ['repeatFault', [m.ids.k9, m.ids.k4]],
      ['repeatFault', [m.ids.k1, m.ids.k2]],
    ]);
  });
});

describe('bad periods', () => {
  it('refuses an empty period, one in the future and one over ten years, each in words', async () => {
    const key = async (input: object) => (await m.backend.fails('reports:bundle', input)).details.message;
    expect(await key({ from: '2026-10-31', to: '2026-10-01' })).toEqual({ key: 'reports.errors.emptyPeriod', params: { from: '2026-10-31', to: '2026-10-01' } });
    expect(await key({ from: '2026-12-01', to: '2026-12-31' })).toEqual({ key: 'reports.errors.future', params: { from: '2026-12-01' } });
    expect(await key({ from: '2016-10-01', to: '2026-10-01' })).toEqual({ key: 'reports.errors.tooLong', params: { years: 10 } });
    expect((await m.backend.fails('reports:bundle', { from: '2026-02-30', to: '2026-03-01' })).code).toBe('VALIDATION');
    // Ten years to the day is allowed: it holds September's k8 and k9.
    expect((await m.backend.ok('reports:bundle', { from: '2016-10-01', to: '2026-09-30' })).repairs.total).toBe(2);
  });

  it('answers a period with nothing in it with zeros and no rate, never NaN', async () => {
    const empty = await m.backend.ok('reports:bundle', { from: '2020-01-01', to: '2020-01-31' });
    expect(JSON.stringify(empty)).not.toMatch(/NaN|Infinity/);
    expect(empty.repairs).toEqual({ total: 0, byStatus: [], byCategory: [], byModel: [], byTechnician: [], log: [] });
    expect(empty.satisfaction.averageX100).toBeNull();
    expect(empty.complaints.medianAnswerMinutes).toBeNull();
    expect(empty.failures.unitsInService).toBe(0);
    expect(empty.warnings).toEqual([]);
  });

  it('keeps old tickets of a technician or model since deleted, under no name', async () => {
    // An old desk with the rows gone under its tickets (before the store refused such deletes).
    const db = m.backend.store.sqlite;
    db.pragma('foreign_keys = off');
    db.prepare('delete from technicians where id = ?').run(m.ids.t2);
    db.prepare('delete from product_models where id = ?').run(m.ids.modelC);
    db.pragma('foreign_keys = on');
    const r = await m.backend.ok('reports:bundle', OCTOBER);
    expect(r.repairs.byTechnician.find((x) => x.key === String(m.ids.t2))).toEqual({ key: String(m.ids.t2), label: null, count: 1 });
    expect(r.repairs.byModel.find((x) => x.key === String(m.ids.modelC))).toEqual({ key: String(m.ids.modelC), label: null, count: 1 });
    expect(r.failures.byModel.find((x) => x.key === String(m.ids.modelC))).toMatchObject({ label: null, failures: 1, ratePer100X100: null });
    expect(r.repairs.log.find((l) => l.number === 'GD-2026-K3')!.technician).toBeNull();
  });
});

/** The same month on a desk whose clock says `now`. */
async function reopenAt(now: Date): Promise<ReportMonth> {
  const month = await openReportMonth();
  const dir = month.backend.dir;
  const ids = month.ids;
  await month.backend.close();
  const { openTestBackend } = await import('../support/backend');
  return { backend: await openTestBackend(dir, () => now), ids };
}
