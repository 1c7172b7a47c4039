import type { TFunction } from 'i18next';
import { formatPhone } from '../../../../shared/format';
import type { Paper } from '../../../../shared/schemas/document';
import type { Settings } from '../../../../shared/schemas/settings';
import type { Content, DynamicContent, Style, TableNode, TextNode } from './definition';

/*
 * Small pieces every printed document is made of. Each is a pure function returning pdfmake
 * content; texts come in already translated (or through `t`), so nothing here is in a language.
 * The pieces of a form to fill in and sign (field grids, boxes, cut lines) are in forms.ts.
 */

export interface PageSetup {
  paper: Paper;
  pageSize: 'A4' | 'A5' | { width: number; height: number };
  /** left, top, right, bottom; the top holds a continuation header, the bottom the footer. */
  pageMargins: [number, number, number, number];
  defaultStyle: Style;
  /** Named styles the pieces below refer to, sized for the paper. */
  styles: Record<string, Style>;
  /** Width of the area between the side margins, in points. */
  contentWidth: number;
  /** Height of the area between the top and bottom margins, in points. */
  contentHeight: number;
  /** Spacing (gaps, rows to write in, boxes) relative to A4's; never the type, which has its own table per paper. */
  scale: number;
  /** Vertical space between sections, in points. */
  gap: number;
  /** The smallest type this paper prints: nothing a customer reads is smaller. */
  minPt: number;
  /** The line height of body text: the compact layout closes lines up before it shrinks anything. */
  lineHeight: number;
  /** The compact layout: tighter margins, gaps, leading and cell padding. */
  compact: boolean;
}

/** One millimetre in points. */
export const MM = 72 / 25.4;
const PAPER_WIDTH: Record<Paper, number> = { A4: 595.28, A5: 419.53, C241: 241 * MM };
/**
 * 241 mm continuous stationery is 9.5 × 11 in, perforated into two 5.5 in receipts (二等分)
 * for dot-matrix printers; the 1/2 in tractor strips on each side are kept clear by the margins.
 */
export const C241_PAGE = { width: 241 * MM, height: 139.7 * MM };
const PAPER_HEIGHT: Record<Paper, number> = { A4: 841.89, A5: 595.28, C241: C241_PAGE.height };

/** The least type size a customer reads on laser paper: 8 pt, on A4 and A5 alike. */
export const MIN_PT = 8;
/** The least type size that stays legible on the last copy of a three-part carbon form. */
export const CARBON_MIN_PT = 10;

/** The type sizes one paper is set in (points). */
type TypeScale = Record<'body' | 'label' | 'cell' | 'heading' | 'small' | 'company' | 'title' | 'subtitle' | 'number' | 'figure' | 'strong', number>;

/**
 * Each paper is set for itself, not A4 scaled down: A4 reads at arm's length on a desk, A5 is
 * held in the hand and keeps its body at 8.5 pt; neither prints anything under MIN_PT. C241 is
 * a dot-matrix head through carbon: 10 pt and up, black only.
 */
const TYPE: Record<Paper, TypeScale> = {
  A4: { body: 9.5, label: 8.5, cell: 9, heading: 10, small: 8, company: 15, title: 18, subtitle: 12, number: 9.5, figure: 10.5, strong: 14 },
  A5: { body: 8.5, label: 8, cell: 8.5, heading: 9, small: 8, company: 12.5, title: 14.5, subtitle: 10.5, number: 8.5, figure: 9.5, strong: 12 },
  C241: { body: 10.5, label: 10, cell: 10, heading: 10.5, small: 10, company: 13, title: 15, subtitle: 12, number: 10, figure: 10.5, strong: 12 },
};

/** How far down a label moves to share the baseline of a larger value beside it: the font's ascender is 0.88 em. */
export const baselineShift = (label: number, value: number) => Math.round(0.88 * (value - label) * 100) / 100;

/**
 * Page size, margins and type sizes for a paper. `compact` is for content too long for the
 * pages it should fit on: it takes space out first (margins, gaps, leading) and lets only the
 * headings give up type, so body text never drops under the paper's minimum.
 */
export function pageSetup(paper: Paper, options: { compact?: boolean; typeOf?: Paper } = {}): PageSetup {
  const compact = options.compact ?? false;
  const carbon = paper === 'C241';
  // `typeOf`: set in another paper's type, for a page that carries two slips of that paper (A4 as two A5 halves).
  const type = TYPE[options.typeOf ?? paper];
  const minPt = carbon ? CARBON_MIN_PT : MIN_PT;
  // Headings shrink a little in the compact layout; nothing goes under the paper's minimum.
  const head = (n: number) => Math.max(minPt, Math.round(n * (compact ? 0.9 : 1) * 10) / 10);
  const scale = (paper === 'A4' ? 0.9 : paper === 'A5' ? 0.8 : 1) * (compact && !carbon ? 0.88 : 1);
  // C241: the 1/2 in tractor strips (36 pt) plus a few mm; the bottom holds a 10 pt footer.
  const margins: Record<Paper, [number, number, number, number]> = compact
    ? { A4: [30, 22, 30, 26], A5: [20, 18, 20, 22], C241: [46, 14, 46, 24] }
    : { A4: [36, 26, 36, 30], A5: [24, 20, 24, 26], C241: [48, 16, 48, 26] };
  const pageMargins = margins[paper];
  const gap = (paper === 'A4' ? 10 : carbon ? 5 : 7) * (compact ? 0.6 : 1);
  const lineHeight = carbon ? (compact ? 1.1 : 1.18) : compact ? 1.18 : 1.3;
  const grey = carbon ? {} : { color: '#333333' };
  const styles: Record<string, Style> = {
    companyName: { fontSize: head(type.company), bold: true },
    letterheadLine: { fontSize: type.small, ...grey },
    hotline: { fontSize: head(type.figure), bold: true },
    title: { fontSize: head(type.title), bold: true, characterSpacing: carbon ? 0.5 : 1 },
    subtitle: { fontSize: head(type.subtitle), bold: true, characterSpacing: 0.5 },
    documentNumber: { fontSize: type.number },
    sectionHeading: { fontSize: type.heading, bold: true, margin: [0, gap, 0, gap / 3] },
    tableHeading: { fontSize: type.label, bold: true },
    tableCell: { fontSize: type.cell },
    // Moved down so a label sits on the baseline of the larger value beside it.
    fieldLabel: { fontSize: type.label, ...grey, margin: [0, baselineShift(type.label, type.body), 0, 0] },
    fieldValue: { fontSize: type.body },
    figureLabel: { fontSize: type.small, ...grey },
    figureValue: { fontSize: type.figure, bold: true },
    figureStrong: { fontSize: head(type.strong), bold: true },
    figureNote: { fontSize: type.small },
    note: { fontSize: type.small, ...grey },
    list: { fontSize: type.label, lineHeight: lineHeight - 0.05 },
    small: { fontSize: type.small, ...grey },
    cutLabel: { fontSize: type.small, ...(carbon ? {} : { color: '#444444' }) },
    footer: { fontSize: type.small, ...(carbon ? {} : { color: '#555555' }) },
  };
  return {
    paper,
    pageSize: carbon ? C241_PAGE : paper,
    pageMargins,
    defaultStyle: { fontSize: type.body, lineHeight },
    contentWidth: PAPER_WIDTH[paper] - pageMargins[0] - pageMargins[2],
    contentHeight: PAPER_HEIGHT[paper] - pageMargins[1] - pageMargins[3],
    scale,
    gap,
    minPt,
    lineHeight,
    compact,
    styles,
  };
}

export function labelled(t: TFunction, label: string, value: string): string {
  return t('print.common.labelled', { label, value });
}

export type Company = Pick<Settings, 'companyName' | 'address' | 'hotline' | 'complaintLine'> & { logo?: string | null };

/**
 * Logo (when set, fitted into `logoHeight` points, 14 mm by default), company name, address,
 * hotline and (when set) complaint line, over a rule.
 */
export function letterhead(company: Company, t: TFunction, options: { logoHeight?: number } = {}): Content {
  const logoHeight = options.logoHeight ?? 14 * MM;
  const left: Content[] = [{ text: company.companyName, style: 'companyName' }];
  if (company.address) left.push({ text: labelled(t, t('print.common.address'), company.address), style: 'letterheadLine' });
  const right: Content[] = [
    { text: labelled(t, t('print.common.hotline'), formatPhone(company.hotline)), style: 'hotline', noWrap: true },
  ];
  if (company.complaintLine) {
    const line = labelled(t, t('print.common.complaintLine'), formatPhone(company.complaintLine));
    right.push({ text: line, style: 'letterheadLine', noWrap: true });
  }
  const columns: Content[] = [];
  // A wide logo may take up to 2.5 times its height, then the name gets the rest.
  if (company.logo) columns.push({ width: 'auto', stack: [{ image: company.logo, fit: [logoHeight * 2.5, logoHeight] }] });
  columns.push({ width: '*', stack: left }, { width: 'auto', stack: right, alignment: 'right' });
  return { table: { widths: ['*'], body: [[{ columns, columnGap: 10 }]] }, layout: 'ruleBelow' };
}

/** A bold section heading, with the gap above it that separates sections. */
export function sectionHeading(text: string): TextNode {
  return { text, style: 'sectionHeading' };
}

/**
 * A heading and what it heads, kept on one page: a heading never ends a page, nor a short list
 * or checklist splits from it. For sections that fit a page (a long table breaks on its own).
 */
export function keptSection(heading: string, ...body: Content[]): Content {
  return { stack: [sectionHeading(heading), ...body], unbreakable: true };
}

/** Short explanatory lines in small type, one paragraph each. */
export function notes(lines: string[], style = 'note'): Content {
  return { stack: lines.map((text) => ({ text, style })) };
}

export interface Figure {
  label: string;
  value: string;
  /** Printed larger: the one figure the reader must not miss. */
  strong?: boolean;
  /** A short line under the value. */
  note?: string;
}

/** A framed row of figures, label above value. */
export function keyFigures(figures: Figure[]): TableNode {
  return {
    table: {
      widths: figures.some((f) => f.strong) ? figures.map((f) => (f.strong ? '*' : 'auto')) : figures.map(() => '*'),
      body: [
        figures.map((f) => ({ text: f.label, style: 'figureLabel' })),
        figures.map((f) => {
          const value: TextNode = { text: f.value, style: f.strong ? 'figureStrong' : 'figureValue' };
          return f.note ? { text: [value, ' ', { text: f.note, style: 'figureNote' }] } : value;
        }),
      ],
    },
    layout: 'figures',
  };
}

/** A bulleted list, in `columns` columns of about equal length. */
export function bulletList(items: string[], columns: 1 | 2 = 1): Content {
  if (columns === 1) return { ul: items, style: 'list' };
  const half = Math.ceil(items.length / 2);
  return {
    columns: [
      { width: '*', ul: items.slice(0, half), style: 'list' },
      { width: '*', ul: items.slice(half), style: 'list' },
    ],
    columnGap: 12,
  };
}

/** A numbered list. */
export function numberedList(items: string[]): Content {
  return { ol: items, style: 'list' };
}

/**
 * The page footer: document number and issue date on the left (or `legend`, where the number
 * is printed elsewhere), "page X of Y" on the right.
 */
export function footer(number: string, issuedOn: string, t: TFunction, sideMargin = 40, legend?: string): DynamicContent {
  return (page, pages) => ({
    columns: [
      { width: '*', text: legend ?? `${number}    ${labelled(t, t('print.common.issuedOn'), issuedOn)}` },
      { width: 'auto', text: legend ? `${number}    ${t('print.common.page', { page, pages })}` : t('print.common.page', { page, pages }), alignment: 'right' },
    ],
    style: 'footer',
    margin: [sideMargin, 10, sideMargin, 0],
  });
}

/**
 * The head of every page after the first: the number, "continued" and page x of y, in the top
 * margin, so a sheet that comes loose is known for what it is. Nothing on page 1.
 */
export function continuationHeader(number: string, t: TFunction, margins: [number, number, number, number], size: number): DynamicContent {
  return (page, pages) =>
    page === 1
      ? ''
      : {
          columns: [
            { width: '*', text: t('print.common.continued', { number }), bold: true },
            { width: 'auto', text: t('print.common.page', { page, pages }), alignment: 'right' },
          ],
          fontSize: size,
          // Set in the top margin, just above the content: the line fits a margin of 1.6 lines.
          margin: [margins[0], Math.max(2, margins[1] - size * 1.5), margins[2], 0],
        };
}
