import { translator, type Language } from '../../../../shared/i18n';
import type { Content, TDocumentDefinitions } from './definition';
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

/** How a definition is laid out: `compact` when the normal layout overflows; `carried` when a kept-together closing block starts a new page. */
export interface FitLayout {
  compact: boolean;
  carried: boolean;
}

/** The id a document gives a table's rows, to know where they end. */
export const TABLE_ROWS_ID = 'table-rows';
const CLOSING_MARK_ID = 'table-closing-end';

/**
 * A mark to put right after the block kept together that closes a table (totals, signatures):
 * the page it lands on is where that block is. (Inside a kept-together block pdfmake reports
 * the place on its scratch page, not the page the block went to.) A space of 1 pt: nothing shows.
 */
export function closingMark(): Content {
  return { text: ' ', fontSize: 1, lineHeight: 1, id: CLOSING_MARK_ID };
}

/**
 * Renders in the normal layout, or in the compact one (tighter spacing first; type never under
 * the paper's minimum) when the normal layout runs past the pages the paper is planned for.
 * When the block that closes a table (totals, signatures) lands on a page after the table's
 * last rows, it is rendered again with the table's heading carried over to that page. The
 * caller warns when `missingGlyphs` is not empty or `pages` is more than planned.
 */
export async function renderFitting(define: (layout: FitLayout) => TDocumentDefinitions, plannedPages: number, meta: DocumentMeta): Promise<RenderedDocument> {
  const t = translator(meta.lang);
  const info = { title: meta.title, subject: meta.subject, author: meta.author, creator: t('appName'), producer: 'pdfmake' };
  const layout: FitLayout = { compact: false, carried: false };
  let definition = define(layout);
  // An overflowing normal layout is dropped as soon as it is known, before it is drawn.
  let rendered = await renderWithin(definition, info, plannedPages);
  if (!rendered) {
    layout.compact = true;
    definition = define(layout);
    rendered = await renderPdfDocument(definition, info);
  }
  const rows = rendered.placed[TABLE_ROWS_ID];
  const closing = rendered.placed[CLOSING_MARK_ID];
  if (rows && closing && Math.min(...closing) > Math.max(...rows)) {
    layout.carried = true;
    definition = define(layout);
    rendered = await renderPdfDocument(definition, info);
  }
  return { pdf: rendered.pdf, pages: rendered.pages, missingGlyphs: missingGlyphs(documentText(definition), pdfFonts()) };
}
