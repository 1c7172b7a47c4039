import type { Language } from '../../../../shared/i18n';
import type { Paper } from '../../../../shared/schemas/document';
import type { LabourFee } from '../../../../shared/schemas/resources';
import type { FeedbackForm, ScrapRecord, Settlement } from '../../../../shared/schemas/settle';
import type { Maker } from '../../../../shared/schemas/settle-base';
import type { Settings } from '../../../../shared/schemas/settings';
import { formatPhone } from '../../../../shared/format';
import { amountInWords } from '../kit/amount-in-words';
import { documentCtx, documentPage, type DocumentCtx } from '../kit/context';
import type { Content, TDocumentDefinitions, TextNode } from '../kit/definition';
import { renderFitting, type RenderedDocument } from '../kit/fitting';
import { dataTable, fieldTable, signatureBlock, type FieldRow } from '../kit/forms';
import { keptSection, labelled, letterhead, MM, notes } from '../kit/layout';
import { renderMakerReturns, type MakerReturnsData } from './maker-returns';

/*
 * The papers of settling: the 三包 return or exchange form (退货单 / 换货单) with the depreciation
 * counted line by line, the scrapping record (报废品处理记录), the information feedback form to
 * the maker (信息返馈单), and the fee list (统一收费标准). Facts come decided by the services;
 * these only lay them out.
 */

/** Bump when the printed layout or wording changes, so archived copies can be told apart. */
export const SETTLE_PAPERS_TEMPLATE_VERSION = 1;

interface Stamp {
  number: string;
  issuedOn: string;
  settings: Settings;
}
export type SettleJob =
  | { paper: 'settlementForm'; data: Stamp & { settlement: Settlement } }
  | { paper: 'scrapRecord'; data: Stamp & { record: ScrapRecord } }
  | { paper: 'feedbackForm'; data: Stamp & { form: FeedbackForm; maker: Maker } }
  | { paper: 'feeList'; data: Stamp & { fees: LabourFee[]; copy: 'counter' | 'customer' } }
  | { paper: 'makerReturns'; data: MakerReturnsData };

interface Ctx extends DocumentCtx {
  k: (key: string, params?: Record<string, unknown>) => string;
}

/** The record's own number heads the paper (the one the desk quotes); the footer carries the archive's. */
function head(c: Ctx, stamp: Stamp, title: string, rows: FieldRow[], recordNumber = stamp.number): Content[] {
  const { setup, t } = c;
  return [
    letterhead(stamp.settings, t, { logoHeight: (setup.paper === 'A4' ? 14 : 11) * MM }),
    {
      columns: [
        { width: '*', text: title, style: 'title' },
        { width: 'auto', text: labelled(t, c.k('number'), recordNumber), style: 'documentNumber', bold: true, alignment: 'right' },
      ],
      margin: [0, setup.gap * 0.5, 0, setup.gap * 0.4],
    },
    ...(rows.length ? [fieldTable(rows, setup.paper === 'A4' ? 2 : 1)] : []),
  ];
}

const right = (text: string, bold = false): TextNode => ({ text, style: 'tableCell', alignment: 'right', bold });
const cell = (text: string, bold = false): TextNode => ({ text, style: 'tableCell', bold });

function closing(c: Ctx, labels: string[], lines: string[] = []): Content {
  return { stack: [...(lines.length ? [notes(lines)] : []), signatureBlock(c.t, labels, { height: c.setup.gap * 2 })], margin: [0, c.setup.gap, 0, 0], unbreakable: true };
}

/** The return or exchange form: who, what, the dates, the days, the deduction line by line, the money. */
function settlementForm(c: Ctx, data: Stamp & { settlement: Settlement }): Content[] {
  const s = data.settlement;
  const { k, date, money } = c;
  const refund = s.kind === 'refund';
  const rows: FieldRow[] = [
    { label: k('customer'), value: s.customerName },
    { label: k('phone'), value: s.customerPhone ? formatPhone(s.customerPhone) : c.t('print.common.none') },
    { label: k('unit'), value: s.modelName },
    { label: k('serial'), value: s.serial, code: true },
    { label: k('invoiceDate'), value: date(s.invoiceDate) },
    { label: k('invoiceNumber'), value: s.invoiceNumber ?? c.t('print.common.none'), code: true },
    { label: k('receiptDate'), value: date(s.receiptDate) },
    { label: k(refund ? 'returnDate' : 'exchangeDate'), value: date(s.settledOn) },
    { label: k('ticket'), value: s.ticketNumber },
    { label: k('testReport'), value: s.testReport ?? c.t('print.common.none') },
  ];
  if (s.overrideReason) rows.push({ label: k('override'), value: s.overrideReason, wide: true, bold: true });
  const count: Content[][] = [
    [cell(k('line.price')), right(money(s.priceFen))],
    [cell(k('line.elapsed', { from: date(s.invoiceDate), to: date(s.settledOn) })), right(k('days', { count: s.daysElapsed }))],
  ];
  if (refund) {
    // The days in repair only matter to the deduction: an exchange takes none.
    count.push(
      ...s.stays.filter((st) => st.days > 0).map((st) => [cell(k('line.stay', { number: st.ticketNumber, from: date(st.from), to: date(st.to) })), right(k('minusDays', { count: st.days }))]),
      [cell(k('line.charged'), true), right(k('days', { count: s.chargedDays }), true)],
    );
    count.push(
      [cell(k('line.rate')), right(k('ratePerDay', { rate: (s.rateBp / 100).toFixed(2) }))],
      [cell(k('line.depreciation', { price: money(s.priceFen), days: s.chargedDays, rate: (s.rateBp / 100).toFixed(2) })), right(money(s.depreciationFen))],
      [cell(k('line.refund'), true), right(money(s.refundFen), true)],
      [{ ...cell(labelled(c.t, c.t('print.common.amountInWords'), amountInWords(s.refundFen, c.lang))), colSpan: 2 }, { text: '' }],
    );
  } else {
    const diff = s.differenceFen ?? 0;
    count.push(
      [cell(k('line.newUnit', { model: s.newModelName ?? '', serial: s.newSerial ?? '' })), right(money(s.newPriceFen ?? 0))],
      [cell(k(diff > 0 ? 'line.customerPays' : diff < 0 ? 'line.customerReceives' : 'line.noDifference'), true), right(money(Math.abs(diff)), true)],
    );
  }
  const basis = refund ? [k('basisRefund')] : [k('basisExchange', { date: date(s.settledOn) })];
  return [
    ...head(c, data, k(refund ? 'refundTitle' : 'exchangeTitle'), rows, s.number),
    keptSection(k(refund ? 'countHeading' : 'exchangeHeading'), dataTable([k('column.item'), k('column.amount')], count, ['*', 'auto'])),
    closing(c, [k('sign.customer'), k('sign.desk'), k('sign.approver')], [...basis, ...(s.note ? [labelled(c.t, k('note'), s.note)] : [])]),
  ];
}

function scrapRecord(c: Ctx, data: Stamp & { record: ScrapRecord }): Content[] {
  const r = data.record;
  const { k, date } = c;
  const rows: FieldRow[] = [
    { label: k('scrap.kind'), value: k(`scrap.kinds.${r.kind}`) },
    { label: k('scrap.date'), value: date(r.scrappedOn) },
    { label: k('scrap.what'), value: r.what, wide: true, code: true },
    ...(r.customerName ? [{ label: k('customer'), value: r.customerName, wide: true }] : []),
    { label: k('scrap.quantity'), value: String(r.quantity) },
    { label: k('scrap.approvedBy'), value: r.approvedBy, bold: true },
    { label: k('scrap.reason'), value: r.reason, wide: true },
    { label: k('scrap.assessment'), value: r.assessment, wide: true },
    { label: k('scrap.disposal'), value: r.disposal, wide: true, bold: true },
    ...(r.keptLoaner ? [{ label: k('scrap.keptLoaner'), value: r.keptLoaner, wide: true }] : []),
    ...(r.note ? [{ label: k('note'), value: r.note, wide: true }] : []),
  ];
  return [...head(c, data, k('scrap.title'), rows, r.number), closing(c, [k('sign.assessor'), k('sign.approver'), k('sign.handler')], [k('scrap.basis')])];
}

function feedbackForm(c: Ctx, data: Stamp & { form: FeedbackForm; maker: Maker }): Content[] {
  const { form, maker } = data;
  const { k, date } = c;
  const none = c.t('print.common.none');
  const rows: FieldRow[] = [
    { label: k('feedback.to'), value: [maker.name, maker.department].filter(Boolean).join(' '), wide: true, bold: true },
    { label: k('feedback.contact'), value: maker.contactName ?? none },
    { label: k('feedback.fax'), value: maker.fax ?? maker.phone ?? none },
    { label: k('unit'), value: form.modelName },
    { label: k('serial'), value: form.serial ?? none, code: true },
    { label: k('customer'), value: form.customerName ?? none },
    { label: k('ticket'), value: form.ticketNumber ?? none },
    { label: k('feedback.raisedOn'), value: date(form.raisedOn) },
    { label: k('feedback.dueOn'), value: date(form.dueOn), bold: true },
    { label: k('feedback.problem'), value: form.problem, wide: true, write: 60 },
    { label: k('feedback.answer'), value: form.answer ?? '', wide: true, write: 80 },
    { label: k('feedback.answeredOn'), value: form.answeredOn ? date(form.answeredOn) : '', write: true },
  ];
  return [...head(c, data, k('feedback.title'), rows, form.number), closing(c, [k('sign.desk'), k('sign.maker')], [k('feedback.basis', { date: date(form.dueOn) })])];
}

function feeList(c: Ctx, data: Stamp & { fees: LabourFee[]; copy: 'counter' | 'customer' }): Content[] {
  const { k, money } = c;
  const travel = data.settings.service.travelFen;
  const body: Content[][] = data.fees.filter((f) => f.active).map((f) => [cell(f.name), right(money(f.amountFen))]);
  const travelRows: Content[][] = (['urban', 'suburban', 'other'] as const).map((region) => [cell(k(`fees.travel.${region}`)), right(money(travel[region]))]);
  const lines = [k('fees.inWarranty'), data.settings.service.lifetimeMaintenance ? k('fees.lifetime') : k('fees.partsAtPrice'), k(`fees.copyNote.${data.copy}`)];
  return [
    ...head(c, data, k('fees.title'), []),
    { text: k(`fees.copy.${data.copy}`), style: 'subtitle', alignment: 'right', margin: [0, 0, 0, c.setup.gap * 0.4] },
    keptSection(k('fees.labourHeading'), dataTable([k('fees.column.item'), k('fees.column.amount')], body.length ? body : [[cell(c.t('print.common.none')), right('')]], ['*', 'auto'])),
    keptSection(k('fees.travelHeading'), dataTable([k('fees.column.region'), k('fees.column.amount')], travelRows, ['*', 'auto'])),
    { stack: [notes(lines)], margin: [0, c.setup.gap, 0, 0], unbreakable: true },
  ];
}

type OnePaperJob = Exclude<SettleJob, { paper: 'makerReturns' }>;

export function settleDefinition(job: OnePaperJob, lang: Language, paper: Paper, options: { compact?: boolean } = {}): TDocumentDefinitions {
  const base = documentCtx(lang, paper, options);
  const c: Ctx = { ...base, k: (key, params) => base.t(`settle.print.${key}`, params ?? {}) };
  const content =
    job.paper === 'settlementForm'
      ? settlementForm(c, job.data)
      : job.paper === 'scrapRecord'
        ? scrapRecord(c, job.data)
        : job.paper === 'feedbackForm'
          ? feedbackForm(c, job.data)
          : feeList(c, job.data);
  return documentPage(c, content, job.data);
}

function titleOf(job: OnePaperJob, lang: Language): string {
  const t = documentCtx(lang, 'A4').t;
  if (job.paper === 'settlementForm') return t(`settle.print.${job.data.settlement.kind === 'refund' ? 'refundTitle' : 'exchangeTitle'}`);
  return t(`settle.print.${job.paper === 'scrapRecord' ? 'scrap' : job.paper === 'feedbackForm' ? 'feedback' : 'fees'}.title`);
}

export async function renderSettlePaper(job: SettleJob, lang: Language, paper: Paper): Promise<RenderedDocument> {
  // The monthly returns run to many pages: a layout of their own.
  if (job.paper === 'makerReturns') return renderMakerReturns(job.data, lang, paper);
  const meta = { title: `${titleOf(job, lang)} ${job.data.number}`, subject: job.data.number, author: job.data.settings.companyName, lang };
  // One sheet each, but the fee list, which runs as long as the fee table.
  return renderFitting(({ compact }) => settleDefinition(job, lang, paper, { compact }), job.paper === 'feeList' ? Number.MAX_SAFE_INTEGER : 1, meta);
}
