import { translator, type Language } from '../../../../shared/i18n';
import type { TDocumentDefinitions } from './definition';
import { missingGlyphs } from './fonts';
import { documentText, pdfFonts, renderPdfDocument, renderWithin } from './render';

export interface RenderedDocument {
  pdf: Buffer;
  /** The pages it came to: more than planned only when even the compact layout overflowed. */
  pages: number;
  /** Characters of the printed text the font has no glyph for (they print as empty boxes). */
  missingGlyphs: string[];
}

export interface DocumentMeta {
  title: string;
  subject: string;
  author: string;
  lang: Language;
}

/**
 * Renders in the normal layout, or in the compact one (tighter spacing first, then type) when
 * the normal layout runs past the pages the paper is planned for. The caller warns when
 * `missingGlyphs` is not empty or `pages` is more than planned.
 */
export async function renderFitting(define: (compact: boolean) => TDocumentDefinitions, plannedPages: number, meta: DocumentMeta): Promise<RenderedDocument> {
  const t = translator(meta.lang);
  const info = { title: meta.title, subject: meta.subject, author: meta.author, creator: t('appName'), producer: 'pdfmake' };
  let definition = define(false);
  // An overflowing normal layout is dropped as soon as it is known, before it is drawn.
  let rendered = await renderWithin(definition, info, plannedPages);
  if (!rendered) {
    definition = define(true);
    rendered = await renderPdfDocument(definition, info);
  }
  return { ...rendered, missingGlyphs: missingGlyphs(documentText(definition), pdfFonts()) };
}
