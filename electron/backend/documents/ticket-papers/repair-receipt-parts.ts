import type { PartCharge } from '../../../../shared/domain/charges';
import type { TicketPart } from '../../../../shared/schemas/ticket';
import { amountInWords } from '../kit/amount-in-words';
import { dataTable, type FieldRow } from '../kit/forms';
import { labelled, MM, notes } from '../kit/layout';
import { HEADING_FILL } from '../kit/table-layouts';
import type { Content, TableNode, TextNode } from '../kit/definition';
import type { PaperCtx } from './ticket-paper';

/*
 * The completion copy's charges: the work done, one row per part (with the day its own cover
 * ends), labour and travel, and the sums with the amount in words and the payee.
 */

/** Diagnosis, cause and action; a line to write on where nothing was recorded. */
export function workFields(c: PaperCtx): FieldRow[] {
  const { k, data } = c;
  const { ticket } = data;
  const onSite = ticket.onSiteMinutes ? `\n${k('completion.onSite', { count: ticket.onSiteMinutes })}` : '';
  const short = (ticket.diagnosis ?? '').length + (ticket.cause ?? '').length <= 60;
  // Two short answers share a row where the page is wide (the diagnosis with two pairs' room); long ones take a row each.
  const wide = !(c.wide && short);
  return [
    { label: c.k('common.faultReported'), value: ticket.faultReported, wide: true },
    { label: k('completion.diagnosis'), value: ticket.diagnosis ?? '', wide, span: 2, write: !ticket.diagnosis },
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
 * The charges grid's columns in points: fixed, so that the rows kept with the sums (a table of
 * their own, see `chargesTable`) line up with the rows above them. The item takes what is left.
 */
function chargeWidths(c: PaperCtx): number[] {
  const s = c.setup.styles.tableCell?.fontSize ?? 9;
  const { pad, rule } = gridSpacing(c);
  const fixed = [2.2, 5.2, 5.6, c.wide ? 6.4 : 4.2, 5.6].map((em) => Math.round(em * s));
  const item = c.setup.contentWidth - fixed.reduce((a, b) => a + b, 0) - 12 * pad - 7 * rule;
  return [item, ...fixed];
}

/** The rows a part, a labour line and travel take: item, quantity, unit price, amount, basis, covered until. */
function itemRows(c: PaperCtx): Content[][] {
  const { k, t, money, date, data } = c;
  const { ticket } = data;
  const free = ticket.warranty.inWarranty;
  const num = (text: string): Content => ({ text, style: 'tableCell', alignment: 'right', noWrap: true });
  const cell = (text: string): Content => ({ text, style: 'tableCell' });
  // A cover stretched past a public holiday is marked here and said in a note under the table.
  const until = (p: TicketPart): Content => ({ text: `${date(p.cover.end)}${p.cover.reasons.length > 1 ? '*' : ''}`, style: 'tableCell', noWrap: true });
  const rows: Content[][] = [
    ...ticket.parts.map((p, i) => [
      cell(k('completion.part', { name: p.name, partNumber: p.partNumber })),
      num(String(p.quantity)),
      num(money(p.chargedUnitFen)),
      num(money(p.chargedLineFen)),
      cell(t(`ticketing.partBasis.${basisOf(c, p, i)}`)),
      until(p),
    ]),
    ...ticket.labour.map((l) => [
      cell(k('completion.labour', { name: l.name })),
      num(String(l.quantity)),
      num(money(l.amountFen)),
      num(money(free ? 0 : l.amountFen * l.quantity)),
      cell(free ? k('completion.free') : ''),
      '',
    ]),
  ];
  if (ticket.charges.travelFen > 0) {
    const travel = money(ticket.charges.travelFen);
    rows.push([cell(k('completion.travel')), num('1'), num(travel), num(travel), cell(t(`ticketing.region.${ticket.region}`)), '']);
  }
  if (rows.length === 0) rows.push([{ text: k('completion.noCharges'), style: 'tableCell', colSpan: 6 }, '', '', '', '', '']);
  return rows;
}

/** Subtotal and discount (when there is one), total, paid with the method, and what is still owed. */
function sums(c: PaperCtx): { label: string; fen: string; bold?: boolean }[] {
  const { k, t, money, data } = c;
  const { ticket } = data;
  const ch = ticket.charges;
  const out: { label: string; fen: string; bold?: boolean }[] = [];
  if (ch.discountFen > 0) {
    const discount = ticket.discountReason ? k('completion.discountWithReason', { reason: ticket.discountReason }) : k('completion.discount');
    out.push({ label: k('completion.subtotal'), fen: money(ch.subtotalFen) }, { label: discount, fen: `-${money(ch.discountFen)}` });
  }
  out.push({ label: k('completion.total'), fen: money(ch.totalFen), bold: true });
  const paid = ticket.paymentMethod ? k('completion.paidWith', { method: t(`ticketing.payment.${ticket.paymentMethod}`) }) : k('completion.paid');
  out.push({ label: paid, fen: money(ticket.paidFen) });
  if (ch.totalFen > ticket.paidFen) out.push({ label: k('completion.unpaid'), fen: money(ch.totalFen - ticket.paidFen), bold: true });
  return out;
}

/** The least height of the seal's cell beside the sums on laser paper: a larger seal is stamped over the rules, as on any receipt. */
const SEAL_CELL_MM = 20;

/** Cell padding (each side) and rule width of the grid's layout, to line a second grid up with the first. */
const gridSpacing = (c: PaperCtx) => (c.carbon ? { pad: 3, rule: 0.6 } : { pad: c.setup.compact ? 3 : 4, rule: 0.5 });

/**
 * The sums under the charges grid, lined up with its amount column: on the left the total in
 * words and a line for the payee; then each sum's label and its figure; on the right, under
 * basis and cover, the place for the company's seal (收款单位盖章), as a receipt for money has
 * it, the rows tall enough together for the seal. `widths` are the charges grid's.
 */
function sumsTable(c: PaperCtx, widths: number[]): TableNode {
  const { t, k, data, lang, setup } = c;
  const list = sums(c);
  const { pad, rule } = gridSpacing(c);
  const [item, qty, price, amount, basis, until] = widths as [number, number, number, number, number, number];
  // The labels take some of the item column's room: "优惠（老客户优惠）" should not wrap.
  const give = Math.round(3 * (setup.styles.tableCell?.fontSize ?? 9));
  const words: Content = {
    rowSpan: list.length,
    stack: [
      { text: labelled(t, t('print.common.amountInWords'), ''), style: 'fieldLabel' },
      { text: amountInWords(data.ticket.charges.totalFen, lang), style: 'tableCell', bold: true },
      { text: labelled(t, t('print.common.payee'), ''), style: 'fieldLabel', margin: [0, 4, 0, 0] },
    ],
  };
  const seal: Content = { text: k('common.seal'), style: 'fieldLabel', rowSpan: list.length };
  const body = list.map((s, i): Content[] => [
    i === 0 ? words : '',
    { text: s.label, style: 'tableCell', alignment: 'right', bold: s.bold ?? false },
    { text: s.fen, style: 'tableCell', alignment: 'right', noWrap: true, bold: s.bold ?? false },
    i === 0 ? seal : '',
  ]);
  const each = Math.ceil((SEAL_CELL_MM * MM) / list.length);
  return {
    table: {
      widths: [item - give, qty + price + 2 * pad + rule + give, amount, basis + until + 2 * pad + rule],
      heights: list.map(() => each),
      dontBreakRows: true,
      body,
    },
    layout: 'fields',
  };
}

/**
 * The sums on the carbon form, where a 5.5 in page has no room for a row per figure: the sums
 * on one line (two when long), right-aligned; then the total in words, the payee and the seal,
 * which is stamped over the line as the trade does. Each sum is kept whole with its figure.
 */
function carbonSums(c: PaperCtx): Content {
  const { t, k, data, lang } = c;
  const text = sums(c).flatMap((s, i): (string | TextNode)[] => [
    ...(i > 0 ? ['\u3000'] : []),
    { text: labelled(t, s.label, s.fen), bold: s.bold ?? false, noWrap: s.label.length <= SUM_LABEL_KEPT },
  ]);
  const words = [
    labelled(t, t('print.common.amountInWords'), ''),
    { text: amountInWords(data.ticket.charges.totalFen, lang), bold: true },
    '\u3000\u3000',
    labelled(t, t('print.common.payee'), '\u3000\u3000\u3000\u3000\u3000'),
    '\u3000\u3000',
    k('common.seal'),
  ];
  return {
    stack: [
      { text, style: 'tableCell', alignment: 'right', margin: [0, 1, 0, 0] },
      { text: words, style: 'tableCell', margin: [0, 1, 0, 0] },
    ],
  };
}

/** A sum label up to this long is kept whole with its figure; longer (a discount's reason) may wrap. */
const SUM_LABEL_KEPT = 30;

/**
 * The charges in two parts of one grid: the items (their heading repeated on a following page),
 * then the last item with the sums. `closing` is that second part, for the caller to keep on
 * one page with the signatures: totals never sit apart from the table they close. `carried`:
 * the closing part starts a page, and repeats the heading there.
 */
export function chargesTable(c: PaperCtx, carried = false): { items: TableNode | null; closing: Content } {
  const { k } = c;
  const widths = chargeWidths(c);
  const headings = ['item', 'quantity', 'unitPrice', 'amount', 'basis', 'coveredUntil'].map((key) => k(`completion.${key}`));
  const rows = itemRows(c);
  // The heading row goes with the closing rows when there is no item row left above them, or
  // when they start a page of their own (`carried`).
  const alone = rows.length === 1 || carried;
  const last: TableNode = {
    table: { widths, headerRows: alone ? 1 : 0, dontBreakRows: true, body: [...(alone ? [headingRow(headings)] : []), rows.at(-1)!] },
    layout: 'fields',
    // Drawn over the rule the rows above end with, so the grid reads as one.
    ...(alone ? {} : { margin: [0, -gridSpacing(c).rule, 0, 0] as [number, number, number, number] }),
  };
  const closing: Content = { stack: [last, c.carbon ? carbonSums(c) : sumsTable(c, widths)] };
  const items = rows.length === 1 ? null : dataTable(headings, rows.slice(0, -1), widths, { wrapHeadings: true });
  return { items, closing };
}

function headingRow(headings: string[]): Content[] {
  return headings.map((text): Content => ({ text, style: 'tableHeading', fillColor: HEADING_FILL }));
}

/**
 * Why a starred cover ends later than its term (moved off a rest day, a holiday, a provisional
 * one): one short paragraph, each reason once, since parts fitted together share their reasons.
 */
export function partCoverNotes(c: PaperCtx): Content[] {
  const { t, explain, data } = c;
  const reasons = [...new Set(data.ticket.parts.filter((p) => p.cover.reasons.length > 1).flatMap((p) => p.cover.reasons.slice(1).map(explain)))];
  return reasons.length > 0 ? [notes([`* ${reasons.join(t('print.common.separator'))}`])] : [];
}
