/*
 * The pdfmake document definition, as far as this app uses it. (pdfmake 0.3 ships no types;
 * these follow its documentation.) Types only: the pieces, the layouts and the renderer all
 * build on it.
 */
export type Margins = number | [number, number] | [number, number, number, number];
export type Alignment = 'left' | 'center' | 'right' | 'justify';
export type Width = number | '*' | 'auto' | `${number}%`;

export interface Style {
  font?: string;
  fontSize?: number;
  bold?: boolean;
  italics?: boolean;
  color?: string;
  fillColor?: string;
  lineHeight?: number;
  alignment?: Alignment;
  characterSpacing?: number;
  margin?: Margins;
  noWrap?: boolean;
  decoration?: 'underline' | 'lineThrough' | 'overline';
}

export interface NodeBase extends Style {
  /** Names a node so the renderer can tell on which pages it landed (see `renderPdfDocument`). */
  id?: string;
  style?: string | string[];
  width?: Width;
  colSpan?: number;
  rowSpan?: number;
  /** Cell borders: left, top, right, bottom. */
  border?: [boolean, boolean, boolean, boolean];
  unbreakable?: boolean;
  pageBreak?: 'before' | 'after';
  /** Listed in the document's table of contents (a `toc` node), with the page it lands on. */
  tocItem?: boolean;
  tocStyle?: Style;
  tocMargin?: Margins;
  tocNumberStyle?: Style;
}

export interface TextNode extends NodeBase {
  text: string | Array<string | TextNode>;
}
export interface StackNode extends NodeBase {
  stack: Content[];
}
export interface ColumnsNode extends NodeBase {
  columns: Content[];
  columnGap?: number;
}
export interface TableNode extends NodeBase {
  table: {
    body: Content[][];
    widths?: Width[];
    heights?: number | number[];
    headerRows?: number;
    dontBreakRows?: boolean;
  };
  /** A layout name: pdfmake's own ('noBorders', 'lightHorizontalLines'...) or one of TABLE_LAYOUTS. */
  layout?: string;
}
export interface ListNode extends NodeBase {
  ul: Content[];
  markerColor?: string;
}
export interface OrderedListNode extends NodeBase {
  ol: Content[];
  markerColor?: string;
}
export interface QrNode extends NodeBase {
  qr: string;
  fit?: number;
  eccLevel?: 'L' | 'M' | 'Q' | 'H';
  mode?: 'numeric' | 'alphanumeric' | 'octet';
  /** Quiet zone, in modules. */
  padding?: number;
}
export interface CanvasLine {
  type: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lineWidth?: number;
  lineColor?: string;
  dash?: { length: number; space?: number };
}
export interface CanvasRect {
  type: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  r?: number;
  lineWidth?: number;
  lineColor?: string;
  color?: string;
  dash?: { length: number; space?: number };
}
export interface CanvasNode extends NodeBase {
  canvas: Array<CanvasLine | CanvasRect>;
}

/** pdfmake's table of contents: every node marked `tocItem`, with the page number it landed on. */
export interface TocNode extends NodeBase {
  toc: { title?: TextNode; numberStyle?: Style; textStyle?: Style };
}

export type Content =
  | string
  | TocNode
  | ImageNode
  | Content[]
  | TextNode
  | StackNode
  | ColumnsNode
  | TableNode
  | ListNode
  | OrderedListNode
  | QrNode
  | CanvasNode;

export interface PageSize {
  width: number;
  height: number;
}

export type DynamicContent = (currentPage: number, pageCount: number, pageSize: PageSize) => Content;

export interface TDocumentDefinitions {
  content: Content;
  pageSize?: 'A4' | 'A5' | PageSize;
  pageOrientation?: 'portrait' | 'landscape';
  pageMargins?: Margins;
  defaultStyle?: Style;
  styles?: Record<string, Style>;
  header?: DynamicContent;
  footer?: DynamicContent;
  /** The document's language (BCP 47), written to the PDF catalog for screen readers. */
  language?: string;
}

/** What a table layout may say; the functions get the row/column index and the table node. */
export interface TableLayout {
  hLineWidth?: (i: number, node: { table: { body: unknown[][] } }) => number;
  vLineWidth?: (i: number, node: { table: { widths: unknown[] } }) => number;
  hLineColor?: (i: number, node: { table: { body: unknown[][] } }) => string;
  vLineColor?: (i: number, node: { table: { widths: unknown[] } }) => string;
  paddingLeft?: (i: number) => number;
  paddingRight?: (i: number) => number;
  paddingTop?: (i: number) => number;
  paddingBottom?: (i: number) => number;
}

export interface PdfMetadata {
  title: string;
  creator: string;
  producer: string;
  author?: string;
  subject?: string;
}

/** A picture: a `data:image/png` or `data:image/jpeg` URL, scaled to fit `fit` [width, height]. */
export interface ImageNode extends NodeBase {
  image: string;
  fit?: [number, number];
}
