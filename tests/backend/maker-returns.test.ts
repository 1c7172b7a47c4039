import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIN_PT } from '../../electron/backend/documents/kit/layout';
import { openTestBackend, type TestBackend } from '../support/backend';
import { readPdf, smallestType } from '../support/pdf-read';
import { at, seedReportMonth } from '../support/report-month';

/*
 * The monthly returns to a maker (issue 21, point 2) on the owner's hand-counted October
 * (tests/support/report-month.ts) plus a few rows of our own. The maker is 格力 with model A
 * only (units a1–a10 of 西湖中学); models B and C belong to no maker or another one, and every
 * figure of theirs must stay out. Each expected figure is counted by hand in the comment beside it.
 */

let clock = new Date(2026, 10, 20, 10, 0); // 2026-11-20: October is over, November is not
let backend: TestBackend;
let ids: Record<string, number>;
let makerId: number;
const OCTOBER = { month: '2026-10' };

beforeEach(async () => {
  clock = new Date(2026, 10, 20, 10, 0);
  backend = await openTestBackend(undefined, () => clock);
  await backend.ok('session:begin', { operator: '王芳' });
  ids = await seedReportMonth(backend);
  const gree = await backend.ok('makers:create', { name: '格力电器售后服务部', contactName: '李工', fax: '0756-8668888', returnsDueDay: 5 });
  const midea = await backend.ok('makers:create', { name: '美的售后服务部' });
  makerId = gree.id;
  await backend.ok('makers:setModelMaker', { modelId: ids.modelA!, makerId: gree.id });
  await backend.ok('makers:setModelMaker', { modelId: ids.modelB!, makerId: midea.id });
  const db = backend.store.sqlite;
  const sold = (unit: string, day: string, fen: number | null, seller: string | null) =>
    db.prepare('update units set purchase_date = ?, sale_price_fen = ?, sold_by = ? where id = ?').run(day, fen, seller, ids[unit]);
  sold('a1', '2026-10-02', 350_000, '李明');
  sold('a2', '2026-10-15', null, '李明');
  sold('a3', '2026-10-31', 420_000, '王强');
  sold('a4', '2026-09-30', 300_000, '王强'); // September: not this month's
  sold('b1', '2026-10-10', 200_000, '李明'); // 美的: another maker's
  // A unit given in a 三包 exchange on 10-20 (model A): not a sale.
  const version = (db.prepare('select policy_version_id as v from units where id = ?').get(ids.a5) as { v: number }).v;
  db.prepare("insert into units (customer_id, model_id, policy_version_id, serial, purchase_date, sale_price_fen, status, replaces_id, created_at, updated_at) values (?, ?, ?, 'SN-A11', '2026-10-20', 380000, 'inService', ?, 0, 0)").run(
    ids.cust1,
    ids.modelA,
    version,
    ids.a5,
  );
  // A complaint on ticket k2 (unit a1): answered in an hour, not resolved by its day (10-25). One on k4 (美的): out.
  const complaint = (n: string, ticket: number) =>
    db
      .prepare(
        "insert into complaints (number, channel, content, customer_id, ticket_id, received_at, answer_due, answered_at, resolve_due, resolved_at, created_by, created_at, updated_at) values (?, 'phone', '修了又坏', ?, ?, ?, ?, ?, ?, null, 'test', 0, 0)",
      )
      .run(n, ids.cust1, ticket, at(10, 22, 9), at(10, 22, 11), at(10, 22, 10), at(10, 25));
  complaint('TS-3', ids.k2!);
  complaint('TS-4', ids.k4!);
});
afterEach(async () => {
  await backend.close();
});

/** Warranty cards for a1, a2 and b1, their slips marked back on the days given (straight into the card's life: the clock is in November). */
async function slipsBack() {
  const back = async (unit: string, day: string) => {
    const card = await backend.ok('documents:warrantyCard', { unitId: ids[unit]!, paper: 'A4', language: 'zh-CN' });
    backend.store.sqlite
      .prepare('insert into warranty_card_life (document_id, unit_id, issued_on, issued_how, slip_back_on, created_at, updated_at) values (?, ?, ?, ?, ?, 0, 0)')
      .run(card.id, ids[unit], '2026-10-02', 'handed', day);
    return card.number;
  };
  return { a1: await back('a1', '2026-10-08'), a2: await back('a2', '2026-11-02'), b1: await back('b1', '2026-10-09') };
}

describe('the monthly returns pack', () => {
  it("counts October for the maker's models only, each of the six forms", async () => {
    const cards = await slipsBack();
    // A claim made now takes k1's compressor (a1, in warranty) and k8's (a3, September): k1's line names it.
    const claim = await backend.ok('claims:create', { makerId });
    const pack = await backend.ok('makerReturns:pack', { makerId, ...OCTOBER });
    expect(pack).toMatchObject({ month: '2026-10', from: '2026-10-01', to: '2026-10-31', provisional: false, dueOn: '2026-11-05', modelNames: ['格力 KFR-35GW'] });
    expect(pack.forms).toEqual(['partsReplaced', 'repairMonthly', 'satisfaction', 'opinions', 'sales', 'returnSlips']);

    // Parts fitted in October on model A, tickets not cancelled: k1 PN-001 ×1 (warranty), k3 PN-002 ×2 (paid).
    // (k5's part is on a cancelled 美的 ticket, k8's was fitted in September.) 3 parts, 1 under warranty.
    expect(pack.partsReplaced.rows.map((r) => [r.fittedOn, r.ticketNumber, r.serial, r.partNumber, r.quantity, r.inWarranty, r.claimNumber])).toEqual([
      ['2026-10-03', 'GD-2026-K1', 'SN-A1', 'PN-001', 1, true, claim.number],
      ['2026-10-05', 'GD-2026-K3', 'SN-A2', 'PN-002', 2, false, null],
    ]);
    expect(pack.partsReplaced).toMatchObject({ quantity: 3, warrantyQuantity: 1 });

    // Repairs reported in October on model A: k1 (a1, closed, notCooling), k2 (a1, resolved, notCooling),
    // k3 (a2, closed, noise). k7 has no unit; k4–k6 and k10 are models B and C. 3 in all.
    expect(pack.repairs.total).toBe(3);
    expect(pack.repairs.byStatus.map((s) => [s.key, s.count])).toEqual([
      ['closed', 2],
      ['resolved', 1],
    ]);
    expect(pack.repairs.byCategory.map((s) => [s.key, s.count])).toEqual([
      ['notCooling', 2],
      ['noise', 1],
    ]);
    expect(pack.repairs.log.map((l) => l.number).sort()).toEqual(['GD-2026-K1', 'GD-2026-K2', 'GD-2026-K3']);

    // Callbacks made in October on model A's tickets: k1 (5, "很好"), k3 (3), k8 (4, blank words; made 10-01).
    // k6's is 美的. 3 made, 3 reached; average (5 + 4 + 3) / 3 = 4.00; one comment worth printing.
    expect(pack.satisfaction).toMatchObject({ callbacks: 3, reached: 3, unreached: 0, averageX100: 400 });
    expect(pack.satisfaction.scores.map((s) => s.count)).toEqual([0, 0, 1, 1, 1]);
    expect(pack.satisfaction.comments.map((c) => [c.number, c.comments])).toEqual([['GD-2026-K1', '很好']]);

    // Complaints on model A's tickets: only TS-3 (TS-1/TS-2 name no ticket, TS-4 is 美的's). Answered in an
    // hour (on time), not resolved, its day 10-25 passed before the month's end: open late.
    expect(pack.complaints).toMatchObject({ count: 1, answered: 1, answeredOnTime: 1, resolved: 0, openLate: 1 });

    // Sold in October, model A: a1 ¥3,500 (李明), a2 no price (李明), a3 ¥4,200 (王强). a4 is September's,
    // b1 美的's, SN-A11 an exchange. 3 units, ¥7,700.00, 1 unpriced; 李明 2 / ¥3,500, 王强 1 / ¥4,200.
    expect(pack.sales.rows.map((r) => [r.soldOn, r.serial, r.salePriceFen, r.soldBy])).toEqual([
      ['2026-10-02', 'SN-A1', 350_000, '李明'],
      ['2026-10-15', 'SN-A2', null, '李明'],
      ['2026-10-31', 'SN-A3', 420_000, '王强'],
    ]);
    expect(pack.sales).toMatchObject({ units: 3, amountFen: 770_000, unpriced: 1 });
    expect(pack.sales.byModel).toEqual([{ modelName: '格力 KFR-35GW', units: 3, amountFen: 770_000 }]);
    expect(pack.sales.bySeller).toEqual([
      { seller: '李明', units: 2, amountFen: 350_000 },
      { seller: '王强', units: 1, amountFen: 420_000 },
    ]);

    // Slips back in October, model A: a1's only (a2's came back in November, b1 is 美的's).
    expect(pack.slips.map((s) => [s.cardNumber, s.serial, s.backOn])).toEqual([[cards.a1, 'SN-A1', '2026-10-08']]);
  });

  it('prints the pack numbered and archived, in both languages and sizes, and saves the workbook', async () => {
    await slipsBack();
    const pdfOf = async (id: number) => readPdf(Buffer.from((await backend.ok('documents:content', { id })).base64, 'base64'));
    const zh = await backend.ok('documents:makerReturns', { makerId, ...OCTOBER, paper: 'A4', language: 'zh-CN' });
    expect(zh.number).toMatch(/^CYB-/);
    const pages = await pdfOf(zh.id);
    const text = pages.map((p) => p.text).join('');
    // The cover and the six forms, each on a page of its own: 7 pages at least.
    expect(pages.length).toBeGreaterThanOrEqual(7);
    for (const words of ['厂家月度报表（2026-10）', '格力电器售后服务部', '每月零件更换清单', '维修月报表', '顾客满意度调查统计表', '顾客意见统计表', '每月销售统计表', '保修回执卡汇总', 'GD-2026-K1', 'SN-A3', '王强', '很好'])
      expect(text, words).toContain(words);
    expect(text).not.toContain('SN-B1');
    expect(text).not.toContain('临时');
    expect(smallestType(pages).size).toBeGreaterThanOrEqual(MIN_PT - 0.05);
    for (const [paper, language] of [
      ['A5', 'zh-CN'],
      ['A4', 'en'],
      ['A5', 'en'],
    ] as const) {
      const doc = await backend.ok('documents:makerReturns', { makerId, ...OCTOBER, paper, language });
      const p = await pdfOf(doc.id);
      expect(smallestType(p).size, `${paper} ${language}`).toBeGreaterThanOrEqual(MIN_PT - 0.05);
      if (language === 'en') expect(p.map((x) => x.text).join('')).toContain('Monthlyparts-replacedlist');
    }
    // The month's row names the last pack; it is final, not yet sent.
    const [record] = await backend.ok('makerReturns:list', { makerId });
    expect(record).toMatchObject({ month: '2026-10', provisional: false, sentOn: null, dueOn: '2026-11-05' });
    expect(record!.number).toMatch(/^CYB-/);

    const target = join(backend.dir, 'returns.xlsx');
    backend.platform.saveAnswer = target;
    expect(await backend.ok('makerReturns:export', { makerId, ...OCTOBER, language: 'zh-CN' })).toEqual({ savedTo: target, sheets: 6 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(target);
    expect(book.worksheets.map((s) => s.name)).toEqual(['每月零件更换清单', '维修月报表', '顾客满意度调查统计表', '顾客意见统计表', '每月销售统计表', '保修回执卡汇总']);
    const parts = book.getWorksheet('每月零件更换清单')!;
    expect(parts.getRow(4).values).toEqual([undefined, '2026-10-03', 'GD-2026-K1', '格力 KFR-35GW', 'SN-A1', 'PN-001 压缩机', 1, '是', '故障', '']);
    // Money as yuan numbers: the by-model total row, ¥7,700.00.
    const sales = book.getWorksheet('每月销售统计表')!;
    const total = sales.getRows(1, sales.rowCount)!.find((r) => r.getCell(1).value === '合计')!;
    expect(total.values).toEqual([undefined, '合计', 3, 7700]);
  }, 60_000);

  it('keeps the parts list inside the sheet with a long model and a fault in Chinese, the claim under its ticket', async () => {
    const db = backend.store.sqlite;
    db.prepare("update product_models set model = 'KFR-35GW/(35592)FNhAa-B1' where id = ?").run(ids.modelA);
    db.prepare("update tickets set fault_reported = '开机后外机不转，不制冷，室内机显示E1故障代码' where number = 'GD-2026-K1'").run();
    for (const [paper, language] of [
      ['A4', 'zh-CN'],
      ['A4', 'en'],
      ['A5', 'zh-CN'],
    ] as const) {
      const doc = await backend.ok('documents:makerReturns', { makerId, ...OCTOBER, paper, language });
      const pages = await readPdf(Buffer.from((await backend.ok('documents:content', { id: doc.id })).base64, 'base64'));
      // Nothing runs into the right margin (every paper keeps at least 7 mm).
      for (const page of pages) for (const run of page.runs) expect(run.right, `${paper} ${language}: ${run.text}`).toBeLessThanOrEqual(page.width - 20);
      // The list's page: the one naming the repair's ticket (on A5 the ticket column is left out).
      const list = pages.find((p) => p.text.includes('KFR-35GW/(35592)FNhAa-B1') && p.text.includes('SN-A'))!;
      // A5 leaves out the ticket, the fault and the claim.
      if (paper === 'A4') expect(list.text).toContain(language === 'en' ? 'Ticket/Claim' : '工单号/索赔单');
      if (paper === 'A4') expect(list.text).toContain('开机后外机不转，不制冷，室内机显示E1故障代码');
    }
  }, 60_000);

  it('marks a month not yet ended provisional, refuses one not begun, and records the pack sent once', async () => {
    const november = await backend.ok('documents:makerReturns', { makerId, month: '2026-11', paper: 'A4', language: 'zh-CN' });
    const text = (await readPdf(Buffer.from((await backend.ok('documents:content', { id: november.id })).base64, 'base64'))).map((p) => p.text).join('');
    expect(text).toContain('临时报表');
    expect((await backend.ok('makerReturns:pack', { makerId, month: '2026-11' })).provisional).toBe(true);
    expect((await backend.fails('makerReturns:pack', { makerId, month: '2026-12' })).details.message).toEqual({ key: 'settle.errors.monthNotStarted', params: { month: '2026-12' } });
    expect((await backend.fails('makerReturns:pack', { makerId, month: '2026-13' })).details.fields).toEqual({ month: [{ key: 'settle.errors.month' }] });
    // Sending a provisional pack, or one never issued, is refused and changes nothing.
    expect((await backend.fails('makerReturns:markSent', { makerId, month: '2026-11', sentOn: '2026-11-20' })).details.message).toMatchObject({ key: 'settle.errors.returnsProvisional' });
    expect((await backend.fails('makerReturns:markSent', { makerId, month: '2026-10', sentOn: '2026-11-20' })).details.message).toMatchObject({ key: 'settle.errors.returnsNotIssued' });

    // The Desk: October's returns were due 11-05 and are not sent: overdue by 15 days (美的's too, model B is theirs).
    const due = async () => (await backend.ok('settle:desk', {})).returnsDue.filter((d) => d.makerId === makerId);
    expect((await backend.ok('settle:desk', {})).returnsDue.map((d) => d.makerName)).toEqual(['格力电器售后服务部', '美的售后服务部']);
    expect(await due()).toEqual([
      { makerId, makerName: '格力电器售后服务部', month: '2026-10', dueOn: '2026-11-05', daysLeft: -15, number: null, provisional: false },
    ]);
    const pack = await backend.ok('documents:makerReturns', { makerId, ...OCTOBER, paper: 'A4', language: 'zh-CN' });
    expect((await backend.fails('makerReturns:markSent', { makerId, ...OCTOBER, sentOn: '2026-11-21' })).details.message).toMatchObject({ key: 'settle.errors.dayInFuture' });
    const sent = await backend.ok('makerReturns:markSent', { makerId, ...OCTOBER, sentOn: '2026-11-20', sentHow: '传真' });
    expect(sent).toMatchObject({ number: pack.number, sentOn: '2026-11-20', sentHow: '传真' });
    expect((await backend.fails('makerReturns:markSent', { makerId, ...OCTOBER, sentOn: '2026-11-20' })).code).toBe('CONFLICT');
    expect(await due()).toEqual([]);

    // November's due day is 12-05: not yet on the Desk on 12-01 (4 days), on it from 12-02 (3 days, the default).
    clock = new Date(2026, 11, 1, 10, 0);
    expect(await due()).toEqual([]);
    clock = new Date(2026, 11, 2, 10, 0);
    expect(await due()).toMatchObject([{ month: '2026-11', daysLeft: 3, provisional: true }]);
    // Reminded 5 days ahead instead: on the Desk from 11-30, so on 12-01 too (4 days left).
    clock = new Date(2026, 11, 1, 10, 0);
    await backend.ok('settle:setSettings', { depreciationBp: 10, feedbackAnswerDays: 3, returnsReminderDays: 5 });
    expect(await due()).toMatchObject([{ month: '2026-11', daysLeft: 4 }]);
  });
});

describe('quality feedback from an early warning', () => {
  it("raises the form from a warning's tickets: the unit and its latest ticket for a repeated fault, refused across models", async () => {
    // October's warnings: k2 (a1, notCooling, 10-20) repeats k1's fault on a1 (fixed 10-03): 17 days.
    const bundle = await backend.ok('reports:bundle', { from: '2026-10-01', to: '2026-10-31' });
    const repeat = bundle.warnings.find((w) => w.kind === 'repeatFault' && w.subject === 'SN-A1')!;
    expect(repeat.tickets.map((t) => t.number)).toEqual(['GD-2026-K1', 'GD-2026-K2']);
    const form = await backend.ok('feedback:create', { warningTicketIds: repeat.tickets.map((t) => t.id), problem: 'SN-A1 同一故障 17 天内再次报修' });
    expect(form).toMatchObject({ makerName: '格力电器售后服务部', ticketNumber: 'GD-2026-K2', serial: 'SN-A1', modelName: '格力 KFR-35GW', raisedOn: '2026-11-20', dueOn: '2026-11-23' });
    // A model's rate: several units of one model, so the form names the model only.
    const rate = await backend.ok('feedback:create', { warningTicketIds: [ids.k1!, ids.k3!], problem: '本月 KFR-35GW 返修率偏高' });
    expect(rate).toMatchObject({ ticketNumber: null, serial: null, modelName: '格力 KFR-35GW' });
    // Its paper prints without a ticket or unit: "none" in their places, on one A5 sheet.
    const paper = await backend.ok('documents:feedbackForm', { id: rate.id, paper: 'A5', language: 'zh-CN' });
    const pages = await readPdf(Buffer.from((await backend.ok('documents:content', { id: paper.id })).base64, 'base64'));
    expect(pages).toHaveLength(1);
    expect(pages[0]!.text).toContain('本月KFR-35GW返修率偏高');
    expect(smallestType(pages).size).toBeGreaterThanOrEqual(MIN_PT - 0.05);
    const message = async (input: unknown) => (await backend.fails('feedback:create', input)).details;
    expect((await message({ warningTicketIds: [ids.k1!, ids.k4!], problem: 'x' })).message).toMatchObject({ key: 'settle.errors.warningManyModels' });
    expect((await message({ warningTicketIds: [ids.k7!], problem: 'x' })).message).toMatchObject({ key: 'settle.errors.warningWithoutUnits' });
    expect((await message({ ticketId: ids.k1!, warningTicketIds: [ids.k1!], problem: 'x' })).fields).toEqual({ ticketId: [{ key: 'settle.errors.feedbackOneSource' }] });
    expect(backend.store.sqlite.prepare('select count(*) as n from feedback_forms').get()).toEqual({ n: 2 });
  }, 60_000);
});
