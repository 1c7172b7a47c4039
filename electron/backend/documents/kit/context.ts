import type { TFunction } from 'i18next';
import { explanationParams, type Explanation } from '../../../../shared/domain/warranty-engine';
import { formatDate, formatDateTime, formatMoney } from '../../../../shared/format';
import { translator, type Language } from '../../../../shared/i18n';
import type { Paper } from '../../../../shared/schemas/document';
import type { Content, TDocumentDefinitions } from './definition';
import { footer, pageSetup, type PageSetup } from './layout';

/**
 * What every document's pieces need besides its data: the words of one language, the page set
 * up for one paper, and the formats every date, moment and amount on paper share.
 */
export interface DocumentCtx {
  t: TFunction;
  lang: Language;
  setup: PageSetup;
  /** A calendar date as printed, or "none". */
  date: (iso: string | null | undefined) => string;
  /** A moment in the desk's local time, or "none". */
  moment: (ms: number | null | undefined) => string;
  money: (fen: number) => string;
  /** One warranty engine explanation, its dates printed like every other date. */
  explain: (e: Explanation) => string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function documentCtx(lang: Language, paper: Paper, options: { compact?: boolean } = {}): DocumentCtx {
  const t = translator(lang);
  const none = t('print.common.none');
  const date = (iso: string | null | undefined) => (iso ? formatDate(iso, lang) : none);
  const explain = (e: Explanation) => {
    const params = Object.entries(explanationParams(e, lang)).map(([name, v]) => [name, typeof v === 'string' && ISO_DATE.test(v) ? date(v) : v]);
    return t(e.key, Object.fromEntries(params) as Record<string, string | number>);
  };
  return {
    t,
    lang,
    setup: pageSetup(paper, options),
    date,
    moment: (ms) => (ms === null || ms === undefined ? none : formatDateTime(ms, lang)),
    money: (fen) => formatMoney(fen, lang),
    explain,
  };
}

/**
 * The page around the content: size, margins, styles and the footer every paper carries (its
 * number, the issue date, page x of y). C241 continuous paper is wider than tall, and pdfmake
 * turns such a page to portrait unless told it is landscape.
 */
export function documentPage(c: DocumentCtx, content: Content[], stamp: { number: string; issuedOn: string }): TDocumentDefinitions {
  const { setup, lang, t } = c;
  const size = setup.pageSize;
  const wide = typeof size === 'object' && size.width > size.height;
  return {
    pageSize: size,
    pageOrientation: wide ? 'landscape' : 'portrait',
    pageMargins: setup.pageMargins,
    defaultStyle: setup.defaultStyle,
    styles: setup.styles,
    language: lang,
    content,
    footer: footer(stamp.number, c.date(stamp.issuedOn), t, setup.pageMargins[0]),
  };
}
