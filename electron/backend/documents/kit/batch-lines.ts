/*
 * pdfmake draws a table's rules one cell edge at a time, and each edge as its own path with its
 * whole graphics state written again: width, dash, join, cap, colour space, colour, opacity,
 * then the stroke (ten operators for one short line). A page of a long table holds some five
 * hundred of them; the monthly pack draws twenty thousand.
 *
 * Lines that follow one another on a page with nothing drawn between them, in the same width,
 * dash, join, cap, colour and opacity, print exactly the same when they are stroked as one
 * path of several pieces: the state is written once, then each piece's move and line, then one
 * stroke. Anything else (filled or shaded shapes, rectangles, curves, a line after text) is
 * drawn as pdfmake draws it.
 */

interface LineVector {
  type: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lineWidth?: number;
  dash?: { length: number; space?: number; phase?: number };
  lineJoin?: string;
  lineCap?: string;
  lineColor?: unknown;
  strokeOpacity?: number;
  color?: unknown;
  linearGradient?: unknown;
}

/** One stroke of several line pieces that share their look. */
interface Lines {
  type: typeof LINES;
  first: LineVector;
  pieces: LineVector[];
}

interface PageItem {
  type: string;
  item: unknown;
}

interface PdfKitDoc {
  lineWidth(w: number): PdfKitDoc;
  dash(length: number, options: { space: number; phase: number }): PdfKitDoc;
  undash(): PdfKitDoc;
  lineJoin(join: string): PdfKitDoc;
  lineCap(cap: string): PdfKitDoc;
  moveTo(x: number, y: number): PdfKitDoc;
  lineTo(x: number, y: number): PdfKitDoc;
  strokeColor(color: unknown, opacity: number): PdfKitDoc;
  stroke(): PdfKitDoc;
  resolveColor(color: unknown, fallback: string): unknown;
}

interface RendererProto {
  pdfDocument: PdfKitDoc;
  renderPages(pages: { items: PageItem[] }[]): void;
  renderVector(vector: unknown): void;
}

const LINES = 'after-sales-desk.lines';

function plainLine(item: PageItem): LineVector | null {
  if (item.type !== 'vector') return null;
  const v = item.item as LineVector;
  return v.type === 'line' && !v.color && !v.linearGradient ? v : null;
}

function sameDash(a: LineVector['dash'], b: LineVector['dash']): boolean {
  if (!a || !b) return !a && !b;
  return a.length === b.length && a.space === b.space && a.phase === b.phase;
}

function alike(a: LineVector, b: LineVector): boolean {
  return (
    a.lineWidth === b.lineWidth &&
    sameDash(a.dash, b.dash) &&
    a.lineJoin === b.lineJoin &&
    a.lineCap === b.lineCap &&
    a.lineColor === b.lineColor &&
    a.strokeOpacity === b.strokeOpacity
  );
}

/** A page's items with each run of alike lines, one after another, made one item. */
export function batchedItems(items: readonly PageItem[]): PageItem[] {
  const out: PageItem[] = [];
  let i = 0;
  while (i < items.length) {
    const first = plainLine(items[i]!);
    let next = i + 1;
    if (first) {
      while (next < items.length) {
        const line = plainLine(items[next]!);
        if (!line || !alike(first, line)) break;
        next += 1;
      }
    }
    if (next - i < 2) out.push(items[i]!);
    else out.push({ type: 'vector', item: { type: LINES, first: first!, pieces: items.slice(i, next).map((x) => x.item as LineVector) } satisfies Lines });
    i = next;
  }
  return out;
}

/** What pdfmake's renderVector writes for a plain line, once for all the pieces. */
function drawLines(doc: PdfKitDoc, { first, pieces }: Lines): void {
  doc.lineWidth(first.lineWidth || 1);
  if (first.dash) doc.dash(first.dash.length, { space: first.dash.space || first.dash.length, phase: first.dash.phase || 0 });
  else doc.undash();
  doc.lineJoin(first.lineJoin || 'miter');
  doc.lineCap(first.lineCap || 'butt');
  for (const piece of pieces) doc.moveTo(piece.x1, piece.y1).lineTo(piece.x2, piece.y2);
  const opacity = typeof first.strokeOpacity === 'number' && !Number.isNaN(first.strokeOpacity) ? first.strokeOpacity : 1;
  doc.strokeColor(doc.resolveColor(first.lineColor, 'black'), opacity);
  doc.stroke();
}

const PATCHED = Symbol.for('after-sales-desk.batchLines');

/** Makes pdfmake's Renderer stroke each run of alike lines as one path. Idempotent. */
export function strokeLinesTogether(fromPdfmake: NodeJS.Require): void {
  const Renderer = (fromPdfmake('./Renderer') as { default: { prototype: RendererProto } }).default;
  const proto = Renderer.prototype as RendererProto & { [PATCHED]?: true };
  if (proto[PATCHED]) return;
  const renderPages = proto.renderPages;
  const renderVector = proto.renderVector;
  proto.renderPages = function (pages) {
    for (const page of pages) page.items = batchedItems(page.items);
    return renderPages.call(this, pages);
  };
  proto.renderVector = function (vector) {
    if ((vector as { type?: string }).type === LINES) return drawLines(this.pdfDocument, vector as Lines);
    return renderVector.call(this, vector);
  };
  proto[PATCHED] = true;
}
