import type { PartCharge } from '../../../../shared/domain/charges';
import type { TicketPart } from '../../../../shared/schemas/ticket';
import { dataTable, type FieldRow } from '../kit/forms';
import { labelled } from '../kit/layout';
import type { Content, TextNode, Width } from '../kit/definition';
import type { PaperCtx } from './ticket-paper';

/*
 * The completion copy's larger pieces: the work done, the charges table and each fitted part's
 * own warranty.
 */

/** Diagnosis, cause and action; a line to write on where nothing was recorded. */
export function workFields(c: PaperCtx): FieldRow[] {
  const { k, data } = c;
  const { ticket } = data;
  const onSite = ticket.onSiteMinutes ? `\n${k('completion.onSite', { count: ticket.onSiteMinutes })}` : '';
  const short = (ticket.diagnosis ?? '').length + (ticket.cause ?? '').length <= 36;
  // Two short answers share a row on the carbon form, where every row counts.
  const wide = !(c.carbon && short);
  return [
    { label: c.k('common.faultReported'), value: ticket.faultReported, wide: true },
    { label: k('completion.diagnosis'), value: ticket.diagnosis ?? '', wide, write: !ticket.diagnosis },
    { label: k('completion.cause'), value: ticket.cause ?? '', wide, write: !ticket.cause },
    { label: k('completion.action'), value: ticket.action ? ticket.action + onSite : '', wide: true, bold: true, write: !ticket.action },
  ];
}

/** How a part was charged; the ticket's own computation when it has it. */
function basisOf(c: PaperCtx, part: TicketPart, index: number): PartCharge['basis'] {
  const { ticket } = c.data;
  const computed = ticket.charges.parts[index]?.basis;
  if (computed) return computed;
  if (ticket.warranty.inWarranty || part.inWarranty) return 'warranty';
  return ticket.lifetimeMaintenance ? 'cost' : 'price';
}

/**
 * One line per part, labour and travel, then subtotal, discount (with its reason), total, paid
 * (with the method) and what is still owed. The heading row repeats on a following page.
 */
export function chargesTable(c: PaperCtx): Content {
  const { k, t, money, data } = c;
  const { ticket } = data;
  const free = ticket.warranty.inWarranty;
  const num = (text: string, bold = false): Content => ({ text, style: 'tableCell', alignment: 'right', noWrap: true, bold });
  const note = (text: string): Content => ({ text, style: 'tableCell' });
  const lines: Content[][] = [
    ...ticket.parts.map((p, i) => [
      k('completion.part', { name: p.name, partNumber: p.partNumber }),
      num(String(p.quantity)),
      num(money(p.chargedUnitFen)),
      num(money(p.chargedLineFen)),
      note(t(`ticketing.partBasis.${basisOf(c, p, i)}`)),
    ]),
    ...ticket.labour.map((l) => [
      k('completion.labour', { name: l.name }),
      num(String(l.quantity)),
      num(money(l.amountFen)),
      num(money(free ? 0 : l.amountFen * l.quantity)),
      note(free ? k('completion.free') : ''),
    ]),
  ];
  if (ticket.charges.travelFen > 0) {
    lines.push([k('completion.travel'), num('1'), num(money(ticket.charges.travelFen)), num(money(ticket.charges.travelFen)), note(t(`ticketing.region.${ticket.region}`))]);
  }
  const total = (label: string, fen: string, bold = false): Content[] => [
    { text: label, style: 'tableCell', alignment: 'right', colSpan: 3, bold },
    '',
    '',
    num(fen, bold),
    '',
  ];
  if (lines.length === 0) lines.push([{ text: k('completion.noCharges'), style: 'tableCell', colSpan: 5 }, '', '', '', '']);
  const ch = ticket.charges;
  const sums: { label: string; fen: string; bold?: boolean }[] = [];
  if (ch.discountFen > 0) {
    const discount = ticket.discountReason ? k('completion.discountWithReason', { reason: ticket.discountReason }) : k('completion.discount');
    sums.push({ label: k('completion.subtotal'), fen: money(ch.subtotalFen) }, { label: discount, fen: `-${money(ch.discountFen)}` });
  }
  sums.push({ label: k('completion.total'), fen: money(ch.totalFen), bold: true });
  const paid = ticket.paymentMethod ? k('completion.paidWith', { method: t(`ticketing.payment.${ticket.paymentMethod}`) }) : k('completion.paid');
  sums.push({ label: paid, fen: money(ticket.paidFen) });
  if (ch.totalFen > ticket.paidFen) sums.push({ label: k('completion.unpaid'), fen: money(ch.totalFen - ticket.paidFen), bold: true });
  const headings = [k('completion.item'), k('completion.quantity'), k('completion.unitPrice'), k('completion.amount'), k('completion.basis')];
  const widths: Width[] = ['*', 'auto', 'auto', 'auto', 'auto'];
  if (!c.carbon) return dataTable(headings, [...lines, ...sums.map((s) => total(s.label, s.fen, s.bold))], widths);
  // The carbon form sums up on one line under the table: a 5.5 in page has no room for a row per figure.
  // Each sum is one unbreakable piece (the line breaks between sums only), so a figure never
  // lands at the start of the next line, away from its label. A long discount reason may wrap.
  const text = sums.flatMap((s, i): (string | TextNode)[] => [
    ...(i > 0 ? ['\u3000'] : []),
    { text: labelled(t, s.label, s.fen), bold: s.bold ?? false, noWrap: s.label.length <= SUM_LABEL_KEPT },
  ]);
  return { stack: [dataTable(headings, lines, widths), { text, style: 'tableCell', alignment: 'right', margin: [0, 1, 0, 0] }] };
}

/** A sum label up to this long is kept whole with its figure; longer (a discount's reason) may wrap. */
const SUM_LABEL_KEPT = 30;

/** Each fitted part's own cover, as the ticket decided it (the screen shows the same). */
export function partWarrantyLines(c: PaperCtx): string[] {
  const { t, explain, data } = c;
  return data.ticket.parts.map((part) => part.cover.reasons.map(explain).join(t('print.common.separator')));
}
