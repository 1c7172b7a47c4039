import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIN_PT } from '../../electron/backend/documents/kit/layout';
import { translator } from '../../shared/i18n';
import { openTestBackend, type TestBackend } from '../support/backend';
import { readPdf, smallestType } from '../support/pdf-read';
import { person, seedModel } from '../support/sample';

/*
 * Installation and acceptance on a real database: the job for several units, the notice on the
 * Desk, the trial run, acceptance setting every unit's warranty start in one step (read back on
 * the unit's printed card), the certificate on both papers in both languages, and the card's
 * life (issued, slip scanned back). Every bad input is refused with its reason and changes nothing.
 */

let backend: TestBackend;
// Friday 4 December 2026, 09:00 at the desk.
const clock = () => new Date('2026-12-04T09:00:00+08:00');

async function setUp(purchaseDate = '2026-11-20') {
  const model = await seedModel(backend);
  const customer = await backend.ok('customers:create', person({ name: '杭州市余杭区良渚第二小学', kind: 'organisation' }));
  const other = await backend.ok('customers:create', person({ name: '李四', phones: [{ phone: '13900001111' }] }));
  const unit = (customerId: number, serial: string) => backend.ok('units:create', { customerId, modelId: model.id, serial, purchaseDate, locationNote: '三楼机房' });
  const units = [await unit(customer.id, 'AC-1001'), await unit(customer.id, 'AC-1002'), await unit(customer.id, 'AC-1003')];
  const foreign = await unit(other.id, 'AC-2001');
  const tech = await backend.ok('technicians:create', { name: '赵师傅', phone: '13900002222', skills: ['空调'] });
  return { model, customer, other, units, foreign, tech };
}

const count = (table: string) => (backend.store.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const acceptanceDates = () => (backend.store.sqlite.prepare(`select serial, acceptance_date as d from units order by serial`).all() as { serial: string; d: string | null }[]).map((r) => `${r.serial} ${r.d}`);

beforeEach(async () => {
  backend = await openTestBackend(undefined, clock);
  await backend.ok('session:begin', { operator: '王芳' });
  await backend.ok('settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234' });
});
afterEach(async () => {
  await backend.close();
});

describe('an installation job', () => {
  it('installs several units of one customer, at their address unless a site is typed, numbered', async () => {
    const { customer, units, tech } = await setUp();
    const job = await backend.ok('installations:create', { customerId: customer.id, unitIds: units.map((u) => u.id), appointmentOn: '2026-12-09', technicianIds: [tech.id], workDone: '室内外机安装、管路连接' });
    expect(job.number).toMatch(/^AZ-2026-\d{6}$/);
    expect(job.status).toBe('planned');
    expect(job.siteAddress).toBe('浙江省杭州市西湖区文三路 90 号');
    expect(job.units.map((u) => u.serial)).toEqual(['AC-1001', 'AC-1002', 'AC-1003']);
    expect(job.technicians.map((t) => t.name)).toEqual(['赵师傅']);
    // The customer is told 7 days ahead by default: due 2 December.
    expect(job.noticeDueOn).toBe('2026-12-02');
    const list = await backend.ok('installations:list', { customerId: customer.id });
    expect(list.map((i) => [i.number, i.unitCount])).toEqual([[job.number, 3]]);
    // The drawings and equipment list that come with an installation are kept on the job.
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');
    await backend.ok('attachments:add', { record: { type: 'installation', id: job.id }, name: '安装图纸.pdf', data: pdf });
    expect((await backend.ok('attachments:list', { record: { type: 'installation', id: job.id } })).map((a) => [a.name, a.kind])).toEqual([['安装图纸.pdf', 'pdf']]);
  });

  it('shows on the Desk when the notice is due, until it is recorded; the days ahead are a setting', async () => {
    const { customer, units } = await setUp();
    const soon = await backend.ok('installations:create', { customerId: customer.id, unitIds: [units[0]!.id], appointmentOn: '2026-12-11', siteAddress: '良渚校区' });
    const later = await backend.ok('installations:create', { customerId: customer.id, unitIds: [units[1]!.id], appointmentOn: '2026-12-12' });
    const desk = await backend.ok('installations:desk', {});
    // 11 December less 7 days is today; the 12th is due tomorrow.
    expect(desk.noticesDue.map((i) => i.number)).toEqual([soon.number]);
    const told = await backend.ok('installations:notice', { id: soon.id, sentOn: null });
    expect(told.noticeSentOn).toBe('2026-12-04');
    expect((await backend.ok('installations:desk', {})).noticesDue).toEqual([]);
    await backend.ok('settings:update', { installation: { noticeDays: 8, cardIssueDays: 30 } });
    expect((await backend.ok('installations:desk', {})).noticesDue.map((i) => i.number)).toEqual([later.number]);
    const bad = await backend.fails('settings:update', { installation: { noticeDays: 61, cardIssueDays: 30 } });
    expect(bad.details.fields?.['installation.noticeDays']?.[0]?.key).toBe('installations.errors.noticeDays');
    const future = await backend.fails('installations:notice', { id: later.id, sentOn: '2026-12-05' });
    expect(future.details.message?.key).toBe('installations.errors.dateInFuture');
  });
});

describe('acceptance', () => {
  it("sets every unit's acceptance date, so its warranty start, in one step; the unit's card prints it", async () => {
    const { customer, units, tech } = await setUp();
    const job = await backend.ok('installations:create', { customerId: customer.id, unitIds: units.map((u) => u.id), appointmentOn: '2026-11-25', technicianIds: [tech.id] });
    await backend.ok('installations:trial', { id: job.id, startsOn: '2026-11-25', endsOn: '2026-12-01', result: 'passed', note: '连续运行七天七夜' });
    const accepted = await backend.ok('installations:accept', { id: job.id, acceptedOn: '2026-12-02', acceptedBy: '校方 陈主任' });
    expect([accepted.status, accepted.acceptedOn, accepted.acceptedBy, accepted.recordedBy]).toEqual(['accepted', '2026-12-02', '校方 陈主任', '王芳']);
    for (const u of units) {
      const unit = await backend.ok('units:get', { id: u.id });
      expect([unit.acceptanceDate, unit.installDate]).toEqual(['2026-12-02', '2026-11-25']);
      // The seeds' policy runs from acceptance: the whole unit 12 months from 2 December.
      expect([unit.warranty.start.basis, unit.warranty.start.date]).toEqual(['acceptance', '2026-12-02']);
      expect(unit.warranty.components[0]!.end).toBe('2027-12-02');
    }
    const card = await backend.ok('documents:warrantyCard', { unitId: units[1]!.id, paper: 'A4', language: 'zh-CN' });
    const text = (await readPdf(Buffer.from((await backend.ok('documents:content', { id: card.id })).base64, 'base64'))).map((p) => p.text).join('');
    expect(text).toContain('AC-1002');
    expect(text).toContain('2026-12-02');
    expect(text).toContain('2027-12-02');
    // Once accepted, the job is a record: it is not accepted twice, changed or cancelled.
    const again = await backend.fails('installations:accept', { id: job.id, acceptedOn: '2026-12-03', acceptedBy: 'x' });
    expect(again.details.message?.key).toBe('installations.errors.alreadyAccepted');
    expect((await backend.fails('installations:cancel', { id: job.id })).details.message?.key).toBe('installations.errors.alreadyAccepted');
  });

  it('refuses units of another customer, or already accepted, or already in a job, writing nothing', async () => {
    const { customer, units, foreign } = await setUp();
    const before = count('installations');
    const wrong = await backend.fails('installations:create', { customerId: customer.id, unitIds: [units[0]!.id, foreign.id], appointmentOn: '2026-12-10' });
    expect(wrong.code).toBe('VALIDATION');
    expect(wrong.details.message?.key).toBe('installations.errors.unitNotCustomers');
    expect(wrong.message).toContain('AC-2001');
    await backend.ok('units:update', { ...(await unitFields(units[2]!.id)), acceptanceDate: '2026-11-30' });
    const accepted = await backend.fails('installations:create', { customerId: customer.id, unitIds: [units[0]!.id, units[2]!.id], appointmentOn: '2026-12-10' });
    expect(accepted.details.message?.key).toBe('installations.errors.unitAccepted');
    expect(accepted.message).toContain('AC-1003');
    const job = await backend.ok('installations:create', { customerId: customer.id, unitIds: [units[0]!.id], appointmentOn: '2026-12-10' });
    const twice = await backend.fails('installations:create', { customerId: customer.id, unitIds: [units[0]!.id, units[1]!.id], appointmentOn: '2026-12-11' });
    expect(twice.details.message?.key).toBe('installations.errors.unitInOtherJob');
    expect(twice.message).toContain(job.number);
    expect(count('installations')).toBe(before + 1);
    expect(count('installation_units')).toBe(1);
    // A cancelled job frees its unit for the next.
    await backend.ok('installations:cancel', { id: job.id });
    await backend.ok('installations:create', { customerId: customer.id, unitIds: [units[0]!.id], appointmentOn: '2026-12-11' });
    expect((await backend.fails('installations:create', { customerId: customer.id, unitIds: [], appointmentOn: '2026-12-11' })).details.fields?.unitIds?.[0]?.key).toBe('installations.errors.noUnits');
  });

  it('refuses the acceptance of a unit accepted meanwhile, leaving the others untouched', async () => {
    const { customer, units } = await setUp();
    const job = await backend.ok('installations:create', { customerId: customer.id, unitIds: units.map((u) => u.id), appointmentOn: '2026-11-25' });
    await backend.ok('units:update', { ...(await unitFields(units[1]!.id)), acceptanceDate: '2026-11-30' });
    const dates = acceptanceDates();
    const refused = await backend.fails('installations:accept', { id: job.id, acceptedOn: '2026-12-01', acceptedBy: '陈主任' });
    expect(refused.details.message?.key).toBe('installations.errors.unitAccepted');
    expect(refused.message).toContain('AC-1002');
    expect(acceptanceDates()).toEqual(dates);
    expect((await backend.ok('installations:get', { id: job.id })).status).toBe('planned');
  });

  it('refuses an acceptance date still to come, before the appointment or the trial end, after a failed or running trial', async () => {
    const { customer, units } = await setUp();
    const job = await backend.ok('installations:create', { customerId: customer.id, unitIds: units.map((u) => u.id), appointmentOn: '2026-11-25' });
    const dates = acceptanceDates();
    const refuse = async (acceptedOn: string, key: string) => {
      const e = await backend.fails('installations:accept', { id: job.id, acceptedOn, acceptedBy: '陈主任' });
      expect(e.code, key).toBe('VALIDATION');
      expect(e.details.message?.key ?? Object.values(e.details.fields ?? {})[0]?.[0]?.key).toBe(key);
      return e;
    };
    const future = await refuse('2026-12-05', 'installations.errors.acceptedInFuture');
    expect(future.message).toContain('2026-12-05');
    await refuse('2026-11-24', 'installations.errors.acceptedBeforeAppointment');
    await backend.ok('installations:trial', { id: job.id, startsOn: '2026-11-25', endsOn: null, result: null });
    await refuse('2026-12-01', 'installations.errors.trialRunning');
    await backend.ok('installations:trial', { id: job.id, startsOn: '2026-11-25', endsOn: '2026-12-02', result: 'failed' });
    await refuse('2026-12-03', 'installations.errors.trialFailed');
    await backend.ok('installations:trial', { id: job.id, startsOn: '2026-11-25', endsOn: '2026-12-02', result: 'passed' });
    await refuse('2026-12-01', 'installations.errors.acceptedBeforeTrialEnd');
    expect(acceptanceDates()).toEqual(dates);
    expect((await backend.ok('installations:get', { id: job.id })).status).toBe('planned');
    expect((await backend.fails('installations:accept', { id: job.id, acceptedOn: '2026-12-03', acceptedBy: '  ' })).code).toBe('VALIDATION');
  });

  it('refuses a trial run that ends before it starts, or starts before the appointment, keeping the last one', async () => {
    const { customer, units } = await setUp();
    const job = await backend.ok('installations:create', { customerId: customer.id, unitIds: [units[0]!.id], appointmentOn: '2026-11-25' });
    await backend.ok('installations:trial', { id: job.id, startsOn: '2026-11-25', endsOn: '2026-11-26', result: null });
    const backwards = await backend.fails('installations:trial', { id: job.id, startsOn: '2026-11-28', endsOn: '2026-11-27', result: 'passed' });
    expect(backwards.details.fields?.endsOn?.[0]?.key).toBe('installations.errors.trialEndsBeforeStart');
    const early = await backend.fails('installations:trial', { id: job.id, startsOn: '2026-11-20', endsOn: '2026-11-27', result: 'passed' });
    expect(early.details.message?.key ?? early.details.fields?.startsOn?.[0]?.key).toBe('installations.errors.trialBeforeAppointment');
    const noEnd = await backend.fails('installations:trial', { id: job.id, startsOn: '2026-11-25', endsOn: null, result: 'passed' });
    expect(noEnd.details.fields?.endsOn?.[0]?.key ?? noEnd.details.message?.key).toBe('installations.errors.trialResultWithoutEnd');
    const kept = await backend.ok('installations:get', { id: job.id });
    expect([kept.trialStartsOn, kept.trialEndsOn, kept.trialResult]).toEqual(['2026-11-25', '2026-11-26', null]);
  });
});

describe('the acceptance certificate', () => {
  const pdfOf = async (id: number) => Buffer.from((await backend.ok('documents:content', { id })).base64, 'base64');
  const squeeze = (s: string) => s.replace(/\s+/g, '');

  it('is refused before acceptance', async () => {
    const { customer, units } = await setUp();
    const job = await backend.ok('installations:create', { customerId: customer.id, unitIds: [units[0]!.id], appointmentOn: '2026-11-25' });
    const e = await backend.fails('documents:acceptanceCertificate', { installationId: job.id, paper: 'A4', language: 'zh-CN' });
    expect(e.details.message?.key).toBe('installations.errors.notAccepted');
    expect(count('documents')).toBe(0);
  });

  it.each([
    ['A4', 'zh-CN'],
    ['A5', 'zh-CN'],
    ['A4', 'en'],
    ['A5', 'en'],
  ] as const)('on %s in %s: units, trial, result, warranty start and terms, both sides to sign; archived and numbered', async (paper, language) => {
    const { customer, units, tech } = await setUp();
    const job = await backend.ok('installations:create', { customerId: customer.id, unitIds: units.map((u) => u.id), appointmentOn: '2026-11-25', technicianIds: [tech.id], workDone: '室内外机安装、管路连接、电气接线' });
    await backend.ok('installations:trial', { id: job.id, startsOn: '2026-11-25', endsOn: '2026-12-01', result: 'passed' });
    await backend.ok('installations:accept', { id: job.id, acceptedOn: '2026-12-02', acceptedBy: '陈主任' });
    const t = translator(language);
    const doc = await backend.ok('documents:acceptanceCertificate', { installationId: job.id, paper, language });
    expect(doc.number).toMatch(/^YSD-2026-\d{6}$/);
    expect([doc.kind, doc.recordType, doc.recordId]).toEqual(['acceptanceCertificate', 'installation', job.id]);
    expect(doc.missingGlyphs).toEqual([]);
    const pages = await readPdf(await pdfOf(doc.id));
    const text = pages.map((p) => p.text).join('');
    const day = language === 'en' ? '2 Dec 2026' : '2026-12-02';
    for (const expected of [t('installations.print.title'), doc.number, job.number, customer.name, 'AC-1001', 'AC-1002', 'AC-1003', 'KFR-35GW', t('installations.print.result.passed'), t('installations.print.termsStart', { date: day }), t('installations.print.side.customer'), t('installations.print.side.company'), '陈主任']) {
      expect(text, expected).toContain(squeeze(expected));
    }
    expect(smallestType(pages).size).toBeGreaterThanOrEqual(MIN_PT - 0.05);
    // Three units: one sheet on either paper.
    expect(pages).toHaveLength(1);
    const listed = await backend.ok('documents:list', { kind: 'acceptanceCertificate', recordType: 'installation', recordId: job.id });
    expect(listed.map((d) => d.number)).toEqual([doc.number]);
  });
});

describe("the warranty card's life", () => {
  async function acceptedUnits() {
    const s = await setUp('2026-10-15');
    const job = await backend.ok('installations:create', { customerId: s.customer.id, unitIds: s.units.map((u) => u.id), appointmentOn: '2026-10-20' });
    await backend.ok('installations:accept', { id: job.id, acceptedOn: '2026-11-02', acceptedBy: '陈主任' });
    return s;
  }

  it('lists on the Desk the cards not issued a month after acceptance, and the slips not back', async () => {
    const { units } = await acceptedUnits();
    // Accepted 2 November: 32 days ago, past the month; the other customer's unit, never installed, counts from its purchase.
    let desk = await backend.ok('installations:desk', {});
    expect(desk.cardsNotIssued.map((c) => [c.serial, c.completedOn, c.daysSince])).toEqual([
      ['AC-2001', '2026-10-15', 50],
      ['AC-1001', '2026-11-02', 32],
      ['AC-1002', '2026-11-02', 32],
      ['AC-1003', '2026-11-02', 32],
    ]);
    await backend.ok('settings:update', { installation: { noticeDays: 7, cardIssueDays: 40 } });
    expect((await backend.ok('installations:desk', {})).cardsNotIssued.map((c) => c.serial)).toEqual(['AC-2001']);
    await backend.ok('settings:update', { installation: { noticeDays: 7, cardIssueDays: 30 } });

    const card = await backend.ok('documents:warrantyCard', { unitId: units[0]!.id, paper: 'A4', language: 'zh-CN' });
    const [life] = await backend.ok('cards:ofUnit', { unitId: units[0]!.id });
    expect([life!.number, life!.issuedOn, life!.slipBackOn]).toEqual([card.number, null, null]);
    // Printed is not issued: still listed until handed over or posted.
    expect((await backend.ok('installations:desk', {})).cardsNotIssued).toHaveLength(4);
    const issued = await backend.ok('cards:issue', { documentId: card.id, issuedOn: '2026-12-04', how: 'posted' });
    expect([issued.issuedOn, issued.issuedHow]).toEqual(['2026-12-04', 'posted']);
    desk = await backend.ok('installations:desk', {});
    expect(desk.cardsNotIssued.map((c) => c.serial)).toEqual(['AC-2001', 'AC-1002', 'AC-1003']);
    expect(desk.slipsNotBack.map((c) => c.number)).toEqual([card.number]);
  });

  it('marks the slip back from what the scanner typed; refuses a duplicate, an unreadable code, an unknown card', async () => {
    const { units } = await acceptedUnits();
    const card = await backend.ok('documents:warrantyCard', { unitId: units[0]!.id, paper: 'A5', language: 'zh-CN' });
    const notIssued = await backend.fails('cards:scanSlip', { scanned: card.number, returnedOn: null });
    expect(notIssued.details.message?.key).toBe('installations.errors.cardNotIssued');
    await backend.ok('cards:issue', { documentId: card.id, issuedOn: '2026-12-04', how: 'handed' });
    // A scanner in lower case, or the number typed without its zeros, read alike.
    const back = await backend.ok('cards:scanSlip', { scanned: ` ${card.number.toLowerCase()}\n`, returnedOn: null });
    expect(back.slipBackOn).toBe('2026-12-04');
    expect((await backend.ok('installations:desk', {})).slipsNotBack).toEqual([]);
    const dup = await backend.fails('cards:scanSlip', { scanned: card.number, returnedOn: null });
    expect(dup.details.message?.key).toBe('installations.errors.slipAlreadyBack');
    expect(dup.message).toContain(card.number);
    const unreadable = await backend.fails('cards:scanSlip', { scanned: 'http://x.example/?q=1', returnedOn: null });
    expect(unreadable.details.fields?.scanned?.[0]?.key ?? unreadable.details.message?.key).toBe('installations.errors.slipUnreadable');
    const unknown = await backend.fails('cards:scanSlip', { scanned: 'BXK-2026-999999', returnedOn: null });
    expect(unknown.details.fields?.scanned?.[0]?.key ?? unknown.details.message?.key).toBe('installations.errors.slipCardUnknown');
    const [life] = await backend.ok('cards:ofUnit', { unitId: units[0]!.id });
    expect(life!.slipBackOn).toBe('2026-12-04');
  });

  it('refuses a card issued in the future or before it was printed, and a slip back before the card went out', async () => {
    const { units } = await acceptedUnits();
    const card = await backend.ok('documents:warrantyCard', { unitId: units[0]!.id, paper: 'A4', language: 'en' });
    expect((await backend.fails('cards:issue', { documentId: card.id, issuedOn: '2026-12-05', how: 'handed' })).details.fields?.issuedOn?.[0]?.key).toBe('installations.errors.dateInFuture');
    expect((await backend.fails('cards:issue', { documentId: card.id, issuedOn: '2026-12-03', how: 'handed' })).details.fields?.issuedOn?.[0]?.key).toBe('installations.errors.issuedBeforePrinted');
    expect(count('warranty_card_life')).toBe(0);
    await backend.ok('cards:issue', { documentId: card.id, issuedOn: '2026-12-04', how: 'handed' });
    expect((await backend.fails('cards:slipBack', { documentId: card.id, returnedOn: '2026-12-03' })).details.fields?.returnedOn?.[0]?.key).toBe('installations.errors.slipBeforeIssue');
    expect((await backend.fails('cards:slipBack', { documentId: 999_999, returnedOn: null })).code).toBe('NOT_FOUND');
  });
});

async function unitFields(id: number) {
  const u = await backend.ok('units:get', { id });
  return {
    id: u.id,
    customerId: u.customerId,
    modelId: u.modelId,
    serial: u.serial,
    purchaseDate: u.purchaseDate,
    installDate: u.installDate,
    acceptanceDate: u.acceptanceDate,
    productionDate: u.productionDate,
    invoiceNumber: u.invoiceNumber,
    siteAddress: u.siteAddress,
    locationNote: u.locationNote,
  };
}
