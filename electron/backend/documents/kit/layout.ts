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
  /** left, top, right, bottom; the bottom margin holds the footer. */
  pageMargins: [number, number, number, number];
  defaultStyle: Style;
  /** Named styles the pieces below refer to, sized for the paper. */
  styles: Record<string, Style>;
  /** Width of the area between the side margins, in points. */
  contentWidth: number;
  /** Font size relative to a 10 pt base. */
  scale: number;
  /** Vertical space between sections, in points. */
  gap: number;
}

/** One millimetre in points. */
export const MM = 72 / 25.4;
const PAPER_WIDTH: Record<Paper, number> = { A4: 595.28, A5: 419.53, C241: 241 * MM };
/**
 * 241 mm continuous stationery is 9.5 × 11 in, perforated into two 5.5 in receipts (二等分)
 * for dot-matrix printers; the 1/2 in tractor strips on each side are kept clear by the margins.
 */
export const C241_PAGE = { width: 241 * MM, height: 139.7 * MM };

/**
 * Page size, margins and type sizes: A4 at a 9 pt base, A5 at 8 pt with margins to match.
 * `compact` is a tighter variant (smaller type and margins) for when the content is too long
 * for the pages it should fit on. C241 is typed for a dot-matrix head through carbon copies:
 * see `carbonStyles`.
 */
export function pageSetup(paper: Paper, options: { compact?: boolean } = {}): PageSetup {
  const compact = options.compact ?? false;
  const carbon = paper === 'C241';
  const scale = (paper === 'A4' ? 0.9 : paper === 'A5' ? 0.8 : 1) * (compact && !carbon ? 0.88 : 1);
  // C241: the 1/2 in tractor strips (36 pt) plus a few mm; the bottom holds a 10 pt footer.
  const margins: Record<Paper, [number, number, number, number]> = compact
    ? { A4: [32, 22, 32, 28], A5: [20, 16, 20, 24], C241: [46, 12, 46, 26] }
    : { A4: [36, 26, 36, 30], A5: [24, 20, 24, 26], C241: [48, 16, 48, 28] };
  const pageMargins = margins[paper];
  const gap = (paper === 'A4' ? 10 : carbon ? 5 : 7) * (compact ? 0.6 : 1);
  const pt = (n: number) => Math.round(n * scale * 10) / 10;
  const styles: Record<string, Style> = {
    companyName: { fontSize: pt(16), bold: true },
    letterheadLine: { fontSize: pt(9), color: '#333333' },
    hotline: { fontSize: pt(11), bold: true },
    title: { fontSize: pt(20), bold: true, characterSpacing: pt(1) },
    subtitle: { fontSize: pt(13), bold: true, characterSpacing: pt(0.5) },
    documentNumber: { fontSize: pt(10) },
    sectionHeading: { fontSize: pt(10.5), bold: true, margin: [0, gap, 0, gap / 3] },
    tableHeading: { fontSize: pt(9), bold: true },
    tableCell: { fontSize: pt(9.5) },
    // A touch lower, so a label sits on the line of the larger value beside it.
    fieldLabel: { fontSize: pt(9), color: '#333333', margin: [0, pt(1.2), 0, 0] },
    fieldValue: { fontSize: pt(10) },
    figureLabel: { fontSize: pt(8.5), color: '#333333' },
    figureValue: { fontSize: pt(11), bold: true },
    figureStrong: { fontSize: pt(15), bold: true },
    figureNote: { fontSize: pt(8.5) },
    note: { fontSize: pt(8.5), color: '#333333' },
    list: { fontSize: pt(9), lineHeight: compact ? 1.2 : 1.3 },
    small: { fontSize: pt(8), color: '#333333' },
    cutLabel: { fontSize: pt(8), color: '#444444' },
    footer: { fontSize: pt(8), color: '#555555' },
  };
  return {
    paper,
    pageSize: carbon ? C241_PAGE : paper,
    pageMargins,
    // 10.5 pt through carbon, with a little less leading: the lines a 5.5 in page lacks.
    defaultStyle: carbon ? { fontSize: 10.5, lineHeight: compact ? 1.12 : 1.2 } : { fontSize: pt(10) },
    contentWidth: PAPER_WIDTH[paper] - pageMargins[0] - pageMargins[2],
    scale,
    gap,
    styles: carbon ? carbonStyles(styles) : styles,
  };
}

/** The least type size that stays legible on the last copy of a three-part carbon form. */
export const CARBON_MIN_PT = 10;

/**
 * Styles for a dot-matrix printer through carbon: black only (greys come out as sparse dots),
 * nothing under 10 pt, and headings kept small enough for a 5.5 in page.
 */
function carbonStyles(styles: Record<string, Style>): Record<string, Style> {
  const out: Record<string, Style> = {};
  for (const [name, style] of Object.entries(styles)) {
    const { color: _grey, ...rest } = style;
    out[name] = { ...rest, fontSize: Math.max(CARBON_MIN_PT, style.fontSize ?? CARBON_MIN_PT) };
  }
  out.companyName = { ...out.companyName, fontSize: 13 };
  out.title = { ...out.title, fontSize: 15, characterSpacing: 0.5 };
  out.subtitle = { ...out.subtitle, fontSize: 12 };
  out.figureStrong = { ...out.figureStrong, fontSize: 12 };
  out.list = { ...out.list, lineHeight: 1.15 };
  return out;
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

/** The page footer: document number and issue date on the left, "page X of Y" on the right. */
export function footer(number: string, issuedOn: string, t: TFunction, sideMargin = 40): DynamicContent {
  return (page, pages) => ({
    columns: [
      { width: '*', text: `${number}    ${labelled(t, t('print.common.issuedOn'), issuedOn)}` },
      { width: 'auto', text: t('print.common.page', { page, pages }), alignment: 'right' },
    ],
    style: 'footer',
    margin: [sideMargin, 10, sideMargin, 0],
  });
}
