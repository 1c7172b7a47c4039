import { formatPhone } from '../../../../shared/format';
import type { Language } from '../../../../shared/i18n';
import type { Customer } from '../../../../shared/schemas/customer';
import type { Paper } from '../../../../shared/schemas/document';
import type { Settings } from '../../../../shared/schemas/settings';
import type { TicketDetail } from '../../../../shared/schemas/ticket';
import { documentCtx, documentPage, type DocumentCtx } from '../kit/context';
import type { Content, TDocumentDefinitions, Width } from '../kit/definition';
import { signatureBlock, stackedSignatures, type FieldRow } from '../kit/forms';
import { labelled, letterhead, MM } from '../kit/layout';

/*
 * What the dispatch order and both repair receipts share: the data they are drawn from, the
 * words and formats of one language, the ticket's customer, unit and warranty as printed, and
 * the carbon-form treatment of C241.
 */

export interface TicketPaperData {
  /** The document's own number, as printed (PGD-, SJD-, WXD-...). */
  number: string;
  /** The day it is issued, YYYY-MM-DD. */
  issuedOn: string;
  /** When it is printed, epoch ms. */
  printedAt: number;
  settings: Settings;
  customer: Customer;
  ticket: TicketDetail;
}

export interface PaperCtx extends DocumentCtx {
  data: TicketPaperData;
  /** A text under `repairPrint.`. */
  k: (key: string, params?: Record<string, unknown>) => string;
  /** Dense layout on the carbon form: fewer rows, things side by side. */
  carbon: boolean;
  /** One of two slips on an A4 sheet (customer copy above, stub below): A5 type, half the height. */
  half: boolean;
  /** Wide and low (C241, an A4 half): three pairs to a row, blocks side by side. */
  wide: boolean;
}

export function paperCtx(data: TicketPaperData, lang: Language, paper: Paper, compact: boolean, options: { halves?: boolean } = {}): PaperCtx {
  const half = paper === 'A4' && (options.halves ?? false);
  const c = documentCtx(lang, paper, { compact, ...(half ? { typeOf: 'A5' as const } : {}) });
  return {
    ...c,
    data,
    k: (key, params) => c.t(`repairPrint.${key}`, params ?? {}),
    carbon: paper === 'C241',
    half,
    wide: paper === 'C241' || half,
  };
}

/** The letterhead; never a logo on the dot-matrix form (it cannot print pictures through carbon). */
function ticketLetterhead({ t, data, setup, carbon }: PaperCtx): Content {
  const logo = carbon ? null : data.settings.logo;
  return letterhead({ ...data.settings, logo }, t, { logoHeight: (setup.paper === 'A4' ? 14 : 11) * MM });
}

/**
 * The letterhead, then the title on the left and the document's number and the lines under it
 * on the right. On a low page (the carbon form, an A4 half) all of it shares one band: company,
 * title, number. `ply` is the copy the sheet is (客户联, 存根联).
 */
export function heading(c: PaperCtx, title: string, numberLabel: string, lines: string[], ply: Ply | null = null): Content[] {
  // The copy a sheet is heads the number block: beside the title it would crowd the company's name.
  const plyLine: Content[] = ply ? [{ text: c.k(`common.ply.${ply}`), style: 'subtitle', noWrap: true }] : [];
  if (!c.wide) return [ticketLetterhead(c), titleRow(c, title, numberLabel, lines, plyLine)];
  const { t, data } = c;
  const { settings } = data;
  // The complaint line is in the lines at the foot of the form, which every copy carries.
  // The hotline and the address share a line: the band is as low as the page is.
  const hotline = { text: labelled(t, t('print.common.hotline'), formatPhone(settings.hotline)), bold: true };
  const address = settings.address ? ['\u3000', labelled(t, t('print.common.address'), settings.address)] : [];
  const company: Content[] = [
    { text: settings.companyName, style: 'companyName' },
    { text: [hotline, ...address], style: 'letterheadLine' },
  ];
  const numbers: Content[] = [
    ...plyLine,
    { text: labelled(t, numberLabel, data.number), style: 'documentNumber', bold: true, noWrap: true },
    ...lines.map((text): Content => ({ text, style: 'documentNumber', noWrap: true })),
  ];
  const logo = !c.carbon && settings.logo ? [{ image: settings.logo, fit: [22 * MM, 10 * MM] as [number, number], margin: [0, 0, 6, 0] as [number, number, number, number] }] : [];
  // The title keeps clear of the company and the number block on both sides.
  const row: Content[] = [
    { columns: [...logo.map((l) => ({ width: 'auto' as const, stack: [l] })), { width: '*', stack: company }] },
    { text: title, style: 'title', noWrap: true, margin: [10, 6, 10, 0] },
    { stack: numbers, alignment: 'right' },
  ];
  return [{ table: { widths: ['*', 'auto', 'auto'], body: [row] }, layout: 'ruleBelow', margin: [0, 0, 0, c.setup.gap] }];
}

/** Which copy of a receipt a printed part is. */
export type Ply = 'customer' | 'stub';

/** The title on the left; the document's number and the lines under it on the right. */
function titleRow(c: PaperCtx, title: string, numberLabel: string, lines: string[], above: Content[]): Content {
  const { t, setup, data } = c;
  return {
    columns: [
      { width: '*', text: title, style: 'title' },
      {
        width: 'auto',
        stack: [
          ...above,
          { text: labelled(t, numberLabel, data.number), style: 'documentNumber', bold: true },
          ...lines.map((text) => ({ text, style: 'documentNumber' })),
        ],
        alignment: 'right',
      },
    ],
    columnGap: 10,
    margin: [0, setup.gap * 0.5, 0, setup.gap * 0.4],
  };
}

/** Where the work is done: the ticket's own site, else the unit's, else the customer's address. */
export function siteAddress({ data }: PaperCtx): string | null {
  return data.ticket.siteAddress ?? data.ticket.unit?.siteAddress ?? data.customer.address;
}

export function contactPhone({ data }: PaperCtx): string {
  return formatPhone(data.ticket.contactPhone ?? data.customer.phone);
}

/** The most numbers printed for a visit: a line of them, not a phone book. */
const MAX_PHONES = 3;

/**
 * Every number the technician may call: the ticket's contact first, then the customer's other
 * numbers with their labels (the duty mobile when the office line rings out). A number never
 * breaks across lines: a line may end only between numbers.
 */
export function contactPhones({ k, data }: PaperCtx): string[] {
  const { ticket, customer } = data;
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (phone: string | null, label: string | null) => {
    const key = phone?.replace(/\D/g, '');
    if (!phone || !key || seen.has(key)) return;
    seen.add(key);
    const shown = formatPhone(phone).replace(/ /g, '\u00a0');
    out.push(label ? k('common.phoneWithLabel', { phone: shown, label }) : shown);
  };
  add(ticket.contactPhone, null);
  for (const p of customer.phones) add(p.phone, p.label);
  add(customer.phone, null);
  return out.slice(0, MAX_PHONES);
}

/** Brand, model and serial: the registered unit, or the caller's words for an unregistered one. */
export function unitIdentity({ data }: PaperCtx): { brand: string; model: string; serial: string | null; registered: boolean } {
  const { unit, unregisteredUnit } = data.ticket;
  if (unit) return { brand: unit.brand, model: unit.model, serial: unit.serial, registered: true };
  return { brand: unregisteredUnit?.brand ?? '', model: unregisteredUnit?.model ?? '', serial: unregisteredUnit?.serial ?? null, registered: false };
}

/**
 * The unit's rows of a field table: brand, model, serial (a line to write it on when the caller
 * did not know it), and the dates the warranty counts from.
 */
export function unitFields(c: PaperCtx, options: { dates: boolean }): FieldRow[] {
  const { k, date, data } = c;
  const u = unitIdentity(c);
  const brandModel = `${u.brand} ${u.model}`.trim();
  // Side by side when both fit half a row; long names would wrap into tall narrow cells. On a
  // wide page (three pairs to a row) a long one takes two pairs' room instead of a whole row.
  const long = (text: string, limit: number) => text.length > limit;
  const wide = !c.wide && (long(brandModel, c.setup.paper === 'A5' ? 22 : 30) || long(u.serial ?? '', c.setup.paper === 'A5' ? 18 : 26));
  const span = (text: string) => (c.wide && long(text, c.carbon ? 16 : 20) ? 2 : 1);
  const rows: FieldRow[] = [
    { label: k('common.brandModel'), value: brandModel, wide, span: span(brandModel), code: true },
    { label: k('common.serial'), value: u.serial ?? '', bold: true, code: true, write: !u.serial, wide, span: span(u.serial ?? '') },
  ];
  const unit = data.ticket.unit;
  if (options.dates && unit) {
    rows.push({ label: k('common.category'), value: unit.category }, { label: k('common.purchaseDate'), value: date(unit.purchaseDate) });
    if (unit.acceptanceDate) rows.push({ label: k('common.acceptanceDate'), value: date(unit.acceptanceDate) });
  }
  return rows;
}

/** 保内 / 保外, as decided (the desk's override, when there is one). */
export function warrantyWord({ t, data }: PaperCtx): string {
  return t(`ticketing.warranty.${data.ticket.warranty.inWarranty ? 'in' : 'out'}`);
}

/** Why: the engine's reasons, then the desk's override and its reason. */
export function warrantyReasons(c: PaperCtx): string[] {
  const { t, k, explain, data } = c;
  const w = data.ticket.warranty;
  const lines = w.reasons.map(explain);
  if (w.override) {
    const why = [w.override.exclusionReason ? t(`exclusionReason.${w.override.exclusionReason}`) : null, w.override.note].filter(Boolean);
    lines.push(k('common.override', { reason: why.join(t('print.common.separator')) }));
  }
  return lines;
}

/** The technicians sent, lead first and marked, with their phones. */
export function technicianNames({ k, data }: PaperCtx, withPhones: boolean): string {
  const sorted = [...data.ticket.technicians].sort((a, b) => Number(b.lead) - Number(a.lead));
  return sorted
    .map((tech) => {
      const name = tech.lead && sorted.length > 1 ? k('common.lead', { name: tech.name }) : tech.name;
      return withPhones && tech.phone ? `${name} ${formatPhone(tech.phone)}` : name;
    })
    .join('\u3000');
}

/**
 * A row of satisfaction boxes, "very satisfied" first, after its label. Unlike `checkboxes`, a
 * label may wrap: five English ratings are wider than an A5 page.
 */
export function satisfactionRow({ t, k, setup, wide, lang }: PaperCtx, options: { above?: boolean } = {}): Content {
  const labels = [5, 4, 3, 2, 1].map((n) => t(`ticketing.satisfaction.${n}`));
  const size = Math.max(8, Math.round(9 * setup.scale));
  const box: Content = { canvas: [{ type: 'rect', x: 0, y: 2, w: size, h: size, lineWidth: 0.7, lineColor: '#000000' }] };
  const row = labels.flatMap((text, i): Content[] => [box, { text, style: 'fieldValue', margin: [0, 0, i < labels.length - 1 ? 6 : 0, 0] }]);
  const label: Content = { text: labelled(t, k('common.satisfaction'), ''), style: 'fieldValue', noWrap: true };
  // Equal shares of the line: 'auto' columns of wrapping text can still overrun the margin.
  const boxes: Content = { table: { widths: labels.flatMap((): Width[] => [size + 3, '*']), body: [row] }, layout: 'noBorders' };
  // On a narrow page the English label goes above: beside it, "Very dissatisfied" would not fit a fifth of what is left.
  if ((!wide && lang === 'en') || options.above) return { stack: [label, boxes] };
  return { columns: [{ width: 'auto', stack: [label] }, { width: '*', stack: [boxes] }], columnGap: 6 };
}

/**
 * Where the customer and our side sign, each with a date line: side by side on A4 and A5. In a
 * column beside other things they go one under the other (`stacked`), each with its date line
 * under it; on the carbon form otherwise each on one line, signature and date side by side.
 */
export function signatures(c: PaperCtx, labels: string[], options: { date?: string; stacked?: boolean; inline?: boolean } = {}): Content {
  const { t } = c;
  const date = options.date === undefined ? {} : { date: options.date };
  if (options.inline) return inlineSignatures(c, labels);
  if (options.stacked) return stackedSignatures(t, labels, { height: c.carbon ? 10 : Math.round(c.setup.gap * 1.6), ...date });
  if (!c.carbon) return signatureBlock(t, labels, { height: c.setup.gap * 2, ...date });
  const none: [boolean, boolean, boolean, boolean] = [false, false, false, false];
  const below: [boolean, boolean, boolean, boolean] = [false, false, false, true];
  const label = (text: string): Content => ({ text: labelled(t, text, ''), style: 'fieldLabel', noWrap: true, margin: [0, 10, 0, 0], border: none });
  const body = labels.map((text): Content[] => [
    label(text),
    { text: '', border: below },
    label(t('print.common.date')),
    options.date ? { text: options.date, style: 'fieldValue', noWrap: true, margin: [0, 10, 0, 0], border: none } : { text: '', border: below },
  ]);
  return { table: { widths: ['auto', '*', 'auto', options.date ? 'auto' : 60], body, dontBreakRows: true }, layout: 'blanks' };
}

/**
 * Every signing place on one line, a line to sign on after each label: for a paper that prints
 * its date elsewhere (the completion time), where a row saved is one the sheet needs.
 */
function inlineSignatures({ t, setup }: PaperCtx, labels: string[]): Content {
  const none: [boolean, boolean, boolean, boolean] = [false, false, false, false];
  const below: [boolean, boolean, boolean, boolean] = [false, false, false, true];
  const room = Math.round(setup.gap * 2.4);
  const row = labels.flatMap((text, i): Content[] => [
    { text: labelled(t, text, ''), style: 'fieldLabel', noWrap: true, margin: [i > 0 ? 12 : 0, room, 0, 0], border: none },
    { text: '', border: below },
  ]);
  return { table: { widths: labels.flatMap((): Width[] => ['auto', '*']), body: [row], dontBreakRows: true }, layout: 'blanks' };
}

/**
 * The hotline line with this paper's number (`progress`: while the repair is going on), and the
 * complaint line when the company has one.
 */
export function contactLines({ k, data, carbon, lang }: PaperCtx, options: { progress: boolean }): string[] {
  const { settings, number } = data;
  const lines = options.progress ? [k('common.progress', { hotline: formatPhone(settings.hotline), number })] : [];
  if (settings.complaintLine) lines.push(k('common.complaint', { complaintLine: formatPhone(settings.complaintLine) }));
  // One paragraph on the carbon form: each line saved is one the 5.5 in page has for the work.
  return carbon ? [lines.join(lang === 'zh-CN' ? '' : ' ')] : lines;
}

/** Empty boxes to tick by hand, each before its item, in `columns` columns. */
export function checklist(items: string[], columns: 1 | 2, size: number): Content {
  const box: Content = { canvas: [{ type: 'rect', x: 0, y: 2, w: size, h: size, lineWidth: 0.7, lineColor: '#000000' }] };
  const rows: Content[][] = [];
  const perColumn = Math.ceil(items.length / columns);
  for (let r = 0; r < perColumn; r++) {
    const row: Content[] = [];
    for (let col = 0; col < columns; col++) {
      const item = items[col * perColumn + r];
      row.push(item === undefined ? '' : box, { text: item ?? '', style: 'list', margin: [0, 0, col < columns - 1 ? 8 : 0, 0] });
    }
    rows.push(row);
  }
  const widths = Array.from({ length: columns }, (): Width[] => [size + 3, '*']).flat();
  return { table: { widths, body: rows, dontBreakRows: true }, layout: 'noBorders' };
}

const CARBON_LAYOUTS: Record<string, string> = { fields: 'carbon', figures: 'carbon' };

/**
 * The same content for a dot-matrix printer through carbon: no fills or greys (they print as
 * sparse dots, or not at all on the last copy), plain black single rules.
 */
export function forCarbon<T>(node: T): T {
  if (Array.isArray(node)) return node.map(forCarbon) as T;
  if (!node || typeof node !== 'object' || Object.getPrototypeOf(node) !== Object.prototype) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'fillColor' || key === 'background') continue;
    if (key === 'color' || key === 'lineColor') out[key] = '#000000';
    else if (key === 'layout' && typeof value === 'string') out[key] = CARBON_LAYOUTS[value] ?? value;
    else out[key] = forCarbon(value);
  }
  return out as T;
}

/** The page, styles and footer (the paper's number and page x/y) around the content. */
export function ticketDocument(c: PaperCtx, content: Content[], options: { legend?: string } = {}): TDocumentDefinitions {
  return documentPage(c, c.carbon ? forCarbon(content) : content, c.data, options);
}
