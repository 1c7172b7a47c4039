/*
 * pdfmake lays Chinese text out one character at a time (every character is a place a line may
 * break, so every character is its own "inline"), and then draws each inline with its own text
 * object: colour, opacity, font, size and position written again for every character. On a
 * 40-page manual of running Chinese that drawing was half of the time and most of the content
 * stream. pdfmake knows it ("TODO: line.optimizeInlines()" in its Renderer).
 *
 * Once the layout is done, the line breaks are decided. Inlines that sit edge to edge on a line
 * in the same font, size and colour print exactly as one run of text, so they are drawn
 * as one. Anything else is left as pdfmake drew it: a link, a page reference (the contents'
 * page numbers are filled in at drawing time), super- and subscript, underlines and backgrounds
 * (drawn per inline), font features, and inlines that are not edge to edge (justified text).
 */

interface Inline {
  text: string;
  x: number;
  width: number;
  font: unknown;
  fontSize: number;
  color?: unknown;
  opacity?: number;
  characterSpacing?: number;
  [other: string]: unknown;
}

interface LaidLine {
  inlines: Inline[];
  _pageNodeRef?: unknown;
}

/** Inline properties that make an inline draw differently from plain text next to it. */
const SPECIAL = ['link', 'linkToPage', 'linkToDestination', '_pageNodeRef', 'fontFeatures', 'sup', 'sub', 'decoration', 'background'] as const;

/** How close two edges must be to count as touching: far below what a printer can show. */
const EDGE = 0.001;

function plain(inline: Inline): boolean {
  return SPECIAL.every((key) => !inline[key]);
}

/** Whether `b` prints as a continuation of a run that starts with `head` and is `width` wide so far. */
function joins(head: Inline, width: number, b: Inline): boolean {
  return (
    head.font === b.font &&
    head.fontSize === b.fontSize &&
    head.color === b.color &&
    (head.opacity ?? 1) === (b.opacity ?? 1) &&
    // Letter-spaced text (a cover's title) is measured and drawn per character in ways that do
    // not add up the same once joined: it is left as it was.
    !head.characterSpacing &&
    !b.characterSpacing &&
    Math.abs(head.x + width - b.x) < EDGE &&
    plain(head) &&
    plain(b)
  );
}

/**
 * The line's inlines with neighbours that print alike joined into one; the line itself is not
 * changed. Each run is copied once when it ends (not once per character joined: a line of a
 * long table holds hundreds), with its widths added in the order they come.
 */
export function mergedInlines(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  let i = 0;
  while (i < inlines.length) {
    const head = inlines[i]!;
    let text = head.text;
    let width = head.width;
    let next = i + 1;
    while (next < inlines.length && joins(head, width, inlines[next]!)) {
      text += inlines[next]!.text;
      width += inlines[next]!.width;
      next += 1;
    }
    out.push(next === i + 1 ? head : { ...head, text, width });
    i = next;
  }
  return out;
}

interface RendererClass {
  prototype: { renderLine(line: LaidLine, x: number, y: number): void };
}

const PATCHED = Symbol.for('after-sales-desk.mergeRuns');

/** Makes pdfmake's Renderer draw each line's alike neighbours as one run. Idempotent. */
export function drawRunsMerged(fromPdfmake: NodeJS.Require): void {
  const Renderer = (fromPdfmake('./Renderer') as { default: RendererClass }).default;
  const proto = Renderer.prototype as RendererClass['prototype'] & { [PATCHED]?: true };
  if (proto[PATCHED]) return;
  const draw = proto.renderLine;
  proto.renderLine = function (line, x, y) {
    if (line._pageNodeRef || line.inlines.length < 2) return draw.call(this, line, x, y);
    const inlines = mergedInlines(line.inlines);
    if (inlines.length === line.inlines.length) return draw.call(this, line, x, y);
    // Same kind of object (its height and ascender are asked of it), other inlines.
    const merged = Object.assign(Object.create(Object.getPrototypeOf(line) as object) as LaidLine, line, { inlines });
    return draw.call(this, merged, x, y);
  };
  proto[PATCHED] = true;
}
