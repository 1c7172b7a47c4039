import type { Language } from '../../../../shared/i18n';
import { renderFitting, type FitLayout, type RenderedDocument } from '../kit/fitting';
import type { Paper } from '../../../../shared/schemas/document';
import { cutLine, fieldTable, type FieldRow } from '../kit/forms';
import { labelled, notes } from '../kit/layout';
import type { Content, TDocumentDefinitions } from '../kit/definition';
import { completionContent } from './repair-receipt-completion';
import {
  contactLines,
  contactPhone,
  heading,
  paperCtx,
  signatures,
  ticketDocument,
  unitFields,
  warrantyWord,
  type PaperCtx,
  type Ply,
  type TicketPaperData,
} from './ticket-paper';

export type ReceiptCopy = 'intake' | 'completion';

/** Days after the "ready" call from which the company no longer keeps an uncollected unit. */
export const UNCOLLECTED_DAYS = 90;

const INTAKE_TERMS = ['keep', 'notify', 'quote', 'data', 'listed'] as const;

/**
 * Both copies are one sheet on every paper for a typical repair (up to six parts); only an
 * unusually long one runs onto a second page, which carries a continuation header.
 */
export function repairReceiptPages(_copy: ReceiptCopy, _paper: Paper): number {
  return 1;
}

/** Room between the two halves of an A4 sheet for the cut line, in points. */
const CUT_GAP = 10;

/**
 * The repair receipt (维修单): the intake copy (收机凭证) or the completion copy (维修完工单).
 * A4 carries it twice, the customer's copy above a cut line and the stub below, each laid out
 * as a slip of A5 type; A5 is the customer's copy; the three-part continuous form prints one
 * copy and a ply legend in its foot, since every ply takes the same impression.
 */
export function repairReceiptDefinition(
  data: TicketPaperData,
  copy: ReceiptCopy,
  lang: Language,
  paper: Paper,
  options: Partial<FitLayout> = {},
): TDocumentDefinitions {
  const c = paperCtx(data, lang, paper, options.compact ?? false, { halves: true });
  // Only the last copy on a sheet can run onto a second page: it carries the table's heading there.
  const carried = options.carried ?? false;
  const body = (ply: Ply | null) => (copy === 'intake' ? intakeContent(c, ply) : completionContent(c, ply, { last: ply !== 'customer' || !c.half, carried }));
  if (c.carbon) return ticketDocument(c, body(null), { legend: c.k('common.plyLegend') });
  if (!c.half) return ticketDocument(c, body('customer'));
  const { setup } = c;
  // The customer's half is held to its height, so the cut line falls mid-sheet; a half that
  // needs more pushes the stub on, and the page count tells the caller it did not fit.
  const half = 841.89 / 2 - setup.pageMargins[1] - 6;
  const top: Content = { table: { widths: ['*'], heights: [half], body: [[{ stack: body('customer') }]], dontBreakRows: true }, layout: 'noBorders' };
  return ticketDocument(c, [top, { stack: [cutLine(c.k('common.cutHere'), setup.contentWidth)], margin: [0, 6, 0, CUT_GAP] }, ...body('stub')]);
}

/** Who brought what, in what state, with what fault; the terms; both signatures. */
function intakeContent(c: PaperCtx, ply: Ply | null): Content[] {
  const { k, t, date, data, setup } = c;
  const { ticket, customer } = data;
  const loan = ticket.loans.find((l) => l.returnedAt === null);
  const warranty: FieldRow = { label: k('intake.warrantyPreliminary'), value: warrantyWord(c), bold: true };
  const loanerRow: FieldRow[] = loan
    ? [{ label: k('intake.loaner'), value: k('intake.loanerLine', { name: loan.loanerName ?? t('print.common.none'), date: date(loan.expectedReturn) }), span: 2 }]
    : [];
  const rows: FieldRow[] = [
    { label: k('common.customer'), value: customer.name, bold: true },
    { label: k('common.phone'), value: contactPhone(c) },
    { label: k('intake.expectedOn'), value: ticket.expectedOn ? date(ticket.expectedOn) : k('intake.notKnown') },
    ...unitFields(c, { dates: false }),
    { label: k('intake.accessories'), value: ticket.intakeAccessories ?? '', wide: true, write: !ticket.intakeAccessories },
    { label: k('intake.condition'), value: ticket.intakeCondition ?? '', wide: true, write: !ticket.intakeCondition },
    { label: k('common.faultReported'), value: ticket.faultReported, wide: true, bold: true },
    // The first opinion on the warranty shares its row with the loaner lent, when there is one.
    ...(c.wide ? [warranty, ...loanerRow] : [{ ...warranty, wide: true }, ...loanerRow.map((r) => ({ ...r, wide: true }))]),
  ];
  const terms = INTAKE_TERMS.map((term) => k(`intake.terms.${term}`, term === 'notify' ? { count: UNCOLLECTED_DAYS } : {}));
  const sign = signatures(c, [k('common.customerSignature'), k('intake.deskSignature')], { date: date(data.issuedOn), stacked: c.wide });
  const termsBlock: Content[] = [{ text: k('intake.termsHeading'), style: 'fieldValue', bold: true }, { ol: terms, style: 'list' }];
  const bottom: Content = c.wide
    ? // A low page has no height to spare: the terms and the signatures share it side by side.
      { columns: [{ width: '58%', stack: termsBlock }, { width: '*', stack: [sign] }], columnGap: 16, margin: [0, setup.gap, 0, 0] }
    : { stack: [...termsBlock, { stack: [sign], margin: [0, setup.gap, 0, 0] }], margin: [0, setup.gap, 0, 0] };
  return [
    ...heading(
      c,
      k('intake.title'),
      k('intake.number'),
      [labelled(t, k('common.ticketNumber'), ticket.number), labelled(t, k('intake.receivedOn'), date(data.issuedOn))],
      ply,
    ),
    fieldTable(rows, c.wide ? 3 : 2),
    { stack: [bottom], unbreakable: true },
    // The stub stays at the desk: the lines for the customer to call are on the customer's copy.
    ...(ply === 'stub' ? [] : [{ stack: [notes(contactLines(c, { progress: true }))], margin: [0, setup.gap / 2, 0, 0] } satisfies Content]),
  ];
}

/** Renders a copy; compact when the normal layout runs past one page. */
export async function renderRepairReceipt(data: TicketPaperData, copy: ReceiptCopy, lang: Language, paper: Paper): Promise<RenderedDocument> {
  const c = paperCtx(data, lang, paper, false);
  return renderFitting((layout) => repairReceiptDefinition(data, copy, lang, paper, layout), repairReceiptPages(copy, paper), {
    title: `${c.k(`${copy}.title`)} ${data.number}`,
    subject: `${data.ticket.number} ${data.ticket.unitLabel}`,
    author: data.settings.companyName,
    lang,
  });
}
