import { CALL_OUTCOMES, CALL_PURPOSES } from '../../../../shared/domain/calls';
import type { Language } from '../../../../shared/i18n';
import type { CallWeekSummary } from '../../../../shared/schemas/call';
import type { Paper } from '../../../../shared/schemas/document';
import type { Settings } from '../../../../shared/schemas/settings';
import { documentCtx, documentPage, type DocumentCtx } from '../kit/context';
import type { Content, TDocumentDefinitions, TextNode, Width } from '../kit/definition';
import { renderFitting, type RenderedDocument } from '../kit/fitting';
import { dataTable, fieldTable, signatureBlock, type FieldRow } from '../kit/forms';
import { keyFigures, keptSection, labelled, letterhead, MM, notes } from '../kit/layout';

/*
 * The weekly call summary (来电周汇总, seed 004: keep a weekly summary of the week's calls): calls
 * by purpose and outcome, per day, the share solved on the phone against the target, and the
 * calls that opened a ticket.
 */

export interface CallSummaryData {
  number: string;
  issuedOn: string;
  settings: Settings;
  summary: CallWeekSummary;
}

interface Ctx extends DocumentCtx {
  data: CallSummaryData;
  k: (key: string, params?: Record<string, unknown>) => string;
}

const share = (c: Ctx, pct: number | null) => (pct === null ? c.t('print.common.none') : c.k('pct', { pct }));

function head(c: Ctx): Content[] {
  const { k, t, data, setup, date } = c;
  const s = data.summary;
  const rows: FieldRow[] = [
    { label: k('period'), value: k('periodValue', { from: date(s.from), to: date(s.to) }), wide: true },
    { label: k('target'), value: k('pct', { pct: s.phoneTargetPct }), wide: true },
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

function figures(c: Ctx): Content {
  const { k } = c;
  const s = c.data.summary;
  const met = s.phoneSharePct !== null && s.phoneSharePct >= s.phoneTargetPct;
  return {
    stack: [
      keyFigures([
        { label: k('figure.total'), value: String(s.total) },
        { label: k('figure.solvedByPhone'), value: String(s.solvedByPhone) },
        { label: k('figure.share'), value: share(c, s.phoneSharePct), strong: true, note: s.phoneSharePct === null ? undefined : k(met ? 'targetMet' : 'targetMissed', { pct: s.phoneTargetPct }) },
        { label: k('figure.ticketsOpened'), value: String(s.ticketsOpened) },
      ]),
    ],
    margin: [0, c.setup.gap * 0.6, 0, 0],
    unbreakable: true,
  };
}

const cell = (text: string, bold = false): TextNode => ({ text, style: 'tableCell', alignment: 'right', bold });

/** Purpose down, outcome across, totals on both sides. */
function grid(c: Ctx): Content {
  const { k } = c;
  const s = c.data.summary;
  const rows: Content[][] = CALL_PURPOSES.map((p) => [
    { text: k(`purpose.${p}`), style: 'tableCell' },
    ...CALL_OUTCOMES.map((o) => cell(String(s.grid[p][o]))),
    cell(String(s.byPurpose[p]), true),
  ]);
  rows.push([{ text: k('total'), style: 'tableCell', bold: true }, ...CALL_OUTCOMES.map((o) => cell(String(s.byOutcome[o]), true)), cell(String(s.total), true)]);
  const headings = [k('column.purpose'), ...CALL_OUTCOMES.map((o) => k(`outcome.${o}`)), k('total')];
  const widths: Width[] = ['*', ...CALL_OUTCOMES.map((): Width => (c.setup.paper === 'A4' ? 62 : 44)), c.setup.paper === 'A4' ? 40 : 32];
  return keptSection(k('gridHeading'), dataTable(headings, rows, widths, { wrapHeadings: true }));
}

function perDay(c: Ctx): Content {
  const { k, date } = c;
  const s = c.data.summary;
  const rows: Content[][] = s.days.map((d) => [
    { text: `${date(d.day)} ${k(`weekday.${new Date(`${d.day}T00:00:00Z`).getUTCDay()}`)}`, style: 'tableCell' },
    cell(String(d.total)),
    cell(String(d.solvedByPhone)),
    cell(share(c, d.total === 0 ? null : Math.round((d.solvedByPhone / d.total) * 1000) / 10)),
  ]);
  rows.push([{ text: k('total'), style: 'tableCell', bold: true }, cell(String(s.total), true), cell(String(s.solvedByPhone), true), cell(share(c, s.phoneSharePct), true)]);
  const headings = ['day', 'calls', 'solvedByPhone', 'share'].map((key) => k(`column.${key}`));
  return keptSection(k('daysHeading'), dataTable(headings, rows, ['*', 'auto', 'auto', 'auto'], { wrapHeadings: true }));
}

function closing(c: Ctx): Content {
  return {
    stack: [notes([c.k('basis')]), signatureBlock(c.t, [c.k('preparedBy'), c.k('reviewedBy')], { height: c.setup.gap * 2 })],
    margin: [0, c.setup.gap, 0, 0],
    unbreakable: true,
  };
}

export function callSummaryDefinition(data: CallSummaryData, lang: Language, paper: Paper, options: { compact?: boolean } = {}): TDocumentDefinitions {
  const base = documentCtx(lang, paper, options);
  const c: Ctx = { ...base, data, k: (key, params) => base.t(`calls.print.${key}`, params ?? {}) };
  return documentPage(c, [...head(c), figures(c), grid(c), perDay(c), closing(c)], data);
}

export function callSummaryMeta(data: CallSummaryData, lang: Language) {
  const t = documentCtx(lang, 'A4').t;
  return { title: `${t('calls.print.title')} ${data.number}`, subject: `${data.summary.from} – ${data.summary.to}`, author: data.settings.companyName, lang };
}

export async function renderCallSummary(data: CallSummaryData, lang: Language, paper: Paper): Promise<RenderedDocument> {
  return renderFitting(({ compact }) => callSummaryDefinition(data, lang, paper, { compact }), Number.MAX_SAFE_INTEGER, callSummaryMeta(data, lang));
}
