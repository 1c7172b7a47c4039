import { formatPhone } from '../../../../shared/format';
import type { Language } from '../../../../shared/i18n';
import type { Customer } from '../../../../shared/schemas/customer';
import type { Paper } from '../../../../shared/schemas/document';
import type { Installation } from '../../../../shared/schemas/installation';
import type { Settings } from '../../../../shared/schemas/settings';
import type { Unit } from '../../../../shared/schemas/unit';
import { documentCtx, documentPage, type DocumentCtx } from '../kit/context';
import type { Content, TDocumentDefinitions, Width } from '../kit/definition';
import { renderFitting, type RenderedDocument } from '../kit/fitting';
import { dataTable, fieldTable, SEAL_MM, sealPlace, signatureBlock, type FieldRow } from '../kit/forms';
import { keptSection, labelled, letterhead, MM, notes } from '../kit/layout';

/*
 * The acceptance certificate (设备验收合格书): what was installed where, the trial run and its
 * result, the day of acceptance and who signed it, the warranty start it sets for every unit and
 * the terms that follow from the units' policies, and signature and seal places for both sides.
 * Built on the document kit like every paper: type tables per paper, continuation header, kept
 * sections; a site of dozens of units runs to more pages, the signatures kept together.
 */

export interface AcceptanceCertificateData {
  number: string;
  issuedOn: string;
  settings: Settings;
  customer: Customer;
  installation: Installation;
  /** The installation's units as the warranty engine sees them after acceptance. */
  units: Unit[];
}

interface Ctx extends DocumentCtx {
  data: AcceptanceCertificateData;
  k: (key: string, params?: Record<string, unknown>) => string;
}

function head(c: Ctx): Content[] {
  const { t, k, data, setup, date } = c;
  const { installation: job, customer } = data;
  const rows: FieldRow[] = [
    { label: k('customer'), value: customer.name, bold: true },
    { label: k('contact'), value: formatPhone(customer.phone) },
    { label: k('site'), value: job.siteAddress ?? customer.address ?? date(null), wide: true },
    { label: k('jobNumber'), value: job.number, bold: true },
    { label: k('appointment'), value: date(job.appointmentOn) },
    { label: k('technicians'), value: job.technicians.map((x) => x.name).join('、') || date(null), wide: true },
  ];
  return [
    letterhead(data.settings, t, { logoHeight: (setup.paper === 'A4' ? 14 : 11) * MM }),
    {
      columns: [
        { width: '*', text: k('title'), style: 'title' },
        { width: 'auto', stack: [{ text: labelled(t, k('number'), data.number), style: 'documentNumber', bold: true }], alignment: 'right' },
      ],
      margin: [0, setup.gap * 0.5, 0, setup.gap * 0.4],
    },
    fieldTable(rows, 2),
  ];
}

/** The units, with the warranty start acceptance sets and the whole unit's last covered day. */
function unitsSection(c: Ctx): Content {
  const { k, data, setup, date } = c;
  const wide = setup.paper === 'A4';
  const rows = data.units.map((u, i): Content[] => {
    const whole = u.warranty.components[0];
    const end = whole?.end ? `${date(whole.end)}${whole.provisional ? k('provisional') : ''}` : date(null);
    return [
      { text: String(i + 1), style: 'tableCell', alignment: 'right' },
      wide ? `${u.brand} ${u.model}` : { stack: [{ text: `${u.brand} ${u.model}`, style: 'tableCell' }, { text: u.locationNote ?? '', style: 'note' }] },
      { text: u.serial, style: 'tableCell', bold: true },
      ...(wide ? [u.locationNote ?? ''] : []),
      date(u.warranty.start.date),
      end,
    ];
  });
  const headings = ['no', 'model', 'serial', ...(wide ? ['location'] : []), 'warrantyStart', 'wholeUnitEnd'].map((key) => k(`column.${key}`));
  const widths: Width[] = wide ? ['auto', 'auto', 'auto', '*', 'auto', 'auto'] : ['auto', '*', 'auto', 'auto', 'auto'];
  const table = dataTable(headings, rows, widths, { wrapHeadings: true });
  return rows.length <= 12 ? keptSection(k('unitsHeading', { count: rows.length }), table) : { stack: [{ text: k('unitsHeading', { count: rows.length }), style: 'sectionHeading' }, table] };
}

/** Work done and the trial run (试运转): its days and its result, as recorded. */
function workSection(c: Ctx): Content {
  const { k, data, date } = c;
  const job = data.installation;
  const trial = job.trialStartsOn ? k('trialDays', { from: date(job.trialStartsOn), to: date(job.trialEndsOn) }) : k('noTrial');
  const rows: FieldRow[] = [
    { label: k('workDone'), value: job.workDone ?? '', wide: true, write: !job.workDone },
    { label: k('trial'), value: trial, wide: true },
    { label: k('trialResult'), value: job.trialResult ? k(`result.${job.trialResult}`) : date(null), bold: true },
    { label: k('acceptedOn'), value: date(job.acceptedOn), bold: true },
    ...(job.trialNote ? [{ label: k('trialNote'), value: job.trialNote, wide: true }] : []),
  ];
  return keptSection(k('workHeading'), fieldTable(rows, 2));
}

/** The terms that follow: each policy the units are under, its components and months, counted from acceptance. */
function termsSection(c: Ctx): Content {
  const { k, data, lang } = c;
  const seen = new Map<number, string>();
  for (const u of data.units) {
    if (seen.has(u.policy.id)) continue;
    const parts = u.policy.components.map((p) => k('component', { name: lang === 'en' && p.nameEn ? p.nameEn : p.name, count: p.months }));
    seen.set(u.policy.id, k('policyLine', { name: u.policy.name, terms: parts.join(lang === 'en' ? '; ' : '；') }));
  }
  // A policy counted from purchase is not moved by acceptance: said, so no one reads a later start into it.
  const fromPurchase = data.units.some((u) => u.warranty.start.basis !== 'acceptance');
  const lines = [k('termsStart', { date: c.date(data.installation.acceptedOn) }), ...seen.values(), ...(fromPurchase ? [k('termsOtherBasis')] : []), k('termsCard')];
  return keptSection(k('termsHeading'), notes(lines, 'fieldValue'));
}

function signing(c: Ctx): Content {
  const { k, t, data, setup, date } = c;
  const line = (setup.styles.fieldLabel?.fontSize ?? 8.5) * setup.lineHeight;
  const job = data.installation;
  // Who signed for the customer, and who recorded it at the company, printed above the lines they sign on.
  const side = (who: 'customer' | 'company', signer: string | null): Content => ({
    width: '*',
    stack: [
      { text: k(`side.${who}`), style: 'sectionHeading' },
      ...(signer ? [{ text: k(who === 'customer' ? 'signedBy' : 'handledBy', { name: signer }), style: 'fieldValue' } satisfies Content] : []),
      signatureBlock(t, [k('signature')], { height: setup.gap * 1.5 }),
      // The square takes a 40 mm seal whole; the customer's dated with the acceptance.
      { stack: [sealPlace(t, k('seal'), who === 'customer' ? date(job.acceptedOn) : '', line, SEAL_MM)], margin: [0, setup.gap / 2, 0, 0] },
    ],
  });
  return {
    stack: [
      { text: k('conclusion'), style: 'fieldValue', bold: true, margin: [0, setup.gap / 2, 0, setup.gap / 2] },
      { columns: [side('customer', job.acceptedBy), side('company', job.recordedBy)], columnGap: 24 },
    ],
    unbreakable: true,
  };
}

export function acceptanceCertificateDefinition(data: AcceptanceCertificateData, lang: Language, paper: Paper, options: { compact?: boolean } = {}): TDocumentDefinitions {
  const base = documentCtx(lang, paper, options);
  const c: Ctx = { ...base, data, k: (key, params) => base.t(`installations.print.${key}`, params ?? {}) };
  return documentPage(c, [...head(c), unitsSection(c), workSection(c), termsSection(c), signing(c)], data);
}

/** Planned on one sheet: a longer job is drawn compact first, then runs on, its signatures kept together. */
export async function renderAcceptanceCertificate(data: AcceptanceCertificateData, lang: Language, paper: Paper): Promise<RenderedDocument> {
  const t = documentCtx(lang, paper).t;
  return renderFitting(({ compact }) => acceptanceCertificateDefinition(data, lang, paper, { compact }), 1, {
    title: `${t('installations.print.title')} ${data.number}`,
    subject: `${data.customer.name} ${data.installation.number}`,
    author: data.settings.companyName,
    lang,
  });
}
