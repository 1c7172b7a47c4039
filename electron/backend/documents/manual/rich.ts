import { tableColumns, type BlockNode, type InlineNode, type ManualDoc, type TableNode as DocTable } from '../../../../shared/schemas/manual';
import type { Content, TableNode, TextNode } from '../kit/definition';
import type { PageSetup } from '../kit/layout';

/*
 * The editor's structured content (ProseMirror JSON, already checked by the schema) as pdfmake
 * content. Pictures arrive as `data:` URLs. Nothing here can run off the page: a table's columns
 * share the text width (the schema caps how many there are), long tables break between rows
 * with their heading rows repeated, and a picture is fitted inside the text area of one page.
 */

function inlineText(nodes: InlineNode[] | undefined): Array<string | TextNode> {
  return (nodes ?? []).map((n): string | TextNode => {
    if (n.type === 'hardBreak') return '\n';
    const marks = new Set((n.marks ?? []).map((m) => m.type));
    const node: TextNode = { text: n.text };
    if (marks.has('bold')) node.bold = true;
    if (marks.has('italic')) node.italics = true;
    if (marks.has('underline') || marks.has('link')) node.decoration = 'underline';
    else if (marks.has('strike')) node.decoration = 'lineThrough';
    return Object.keys(node).length === 1 ? n.text : node;
  });
}

export interface RichOptions {
  setup: PageSetup;
  /** Inside a table cell: paragraphs take no space after them (the cell has its padding). */
  inCell?: boolean;
  /** The width a picture may take: the text width, or its cell's inside a table. */
  width?: number;
}

const HEADING_STYLE = { 1: 'richH1', 2: 'richH2', 3: 'richH3' } as const;

function block(b: BlockNode, o: RichOptions): Content {
  const gap = o.inCell ? 0 : o.setup.gap / 2;
  switch (b.type) {
    case 'paragraph':
      // An empty paragraph is a blank line the writer left: keep it as a little space.
      return b.content?.length ? { text: inlineText(b.content), margin: [0, 0, 0, gap] } : { text: ' ', margin: [0, 0, 0, gap / 2] };
    case 'heading':
      return { text: inlineText(b.content), style: HEADING_STYLE[b.attrs.level] };
    case 'bulletList':
      return { ul: b.content.map((item) => ({ stack: blocks(item.content, o) })), margin: [0, 0, 0, gap] };
    case 'orderedList':
      return { ol: b.content.map((item) => ({ stack: blocks(item.content, o) })), margin: [0, 0, 0, gap], ...((b.attrs?.start ?? 1) !== 1 ? { start: b.attrs?.start } : {}) } as Content;
    case 'blockquote':
      return { table: { widths: ['*'], body: [[{ stack: blocks(b.content, o) }]] }, layout: 'fields', margin: [0, 0, 0, gap] };
    case 'horizontalRule':
      return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: o.setup.contentWidth, y2: 0, lineWidth: 0.5, lineColor: '#888888' }], margin: [0, gap, 0, gap] };
    case 'image':
      // Fitted to the text width and at most two thirds of a page: never clipped, never alone on a page for its size.
      return { image: b.attrs.src, fit: [o.width ?? o.setup.contentWidth, o.setup.contentHeight * 0.66], alignment: 'center', margin: [0, gap / 2, 0, gap] } as Content;
    case 'table':
      return table(b, o);
  }
}

export function blocks(list: readonly BlockNode[], o: RichOptions): Content[] {
  return list.map((b) => block(b, o));
}

/**
 * A table on the grid pdfmake wants: every row as wide as the widest, with a placeholder where a
 * cell to the left or above spans into it (Tiptap's JSON leaves those out).
 */
function table(t: DocTable, o: RichOptions): TableNode {
  const covered: boolean[][] = [];
  // A cell's share of the width, less its padding: what a picture in it may take.
  const share = ((o.width ?? o.setup.contentWidth) - 2) / tableColumns(t);
  const body: Content[][] = [];
  let columns = 0;
  t.content.forEach((r, ri) => {
    const row: Content[] = [];
    let col = 0;
    const taken = (c: number) => covered[ri]?.[c] === true;
    for (const cell of r.content) {
      while (taken(col)) {
        row[col] = { text: '' };
        col++;
      }
      const colspan = cell.attrs?.colspan ?? 1;
      const rowspan = cell.attrs?.rowspan ?? 1;
      const node: Content = { stack: blocks(cell.content, { ...o, inCell: true, width: Math.max(20, share * colspan - 10) }), style: cell.type === 'tableHeader' ? ['tableCell', 'tableHeading'] : 'tableCell', ...(cell.type === 'tableHeader' ? { fillColor: '#eeeeee' } : {}), ...(colspan > 1 ? { colSpan: colspan } : {}), ...(rowspan > 1 ? { rowSpan: rowspan } : {}) };
      row[col] = node;
      for (let dr = 0; dr < rowspan; dr++) {
        for (let dc = 0; dc < colspan; dc++) {
          if (dr === 0 && dc === 0) continue;
          (covered[ri + dr] ??= [])[col + dc] = true;
          if (dr === 0) row[col + dc] = { text: '' };
        }
      }
      col += colspan;
    }
    while (taken(col)) {
      row[col] = { text: '' };
      col++;
    }
    columns = Math.max(columns, row.length);
    body.push(row);
  });
  // Rows short of the widest (a table typed unevenly) are filled out with empty cells.
  for (const row of body) for (let c = 0; c < columns; c++) row[c] ??= '';
  // The rows that are all heading cells at the top repeat on each page the table runs onto.
  const headerRows = t.content.findIndex((r) => r.content.some((c) => c.type !== 'tableHeader'));
  return {
    table: { widths: Array.from({ length: columns }, () => '*'), body, headerRows: headerRows === -1 ? 0 : headerRows },
    layout: 'fields',
    margin: [0, 0, 0, o.setup.gap / 2],
  };
}

export function docContent(doc: ManualDoc, o: RichOptions): Content[] {
  return blocks(doc.content, o);
}
