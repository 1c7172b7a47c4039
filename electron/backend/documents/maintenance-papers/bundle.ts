import type { Content, DynamicContent, TDocumentDefinitions } from '../kit/definition';
import type { DocumentMeta, RenderedDocument } from '../kit/fitting';
import { missingGlyphs } from '../kit/fonts';
import { documentText, pdfFonts, renderPdfDocument } from '../kit/render';
import { translator } from '../../../../shared/i18n';

/*
 * Several papers of one paper size in one file (a batch print): each starts on a new page and
 * keeps its own header and footer, numbered over its own pages ("page 2 of 3" of that form, not
 * of the file), so a form torn off the pile reads exactly as one printed alone.
 */

const PART_ID = 'bundle-part-';

/** Which part a page of the file belongs to, and that page's place in the part. */
function locate(starts: number[], page: number, count: number): { part: number; page: number; pages: number } {
  let part = 0;
  while (part + 1 < starts.length && starts[part + 1]! <= page) part++;
  const first = starts[part] ?? 1;
  const next = starts[part + 1] ?? count + 1;
  return { part, page: page - first + 1, pages: next - first };
}

export function bundleDefinition(parts: TDocumentDefinitions[], placed: Record<string, number[]>): TDocumentDefinitions {
  const first = parts[0]!;
  const starts = (): number[] => parts.map((_, i) => Math.min(...(placed[`${PART_ID}${i}`] ?? [i + 1])));
  const each =
    (which: 'header' | 'footer'): DynamicContent =>
    (page, count, size) => {
      const at = locate(starts(), page, count);
      const fn = parts[at.part]![which];
      return fn ? fn(at.page, at.pages, size) : '';
    };
  const content: Content[] = parts.map((p, i): Content => ({ stack: [p.content], id: `${PART_ID}${i}`, ...(i > 0 ? { pageBreak: 'before' as const } : {}) }));
  return { ...first, content, header: each('header'), footer: each('footer') };
}

/** Renders the parts as one PDF. */
export async function renderBundle(parts: TDocumentDefinitions[], meta: DocumentMeta): Promise<RenderedDocument> {
  const placed: Record<string, number[]> = {};
  const definition = bundleDefinition(parts, placed);
  const t = translator(meta.lang);
  const info = { title: meta.title, subject: meta.subject, author: meta.author, creator: t('appName'), producer: 'pdfmake' };
  const rendered = await renderPdfDocument(definition, info, placed);
  return { pdf: rendered.pdf, pages: rendered.pages, missingGlyphs: missingGlyphs(documentText(definition), pdfFonts()) };
}
