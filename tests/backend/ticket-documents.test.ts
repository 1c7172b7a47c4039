import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONDUCT_RULES, dispatchOrderDefinition, dispatchOrderPages, renderDispatchOrder } from '../../electron/backend/documents/ticket-papers/dispatch-order';
import { CARBON_MIN_PT } from '../../electron/backend/documents/kit/layout';
import type { Content } from '../../electron/backend/documents/kit/definition';
import { repairReceiptDefinition, repairReceiptPages, renderRepairReceipt, UNCOLLECTED_DAYS, type ReceiptCopy } from '../../electron/backend/documents/ticket-papers/repair-receipt';
import type { RenderedDocument } from '../../electron/backend/documents/kit/fitting';
import { documentText } from '../../electron/backend/documents/kit/render';
import { CN_MAINLAND } from '../../shared/domain/calendar';
import { DEFAULT_WARRANTY_RULES, fittedPartCover } from '../../shared/domain/warranty-engine';
import type { TicketDetail } from '../../shared/schemas/ticket';
import { formatDate, formatMoney } from '../../shared/format';
import { translator, type Language } from '../../shared/i18n';
import type { Paper } from '../../shared/schemas/document';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person, seedModel } from '../support/sample';
import { at, sample, SERIAL, TICKET, ticketWith } from '../support/ticket-paper-sample';

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
/** pdftotext may drop or add spaces between characters: compare without them. */
const squeeze = (s: string) => s.replace(/\s+/g, '');
const pageText = (file: string, page: number) => squeeze(run('pdftotext', ['-raw', '-f', String(page), '-l', String(page), file, '-']));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ticket-documents-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

type Doc = 'dispatch' | ReceiptCopy;
const NUMBERS: Record<Doc, string> = { dispatch: 'PGD-2026-000007', intake: 'SJD-2026-000008', completion: 'WXD-2026-000009' };

async function render(doc: Doc, lang: Language, paper: Paper, ticket?: TicketDetail): Promise<RenderedDocument & { file: string; text: string }> {
  const data = sample(NUMBERS[doc], ticket);
  const result = doc === 'dispatch' ? await renderDispatchOrder(data, lang, paper) : await renderRepairReceipt(data, doc, lang, paper);
  const file = join(dir, `${doc}-${lang}-${paper}-${Math.random().toString(36).slice(2, 8)}.pdf`);
  writeFileSync(file, result.pdf);
  if (process.env.KEEP_PDF) writeFileSync(join(process.env.KEEP_PDF, `${doc}-${lang}-${paper}.pdf`), result.pdf);
  return { ...result, file, text: squeeze(run('pdftotext', ['-raw', file, '-'])) };
}

const SIZES: Record<Paper, [number, number]> = { A4: [595, 842], A5: [420, 595], C241: [683, 396] };
const CASES: [Doc, Paper][] = [
  ['dispatch', 'A4'],
  ['dispatch', 'A5'],
  ['intake', 'A4'],
  ['intake', 'A5'],
  ['intake', 'C241'],
  ['completion', 'A4'],
  ['completion', 'A5'],
  ['completion', 'C241'],
];
const TITLES: Record<Doc, string> = { dispatch: 'repairPrint.dispatch.title', intake: 'repairPrint.intake.title', completion: 'repairPrint.completion.title' };
const planned = (doc: Doc, paper: Paper) => (doc === 'dispatch' ? dispatchOrderPages(paper) : repairReceiptPages(doc, paper));

describe.each(['zh-CN', 'en'] as const)('ticket paper in %s, read back with poppler', (lang) => {
  const t = translator(lang);
  const k = (key: string, params?: Record<string, unknown>) => squeeze(t(`repairPrint.${key}`, params ?? {}));

  it.each(CASES)('%s on %s: planned pages of the right size, fonts embedded, footer on every page', async (doc, paper) => {
    const { file, text, pages, missingGlyphs } = await render(doc, lang, paper);
    expect(pages).toBe(planned(doc, paper));
    const info = run('pdfinfo', ['-f', '1', '-l', String(pages), file]);
    expect(info).toMatch(new RegExp(`^Pages:\\s+${pages}$`, 'm'));
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(sizes).toEqual(Array.from({ length: pages }, () => SIZES[paper]));
    for (const row of run('pdffonts', [file]).trim().split('\n').slice(2)) {
      const f = row.trim().split(/\s+/);
      expect(f.at(-5), row).toBe('yes'); // embedded
      expect(f.at(-4), row).toBe('yes'); // subset
    }
    expect(missingGlyphs).toEqual([]);
    expect(text).toContain(squeeze(t(TITLES[doc])));
    expect(text).toContain('杭州安信机电设备服务有限公司');
    expect(text).toContain('400-800-1234');
    expect(text).toContain(TICKET);
    expect(text).toContain(SERIAL);
    expect(text).toContain('张三丰');
    for (let page = 1; page <= pages; page++) {
      const onPage = pageText(file, page);
      expect(onPage).toContain(NUMBERS[doc]);
      expect(onPage).toContain(squeeze(t('print.common.page', { page, pages })));
    }
  });

  it('the dispatch order carries the visit, the deadlines, what to bring, the conduct rules and blanks for the record', async () => {
    const { text } = await render('dispatch', lang, 'A4');
    expect(text).toContain(squeeze(t('repairPrint.dispatch.window', { date: lang === 'en' ? '15 Sep 2026' : '2026-09-15', from: '09:00', to: '11:00' })));
    // Deadlines in the desk's local time (the test runs in the machine's zone, like the app).
    const local = (ms: number) => {
      const d = new Date(ms);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
    };
    expect(text).toContain(local(at('2026-09-15T11:10:00+08:00')));
    expect(text).toContain(local(at('2026-09-15T14:12:00+08:00')));
    expect(text).toContain('张太太');
    expect(text).toContain('13957112233');
    // The seeded service level reads in the paper's language, as it does on screen.
    expect(text).toContain(squeeze(t('service.levels.seeded.standard')));
    expect(text).toContain(squeeze(t('repairPrint.common.lead', { name: '李建国' })));
    expect(text).toContain('电容表、冷媒压力表、R32冷媒一瓶');
    expect(text).toContain('PCB-35');
    expect(text).toContain(squeeze(t('ticketing.warranty.out')));
    expect(text).toContain(squeeze(t('warranty.state.expired', { end: lang === 'en' ? '5 Mar 2026' : '2026-03-05' })));
    for (const rule of CONDUCT_RULES) expect(text, rule).toContain(k(`dispatch.conduct.${rule}`));
    for (const blank of ['arrivedAt', 'leftAt', 'diagnosis', 'action', 'partsUsed']) expect(text, blank).toContain(k(`dispatch.${blank}`));
    expect(text).toContain(k('common.customerSignature'));
    expect(text).toContain(k('common.technicianSignature'));
    for (const n of [1, 2, 3, 4, 5]) expect(text).toContain(squeeze(t(`ticketing.satisfaction.${n}`)));
  });

  it('the intake copy lists the unit received, its accessories and condition, the terms and both signatures', async () => {
    for (const paper of ['A4', 'C241'] as const) {
      const { text: read } = await render('intake', lang, paper);
      // The terms are a numbered list, and pdftotext puts each number where the line wraps.
      const text = read.replace(/[1-5]\./g, '');
      expect(text).toContain('遥控器1个、电源线1根');
      expect(text).toContain('外壳右侧有划痕，面板发黄');
      expect(text).toContain(squeeze(t('repairPrint.intake.loanerLine', { name: '备用空调 BY-02', date: lang === 'en' ? '20 Sep 2026' : '2026-09-20' })));
      expect(text).toContain(lang === 'en' ? '18Sep2026' : '2026-09-18');
      expect(text).toContain(k('intake.terms.notify', { count: UNCOLLECTED_DAYS }));
      expect(text).toContain(k('intake.terms.data'));
      expect(text).toContain(k('intake.deskSignature'));
      expect(text).toContain(k('common.complaint', { complaintLine: '057188886666' }));
      expect(text).toContain(k('common.progress', { hotline: '400-800-1234', number: NUMBERS.intake }));
    }
  });

  it('the completion copy prices every line, sums up with the discount and payment, and gives each part its own warranty', async () => {
    const ticket = ticketWith();
    expect(ticket.charges.totalFen).toBe(128_000);
    for (const paper of ['A4', 'A5', 'C241'] as const) {
      const { text } = await render('completion', lang, paper, ticket);
      expect(text).toContain('¥1,280.00');
      expect(text).toContain('¥980.00');
      expect(text).toContain(formatMoney(ticket.charges.subtotalFen, lang));
      expect(text).toContain('-¥20.00');
      expect(text).toContain(squeeze(t('repairPrint.completion.discountWithReason', { reason: '老客户优惠' })));
      expect(text).toContain(squeeze(t('repairPrint.completion.paidWith', { method: t('ticketing.payment.cash') })));
      expect(text).toContain(squeeze(t('ticketing.partBasis.price')));
      expect(text).toContain(squeeze(t('repairPrint.completion.labour', { name: '检测维修' })));
      expect(text).toContain(k('completion.travel'));
      expect(text).toContain('室外机主控板驱动模块击穿');
      expect(text).toContain('雷雨天电压波动');
      // Paid replacement: covered 3 months from fitting, 2026-09-15 → 2026-12-15, in its own column.
      const date = (iso: string) => squeeze(formatDate(iso, lang));
      expect(text).toContain(k('completion.coveredUntil'));
      expect(text).toContain(`${squeeze(t('repairPrint.completion.part', { name: '室外机主控板', partNumber: 'PCB-35' }))}1¥980.00¥980.00`);
      expect(text.split(date('2026-12-15')).length).toBeGreaterThanOrEqual(3);
      // A receipt for money: the total in words, a payee and the company's seal.
      expect(text).toContain(squeeze(lang === 'en' ? 'RMB One Thousand Two Hundred Eighty Yuan Only' : '人民币壹仟贰佰捌拾元整'));
      expect(text).toContain(squeeze(t('print.common.payee')));
      expect(text).toContain(k('common.seal'));
      expect(text).toContain(squeeze(t('warranty.state.expired', { end: lang === 'en' ? '5 Mar 2026' : '2026-03-05' })));
      expect(text).toContain(k('common.customerSignature'));
    }
  });

  /**
   * The sample fits its parts on 2026-09-15, whose free cover ends on Mid-Autumn 2027 (counted
   * provisionally): moved off it, with a starred note. Refitted a day earlier, the cover ends on
   * a working day and the receipt is the plain one this test is about.
   */
  const fittedOn = (ticket: TicketDetail, day: string): TicketDetail => ({
    ...ticket,
    parts: ticket.parts.map((p) => ({ ...p, fittedOn: day, cover: fittedPartCover({ name: p.name, fittedOn: day, paid: p.cover.paid }, DEFAULT_WARRANTY_RULES, CN_MAINLAND) })),
  });

  it('in warranty, parts, labour and travel are free and each part is covered 12 months further', async () => {
    const ticket = fittedOn(ticketWith({ inWarranty: true }), '2026-09-14');
    expect(ticket.charges.totalFen).toBe(0);
    const { text, pages } = await render('completion', lang, 'C241', ticket);
    expect(pages).toBe(1);
    expect(text).toContain(squeeze(t('ticketing.partBasis.warranty')));
    expect(text).toContain(squeeze(t('ticketing.warranty.in')));
    // Each part fitted free is covered a further DEFAULT_WARRANTY_RULES.partInWarrantyMonths (12) months.
    expect(DEFAULT_WARRANTY_RULES.partInWarrantyMonths).toBe(12);
    expect(text.split(lang === 'en' ? '14Sep2027' : '2027-09-14')).toHaveLength(3);
    expect(text).not.toContain('¥980.00');
  });

  it('a part cover moved off a holiday of a year not yet published is starred and said to be provisional', async () => {
    const ticket = ticketWith({ inWarranty: true });
    expect(ticket.parts[0]!.cover).toMatchObject({ end: '2027-09-16', provisional: true });
    const { text } = await render('completion', lang, 'A4', ticket);
    expect(text).toContain(`${squeeze(formatDate('2027-09-16', lang))}*`);
    expect(text).toContain(squeeze(t('warranty.term.provisional', { year: 2027 })));
  });

  it('an unregistered unit is printed as told, with a line to write the serial on and a reminder to check it', async () => {
    const ticket = ticketWith({ registered: false });
    const { text } = await render('dispatch', lang, 'A5', ticket);
    expect(text).toContain(k('common.unregistered'));
    expect(text).toContain(k('dispatch.unregisteredCheck'));
    expect(text).toContain('美的KFR-26GW');
    expect(text).not.toContain(SERIAL);
  });

  it("the dispatch order gives the technician every number to call: the contact's, then the customer's others", async () => {
    const data = sample(NUMBERS.dispatch);
    data.customer.phones = [
      { phone: '057186001234', label: '总务处' },
      { phone: '13957112233', label: null },
      { phone: '13812345678', label: '值班手机' },
    ];
    data.customer.phone = '057186001234';
    const file = join(dir, `dispatch-phones-${lang}.pdf`);
    writeFileSync(file, (await renderDispatchOrder(data, lang, 'A5')).pdf);
    const text = squeeze(run('pdftotext', ['-raw', file, '-']));
    // The contact's number (also one of the customer's) once, first; the customer's others after it, with their labels.
    const expected = [
      '13957112233',
      squeeze(t('repairPrint.common.phoneWithLabel', { phone: '057186001234', label: '总务处' })),
      squeeze(t('repairPrint.common.phoneWithLabel', { phone: '13812345678', label: '值班手机' })),
    ].join('');
    expect(text).toContain(expected);
    // And no number is broken across two lines of the narrow A5 page.
    const lines = run('pdftotext', ['-layout', file, '-']).split('\n').map(squeeze);
    for (const phone of ['057186001234', '13957112233', '13812345678']) expect(lines.some((l) => l.includes(phone)), phone).toBe(true);
  });

  it('on the C241 form each sum under the charges keeps its figure on the line of its label', async () => {
    // A long discount reason and a part payment: the sums run to more than one line.
    const ticket: TicketDetail = { ...ticketWith(), discountReason: '学校维保合同客户优惠', paidFen: 10_000, paymentMethod: 'wechat' };
    const { file } = await render('completion', lang, 'C241', ticket);
    const lines = run('pdftotext', ['-layout', file, '-']).split('\n').map(squeeze);
    const sums: [string, number][] = [
      [t('repairPrint.completion.subtotal'), ticket.charges.subtotalFen],
      [t('repairPrint.completion.total'), ticket.charges.totalFen],
      [t('repairPrint.completion.paidWith', { method: t('ticketing.payment.wechat') }), 10_000],
      [t('repairPrint.completion.unpaid'), ticket.charges.totalFen - 10_000],
    ];
    for (const [label, fen] of sums) {
      const labelText = squeeze(t('print.common.labelled', { label, value: '' }));
      const line = lines.find((l) => l.includes(labelText));
      expect(line, label).toBeDefined();
      expect(line, label).toContain(squeeze(t('print.common.labelled', { label, value: formatMoney(fen, lang) })));
    }
  });

  it('many parts flow onto a second C241 page, which repeats the heading row of the charges', async () => {
    const parts = Array.from({ length: 14 }, (_, i) => ({ partNumber: `P-${100 + i}`, name: `配件${i + 1}`, quantity: 1, priceFen: 1_000 * (i + 1) }));
    const { file, pages } = await render('completion', lang, 'C241', ticketWith({ parts }));
    expect(pages).toBeGreaterThanOrEqual(2);
    const item = k('completion.item');
    expect(pageText(file, 1)).toContain(item);
    expect(pageText(file, 2)).toContain(item);
    expect(pageText(file, pages)).toContain(k('common.customerSignature'));
  });
});

describe('the C241 carbon form', () => {
  /** Every value under `key` anywhere in a definition. */
  const collect = (node: unknown, key: string): unknown[] => {
    if (Array.isArray(node)) return node.flatMap((n) => collect(n, key));
    if (!node || typeof node !== 'object') return [];
    return Object.entries(node).flatMap(([name, value]) => [...(name === key ? [value] : []), ...collect(value, key)]);
  };

  it.each(['intake', 'completion'] as const)('%s: black only, no fills or pictures, no type under 10 pt', async (copy) => {
    const ticket = ticketWith();
    const data = sample(NUMBERS[copy], ticket);
    data.settings.logo = 'data:image/png;base64,iVBORw0KGgo=';
    const definition = repairReceiptDefinition(data, copy, 'zh-CN', 'C241');
    const content = definition.content as Content;
    expect(collect(content, 'fillColor')).toEqual([]);
    expect(collect(content, 'image')).toEqual([]);
    expect(collect(content, 'color').filter((c) => c !== '#000000')).toEqual([]);
    expect(collect(content, 'layout')).not.toContain('fields');
    for (const [name, style] of Object.entries(definition.styles ?? {})) {
      expect(style.fontSize ?? CARBON_MIN_PT, name).toBeGreaterThanOrEqual(CARBON_MIN_PT);
      expect(style.color, name).toBeUndefined();
    }
    expect(definition.defaultStyle?.fontSize).toBeGreaterThanOrEqual(CARBON_MIN_PT);
    // And as a reader's software sees it: every colour operator in the page streams is black.
    const { file } = await render(copy, 'zh-CN', 'C241', ticket);
    const qdf = join(dir, `${copy}-qdf.pdf`);
    run('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
    const colours = new Set(readFileSync(qdf, 'latin1').match(/[\d.]+ [\d.]+ [\d.]+ (?:rg|RG|scn|SCN)\b/g) ?? []);
    expect([...colours].every((c) => /^0 0 0 /.test(c)), [...colours].join(', ')).toBe(true);
  });

  it.each(['zh-CN', 'en'] as const)('intake in %s: the two signing places, one under the other, start their lines and dates at one x', async (lang) => {
    const { file } = await render('intake', lang, 'C241');
    const words = [...run('pdftotext', ['-bbox', file, '-']).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      text: m[3]!,
    }));
    const dateLabel = translator(lang)('print.common.labelled', { label: translator(lang)('print.common.date'), value: '' }).trim();
    // The word right of each "Date:" label is its printed date: both dates start at one x.
    const datesAt = words
      .filter((w) => w.text === dateLabel)
      .map((label) => Math.min(...words.filter((w) => Math.abs(w.y - label.y) < 1 && w.x > label.x).map((w) => w.x)));
    expect(datesAt).toHaveLength(2);
    expect(Math.abs(datesAt[0]! - datesAt[1]!)).toBeLessThan(1);
  });

  it('says "same as above" for a contact who is the customer, rather than the name twice', () => {
    const own = sample(NUMBERS.dispatch, { ...ticketWith(), contactName: null });
    const flat = (d: Parameters<typeof documentText>[0]) => documentText(d).replace(/\s+/g, '');
    const text = flat(dispatchOrderDefinition(own, 'zh-CN', 'A4'));
    expect(text).toContain('联系人同上');
    expect(text.split('张三丰')).toHaveLength(2);
    const same = sample(NUMBERS.dispatch, { ...ticketWith(), contactName: '张三丰' });
    expect(flat(dispatchOrderDefinition(same, 'en', 'A4'))).toContain('ContactSameasabove');
    // Someone else to ask for is printed by name.
    expect(flat(dispatchOrderDefinition(sample(NUMBERS.dispatch), 'zh-CN', 'A4'))).toContain('联系人张太太');
  });

  it('is the only paper that drops the shading: A4 keeps its shaded labels', () => {
    const definition = dispatchOrderDefinition(sample(NUMBERS.dispatch), 'zh-CN', 'A4');
    expect(collect(definition.content, 'fillColor').length).toBeGreaterThan(0);
  });
});

describe('dispatch orders and repair receipts through the backend', () => {
  let backend: TestBackend;
  let clock = new Date(2026, 8, 14, 9, 10);
  beforeEach(async () => {
    clock = new Date(2026, 8, 14, 9, 10);
    backend = await openTestBackend(undefined, () => clock);
  });
  afterEach(async () => {
    await backend.close();
  });

  async function seedTicket() {
    const model = await seedModel(backend);
    const customer = await backend.ok('customers:create', person({ name: '张三丰' }));
    const unit = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: SERIAL, purchaseDate: '2026-05-02', acceptanceDate: '2026-05-06', invoiceNumber: 'FP001' });
    const tech = await backend.ok('technicians:create', { name: '李建国', phone: '13900001111' });
    const part = await backend.ok('parts:create', { partNumber: 'CAP-35', name: '启动电容', costFen: 1_800, priceFen: 4_500, quantity: 5 });
    let ticket = await backend.ok('tickets:create', {
      customerId: customer.id,
      unitId: unit.id,
      faultReported: '开机后不制冷',
      faultCategory: 'notCooling',
      intakeAccessories: '遥控器 1 个',
      parts: [{ partId: part.id, quantity: 1 }],
    });
    ticket = await backend.ok('tickets:assign', { id: ticket.id, technicianIds: [tech.id] });
    return ticket;
  }

  it('refuses to print before the company is set up, and writes nothing', async () => {
    const ticket = await seedTicket();
    const error = await backend.fails('documents:dispatchOrder', { ticketId: ticket.id, paper: 'A4', language: 'zh-CN' });
    expect(error.details.message).toEqual({ key: 'errors.companySettingsMissing' });
    expect(await backend.ok('documents:list', { recordType: 'ticket', recordId: ticket.id })).toEqual([]);
  });

  it('archives each paper under its own number sequence, against the ticket, with its file', async () => {
    await backend.ok('settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '4008001234', complaintLine: '057188886666' });
    const ticket = await seedTicket();
    const made = [
      await backend.ok('documents:dispatchOrder', { ticketId: ticket.id, paper: 'A4', language: 'zh-CN' }),
      await backend.ok('documents:dispatchOrder', { ticketId: ticket.id, paper: 'A5', language: 'en' }),
      await backend.ok('documents:repairReceipt', { ticketId: ticket.id, copy: 'intake', paper: 'C241', language: 'zh-CN' }),
      await backend.ok('documents:repairReceipt', { ticketId: ticket.id, copy: 'completion', paper: 'A4', language: 'en' }),
      await backend.ok('documents:repairReceipt', { ticketId: ticket.id, copy: 'completion', paper: 'C241', language: 'zh-CN' }),
    ];
    expect(made.map((d) => [d.kind, d.number])).toEqual([
      ['dispatchOrder', 'PGD-2026-000001'],
      ['dispatchOrder', 'PGD-2026-000002'],
      ['repairIntake', 'SJD-2026-000001'],
      ['repairCompletion', 'WXD-2026-000001'],
      ['repairCompletion', 'WXD-2026-000002'],
    ]);
    for (const d of made) {
      expect(d).toMatchObject({ recordType: 'ticket', recordId: ticket.id, title: `${ticket.number} · ${ticket.unitLabel}`, missingGlyphs: [] });
      const file = join(backend.dir, 'documents', d.fileName);
      expect(existsSync(file)).toBe(true);
      const text = squeeze(run('pdftotext', ['-raw', file, '-']));
      expect(text).toContain(d.number);
      expect(text).toContain(ticket.number);
      expect(text).toContain(SERIAL);
    }
    const listed = await backend.ok('documents:list', { recordType: 'ticket', recordId: ticket.id });
    expect(listed.map((d) => d.number).sort()).toEqual(made.map((d) => d.number).sort());
    const intake = squeeze(run('pdftotext', ['-raw', join(backend.dir, 'documents', made[2]!.fileName), '-']));
    expect(intake).toContain('遥控器1个');
    expect(run('pdfinfo', [join(backend.dir, 'documents', made[2]!.fileName)])).toMatch(/^Pages:\s+1$/m);
  });

  it('the completion copy prints the arrival and completion typed at the desk, not when they were entered', async () => {
    await backend.ok('settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '4008001234' });
    const seeded = await seedTicket();
    await backend.ok('tickets:transition', { id: seeded.id, to: 'answered' });
    await backend.ok('tickets:transition', { id: seeded.id, to: 'dispatched' });
    // Recorded the next evening, from the technician's report: on site 09:20, done 11:05.
    clock = new Date(2026, 8, 15, 19, 40);
    const arrived = new Date(2026, 8, 15, 9, 20).getTime();
    const completed = new Date(2026, 8, 15, 11, 5).getTime();
    await backend.ok('tickets:transition', { id: seeded.id, to: 'onSite', at: arrived });
    await backend.ok('tickets:recordWork', { id: seeded.id, action: '更换启动电容' });
    const ticket = await backend.ok('tickets:transition', { id: seeded.id, to: 'resolved', at: completed });
    expect([ticket.arrivedAt, ticket.resolvedAt]).toEqual([arrived, completed]);
    for (const [language, paper, day] of [
      ['zh-CN', 'A4', '2026-09-15'],
      ['en', 'C241', '15 Sep 2026'],
    ] as const) {
      const t = translator(language);
      const doc = await backend.ok('documents:repairReceipt', { ticketId: ticket.id, copy: 'completion', paper, language });
      const text = squeeze(run('pdftotext', ['-raw', join(backend.dir, 'documents', doc.fileName), '-']));
      expect(text).toContain(squeeze(`${t('repairPrint.completion.arrivedAt')} ${day} 09:20`));
      expect(text).toContain(squeeze(`${t('repairPrint.completion.completedAt')} ${day} 11:05`));
      expect(text).not.toContain(squeeze(`${day} 19:40`));
    }
  });

  it('refuses a cancelled ticket with a translated message and archives nothing', async () => {
    await backend.ok('settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '4008001234' });
    const ticket = await seedTicket();
    await backend.ok('tickets:transition', { id: ticket.id, to: 'cancelled', note: '客户自行修好' });
    const error = await backend.fails('documents:repairReceipt', { ticketId: ticket.id, copy: 'intake', paper: 'A4', language: 'zh-CN' });
    expect(error.code).toBe('VALIDATION');
    expect(error.details.message).toEqual({ key: 'repairPrint.errors.cancelled', params: { number: ticket.number } });
    expect(await backend.ok('documents:list', { recordType: 'ticket', recordId: ticket.id })).toEqual([]);
  });

  it('refuses an unknown ticket as not found', async () => {
    const error = await backend.fails('documents:dispatchOrder', { ticketId: 999, paper: 'A4', language: 'zh-CN' });
    expect(error.code).toBe('NOT_FOUND');
  });
});
