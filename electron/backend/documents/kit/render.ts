import { createRequire } from 'node:module';
import { isAbsolute, relative, resolve } from 'node:path';
import { CJK_FONT_FAMILY, cjkFonts, type CjkFonts } from './fonts';
import { CjkFamilies, type FontHost } from './font-families';
import type { Content, DynamicContent, PageSize, PdfMetadata, TableLayout, TDocumentDefinitions } from './definition';
import { drawRunsMerged } from './merge-runs';
import { measureStylesOnce } from './measure-once';
import { strokeLinesTogether } from './batch-lines';
import { TABLE_LAYOUTS } from './table-layouts';

/** pdfmake's server-side object (`require('pdfmake')` is a ready instance). */
interface PdfMake extends FontHost {
  addTableLayouts(layouts: Record<string, TableLayout>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: object): { getBuffer(): Promise<Buffer> };
}

/** Line height for the CJK font: its ascender and descender are tight. */
export const LINE_HEIGHT = 1.3;

let pdfmake: PdfMake | undefined;
let fonts: CjkFonts | undefined;
let families: CjkFamilies | undefined;

/** True when `path` is the folder `dir` itself or lies inside it. */
function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, resolve(path));
  return !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * Sets pdfmake up: the CJK font (regular and bold; italics use the same two files), no URL
 * access at all, and local file access only to the font folder. Runs by itself on the first
 * render; call it at start-up to use fonts from another folder (a packaged app's resources).
 */
export function configurePdf(fontDir?: string | null): CjkFonts {
  const found = cjkFonts(fontDir);
  pdfmake ??= loadPdfmake();
  pdfmake.addFonts({
    [CJK_FONT_FAMILY]: { normal: found.normal, bold: found.bold, italics: found.normal, bolditalics: found.bold },
  });
  pdfmake.addTableLayouts(TABLE_LAYOUTS);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => isInside(found.dir, path));
  fonts = found;
  families = new CjkFamilies(pdfmake, found);
  return found;
}

function loadPdfmake(): PdfMake {
  const require = createRequire(__filename);
  const fromPdfmake = createRequire(require.resolve('pdfmake'));
  shareParsedFonts(createRequire(fromPdfmake.resolve('pdfkit')));
  drawRunsMerged(fromPdfmake);
  measureStylesOnce(fromPdfmake);
  strokeLinesTogether(fromPdfmake);
  return require('pdfmake') as PdfMake;
}

/** What fontkit's layout answers, as far as pdfkit reads it (glyph objects are only read). */
interface GlyphRun {
  glyphs: unknown[];
  positions: object[];
}
interface FontkitFont {
  layout(text: string, ...rest: unknown[]): GlyphRun;
}

/** Runs of text shaped per font, kept between documents: most of a document is its template. */
const SHAPED_RUNS = 20_000;

/**
 * pdfkit parses the font anew for every document (`fontkit.create` on its bytes) and shapes
 * every word again: outlines, metrics, layout tables of the same working font, the same labels,
 * document after document. Its fontkit is handed a `create` that returns the font already
 * parsed from the very same bytes, with its plain layouts remembered, so what was read and
 * shaped for one document serves the next. pdfkit keeps what a document used on its own
 * objects; it scales the positions of a run in place, so each call gets its own copy of them.
 * Must run before pdfkit is first loaded; without it documents come out the same, only slower.
 */
function shareParsedFonts(fromPdfkit: NodeJS.Require): void {
  const path = fromPdfkit.resolve('fontkit');
  const fontkit = fromPdfkit('fontkit') as { create(bytes: Uint8Array, postscriptName?: string): FontkitFont };
  const entry = fromPdfkit.cache[path];
  if (!entry || entry.exports !== fontkit) return;
  const parsed = new WeakMap<Uint8Array, FontkitFont>();
  entry.exports = {
    ...fontkit,
    create(bytes: Uint8Array, postscriptName?: string) {
      if (postscriptName !== undefined) return fontkit.create(bytes, postscriptName);
      let font = parsed.get(bytes);
      if (!font) {
        font = rememberLayouts(fontkit.create(bytes));
        parsed.set(bytes, font);
      }
      return font;
    },
  };
}

function rememberLayouts(font: FontkitFont): FontkitFont {
  const shape = font.layout.bind(font);
  const runs = new Map<string, GlyphRun>();
  const copy = <T extends object>(value: T): T => Object.assign(Object.create(Object.getPrototypeOf(value) as object) as T, value);
  font.layout = (text: string, ...rest: unknown[]) => {
    // Only the plain call is remembered: features, script or direction given shape anew.
    if (rest.some((arg) => arg !== undefined)) return shape(text, ...rest);
    let run = runs.get(text);
    if (!run) {
      if (runs.size >= SHAPED_RUNS) runs.clear();
      run = shape(text);
      runs.set(text, run);
    }
    return Object.assign(copy(run), { glyphs: run.glyphs.slice(), positions: run.positions.map(copy) });
  };
  return font;
}

/**
 * One step of warming the fonts up in the background (see `CjkFamilies.step`); false once
 * there is nothing left to do.
 */
export function warmFontsStep(): boolean {
  pdfFonts();
  if (!families!.hasWork()) return false;
  families!.step();
  return families!.hasWork();
}

/** The font files documents are rendered with (configuring pdfmake if not done yet). */
export function pdfFonts(): CjkFonts {
  return fonts ?? configurePdf();
}

/** A deep copy of plain objects and arrays (pdfmake writes its measurements into the nodes). */
function copyPlain<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyPlain) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyPlain(v)])) as T;
  }
  return value;
}

/** Thrown from the footer to stop a render whose layout already runs past its pages. */
class Overflow extends Error {
  constructor(readonly pages: number) {
    super(`the layout runs to ${pages} pages`);
  }
}

/** Renders a document definition to PDF bytes, and tells how many pages it came to and where each node with an `id` landed. */
export async function renderPdfDocument(definition: TDocumentDefinitions, meta: PdfMetadata): Promise<Rendered> {
  const rendered = await render(definition, meta, Infinity);
  return { pdf: rendered.pdf!, pages: rendered.pages, placed: rendered.placed };
}

/**
 * Renders a definition only if it fits `maxPages`: otherwise it stops once the layout is known,
 * before the pages are drawn and the fonts embedded (most of the time), and answers null.
 */
export async function renderWithin(definition: TDocumentDefinitions, meta: PdfMetadata, maxPages: number): Promise<Rendered | null> {
  const rendered = await render(definition, meta, maxPages);
  return rendered.pdf ? { pdf: rendered.pdf, pages: rendered.pages, placed: rendered.placed } : null;
}

export interface Rendered {
  pdf: Buffer;
  pages: number;
  /** The pages each node with an `id` landed on. */
  placed: Record<string, number[]>;
}

async function render(definition: TDocumentDefinitions, meta: PdfMetadata, maxPages: number): Promise<{ pdf: Buffer | null; pages: number; placed: Record<string, number[]> }> {
  pdfFonts();
  let pages = 0;
  const placed: Record<string, number[]> = {};
  // pdfmake tells where nodes landed only to this hook; it only watches, never breaks a page.
  const pageBreakBefore = (node: { id?: string; pageNumbers: number[] }) => {
    if (node.id) placed[node.id] = node.pageNumbers;
    return false;
  };
  const given = definition.footer;
  // pdfmake tells the page count only to the header and footer functions, which it calls once
  // the whole layout is done.
  const footer: DynamicContent = (page, count, size) => {
    pages = Math.max(pages, count);
    if (count > maxPages) throw new Overflow(count);
    return given ? given(page, count, size) : '';
  };
  const { family, release } = families!.familyFor(documentText(definition));
  try {
    const doc = {
      ...copyPlain(definition),
      header: definition.header,
      footer,
      defaultStyle: { lineHeight: LINE_HEIGHT, ...definition.defaultStyle, font: family },
      info: { ...meta },
      pageBreakBefore,
    };
    const pdf = await pdfmake!.createPdf(doc).getBuffer();
    return { pdf, pages, placed };
  } catch (error) {
    if (error instanceof Overflow) return { pdf: null, pages: error.pages, placed };
    throw error;
  } finally {
    release();
  }
}

/** Renders a document definition to PDF bytes, in the CJK font, with the given metadata. */
export async function renderPdf(definition: TDocumentDefinitions, meta: PdfMetadata): Promise<Buffer> {
  return (await renderPdfDocument(definition, meta)).pdf;
}

const PAGE_SIZES: Record<'A4' | 'A5', PageSize> = { A4: { width: 595.28, height: 841.89 }, A5: { width: 419.53, height: 595.28 } };

/**
 * Every text a definition prints (content, and the header and footer of a first and a later page), one per line:
 * what the font must have glyphs for. QR codes and drawings are not text.
 */
export function documentText(definition: TDocumentDefinitions): string {
  const out: string[] = [];
  const walk = (node: Content | undefined): void => {
    if (node === undefined || node === null) return;
    if (typeof node === 'string') out.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if ('text' in node) (Array.isArray(node.text) ? node.text : [node.text]).forEach(walk);
    else if ('stack' in node) node.stack.forEach(walk);
    else if ('columns' in node) node.columns.forEach(walk);
    else if ('table' in node) node.table.body.forEach(walk);
    else if ('ul' in node) node.ul.forEach(walk);
    else if ('ol' in node) node.ol.forEach(walk);
    else if ('toc' in node) walk(node.toc.title);
    // A section (a paper of a batch, on its own pages) holds content the same way.
    else if ('section' in node) walk((node as { section: Content }).section);
  };
  walk(definition.content);
  const size = typeof definition.pageSize === 'object' ? definition.pageSize : PAGE_SIZES[definition.pageSize ?? 'A4'];
  // Page 2 of 2 as well: a continuation header prints only from the second page.
  for (const page of [1, 2]) {
    if (definition.header) walk(definition.header(page, 2, size));
    if (definition.footer) walk(definition.footer(page, 2, size));
  }
  return out.join('\n');
}
