import type { TFunction } from 'i18next';
import { formatPhone } from '../../../shared/format';
import type { Paper } from '../../../shared/schemas/document';
import type { Settings } from '../../../shared/schemas/settings';
import type { Content, DynamicContent, Style, TableLayout, TableNode, TextNode } from './pdf';

/*
 * Small pieces every printed document is made of. Each is a pure function returning pdfmake
 * content; texts come in already translated (or through `t`), so nothing here is in a language.
 */

export interface PageSetup {
  paper: Paper;
  pageSize: Paper;
  /** left, top, right, bottom; the bottom margin holds the footer. */
  pageMargins: [number, number, number, number];
  defaultStyle: Style;
  /** Named styles the pieces below refer to, sized for the paper. */
  styles: Record<string, Style>;
  /** Width of the area between the side margins, in points. */
  contentWidth: number;
  /** Font size relative to A4 (1 on A4). */
  scale: number;
  /** Vertical space between sections, in points. */
  gap: number;
}

const PAPER_WIDTH: Record<Paper, number> = { A4: 595.28, A5: 419.53 };

/**
 * Page size, margins and type sizes: A4 at a 10 pt base, A5 at 8.5 pt with margins to match.
 * `compact` is a tighter variant (smaller type and margins) for when the content is too long
 * for one page.
 */
export function pageSetup(paper: Paper, options: { compact?: boolean } = {}): PageSetup {
  const compact = options.compact ?? false;
  const scale = (paper === 'A4' ? 1 : 0.85) * (compact ? 0.85 : 1);
  const margins: Record<Paper, [number, number, number, number]> = compact
    ? { A4: [34, 26, 34, 32], A5: [20, 16, 20, 24] }
    : { A4: [42, 34, 42, 36], A5: [26, 22, 26, 28] };
  const pageMargins = margins[paper];
  const gap = (paper === 'A4' ? 16 : 8) * (compact ? 0.6 : 1);
  const pt = (n: number) => Math.round(n * scale * 10) / 10;
  return {
    paper,
    pageSize: paper,
    pageMargins,
    defaultStyle: { fontSize: pt(10) },
    contentWidth: PAPER_WIDTH[paper] - pageMargins[0] - pageMargins[2],
    scale,
    gap,
    styles: {
      companyName: { fontSize: pt(16), bold: true },
      letterheadLine: { fontSize: pt(9), color: '#333333' },
      hotline: { fontSize: pt(11), bold: true },
      title: { fontSize: pt(20), bold: true, characterSpacing: pt(1) },
      documentNumber: { fontSize: pt(10) },
      sectionHeading: { fontSize: pt(10.5), bold: true, margin: [0, gap, 0, gap / 3] },
      tableHeading: { fontSize: pt(10), bold: true },
      // A touch lower, so a label sits on the line of the larger value beside it.
      fieldLabel: { fontSize: pt(9), color: '#333333', margin: [0, pt(1.2), 0, 0] },
      fieldValue: { fontSize: pt(10) },
      figureLabel: { fontSize: pt(8.5), color: '#333333' },
      figureValue: { fontSize: pt(11), bold: true },
      figureStrong: { fontSize: pt(15), bold: true },
      figureNote: { fontSize: pt(8.5) },
      note: { fontSize: pt(8.5), color: '#333333' },
      list: { fontSize: pt(9.5), lineHeight: paper === 'A4' && !compact ? 1.5 : 1.3 },
      small: { fontSize: pt(8), color: '#333333' },
      footer: { fontSize: pt(8), color: '#555555' },
    },
  };
}

const LINE = '#8c8c8c';
const LABEL_FILL = '#f0f0f0';
const HEADING_FILL = '#dcdcdc';

/** Table layouts the pieces use by name; pdf.ts registers them with pdfmake. */
export const TABLE_LAYOUTS: Record<string, TableLayout> = {
  /** Thin grey grid, for label/value tables. */
  fields: {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    hLineColor: () => LINE,
    vLineColor: () => LINE,
    paddingLeft: () => 4,
    paddingRight: () => 4,
    paddingTop: () => 2,
    paddingBottom: () => 2,
  },
  /** A strong frame with thin column rules, for the few figures a document is about. */
  figures: {
    hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 1.2 : 0),
    vLineWidth: (i, node) => (i === 0 || i === node.table.widths.length ? 1.2 : 0.5),
    hLineColor: () => '#000000',
    vLineColor: (i, node) => (i === 0 || i === node.table.widths.length ? '#000000' : LINE),
    paddingLeft: () => 6,
    paddingRight: () => 6,
    paddingTop: (i) => (i === 0 ? 4 : 0),
    paddingBottom: (i) => (i === 0 ? 0 : 4),
  },
  /** Only a rule under the table, for the letterhead. */
  ruleBelow: {
    hLineWidth: (i, node) => (i === node.table.body.length ? 1 : 0),
    vLineWidth: () => 0,
    hLineColor: () => '#000000',
    paddingLeft: () => 0,
    paddingRight: () => 0,
    paddingTop: () => 0,
    paddingBottom: () => 4,
  },
  /** Lines only where a cell asks for a border; for lines to write or stamp on. */
  blanks: {
    hLineWidth: () => 0.7,
    vLineWidth: () => 0.7,
    hLineColor: () => '#000000',
    vLineColor: () => '#000000',
    paddingLeft: () => 0,
    paddingRight: () => 4,
    paddingTop: () => 0,
    paddingBottom: () => 1,
  },
};

function labelled(t: TFunction, label: string, value: string): string {
  return t('print.common.labelled', { label, value });
}

export type Company = Pick<Settings, 'companyName' | 'address' | 'hotline' | 'complaintLine'>;

/** Company name, address, hotline and (when set) complaint line, over a rule. */
export function letterhead(company: Company, t: TFunction): Content {
  const left: Content[] = [{ text: company.companyName, style: 'companyName' }];
  if (company.address) left.push({ text: labelled(t, t('print.common.address'), company.address), style: 'letterheadLine' });
  const right: Content[] = [
    { text: labelled(t, t('print.common.hotline'), formatPhone(company.hotline)), style: 'hotline', noWrap: true },
  ];
  if (company.complaintLine) {
    const line = labelled(t, t('print.common.complaintLine'), formatPhone(company.complaintLine));
    right.push({ text: line, style: 'letterheadLine', noWrap: true });
  }
  return {
    table: {
      widths: ['*'],
      body: [[{ columns: [{ width: '*', stack: left }, { width: 'auto', stack: right, alignment: 'right' }], columnGap: 12 }]],
    },
    layout: 'ruleBelow',
  };
}

export interface Field {
  label: string;
  value: string;
  /** Takes a whole row (long values: address, serial number). */
  wide?: boolean;
  bold?: boolean;
}
/** A row across the whole table naming the fields below it. */
export interface FieldHeading {
  heading: string;
}
export type FieldRow = Field | FieldHeading;

/**
 * A bordered label/value grid: `pairsPerRow` label/value pairs side by side (2 on A4), wide
 * fields and headings across the whole width.
 */
export function fieldTable(rows: FieldRow[], pairsPerRow: 1 | 2 = 2): TableNode {
  const columns = pairsPerRow * 2;
  const filler = (n: number): Content[] => Array.from({ length: n }, () => ({ text: '' }));
  // Labels never wrap: CJK text may break after any character, so pdfmake would otherwise
  // squeeze a label column down to one character per line when the page is narrow.
  const label = (f: Field): Content => ({ text: f.label, style: 'fieldLabel', fillColor: LABEL_FILL, noWrap: true });
  const value = (f: Field, span: number): Content[] => [
    { text: f.value, style: 'fieldValue', bold: f.bold ?? false, colSpan: span },
    ...filler(span - 1),
  ];
  const body: Content[][] = [];
  let pending: Field[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const row: Content[] = [];
    pending.forEach((f, i) => {
      const last = i === pending.length - 1;
      row.push(label(f), ...value(f, last ? columns - row.length - 1 : 1));
    });
    body.push(row);
    pending = [];
  };
  for (const r of rows) {
    if ('heading' in r) {
      flush();
      body.push([{ text: r.heading, style: 'tableHeading', fillColor: HEADING_FILL, colSpan: columns }, ...filler(columns - 1)]);
    } else if (r.wide) {
      flush();
      body.push([label(r), ...value(r, columns - 1)]);
    } else {
      pending.push(r);
      if (pending.length === pairsPerRow) flush();
    }
  }
  flush();
  const widths = pairsPerRow === 2 ? (['auto', '*', 'auto', '*'] as const) : (['auto', '*'] as const);
  return { table: { widths: [...widths], body, dontBreakRows: true }, layout: 'fields' };
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

const NO_BORDER: [boolean, boolean, boolean, boolean] = [false, false, false, false];
const LINE_BELOW: [boolean, boolean, boolean, boolean] = [false, false, false, true];

/**
 * One signing (or stamping) place per label, side by side: the label with a line to sign on,
 * and a date line under it. `date` prints a known date instead of a blank line; `height` is
 * the room left for a signature or a seal, in points.
 */
export function signatureBlock(t: TFunction, labels: string[], options: { date?: string; height?: number } = {}): Content {
  const height = options.height ?? 24;
  const place = (label: string): Content => ({
    width: '*',
    table: {
      widths: ['auto', '*'],
      body: [
        [
          { text: labelled(t, label, ''), style: 'fieldLabel', noWrap: true, margin: [0, height, 0, 0], border: NO_BORDER },
          { text: '', border: LINE_BELOW },
        ],
        [
          { text: labelled(t, t('print.common.date'), ''), style: 'fieldLabel', noWrap: true, margin: [0, 8, 0, 0], border: NO_BORDER },
          options.date
            ? { text: options.date, style: 'fieldValue', margin: [0, 8, 0, 0], border: NO_BORDER }
            : { text: '', border: LINE_BELOW },
        ],
      ],
    },
    layout: 'blanks',
  });
  return { columns: labels.map(place), columnGap: 24 };
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
