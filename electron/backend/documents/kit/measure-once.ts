/*
 * pdfmake measures Chinese text one character at a time (every character is a place a line may
 * break, so every character is its own "inline"), and for each inline it looks up 23 style
 * properties through the style stack: each lookup pushes the inline on the stack, walks it from
 * the top and allocates a closure and a set on the way. On the monthly pack's long tables that
 * was most of the layout's time and most of its garbage.
 *
 * The inlines pdfmake splits one text into carry the same style properties (copied from the
 * text they came from), and are measured against the same stack; a lookup's answer depends
 * only on those properties and that stack. So here the 23 answers are looked up once for a run
 * of inlines whose own properties are the same values, and reused for the rest of the run.
 * The widths, cuts and heights are still measured per inline, exactly as pdfmake does.
 */

interface Item {
  text: string;
  [property: string]: unknown;
}

interface Font {
  lineHeight(size: number): number;
}

interface TextInlinesLike {
  pdfDocument: { provideFont(family: unknown, bold: unknown, italics: unknown): Font };
  widthOfText(text: string, inline: Item): number;
}

type GetStyleProperty = (item: object, stack: unknown, property: string, fallback: unknown) => unknown;

/** What an inline's own properties are made of that no style lookup reads. */
const NOT_STYLE = new Set(['text', 'lineEnd', 'noNewLine', 'leadingCut', 'leadingIndent']);

/** The properties `TextInlines.measure` resolves through the stack, in its order, with its defaults. */
const LOOKED_UP: readonly [string, unknown][] = [
  ['alignment', 'left'],
  ['fontSize', 12],
  ['fontFeatures', null],
  ['characterSpacing', 0],
  ['color', 'black'],
  ['decoration', null],
  ['decorationColor', null],
  ['decorationStyle', null],
  ['decorationThickness', null],
  ['background', null],
  ['link', null],
  ['linkToPage', null],
  ['linkToDestination', null],
  ['noWrap', null],
  ['opacity', 1],
  ['sup', false],
  ['sub', false],
];

const LEADING = /^(\s)+/g;
const TRAILING = /(\s)+$/g;

interface Resolved {
  font: Font;
  values: unknown[];
  lineHeight: unknown;
  preserveLeadingSpaces: unknown;
  preserveTrailingSpaces: unknown;
}

/** The inline's own properties that a style lookup could read, as [key, value] pairs in order. */
function ownStyle(item: Item): unknown[] {
  const out: unknown[] = [];
  for (const key in item) if (Object.prototype.hasOwnProperty.call(item, key) && !NOT_STYLE.has(key)) out.push(key, item[key]);
  return out;
}

function same(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `TextInlines.measure` with each run of alike inlines' style looked up once. */
export function measureOnce(self: TextInlinesLike, array: Item[], stack: unknown, get: GetStyleProperty): Item[] {
  if (array.length) {
    const leadingIndent = get(array[0]!, stack, 'leadingIndent', 0) as number;
    if (leadingIndent) {
      array[0]!.leadingCut = -leadingIndent;
      array[0]!.leadingIndent = leadingIndent;
    }
  }
  let lastOwn: unknown[] | null = null;
  let resolved: Resolved | null = null;
  for (const item of array) {
    const own = ownStyle(item);
    if (!resolved || !same(own, lastOwn!)) {
      const font = self.pdfDocument.provideFont(get(item, stack, 'font', 'Roboto'), get(item, stack, 'bold', false), get(item, stack, 'italics', false));
      resolved = {
        font,
        values: LOOKED_UP.map(([key, fallback]) => get(item, stack, key, fallback)),
        lineHeight: get(item, stack, 'lineHeight', 1),
        preserveLeadingSpaces: get(item, stack, 'preserveLeadingSpaces', false),
        preserveTrailingSpaces: get(item, stack, 'preserveTrailingSpaces', false),
      };
      lastOwn = own;
    }
    item.font = resolved.font;
    LOOKED_UP.forEach(([key], i) => (item[key] = resolved!.values[i]));
    if (item.sup || item.sub) item.fontSize = (item.fontSize as number) * 0.58;
    item.width = self.widthOfText(item.text, item);
    item.height = resolved.font.lineHeight(item.fontSize as number) * (resolved.lineHeight as number);
    if (!item.leadingCut) item.leadingCut = 0;
    if (!resolved.preserveLeadingSpaces) {
      const leadingSpaces = item.text.match(LEADING);
      if (leadingSpaces) item.leadingCut = (item.leadingCut as number) + self.widthOfText(leadingSpaces[0], item);
    }
    item.trailingCut = 0;
    if (!resolved.preserveTrailingSpaces) {
      const trailingSpaces = item.text.match(TRAILING);
      if (trailingSpaces) item.trailingCut = self.widthOfText(trailingSpaces[0], item);
    }
  }
  return array;
}

interface TextInlinesClass {
  prototype: { measure(array: Item[], stack: unknown): Item[] };
}

const PATCHED = Symbol.for('after-sales-desk.measureOnce');

/** Makes pdfmake's TextInlines look each run of alike inlines' style up once. Idempotent. */
export function measureStylesOnce(fromPdfmake: NodeJS.Require): void {
  const TextInlines = (fromPdfmake('./TextInlines') as { default: TextInlinesClass }).default;
  const StyleContextStack = (fromPdfmake('./StyleContextStack') as { default: { getStyleProperty: GetStyleProperty } }).default;
  const proto = TextInlines.prototype as TextInlinesClass['prototype'] & { [PATCHED]?: true };
  if (proto[PATCHED]) return;
  proto.measure = function (this: TextInlinesLike, array, stack) {
    return measureOnce(this, array, stack, (item, s, property, fallback) => StyleContextStack.getStyleProperty(item, s, property, fallback));
  };
  proto[PATCHED] = true;
}
