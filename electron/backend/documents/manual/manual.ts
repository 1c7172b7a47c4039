import type { ChecklistItem } from '../../../../shared/domain/checklist';
import type { Language } from '../../../../shared/i18n';
import type { ManualChapters } from '../../../../shared/schemas/manual';
import { formatPhone } from '../../../../shared/format';
import type { Paper } from '../../../../shared/schemas/document';
import { documentCtx, documentPage, type DocumentCtx } from '../kit/context';
import type { Content, TDocumentDefinitions, TextNode } from '../kit/definition';
import { missingGlyphs } from '../kit/fonts';
import type { RenderedDocument } from '../kit/fitting';
import { dataTable, fieldTable, type Field } from '../kit/forms';
import { letterhead, MM } from '../kit/layout';
import { documentText, pdfFonts, renderPdfDocument } from '../kit/render';
import { promisesSection, type PromisesCtx } from '../warranty-card/card-terms';
import type { ManualData, ManualModel, ManualUnit } from './manual-data';
import { docContent } from './rich';

export type { ManualData } from './manual-data';

/** Blank log pages at the back: a year of monthly visits and the repairs between them. */
const LOG_PAGES = 2;

interface Ctx extends DocumentCtx {
  data: ManualData;
  k: (key: string, params?: Record<string, unknown>) => string;
}

/** A chapter's heading: starts a page, listed in the contents. */
function chapter(c: Ctx, n: number, key: string): TextNode {
  return { text: c.k('chapter', { n, title: c.k(`chapters.${key}`) }), style: 'chapter', tocItem: true, pageBreak: 'before', tocStyle: { bold: true }, tocMargin: [0, c.setup.gap / 2, 0, 0] };
}

/** A model's or unit's heading inside a chapter: listed in the contents, indented. */
function subheading(text: string): TextNode {
  return { text, style: 'subheading', tocItem: true, tocMargin: [14, 0, 0, 0] };
}

function chaptersOf(c: Ctx, m: ManualModel): { chapters: ManualChapters; fallback: boolean } | null {
  if (!m.body) return null;
  if (c.lang === 'en' && m.body.en) return { chapters: m.body.en, fallback: false };
  return { chapters: m.body.zh, fallback: c.lang === 'en' };
}

function serialsOf(c: Ctx, m: ManualModel): string {
  return c.data.units.filter((u) => u.modelId === m.modelId).map((u) => u.serial).join(c.lang === 'en' ? ', ' : '、');
}

/** Where a model has no content, the chapter says so, boxed, instead of standing blank. */
function unwritten(c: Ctx, m: ManualModel): Content {
  return { table: { widths: ['*'], body: [[{ text: c.k('unwritten', { model: m.label, hotline: formatPhone(c.data.settings.hotline) }), bold: true }]] }, layout: 'fields', margin: [0, c.setup.gap / 2, 0, c.setup.gap] };
}

function modelSection(c: Ctx, m: ManualModel, parts: Array<'description' | 'operation'> | ['troubleshooting']): Content[] {
  const out: Content[] = [subheading(m.label), { text: c.k('usedBy', { serials: serialsOf(c, m) }), style: 'note', margin: [0, 0, 0, c.setup.gap / 2] }];
  const found = chaptersOf(c, m);
  if (!found) return [...out, unwritten(c, m)];
  if (found.fallback) out.push({ text: c.k('notInEnglish'), style: 'note', italics: true, margin: [0, 0, 0, c.setup.gap / 2] });
  for (const part of parts) {
    if (part === 'operation') out.push({ text: c.k('operation'), style: 'richH1' });
    out.push(...docContent(found.chapters[part], { setup: c.setup }));
  }
  return out;
}

function cover(c: Ctx): Content {
  const { data, k, setup } = c;
  const a4 = setup.paper === 'A4';
  const fields: Field[] = [
    { label: k('customer'), value: data.customer.name, bold: true, wide: true },
    { label: k('site'), value: data.installation.siteAddress ?? data.customer.address ?? c.date(null), wide: true },
    { label: k('installation'), value: data.installation.number, code: true },
    { label: k('acceptedOn'), value: c.date(data.installation.acceptedOn) },
    { label: k('number'), value: data.number, code: true, bold: true },
    { label: k('issuedOn'), value: c.date(data.issuedOn) },
  ];
  const unitRows = data.units.map((u) => [`${u.brand} ${u.model}`, { text: u.serial, style: 'tableCell' }, u.locationNote ?? '']);
  return {
    stack: [
      letterhead(data.settings, c.t, { logoHeight: (a4 ? 16 : 12) * MM }),
      { text: k('title'), style: 'coverTitle', margin: [0, setup.contentHeight * 0.12, 0, 4] },
      { text: k('titleEn'), style: 'coverSubtitle', margin: [0, 0, 0, setup.contentHeight * 0.08] },
      fieldTable(fields, 2),
      { text: k('unitsHeading', { count: data.units.length }), style: 'sectionHeading' },
      dataTable([k('fields.model'), k('fields.serial'), k('fields.location')], unitRows, ['*', 'auto', '*']),
    ],
  };
}

function unitTechnical(c: Ctx, u: ManualUnit): Content[] {
  const { k } = c;
  const fields: Field[] = [
    { label: k('fields.model'), value: `${u.brand} ${u.model}`, bold: true, code: true },
    { label: k('fields.category'), value: u.category },
    { label: k('fields.serial'), value: u.serial, code: true, bold: true },
    { label: k('fields.location'), value: u.locationNote ?? c.date(null) },
    { label: k('fields.installDate'), value: c.date(u.installDate) },
    { label: k('fields.acceptanceDate'), value: c.date(u.acceptanceDate) },
  ];
  const values =
    u.values.length > 0
      ? dataTable([k('values.label'), k('values.value'), k('values.note')], u.values.map((v) => [v.label, { text: v.value, style: 'tableCell', bold: true }, v.note ?? '']), ['*', 'auto', '*'])
      : { text: k('values.none'), style: 'note' };
  return [subheading(k('unit', { model: `${u.brand} ${u.model}`, serial: u.serial })), fieldTable(fields, 2), { text: '', margin: [0, c.setup.gap / 2, 0, 0] }, values];
}

function unitSchedule(c: Ctx, u: ManualUnit): Content[] {
  const { k, t } = c;
  const head = subheading(k('unit', { model: `${u.brand} ${u.model}`, serial: u.serial }));
  const s = u.schedule;
  if (!s) return [head, { text: k('schedule.none'), style: 'note' }];
  const kind = (v: string) => t(`maintenance.visit.kind.${v}`);
  const visits = dataTable([k('schedule.due'), k('schedule.kind')], s.visits.map((v) => [c.date(v.dueOn), kind(v.kind)]), ['auto', '*']);
  const standard = (i: ChecklistItem) =>
    i.min !== null || i.max !== null ? `${i.standard}（${k('schedule.range', { min: i.min ?? '', max: i.max ?? '', unit: i.unit ?? '' }).trim()}）` : i.standard;
  const items =
    s.items.length > 0
      ? dataTable(
          [k('schedule.item'), k('schedule.standard'), k('schedule.kinds')],
          s.items.map((i) => [c.lang === 'en' ? (i.textEn ?? i.text) : i.text, standard(i), i.kinds.map(kind).join(c.lang === 'en' ? ', ' : '、')]),
          ['*', '*', 'auto'],
        )
      : { text: k('schedule.noItems'), style: 'note' };
  return [
    head,
    { text: k('schedule.contract', { number: s.contractNumber, from: c.date(s.startsOn), to: c.date(s.endsOn) }), style: 'fieldValue', bold: true },
    { text: k('schedule.visits'), style: 'richH2' },
    visits,
    { text: k('schedule.items', { checklist: s.checklist ?? '' }), style: 'richH2' },
    items,
  ];
}

function unitWarranty(c: Ctx, u: ManualUnit): Content[] {
  const { k, t } = c;
  const rows = u.warranty.map((w) => [
    c.lang === 'en' ? (w.nameEn ?? w.name) : w.name,
    { text: t('months', { count: w.months }), style: 'tableCell', noWrap: true },
    { text: c.date(w.end), style: 'tableCell', bold: true, noWrap: true },
    { text: t(`warrantyState.${w.state}`), style: 'tableCell' },
  ]);
  return [subheading(k('unit', { model: `${u.brand} ${u.model}`, serial: u.serial })), dataTable([k('warranty.component'), k('warranty.months'), k('warranty.end'), k('warranty.state')], rows, ['*', 'auto', 'auto', 'auto'])];
}

/** Pages of empty rows to write in by hand, each with its heading row. */
function logPages(c: Ctx): Content[] {
  const { k, setup } = c;
  const rowHeight = (setup.paper === 'A4' ? 30 : 26);
  // Rows for what is left of a page under the heading and the column heads.
  const rows = Math.floor((setup.contentHeight - 70) / (rowHeight + 1));
  const blank = (): Content[] => [{ text: ' ' }, { text: ' ' }, { text: ' ' }, { text: ' ' }];
  const sheet = (): Content => {
    const table = dataTable([k('log.date'), k('log.work'), k('log.technician'), k('log.customer')], Array.from({ length: rows }, blank), [setup.paper === 'A4' ? 70 : 52, '*', setup.paper === 'A4' ? 60 : 46, setup.paper === 'A4' ? 70 : 52]);
    return { ...table, table: { ...table.table, heights: (i: number) => (i === 0 ? 'auto' : rowHeight) } } as unknown as Content;
  };
  return Array.from({ length: LOG_PAGES }, (_, i) => (i === 0 ? { stack: [{ text: k('log.intro'), style: 'note', margin: [0, 0, 0, 4] }, sheet()] } : { stack: [sheet()], pageBreak: 'before' }));
}

/**
 * The maintenance manual (维修保养手册) of one site as a pdfmake definition: the cover, the
 * contents with the page of each chapter and model, then the chapters in a fixed order. Data in,
 * definition out.
 */
export function manualDefinition(data: ManualData, lang: Language, paper: Paper): TDocumentDefinitions {
  const base = documentCtx(lang, paper);
  const c: Ctx = { ...base, data, k: (key, params) => base.t(`manuals.print.${key}`, params ?? {}) };
  const { k, setup } = c;
  const type = setup.styles;
  // The promises as the warranty card prints them, in its words.
  const card: PromisesCtx = { t: base.t, setup, data: { settings: data.settings, serviceLevel: data.serviceLevel }, k: (key, params) => base.t(`print.warrantyCard.${key}`, params ?? {}) };
  let n = 0;
  const next = (key: string) => chapter(c, ++n, key);
  const content: Content[] = [
    cover(c),
    { toc: { title: { text: k('toc'), style: 'chapter' }, numberStyle: { bold: true } }, pageBreak: 'before' },
    next('description'),
    ...data.models.flatMap((m) => modelSection(c, m, ['description', 'operation'])),
    next('technical'),
    ...data.units.flatMap((u) => unitTechnical(c, u)),
    next('schedule'),
    ...data.units.flatMap((u) => unitSchedule(c, u)),
    next('troubleshooting'),
    ...data.models.flatMap((m) => modelSection(c, m, ['troubleshooting'])),
    next('parts'),
    data.parts.length > 0 ? dataTable([k('parts.number'), k('parts.name'), k('parts.fits')], data.parts.map((p) => [{ text: p.partNumber, style: 'tableCell', noWrap: true }, p.name, p.fits]), ['auto', '*', '*']) : { text: k('parts.none'), style: 'note' },
    next('contacts'),
    promisesSection(card),
    next('warranty'),
    ...data.units.flatMap((u) => unitWarranty(c, u)),
    next('log'),
    ...logPages(c),
  ];
  const definition = documentPage(c, content, data);
  const size = type.body?.fontSize ?? setup.defaultStyle.fontSize ?? 9;
  return {
    ...definition,
    styles: {
      ...definition.styles,
      // Chinese characters stand apart on a title; Latin letters spaced that far fall apart.
      coverTitle: { fontSize: paper === 'A4' ? 30 : 22, bold: true, alignment: 'center', characterSpacing: lang === 'zh-CN' ? 2 : 0.3 },
      coverSubtitle: { fontSize: paper === 'A4' ? 14 : 11, alignment: 'center', color: '#333333' },
      chapter: { fontSize: paper === 'A4' ? 15 : 12, bold: true, margin: [0, setup.gap / 2, 0, setup.gap] },
      subheading: { fontSize: paper === 'A4' ? 12 : 10, bold: true, margin: [0, setup.gap, 0, setup.gap / 3] },
      richH1: { fontSize: paper === 'A4' ? 11 : 9.5, bold: true, margin: [0, setup.gap / 2, 0, setup.gap / 3] },
      richH2: { fontSize: paper === 'A4' ? 10 : 9, bold: true, margin: [0, setup.gap / 2, 0, setup.gap / 4] },
      richH3: { fontSize: Math.max(8, size), bold: true, margin: [0, setup.gap / 3, 0, setup.gap / 4] },
    },
    // From page 2 on: the manual's number and the customer on the left, page x of y on the right.
    header: (page, pages) =>
      page === 1
        ? ''
        : {
            columns: [
              { width: '*', text: `${k('header', { number: data.number })}\u3000${data.customer.name}`, bold: true },
              { width: 'auto', text: c.t('print.common.page', { page, pages }), alignment: 'right' },
            ],
            fontSize: setup.minPt,
            margin: [setup.pageMargins[0], Math.max(2, setup.pageMargins[1] - setup.minPt * 1.5), setup.pageMargins[2], 0],
          },
  };
}

/** Renders the manual; `missingGlyphs` names what the font lacks, for the desk to see before printing. */
export async function renderManual(data: ManualData, lang: Language, paper: Paper, createdAt?: number): Promise<RenderedDocument> {
  const definition = manualDefinition(data, lang, paper);
  const t = documentCtx(lang, paper).t;
  const { pdf, pages } = await renderPdfDocument(definition, {
    title: `${t('manuals.print.title')} ${data.number}`,
    subject: data.customer.name,
    author: data.settings.companyName,
    creator: t('appName'),
    producer: 'pdfmake',
    // The day it was issued, not the moment it was drawn: a reprint comes out byte for byte the same.
    ...(createdAt !== undefined ? { creationDate: new Date(createdAt) } : {}),
  });
  return { pdf, pages, missingGlyphs: missingGlyphs(documentText(definition), pdfFonts()) };
}
