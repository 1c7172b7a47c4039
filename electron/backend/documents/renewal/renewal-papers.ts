import type { ServiceLevelTerms } from '../../../../shared/domain/sla';
import type { PlanLine } from '../../../../shared/domain/visit-plan';
import { formatPhone } from '../../../../shared/format';
import type { Language } from '../../../../shared/i18n';
import { planLineText } from '../../../../shared/plan-text';
import type { Customer } from '../../../../shared/schemas/customer';
import type { Paper } from '../../../../shared/schemas/document';
import type { ContractKind } from '../../../../shared/schemas/maintenance';
import type { Settings } from '../../../../shared/schemas/settings';
import { amountInWords } from '../kit/amount-in-words';
import { documentCtx, documentPage, type DocumentCtx } from '../kit/context';
import type { Content, TDocumentDefinitions, Width } from '../kit/definition';
import { renderFitting, type RenderedDocument } from '../kit/fitting';
import { checkboxes, dataTable, fieldTable, signatureBlock, type FieldRow } from '../kit/forms';
import { bulletList, keptSection, labelled, letterhead, MM } from '../kit/layout';
import type { CardCtx, WarrantyCardData } from '../warranty-card/card-data';
import { promisesSection } from '../warranty-card/card-terms';

/*
 * The renewal papers (续保): the renewal notice sent before a contract or a whole-unit warranty
 * ends (what ends when, what a renewal covers, its price, how to renew, a reply to sign), and,
 * for a customer who does not renew, the note of what to mind once service ends (routine care,
 * repairs still available at a charge, how to reach the company). Built on the document kit.
 */

export type RenewalPaper = 'notice' | 'endNote';

export interface RenewalPaperData {
  number: string;
  issuedOn: string;
  settings: Settings;
  customer: Customer;
  /** The contract that ends; null: a unit's whole-unit warranty ends with no contract. */
  contract: { number: string; kind: ContractKind; startsOn: string; endsOn: string; paymentTerms: string | null } | null;
  units: { label: string; serial: string; site: string | null; components: { name: string; end: string | null; provisional: boolean }[] }[];
  /** The last day covered. */
  endsOn: string;
  /** The renewed term and its visit plan. */
  next: { startsOn: string; endsOn: string };
  plan: Pick<PlanLine, 'kind' | 'repeat' | 'n' | 'offsets' | 'from' | 'to'>[];
  /** The renewal's price; null: written in by hand. */
  priceFen: number | null;
  /** The configured price per unit the price was worked out from (a unit without contract). */
  perUnitFen: number | null;
  serviceLevelName: string | null;
  serviceLevel: ServiceLevelTerms | null;
}

interface Ctx extends DocumentCtx {
  data: RenewalPaperData;
  k: (key: string, params?: Record<string, unknown>) => string;
}

function head(c: Ctx, paper: RenewalPaper): Content[] {
  const { t, k, data, setup } = c;
  const { customer } = data;
  const rows: FieldRow[] = [
    { label: k('customer'), value: customer.name, bold: true },
    { label: k('contact'), value: formatPhone(customer.phone) },
    ...(customer.address ? [{ label: k('address'), value: customer.address, wide: true }] : []),
  ];
  return [
    letterhead(data.settings, t, { logoHeight: (setup.paper === 'A4' ? 14 : 11) * MM }),
    {
      columns: [
        { width: '*', text: k(`title.${paper}`), style: 'title' },
        { width: 'auto', text: labelled(t, k('number'), data.number), style: 'documentNumber', bold: true, alignment: 'right' },
      ],
      margin: [0, setup.gap * 0.5, 0, setup.gap * 0.4],
    },
    fieldTable(rows, 2),
  ];
}

function intro(c: Ctx, key: 'intro' | 'endIntro'): Content[] {
  const { k, data, date, setup } = c;
  const subject = data.contract ? 'contract' : 'warranty';
  return [
    { text: k('greeting', { name: data.customer.name }), style: 'fieldValue', bold: true, margin: [0, setup.gap / 2, 0, 2] },
    { text: k(`${key}.${subject}`, { number: data.contract?.number ?? '', date: date(data.endsOn) }), style: 'fieldValue' },
  ];
}

/** What ends when: the contract and its units, or each unit's warranty per component with its last covered day. */
function endsSection(c: Ctx, paper: RenewalPaper): Content {
  const { k, t, data, date, setup } = c;
  const wide = setup.paper === 'A4';
  const body: Content[] = [];
  if (data.contract) {
    const level = data.serviceLevelName ?? k('covers.levelNone');
    body.push(
      fieldTable(
        [
          { label: k('ends.contract'), value: data.contract.number, bold: true },
          { label: k('ends.kind'), value: t(`maintenance.contract.kind.${data.contract.kind}`) },
          { label: k('ends.term'), value: k('covers.termValue', { from: date(data.contract.startsOn), to: date(data.contract.endsOn) }) },
          { label: k('ends.lastDay'), value: date(data.endsOn), bold: true },
          // The level matters to what a renewal keeps; the note for a customer leaving says what ends.
          ...(paper === 'notice' ? [{ label: k('ends.level'), value: level, wide: true }] : []),
        ],
        2,
      ),
    );
    const rows = data.units.map((u, i): Content[] => [
      { text: String(i + 1), style: 'tableCell', alignment: 'right' },
      u.label,
      { text: u.serial, style: 'tableCell' },
      ...(wide ? [u.site ?? date(null)] : []),
    ]);
    const headings = ['no', 'model', 'serial', ...(wide ? ['site'] : [])].map((key) => k(`ends.column.${key}`));
    const widths: Width[] = wide ? ['auto', '*', 'auto', '*'] : ['auto', '*', 'auto'];
    body.push({ text: k('ends.units'), style: 'fieldLabel', margin: [0, setup.gap / 3, 0, 2] }, dataTable(headings, rows, widths));
  } else {
    const rows = data.units.flatMap((u) =>
      u.components.map((comp, i): Content[] => [
        i === 0 ? { text: `${u.label}\n${u.serial}`, style: 'tableCell' } : '',
        comp.name,
        { text: `${date(comp.end)}${comp.provisional ? k('ends.provisional') : ''}`, style: 'tableCell', bold: i === 0 },
      ]),
    );
    const headings = ['model', 'component', 'lastDay'].map((key) => k(`ends.column.${key}`));
    body.push(dataTable(headings, rows, ['*', '*', 'auto']));
  }
  return keptSection(k('ends.heading'), ...body);
}

/** The renewed term, the visit plan it brings and the service level's promises (the card's own words). */
function coversSection(c: Ctx): Content[] {
  const { k, data, date, lang, t } = c;
  const plan = data.plan.length > 0 ? data.plan.map((l) => planLineText(l, t, lang)) : [k('covers.noPlan')];
  const rows: FieldRow[] = [
    { label: k('covers.term'), value: k('covers.termValue', { from: date(data.next.startsOn), to: date(data.next.endsOn) }), bold: true },
    { label: k('covers.level'), value: data.serviceLevelName ?? k('covers.levelNone') },
  ];
  // The promises as the warranty card words them: same level, same settings, same sentences.
  const card: CardCtx = { ...c, data: { settings: data.settings, serviceLevel: data.serviceLevel } as WarrantyCardData, k: (key, params) => t(`print.warrantyCard.${key}`, params ?? {}) };
  return [keptSection(k('covers.heading'), fieldTable(rows, 2), { text: k('covers.plan'), style: 'fieldLabel', margin: [0, c.setup.gap / 3, 0, 2] }, bulletList(plan)), promisesSection(card)];
}

function priceSection(c: Ctx): Content {
  const { k, data, money, lang } = c;
  const rows: FieldRow[] =
    data.priceFen === null
      ? [{ label: k('price.amount'), value: k('price.blank'), wide: true, write: 26 }]
      : [
          {
            label: k('price.amount'),
            value: data.perUnitFen === null ? money(data.priceFen) : k('price.withPerUnit', { amount: money(data.priceFen), perUnit: k('price.perUnit', { price: money(data.perUnitFen), count: data.units.length }) }),
            bold: true,
            wide: true,
          },
          { label: k('price.inWords'), value: amountInWords(data.priceFen, lang), wide: true },
        ];
  if (data.contract?.paymentTerms) rows.push({ label: k('price.terms'), value: data.contract.paymentTerms, wide: true });
  return keptSection(k('price.heading'), fieldTable(rows, 2));
}

function howSection(c: Ctx): Content {
  const { k, data, date, setup, t } = c;
  const reply: Content = {
    stack: [
      { text: k('reply.heading'), style: 'sectionHeading' },
      checkboxes([k('reply.renew'), k('reply.decline')]),
      fieldTable([{ label: k('reply.remark'), value: '', wide: true, write: 30 }], 1),
      { stack: [signatureBlock(t, [k('reply.customerSignature'), k('reply.companySignature')], { height: setup.gap * 2 })], margin: [0, setup.gap / 2, 0, 0] },
    ],
    unbreakable: true,
  };
  return {
    stack: [keptSection(k('how.heading'), { text: k('how.text', { date: date(data.endsOn) }), style: 'fieldValue' }, { text: k('how.hotline', { hotline: formatPhone(data.settings.hotline) }), style: 'fieldValue', bold: true }), reply],
  };
}

function endNoteBody(c: Ctx): Content[] {
  const { k, data, t, setup } = c;
  const ends = [k('end.whatEndsLines.' + (data.contract ? 'contract' : 'warranty')), k('end.whatEndsLines.response')];
  const mind = ['manual', 'power', 'filters', 'elevator', 'noDiy', 'records'].map((key) => k(`end.mind.lines.${key}`));
  const repairs = [k('end.repairs.paid'), ...(data.settings.service.lifetimeMaintenance ? [k('end.repairs.lifetime')] : []), k('end.repairs.phone'), k('end.again')];
  const contact: FieldRow[] = [{ label: t('print.common.hotline'), value: formatPhone(data.settings.hotline), bold: true }];
  const person = data.settings.serviceContact;
  if (person.department || person.person) contact.push({ label: t('print.warrantyCard.promises.contact.person'), value: [person.department, person.person].filter(Boolean).join(' ') });
  if (person.phone) contact.push({ label: t('print.warrantyCard.promises.contact.phone'), value: formatPhone(person.phone) });
  return [
    keptSection(k('end.whatEnds'), bulletList(ends)),
    keptSection(k('end.mind.heading'), bulletList(mind)),
    keptSection(k('end.repairs.heading'), bulletList(repairs)),
    keptSection(k('end.contactHeading'), fieldTable(contact, 2)),
    // One row to sign and date: the note is one sheet even on A5.
    { stack: [fieldTable([{ label: k('end.signRow'), value: '', write: 28 }, { label: k('date'), value: '', write: 28 }], 2)], margin: [0, setup.gap / 2, 0, 0], unbreakable: true },
  ];
}

export function renewalPaperDefinition(paper: RenewalPaper, data: RenewalPaperData, lang: Language, size: Paper, options: { compact?: boolean } = {}): TDocumentDefinitions {
  const base = documentCtx(lang, size, options);
  const c: Ctx = { ...base, data, k: (key, params) => base.t(`renewalPrint.${key}`, params ?? {}) };
  const content: Content[] =
    paper === 'notice'
      ? [...head(c, paper), ...intro(c, 'intro'), endsSection(c, paper), ...coversSection(c), priceSection(c), howSection(c)]
      : [...head(c, paper), ...intro(c, 'endIntro'), endsSection(c, paper), ...endNoteBody(c)];
  return documentPage(c, content, data);
}

/** Units a typical record has: up to this many, a paper is planned to its sheets (spacing closed up if needed). */
const TYPICAL_UNITS = 5;

/**
 * A renewal paper. For a typical record the note is one sheet, the notice one A4 sheet or two A5
 * pages (its reply slip needs the room); a site with many units runs on, each page after the
 * first headed as a continuation.
 */
export async function renderRenewalPaper(paper: RenewalPaper, data: RenewalPaperData, lang: Language, size: Paper): Promise<RenderedDocument> {
  const c = documentCtx(lang, size);
  const planned = data.units.length > TYPICAL_UNITS ? Number.MAX_SAFE_INTEGER : paper === 'notice' && size === 'A5' ? 2 : 1;
  return renderFitting(({ compact }) => renewalPaperDefinition(paper, data, lang, size, { compact }), planned, {
    title: `${c.t(`renewalPrint.title.${paper}`)} ${data.number}`,
    subject: `${data.customer.name} ${data.contract?.number ?? data.units[0]?.serial ?? ''}`,
    author: data.settings.companyName,
    lang,
  });
}
