import type { TableLayout } from './definition';

const LINE = '#8c8c8c';
/** Shading behind labels, and behind heading rows. */
export const LABEL_FILL = '#f0f0f0';
export const HEADING_FILL = '#dcdcdc';

/** Table layouts the pieces use by name; render.ts registers them with pdfmake. */
export const TABLE_LAYOUTS: Record<string, TableLayout> = {
  /** Thin grey grid, for label/value tables and lists of rows. */
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
  /** `fields` closed up, for the compact layout: space goes before type does. */
  fieldsTight: {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    hLineColor: () => LINE,
    vLineColor: () => LINE,
    paddingLeft: () => 3,
    paddingRight: () => 3,
    paddingTop: () => 1,
    paddingBottom: () => 0.5,
  },
  /** `carbon` closed up, for the compact layout. */
  carbonTight: {
    hLineWidth: () => 0.6,
    vLineWidth: () => 0.6,
    hLineColor: () => '#000000',
    vLineColor: () => '#000000',
    paddingLeft: () => 3,
    paddingRight: () => 3,
    paddingTop: () => 0.5,
    paddingBottom: () => 0,
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
  /**
   * Plain black single rules for C241 carbon forms, in place of `fields` and `figures`: a grey
   * line prints as a dotted one, or not at all on the last copy.
   */
  carbon: {
    hLineWidth: () => 0.6,
    vLineWidth: () => 0.6,
    hLineColor: () => '#000000',
    vLineColor: () => '#000000',
    paddingLeft: () => 3,
    paddingRight: () => 3,
    paddingTop: () => 1,
    paddingBottom: () => 1,
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
