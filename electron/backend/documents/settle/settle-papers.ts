import type { Language } from '../../../../shared/i18n';
import type { Paper } from '../../../../shared/schemas/document';
import type { LabourFee } from '../../../../shared/schemas/resources';
import type { Claim, FeedbackForm, ScrapRecord, Settlement } from '../../../../shared/schemas/settle';
import type { Maker } from '../../../../shared/schemas/settle-base';
import type { Settings } from '../../../../shared/schemas/settings';
import { formatPhone } from '../../../../shared/format';
import { amountInWords } from '../kit/amount-in-words';
import { documentCtx, documentPage, type DocumentCtx } from '../kit/context';
import type { Content, TDocumentDefinitions, TextNode, Width } from '../kit/definition';
import { renderFitting, type RenderedDocument } from '../kit/fitting';
import { dataTable, fieldTable, signatureBlock, type FieldRow } from '../kit/forms';
import { keptSection, labelled, letterhead, MM, notes } from '../kit/layout';
import { renderMakerReturns, type MakerReturnsData } from './maker-returns';

/*
 * The papers of settling: the 三包 return or exchange form (退货单 / 换货单) with the depreciation
 * counted line by line, the scrapping record (报废品处理记录), the information feedback form to
 * the maker (信息返馈单), the fee list (统一收费标准), and the warranty parts claim (保修零件索赔单)
 * that goes in the parcel with the parts. Facts come decided by the services;
 * these only lay them out.
 */

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
  | { paper: 'claimForm'; data: Stamp & { claim: Claim; maker: Maker } }
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

/**
 * The claim sheet: to whom, the waybill, then every line as the maker checks it (the part, the unit
 * and ticket it went into, the fault, the day fitted), with the maker's verdict once it is known,
 * and the totals. A5 leaves the model out (the serial and ticket identify the unit).
 */
function claimForm(c: Ctx, data: Stamp & { claim: Claim; maker: Maker }): Content[] {
  const { claim, maker } = data;
  const { k, date } = c;
  const none = c.t('print.common.none');
  const rows: FieldRow[] = [
    { label: k('claim.to'), value: [maker.name, maker.department].filter(Boolean).join(' '), wide: true, bold: true },
    { label: k('feedback.contact'), value: maker.contactName ?? none },
    { label: k('feedback.fax'), value: maker.fax ?? maker.phone ?? none },
    { label: k('claim.created'), value: date(claim.createdOn) },
    { label: k('claim.sent'), value: claim.sentOn ? date(claim.sentOn) : '', write: !claim.sentOn },
    { label: k('claim.waybill'), value: claim.waybill ?? '', code: Boolean(claim.waybill), write: !claim.waybill },
    { label: k('claim.checked'), value: claim.checkedOn ? date(claim.checkedOn) : '', write: !claim.checkedOn },
  ];
  const a4 = c.setup.paper === 'A4';
  const verdict = (l: Claim['lines'][number]) => (l.decision === 'accepted' ? k('claim.accepted') : l.decision === 'rejected' ? k('claim.rejected', { reason: l.rejectReason ?? '' }) : '');
  const headings = [k('claim.column.no'), k('claim.column.fitted'), k('ticket'), ...(a4 ? [k('unit')] : []), k('serial'), k('claim.column.part'), k('claim.column.quantity'), k('claim.column.fault'), k('claim.column.verdict')];
  const body: Content[][] = claim.lines.map((l, i) => [
    right(String(i + 1)),
    cell(date(l.fittedOn)),
    cell(l.ticketNumber),
    ...(a4 ? [cell(l.modelName)] : []),
    cell(l.serial),
    cell(`${l.partNumber} ${l.partName}`),
    right(String(l.quantity)),
    cell(l.fault),
    cell(verdict(l)),
  ]);
  const quantity = claim.lines.reduce((n, l) => n + l.quantity, 0);
  const accepted = claim.lines.filter((l) => l.decision === 'accepted').reduce((n, l) => n + l.quantity, 0);
  const widths: Width[] = ['auto', 'auto', 'auto', ...(a4 ? ['auto' as const] : []), 'auto', '*', 'auto', '*', '*'];
  const totals = [k('claim.total', { count: claim.lines.length, quantity }), ...(claim.checkedOn ? [k('claim.acceptedTotal', { quantity: accepted })] : [])];
  return [
    ...head(c, data, k('claim.title'), rows, claim.number),
    { stack: [dataTable(headings, body, widths, { wrapHeadings: true })], margin: [0, c.setup.gap * 0.6, 0, 0] },
    closing(c, [k('sign.desk'), k('claim.signMaker')], [...totals, k('claim.basis'), ...(claim.note ? [labelled(c.t, k('note'), claim.note)] : [])]),
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
          : job.paper === 'claimForm'
            ? claimForm(c, job.data)
            : feeList(c, job.data);
  return documentPage(c, content, job.data);
}

function titleOf(job: OnePaperJob, lang: Language): string {
  const t = documentCtx(lang, 'A4').t;
  if (job.paper === 'settlementForm') return t(`settle.print.${job.data.settlement.kind === 'refund' ? 'refundTitle' : 'exchangeTitle'}`);
  const keys = { scrapRecord: 'scrap', feedbackForm: 'feedback', feeList: 'fees', claimForm: 'claim' } as const;
  return t(`settle.print.${keys[job.paper]}.title`);
}

export async function renderSettlePaper(job: SettleJob, lang: Language, paper: Paper): Promise<RenderedDocument> {
  // The monthly returns run to many pages: a layout of their own.
  if (job.paper === 'makerReturns') return renderMakerReturns(job.data, lang, paper);
  const meta = { title: `${titleOf(job, lang)} ${job.data.number}`, subject: job.data.number, author: job.data.settings.companyName, lang };
  // One sheet each, but the fee list and the claim, which run as long as their tables.
  const long = job.paper === 'feeList' || job.paper === 'claimForm';
  return renderFitting(({ compact }) => settleDefinition(job, lang, paper, { compact }), long ? Number.MAX_SAFE_INTEGER : 1, meta);
}
