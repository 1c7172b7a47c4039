import { DEFAULT_WARRANTY_RULES, EXCLUSION_REASONS, type Explanation, type WarrantyEvaluation } from '../../../../shared/domain/warranty-engine';
import { formatPhone } from '../../../../shared/format';
import { translator, type Language } from '../../../../shared/i18n';
import type { Customer } from '../../../../shared/schemas/customer';
import type { Paper } from '../../../../shared/schemas/document';
import type { Settings } from '../../../../shared/schemas/settings';
import type { Unit } from '../../../../shared/schemas/unit';
import { dataTable, fieldTable, SEAL_MM, sealPlace, type FieldRow } from '../kit/forms';
import { bulletList, labelled, letterhead, MM, notes, numberedList, sectionHeading, type PageSetup } from '../kit/layout';
import type { Content, TDocumentDefinitions } from '../kit/definition';
import { returnSlip } from './return-slip';
import { documentCtx, documentPage, type DocumentCtx } from '../kit/context';
import { renderFitting, type RenderedDocument } from '../kit/fitting';

/** Bump when the printed layout or wording changes, so archived copies can be told apart. */
export const WARRANTY_CARD_TEMPLATE_VERSION = 2;

export interface WarrantyCardData {
  /** The card number, as printed. */
  number: string;
  /** The day the card is issued, YYYY-MM-DD. */
  issuedOn: string;
  settings: Settings;
  customer: Customer;
  unit: Unit;
}

export interface WarrantyCardOptions {
  /** Smaller type and margins, for data too long to fit the pages otherwise. */
  compact?: boolean;
}

/**
 * The pages the card is laid out for. A4: the card with its return slip below a cut line, on
 * one page. A5 is too small for both: the card on page 1, the return slip alone on page 2.
 */
export function warrantyCardPages(paper: Paper): number {
  return paper === 'A4' ? 1 : 2;
}

/** The words and helpers every section below needs. */
interface Ctx extends DocumentCtx {
  data: WarrantyCardData;
  /** A text under `print.warrantyCard.`. */
  k: (key: string, params?: Record<string, unknown>) => string;
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
  const detached = warrantyCardPages(paper) > 1;

  const content: Content[] = [
    // The logo fits a box 14 mm tall on A4, 11 mm on A5.
    letterhead(data.settings, t, { logoHeight: (paper === 'A4' ? 14 : 11) * MM * (options.compact ? 0.88 : 1) }),
    titleRow(c),
    { columns: [{ width: '*', stack: [details(c)] }, qrAndSeal(c)], columnGap: 10 },
    ...coverageSection(c),
    ...exclusionSection(c),
    // A5: how to claim and what is not covered head the slip's page, which has room for them.
    ...(detached ? [{ stack: [...claimSection(c, detached), ...notCoveredSection(c, 2)], pageBreak: 'before' as const }] : claimSection(c, detached)),
    returnSlip({ t, lang, setup, number: data.number, settings: data.settings, customer: data.customer, unit: data.unit }, { detached, pageBreak: false }),
  ];

  return documentPage(c, content, data);
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

function details({ k, date, setup, data }: Ctx): Content {
  const { customer, unit } = data;
  const none = date(null);
  // Long names wrap into tall narrow cells side by side; give them a row each instead.
  const longNames = unit.brand.length + unit.model.length > (setup.paper === 'A4' ? 40 : 28);
  const rows: FieldRow[] = [
    { heading: k('customer.heading') },
    { label: k('customer.name'), value: customer.name, bold: true },
    { label: k('customer.phone'), value: formatPhone(customer.phone) },
    { label: k('customer.address'), value: customer.address ?? none, wide: true },
    { heading: k('unit.heading') },
    { label: k('unit.brand'), value: unit.brand, wide: longNames },
    { label: k('unit.model'), value: unit.model, wide: longNames, code: true },
    { label: k('unit.category'), value: unit.category },
    { label: k('unit.invoiceNumber'), value: unit.invoiceNumber ?? none, code: true },
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

/**
 * The seal's square: 42 mm on A4. On A5 a column that wide squeezes the unit's grid into more
 * lines than the card's page holds with long data, so it is 32 mm there (a 30 mm round seal).
 */
const sealMm = (setup: PageSetup) => (setup.paper === 'A4' ? SEAL_MM : 32);

/** The QR code of the serial, and under it the place for the company's seal and the issue date. */
function qrAndSeal({ t, k, date, setup, data }: Ctx): Content {
  const fit = Math.round((setup.paper === 'A4' ? 96 : 72) * (setup.scale < 0.85 ? 0.9 : 1));
  return {
    width: Math.max(fit + 8, sealMm(setup) * MM + 2),
    stack: [
      // Exactly the serial number, nothing around it: a phone or scanner reads it straight in.
      { qr: data.unit.serial, fit, eccLevel: 'M', alignment: 'center' },
      { text: k('qrCaption'), style: 'small', alignment: 'center', margin: [0, 3, 0, setup.gap / 2] },
      // The seal carries the company name: the square takes a 40 mm stamp whole.
      sealPlace(t, k('issuer'), date(data.issuedOn), (setup.styles.fieldLabel?.fontSize ?? 9) * 1.3, sealMm(setup)),
    ],
  };
}

/** Component reasons worth printing under the table: the table already shows terms and states. */
const COMPONENT_NOTES = new Set(['warranty.component.extended', 'warranty.term.holiday']);

/**
 * The start (basis and date, with the engine's reasons), each component's term, last covered
 * day and state, then what the customer should know about counting and extending the terms.
 */
function coverageSection({ t, k, date, explain, setup, data, lang }: Ctx): Content[] {
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
    { text: date(comp.end), style: 'tableCell', bold: true, noWrap: true },
    { text: t(`warrantyState.${comp.state}`), style: 'tableCell', noWrap: true },
  ]);
  const table = dataTable(
    [k('coverage.component'), k('coverage.term'), k('coverage.end'), k('coverage.state', { date: date(w.on) })],
    rows,
    ['*', 'auto', 'auto', 'auto'],
  );
  // The company's own rules, as the engine applied them (older saved settings fall back to the defaults).
  const rules = data.settings.warrantyRules ?? DEFAULT_WARRANTY_RULES;
  const lines = [
    ...w.components.flatMap((comp) =>
      comp.reasons.filter((r) => COMPONENT_NOTES.has(r.key)).map((r) => k('coverage.componentNote', { name: nameOf(comp), note: explain(r) })),
    ),
    k('start.notCounted'),
    ...(rules.extendPastHoliday ? [k('coverage.holidayRule')] : []),
    k('terms.parts', { free: t('months', { count: rules.partInWarrantyMonths }), paid: t('months', { count: rules.partPaidMonths }) }),
    k('terms.downtime', { count: rules.downtimeExtensionDays }),
  ];
  return [
    sectionHeading(k('coverage.heading')),
    start,
    // "Counted from the acceptance date (2026-03-05)" says again what the line above says; only
    // the reasons for a fallback (no acceptance date, an unproven purchase) are printed.
    { stack: [notes(w.start.reasons.filter((r) => !r.key.startsWith('warranty.start.from')).map(explain))], margin: [0, 0, 0, setup.gap / 3] },
    table,
    { ul: lines, style: ['list', 'note'], margin: [0, setup.gap / 4, 0, 0] },
  ];
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
  return [sectionHeading(k('exclusions.heading')), { ul: lines, style: 'list', bold: true }];
}

function claimSection(c: Ctx, detached: boolean): Content[] {
  const { k, setup, data } = c;
  const { settings, number } = data;
  const claim = [
    k('claim.call', { hotline: formatPhone(settings.hotline), number }),
    k('claim.keep'),
    k('claim.check'),
    k(detached ? 'claim.returnSlipNextPage' : 'claim.returnSlipBelow'),
  ];
  if (settings.complaintLine) claim.push(k('claim.complaint', { complaintLine: formatPhone(settings.complaintLine) }));
  const claimBlock: Content[] = [sectionHeading(k('claim.heading')), numberedList(claim)];
  // Beside the claim on A4; on A5 at the head of the return slip's page (see the definition).
  if (setup.paper === 'A4') {
    return [{ columns: [{ width: '55%', stack: claimBlock }, { width: '*', stack: notCoveredSection(c, 1) }], columnGap: 16 }];
  }
  return claimBlock;
}

/** What the warranty does not cover, in `columns` columns. */
function notCoveredSection({ t, k }: Ctx, columns: 1 | 2): Content[] {
  const notCovered = [...EXCLUSION_REASONS.map((r) => t(`exclusionReason.${r}`)), k('notCovered.expired')];
  return [sectionHeading(k('notCovered.heading')), bulletList(notCovered, columns)];
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
