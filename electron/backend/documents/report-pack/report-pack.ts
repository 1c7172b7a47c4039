import { cellText, keptShare, reportTables, tallyLabel, warningText, type ReportTable } from '../../../../shared/domain/report-tables';
import type { Language } from '../../../../shared/i18n';
import type { ReportBundle, WarningSettings } from '../../../../shared/schemas/reports';
import type { Settings } from '../../../../shared/schemas/settings';
import { documentCtx, documentPage, type DocumentCtx } from '../kit/context';
import type { Content, TDocumentDefinitions, Width } from '../kit/definition';
import { renderFitting, type RenderedDocument } from '../kit/fitting';
import { dataTable, fieldTable } from '../kit/forms';
import { keyFigures, letterhead, MM, notes, sectionHeading } from '../kit/layout';
import { barChart, stackedChart } from './charts';

/*
 * The monthly pack (月度服务报告): a cover with the month's key figures and warnings, then each
 * report as a chart drawn in vectors with its table beneath, the parts-replaced list and the
 * repair log. The tables are `reportTables`, the same the screen and the workbook show.
 */

export interface ReportPackData {
  number: string;
  issuedOn: string;
  settings: Settings;
  /** The one contract customer the pack covers, or null for the whole company. */
  customerName: string | null;
  bundle: ReportBundle;
  warningSettings: WarningSettings;
}

interface Ctx extends DocumentCtx {
  data: ReportPackData;
  k: (key: string, params?: Record<string, unknown>) => string;
  tables: Map<string, ReportTable>;
}

function title(c: Ctx): string {
  return c.data.customerName ? c.k('pack.customerTitle', { customer: c.data.customerName }) : c.k('pack.title');
}

function cover(c: Ctx): Content[] {
  const { data, k, t, setup } = c;
  const b = data.bundle;
  const figures = (c.tables.get('summary')?.rows ?? []).map(([label, value]) => ({ label: String(label), value: cellText(value ?? null, c.lang) }));
  return [
    letterhead(data.settings, t, { logoHeight: 14 * MM }),
    { text: title(c), style: 'title', margin: [0, setup.gap * 0.5, 0, setup.gap * 0.4] },
    fieldTable(
      [
        { label: k('pack.cover.period'), value: k('period.text', { from: c.date(b.period.from), to: c.date(b.period.to) }), bold: true },
        { label: k('pack.cover.issued'), value: c.date(data.issuedOn) },
        ...(data.customerName ? [{ label: k('pack.cover.customer'), value: data.customerName, wide: true }] : []),
        { label: k('pack.cover.company'), value: data.settings.companyName, wide: true },
      ],
      2,
    ),
    sectionHeading(k('pack.summary')),
    keyFigures(figures.slice(0, 5)),
    { text: '', margin: [0, 3, 0, 0] },
    keyFigures(figures.slice(5)),
    notes([k('period.asOf', { day: c.date(b.asOf) })]),
    sectionHeading(k('warnings.title')),
    b.warnings.length === 0 ? notes([k('warnings.none')], 'body') : { ul: b.warnings.map((w) => `${warningText(t, w, data.warningSettings)} — ${w.tickets.map((x) => x.number).join(', ')}`), style: 'list' },
  ];
}

/** A report's table as printed: figures right-aligned, column widths from the table's shape. */
function printed(c: Ctx, key: string, options: { widths?: Width[]; heading?: boolean } = {}): Content[] {
  const table = c.tables.get(key);
  if (!table) return [];
  const out: Content[] = options.heading === false ? [] : [sectionHeading(table.title)];
  if (table.rows.length === 0) return [...out, notes([c.k('empty')], 'body')];
  const rows = table.rows.map((row) => row.map((cell, i): Content => ({ text: cellText(cell, c.lang), style: 'tableCell', alignment: table.numeric.includes(i) ? 'right' : 'left', bold: table.columns.length === 2 && row[1] === null && i === 0 })));
  const widths: Width[] = options.widths ?? table.columns.map((_, i) => (i === 0 ? '*' : 'auto'));
  out.push(dataTable(table.columns, rows, widths, { wrapHeadings: true }));
  if (table.note) out.push(notes([table.note]));
  return out;
}

function repairs(c: Ctx): Content[] {
  const { k, t, setup, data } = c;
  const r = data.bundle.repairs;
  const w = setup.contentWidth;
  return [
    { text: k('repairs.title'), style: 'title', pageBreak: 'before' },
    notes([k('repairs.total', { count: r.total })], 'body'),
    sectionHeading(k('repairs.byCategory')),
    barChart(r.byCategory.map((x) => ({ label: tallyLabel(t, 'category', x), value: x.count })), w),
    sectionHeading(k('repairs.byModel')),
    barChart(r.byModel.slice(0, 12).map((x) => ({ label: tallyLabel(t, 'model', x), value: x.count })), w),
    sectionHeading(k('repairs.byTechnician')),
    barChart(r.byTechnician.slice(0, 15).map((x) => ({ label: tallyLabel(t, 'technician', x), value: x.count })), w),
    ...printed(c, 'repairs', { widths: ['*', 60] }),
  ];
}

function service(c: Ctx): Content[] {
  const { k, data, setup } = c;
  const s = data.bundle.service;
  const legend = [k('service.kept'), k('service.late'), k('service.open')];
  const bar = (m: 'answer' | 'arrival' | 'fix') => ({ label: `${k(`service.columns.${m}`)} ${keptShare(s.totals[m])}`, parts: [s.totals[m].kept, s.totals[m].late, s.totals[m].open] });
  return [
    { text: k('service.title'), style: 'title', pageBreak: 'before' },
    stackedChart([bar('answer'), bar('arrival'), bar('fix')], legend, setup.contentWidth, { labelWidth: 110 }),
    ...printed(c, 'service', { widths: ['auto', 'auto', 'auto', '*', '*', '*'], heading: true }),
    ...printed(c, 'late', { widths: ['auto', 'auto', '*', 'auto', 'auto', 'auto'] }),
  ];
}

function satisfaction(c: Ctx): Content[] {
  const { k, data, setup } = c;
  const s = data.bundle.satisfaction;
  return [
    { text: k('satisfaction.title'), style: 'title', pageBreak: 'before' },
    sectionHeading(k('satisfaction.scores')),
    barChart(s.scores.map((x) => ({ label: k('satisfaction.score', { score: x.score }), value: x.count })).reverse(), setup.contentWidth, { labelWidth: 80 }),
    ...printed(c, 'satisfaction', { widths: ['*', 'auto'], heading: false }),
    ...printed(c, 'complaints', { widths: ['*', 'auto'] }),
  ];
}

function failures(c: Ctx): Content[] {
  const { k, data, setup } = c;
  const f = data.bundle.failures;
  const rated = f.byModel.filter((m) => m.ratePer100X100 !== null).slice(0, 12);
  return [
    { text: k('failures.title'), style: 'title', pageBreak: 'before' },
    sectionHeading(k('failures.byModel')),
    rated.length === 0
      ? notes([k('empty')], 'body')
      : barChart(rated.map((m) => ({ label: m.label ?? k('repairs.noModel'), value: m.ratePer100X100!, text: (m.ratePer100X100! / 100).toFixed(2) })), setup.contentWidth),
    ...printed(c, 'failures', { widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto'] }),
    ...printed(c, 'warnings', { widths: ['auto', '*', 'auto'] }),
  ];
}

function partsAndMore(c: Ctx): Content[] {
  return [
    { text: c.k('parts.title'), style: 'title', pageBreak: 'before' },
    ...printed(c, 'parts', { widths: ['auto', '*', 'auto', 'auto', 'auto', 'auto'], heading: false }),
    ...printed(c, 'moves', { widths: ['*', 'auto', 'auto'] }),
    ...printed(c, 'loaners', { widths: ['*', 'auto', 'auto', 'auto'] }),
    ...printed(c, 'money', { widths: ['*', 'auto'] }),
    ...printed(c, 'scheduled', { widths: ['*', 'auto'] }),
  ];
}

function log(c: Ctx): Content[] {
  return [{ text: c.k('repairs.log'), style: 'title', pageBreak: 'before' }, ...printed(c, 'log', { widths: ['auto', 'auto', '*', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto', '*'], heading: false })];
}

export function reportPackDefinition(data: ReportPackData, lang: Language): TDocumentDefinitions {
  const base = documentCtx(lang, 'A4');
  const k = (key: string, params?: Record<string, unknown>) => base.t(`reports.${key}`, params ?? {});
  const tables = new Map(reportTables(base.t, lang, data.bundle, data.warningSettings).map((x) => [x.key, x]));
  const c: Ctx = { ...base, data, k, tables };
  return documentPage(c, [...cover(c), ...repairs(c), ...service(c), ...satisfaction(c), ...failures(c), ...partsAndMore(c), ...log(c)], data);
}

export function reportPackMeta(data: ReportPackData, lang: Language) {
  const base = documentCtx(lang, 'A4');
  const name = data.customerName ? base.t('reports.pack.customerTitle', { customer: data.customerName }) : base.t('reports.pack.title');
  return { title: `${name} ${data.number}`, subject: `${data.bundle.period.from} – ${data.bundle.period.to}`, author: data.settings.companyName, lang };
}

export async function renderReportPack(data: ReportPackData, lang: Language): Promise<RenderedDocument> {
  // A pack runs to as many pages as the month needs: never squeezed to a planned count.
  return renderFitting(() => reportPackDefinition(data, lang), Number.MAX_SAFE_INTEGER, reportPackMeta(data, lang));
}
