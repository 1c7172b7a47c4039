import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, relative, resolve } from 'node:path';
import { CJK_FONT_FAMILY, cjkFonts, type CjkFonts } from './fonts';
import type { Content, DynamicContent, PageSize, PdfMetadata, TableLayout, TDocumentDefinitions } from './definition';
import { TABLE_LAYOUTS } from './table-layouts';

/** pdfmake's server-side object (`require('pdfmake')` is a ready instance). */
interface PdfMake {
  addFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void;
  addTableLayouts(layouts: Record<string, TableLayout>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: object): { getBuffer(): Promise<Buffer> };
  fonts: Record<string, unknown>;
  virtualfs: { writeFileSync(name: string, content: Buffer): void; storage: Record<string, unknown> };
}

/** Line height for the CJK font: its ascender and descender are tight. */
export const LINE_HEIGHT = 1.3;

let pdfmake: PdfMake | undefined;
let fonts: CjkFonts | undefined;

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
  pdfmake ??= createRequire(__filename)('pdfmake') as PdfMake;
  pdfmake.addFonts({
    [CJK_FONT_FAMILY]: { normal: found.normal, bold: found.bold, italics: found.normal, bolditalics: found.bold },
  });
  pdfmake.addTableLayouts(TABLE_LAYOUTS);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => isInside(found.dir, path));
  fonts = found;
  return found;
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

/** The full font files, read once: harfbuzz cuts each document's subset from these. */
let fontBytes: { normal: Buffer; bold: Buffer } | undefined;
let renderCount = 0;

/** Printable ASCII is always kept: page numbers and list numbers are laid out after the fact. */
const ALWAYS = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

/**
 * Cuts the CJK font down to the characters this document prints before pdfmake sees it.
 * pdfkit would subset the 30,000-glyph CID font itself, but slowly (its CFF subsetter
 * dominates the render); harfbuzz does it in a few ms and the PDF comes out smaller.
 * Each render gets its own font family and virtual files, dropped when it is done.
 */
async function subsetFamily(text: string): Promise<{ family: string; release: () => void }> {
  const found = pdfFonts();
  fontBytes ??= { normal: readFileSync(found.normal), bold: readFileSync(found.bold) };
  const glyphs = ALWAYS + text;
  const { default: subsetFont } = await import('subset-font');
  const [normal, bold] = await Promise.all([
    subsetFont(fontBytes.normal, glyphs, { targetFormat: 'sfnt' }),
    subsetFont(fontBytes.bold, glyphs, { targetFormat: 'sfnt' }),
  ]);
  const family = `${CJK_FONT_FAMILY}-${++renderCount}`;
  const files = { normal: `${family}-normal.otf`, bold: `${family}-bold.otf` };
  pdfmake!.virtualfs.writeFileSync(files.normal, normal);
  pdfmake!.virtualfs.writeFileSync(files.bold, bold);
  pdfmake!.addFonts({ [family]: { normal: files.normal, bold: files.bold, italics: files.normal, bolditalics: files.bold } });
  return {
    family,
    release: () => {
      delete pdfmake!.fonts[family];
      delete pdfmake!.virtualfs.storage[files.normal];
      delete pdfmake!.virtualfs.storage[files.bold];
    },
  };
}

/** Renders a document definition to PDF bytes, and tells how many pages it came to and where each node with an `id` landed. */
export async function renderPdfDocument(
  definition: TDocumentDefinitions,
  meta: PdfMetadata,
): Promise<{ pdf: Buffer; pages: number; placed: Record<string, number[]> }> {
  pdfFonts();
  let pages = 0;
  const placed: Record<string, number[]> = {};
  // pdfmake tells where nodes landed only to this hook; it only watches, never breaks a page.
  const pageBreakBefore = (node: { id?: string; pageNumbers: number[] }) => {
    if (node.id) placed[node.id] = node.pageNumbers;
    return false;
  };
  const given = definition.footer;
  // pdfmake tells the page count only to the header and footer functions.
  const footer: DynamicContent = (page, count, size) => {
    pages = Math.max(pages, count);
    return given ? given(page, count, size) : '';
  };
  const { family, release } = await subsetFamily(documentText(definition));
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
