import type { Language } from '../../../../shared/i18n';
import { renderFitting, type RenderedDocument } from '../kit/fitting';
import type { Paper } from '../../../../shared/schemas/document';
import { fieldTable, type FieldRow } from '../kit/forms';
import { labelled, notes, sectionHeading } from '../kit/layout';
import type { Content, TDocumentDefinitions } from '../kit/definition';
import { chargesTable, partWarrantyLines, workFields } from './repair-receipt-parts';
import {
  contactLines,
  contactPhone,
  heading,
  paperCtx,
  satisfactionRow,
  signatures,
  siteAddress,
  technicianNames,
  ticketDocument,
  unitFields,
  warrantyReasons,
  warrantyWord,
  type PaperCtx,
  type TicketPaperData,
} from './ticket-paper';

/** Bump when the printed layout or wording changes, so archived copies can be told apart. */
export const REPAIR_RECEIPT_TEMPLATE_VERSION = 2;

export type ReceiptCopy = 'intake' | 'completion';

/** Days after the "ready" call from which the company no longer keeps an uncollected unit. */
export const UNCOLLECTED_DAYS = 90;

const INTAKE_TERMS = ['keep', 'notify', 'quote', 'data', 'listed'] as const;

/**
 * The pages a copy is planned for: one, except the completion copy on A5, whose charges and
 * signatures need a second page. Many parts may still push a copy onto one more page.
 */
export function repairReceiptPages(copy: ReceiptCopy, paper: Paper): number {
  return copy === 'completion' && paper === 'A5' ? 2 : 1;
}

/** The repair receipt (维修单): the intake copy (收机凭证) or the completion copy (维修完工单). */
export function repairReceiptDefinition(
  data: TicketPaperData,
  copy: ReceiptCopy,
  lang: Language,
  paper: Paper,
  options: { compact?: boolean } = {},
): TDocumentDefinitions {
  const c = paperCtx(data, lang, paper, options.compact ?? false);
  return ticketDocument(c, copy === 'intake' ? intakeContent(c) : completionContent(c));
}

/** Who brought what, in what state, with what fault; the terms; both signatures. */
function intakeContent(c: PaperCtx): Content[] {
  const { k, t, date, data, setup } = c;
  const { ticket, customer } = data;
  const loan = ticket.loans.find((l) => l.returnedAt === null);
  const rows: FieldRow[] = [
    { label: k('common.customer'), value: customer.name, bold: true },
    { label: k('common.phone'), value: contactPhone(c) },
    ...unitFields(c, { dates: false }),
    { label: k('intake.accessories'), value: ticket.intakeAccessories ?? '', wide: true, write: !ticket.intakeAccessories },
    { label: k('intake.condition'), value: ticket.intakeCondition ?? '', wide: true, write: !ticket.intakeCondition },
    { label: k('common.faultReported'), value: ticket.faultReported, wide: true, bold: true },
    { label: k('intake.expectedOn'), value: ticket.expectedOn ? date(ticket.expectedOn) : k('intake.notKnown') },
    { label: k('intake.warrantyPreliminary'), value: warrantyWord(c), bold: true },
  ];
  if (loan) {
    const name = loan.loanerName ?? t('print.common.none');
    rows.push({ label: k('intake.loaner'), value: k('intake.loanerLine', { name, date: date(loan.expectedReturn) }), wide: true });
  }
  const terms = INTAKE_TERMS.map((term) => k(`intake.terms.${term}`, term === 'notify' ? { count: UNCOLLECTED_DAYS } : {}));
  const sign = signatures(c, [k('common.customerSignature'), k('intake.deskSignature')], { date: date(data.issuedOn), stacked: true });
  const termsBlock: Content[] = [{ text: k('intake.termsHeading'), style: 'fieldValue', bold: true }, { ol: terms, style: ['list', 'note'] }];
  const bottom: Content = c.carbon
    ? // A 5.5 in page has no height to spare: the terms and the signatures share it side by side.
      { columns: [{ width: '56%', stack: termsBlock }, { width: '*', stack: [sign] }], columnGap: 16, margin: [0, setup.gap, 0, 0] }
    : { stack: [...termsBlock, { stack: [sign], margin: [0, setup.gap, 0, 0] }], margin: [0, setup.gap, 0, 0] };
  return [
    ...heading(c, k('intake.title'), k('intake.number'), [
      labelled(t, k('common.ticketNumber'), ticket.number),
      labelled(t, k('intake.receivedOn'), date(data.issuedOn)),
    ]),
    fieldTable(rows, 2),
    bottom,
    { stack: [notes(contactLines(c, { progress: true }))], margin: [0, setup.gap / 2, 0, 0] },
  ];
}

/** What was found and done, what it cost and why, the parts' own cover, the customer's word. */
function completionContent(c: PaperCtx): Content[] {
  const { k, t, moment, data, setup } = c;
  const { ticket, customer } = data;
  const head: FieldRow[] = [
    { label: k('common.customer'), value: customer.name, bold: true },
    { label: k('common.phone'), value: contactPhone(c) },
  ];
  if (!c.carbon) head.push({ label: k('common.siteAddress'), value: siteAddress(c) ?? t('print.common.none'), wide: true });
  const rows: FieldRow[] = [
    ...head,
    ...unitFields(c, { dates: false }),
    ...workFields(c),
    { label: k('completion.arrivedAt'), value: moment(ticket.arrivedAt) },
    { label: k('completion.completedAt'), value: ticket.resolvedAt === null ? k('completion.notYet') : moment(ticket.resolvedAt) },
    { label: k('common.technicians'), value: technicianNames(c, false) || t('print.common.none') },
    { label: k('common.warranty'), value: warrantyWord(c), bold: true },
  ];
  const reasons = warrantyReasons(c);
  const partLines = partWarrantyLines(c);
  const out: Content[] = [
    ...heading(c, k('completion.title'), k('completion.number'), [labelled(t, k('common.ticketNumber'), ticket.number)]),
    fieldTable(rows, 2),
    // On the carbon form the reasons run on as one paragraph: lines are what a 5.5 in page lacks.
    c.carbon ? notes([reasons.join(t('print.common.separator'))]) : { ul: reasons, style: ['list', 'note'], margin: [0, 2, 0, 0] },
  ];
  if (!c.carbon) out.push(sectionHeading(k('completion.chargesHeading')));
  out.push({ stack: [chargesTable(c)], margin: [0, c.carbon ? setup.gap / 2 : 0, 0, 0] });
  if (partLines.length > 0) {
    out.push(
      c.carbon
        ? notes([partLines.join(t('print.common.separator'))])
        : { stack: [sectionHeading(k('completion.partWarrantyHeading')), { ul: partLines, style: ['list', 'note'] }] },
    );
  }
  if (ticket.sanbaoPath) {
    const path = t(`ticketing.sanbaoPath.${ticket.sanbaoPath.path}`);
    const note = ticket.sanbaoPath.note ? `${t('print.common.separator')}${ticket.sanbaoPath.note}` : '';
    out.push({ text: k('completion.sanbaoPath', { path }) + note, style: 'fieldValue', bold: true, margin: [0, setup.gap / 3, 0, 0] });
  }
  out.push(customerBlock(c));
  return out;
}

/** The customer's opinion, rating and signature, beside the technician's; kept together on one page. */
function customerBlock(c: PaperCtx): Content {
  const { k, setup, data } = c;
  const opinion = fieldTable([{ label: k('common.opinion'), value: '', wide: true, write: c.carbon ? 28 : Math.round(40 * setup.scale) }], 1);
  const rating: Content = { stack: [satisfactionRow(c)], margin: [0, c.carbon ? setup.gap : setup.gap / 3, 0, 0] };
  const sign = signatures(c, [k('common.customerSignature'), k('common.technicianSignature')]);
  // The repair is done: no progress to ask about, only where to complain (the letterhead has the hotline).
  const contact: Content[] = data.settings.complaintLine ? [{ stack: [notes(contactLines(c, { progress: false }))], margin: [0, setup.gap / 2, 0, 0] }] : [];
  if (c.carbon) {
    // The opinion on the left, both signatures on the right, the rating under them: a few lines instead of many.
    return {
      stack: [{ columns: [{ width: '40%', stack: [opinion] }, { width: '*', stack: [sign] }], columnGap: 12 }, rating, ...contact],
      unbreakable: true,
      margin: [0, setup.gap / 2, 0, 0],
    };
  }
  return { stack: [notes([k('completion.opinionNote')]), opinion, rating, sign, ...contact], unbreakable: true, margin: [0, setup.gap, 0, 0] };
}

/** Renders a copy; compact when the normal layout runs past `repairReceiptPages`. */
export async function renderRepairReceipt(data: TicketPaperData, copy: ReceiptCopy, lang: Language, paper: Paper): Promise<RenderedDocument> {
  const c = paperCtx(data, lang, paper, false);
  return renderFitting((compact) => repairReceiptDefinition(data, copy, lang, paper, { compact }), repairReceiptPages(copy, paper), {
    title: `${c.k(`${copy}.title`)} ${data.number}`,
    subject: `${data.ticket.number} ${data.ticket.unitLabel}`,
    author: data.settings.companyName,
    lang,
  });
}
