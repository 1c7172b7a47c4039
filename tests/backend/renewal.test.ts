import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIN_PT } from '../../electron/backend/documents/kit/layout';
import { translator } from '../../shared/i18n';
import { openTestBackend, type TestBackend } from '../support/backend';
import { readPdf, smallestType } from '../support/pdf-read';
import { person, phoneTicket, seedModel } from '../support/sample';

/*
 * Renewal (续保), on a real database: what is due before a contract or a whole-unit warranty
 * ends, renewing (the next contract from the last), the customer's "no", the dedicated visit,
 * and the two papers read back.
 */

let backend: TestBackend;
// A Friday; with the default 10 days the window runs to Monday 30 November.
const clock = () => new Date('2026-11-20T09:00:00+08:00');

const quarterly = (from: string, to: string) => ({ kind: 'inspection' as const, repeat: 'quarter' as const, from, to });
const monthly = (from: string, to: string) => ({ kind: 'callback' as const, repeat: 'months' as const, n: 1, from, to });

async function setUp() {
  const model = await seedModel(backend);
  const customer = await backend.ok('customers:create', person({ name: '杭州市余杭区良渚第二小学', kind: 'organisation' }));
  // The whole unit is in warranty 12 months from acceptance.
  const unit = (serial: string, acceptanceDate: string) =>
    backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial, purchaseDate: acceptanceDate, acceptanceDate, invoiceNumber: `FP-${serial}` });
  const a = await unit('AC-0001', '2024-11-01');
  const b = await unit('AC-0002', '2024-11-01');
  // Whole-unit warranty to 2026-11-26 (the engine's last covered day), no contract: due.
  const w = await unit('AC-0100', '2025-11-26');
  // Same end, but a contract covers the day after: not due.
  const x = await unit('AC-0101', '2025-11-26');
  // Ends 2026-12-20, a Sunday, moved to Monday the 21st: due only with a longer lead time.
  const y = await unit('AC-0102', '2025-12-20');
  const contract = await backend.ok('contracts:create', {
    customerId: customer.id,
    unitIds: [a.id, b.id],
    kind: 'paid',
    startsOn: '2025-12-01',
    endsOn: '2026-11-30',
    priceFen: 360_000,
    paymentTerms: '签约时付清',
    plan: [monthly('2025-12-01', '2026-11-30'), quarterly('2025-12-01', '2026-11-30')],
  });
  await backend.ok('contracts:create', { customerId: customer.id, unitIds: [x.id], kind: 'paid', startsOn: '2026-11-26', endsOn: '2027-11-25', plan: [] });
  return { customer, a, b, w, x, y, contract };
}

beforeEach(async () => {
  backend = await openTestBackend(undefined, clock);
  await backend.ok('session:begin', { operator: '王芳' });
  await backend.ok('settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234' });
});
afterEach(async () => {
  await backend.close();
});

describe('renewals due', () => {
  it('lists a contract ending within the lead time and a whole-unit warranty ending with no contract after it', async () => {
    const { contract, w } = await setUp();
    const due = await backend.ok('renewals:list', {});
    expect(due.map((r) => [r.subject, r.reference, r.endsOn, r.daysLeft])).toEqual([
      ['warranty', 'AC-0100', '2026-11-26', 6],
      ['contract', contract.number, '2026-11-30', 10],
    ]);
    expect(due[0]!.id).toBe(w.id);
    expect(due[1]!.label).toBe('2');
    expect((await backend.ok('renewals:contract', { id: contract.id })).due).toBe(true);
    // The contract list's "ending" filter counts the same days.
    expect((await backend.ok('contracts:list', { status: 'ending' })).map((c) => c.number)).toEqual([contract.number]);
  });

  it('follows the lead time setting, refused out of its range', async () => {
    const { y } = await setUp();
    const settings = await backend.ok('settings:get', {});
    expect(settings.renewal).toEqual({ leadDays: 10, defaultPriceFen: null });
    const bad = await backend.fails('settings:update', { renewal: { leadDays: 0, defaultPriceFen: null } });
    expect(bad.details.fields?.['renewal.leadDays']?.[0]?.key).toBe('validation.renewalLeadDays');
    expect((await backend.ok('settings:get', {})).renewal.leadDays).toBe(10);
    // The term's last day, Sunday 20 December, moves to Monday the 21st (art. 203).
    await backend.ok('settings:update', { renewal: { leadDays: 31, defaultPriceFen: 80_000 } });
    const due = await backend.ok('renewals:list', {});
    expect(due.map((r) => r.reference)).toContain('AC-0102');
    expect(due.find((r) => r.reference === 'AC-0102')?.id).toBe(y.id);
    await backend.ok('settings:update', { renewal: { leadDays: 3, defaultPriceFen: null } });
    expect((await backend.ok('renewals:list', {})).map((r) => r.reference)).toEqual([]);
  });
});

describe('renewals due after repairs', () => {
  it('counts a whole-unit warranty that repairs with downtime carried past its plain end into the window', async () => {
    await backend.close();
    let now = new Date('2026-06-01T09:00:00+08:00');
    backend = await openTestBackend(undefined, () => now);
    await backend.ok('session:begin', { operator: '王芳' });
    const model = await seedModel(backend);
    const customer = await backend.ok('customers:create', person());
    // Plain term to 30 September 2026; the repair's 60 days carry it to Sunday 29 November, so Monday the 30th.
    const unit = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'AC-0200', purchaseDate: '2025-10-01', acceptanceDate: '2025-10-01' });
    const plain = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'AC-0201', purchaseDate: '2025-10-01', acceptanceDate: '2025-10-01' });
    const ticket = await backend.ok('tickets:create', { ...phoneTicket(customer.id), unitId: unit.id, unregisteredUnit: null });
    const tech = await backend.ok('technicians:create', { name: '李师傅', phone: '13900001111', skills: ['空调'] });
    await backend.ok('tickets:transition', { id: ticket.id, to: 'answered' });
    await backend.ok('tickets:appoint', { id: ticket.id, date: '2026-06-02', from: '09:00', to: '11:00' });
    await backend.ok('tickets:assign', { id: ticket.id, technicianIds: [tech.id] });
    for (const to of ['dispatched', 'onSite'] as const) await backend.ok('tickets:transition', { id: ticket.id, to });
    await backend.ok('tickets:recordWork', { id: ticket.id, diagnosis: '主板故障', cause: '元件老化', action: '待配件', onSiteMinutes: 40, unfixedDowntime: true });
    now = new Date('2026-11-20T09:00:00+08:00');
    const due = await backend.ok('renewals:list', {});
    expect(due.map((r) => [r.reference, r.endsOn])).toEqual([['AC-0200', '2026-11-30']]);
    expect(due.some((r) => r.id === plain.id)).toBe(false);
  });
});

describe('renewals due, read from the date indexes', () => {
  it('finds exactly the units the engine says end in the window: month ends, a holiday just before today, several policies', async () => {
    await backend.close();
    // Thursday 8 October 2026, the first working day after the National Day holiday (1–7 October).
    backend = await openTestBackend(undefined, () => new Date('2026-10-08T09:00:00+08:00'));
    await backend.ok('session:begin', { operator: '王芳' });
    const customer = await backend.ok('customers:create', person());
    const models = [];
    for (const months of [1, 12, 13]) {
      const policy = await backend.ok('policies:create', { name: `整机 ${months} 个月`, basis: 'acceptance', components: [{ key: 'whole', name: '整机', months }] });
      models.push({ months, model: await backend.ok('models:create', { brand: '格力', model: `M-${months}`, category: '空调', policyId: policy.id }) });
    }
    const units: number[] = [];
    let serial = 0;
    for (const { months, model } of models) {
      // Starts from two weeks before to four weeks after the day that ends today, so ends fall on both sides of the window.
      const base = new Date(Date.UTC(2026, 9 - months, 8));
      for (let d = -45; d <= 30; d += 1) {
        const day = new Date(base.getTime() + d * 86_400_000).toISOString().slice(0, 10);
        // Acceptance or, without it, purchase: both bases of the start get tried.
        const dates = serial % 3 === 0 ? { purchaseDate: day } : { purchaseDate: '2020-01-01', acceptanceDate: day };
        units.push((await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: `SN-${serial++}`, invoiceNumber: 'FP-1', ...dates })).id);
      }
    }
    const { renewal } = await backend.ok('settings:get', {});
    const until = new Date(Date.UTC(2026, 9, 8 + renewal.leadDays)).toISOString().slice(0, 10);
    const expected: number[] = [];
    for (const id of units) {
      const whole = (await backend.ok('units:get', { id })).warranty.components[0]!;
      if (whole.covered && whole.end && whole.end >= '2026-10-08' && whole.end <= until) expected.push(id);
    }
    const listed = (await backend.ok('renewals:list', {})).filter((r) => r.subject === 'warranty').map((r) => r.id);
    expect(expected.length).toBeGreaterThan(10);
    expect([...listed].sort((a, b) => a - b)).toEqual(expected);
  });
});

describe('renewing', () => {
  it('makes the next contract from the last one: same units, level and price, the plan moved to the new term, linked both ways', async () => {
    const { contract } = await setUp();
    const next = await backend.ok('renewals:renew', { id: contract.id });
    expect([next.startsOn, next.endsOn]).toEqual(['2026-12-01', '2027-11-30']);
    expect(next.customerId).toBe(contract.customerId);
    expect(next.units.map((u) => u.serial)).toEqual(['AC-0001', 'AC-0002']);
    expect([next.kind, next.priceFen, next.paymentTerms, next.serviceLevelId]).toEqual(['paid', 360_000, '签约时付清', contract.serviceLevelId]);
    expect(next.plan.map((l) => [l.kind, l.repeat, l.n, l.from, l.to])).toEqual([
      ['callback', 'months', 1, '2026-12-01', '2027-11-30'],
      ['inspection', 'quarter', null, '2026-12-01', '2027-11-30'],
    ]);
    expect(next.visits.filter((v) => v.kind === 'inspection').map((v) => v.plannedOn)).toEqual(['2026-12-15', '2027-03-15', '2027-06-15', '2027-09-15']);
    expect(next.renewedFromId).toBe(contract.id);
    const old = await backend.ok('renewals:contract', { id: contract.id });
    expect(old.renewedTo).toEqual({ id: next.id, number: next.number });
    expect(old.due).toBe(false);
    expect((await backend.ok('renewals:contract', { id: next.id })).renewedFrom).toEqual({ id: contract.id, number: contract.number });
    expect((await backend.ok('renewals:list', {})).map((r) => r.subject)).toEqual(['warranty']);
    // Twice is refused, and makes nothing.
    const again = await backend.fails('renewals:renew', { id: contract.id });
    expect(again.details.message?.key).toBe('renewal.errors.alreadyRenewed');
    expect(await backend.ok('contracts:list', { status: 'all' })).toHaveLength(3);
  });

  it('refuses a cancelled contract and a term that would overlap another contract, saving nothing', async () => {
    const { contract, customer, a } = await setUp();
    await backend.ok('contracts:create', { customerId: customer.id, unitIds: [a.id], kind: 'paid', startsOn: '2027-01-01', endsOn: '2027-12-31', plan: [] });
    const overlap = await backend.fails('renewals:renew', { id: contract.id });
    expect(overlap.code).toBe('CONFLICT');
    expect(overlap.details.message?.key).toBe('renewal.errors.overlap');
    expect(overlap.details.message?.params).toMatchObject({ from: '2026-12-01', to: '2027-11-30', serial: 'AC-0001' });
    expect(await backend.ok('contracts:list', { status: 'all' })).toHaveLength(3);

    await backend.ok('contracts:cancel', { id: contract.id, reason: '客户搬迁' });
    const cancelled = await backend.fails('renewals:renew', { id: contract.id });
    expect(cancelled.details.message?.key).toBe('renewal.errors.cancelled');
    expect(await backend.ok('contracts:list', { status: 'all' })).toHaveLength(3);
    expect((await backend.ok('renewals:list', {})).map((r) => r.subject)).toEqual(['warranty']);
  });

  it('keeps a renewal term of days the same length when the contract was not whole months', async () => {
    const { customer, b } = await setUp();
    await backend.ok('contracts:cancel', { id: (await backend.ok('contracts:list', { status: 'all' }))[0]!.id, reason: 'x' });
    const odd = await backend.ok('contracts:create', { customerId: customer.id, unitIds: [b.id], kind: 'paid', startsOn: '2026-06-10', endsOn: '2026-11-28', plan: [] });
    const next = await backend.ok('renewals:renew', { id: odd.id });
    expect([next.startsOn, next.endsOn]).toEqual(['2026-11-29', '2027-05-19']);
  });
});

describe('the customer declines', () => {
  it('takes the contract or the unit off the due list, once', async () => {
    const { contract, w } = await setUp();
    await backend.ok('renewals:decline', { contractId: contract.id, note: '学校改为自行维护' });
    const declined = await backend.ok('renewals:contract', { id: contract.id });
    expect(declined.declined).toEqual({ declinedOn: '2026-11-20', note: '学校改为自行维护' });
    const left = await backend.ok('renewals:decline', { unitId: w.id, declinedOn: '2026-11-19' });
    expect(left).toEqual([]);
    const twice = await backend.fails('renewals:decline', { unitId: w.id });
    expect(twice.details.message?.key).toBe('renewal.errors.alreadyDeclined');
    const neither = await backend.fails('renewals:decline', {});
    expect(neither.code).toBe('VALIDATION');
    const both = await backend.fails('renewals:decline', { contractId: contract.id, unitId: w.id });
    expect(both.details.fields?.contractId?.[0]?.key).toBe('renewal.errors.target');
  });
});

describe('the renewal visit', () => {
  it('falls on a working day the lead time before the end, shows with the other visits, and survives the plan being made again', async () => {
    const { customer, a, b } = await setUp();
    await backend.ok('contracts:cancel', { id: (await backend.ok('contracts:list', { status: 'all' }))[0]!.id, reason: 'x' });
    // Ends Tuesday 1 December: ten days before is Saturday 21 November; the visit moves to Monday.
    const contract = await backend.ok('contracts:create', {
      customerId: customer.id,
      unitIds: [a.id, b.id],
      kind: 'paid',
      startsOn: '2025-12-02',
      endsOn: '2026-12-01',
      plan: [quarterly('2025-12-02', '2026-12-01')],
    });
    const visit = await backend.ok('renewals:offerVisit', { contractId: contract.id });
    expect([visit.kind, visit.renewal, visit.plannedOn, visit.dueOn, visit.contractId]).toEqual(['inspection', true, '2026-11-21', '2026-11-23', contract.id]);
    const week = await backend.ok('visits:list', { from: '2026-11-20', to: '2026-11-26', status: 'due' });
    expect(week.map((v) => v.number)).toContain(visit.number);
    expect(await backend.ok('renewals:contract', { id: contract.id })).toMatchObject({ visitId: visit.id, visitOn: '2026-11-23' });
    const twice = await backend.fails('renewals:offerVisit', { contractId: contract.id });
    expect(twice.details.message?.key).toBe('renewal.errors.visitExists');
    // Saving the contract again makes its plan's visits again; the renewal visit is the desk's and stays.
    const detail = await backend.ok('contracts:get', { id: contract.id });
    await backend.ok('contracts:update', {
      id: contract.id,
      customerId: customer.id,
      unitIds: [a.id, b.id],
      kind: 'paid',
      startsOn: '2025-12-02',
      endsOn: '2026-12-01',
      plan: detail.plan.map(({ id: _id, ...l }) => l),
    });
    expect((await backend.ok('contracts:get', { id: contract.id })).visits.filter((v) => v.renewal).map((v) => v.number)).toEqual([visit.number]);
  });

  it('for a unit whose warranty ends: today when the lead time is already past, refused under a contract', async () => {
    const { w, x } = await setUp();
    const visit = await backend.ok('renewals:offerVisit', { unitId: w.id });
    expect([visit.unitId, visit.contractId, visit.dueOn, visit.renewal]).toEqual([w.id, null, '2026-11-20', true]);
    const covered = await backend.fails('renewals:offerVisit', { unitId: x.id });
    expect(covered.details.message?.key).toBe('renewal.errors.underContract');
  });
});

describe('the renewal papers', () => {
  const pdfOf = async (id: number) => Buffer.from((await backend.ok('documents:content', { id })).base64, 'base64');
  const squeeze = (s: string) => s.replace(/\s+/g, '');

  it.each([
    ['A4', 'zh-CN'],
    ['A5', 'zh-CN'],
    ['A4', 'en'],
    ['A5', 'en'],
  ] as const)('on %s in %s: the notice for a contract and the service-end note for a unit, numbered, readable', async (paper, language) => {
    const { contract, w } = await setUp();
    await backend.ok('settings:update', { serviceContact: { department: '售后服务部', person: '王芳', phone: '13800001111' } });
    const t = translator(language);
    const notice = await backend.ok('documents:renewalNotice', { contractId: contract.id, paper, language });
    expect(notice.number).toMatch(/^XBT-2026-\d{6}$/);
    expect([notice.kind, notice.recordType, notice.recordId]).toEqual(['renewalNotice', 'contract', contract.id]);
    expect(notice.missingGlyphs).toEqual([]);
    const pages = await readPdf(await pdfOf(notice.id));
    const text = pages.map((p) => p.text).join('');
    for (const expected of [t('renewalPrint.title.notice'), contract.number, 'AC-0001', 'AC-0002', notice.number, t('renewalPrint.covers.heading'), t('renewalPrint.reply.heading'), '13800001111'.slice(-4)]) {
      expect(text).toContain(squeeze(expected));
    }
    expect(text).toContain(squeeze(language === 'en' ? '3,600.00' : '3,600.00'));
    expect(smallestType(pages).size).toBeGreaterThanOrEqual(MIN_PT - 0.05);

    const note = await backend.ok('documents:serviceEndNote', { unitId: w.id, paper, language });
    expect(note.number).toMatch(/^ZZT-2026-\d{6}$/);
    expect([note.recordType, note.recordId]).toEqual(['unit', w.id]);
    const notePages = await readPdf(await pdfOf(note.id));
    const noteText = notePages.map((p) => p.text).join('');
    for (const expected of [t('renewalPrint.title.endNote'), 'AC-0100', t('renewalPrint.end.mind.heading'), t('renewalPrint.end.repairs.heading'), note.number]) {
      expect(noteText).toContain(squeeze(expected));
    }
    expect(smallestType(notePages).size).toBeGreaterThanOrEqual(MIN_PT - 0.05);
    // One sheet for a typical record; the notice one A4 sheet, or two A5 pages with its reply slip.
    expect(notePages).toHaveLength(1);
    expect(pages).toHaveLength(paper === 'A4' ? 1 : 2);
  });

  it('prices a unit without contract from the configured price, or leaves a line to fill in', async () => {
    const { w } = await setUp();
    const text = async () => {
      const doc = await backend.ok('documents:renewalNotice', { unitId: w.id, paper: 'A4', language: 'zh-CN' });
      return (await readPdf(await pdfOf(doc.id))).map((p) => p.text).join('');
    };
    expect(await text()).toContain(squeeze(translator('zh-CN')('renewalPrint.price.blank')));
    await backend.ok('settings:update', { renewal: { leadDays: 10, defaultPriceFen: 80_000 } });
    expect(await text()).toContain('800.00');
  });
});

describe('migration 0210 (renewals)', () => {
  it('leaves the visits and contracts already there standing, as plan visits, and a contract written before is due and can be declined', async () => {
    await backend.close();
    const { migrations } = await import('../../electron/backend/db/migrations');
    const { createBackend } = await import('../../electron/backend/backend');
    const { dataPaths } = await import('../support/backend');
    const { RecordingPlatform } = await import('../support/recording-platform');
    const { tempDataDir } = await import('../support/temp');
    const dir = tempDataDir('m0210');
    const paths = dataPaths(dir);
    const older = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0210'));
    const old = await createBackend({ ...paths, platform: new RecordingPlatform(paths.trayDir), migrations: older });
    const db = old.store.sqlite;
    db.prepare("insert into customers (id, kind, name, created_at, updated_at) values (1, 'organisation', '良渚第二小学', 0, 0)").run();
    db.prepare("insert into maintenance_contracts (id, number, customer_id, kind, starts_on, ends_on, created_by, created_at, updated_at) values (1, 'WB-2025-000001', 1, 'paid', '2025-12-01', '2026-11-30', '王芳', 0, 0)").run();
    db.prepare("insert into visits (number, contract_id, kind, planned_on, due_on, created_at, updated_at) values ('FW-2025-000001', 1, 'inspection', '2026-12-15', '2026-12-15', 0, 0)").run();
    await old.close();

    backend = await openTestBackend(dir, clock);
    expect(backend.migration.applied).toContain('0210_create_renewals');
    await backend.ok('session:begin', { operator: '王芳' });
    const [visit] = await backend.ok('visits:list', {});
    expect([visit!.number, visit!.renewal]).toEqual(['FW-2025-000001', false]);
    expect((await backend.ok('renewals:list', {})).map((r) => r.reference)).toEqual(['WB-2025-000001']);
    expect(await backend.ok('renewals:decline', { contractId: 1 })).toEqual([]);
  });
});
