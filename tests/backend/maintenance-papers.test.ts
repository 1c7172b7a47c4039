import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentJob } from '../../electron/backend/documents/jobs';
import { promiseFigures, type FaultStatsData } from '../../electron/backend/documents/maintenance-papers/fault-stats';
import { MIN_PT } from '../../electron/backend/documents/kit/layout';
import type { BatchJob } from '../../shared/schemas/maintenance-papers';
import { openTestBackend, type TestBackend } from '../support/backend';
import { readPdf, smallestType } from '../support/pdf-read';
import { person, phoneTicket, seedModel } from '../support/sample';

/*
 * The papers of scheduled service beyond the visit's own form, on a real database: the quarter's
 * fault statistics sheet (its numbers against tickets made here, judged as the desk judges them),
 * the contract year's inspection plan, and batch printing with its progress, cancel and refusals.
 */

let backend: TestBackend;
let sent: DocumentJob[];
const clock = () => new Date('2026-09-28T16:00:00+08:00');
const at = (s: string) => new Date(`${s}+08:00`).getTime();
const pdfOf = async (id: number) => Buffer.from((await backend.ok('documents:content', { id })).base64, 'base64');

const AIRCON_ITEMS = [
  { key: 'filter', text: '清洗过滤网', textEn: 'Clean the filter', standard: '无积尘、无破损', answer: 'check' as const, kinds: ['inspection' as const, 'maintenance' as const] },
  { key: 'pressure', text: '冷媒低压压力', textEn: 'Low-side pressure', standard: '0.8–1.2 MPa', answer: 'reading' as const, unit: 'MPa', min: 0.8, max: 1.2, kinds: ['inspection' as const] },
  { key: 'insulation', text: '压缩机绝缘电阻', standard: '≥ 2 MΩ', answer: 'reading' as const, unit: 'MΩ', min: 2, kinds: ['maintenance' as const] },
];

beforeEach(async () => {
  backend = await openTestBackend(undefined, clock);
  await backend.ok('session:begin', { operator: '王芳' });
  await backend.ok('settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234' });
  sent = [];
  const render = backend.documents.render.bind(backend.documents);
  backend.documents.render = (job) => (sent.push(job), render(job));
});
afterEach(async () => {
  await backend.close();
});

async function school(name = '杭州市余杭区良渚第二小学', units = 2, serialPrefix = 'AC') {
  const model = (await backend.ok('models:list', {})).find((m) => m.model === 'KFR-35GW') ?? (await seedModel(backend));
  const customer = await backend.ok('customers:create', person({ name, kind: 'organisation' }));
  const made = [];
  for (let i = 1; i <= units; i++) {
    made.push(await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: `${serialPrefix}-${String(i).padStart(4, '0')}`, purchaseDate: '2025-03-01', acceptanceDate: '2025-03-05' }));
  }
  const contract = await backend.ok('contracts:create', {
    customerId: customer.id,
    unitIds: made.map((u) => u.id),
    kind: 'paid',
    startsOn: '2026-07-01',
    endsOn: '2027-06-30',
    plan: [
      { kind: 'inspection', repeat: 'quarter', from: '2026-07-01', to: '2027-06-30' },
      { kind: 'maintenance', repeat: 'after', offsets: [6], from: '2026-07-01', to: '2027-06-30' },
    ],
  });
  return { model, customer, units: made, contract };
}

/** A ticket reported, reached and fixed at the given moments (null: not yet). */
async function ticket(customerId: number, unitId: number, category: 'notCooling' | 'noise', reported: string, arrived: string | null, fixed: string | null) {
  const t = await backend.ok('tickets:create', { ...phoneTicket(customerId, { unitId, unregisteredUnit: null, faultCategory: category }), reportedAt: at(reported) });
  if (arrived) {
    const tech = (await backend.ok('technicians:list', {})).find((x) => x.name === '李工') ?? (await backend.ok('technicians:create', { name: '李工', phone: '13900002222', skills: ['空调'] }));
    await backend.ok('tickets:assign', { id: t.id, technicianIds: [tech.id] });
    await backend.ok('tickets:transition', { id: t.id, to: 'answered', at: at(reported) + 60_000 });
    await backend.ok('tickets:transition', { id: t.id, to: 'dispatched', at: at(reported) + 120_000 });
    await backend.ok('tickets:transition', { id: t.id, to: 'onSite', at: at(arrived) });
  }
  if (fixed) {
    await backend.ok('tickets:recordWork', { id: t.id, action: '清洗冷凝器' });
    await backend.ok('tickets:transition', { id: t.id, to: 'resolved', at: at(fixed) });
  }
  return t;
}

async function finished(jobId: number): Promise<BatchJob> {
  let job!: BatchJob;
  await vi.waitFor(
    async () => {
      job = await backend.ok('batchPrint:status', { jobId });
      expect(job.state).not.toBe('running');
    },
    { timeout: 60_000, interval: 20 },
  );
  return job;
}

describe("the quarter's fault statistics sheet", () => {
  it('counts each covered unit’s tickets per fault category in the quarter, judged on time or late against the level', async () => {
    const { customer, units, model } = await school();
    const [a, b] = [units[0]!, units[1]!];
    // A unit neither in warranty nor under contract: not on the sheet, nor are its tickets.
    const old = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'OLD-0001', purchaseDate: '2019-03-01', acceptanceDate: '2019-03-05' });
    const t1 = await ticket(customer.id, a.id, 'notCooling', '2026-07-10T09:00', '2026-07-10T10:30', '2026-07-10T12:00');
    const t2 = await ticket(customer.id, a.id, 'noise', '2026-08-03T09:00', '2026-08-03T13:00', '2026-08-03T19:00');
    const t3 = await ticket(customer.id, b.id, 'notCooling', '2026-09-01T09:00', '2026-09-01T10:00', '2026-09-01T16:00');
    const t4 = await ticket(customer.id, b.id, 'notCooling', '2026-09-28T08:00', null, null);
    await ticket(customer.id, b.id, 'noise', '2026-06-20T09:00', '2026-06-20T10:00', '2026-06-20T11:00');
    await ticket(customer.id, old.id, 'noise', '2026-08-20T09:00', null, null);

    const doc = await backend.ok('documents:faultStats', { customerId: customer.id, year: 2026, quarter: 3, paper: 'A4', language: 'zh-CN' });
    expect(doc).toMatchObject({ kind: 'faultStats', recordType: 'customer', recordId: customer.id });
    expect(doc.number).toMatch(/^GZT-2026-/);
    const data = (sent.at(-1) as { data: FaultStatsData }).data;
    expect(data.units.map((u) => u.serial)).toEqual(['AC-0001', 'AC-0002']);
    const byNumber = Object.fromEntries(data.units.flatMap((u) => u.tickets).map((t) => [t.number, t]));
    expect(Object.keys(byNumber).sort()).toEqual([t1.number, t2.number, t3.number, t4.number].sort());
    // The standard level: on site within 2 h, fixed within 4 h of arrival.
    expect(byNumber[t1.number]).toMatchObject({ category: 'notCooling', arrival: { state: 'onTime', takenMs: 90 * 60_000 }, fix: { state: 'onTime', takenMs: 90 * 60_000 } });
    expect(byNumber[t2.number]).toMatchObject({ category: 'noise', arrival: { state: 'late', takenMs: 4 * 3_600_000, lateMs: 2 * 3_600_000 }, fix: { state: 'late', takenMs: 6 * 3_600_000 } });
    expect(byNumber[t3.number]).toMatchObject({ arrival: { state: 'onTime' }, fix: { state: 'late' } });
    // Still not on site at 16:00, reported at 08:00: late and still open.
    expect(byNumber[t4.number]).toMatchObject({ arrival: { state: 'late', takenMs: null, lateMs: 6 * 3_600_000 } });
    const all = data.units.flatMap((u) => u.tickets);
    expect(promiseFigures(all, 'arrival')).toEqual({ onTime: 2, late: 2, open: 0, worstMs: 4 * 3_600_000 });
    expect(promiseFigures(all, 'fix')).toMatchObject({ onTime: 1, late: 3, open: 0 });

    const pages = await readPdf(await pdfOf(doc.id));
    const text = pages.map((p) => p.text).join('');
    for (const expected of ['季度故障统计表', '杭州市余杭区良渚第二小学', '2026年第3季度', t1.number, t2.number, '不制冷', '异响', '4小时0分（超时）', '1小时30分（按时）', 'AC-0001']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('OLD-0001');
    expect(smallestType(pages).size).toBeGreaterThanOrEqual(MIN_PT - 0.05);
  });

  it('breaks a site of many units across pages with the table heading and a continuation header on each, in English on A5', async () => {
    const { customer } = await school('Liangzhu Primary School', 40, 'PJ');
    const doc = await backend.ok('documents:faultStats', { customerId: customer.id, year: 2026, quarter: 3, paper: 'A5', language: 'en' });
    const pages = await readPdf(await pdfOf(doc.id));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]!.text).toContain('QuarterlyFaultStatistics');
    for (const page of pages.slice(1, -1)) {
      expect(page.text).toContain('Faultcategory');
      expect(page.text).toContain(`${doc.number}(continued)`);
    }
    expect(pages.map((p) => p.text).join('')).toContain('PJ-0040');
    expect(smallestType(pages).size).toBeGreaterThanOrEqual(MIN_PT - 0.05);
  });

  it('refuses a quarter that is not one, and a customer that does not exist', async () => {
    const { customer } = await school();
    expect((await backend.fails('documents:faultStats', { customerId: customer.id, year: 2026, quarter: 5, paper: 'A4', language: 'zh-CN' })).code).toBe('VALIDATION');
    expect((await backend.fails('documents:faultStats', { customerId: 999_999, year: 2026, quarter: 3, paper: 'A4', language: 'zh-CN' })).code).toBe('NOT_FOUND');
    expect(await backend.ok('documents:list', {})).toEqual([]);
  });
});

describe('the inspection plan', () => {
  it("lists every visit of the contract's year with its date, and what each kind of visit checks, with a place to approve it", async () => {
    const { contract } = await school();
    await backend.ok('checklists:create', { name: '分体空调巡检', category: '空调', items: AIRCON_ITEMS });
    const doc = await backend.ok('documents:inspectionPlan', { contractId: contract.id, year: 2027, paper: 'A4', language: 'zh-CN' });
    expect(doc).toMatchObject({ kind: 'inspectionPlan', recordType: 'contract', recordId: contract.id });
    const year = contract.visits.filter((v) => v.dueOn.startsWith('2027-'));
    // Two quarterly inspections and the maintenance six months in.
    expect(year.map((v) => v.kind).sort()).toEqual(['inspection', 'inspection', 'maintenance']);
    const text = (await readPdf(await pdfOf(doc.id))).map((p) => p.text).join('');
    for (const v of year) {
      expect(text).toContain(v.number);
      expect(text).toContain(v.dueOn);
    }
    expect(text).not.toContain(contract.visits.find((v) => v.dueOn.startsWith('2026-'))!.number);
    for (const expected of ['年度巡检计划', '检查内容：巡检', '检查内容：保养', '冷媒低压压力', '压缩机绝缘电阻', '客户审批', contract.number]) expect(text).toContain(expected);
  });

  it('prints in English on A5 with type no smaller than the minimum, and refuses a year outside the term', async () => {
    const { contract } = await school();
    const doc = await backend.ok('documents:inspectionPlan', { contractId: contract.id, year: null, paper: 'A5', language: 'en' });
    const pages = await readPdf(await pdfOf(doc.id));
    expect(pages.map((p) => p.text).join('')).toContain('AnnualInspectionPlan');
    expect(smallestType(pages).size).toBeGreaterThanOrEqual(MIN_PT - 0.05);
    const refused = await backend.fails('documents:inspectionPlan', { contractId: contract.id, year: 2030, paper: 'A4', language: 'en' });
    expect(refused.details).toMatchObject({ message: { key: 'maintenancePapers.errors.yearOutsideContract' } });
  });
});

describe('batch printing', () => {
  it('prints every visit due in a range as one file, each form numbered over its own pages, with progress to the end', async () => {
    await school('良渚第二小学', 2, 'AC');
    await school('瓶窑中学', 3, 'PY');
    const started = await backend.ok('batchPrint:start', { what: 'forms', from: '2026-12-01', to: '2026-12-31', technicianId: null, split: 'one', paper: 'A4', language: 'zh-CN' });
    expect(started).toMatchObject({ state: 'running', papers: 2, total: 4 });
    const job = await finished(started.jobId);
    expect(job).toMatchObject({ state: 'done', done: 4, total: 4 });
    expect(job.documents).toHaveLength(1);
    const [file] = job.documents;
    expect(file).toMatchObject({ kind: 'batchPrint', recordType: 'batch' });
    expect((await backend.ok('documents:list', {})).map((d) => d.id)).toEqual([file!.id]);
    const pages = await readPdf(await pdfOf(file!.id));
    const text = pages.map((p) => p.text).join('');
    expect(text).toContain('良渚第二小学');
    expect(text).toContain('瓶窑中学');
    expect(text).toContain(`${file!.number}-001`);
    expect(text).toContain(`${file!.number}-002`);
    // Each form starts on a page of its own and counts its own pages ("第 1 / n 页").
    const starts = pages.filter((p) => p.text.includes('季度巡检表'));
    expect(starts).toHaveLength(2);
    // Each page's footer is its own form's: the number at its head and foot agree.
    for (const [i, p] of starts.entries()) {
      expect(p.text).toMatch(/第1\/\d页/);
      expect(p.text.split(`${file!.number}-00${i + 1}`).length - 1).toBe(2);
    }
    expect(smallestType(pages).size).toBeGreaterThanOrEqual(MIN_PT - 0.05);
  });

  it('makes one file per customer, and the quarter statistics sheets of every covered customer', async () => {
    await school('良渚第二小学', 2, 'AC');
    await school('瓶窑中学', 1, 'PY');
    const forms = await finished((await backend.ok('batchPrint:start', { what: 'forms', from: '2026-12-01', to: '2026-12-31', technicianId: null, split: 'perCustomer', paper: 'A5', language: 'en' })).jobId);
    expect(forms.documents.map((d) => [d.kind, d.recordType])).toEqual([
      ['batchPrint', 'customer'],
      ['batchPrint', 'customer'],
    ]);
    const stats = await finished((await backend.ok('batchPrint:start', { what: 'stats', year: 2026, quarter: 3, split: 'perCustomer', paper: 'A4', language: 'zh-CN' })).jobId);
    expect(stats.documents.map((d) => d.kind)).toEqual(['faultStats', 'faultStats']);
    const one = await finished((await backend.ok('batchPrint:start', { what: 'stats', year: 2026, quarter: 3, split: 'one', paper: 'A4', language: 'zh-CN' })).jobId);
    expect(one.documents).toHaveLength(1);
    const text = (await readPdf(await pdfOf(one.documents[0]!.id))).map((p) => p.text).join('');
    expect(text).toContain('良渚第二小学');
    expect(text).toContain('瓶窑中学');
  });

  it('stops on cancel and leaves no archive entry nor file for what was not finished', async () => {
    for (let i = 1; i <= 4; i++) await school(`客户${i}`, 2, `C${i}`);
    const started = await backend.ok('batchPrint:start', { what: 'forms', from: '2026-07-01', to: '2027-06-30', technicianId: null, split: 'one', paper: 'A4', language: 'zh-CN' });
    const cancelled = await backend.ok('batchPrint:cancel', { jobId: started.jobId });
    expect(cancelled.state).toBe('running');
    const job = await finished(started.jobId);
    expect(job.state).toBe('cancelled');
    expect(job.documents).toEqual([]);
    expect(await backend.ok('documents:list', {})).toEqual([]);
    const archive = join(backend.dir, 'documents');
    expect(existsSync(archive) ? readdirSync(archive, { recursive: true }).filter((f) => String(f).endsWith('.pdf')) : []).toEqual([]);
    // The desk is free for the next batch.
    const next = await finished((await backend.ok('batchPrint:start', { what: 'forms', from: '2026-12-01', to: '2026-12-31', technicianId: null, split: 'one', paper: 'A4', language: 'zh-CN' })).jobId);
    expect(next.state).toBe('done');
  });

  it('refuses a range that ends before it starts, an empty range, a quarter with no covered customer, and an unknown job', async () => {
    await school();
    const reversed = await backend.fails('batchPrint:start', { what: 'forms', from: '2026-12-31', to: '2026-12-01', technicianId: null, split: 'one', paper: 'A4', language: 'zh-CN' });
    expect(reversed.details).toMatchObject({ message: { key: 'maintenancePapers.errors.rangeReversed' }, fields: { to: [{ key: 'maintenancePapers.errors.rangeReversed' }] } });
    const empty = await backend.fails('batchPrint:start', { what: 'forms', from: '2026-12-16', to: '2026-12-31', technicianId: null, split: 'one', paper: 'A4', language: 'zh-CN' });
    expect(empty.details).toMatchObject({ message: { key: 'maintenancePapers.errors.nothingDue', params: { from: '2026-12-16', to: '2026-12-31' } } });
    const none = await backend.fails('batchPrint:start', { what: 'stats', year: 2024, quarter: 1, split: 'one', paper: 'A4', language: 'zh-CN' });
    expect(none.details).toMatchObject({ message: { key: 'maintenancePapers.errors.noCustomers' } });
    expect((await backend.fails('batchPrint:status', { jobId: 42 })).code).toBe('NOT_FOUND');
    expect(await backend.ok('documents:list', {})).toEqual([]);
  });
});
