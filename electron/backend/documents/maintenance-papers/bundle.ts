import type { TFunction } from 'i18next';
import { translator } from '../../../../shared/i18n';
import type { Content, DynamicContent, TDocumentDefinitions } from '../kit/definition';
import type { DocumentMeta, RenderedDocument } from '../kit/fitting';
import { missingGlyphs } from '../kit/fonts';
import { documentText, pdfFonts, renderPdfDocument } from '../kit/render';

/*
 * Several papers of one paper size in one file (a batch print): each starts on a new page with
 * its own footer, numbered over its own pages ("page 2 of 3" of that form, not of the file), so a
 * form taken off the pile reads as one printed alone.
 *
 * How: each paper after the first is a pdfmake section, whose pages carry that paper's own header
 * and footer functions. pdfmake asks every page's header before any footer, so by the footers each
 * paper knows its pages. A continuation header is asked before the paper's page count is known:
 * it says the number and "continued" and leaves "page x of y" to the footer of the same page.
 */

export interface BundlePart {
  definition: TDocumentDefinitions;
  /** The number the paper prints, for its continuation header. */
  number: string;
}

export function bundleDefinition(parts: BundlePart[], t: TFunction): TDocumentDefinitions {
  const first = parts[0]!.definition;
  const margins = first.pageMargins as [number, number, number, number];
  const size = (first.defaultStyle?.fontSize as number | undefined) ?? 9;
  const closures = parts.map(({ definition, number }) => {
    const pages: number[] = [];
    const header: DynamicContent = (page, _count, pageSize) => {
      // Only pdfmake's own pass counts: its page sizes carry an orientation, a probe's (the text
      // check before rendering) do not.
      if (!('orientation' in pageSize)) return page === 1 ? '' : t('print.common.continued', { number });
      if (!pages.includes(page)) pages.push(page);
      if (page === pages[0]) return '';
      return { text: t('print.common.continued', { number }), bold: true, fontSize: size, margin: [margins[0], Math.max(2, margins[1] - size * 1.5), margins[2], 0] };
    };
    const footer: DynamicContent = (page, _count, pageSize) => {
      const own = pages.length > 0 ? pages : [page];
      return definition.footer ? definition.footer(page - own[0]! + 1, own.length, pageSize) : '';
    };
    return { header, footer };
  });
  const content: Content[] = parts.map((part, i) => (i === 0 ? part.definition.content : ({ section: part.definition.content, header: closures[i]!.header, footer: closures[i]!.footer } as unknown as Content)));
  return { ...first, content, header: closures[0]!.header, footer: closures[0]!.footer };
}

/** Renders the papers as one PDF. */
export async function renderBundle(parts: BundlePart[], meta: DocumentMeta): Promise<RenderedDocument> {
  const t = translator(meta.lang);
  const info = { title: meta.title, subject: meta.subject, author: meta.author, creator: t('appName'), producer: 'pdfmake' };
  const definition = bundleDefinition(parts, t);
  const rendered = await renderPdfDocument(definition, info);
  return { pdf: rendered.pdf, pages: rendered.pages, missingGlyphs: missingGlyphs(documentText(definition), pdfFonts()) };
}
