import type { FaultCategory, Severity } from '../../../../shared/domain/ticket-status';
import { formatPhone } from '../../../../shared/format';
import type { Language } from '../../../../shared/i18n';
import type { Customer } from '../../../../shared/schemas/customer';
import type { Paper } from '../../../../shared/schemas/document';
import type { Settings } from '../../../../shared/schemas/settings';
import { documentCtx, documentPage, type DocumentCtx } from '../kit/context';
import type { Content, TDocumentDefinitions, TextNode, Width } from '../kit/definition';
import { renderFitting, type RenderedDocument } from '../kit/fitting';
import { dataTable, fieldTable, signatureBlock, type FieldRow } from '../kit/forms';
import { keyFigures, labelled, letterhead, MM, notes, sectionHeading } from '../kit/layout';

/*
 * The quarter's fault statistics sheet (季度故障统计表), left with the customer at the quarter's
 * visit: every unit in warranty or under contract, its tickets per fault category, and how the
 * arrival and the fix kept the level's promises (on time / late, how many, the longest).
 */

/** One promise of a ticket: kept, broken (done late, or open past its time), or still running. */
export interface Judged {
  state: 'onTime' | 'late' | 'open';
  /** From its start to done, when done. */
  takenMs: number | null;
  /** How far past its time, when late. */
  lateMs: number | null;
}

export interface StatsTicket {
  number: string;
  category: FaultCategory;
  severity: Severity;
  reportedAt: number;
  arrival: Judged;
  fix: Judged;
}

export interface StatsUnit {
  id: number;
  label: string;
  serial: string;
  category: string;
  site: string | null;
  /** The contract covering it in the quarter, if any. */
  contract: string | null;
  /** The whole-unit warranty's last day, when it ran in the quarter. */
  warrantyEnd: string | null;
  tickets: StatsTicket[];
}

export interface FaultStatsData {
  number: string;
  issuedOn: string;
  settings: Settings;
  customer: Customer;
  year: number;
  quarter: number;
  from: string;
  to: string;
  units: StatsUnit[];
}

/** Counts and the longest time of one promise over some tickets. */
export interface PromiseFigures {
  onTime: number;
  late: number;
  open: number;
  /** The longest time taken among the done ones. */
  worstMs: number | null;
}

export function promiseFigures(tickets: StatsTicket[], which: 'arrival' | 'fix'): PromiseFigures {
  const judged = tickets.map((t) => t[which]);
  const taken = judged.map((j) => j.takenMs).filter((ms): ms is number => ms !== null);
  return {
    onTime: judged.filter((j) => j.state === 'onTime').length,
    late: judged.filter((j) => j.state === 'late').length,
    open: judged.filter((j) => j.state === 'open').length,
    worstMs: taken.length === 0 ? null : Math.max(...taken),
  };
}

interface Ctx extends DocumentCtx {
  data: FaultStatsData;
  k: (key: string, params?: Record<string, unknown>) => string;
}

function duration(c: Ctx, ms: number | null): string {
  if (ms === null) return c.t('print.common.none');
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? c.k('hours', { h, m }) : c.k('minutes', { m });
}

function counts(f: PromiseFigures): string {
  return `${f.onTime} / ${f.late}`;
}

function head(c: Ctx): Content[] {
  const { k, t, data, setup, date } = c;
  const tickets = data.units.reduce((n, u) => n + u.tickets.length, 0);
  const rows: FieldRow[] = [
    { label: k('customer'), value: data.customer.name, bold: true },
    { label: k('contact'), value: formatPhone(data.customer.phone) },
    { label: k('period'), value: k('periodValue', { year: data.year, quarter: data.quarter, from: date(data.from), to: date(data.to) }), wide: true },
    { label: k('unitCount'), value: k('unitCountValue', { count: data.units.length }) },
    { label: k('ticketCount'), value: k('ticketCountValue', { count: tickets }) },
  ];
  return [
    letterhead(data.settings, t, { logoHeight: (setup.paper === 'A4' ? 14 : 11) * MM }),
    {
      columns: [
        { width: '*', text: k('title'), style: 'title' },
        { width: 'auto', text: labelled(t, k('number'), data.number), style: 'documentNumber', bold: true, alignment: 'right' },
      ],
      margin: [0, setup.gap * 0.5, 0, setup.gap * 0.4],
    },
    fieldTable(rows, 2),
  ];
}

function summary(c: Ctx): Content {
  const { k } = c;
  const all = c.data.units.flatMap((u) => u.tickets);
  const arrival = promiseFigures(all, 'arrival');
  const fix = promiseFigures(all, 'fix');
  return {
    stack: [
      sectionHeading(k('summaryHeading')),
      keyFigures([
        { label: k('figure.tickets'), value: String(all.length) },
        { label: k('figure.arrivalOnTime'), value: String(arrival.onTime) },
        { label: k('figure.arrivalLate'), value: String(arrival.late), note: arrival.late > 0 ? duration(c, arrival.worstMs) : undefined },
        { label: k('figure.fixOnTime'), value: String(fix.onTime) },
        { label: k('figure.fixLate'), value: String(fix.late) },
        { label: k('figure.open'), value: String(fix.open) },
      ]),
      notes([k('basis')]),
    ],
    unbreakable: true,
  };
}

function coverage(c: Ctx, u: StatsUnit): string {
  const parts = [u.contract ? c.k('coverage.contract', { number: u.contract }) : null, u.warrantyEnd ? c.k('coverage.warranty', { end: c.date(u.warrantyEnd) }) : null];
  return parts.filter(Boolean).join(c.t('print.common.separator'));
}

/** One row per unit and fault category (one row for a unit with no tickets), totals below. */
function unitTable(c: Ctx): Content {
  const { k, t, setup } = c;
  const wide = setup.paper === 'A4';
  const rows: Content[][] = [];
  c.data.units.forEach((u, i) => {
    const categories = [...new Set(u.tickets.map((x) => x.category))];
    const unitCell: Content = { stack: [{ text: u.label, style: 'tableCell' }, { text: u.serial, style: 'note' }, { text: coverage(c, u), style: 'note' }] };
    const groups = categories.length === 0 ? [null] : categories;
    groups.forEach((category, j) => {
      const tickets = category === null ? [] : u.tickets.filter((x) => x.category === category);
      const arrival = promiseFigures(tickets, 'arrival');
      const fix = promiseFigures(tickets, 'fix');
      rows.push([
        j === 0 ? { text: String(i + 1), style: 'tableCell', alignment: 'right', rowSpan: groups.length } : '',
        j === 0 ? { ...unitCell, rowSpan: groups.length } : '',
        category === null ? t('print.common.none') : t(`ticketing.faultCategory.${category}`),
        { text: String(tickets.length), style: 'tableCell', alignment: 'right' },
        { text: counts(arrival), style: 'tableCell', alignment: 'center' },
        { text: counts(fix), style: 'tableCell', alignment: 'center' },
        ...(wide ? [duration(c, arrival.worstMs), duration(c, fix.worstMs)] : []),
      ]);
    });
  });
  const all = c.data.units.flatMap((u) => u.tickets);
  const arrival = promiseFigures(all, 'arrival');
  const fix = promiseFigures(all, 'fix');
  const bold = (text: string): TextNode => ({ text, style: 'tableCell', bold: true });
  rows.push([
    { ...bold(k('total')), colSpan: 3 },
    '',
    '',
    { ...bold(String(all.length)), alignment: 'right' },
    { ...bold(counts(arrival)), alignment: 'center' },
    { ...bold(counts(fix)), alignment: 'center' },
    ...(wide ? [bold(duration(c, arrival.worstMs)), bold(duration(c, fix.worstMs))] : []),
  ]);
  const keys = ['no', 'unit', 'category', 'tickets', 'arrival', 'fix', ...(wide ? ['worstArrival', 'worstFix'] : [])];
  const widths: Width[] = wide ? ['auto', '*', 64, 34, 50, 50, 52, 52] : ['auto', '*', 56, 'auto', 44, 44];
  return { stack: [sectionHeading(k('unitsHeading')), dataTable(keys.map((key) => k(`column.${key}`)), rows, widths, { wrapHeadings: true })] };
}

function ticketTable(c: Ctx): Content {
  const { k, t, moment } = c;
  const tickets = c.data.units.flatMap((u) => u.tickets.map((x) => ({ ...x, unit: u })));
  if (tickets.length === 0) return notes([k('noTickets')]);
  const taken = (j: Judged): Content => ({
    text: j.takenMs !== null ? k('taken', { time: duration(c, j.takenMs), state: k(`state.${j.state}`) }) : j.state === 'late' ? k('lateBy', { time: duration(c, j.lateMs) }) : k('state.open'),
    style: 'tableCell',
    bold: j.state === 'late',
  });
  const rows = tickets
    .sort((a, b) => a.reportedAt - b.reportedAt)
    .map((x): Content[] => [
      { stack: [{ text: x.number, style: 'tableCell' }, { text: moment(x.reportedAt), style: 'note' }] },
      { stack: [{ text: x.unit.label, style: 'tableCell' }, { text: x.unit.serial, style: 'note' }] },
      t(`ticketing.faultCategory.${x.category}`),
      taken(x.arrival),
      taken(x.fix),
    ]);
  const keys = ['ticket', 'unit', 'category', 'arrivalTaken', 'fixTaken'];
  return { stack: [sectionHeading(k('ticketsHeading')), dataTable(keys.map((key) => k(`column.${key}`)), rows, ['auto', '*', 'auto', 'auto', 'auto'], { wrapHeadings: true })] };
}

function closing(c: Ctx): Content {
  return { stack: [signatureBlock(c.t, [c.k('preparedBy'), c.k('customerSignature')], { height: c.setup.gap * 2 })], margin: [0, c.setup.gap, 0, 0], unbreakable: true };
}

export function faultStatsDefinition(data: FaultStatsData, lang: Language, paper: Paper, options: { compact?: boolean } = {}): TDocumentDefinitions {
  const base = documentCtx(lang, paper, options);
  const c: Ctx = { ...base, data, k: (key, params) => base.t(`maintenancePapers.stats.${key}`, params ?? {}) };
  const body: Content[] = data.units.length === 0 ? [notes([c.k('noUnits')])] : [summary(c), unitTable(c), ticketTable(c)];
  return documentPage(c, [...head(c), ...body, closing(c)], data);
}

export function faultStatsMeta(data: FaultStatsData, lang: Language) {
  const t = documentCtx(lang, 'A4').t;
  return { title: `${t('maintenancePapers.stats.title')} ${data.number}`, subject: `${data.customer.name} ${data.year} Q${data.quarter}`, author: data.settings.companyName, lang };
}

export async function renderFaultStats(data: FaultStatsData, lang: Language, paper: Paper): Promise<RenderedDocument> {
  return renderFitting(({ compact }) => faultStatsDefinition(data, lang, paper, { compact }), Number.MAX_SAFE_INTEGER, faultStatsMeta(data, lang));
}
