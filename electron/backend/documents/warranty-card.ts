import { formatDate, formatPhone } from '../../../shared/format';
import { translator, type Language } from '../../../shared/i18n';
import type { Customer } from '../../../shared/schemas/customer';
import type { Paper } from '../../../shared/schemas/document';
import type { Settings } from '../../../shared/schemas/settings';
import type { Unit } from '../../../shared/schemas/unit';
import { missingGlyphs } from './fonts';
import { bulletList, fieldTable, footer, keyFigures, letterhead, numberedList, pageSetup, signatureBlock } from './layout';
import { documentText, pdfFonts, renderPdfDocument, type Content, type TDocumentDefinitions } from './pdf';

/** Bump when the printed layout or wording changes, so archived copies can be told apart. */
export const WARRANTY_CARD_TEMPLATE_VERSION = 1;

export interface WarrantyCardData {
  /** The card number, as printed. */
  number: string;
  /** The day the card is issued, YYYY-MM-DD. */
  issuedOn: string;
  settings: Settings;
  customer: Customer;
  unit: Unit;
}

const NOT_COVERED = [
  'misuse',
  'unauthorised',
  'forceMajeure',
  'damage',
  'software',
  'serial',
  'clearance',
  'expired',
] as const;

export interface WarrantyCardOptions {
  /** Smaller type and margins, for data too long to fit the page otherwise. */
  compact?: boolean;
}

/** The warranty card (保修卡) as a pdfmake definition: data in, definition out, nothing else. */
export function warrantyCardDefinition(
  data: WarrantyCardData,
  lang: Language,
  paper: Paper,
  options: WarrantyCardOptions = {},
): TDocumentDefinitions {
  const t = translator(lang);
  const setup = pageSetup(paper, options);
  const { settings, customer, unit, number } = data;
  const w = unit.warranty;
  const none = t('print.common.none');
  const date = (iso: string | null) => (iso ? formatDate(iso, lang) : none);
  const k = (key: string) => t(`print.warrantyCard.${key}`);
  const labelled = (label: string, value: string) => t('print.common.labelled', { label, value });
  const qrFit = Math.round((paper === 'A4' ? 100 : 72) * (options.compact ? 0.9 : 1));

  const longUnitNames = unit.brand.length + unit.model.length > (paper === 'A4' ? 40 : 28);
  const details = fieldTable([
    { heading: k('customer.heading') },
    { label: k('customer.name'), value: customer.name, bold: true },
    { label: k('customer.phone'), value: formatPhone(customer.phone) },
    { label: k('customer.address'), value: customer.address ?? none, wide: true },
    { heading: k('unit.heading') },
    // Long names wrap into tall narrow cells side by side; give them a row each instead.
    { label: k('unit.brand'), value: unit.brand, wide: longUnitNames },
    { label: k('unit.model'), value: unit.model, wide: longUnitNames },
    { label: k('unit.serial'), value: unit.serial, wide: true, bold: true },
    { label: k('unit.purchaseDate'), value: date(unit.purchaseDate) },
    { label: k('unit.acceptanceDate'), value: date(unit.acceptanceDate) },
  ]);

  const qr: Content = {
    width: qrFit + 8,
    stack: [
      // Exactly the serial number, nothing around it: a phone or scanner reads it straight in.
      { qr: unit.serial, fit: qrFit, eccLevel: 'M', alignment: 'center' },
      { text: k('qrCaption'), style: 'small', alignment: 'center', margin: [0, 3, 0, 0] },
    ],
  };

  // A place for the company's seal, with the issue date: the seal carries the company name.
  const issuer: Content = {
    columns: [
      { width: '*', text: '' },
      {
        width: paper === 'A4' ? '45%' : '55%',
        stack: [signatureBlock(t, [k('issuer')], { date: date(data.issuedOn), height: setup.gap * 2.5 })],
      },
    ],
    margin: [0, setup.gap * 0.5, 0, 0],
    unbreakable: true,
  };

  const content: Content[] = [
    letterhead(settings, t),
    {
      columns: [
        { width: '*', text: k('title'), style: 'title' },
        { width: 'auto', text: labelled(k('number'), number), style: 'documentNumber', noWrap: true, margin: [0, 10 * setup.scale, 0, 0] },
      ],
      margin: [0, setup.gap * 0.6, 0, setup.gap * 0.5],
    },
    { columns: [{ width: '*', stack: [details] }, qr], columnGap: 10 },
    { text: k('warranty.heading'), style: 'sectionHeading' },
    keyFigures([
      { label: k('warranty.basis'), value: t(`warrantyBasis.${w.basis}`) },
      { label: k('warranty.start'), value: date(w.start) },
      { label: k('warranty.term'), value: t('months', { count: w.months }) },
      { label: k('warranty.end'), value: date(w.end), note: k('warranty.endNote'), strong: true },
    ]),
    { text: k('warranty.startNotCounted'), style: 'note', margin: [0, 2, 0, 0] },
    { text: k('claim.heading'), style: 'sectionHeading' },
    numberedList([
      t('print.warrantyCard.claim.call', { hotline: formatPhone(settings.hotline), number }),
      k('claim.keep'),
      k('claim.check'),
    ]),
    { text: k('notCovered.heading'), style: 'sectionHeading' },
    bulletList(
      NOT_COVERED.map((key) => k(`notCovered.${key}`)),
      2,
    ),
    issuer,
  ];

  return {
    pageSize: setup.pageSize,
    pageOrientation: 'portrait',
    pageMargins: setup.pageMargins,
    defaultStyle: setup.defaultStyle,
    styles: setup.styles,
    language: lang,
    content,
    footer: footer(number, date(data.issuedOn), t, setup.pageMargins[0]),
  };
}

export interface RenderedWarrantyCard {
  pdf: Buffer;
  /** Characters of the printed text the font has no glyph for (they print as empty boxes). */
  missingGlyphs: string[];
  /** 1, unless the data is too long even for the compact layout. */
  pages: number;
}

/**
 * Renders the card on one page: in the normal layout, or in the compact one when the data is
 * too long for it. The caller should warn when `missingGlyphs` is not empty or `pages` > 1.
 */
export async function renderWarrantyCard(data: WarrantyCardData, lang: Language, paper: Paper): Promise<RenderedWarrantyCard> {
  const t = translator(lang);
  const meta = {
    title: `${t('print.warrantyCard.title')} ${data.number}`,
    subject: `${data.unit.brand} ${data.unit.model} ${data.unit.serial}`,
    author: data.settings.companyName,
    creator: t('appName'),
    producer: 'pdfmake',
  };
  let definition = warrantyCardDefinition(data, lang, paper);
  let rendered = await renderPdfDocument(definition, meta);
  if (rendered.pages > 1) {
    definition = warrantyCardDefinition(data, lang, paper, { compact: true });
    rendered = await renderPdfDocument(definition, meta);
  }
  return { ...rendered, missingGlyphs: missingGlyphs(documentText(definition), pdfFonts()) };
}
