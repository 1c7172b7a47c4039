import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIN_PT } from '../../electron/backend/documents/kit/layout';
import { openTestBackend, type TestBackend } from '../support/backend';
import { readPdf, smallestType } from '../support/pdf-read';
import { AIRCON_POLICY, person } from '../support/sample';
import { unitStatusKey } from '../../shared/schemas/unit';
import { CLAIM_MAX_LINES } from '../../shared/schemas/settle';

/*
 * Settling with the maker and with the customer (issue 21), on a small data set counted by hand:
 * two makers, a customer with seven units, parts fitted in and out of warranty.
 */

/** The desk's clock, moved by the tests. */
let clock = new Date(2026, 8, 14, 10, 0);
let backend: TestBackend;
const PIN = '2580';
beforeEach(async () => {
  clock = new Date(2026, 8, 14, 10, 0);
  backend = await openTestBackend(undefined, () => clock);
  await backend.ok('session:begin', { operator: '王芳' });
  await backend.ok('settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '4008001234' });
});
afterEach(async () => {
  await backend.close();
});

const at = (day: string, hour = 10) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  clock = new Date(y, m - 1, d, hour, 0);
};
const count = (table: string, where = '1 = 1') => (backend.store.sqlite.prepare(`select count(*) as n from ${table} where ${where}`).get() as { n: number }).n;
const message = async (channel: Parameters<TestBackend['fails']>[0], input: unknown) => (await backend.fails(channel, input)).details.message;
const pdfText = async (id: number) => {
  const pages = await readPdf(Buffer.from((await backend.ok('documents:content', { id })).base64, 'base64'));
  return { pages, text: pages.map((p) => p.text).join('') };
};

async function seed() {
  const policy = await backend.ok('policies:create', AIRCON_POLICY);
  const model = (brand: string, name: string) => backend.ok('models:create', { brand, model: name, category: '空调', policyId: policy.id });
  const gree = await backend.ok('makers:create', { name: '格力电器售后服务部', contactName: '李工', fax: '0756-8668888', returnsDueDay: 5 });
  const midea = await backend.ok('makers:create', { name: '美的售后服务部' });
  const a = await model('格力', 'KFR-35GW');
  const b = await model('美的', 'KFR-26GW');
  const c = await model('格力', 'KFR-35GW/NhAa');
  const orphan = await model('海尔', 'KFR-32');
  await backend.ok('makers:setModelMaker', { modelId: a.id, makerId: gree.id });
  await backend.ok('makers:setModelMaker', { modelId: c.id, makerId: gree.id });
  await backend.ok('makers:setModelMaker', { modelId: b.id, makerId: midea.id });
  const customer = await backend.ok('customers:create', person({ name: '张三' }));
  const unit = (modelId: number, serial: string, bought: string) =>
    backend.ok('units:create', { customerId: customer.id, modelId, serial, purchaseDate: bought, acceptanceDate: bought, invoiceNumber: `FP-${serial}` });
  const p1 = await backend.ok('parts:create', { partNumber: 'CAP-35', name: '压缩机电容', costFen: 2000, priceFen: 4500, quantity: 10 });
  const p2 = await backend.ok('parts:create', { partNumber: 'RC-01', name: '遥控器', costFen: 3000, priceFen: 6000, quantity: 5 });
  return {
    gree,
    midea,
    a,
    b,
    c,
    orphan,
    customer,
    p1,
    p2,
    u1: await unit(a.id, 'GL-U1', '2026-09-10'),
    u2: await unit(a.id, 'GL-U2', '2026-05-01'),
    u3: await unit(b.id, 'MD-U3', '2026-05-01'),
    u4: await unit(a.id, 'GL-U4', '2023-05-01'),
    u5: await unit(a.id, 'GL-U5', '2026-09-01'),
    u6: await unit(a.id, 'GL-U6', '2026-08-01'),
    u7: await unit(a.id, 'GL-U7', '2026-06-01'),
    u8: await unit(orphan.id, 'HE-U8', '2026-06-01'),
  };
}
type Seeded = Awaited<ReturnType<typeof seed>>;

function report(s: Seeded, unitId: number) {
  return backend.ok('tickets:create', { customerId: s.customer.id, unitId, faultReported: '开机后不制冷', faultCategory: 'notCooling' });
}

describe('makers and models', () => {
  it('links models to makers, marks a model discontinued with its replacement, and refuses what does not fit', async () => {
    const s = await seed();
    const models = await backend.ok('makers:models', {});
    expect(models.find((m) => m.id === s.a.id)).toMatchObject({ makerName: '格力电器售后服务部', unitsInService: 6, discontinuedOn: null });
    expect((await backend.ok('makers:list', {})).map((m) => [m.name, m.modelCount])).toEqual([
      ['格力电器售后服务部', 2],
      ['美的售后服务部', 1],
    ]);
    expect((await backend.fails('makers:create', { name: '格力电器售后服务部' })).code).toBe('CONFLICT');
    expect((await backend.fails('makers:create', { name: '某厂', returnsDueDay: 31 })).details.fields).toEqual({ returnsDueDay: [{ key: 'settle.errors.dueDay' }] });

    const stopped = await backend.ok('makers:discontinueModel', { modelId: s.a.id, discontinuedOn: '2026-09-01', replacementModelId: s.c.id });
    expect(stopped).toMatchObject({ discontinuedOn: '2026-09-01', replacementName: '格力 KFR-35GW/NhAa' });
    expect(await message('makers:discontinueModel', { modelId: s.c.id, discontinuedOn: '2026-09-01', replacementModelId: s.c.id })).toEqual({ key: 'settle.errors.replacementSelf' });
    expect(await message('makers:discontinueModel', { modelId: s.b.id, discontinuedOn: '2026-09-01', replacementModelId: s.a.id })).toEqual({
      key: 'settle.errors.replacementDiscontinued',
      params: { model: '格力 KFR-35GW' },
    });
    const { modelCount: _count, ...midea } = s.midea;
    await backend.ok('makers:update', { ...midea, forms: ['partsReplaced'], archived: true });
    expect(await message('makers:setModelMaker', { modelId: s.orphan.id, makerId: s.midea.id })).toEqual({ key: 'settle.errors.makerArchived', params: { name: '美的售后服务部' } });
  });
});

describe('warranty parts claims', () => {
  it('gathers warranty parts of one maker, sends, is checked line by line, receives into stock, and settles the old parts', async () => {
    const s = await seed();
    const t2 = await report(s, s.u2.id);
    const t3 = await report(s, s.u7.id);
    const t4 = await report(s, s.u3.id);
    const fit = async (ticketId: number, partId: number, quantity: number, inWarranty?: boolean) => {
      const t = await backend.ok('tickets:addPart', { id: ticketId, partId, quantity, inWarranty });
      return t.parts[t.parts.length - 1]!;
    };
    const l2 = await fit(t2.id, s.p1.id, 1);
    const paid = await fit(t2.id, s.p2.id, 1, false);
    const l3 = await fit(t3.id, s.p1.id, 2);
    const other = await fit(t4.id, s.p1.id, 1);
    expect(l2.inWarranty).toBe(true);

    // Only the maker's own warranty parts: not the paid remote, not the Midea unit's capacitor.
    const { candidates, total } = await backend.ok('claims:candidates', { makerId: s.gree.id });
    expect(total).toBe(2);
    expect(candidates.map((c) => [c.ticketNumber, c.partNumber, c.quantity, c.serial, c.fault, c.fittedOn])).toEqual([
      [t2.number, 'CAP-35', 1, 'GL-U2', '开机后不制冷', '2026-09-14'],
      [t3.number, 'CAP-35', 2, 'GL-U7', '开机后不制冷', '2026-09-14'],
    ]);
    expect(await message('claims:create', { makerId: s.gree.id, ticketPartIds: [l2.id, paid.id] })).toEqual({
      key: 'settle.errors.claimOutOfWarranty',
      params: { part: '遥控器', number: t2.number, serial: 'GL-U2', maker: '格力电器售后服务部' },
    });
    expect((await message('claims:create', { makerId: s.gree.id, ticketPartIds: [other.id] }))?.key).toBe('settle.errors.claimOtherMaker');
    expect(count('warranty_claims') + count('warranty_claim_lines')).toBe(0);

    const claim = await backend.ok('claims:create', { makerId: s.gree.id });
    expect(claim).toMatchObject({ status: 'notSent', createdOn: '2026-09-14', makerName: '格力电器售后服务部' });
    expect(claim.number).toMatch(/^SP-2026-\d+$/);
    expect(claim.lines.map((l) => [l.ticketPartId, l.quantity, l.decision, l.oldPart])).toEqual([
      [l2.id, 1, null, 'pending'],
      [l3.id, 2, null, 'pending'],
    ]);
    const again = await backend.fails('claims:create', { makerId: s.gree.id, ticketPartIds: [l2.id] });
    expect(again.code).toBe('CONFLICT');
    expect(again.details.message).toMatchObject({ key: 'settle.errors.claimAlreadyClaimed', params: { claim: claim.number } });
    expect(await message('claims:create', { makerId: s.gree.id })).toEqual({ key: 'settle.errors.claimEmpty', params: { maker: '格力电器售后服务部' } });
    expect((await backend.ok('settle:desk', {})).claimsNotSent.map((c) => c.number)).toEqual([claim.number]);

    const [line2, line3] = claim.lines as [(typeof claim.lines)[0], (typeof claim.lines)[0]];
    expect(await message('claims:check', { id: claim.id, checkedOn: '2026-09-14', lines: [{ lineId: line2.id, decision: 'accepted' }] })).toEqual({
      key: 'settle.errors.claimNotSent',
      params: { number: claim.number },
    });
    at('2026-09-15');
    expect((await message('claims:send', { id: claim.id, waybill: 'SF1234567', sentOn: '2026-09-16' }))?.key).toBe('settle.errors.dayInFuture');
    const sent = await backend.ok('claims:send', { id: claim.id, waybill: 'SF1234567', sentOn: '2026-09-15' });
    expect(sent).toMatchObject({ status: 'waiting', sentOn: '2026-09-15', waybill: 'SF1234567' });
    expect((await backend.fails('claims:send', { id: claim.id, waybill: 'SF9', sentOn: '2026-09-15' })).code).toBe('CONFLICT');
    const waiting = await backend.ok('settle:desk', {});
    expect([waiting.claimsNotSent.length, waiting.claimsWaiting.length, waiting.partsDueBack.length]).toEqual([0, 1, 2]);

    at('2026-09-17');
    // A rejection without the maker's reason changes nothing, not even the line accepted beside it.
    expect((await message('claims:check', { id: claim.id, checkedOn: '2026-09-17', lines: [{ lineId: line2.id, decision: 'accepted' }, { lineId: line3.id, decision: 'rejected' }] }))?.key).toBe(
      'settle.errors.claimRejectNeedsReason',
    );
    expect(count('warranty_claim_lines', 'decision is not null')).toBe(0);
    const checked = await backend.ok('claims:check', {
      id: claim.id,
      checkedOn: '2026-09-17',
      lines: [
        { lineId: line2.id, decision: 'accepted' },
        { lineId: line3.id, decision: 'rejected', reason: '非质量问题：雷击损坏' },
      ],
    });
    expect(checked).toMatchObject({ status: 'checked', checkedOn: '2026-09-17' });
    const twice = await backend.fails('claims:check', { id: claim.id, checkedOn: '2026-09-17', lines: [{ lineId: line2.id, decision: 'accepted' }] });
    expect(twice.code).toBe('CONFLICT');
    expect(twice.details.message).toEqual({ key: 'settle.errors.claimLineDecided', params: { part: '压缩机电容', serial: 'GL-U2', decision: 'accepted' } });

    // The claim sheet as checked: every line with the maker's verdict, the waybill, the totals; filed under the claim.
    const sheet = await backend.ok('documents:claimForm', { id: claim.id, paper: 'A4', language: 'zh-CN' });
    expect(sheet.number).toMatch(/^SPB-2026-\d{6}$/);
    expect(await backend.ok('documents:list', { kind: 'claimForm', recordType: 'claim', recordId: claim.id })).toHaveLength(1);
    const { pages, text } = await pdfText(sheet.id);
    expect(pages).toHaveLength(1);
    const flat = text.replace(/\s/g, '');
    for (const expected of ['保修零件索赔单', claim.number, '格力电器售后服务部', 'SF1234567', t2.number, t3.number, 'GL-U2', 'GL-U7', 'CAP-35压缩机电容', '开机后不制冷', '通过', '驳回：非质量问题：雷击损坏', '共2条明细，配件3件。', '厂家审核通过1件'])
      expect(flat).toContain(expected);
    expect(smallestType(pages).size).toBeGreaterThanOrEqual(MIN_PT - 0.05);
    const en = await pdfText((await backend.ok('documents:claimForm', { id: claim.id, paper: 'A5', language: 'en' })).id);
    for (const expected of ['Warrantypartsclaim', 'Rejected:', '2lines,3part(s)inall.', 'GL-U7']) expect(en.text.replace(/\s/g, '')).toContain(expected);
    expect(smallestType(en.pages).size).toBeGreaterThanOrEqual(MIN_PT - 0.05);

    // Stock of CAP-35: 10 − 1 − 2 − 1 fitted = 6; the rejected line brings nothing, the accepted one its 1.
    expect((await backend.ok('parts:list', { query: 'CAP' }))[0]!.quantity).toBe(6);
    expect((await message('claims:receive', { id: claim.id, receivedOn: '2026-09-17', lines: [{ lineId: line3.id, quantity: 2 }] }))?.key).toBe('settle.errors.claimReceiveRejected');
    expect((await message('claims:receive', { id: claim.id, receivedOn: '2026-09-17', lines: [{ lineId: line2.id, quantity: 2 }] }))?.key).toBe('settle.errors.claimReceiveTooMany');
    const received = await backend.ok('claims:receive', { id: claim.id, receivedOn: '2026-09-17', lines: [{ lineId: line2.id, quantity: 1 }] });
    expect(received.lines[0]).toMatchObject({ receivedQuantity: 1, receivedOn: '2026-09-17' });
    expect((await backend.ok('parts:list', { query: 'CAP' }))[0]!.quantity).toBe(7);
    const moves = await backend.ok('parts:moves', { id: s.p1.id });
    expect(moves.filter((m) => m.note === claim.number).map((m) => [m.reason, m.delta])).toEqual([['receive', 1]]);

    expect(await message('claims:oldPart', { lineId: line2.id, fate: 'returned', on: '2026-09-17' })).toEqual({ key: 'settle.errors.oldPartNeedsWaybill', params: { part: '压缩机电容' } });
    expect((await message('claims:oldPart', { lineId: line3.id, fate: 'kept', on: '2026-09-17', postageFen: 500 }))?.key).toBe('settle.errors.oldPartPostageOnlyReturned');
    await backend.ok('claims:oldPart', { lineId: line2.id, fate: 'returned', on: '2026-09-17', waybill: 'YT777', postageFen: 1200 });
    expect((await backend.fails('claims:oldPart', { lineId: line2.id, fate: 'scrapped', on: '2026-09-17' })).code).toBe('CONFLICT');
    const done = await backend.ok('claims:oldPart', { lineId: line3.id, fate: 'scrapped', on: '2026-09-17' });
    expect(done.postageFen).toBe(1200);
    expect(done.lines.map((l) => [l.oldPart, l.oldWaybill])).toEqual([
      ['returned', 'YT777'],
      ['scrapped', null],
    ]);
    const desk = await backend.ok('settle:desk', {});
    expect([desk.claimsNotSent.length, desk.claimsWaiting.length, desk.partsDueBack.length]).toEqual([0, 0, 0]);
  });
});

describe('a desk with years of parts never claimed', () => {
  it('offers the oldest a claim can take, says how many there are in all, narrows them to the days asked, and claims them a claim at a time', async () => {
    at('2026-09-14');
    const s = await seed();
    const t = await report(s, s.u2.id);
    const fitted = await backend.ok('tickets:addPart', { id: t.id, partId: s.p1.id, quantity: 1 });
    // 503 more warranty parts over three years (written straight to the table: the API would
    // take a ticket each), one a day from 2023-01-01: the oldest go first.
    const insert = backend.store.sqlite.prepare(
      `insert into ticket_parts (ticket_id, part_id, quantity, price_fen, cost_fen, in_warranty, component_key, fitted_on, created_at) values (?, ?, 1, 4500, 2000, 1, null, date('2023-01-01', ?), 0)`,
    );
    backend.store.sqlite.transaction(() => {
      for (let i = 0; i < 503; i++) insert.run(t.id, s.p1.id, `+${i} days`);
    })();

    const first = await backend.ok('claims:candidates', { makerId: s.gree.id });
    expect([first.total, first.candidates.length, first.candidates[0]!.fittedOn, first.candidates[499]!.fittedOn]).toEqual([504, CLAIM_MAX_LINES, '2023-01-01', '2024-05-14']);
    const may = await backend.ok('claims:candidates', { makerId: s.gree.id, fittedFrom: '2024-05-10', fittedTo: '2024-05-31' });
    expect([may.total, may.candidates.length, may.candidates[0]!.fittedOn, may.candidates.at(-1)!.fittedOn]).toEqual([8, 8, '2024-05-10', '2024-05-17']);
    expect((await backend.fails('claims:candidates', { makerId: s.gree.id, fittedFrom: '2024-05-31', fittedTo: '2024-05-10' })).details.fields?.fittedTo?.[0]?.key).toBe('settle.errors.fittedToBeforeFrom');
    // One line more than a claim takes is refused, and nothing is written.
    const ids = first.candidates.map((c) => c.ticketPartId);
    expect((await backend.fails('claims:create', { makerId: s.gree.id, ticketPartIds: [...ids, fitted.parts[0]!.id] })).code).toBe('VALIDATION');
    expect(count('warranty_claims')).toBe(0);

    // Claimed without naming parts: the oldest 500, then the rest in a second claim.
    expect((await backend.ok('claims:create', { makerId: s.gree.id })).lines.length).toBe(CLAIM_MAX_LINES);
    const left = await backend.ok('claims:candidates', { makerId: s.gree.id });
    expect([left.total, left.candidates.map((c) => c.fittedOn)]).toEqual([4, ['2024-05-15', '2024-05-16', '2024-05-17', '2026-09-14']]);
    expect((await backend.ok('claims:create', { makerId: s.gree.id })).lines.length).toBe(4);
    expect((await backend.ok('claims:candidates', { makerId: s.gree.id })).total).toBe(0);
  });
});

describe('refund and exchange under 三包', () => {
  it('refunds within 7 days with the depreciation counted line by line, less the days in repair', async () => {
    const s = await seed();
    // Bought 09-10, reported 09-14: within 7 days, so the verdict allows a refund.
    const t1 = await report(s, s.u1.id);
    at('2026-09-16');
    const preview = await backend.ok('settlements:preview', { ticketId: t1.id, priceFen: 200_000 });
    // 09-10 → 09-16: 6 days; in repair 09-14 → 09-16 (15, 16): 2; charged 4 × ¥2,000.00 × 0.10 % = ¥8.00.
    expect(preview).toEqual({
      invoiceDate: '2026-09-10',
      settledOn: '2026-09-16',
      daysElapsed: 6,
      stays: [{ ticketNumber: t1.number, from: '2026-09-14', to: '2026-09-16', days: 2 }],
      repairDays: 2,
      chargedDays: 4,
      rateBp: 10,
      depreciationFen: 800,
      refundFen: 199_200,
      refundAllowed: true,
      exchangeAllowed: true,
    });
    const refund = await backend.ok('settlements:refund', { ticketId: t1.id, priceFen: 200_000, testReport: 'JC-0916-01', receiptDate: '2026-09-10' });
    expect(refund).toMatchObject({ kind: 'refund', depreciationFen: 800, refundFen: 199_200, chargedDays: 4, testReport: 'JC-0916-01', customerName: '张三', serial: 'GL-U1' });
    expect(refund.number).toMatch(/^TH-2026-\d+$/);
    expect((await backend.ok('units:get', { id: s.u1.id })).status).toBe('returned');
    expect((await backend.ok('tickets:get', { id: t1.id })).sanbaoPath).toMatchObject({ path: 'refund', note: refund.number });
    expect((await backend.fails('settlements:refund', { ticketId: t1.id, priceFen: 200_000 })).code).toBe('CONFLICT');

    const zh = await backend.ok('documents:settlementForm', { id: refund.id, paper: 'A4', language: 'zh-CN' });
    const { pages, text } = await pdfText(zh.id);
    expect(pages).toHaveLength(1);
    for (const expected of ['三包退货单', refund.number, '张三', 'GL-U1', 'JC-0916-01', '¥2,000.00', '¥8.00', '¥1,992.00', '−2天', '4天']) expect(text.replace(/\s/g, '')).toContain(expected.replace(/\s/g, ''));
    expect(smallestType(pages).size).toBeGreaterThanOrEqual(MIN_PT - 0.05);
    const en = await backend.ok('documents:settlementForm', { id: refund.id, paper: 'A5', language: 'en' });
    const enText = (await pdfText(en.id)).text;
    for (const expected of ['Returnform', 'Amountrefunded', '¥1,992.00']) expect(enText.replace(/\s/g, '')).toContain(expected);
  });

  it('refuses a refund past the 7-day window and a negative refund; takes the admin PIN to override, and logs why', async () => {
    const s = await seed();
    // Bought 08-01, reported 09-15: no 三包 verdict at all.
    at('2026-09-15');
    const t6 = await report(s, s.u6.id);
    at('2026-09-18');
    expect(await message('settlements:refund', { ticketId: t6.id, priceFen: 100_000 })).toEqual({
      key: 'settle.errors.refundWindow',
      params: { invoice: '2026-08-01', days: 48, number: t6.number },
    });
    expect((await message('settlements:exchange', { ticketId: t6.id, priceFen: 100_000, newSerial: 'GL-NEW' }))?.key).toBe('settle.errors.exchangeWindow');
    await backend.ok('session:setPin', { next: PIN });
    await backend.ok('session:lock', {});
    expect((await backend.fails('settlements:refund', { ticketId: t6.id, priceFen: 100_000, overrideReason: '总经理特批' })).code).toBe('PIN_REQUIRED');
    await backend.ok('session:unlock', { pin: PIN });
    // 08-01 → 09-18: 48 days; in repair 09-15 → 09-18: 3; 45 days at 3 % a day is more than the price.
    expect(await message('settlements:refund', { ticketId: t6.id, priceFen: 100_000, overrideReason: '总经理特批', rateBp: 300 })).toEqual({
      key: 'settle.errors.rateTooHigh',
      params: { rate: '3.00', days: 45, depreciation: 135_000, price: 100_000 },
    });
    expect(count('sanbao_settlements')).toBe(0);
    expect((await backend.ok('units:get', { id: s.u6.id })).status).toBe('inService');
    // 45 × ¥1,000.00 × 0.10 % = ¥45.00.
    const refund = await backend.ok('settlements:refund', { ticketId: t6.id, priceFen: 100_000, overrideReason: '总经理特批' });
    expect(refund).toMatchObject({ daysElapsed: 48, repairDays: 3, chargedDays: 45, depreciationFen: 4_500, refundFen: 95_500, overrideReason: '总经理特批' });
    const logged = backend.store.sqlite.prepare(`select c.elevated from audit_rows r join audit_changes c on c.id = r.change_id where r.table_name = 'sanbao_settlements'`).all() as { elevated: number }[];
    expect(logged).toEqual([{ elevated: 1 }]);
  });

  it('exchanges within 15 days for the replacement of a discontinued model: a new unit whose terms start that day, each pointing at the other', async () => {
    const s = await seed();
    await backend.ok('makers:discontinueModel', { modelId: s.a.id, discontinuedOn: '2026-09-01', replacementModelId: s.c.id });
    // Bought 09-01, reported 09-12 (day 11): exchange, not refund.
    at('2026-09-12');
    const t5 = await report(s, s.u5.id);
    at('2026-09-18');
    expect((await message('settlements:refund', { ticketId: t5.id, priceFen: 300_000 }))?.key).toBe('settle.errors.refundWindow');
    expect(await message('settlements:exchange', { ticketId: t5.id, priceFen: 300_000, newSerial: 'GL-NEW1', newModelId: s.a.id })).toEqual({
      key: 'settle.errors.exchangeDiscontinued',
      params: { model: '格力 KFR-35GW' },
    });
    const swap = await backend.ok('settlements:exchange', { ticketId: t5.id, priceFen: 300_000, newSerial: 'GL-NEW1', newPriceFen: 328_000 });
    expect(swap).toMatchObject({ kind: 'exchange', newModelName: '格力 KFR-35GW/NhAa', newSerial: 'GL-NEW1', differenceFen: 28_000, depreciationFen: 0 });
    const fresh = await backend.ok('units:get', { id: swap.newUnitId! });
    expect(fresh).toMatchObject({ customerId: s.customer.id, purchaseDate: '2026-09-18', acceptanceDate: '2026-09-18', status: 'inService' });
    const row = (id: number) => backend.store.sqlite.prepare('select status, replaced_by_id, replaces_id from units where id = ?').get(id);
    expect(row(s.u5.id)).toEqual({ status: 'replaced', replaced_by_id: fresh.id, replaces_id: null });
    expect(row(fresh.id)).toEqual({ status: 'inService', replaced_by_id: null, replaces_id: s.u5.id });
    // The unit given back reads as exchanged, not merely replaced, wherever its status shows.
    const given = await backend.ok('units:get', { id: s.u5.id });
    expect(given).toMatchObject({ replacedById: fresh.id, replacesId: null });
    expect(unitStatusKey(given)).toBe('unitStatus.exchanged');
    expect(unitStatusKey({ status: 'replaced', replacedById: null })).toBe('unitStatus.replaced');
    const doc = await backend.ok('documents:settlementForm', { id: swap.id, paper: 'A5', language: 'zh-CN' });
    const { text } = await pdfText(doc.id);
    for (const expected of ['三包换货单', 'GL-NEW1', '客户应补差价', '¥280.00', '2026-09-18']) expect(text.replace(/\s/g, '')).toContain(expected);
  });
});

describe('quality feedback', () => {
  it('sends a feedback form the same day, due in 3 days, overdue on the Desk after, printable', async () => {
    const s = await seed();
    const t2 = await report(s, s.u2.id);
    const form = await backend.ok('feedback:create', { ticketId: t2.id, problem: '同批次压缩机电容鼓包，已更换 3 台' });
    expect(form).toMatchObject({ raisedOn: '2026-09-14', dueOn: '2026-09-17', makerName: '格力电器售后服务部', serial: 'GL-U2', overdue: false });
    expect(await message('feedback:create', { ticketId: (await report(s, s.u8.id)).id, problem: '异响' })).toEqual({ key: 'settle.errors.modelWithoutMaker', params: { model: '海尔 KFR-32' } });
    at('2026-09-17', 18);
    expect((await backend.ok('settle:desk', {})).feedbackOverdue).toEqual([]);
    at('2026-09-18');
    expect((await backend.ok('settle:desk', {})).feedbackOverdue.map((f) => f.number)).toEqual([form.number]);
    const doc = await backend.ok('documents:feedbackForm', { id: form.id, paper: 'A4', language: 'zh-CN' });
    const { pages, text } = await pdfText(doc.id);
    expect(pages).toHaveLength(1);
    for (const expected of ['信息返馈单', '格力电器售后服务部', '0756-8668888', '同批次压缩机电容鼓包', '2026-09-17']) expect(text.replace(/\s/g, '')).toContain(expected);
    const answered = await backend.ok('feedback:answer', { id: form.id, answer: '该批次已召回，补发电容 3 只', answeredOn: '2026-09-18' });
    expect(answered.overdue).toBe(false);
    expect((await backend.fails('feedback:answer', { id: form.id, answer: '再答', answeredOn: '2026-09-18' })).code).toBe('CONFLICT');
    await backend.ok('settle:setSettings', { depreciationBp: 10, feedbackAnswerDays: 5 });
    expect((await backend.ok('feedback:create', { ticketId: t2.id, problem: '外机异响' })).dueOn).toBe('2026-09-23');
  });
});

describe('scrapping', () => {
  it('scraps stock parts, a loaner once back, and a unit whose loaner the customer keeps, with the admin PIN', async () => {
    const s = await seed();
    const loaner = await backend.ok('loaners:create', { name: '备用空调 1 号', serial: 'BY-001' });
    const t4 = await report(s, s.u4.id);
    const t7 = await report(s, s.u7.id);
    const loan = await backend.ok('loans:issue', { ticketId: t7.id, loanerId: loaner.id, expectedReturn: '2026-09-20' });
    const approval = { reason: '受潮短路', assessment: '主板烧毁，无修复价值', disposal: '交废旧电器回收站', approvedBy: '赵经理' };

    await backend.ok('session:setPin', { next: PIN });
    await backend.ok('session:lock', {});
    expect((await backend.fails('scrapping:create', { kind: 'part', partId: s.p2.id, quantity: 2, ...approval })).code).toBe('PIN_REQUIRED');
    await backend.ok('session:unlock', { pin: PIN });

    expect((await message('scrapping:create', { kind: 'part', partId: s.p2.id, quantity: 9, ...approval }))?.key).toBe('stock.errors.belowZero');
    const parts = await backend.ok('scrapping:create', { kind: 'part', partId: s.p2.id, quantity: 2, ...approval });
    expect(parts).toMatchObject({ kind: 'part', what: 'RC-01 遥控器', quantity: 2, approvedBy: '赵经理', scrappedOn: '2026-09-14' });
    expect((await backend.ok('parts:list', { query: 'RC' }))[0]!.quantity).toBe(3);

    expect(await message('scrapping:create', { kind: 'loaner', loanerId: loaner.id, ...approval })).toEqual({
      key: 'settle.errors.scrapOnLoan',
      params: { what: `备用空调 1 号 (${t7.number})` },
    });
    await backend.ok('loans:return', { id: loan.id });
    await backend.ok('scrapping:create', { kind: 'loaner', loanerId: loaner.id, ...approval });
    expect((await backend.ok('loaners:list', {})).find((l) => l.id === loaner.id)?.active).toBe(false);

    const spare = await backend.ok('loaners:create', { name: '备用空调 2 号' });
    const kept = await backend.ok('loans:issue', { ticketId: t4.id, loanerId: spare.id, expectedReturn: '2026-09-20' });
    // The dialog offers the loaner out on the unit's own tickets only (not t7's, on another unit, now back).
    expect(await backend.ok('scrapping:loansOut', { unitId: s.u4.id })).toEqual([{ loanId: kept.id, loanerName: '备用空调 2 号', ticketNumber: t4.number, issuedAt: expect.any(Number) }]);
    expect(await backend.ok('scrapping:loansOut', { unitId: s.u7.id })).toEqual([]);
    expect((await message('scrapping:create', { kind: 'unit', unitId: s.u4.id, keepLoanId: loan.id, ...approval }))?.key).toBe('settle.errors.keepLoanNotOpen');
    const unit = await backend.ok('scrapping:create', { kind: 'unit', unitId: s.u4.id, keepLoanId: kept.id, ...approval });
    expect(unit).toMatchObject({ kind: 'unit', what: '格力 KFR-35GW GL-U4', customerName: '张三', keptLoaner: '备用空调 2 号' });
    expect((await backend.ok('units:get', { id: s.u4.id })).status).toBe('scrapped');
    expect((await backend.ok('loans:list', { openOnly: true })).map((l) => l.id)).not.toContain(kept.id);
    expect(await backend.ok('scrapping:loansOut', { unitId: s.u4.id })).toEqual([]);
    expect((await backend.fails('scrapping:create', { kind: 'unit', unitId: s.u4.id, ...approval })).code).toBe('CONFLICT');
    expect(count('scrap_records')).toBe(3);

    const zh = await backend.ok('documents:scrapRecord', { id: unit.id, paper: 'A5', language: 'zh-CN' });
    const { pages, text } = await pdfText(zh.id);
    expect(pages).toHaveLength(1);
    for (const expected of ['报废品处理记录', unit.number, 'GL-U4', '主板烧毁', '交废旧电器回收站', '赵经理', '备用空调2号']) expect(text.replace(/\s/g, '')).toContain(expected.replace(/\s/g, ''));
    expect(smallestType(pages).size).toBeGreaterThanOrEqual(MIN_PT - 0.05);
  });
});

describe('spares for what is no longer made', () => {
  it('holds a spare as a share of the units in service, rounded up', async () => {
    const s = await seed();
    await backend.ok('makers:discontinueModel', { modelId: s.b.id, discontinuedOn: '2026-09-01', replacementModelId: s.c.id });
    for (let i = 0; i < 33; i++) await backend.ok('units:create', { customerId: s.customer.id, modelId: s.b.id, serial: `MD-X${i}`, purchaseDate: '2026-01-01' });
    const part = await backend.ok('parts:create', { partNumber: 'MD-PCB', name: '美的主板', costFen: 1, priceFen: 2, quantity: 1 });
    expect(await message('spares:setShare', { partId: part.id, modelId: s.b.id, sharePct: null })).toEqual({ key: 'settle.errors.shareNeedsBoth' });
    // 34 units × 3 % = 1.02 → at least 2 on the shelf; 1 is low.
    const levels = await backend.ok('spares:setShare', { partId: part.id, modelId: s.b.id, sharePct: 3 });
    expect(levels).toEqual([
      { partId: part.id, partNumber: 'MD-PCB', name: '美的主板', quantity: 1, modelId: s.b.id, modelName: '美的 KFR-26GW', discontinued: true, unitsInService: 34, sharePct: 3, required: 2, low: true },
    ]);
    expect((await backend.ok('settle:desk', {})).sparesLow.map((p) => p.partNumber)).toEqual(['MD-PCB']);
    // The parts list and the Desk's low-stock count flag it too (its reorder level, 0, alone would not);
    // the 10 capacitors and 5 remotes of the seed are above both rules.
    const listed = async () => (await backend.ok('parts:list', { query: 'MD-PCB' }))[0]!;
    expect(await listed()).toMatchObject({ quantity: 1, reorderLevel: 0, shareRequired: 2, low: true });
    expect((await backend.ok('parts:list', { query: '', lowStockOnly: true })).map((p) => p.partNumber)).toEqual(['MD-PCB']);
    expect((await backend.ok('desk:board', {})).lowStockParts).toBe(1);
    await backend.ok('parts:receive', { partId: part.id, quantity: 1 });
    expect((await backend.ok('settle:desk', {})).sparesLow).toEqual([]);
    expect(await listed()).toMatchObject({ quantity: 2, shareRequired: 2, low: false });
    expect((await backend.ok('parts:list', { query: '', lowStockOnly: true })).map((p) => p.partNumber)).toEqual([]);
    expect((await backend.ok('desk:board', {})).lowStockParts).toBe(0);
  });
});

describe('the fee list', () => {
  it('prints the fees the desk keeps, for the counter and for the customer', async () => {
    await backend.ok('fees:create', { name: '上门检测费', amountFen: 5000 });
    await backend.ok('fees:create', { name: '加氟（R410A）', amountFen: 28000 });
    for (const copy of ['counter', 'customer'] as const) {
      const doc = await backend.ok('documents:feeList', { copy, paper: 'A4', language: 'zh-CN' });
      const { text } = await pdfText(doc.id);
      for (const expected of ['统一收费标准', '上门检测费', '¥50.00', '加氟（R410A）', '¥280.00', copy === 'counter' ? '柜台张贴' : '客户留存']) expect(text.replace(/\s/g, '')).toContain(expected.replace(/\s/g, ''));
    }
    const en = await backend.ok('documents:feeList', { copy: 'customer', paper: 'A5', language: 'en' });
    expect((await pdfText(en.id)).text.replace(/\s/g, '')).toContain('Servicecharges');
  });
});
