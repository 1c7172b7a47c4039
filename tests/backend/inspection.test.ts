import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIN_PT } from '../../electron/backend/documents/kit/layout';
import { translator } from '../../shared/i18n';
import { openTestBackend, type TestBackend } from '../support/backend';
import { readPdf, smallestType } from '../support/pdf-read';
import { person, seedModel } from '../support/sample';

/*
 * Checklists and recording an inspection, on a real database: readings checked against their
 * range, a finding opening a repair ticket linked to the visit, checklist versions kept by the
 * visits that used them, and every bad input refused with nothing saved.
 */

let backend: TestBackend;
const squeeze = (s: string) => s.replace(/\s+/g, '');
const clock = () => new Date('2026-12-15T16:00:00+08:00');

const AIRCON_ITEMS = [
  { key: 'filter', text: '清洗过滤网', textEn: 'Clean the filter', standard: '无积尘、无破损', answer: 'check' as const, kinds: ['inspection' as const, 'maintenance' as const] },
  {
    key: 'pressure',
    text: '冷媒低压压力',
    textEn: 'Refrigerant low-side pressure',
    standard: '制冷运行 0.8–1.2 MPa',
    answer: 'reading' as const,
    unit: 'MPa',
    min: 0.8,
    max: 1.2,
    kinds: ['inspection' as const],
  },
  { key: 'insulation', text: '压缩机绝缘电阻', standard: '≥ 2 MΩ', answer: 'reading' as const, unit: 'MΩ', min: 2, kinds: ['maintenance' as const] },
];

async function setUp() {
  const model = await seedModel(backend);
  const customer = await backend.ok('customers:create', person({ name: '杭州市余杭区良渚第二小学', kind: 'organisation' }));
  const unit = (serial: string) =>
    backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial, purchaseDate: '2026-03-01', acceptanceDate: '2026-03-05', invoiceNumber: `FP-${serial}` });
  const [a, b] = [await unit('AC-0001'), await unit('AC-0002')];
  const checklist = await backend.ok('checklists:create', { name: '分体空调季度巡检', category: model.category, items: AIRCON_ITEMS });
  const contract = await backend.ok('contracts:create', {
    customerId: customer.id,
    unitIds: [a.id, b.id],
    kind: 'paid',
    startsOn: '2026-12-01',
    endsOn: '2027-11-30',
    plan: [{ kind: 'inspection', repeat: 'quarter', from: '2026-12-01', to: '2027-11-30' }],
  });
  return { model, customer, a, b, checklist, contract, visit: contract.visits[0]! };
}

beforeEach(async () => {
  backend = await openTestBackend(undefined, clock);
  await backend.ok('session:begin', { operator: '王芳' });
});
afterEach(async () => {
  await backend.close();
});

describe('an inspection', () => {
  it("asks each unit its checklist's items for the kind of visit", async () => {
    const { visit, checklist } = await setUp();
    const inspection = await backend.ok('visits:inspection', { id: visit.id });
    expect(inspection.units.map((u) => u.serial)).toEqual(['AC-0001', 'AC-0002']);
    // A quarterly inspection does not ask the yearly insulation test.
    expect(inspection.units[0]!.checklist).toMatchObject({ id: checklist.id, version: 1 });
    expect(inspection.units[0]!.checklist!.items.map((i) => i.key)).toEqual(['filter', 'pressure']);
  });

  it('marks a reading out of range, opens one repair ticket for it linked to the visit, and finishes', async () => {
    const { visit, a, b } = await setUp();
    const recorded = await backend.ok('visits:record', {
      id: visit.id,
      arrivedAt: new Date('2026-12-15T09:00:00+08:00').getTime(),
      leftAt: new Date('2026-12-15T11:30:00+08:00').getTime(),
      units: [
        { unitId: a.id, items: [{ key: 'filter', answer: 'adjusted', remark: '已清洗' }, { key: 'pressure', reading: 0.55, remark: '疑似缺冷媒' }] },
        { unitId: b.id, items: [{ key: 'filter', answer: 'ok' }, { key: 'pressure', reading: 1.0 }] },
      ],
      fixedOnSpot: '清洗两台过滤网',
      advice: '一号机补充冷媒',
      feedback: '满意',
      signedBy: '后勤处 张老师',
    });
    const [first, second] = recorded.units;
    expect(first!.findings.find((f) => f.key === 'pressure')).toMatchObject({ reading: 0.55, readingState: 'low', needsRepair: true, ticketId: null });
    expect(second!.findings.every((f) => !f.needsRepair)).toBe(true);

    const ticket = await backend.ok('visits:openTicket', { id: visit.id, unitId: a.id, key: 'pressure' });
    expect(ticket).toMatchObject({ source: 'inspection', unitId: a.id, status: 'new' });
    expect(ticket.faultReported).toContain(visit.number);
    expect(ticket.faultReported).toContain('0.55 MPa');
    const visitOf = backend.store.sqlite.prepare('select visit_id from tickets where id = ?').get(ticket.id);
    expect(visitOf).toEqual({ visit_id: visit.id });
    // Once only.
    expect((await backend.fails('visits:openTicket', { id: visit.id, unitId: a.id, key: 'pressure' })).details.message?.key).toBe('maintenance.errors.findingHasTicket');
    // A finding that is fine has nothing to repair.
    expect((await backend.fails('visits:openTicket', { id: visit.id, unitId: b.id, key: 'pressure' })).details.message?.key).toBe('maintenance.errors.findingFine');

    // Recording again keeps the ticket the finding opened; finishing closes the visit.
    const finished = await backend.ok('visits:record', {
      id: visit.id,
      units: [{ unitId: a.id, items: [{ key: 'filter', answer: 'adjusted' }, { key: 'pressure', reading: 0.55 }] }],
      finish: true,
    });
    expect(finished.units[0]!.findings.find((f) => f.key === 'pressure')!.ticketNumber).toBe(ticket.number);
    const closed = await backend.ok('visits:get', { id: visit.id });
    expect(closed.status).toBe('done');
    expect((await backend.fails('visits:record', { id: visit.id, units: [] })).details.message?.key).toBe('maintenance.errors.visitClosed');
  });

  it('refuses a unit the visit does not cover, an unknown item, a reading that is not a number, and saves nothing', async () => {
    const { visit, a, model, customer } = await setUp();
    const stranger = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'AC-0009', purchaseDate: '2026-03-01' });
    const unitKey = await backend.fails('visits:record', { id: visit.id, units: [{ unitId: stranger.id, items: [] }] });
    expect(unitKey.details.message?.key).toBe('maintenance.errors.unitNotInVisit');
    const item = await backend.fails('visits:record', { id: visit.id, units: [{ unitId: a.id, items: [{ key: 'insulation', reading: 5 }] }] });
    expect(item.details.message?.key).toBe('maintenance.errors.itemUnknown');
    const notNumber = await backend.fails('visits:record', { id: visit.id, units: [{ unitId: a.id, items: [{ key: 'pressure', reading: '0,9' as unknown as number }] }] });
    expect(notNumber.details.fields?.['units.0.items.0.reading']?.[0]?.key).toBe('maintenance.errors.readingNotNumber');
    const times = await backend.fails('visits:record', {
      id: visit.id,
      arrivedAt: new Date('2026-12-15T11:00:00+08:00').getTime(),
      leftAt: new Date('2026-12-15T09:00:00+08:00').getTime(),
      units: [],
    });
    expect(times.details.message?.key).toBe('maintenance.errors.leftBeforeArrived');
    expect((await backend.ok('visits:inspection', { id: visit.id })).units.every((u) => u.findings.length === 0)).toBe(true);
  });
});

describe('a checklist', () => {
  it('edited after a visit used it becomes a new version; the finished visit keeps its own', async () => {
    const { visit, a, checklist, model } = await setUp();
    await backend.ok('visits:record', { id: visit.id, units: [{ unitId: a.id, items: [{ key: 'filter', answer: 'ok' }] }], finish: true });
    const changed = await backend.ok('checklists:update', {
      id: checklist.id,
      name: checklist.name,
      category: model.category,
      items: [...AIRCON_ITEMS, { key: 'drain', text: '检查排水', standard: '排水通畅', answer: 'check' as const, kinds: ['inspection' as const] }],
    });
    expect([changed.version, changed.usedBy]).toEqual([2, 1]);
    const old = await backend.ok('visits:inspection', { id: visit.id });
    expect(old.units[0]!.checklist).toMatchObject({ version: 1 });
    expect(old.units[0]!.checklist!.items.map((i) => i.key)).toEqual(['filter', 'pressure']);
    // The next visit asks the new item.
    const contract = await backend.ok('contracts:get', { id: visit.contractId! });
    const next = await backend.ok('visits:inspection', { id: contract.visits[1]!.id });
    expect(next.units[0]!.checklist!.items.map((i) => i.key)).toEqual(['filter', 'pressure', 'drain']);
  });

  it('refuses a second checklist for the same category, a reversed range and a key used twice', async () => {
    const { model } = await setUp();
    const taken = await backend.fails('checklists:create', { name: '另一张', category: model.category, items: AIRCON_ITEMS });
    expect(taken.details.message?.key).toBe('maintenance.errors.checklistTaken');
    const reversed = await backend.fails('checklists:create', { name: '投影机', category: '投影机', items: [{ ...AIRCON_ITEMS[1]!, min: 2, max: 1 }] });
    expect(reversed.details.fields?.['items.0.max']?.[0]?.key).toBe('maintenance.errors.rangeReversed');
    const twice = await backend.fails('checklists:create', { name: '投影机', category: '投影机', items: [AIRCON_ITEMS[0]!, AIRCON_ITEMS[0]!] });
    expect(twice.details.fields?.['items.1.key']?.[0]?.key).toBe('maintenance.errors.itemKeyTwice');
    expect((await backend.ok('checklists:list', {})).map((c) => c.name)).toEqual(['分体空调季度巡检']);
  });
});

describe('the inspection form', () => {
  const pdfOf = async (id: number) => Buffer.from((await backend.ok('documents:content', { id })).base64, 'base64');

  it.each([
    ['A4', 'zh-CN'],
    ['A5', 'en'],
  ] as const)('on %s in %s: blank with every item to tick and the visit number in its QR code, then filled with what was found', async (paper, language) => {
    await backend.ok('settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234' });
    const { visit, a, b } = await setUp();
    const blank = await backend.ok('documents:inspectionForm', { visitId: visit.id, paper, language });
    expect(blank.number).toMatch(/^XJB-2026-\d{6}$/);
    expect(blank.missingGlyphs).toEqual([]);
    const blankPages = await readPdf(await pdfOf(blank.id));
    const blankText = blankPages.map((p) => p.text).join('');
    expect(blankText).toContain(visit.number);
    expect(blankText).toContain(language === 'en' ? 'Refrigerantlow-sidepressure' : '冷媒低压压力');
    expect(blankText).toContain('0.8–1.2MPa');
    expect(blankText).toContain('AC-0002');
    expect(smallestType(blankPages).size).toBeGreaterThanOrEqual(MIN_PT - 0.05);

    await backend.ok('visits:record', {
      id: visit.id,
      units: [
        { unitId: a.id, items: [{ key: 'filter', answer: 'adjusted' }, { key: 'pressure', reading: 0.55, remark: '疑似缺冷媒' }] },
        { unitId: b.id, items: [{ key: 'filter', answer: 'ok' }, { key: 'pressure', reading: 1.0 }] },
      ],
      advice: '一号机补充冷媒',
      signedBy: '张老师',
    });
    const ticket = await backend.ok('visits:openTicket', { id: visit.id, unitId: a.id, key: 'pressure' });
    const filled = await backend.ok('documents:inspectionForm', { visitId: visit.id, filled: true, paper, language });
    const text = (await readPdf(await pdfOf(filled.id))).map((p) => p.text).join('');
    const t = translator(language);
    // Out of range in words, not only in colour: it reads the same in black-only print.
    expect(text).toContain(squeeze(`0.55 MPa（${t('inspectionPrint.outOfRange.low')}）`));
    expect(text).toContain(ticket.number);
    expect(text).toContain('一号机补充冷媒');
    expect(text).toContain(squeeze(t('inspectionPrint.signedBy', { name: '张老师' })));
  });
});
