import { rangeText, type ChecklistItem } from '../../../../shared/domain/checklist';
import { formatPhone } from '../../../../shared/format';
import type { Language } from '../../../../shared/i18n';
import type { VisitInspection, ItemFinding } from '../../../../shared/schemas/checklist';
import type { Customer } from '../../../../shared/schemas/customer';
import type { Paper } from '../../../../shared/schemas/document';
import type { Visit } from '../../../../shared/schemas/maintenance';
import type { Settings } from '../../../../shared/schemas/settings';
import { documentCtx, documentPage, type DocumentCtx } from '../kit/context';
import type { Content, TDocumentDefinitions, Width } from '../kit/definition';
import { renderFitting, type RenderedDocument } from '../kit/fitting';
import { dataTable, fieldTable, signatureBlock, type FieldRow } from '../kit/forms';
import { keptSection, labelled, letterhead, MM, notes } from '../kit/layout';

/*
 * The inspection form (季度巡检表 / 巡检反馈信息单): blank for the technician to take, with every
 * unit's checklist to tick and boxes to write in and a QR code of the visit number that opens the
 * visit when the signed paper comes back; or filled, from what was recorded, for the archive and
 * the customer. Built on the document kit: its type sizes, continuation header and kept sections.
 */

/** A checklist of up to this many items is kept on one page with its unit's heading. */
const KEPT_ROWS = 16;

export interface InspectionFormData {
  /** The document's own number. */
  number: string;
  issuedOn: string;
  settings: Settings;
  customer: Customer;
  visit: Visit;
  inspection: VisitInspection;
  /** Per unit: where it is installed (the site address and the location note). */
  places: Record<number, { site: string | null; location: string | null }>;
  /** Tickets the visit's findings opened, by id. */
  tickets: Record<number, string>;
  /** Print what was recorded, or leave it to fill in. */
  filled: boolean;
}

interface Ctx extends DocumentCtx {
  data: InspectionFormData;
  k: (key: string, params?: Record<string, unknown>) => string;
}

/** The quarter of a day, as printed. */
function period(c: Ctx): string {
  const [year, month] = c.data.visit.dueOn.split('-').map(Number) as [number, number];
  return c.k('quarter', { year, quarter: Math.ceil(month / 3) });
}

function head(c: Ctx): Content[] {
  const { t, k, data, setup, date, moment } = c;
  const { visit, customer, inspection } = data;
  const sites = [...new Set(Object.values(data.places).map((p) => p.site ?? customer.address).filter((s): s is string => !!s))];
  const rows: FieldRow[] = [
    { label: k('customer'), value: customer.name, bold: true },
    { label: k('contact'), value: formatPhone(customer.phone) },
    { label: k('site'), value: sites.join('；') || date(null), wide: true },
    { label: k('visitNumber'), value: visit.number, bold: true },
    { label: k('contractNumber'), value: visit.contractNumber ?? date(null) },
    { label: k('period'), value: period(c) },
    { label: k('due'), value: date(visit.dueOn) },
    { label: k('technician'), value: visit.technicianName ?? '', write: !visit.technicianName },
    { label: k('arrivedAt'), value: data.filled && inspection.arrivedAt ? moment(inspection.arrivedAt) : '', write: !(data.filled && inspection.arrivedAt) },
    { label: k('leftAt'), value: data.filled && inspection.leftAt ? moment(inspection.leftAt) : '', write: !(data.filled && inspection.leftAt) },
  ];
  const qr = setup.paper === 'A4' ? 76 : 62;
  return [
    letterhead(data.settings, t, { logoHeight: (setup.paper === 'A4' ? 14 : 11) * MM }),
    {
      columns: [
        { width: '*', text: k(`title.${visit.kind}`), style: 'title' },
        { width: 'auto', stack: [{ text: labelled(t, k('number'), data.number), style: 'documentNumber', bold: true }], alignment: 'right' },
      ],
      margin: [0, setup.gap * 0.5, 0, setup.gap * 0.4],
    },
    {
      columns: [
        { width: '*', stack: [fieldTable(rows, 2)] },
        // Exactly the visit number: a 2D scanner types it into the desk's search and the visit opens.
        { width: qr + 6, stack: [{ qr: visit.number, fit: qr, eccLevel: 'M', alignment: 'center' }, { text: k('qrCaption'), style: 'small', alignment: 'center' }] },
      ],
      columnGap: 8,
    },
  ];
}

/** One unit's checklist as a table: ticked and written by hand, or as recorded. */
function unitSection(c: Ctx, unit: VisitInspection['units'][number], n: number): Content {
  const { k, data, setup } = c;
  const place = data.places[unit.unitId];
  const heading = k('unitHeading', { n, label: unit.label, serial: unit.serial });
  const sub: Content[] = place?.location ? [{ text: k('location', { location: place.location }), style: 'note' }] : [];
  if (!unit.checklist || unit.checklist.items.length === 0) {
    return keptSection(heading, ...sub, { text: k('noChecklist'), style: 'note' }, fieldTable([{ label: k('column.remark'), value: '', wide: true, write: 60 }], 1));
  }
  const wide = setup.paper === 'A4';
  const text = (item: ChecklistItem) => (c.lang === 'en' && item.textEn ? item.textEn : item.text);
  const rows = unit.checklist.items.map((item, i): Content[] => {
    const found = data.filled ? unit.findings.find((f) => f.key === item.key) : undefined;
    const itemCell: Content = wide ? text(item) : { stack: [{ text: text(item), style: 'tableCell' }, { text: item.standard, style: 'note' }] };
    return [
      { text: String(i + 1), style: 'tableCell', alignment: 'right' },
      itemCell,
      ...(wide ? [item.standard] : []),
      resultCell(c, item, found),
      readingCell(c, item, found),
      found ? remarkText(c, found) : '',
    ];
  });
  const headings = ['no', 'item', ...(wide ? ['standard'] : []), 'result', 'reading', 'remark'].map((key) => k(`column.${key}`));
  const widths: Width[] = wide ? ['auto', '*', '*', 'auto', 'auto', 60] : ['auto', '*', 'auto', 'auto', 44];
  // A unit's checklist moves to the next page whole rather than leave its heading with a row or two;
  // only a checklist longer than a page breaks, its heading row repeated.
  const table = dataTable(headings, rows, widths, { wrapHeadings: true });
  if (rows.length <= KEPT_ROWS) return keptSection(heading, ...sub, table);
  return { stack: [{ stack: [{ text: heading, style: 'sectionHeading' }, ...sub], unbreakable: true }, table] };
}

function resultCell(c: Ctx, item: ChecklistItem, found: ItemFinding | undefined): Content {
  const { k } = c;
  if (found) {
    const word = found.answer ? k(`answer.${found.answer}`) : item.answer === 'text' ? (found.text ?? '') : '';
    return { text: word, style: 'tableCell', bold: found.answer === 'fault' };
  }
  if (item.answer === 'check') return { text: k('boxes'), style: 'tableCell', noWrap: c.setup.paper === 'A4' };
  return { text: c.data.filled ? k('notRecorded') : '', style: 'tableCell' };
}

function readingCell(c: Ctx, item: ChecklistItem, found: ItemFinding | undefined): Content {
  const { k } = c;
  if (item.answer !== 'reading') return '';
  const range = rangeText(item);
  const rangeLine: Content = { text: k('range', { range }), style: 'note' };
  if (!found || found.reading === null) {
    return { stack: [{ text: c.data.filled ? k('notRecorded') : k('readingBlank', { unit: item.unit ?? '' }), style: 'tableCell' }, rangeLine] };
  }
  const value = `${found.reading}${item.unit ? ` ${item.unit}` : ''}`;
  // Out of range is said in words and set bold: it reads the same in black-only print.
  const out = found.readingState && found.readingState !== 'ok' ? `（${k(`outOfRange.${found.readingState}`)}）` : '';
  return { stack: [{ text: value + out, style: 'tableCell', bold: out !== '' }, rangeLine] };
}

function remarkText(c: Ctx, found: ItemFinding): Content {
  const ticket = found.ticketNumber ? c.k('ticketOpened', { number: found.ticketNumber }) : '';
  return { text: [found.remark, ticket].filter(Boolean).join(c.t('print.common.separator')), style: 'tableCell' };
}

/** What was fixed on the spot, advice, the customer's feedback and rating, the signatures. */
function closing(c: Ctx): Content {
  const { k, t, data, setup } = c;
  const { inspection, filled } = data;
  const value = (v: string | null) => (filled ? (v ?? '') : '');
  const rows: FieldRow[] = [
    { label: k('fixedOnSpot'), value: value(inspection.fixedOnSpot), wide: true, write: filled && inspection.fixedOnSpot ? false : 40 },
    { label: k('advice'), value: value(inspection.advice), wide: true, write: filled && inspection.advice ? false : 34 },
    { label: k('feedback'), value: value(inspection.feedback), wide: true, write: filled && inspection.feedback ? false : 34 },
  ];
  const tickets = Object.values(data.tickets);
  const signed = filled && inspection.signedBy ? [{ text: k('signedBy', { name: inspection.signedBy }), style: 'fieldValue' } satisfies Content] : [];
  return {
    stack: [
      { text: k('findingsHeading'), style: 'sectionHeading' },
      fieldTable(rows, 1),
      ...(tickets.length > 0 ? [notes([`${k('ticketsHeading')}：${tickets.join('、')}`])] : []),
      { columns: [{ width: 'auto', text: labelled(t, k('satisfaction'), ''), style: 'fieldValue' }, { width: '*', text: ratingBoxes(c), style: 'fieldValue' }], columnGap: 6, margin: [0, setup.gap / 2, 0, 0] },
      ...signed,
      { stack: [signatureBlock(t, [k('technicianSignature'), k('customerSignature')], { height: setup.gap * 2 })], margin: [0, setup.gap / 2, 0, 0] },
    ],
    unbreakable: true,
  };
}

function ratingBoxes(c: Ctx): string {
  return [5, 4, 3, 2, 1].map((n) => `□${c.t(`ticketing.satisfaction.${n}`)}`).join('　');
}

export function inspectionFormDefinition(data: InspectionFormData, lang: Language, paper: Paper, options: { compact?: boolean } = {}): TDocumentDefinitions {
  const base = documentCtx(lang, paper, options);
  const c: Ctx = { ...base, data, k: (key, params) => base.t(`inspectionPrint.${key}`, params ?? {}) };
  const content: Content[] = [...head(c), ...data.inspection.units.map((u, i) => unitSection(c, u, i + 1)), closing(c)];
  return documentPage(c, content, data);
}

/** The form runs to as many pages as the site's units need; each after the first is headed as a continuation. */
export async function renderInspectionForm(data: InspectionFormData, lang: Language, paper: Paper): Promise<RenderedDocument> {
  const c = documentCtx(lang, paper);
  return renderFitting(({ compact }) => inspectionFormDefinition(data, lang, paper, { compact }), Number.MAX_SAFE_INTEGER, {
    title: `${c.t(`inspectionPrint.title.${data.visit.kind}`)} ${data.visit.number}`,
    subject: `${data.customer.name} ${period({ ...c, data, k: (key, params) => c.t(`inspectionPrint.${key}`, params ?? {}) })}`,
    author: data.settings.companyName,
    lang,
  });
}
