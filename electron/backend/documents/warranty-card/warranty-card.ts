import { DEFAULT_WARRANTY_RULES, LAST_DAY_MOVED_KEYS, restDayRuleNote, type Explanation, type WarrantyEvaluation } from '../../../../shared/domain/warranty-engine';
import { formatPhone } from '../../../../shared/format';
import { translator, type Language } from '../../../../shared/i18n';
import type { Paper } from '../../../../shared/schemas/document';
import { dataTable, fieldTable, SEAL_MM, sealPlace, type FieldRow } from '../kit/forms';
import { keptSection, labelled, letterhead, MM, notes, type PageSetup } from '../kit/layout';
import type { Content, TDocumentDefinitions } from '../kit/definition';
import { returnSlip, type ReturnSlipData } from './return-slip';
import { slipBand, type SlipBand } from './slip-band';
import { documentCtx, documentPage } from '../kit/context';
import { renderFitting, type RenderedDocument } from '../kit/fitting';
import type { CardCtx as Ctx, WarrantyCardData } from './card-data';
import { claimSection, notCoveredSection, promisesSection, rulesSection, slipReturn } from './card-terms';

export type { WarrantyCardData } from './card-data';

export interface WarrantyCardOptions {
  /** Smaller type and margins, for data too long to fit the pages otherwise. */
  compact?: boolean;
}

/**
 * The pages the card is laid out for, each paper for itself:
 * - A4, one sheet printed on both sides: the front is the card (the unit, its QR code and the
 *   seal, each component's cover); the back the service promises, the 三包 and warranty rules,
 *   how to claim and what is not covered. Across the foot of both, below a cut line, the return
 *   slip: to fill in on the back, its mailing face on the front (slip-band.ts), so cutting it
 *   off takes nothing of the card. Data too long for that band gets the slip on a page 3.
 * - A5, too small for a card and its terms on one side: the card on page 1, the promises, rules,
 *   how to claim and what is not covered on page 2, the return slip alone on page 3.
 * Each part starts its own page, so a short card never pulls the terms forward.
 */
export function warrantyCardPages(paper: Paper): number {
  return paper === 'A4' ? 2 : 3;
}

/** The warranty card (保修卡) as a pdfmake definition: data in, definition out, nothing else. */
export function warrantyCardDefinition(
  data: WarrantyCardData,
  lang: Language,
  paper: Paper,
  options: WarrantyCardOptions = {},
): TDocumentDefinitions {
  const base = documentCtx(lang, paper, options);
  const { t, setup } = base;
  const c: Ctx = { ...base, data, k: (key, params) => t(`print.warrantyCard.${key}`, params ?? {}) };
  const a4 = paper === 'A4';
  const slipData: ReturnSlipData = { t, lang, setup, number: data.number, customer: data.customer, unit: data.unit, back: slipReturn(c) };
  // A4: the slip in a band across the foot of the sheet, unless the data is too long for it.
  const band = a4 ? slipBand(slipData) : null;
  const page = (stack: Content[]): Content => ({ stack, pageBreak: 'before' });

  const card: Content[] = [
    // The logo fits a box 14 mm tall on A4, 11 mm on A5.
    letterhead(data.settings, t, { logoHeight: (a4 ? 14 : 11) * MM * (options.compact ? 0.88 : 1) }),
    titleRow(c),
    { columns: [{ width: '*', stack: [details(c)] }, qrAndSeal(c)], columnGap: 10 },
    coverageSection(c),
    ...exclusionSection(c),
  ];
  const claimAndNotCovered: Content = a4
    ? { columns: [{ width: '52%', stack: [claimSection(c, band !== null)] }, { width: '*', stack: [notCoveredSection(c, 1)] }], columnGap: 16 }
    : { stack: [claimSection(c, band !== null), notCoveredSection(c, 2)] };
  const content: Content[] = [
    ...card,
    page([promisesSection(c), rulesSection(c), claimAndNotCovered]),
    ...(band ? [] : [page([returnSlip(slipData)])]),
  ];
  const definition = documentPage(c, content, data);
  return band ? withBand(definition, band, setup) : definition;
}

/**
 * The definition with the slip's band in the bottom margin of pages 1 (its mailing face) and 2
 * (the slip), at the same height on both; the page footer keeps its place at the foot.
 */
function withBand(definition: TDocumentDefinitions, band: SlipBand, setup: PageSetup): TDocumentDefinitions {
  const [left, top, right, bottom] = setup.pageMargins;
  const footer = definition.footer!;
  return {
    ...definition,
    pageMargins: [left, top, right, bottom + band.height],
    // The band in a row of its own height, so the page footer keeps its place below it.
    footer: (page, pages, size) => ({
      stack: [
        { table: { widths: ['*'], heights: [band.height], body: [[page <= 2 ? (page === 1 ? band.face : band.slip) : '']] }, layout: 'noBorders', margin: [left, 0, right, 0] },
        footer(page, pages, size),
      ],
    }),
  };
}

function titleRow({ k, t, setup, data }: Ctx): Content {
  return {
    columns: [
      { width: '*', text: k('title'), style: 'title' },
      {
        width: 'auto',
        text: labelled(t, k('number'), data.number),
        style: 'documentNumber',
        noWrap: true,
        margin: [0, 10 * setup.scale, 0, 0],
      },
    ],
    margin: [0, setup.gap * 0.5, 0, setup.gap * 0.4],
  };
}

/** Width in half-width characters: a Chinese character counts two. */
const halfWidths = (text: string) => [...text].reduce((n, ch) => n + (/[\u2e80-\uffff]/u.test(ch) ? 2 : 1), 0);

function details({ k, date, setup, data }: Ctx): Content {
  const { customer, unit } = data;
  const none = date(null);
  const a4 = setup.paper === 'A4';
  // Long names wrap into tall narrow cells side by side; give them a row each instead. On A5 the
  // seal's 42 mm column leaves the grid about 240 pt: two short values (dates, a phone) share a
  // row, anything longer than about six Chinese characters takes one of its own.
  const longNames = unit.brand.length + unit.model.length > 40;
  const own = (value: string, long: boolean) => (a4 ? long : halfWidths(value) > 12);
  const rows: FieldRow[] = [
    { heading: k('customer.heading') },
    { label: k('customer.name'), value: customer.name, bold: true, wide: own(customer.name, false) },
    { label: k('customer.phone'), value: formatPhone(customer.phone) },
    { label: k('customer.address'), value: customer.address ?? none, wide: true },
    { heading: k('unit.heading') },
    { label: k('unit.brand'), value: unit.brand, wide: own(unit.brand, longNames) },
    { label: k('unit.model'), value: unit.model, wide: own(unit.model, longNames), code: true },
    { label: k('unit.category'), value: unit.category, wide: own(unit.category, false) },
    { label: k('unit.invoiceNumber'), value: unit.invoiceNumber ?? none, wide: own(unit.invoiceNumber ?? none, false), code: true },
    { label: k('unit.serial'), value: unit.serial, wide: true, bold: true, code: true },
    { label: k('unit.purchaseDate'), value: date(unit.purchaseDate) },
    { label: k('unit.installDate'), value: date(unit.installDate) },
    { label: k('unit.acceptanceDate'), value: date(unit.acceptanceDate) },
  ];
  // The production date matters only when the warranty counts from it (no invoice).
  if (unit.warranty.start.basis === 'production') rows.push({ label: k('unit.productionDate'), value: date(unit.productionDate) });
  if (unit.siteAddress) rows.push({ label: k('unit.siteAddress'), value: unit.siteAddress, wide: true });
  return fieldTable(rows);
}

/** The QR code of the serial, and under it the place for the company's seal and the issue date. */
function qrAndSeal({ t, k, date, setup, data }: Ctx): Content {
  const fit = Math.round((setup.paper === 'A4' ? 96 : 72) * (setup.scale < 0.85 ? 0.9 : 1));
  return {
    width: Math.max(fit + 8, SEAL_MM * MM + 2),
    stack: [
      // Exactly the serial number, nothing around it: a phone or scanner reads it straight in.
      { qr: data.unit.serial, fit, eccLevel: 'M', alignment: 'center' },
      { text: k('qrCaption'), style: 'small', alignment: 'center', margin: [0, 3, 0, setup.gap / 2] },
      // The seal carries the company name: the square takes a 40 mm stamp whole.
      sealPlace(t, k('issuer'), date(data.issuedOn), (setup.styles.fieldLabel?.fontSize ?? 9) * 1.3),
    ],
  };
}

/** Component reasons worth printing under the table: the table shows terms and states, and stars a moved last day. */
const COMPONENT_NOTES = new Set<string>(['warranty.component.extended']);
const MOVED = new Set<string>(LAST_DAY_MOVED_KEYS.filter((key) => key !== 'warranty.term.provisional'));

/**
 * The start (basis and date, with the engine's reasons), each component's term, last covered
 * day and state, then how its dates are counted. The rules that change them (part cover,
 * downtime extension) are with the other rules, in the terms.
 */
function coverageSection({ t, k, date, explain, setup, data, lang }: Ctx): Content {
  const w: WarrantyEvaluation = data.unit.warranty;
  // An English card prints the policy's English names where it has them.
  const english = new Map(data.unit.policy.components.map((c) => [c.key, c.nameEn ?? null]));
  const nameOf = (comp: { key: string; name: string }) => (lang === 'en' ? (english.get(comp.key) ?? comp.name) : comp.name);
  const start: Content = {
    text: [
      labelled(t, k('start.basis'), ''),
      { text: w.start.basis ? t(`warrantyBasis.${w.start.basis}`) : date(null), bold: true },
      '\u3000\u3000',
      labelled(t, k('start.date'), ''),
      { text: date(w.start.date), bold: true },
    ],
    style: 'fieldValue',
  };
  const rows = w.components.map((comp): Content[] => [
    nameOf(comp),
    { text: t('months', { count: comp.months }), style: 'tableCell', noWrap: true },
    // A last day moved off a rest day is starred (the rule under the table says why); one moved off
    // a holiday the law gives but the State Council has not yet published may move again: 暂定.
    {
      text: `${date(comp.end)}${comp.reasons.some((r) => MOVED.has(r.key)) ? '*' : ''}${comp.provisional ? ` ${t('warranty.term.provisionalMark')}` : ''}`,
      style: 'tableCell',
      bold: true,
      noWrap: true,
    },
    { text: t(`warrantyState.${comp.state}`), style: 'tableCell', noWrap: true },
  ]);
  // A5 gives the date and state columns a fixed width and wraps their headings: the names keep
  // the room, so eight long names stay one line each and the card stays on its page.
  const a5 = setup.paper === 'A5';
  const table = dataTable(
    [k('coverage.component'), k('coverage.term'), k('coverage.end'), k('coverage.state', { date: date(w.on) })],
    rows,
    a5 ? ['*', 'auto', 64, 64] : ['*', 'auto', 'auto', 'auto'],
    { wrapHeadings: a5 },
  );
  // The company's own rest-day rule, as the engine applied it: none printed when it is off.
  const restDayRule = restDayRuleNote(data.settings.warrantyRules ?? DEFAULT_WARRANTY_RULES);
  const lines = [
    ...w.components.flatMap((comp) =>
      comp.reasons.filter((r) => COMPONENT_NOTES.has(r.key)).map((r) => k('coverage.componentNote', { name: nameOf(comp), note: explain(r) })),
    ),
    k('start.notCounted'),
    ...(restDayRule ? [`${w.components.some((comp) => comp.reasons.some((r) => MOVED.has(r.key))) ? '* ' : ''}${explain(restDayRule)}`] : []),
    // Said once for the card, not per component: the year whose holidays are counted by the law.
    ...new Set(w.components.flatMap((comp) => comp.reasons.filter((r) => r.key === 'warranty.term.provisional').map(explain))),
  ];
  return keptSection(
    k('coverage.heading'),
    start,
    // "Counted from the acceptance date (2026-03-05)" says again what the line above says; only
    // the reasons for a fallback (no acceptance date, an unproven purchase) are printed.
    { stack: [notes(w.start.reasons.filter((r) => !r.key.startsWith('warranty.start.from')).map(explain))], margin: [0, 0, 0, setup.gap / 3] },
    table,
    { ul: lines, style: ['list', 'note'], margin: [0, setup.gap / 4, 0, 0] },
  );
}

/**
 * Each exclusion decided, once: the whole-unit ones come in every component's reasons too.
 * An exclusion is its reason line followed by its scope (and note) lines.
 */
function exclusionSection({ t, k, explain, data }: Ctx): Content[] {
  const w = data.unit.warranty;
  const groups: Explanation[][] = [];
  for (const reasons of [w.reasons, ...w.components.map((comp) => comp.reasons)]) {
    for (const r of reasons) {
      if (!r.key.startsWith('warranty.exclusion.')) continue;
      const follows = /\.(scopeUnit|scopeComponent|note)$/.test(r.key);
      if (follows && groups.length > 0) groups.at(-1)!.push(r);
      else groups.push([r]);
    }
  }
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const group of groups) {
    const line = group.map(explain).join(t('print.common.separator'));
    if (!seen.has(line)) lines.push(line);
    seen.add(line);
  }
  if (lines.length === 0) return [];
  return [keptSection(k('exclusions.heading'), { ul: lines, style: 'list', bold: true })];
}

/**
 * Renders the card on its pages (`warrantyCardPages`): in the normal layout, or in the compact
 * one when the data is too long for it.
 */
export async function renderWarrantyCard(data: WarrantyCardData, lang: Language, paper: Paper): Promise<RenderedDocument> {
  return renderFitting(({ compact }) => warrantyCardDefinition(data, lang, paper, { compact }), warrantyCardPages(paper), {
    title: `${translator(lang)('print.warrantyCard.title')} ${data.number}`,
    subject: `${data.unit.brand} ${data.unit.model} ${data.unit.serial}`,
    author: data.settings.companyName,
    lang,
  });
}
