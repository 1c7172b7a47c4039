import { fieldTable, type FieldRow } from '../kit/forms';
import { labelled, notes } from '../kit/layout';
import type { Content } from '../kit/definition';
import { closingMark, TABLE_ROWS_ID } from '../kit/fitting';
import { chargesTable, partCoverNotes, workFields } from './repair-receipt-parts';
import {
  contactLines,
  contactPhone,
  heading,
  satisfactionRow,
  signatures,
  siteAddress,
  technicianNames,
  unitFields,
  warrantyReasons,
  warrantyWord,
  type PaperCtx,
  type Ply,
} from './ticket-paper';

/*
 * The completion copy (维修完工单): what was found and done, the warranty decision and its
 * grounds, what it cost (each part with the day its own cover ends), the amount in words, and
 * the customer's word, signatures and the company's seal, all on one sheet.
 */

/**
 * `last`: the copy that ends the sheet (the only one that can run onto a second page), whose
 * charges are tagged for the renderer; `carried`: its closing block starts a new page, so it
 * carries the grid's heading.
 */
export function completionContent(c: PaperCtx, ply: Ply | null, place: { last: boolean; carried: boolean }): Content[] {
  const { k, t, moment, data, setup } = c;
  const { ticket, customer } = data;
  const reasons = warrantyReasons(c).join(t('print.common.separator'));
  const rows: FieldRow[] = [
    { label: k('common.customer'), value: customer.name, bold: true },
    { label: k('common.phone'), value: contactPhone(c) },
    ...(c.wide ? [{ label: k('common.technicians'), value: technicianNames(c, false) || t('print.common.none') }] : []),
    // The carbon form leaves the site out: the customer holds the copy at the site, and the line is one a 5.5 in page lacks.
    ...(c.carbon ? [] : [{ label: k('common.siteAddress'), value: siteAddress(c) ?? t('print.common.none'), wide: true }]),
    ...unitFields(c, { dates: false }),
    ...workFields(c),
    { label: k('completion.arrivedAt'), value: moment(ticket.arrivedAt) },
    { label: k('completion.completedAt'), value: ticket.resolvedAt === null ? k('completion.notYet') : moment(ticket.resolvedAt) },
    ...(c.wide ? [] : [{ label: k('common.technicians'), value: technicianNames(c, false) || t('print.common.none') }]),
    // The decision and its grounds in one row of the grid: 保外 — 已过保：保修期已于 … 届满.
    { label: k('common.warranty'), value: k('completion.warrantyWithReason', { warranty: warrantyWord(c), reason: reasons }), wide: true },
  ];
  if (ticket.sanbaoPath) {
    const path = t(`ticketing.sanbaoPath.${ticket.sanbaoPath.path}`);
    const note = ticket.sanbaoPath.note ? `${t('print.common.separator')}${ticket.sanbaoPath.note}` : '';
    rows.push({ label: k('completion.sanbao'), value: path + note, wide: true, bold: true });
  }
  const { items, closing } = chargesTable(c, place.last && place.carried);
  return [
    ...heading(c, k('completion.title'), k('completion.number'), [labelled(t, k('common.ticketNumber'), ticket.number)], ply),
    fieldTable(rows, c.wide ? 3 : 2),
    { stack: items ? [{ ...items, ...(place.last ? { id: TABLE_ROWS_ID } : {}) }] : [], margin: [0, setup.gap / 2, 0, 0] },
    // The last item, the sums, the customer's word and the signatures stay on one page.
    { stack: [closing, ...partCoverNotes(c), customerBlock(c, ply)], unbreakable: true },
    // Where the block above ended: pdfmake reports a kept-together block's own place from a scratch page.
    ...(place.last ? [closingMark()] : []),
  ];
}

/** The customer's opinion and rating, both signatures; then, on the customer's copy, where to complain. */
function customerBlock(c: PaperCtx, ply: Ply | null): Content {
  const { k, data, setup } = c;
  const write = c.wide ? 20 : Math.round(30 * setup.scale);
  const opinion = fieldTable([{ label: k('common.opinion'), value: '', wide: true, write }], 1);
  const rating: Content = { stack: [satisfactionRow(c)], margin: [0, setup.gap / 3, 0, 0] };
  const sign = signatures(c, [k('common.customerSignature'), k('common.technicianSignature')], { inline: true });
  // The repair is done: no progress to ask about, only where to complain (the heading has the hotline).
  // The stub stays at the desk: it needs the customer's word, not where to complain.
  const contact: Content[] = data.settings.complaintLine && ply !== 'stub' ? [{ stack: [notes(contactLines(c, { progress: false }))], margin: [0, setup.gap / 3, 0, 0] }] : [];
  const asked: Content[] = c.wide ? [] : [notes([k('completion.opinionNote')])];
  // Wide: the opinion beside both signatures. Narrow: one under the other.
  const parts: Content[] = c.wide
    ? [{ columns: [{ width: '38%', stack: [opinion] }, { width: '*', stack: [sign] }], columnGap: 12 }, rating]
    : [...asked, opinion, rating, { stack: [sign], margin: [0, setup.gap / 2, 0, 0] }];
  return { stack: [...parts, ...contact], margin: [0, setup.gap / 2, 0, 0] };
}
