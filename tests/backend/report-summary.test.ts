import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/backend/app/context';
import { earlyWarnings, failureAnalysis, moneyReport, NO_FILTER, repairsReport, reportBounds, serviceLevelReport } from '../../electron/backend/domains/reports/reports';
import { fillReportMonths, rebuildReportMonths, refreshMonths } from '../../electron/backend/domains/reports/summary';
import type { ReportFilter } from '../../shared/schemas/reports';
import { openReportMonth, type ReportMonth } from '../support/report-month';

/*
 * The month summary (migration 0350) never stale: after each kind of write the reports read from
 * it equal the same reports read from the tickets alone (`direct`, the reference), over whole
 * months, a range with part-months at both ends, and with a filter of models; and the summary kept
 * write by write equals one rebuilt from nothing. The hand-counted October is the starting point.
 */

let m: ReportMonth;
let ctx: ServiceContext;
const NOW = new Date(2026, 10, 20, 10, 0); // the clock of openReportMonth
beforeEach(async () => {
  m = await openReportMonth();
  ctx = { db: m.backend.store.db, now: () => NOW } as unknown as ServiceContext;
});
afterEach(async () => {
  await m.backend.close();
});

const PERIODS = [
  { from: '2026-08-01', to: '2026-11-30' }, // whole months, the last one still running
  { from: '2026-09-15', to: '2026-11-10' }, // a part-month at each end
  { from: '2026-10-01', to: '2026-10-31' },
];

async function expectSummaryMatchesTickets(): Promise<void> {
  const filters: ReportFilter[] = [NO_FILTER, { customerId: null, modelIds: [m.ids.modelA!] }, { customerId: null, modelIds: [m.ids.modelB!, m.ids.modelC!] }, { customerId: null, modelIds: [] }];
  for (const period of PERIODS) {
    for (const filter of filters) {
      const b = reportBounds(ctx, period, filter);
      const d = { ...b, direct: true };
      const label = `${period.from}…${period.to} ${JSON.stringify(filter.modelIds)}`;
      expect(await repairsReport(ctx, b), label).toEqual(await repairsReport(ctx, d));
      expect(await serviceLevelReport(ctx, b), label).toEqual(await serviceLevelReport(ctx, d));
      expect(await moneyReport(ctx, b), label).toEqual(await moneyReport(ctx, d));
      expect(await failureAnalysis(ctx, b), label).toEqual(await failureAnalysis(ctx, d));
      expect(await earlyWarnings(ctx, b), label).toEqual(await earlyWarnings(ctx, d));
    }
  }
}

const summaryRows = () => m.backend.store.sqlite.prepare('select * from report_months order by kind, month, k1, k2, model_id').all();
const dirtyDays = () => (m.backend.store.sqlite.prepare('select count(*) as n from report_months_dirty').get() as { n: number }).n;

describe('the month summary', () => {
  it('reads whole months from the summary, summing only the dirty ones, and October as counted by hand', async () => {
    // Every day with a ticket starts dirty (the tickets were written before any report read).
    expect(dirtyDays()).toBeGreaterThan(0);
    const october = await m.backend.ok('reports:bundle', { from: '2026-10-01', to: '2026-10-31' });
    expect(october.repairs.total).toBe(8);
    // October's rows are now in the summary: 5 statuses (closed, resolved, onSite, cancelled, new) over their models.
    const statuses = m.backend.store.sqlite.prepare("select k1, sum(n) as n from report_months where kind = 'status' and month = '2026-10' group by k1 order by k1").all();
    expect(statuses).toEqual([
      { k1: 'cancelled', n: 1 },
      { k1: 'closed', n: 4 },
      { k1: 'new', n: 1 },
      { k1: 'onSite', n: 1 },
      { k1: 'resolved', n: 1 },
    ]);
    // Settled tickets only in the service rows: k4 is not fixed, k7 never answered, k5 cancelled unanswered.
    const service = m.backend.store.sqlite.prepare("select sum(n) as n from report_months where kind = 'service' and month = '2026-10'").get();
    expect(service).toEqual({ n: 5 });
    // Money by the month resolved: k3 and k6 paid 200 + 150 yuan; k1, k2 under warranty; k10 paid nothing.
    const money = m.backend.store.sqlite.prepare("select k1, sum(n) as n, sum(revenue_fen) as fen from report_months where kind = 'money' and month = '2026-10' group by k1 order by k1").all();
    expect(money).toEqual([
      { k1: 'paid', n: 3, fen: 35000 },
      { k1: 'warranty', n: 2, fen: 0 },
    ]);
    await expectSummaryMatchesTickets();
  });

  it('stays equal to the tickets after every kind of write through the desk', async () => {
    const { backend, ids } = m;
    await expectSummaryMatchesTickets();
    // A September fix becomes the earlier repair of an October ticket: k8 (resolved 15 Sep 11:00)
    // moved onto unit a1, where k1 reported the same fault on 3 Oct 09:00, 17 days 22 hours later.
    // Neither of k8's days is in October: the year after its fix is marked too.
    m.backend.store.sqlite.prepare('update tickets set unit_id = ? where id = ?').run(ids.a1, ids.k8);
    await expectSummaryMatchesTickets();
    const repeats = (await earlyWarnings(ctx, reportBounds(ctx, { from: '2026-10-01', to: '2026-10-31' }))).filter((w) => w.kind === 'repeatFault');
    expect(repeats.map((w) => [w.tickets[0]!.number, w.tickets[1]!.number, w.days])).toEqual([
      ['GD-2026-K8', 'GD-2026-K1', 17],
      // As before: k9 (b1, leak, fixed 10 Sep 13:00) and k4 (10 Oct 08:00), 29 days 19 hours.
      ['GD-2026-K9', 'GD-2026-K4', 29],
      ['GD-2026-K1', 'GD-2026-K2', 16],
    ]);
    // Creation (November, on unit a1 of model A).
    const t = await backend.ok('tickets:create', { customerId: ids.cust1!, unitId: ids.a1!, faultReported: '不制冷', faultCategory: 'notCooling' });
    await expectSummaryMatchesTickets();
    const nov = reportBounds(ctx, { from: '2026-11-01', to: '2026-11-30' });
    // Counted by hand: one new ticket in November, not yet answered (its answer is open, not late, at 10:00).
    expect((await repairsReport(ctx, nov)).byStatus).toEqual([{ key: 'new', label: null, count: 1 }]);
    // Status changes, a technician, the work, parts and charges, completion, the callback, closing.
    const tech = await backend.ok('technicians:create', { name: '王师傅', phone: '13900003333', skills: ['空调'] });
    await backend.ok('tickets:transition', { id: t.id, to: 'answered' });
    await backend.ok('tickets:assign', { id: t.id, technicianIds: [tech.id] });
    await expectSummaryMatchesTickets();
    expect((await repairsReport(ctx, nov)).byTechnician).toEqual([{ key: String(tech.id), label: '王师傅', count: 1 }]);
    await backend.ok('tickets:transition', { id: t.id, to: 'dispatched' });
    await backend.ok('tickets:transition', { id: t.id, to: 'onSite' });
    await backend.ok('tickets:recordWork', { id: t.id, diagnosis: '电容损坏', cause: '老化', action: '更换启动电容', onSiteMinutes: 30 });
    const part = await backend.ok('parts:create', { partNumber: 'PCB-9', name: '主控板', costFen: 20_000, priceFen: 35_000, quantity: 3, reorderLevel: 1 });
    await backend.ok('tickets:addPart', { id: t.id, partId: part.id, quantity: 1 });
    await expectSummaryMatchesTickets();
    await backend.ok('tickets:setCharges', { id: t.id, labour: [{ name: '一般维修', amountFen: 10_000, quantity: 1 }], travelFen: 0, discountFen: 0, paidFen: 45_000, paymentMethod: 'wechat', lifetimeMaintenance: false });
    await backend.ok('tickets:transition', { id: t.id, to: 'resolved' });
    await expectSummaryMatchesTickets();
    await backend.ok('callbacks:record', { ticketId: t.id, reached: true, satisfaction: 5 });
    await backend.ok('tickets:transition', { id: t.id, to: 'closed' });
    await expectSummaryMatchesTickets();
    // Counted by hand: a1's whole-unit term (12 months from 2025-01-01) is over, so the November
    // ticket is a paid repair: part 350 + labour 100 yuan paid; nothing given free.
    expect(await moneyReport(ctx, nov)).toEqual({ paidTickets: 1, revenueFen: 45_000, warrantyTickets: 0, warrantyPartsFen: 0, warrantyLabourFen: 0 });
    // A cancellation.
    const u = await backend.ok('tickets:create', { customerId: ids.cust2!, unitId: ids.b1!, faultReported: '漏水', faultCategory: 'leak' });
    await backend.ok('tickets:transition', { id: u.id, to: 'cancelled', note: '客户自行修好' });
    await expectSummaryMatchesTickets();
    // A part's component named after the fact, a unit's model corrected: old months change.
    await backend.ok('parts:update', { id: part.id, partNumber: 'PCB-9', name: '主控板', costFen: 20_000, priceFen: 35_000, reorderLevel: 1, componentKey: 'main' });
    m.backend.store.sqlite.prepare('update units set model_id = ? where id = ?').run(ids.modelB, ids.a2);
    await expectSummaryMatchesTickets();
    // Merging two customers moves their tickets.
    await backend.ok('customers:merge', { keepId: ids.cust1!, mergeId: ids.cust2! });
    await expectSummaryMatchesTickets();
    // Deletion: a ticket and what hangs on it removed outright (as the sample data's removal does).
    const db = m.backend.store.sqlite;
    db.transaction(() => {
      for (const table of ['ticket_parts', 'ticket_labour', 'ticket_technicians', 'ticket_events', 'callbacks', 'stock_moves']) db.prepare(`delete from ${table} where ticket_id = ?`).run(ids.k3);
      db.prepare('update complaints set ticket_id = null where ticket_id = ?').run(ids.k3);
      db.prepare('delete from tickets where id = ?').run(ids.k3);
    })();
    await expectSummaryMatchesTickets();
  });

  it('stays equal after the sample data is loaded and removed again', async () => {
    await expectSummaryMatchesTickets();
    await m.backend.ok('sample:load', { language: 'zh-CN' });
    await expectSummaryMatchesTickets();
    await m.backend.ok('sample:remove', {});
    await expectSummaryMatchesTickets();
  });

  it('kept write by write equals the summary rebuilt from nothing, after a random mix of writes', async () => {
    const db = m.backend.store.sqlite;
    let seed = 17;
    const rand = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const pick = <T,>(items: T[]) => items[Math.floor(rand() * items.length)]!;
    const tickets = () => (db.prepare('select id from tickets').all() as { id: number }[]).map((r) => r.id);
    const units = [m.ids.a1!, m.ids.a2!, m.ids.b1!, m.ids.b3!, m.ids.c1!];
    const day = (d: number) => new Date(2026, 8, 1 + d, 9).getTime(); // September 1 + d days
    for (let i = 0; i < 60; i++) {
      const id = pick(tickets());
      switch (Math.floor(rand() * 8)) {
        case 0:
          db.prepare("update tickets set status = ?, cancelled_at = case when ? = 'cancelled' then reported_at + 3600000 end where id = ?").run(...((s) => [s, s, id])(pick(['new', 'onSite', 'resolved', 'closed', 'cancelled'])));
          break;
        case 1:
          db.prepare('update tickets set fault_category = ?, severity = ?, region = ? where id = ?').run(pick(['notCooling', 'leak', 'noise']), pick(['ordinary', 'major']), pick(['urban', 'suburban']), id);
          break;
        case 2:
          db.prepare('update tickets set resolved_at = ?, answered_at = reported_at + 600000, arrived_at = reported_at + 7200000 where id = ?').run(day(Math.floor(rand() * 80)), id);
          break;
        case 3:
          db.prepare('update tickets set reported_at = ?, resolved_at = null where id = ?').run(day(Math.floor(rand() * 80)), id);
          break;
        case 4:
          db.prepare('update tickets set unit_id = ?, warranty_in = ?, paid_fen = ? where id = ?').run(pick(units), rand() < 0.5 ? 1 : 0, Math.floor(rand() * 50_000), id);
          break;
        case 5:
          db.prepare("insert into ticket_parts (ticket_id, part_id, quantity, price_fen, cost_fen, in_warranty, component_key, fitted_on, created_at) values (?, ?, 1, 3000, 1500, ?, ?, '2026-10-01', 0)").run(id, pick([m.ids.p1!, m.ids.p2!]), rand() < 0.5 ? 1 : 0, pick([null, 'compressor']));
          break;
        case 6:
          db.prepare('update units set model_id = ? where id = ?').run(pick([m.ids.modelA!, m.ids.modelB!, m.ids.modelC!]), pick(units));
          break;
        default:
          db.prepare('insert or ignore into ticket_technicians (ticket_id, technician_id, lead, reported_at) values (?, ?, 1, 0)').run(id, pick([m.ids.t1!, m.ids.t2!]));
      }
      // Reports read now and then, so some months are summed between writes and dirtied again.
      if (i % 7 === 0) await repairsReport(ctx, reportBounds(ctx, pick(PERIODS)));
    }
    await refreshMonths(ctx, null);
    expect(dirtyDays()).toBe(0);
    const kept = summaryRows();
    expect(kept.length).toBeGreaterThan(20);
    await rebuildReportMonths(ctx);
    expect(summaryRows()).toEqual(kept);
    await expectSummaryMatchesTickets();
  });
  it('is filled in the background a month a step, newest first, to what a rebuild gives; reports read meanwhile stay right', async () => {
    const db = m.backend.store.sqlite;
    await rebuildReportMonths(ctx);
    const rebuilt = summaryRows();
    // As after an upgrade: nothing summed, every day with a ticket dirty.
    db.exec('delete from report_months');
    db.exec('insert or ignore into report_months_dirty (day) select reported_at / 86400000 from tickets union select resolved_at / 86400000 from tickets where resolved_at is not null');
    const months = () => (db.prepare('select distinct month from report_months order by month').all() as { month: string }[]).map((r) => r.month);
    // Stopped after its first step: only the month of the newest dirty day (the latest moment a
    // ticket was reported or resolved) is summed, and what is left is still dirty.
    const latest = (db.prepare('select max(max(reported_at), coalesce(max(resolved_at), 0)) as t from tickets').get() as { t: number }).t;
    const newest = `${new Date(latest).getFullYear()}-${String(new Date(latest).getMonth() + 1).padStart(2, '0')}`;
    let steps = 0;
    expect(await fillReportMonths(ctx, () => steps++ > 0)).toBe(1);
    expect(months()).toEqual([newest]);
    expect(dirtyDays()).toBeGreaterThan(0);
    // A report read halfway sums what it needs itself, and equals the tickets.
    await expectSummaryMatchesTickets();
    // Then all the rest, step by step, to what a rebuild gives; nothing dirty left.
    await fillReportMonths(ctx, () => false);
    expect(dirtyDays()).toBe(0);
    expect(summaryRows()).toEqual(rebuilt);
    expect(await fillReportMonths(ctx, () => false)).toBe(0);
  });

  it('on a database that refuses writes, counts dirty months from the tickets and writes nothing', async () => {
    const db = m.backend.store.sqlite;
    const period = { from: '2026-08-01', to: '2026-11-30' };
    const expected = await m.backend.ok('reports:bundle', period);
    // October made dirty by a ticket moved to another category; the desk then opened read-only.
    const k1 = m.ids.k1!;
    db.prepare("update tickets set fault_category = 'leak' where id = ?").run(k1);
    const dirtyBefore = dirtyDays();
    expect(dirtyBefore).toBeGreaterThan(0);
    const rowsBefore = summaryRows();
    db.pragma('query_only = 1');
    try {
      const read = await m.backend.ok('reports:bundle', period);
      // The same figures the tickets give (k1 now counted under 漏水/leak), nothing written.
      const direct = { ...reportBounds(ctx, period, NO_FILTER), direct: true };
      expect(read.repairs).toEqual(await repairsReport(ctx, direct));
      expect(read.service).toEqual(await serviceLevelReport(ctx, direct));
      expect(read.money).toEqual(await moneyReport(ctx, direct));
      expect(read.failures).toEqual(await failureAnalysis(ctx, direct));
      expect(read.repairs.byCategory.find((c) => c.key === 'leak')?.count).toBe((expected.repairs.byCategory.find((c) => c.key === 'leak')?.count ?? 0) + 1);
      expect(dirtyDays()).toBe(dirtyBefore);
      expect(summaryRows()).toEqual(rowsBefore);
      expect(m.backend.logger.lines.some((l) => l.level === 'warn' && /counted from the tickets instead/.test(l.message))).toBe(true);
      // The background fill refuses quietly too: it reports and the desk goes on.
      await expect(fillReportMonths(ctx, () => false)).rejects.toThrow();
    } finally {
      db.pragma('query_only = 0');
    }
    // Writable again: the next read sums the dirty months it reads, and agrees.
    await expectSummaryMatchesTickets();
    expect(dirtyDays()).toBeLessThan(dirtyBefore);
  });
});
