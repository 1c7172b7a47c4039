import type { TFunction } from 'i18next';
import type { Content, TableNode, Width } from './definition';
import { labelled, MM } from './layout';
import { HEADING_FILL, LABEL_FILL } from './table-layouts';

/*
 * The pieces of a form: label/value grids, rows of items, boxes to tick, lines to cut along,
 * places to sign and stamp. Pure functions returning pdfmake content, like layout.ts.
 */

export interface Field {
  label: string;
  value: string;
  /** Takes a whole row (long values: address, serial number). */
  wide?: boolean;
  /** Takes this many pairs' room in its row (2 of 3: a long model beside a serial). */
  span?: number;
  bold?: boolean;
  /** Left for the reader to fill in by hand: the row is tall enough to write in (a number: this many points). */
  write?: boolean | number;
  /** A code (serial, invoice or model number) that may break anywhere rather than overflow. */
  code?: boolean;
}
/** A row across the whole table naming the fields below it. */
export interface FieldHeading {
  heading: string;
}
export type FieldRow = Field | FieldHeading;

export interface FieldTableOptions {
  /** Least height of a row with a field to `write` in, in points (22 unless told). */
  writeHeight?: number;
  /** Least height of every other row, for a form filled in by hand. */
  rowHeight?: number;
}

/**
 * A bordered label/value grid: `pairsPerRow` label/value pairs side by side (2 on A4, 3 on a
 * wide low page), wide fields and headings across the whole width.
 */
export function fieldTable(rows: FieldRow[], pairsPerRow: 1 | 2 | 3 = 2, options: FieldTableOptions = {}): TableNode {
  const columns = pairsPerRow * 2;
  const filler = (n: number): Content[] => Array.from({ length: n }, () => ({ text: '' }));
  // Labels never wrap: CJK text may break after any character, so pdfmake would otherwise
  // squeeze a label column down to one character per line when the page is narrow.
  const label = (f: Field): Content => ({ text: f.label, style: 'fieldLabel', fillColor: LABEL_FILL, noWrap: true });
  const breakable = (f: Field) => (f.code || hasLongToken(f.value) ? BREAK_ANYWHERE : {});
  const value = (f: Field, span: number): Content[] => [
    { text: f.value, style: 'fieldValue', bold: f.bold ?? false, colSpan: span, ...breakable(f) },
    ...filler(span - 1),
  ];
  const body: Content[][] = [];
  const heights: number[] = [];
  let pending: Field[] = [];
  const push = (row: Content[], fields: Field[]) => {
    body.push(row);
    const write = (f: Field) => (typeof f.write === 'number' ? f.write : f.write ? (options.writeHeight ?? 22) : 0);
    heights.push(Math.max(options.rowHeight ?? 0, ...fields.map(write)));
  };
  const pairs = (f: Field) => Math.min(f.span ?? 1, pairsPerRow);
  const flush = () => {
    if (pending.length === 0) return;
    const row: Content[] = [];
    pending.forEach((f, i) => {
      const last = i === pending.length - 1;
      row.push(label(f), ...value(f, last ? columns - row.length - 1 : pairs(f) * 2 - 1));
    });
    push(row, pending);
    pending = [];
  };
  for (const r of rows) {
    if ('heading' in r) {
      flush();
      body.push([{ text: r.heading, style: 'tableHeading', fillColor: HEADING_FILL, colSpan: columns }, ...filler(columns - 1)]);
      heights.push(0);
    } else if (r.wide) {
      flush();
      push([label(r), ...value(r, columns - 1)], [r]);
    } else {
      // A field that does not fit what is left of the row starts the next one.
      const used = pending.reduce((n, f) => n + pairs(f), 0);
      if (used + pairs(r) > pairsPerRow) flush();
      pending.push(r);
      if (pending.reduce((n, f) => n + pairs(f), 0) === pairsPerRow) flush();
    }
  }
  flush();
  const widths = Array.from({ length: pairsPerRow }, (): Width[] => ['auto', '*']).flat();
  // A row is kept on one page, unless one is too long to fit any page: then it breaks, since
  // pdfmake leaves out a row taller than the page rather than split it.
  return { table: { widths, body, heights, dontBreakRows: !rows.some((r) => 'value' in r && r.value.length > LONG_VALUE) }, layout: 'fields' };
}

/** A value this long may not fit one page of the smallest paper, whatever the layout. */
const LONG_VALUE = 600;
/** A run of this many characters without a space (a URL, a list of serials) cannot wrap at a word. */
const LONG_TOKEN = /[^\s\u3000-\u9fff\uff00-\uffef]{24,}/;
const BREAK_ANYWHERE = { wordBreak: 'break-all' };

/** True when a text holds a run too long to wrap at a word: it then breaks anywhere rather than run off the page. */
export function hasLongToken(text: string): boolean {
  return LONG_TOKEN.test(text);
}

/**
 * A grid with a shaded heading row (repeated on a new page) and one row per item. Headings keep
 * to one line unless `wrapHeadings` (for fixed column widths, which a long heading must not overrun).
 */
export function dataTable(headings: string[], rows: Content[][], widths: Width[], options: { wrapHeadings?: boolean } = {}): TableNode {
  const head = headings.map((text): Content => ({ text, style: 'tableHeading', fillColor: HEADING_FILL, noWrap: !options.wrapHeadings }));
  const body = rows.map((row) =>
    row.map((cell): Content => (typeof cell === 'string' ? { text: cell, style: 'tableCell', ...(hasLongToken(cell) ? BREAK_ANYWHERE : {}) } : cell)),
  );
  const long = rows.some((row) => row.some((cell) => typeof cell === 'string' && cell.length > LONG_VALUE));
  return { table: { widths, headerRows: 1, dontBreakRows: !long, body: [head, ...body] }, layout: 'fields' };
}

/**
 * A dashed line across `width` points to cut along, with `label` on it. (The font has no
 * scissors glyph: say it in words.)
 */
export function cutLine(label: string, width: number): Content {
  const dash = { length: 4, space: 3 };
  // pdfmake paints `background` behind the text: the label sits in a gap in the line.
  const onLine = { text: `\u3000${label}\u3000`, style: 'cutLabel', background: '#ffffff' };
  return {
    stack: [
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.8, lineColor: '#555555', dash }] },
      { text: [onLine], alignment: 'center', margin: [0, -6, 0, 0] },
    ],
  };
}

/** Empty boxes to tick by hand, each followed by its label, on one line. */
export function checkboxes(labels: string[], size = 8): Content {
  const box: Content = { canvas: [{ type: 'rect', x: 0, y: 2, w: size, h: size, lineWidth: 0.7, lineColor: '#000000' }] };
  return {
    table: {
      widths: labels.flatMap((): Width[] => [size + 3, 'auto']),
      body: [labels.flatMap((text): Content[] => [box, { text, style: 'fieldValue', noWrap: true, margin: [0, 0, 10, 0] }])],
    },
    layout: 'noBorders',
  };
}

const NO_BORDER: [boolean, boolean, boolean, boolean] = [false, false, false, false];
const LINE_BELOW: [boolean, boolean, boolean, boolean] = [false, false, false, true];

interface SigningOptions {
  date?: string;
  height?: number;
}

/** A signing place's two rows: the label with a line to sign on, and the date line under it. */
function signingRows(t: TFunction, label: string, options: SigningOptions): Content[][] {
  const height = options.height ?? 24;
  return [
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
  ];
}

/**
 * One signing (or stamping) place per label, side by side: the label with a line to sign on,
 * and a date line under it. `date` prints a known date instead of a blank line; `height` is
 * the room left for a signature or a seal, in points.
 */
export function signatureBlock(t: TFunction, labels: string[], options: SigningOptions = {}): Content {
  const place = (label: string): Content => ({ width: '*', table: { widths: ['auto', '*'], body: signingRows(t, label, options) }, layout: 'blanks' });
  return { columns: labels.map(place), columnGap: 24 };
}

/**
 * The same signing places one under the other, in one table: the labels share a column, so
 * every line to sign on and every date starts at one x.
 */
export function stackedSignatures(t: TFunction, labels: string[], options: SigningOptions = {}): Content {
  return { table: { widths: ['auto', '*'], body: labels.flatMap((label) => signingRows(t, label, options)), dontBreakRows: true }, layout: 'blanks' };
}

/** A company seal is up to 40 mm across (round, or 40 × 30 oval): the square it goes in leaves a margin. */
export const SEAL_MM = 42;

/**
 * A place for the company's seal: a dashed square (SEAL_MM takes a 40 mm stamp whole), with its
 * label at the top and the date at the bottom inside it. A seal is stamped over both, as the
 * trade does; outside the square they made the column taller than the card could afford.
 * `line` is the label style's line height, `mm` the square's side.
 */
export function sealPlace(t: TFunction, label: string, date: string, line: number, mm = SEAL_MM): Content {
  const side = mm * MM;
  const inset = 4;
  return {
    stack: [
      { canvas: [{ type: 'rect', x: 0, y: 0, w: side, h: side, lineWidth: 0.5, lineColor: '#8c8c8c', dash: { length: 3, space: 2 } }] },
      // Drawn back up into the square: pdfmake moves the flow by negative margins.
      { text: label, style: 'fieldLabel', margin: [inset, inset - side, inset, 0] },
      { text: labelled(t, t('print.common.date'), date), style: 'fieldLabel', margin: [inset, side - 2 * inset - 2 * line, inset, inset] },
    ],
  };
}
