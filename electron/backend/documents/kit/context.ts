import type { TFunction } from 'i18next';
import { explanationParams, type Explanation } from '../../../../shared/domain/warranty-engine';
import { formatDate, formatDateTime, formatMoney } from '../../../../shared/format';
import { translator, type Language } from '../../../../shared/i18n';
import type { Paper } from '../../../../shared/schemas/document';
import type { Content, TDocumentDefinitions } from './definition';
import { continuationHeader, footer, pageSetup, type PageSetup } from './layout';

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

export function documentCtx(lang: Language, paper: Paper, options: { compact?: boolean; typeOf?: Paper } = {}): DocumentCtx {
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
 * The page around the content: size, margins, styles, the footer every paper carries (its
 * number, the issue date or `legend`, page x of y) and the continuation header of a second page. C241 continuous paper is wider than tall, and pdfmake
 * turns such a page to portrait unless told it is landscape.
 */
export function documentPage(c: DocumentCtx, content: Content[], stamp: { number: string; issuedOn: string }, options: { legend?: string } = {}): TDocumentDefinitions {
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
    content: setup.compact ? closeUp(content) : content,
    header: continuationHeader(stamp.number, t, setup.pageMargins, setup.minPt),
    footer: footer(stamp.number, c.date(stamp.issuedOn), t, setup.pageMargins[0], options.legend),
  };
}

const TIGHT: Record<string, string> = { fields: 'fieldsTight', carbon: 'carbonTight' };

/** The same content with its grids' cell padding closed up: the compact layout's first saving, before any type. */
function closeUp<T>(node: T): T {
  if (Array.isArray(node)) return node.map(closeUp) as T;
  if (!node || typeof node !== 'object' || Object.getPrototypeOf(node) !== Object.prototype) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = key === 'layout' && typeof value === 'string' ? (TIGHT[value] ?? value) : closeUp(value);
  return out as T;
}
