import type { TFunction } from 'i18next';
import { formatDateTime, formatMoney } from '../format';
import type { Language } from '../i18n/languages';
import type { EarlyWarning, FailureRate, PromiseTally, ReportBundle, Tally, WarningSettings } from '../schemas/reports';

/*
 * Every report of a bundle as plain tables (title, columns, rows): the one description the screen's
 * tables, the .xlsx sheets and the monthly pack's tables are all drawn from, so the three always
 * show the same figures under the same words. Money stays in fen and rates in hundredths until
 * the last moment: the workbook writes numbers, the paper and the screen write text.
 */

export type Cell = string | number | null | { fen: number } | { x100: number | null };

export interface ReportTable {
  /** Sheet key (`reports.pack.sheet.*`): one sheet per table in the workbook. */
  key: string;
  title: string;
  columns: string[];
  /** Columns holding figures, right-aligned. */
  numeric: number[];
  rows: Cell[][];
  note?: string;
}

export function cellText(cell: Cell, lang: Language, noRate = '—'): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  if ('fen' in cell) return formatMoney(cell.fen, lang);
  return cell.x100 === null ? noRate : (cell.x100 / 100).toFixed(2);
}

/** The value a spreadsheet cell holds: numbers as numbers (yuan, rates), text as text. */
export function cellValue(cell: Cell): string | number | null {
  if (cell === null || typeof cell === 'string' || typeof cell === 'number') return cell;
  if ('fen' in cell) return cell.fen / 100;
  return cell.x100 === null ? null : cell.x100 / 100;
}

/** A share of promises kept, as "93.5%"; a dash when none was due yet. */
export function keptShare(p: PromiseTally): string {
  const judged = p.kept + p.late;
  return judged === 0 ? '—' : `${((p.kept * 100) / judged).toFixed(1)}%`;
}

export function tallyLabel(t: TFunction, kind: 'status' | 'category' | 'model' | 'technician', row: Tally): string {
  if (kind === 'status') return t(`ticketing.status.${row.key}`);
  if (kind === 'category') return t(`ticketing.faultCategory.${row.key}`);
  if (kind === 'model') return row.label ?? t('reports.repairs.noModel');
  return row.label ?? t('reports.repairs.noTechnician');
}

export function warningText(t: TFunction, w: EarlyWarning, settings: WarningSettings): string {
  const rate = (x: number | null) => (x === null ? '—' : (x / 100).toFixed(2));
  return t(`reports.warnings.${w.kind}`, {
    subject: w.subject,
    category: w.faultCategory ? t(`ticketing.faultCategory.${w.faultCategory}`) : '',
    days: w.days ?? 0,
    rate: rate(w.rateX100),
    previous: rate(w.previousRateX100),
    threshold: rate(settings.rateThresholdX100),
    rise: settings.risePercent,
    failures: w.failures,
  });
}

/** The summary figures on the pack's first page and the first sheet. */
export function summaryFigures(t: TFunction, r: ReportBundle): [string, Cell][] {
  const done = r.repairs.byStatus.filter((s) => ['resolved', 'calledBack', 'closed'].includes(s.key)).reduce((n, s) => n + s.count, 0);
  const avg = r.satisfaction.averageX100;
  return [
    [t('reports.pack.figures.tickets'), r.repairs.total],
    [t('reports.pack.figures.closed'), done],
    [t('reports.pack.figures.lateShare'), r.service.lateCount],
    [t('reports.pack.figures.satisfaction'), avg === null ? '—' : (avg / 100).toFixed(2)],
    [t('reports.pack.figures.complaints'), r.complaints.count],
    [t('reports.pack.figures.partsCost'), { fen: r.parts.costFen }],
    [t('reports.pack.figures.revenue'), { fen: r.money.revenueFen }],
    [t('reports.pack.figures.warrantyCost'), { fen: r.money.warrantyPartsFen + r.money.warrantyLabourFen }],
    [t('reports.pack.figures.visitsDone'), `${r.scheduled.done} / ${r.scheduled.planned}`],
  ];
}

function rateRows(t: TFunction, rows: FailureRate[], label: (r: FailureRate) => string): Cell[][] {
  return rows.map((r) => [label(r), r.failures, r.units, { x100: r.ratePer100X100 }, r.previousFailures, { x100: r.previousRatePer100X100 }]);
}

export function reportTables(t: TFunction, lang: Language, r: ReportBundle, settings: WarningSettings): ReportTable[] {
  const c = (k: string) => t(`reports.repairs.columns.${k}`);
  const when = (ms: number) => formatDateTime(ms, lang);
  const tally = (kind: Parameters<typeof tallyLabel>[1], heading: string, rows: Tally[]): Cell[][] => [[heading, null], ...rows.map((row): Cell[] => [`  ${tallyLabel(t, kind, row)}`, row.count])];
  const promise = (p: PromiseTally) => `${p.kept} / ${p.late} / ${p.open}`;
  const failCols = ['name', 'failures', 'units', 'rate', 'previous', 'previousRate'].map((k) => t(`reports.failures.columns.${k}`));
  const ms = (m: number | null, unit: 'minutes' | 'hours') => (m === null ? '—' : t(`reports.complaints.${unit}`, { count: m }));
  return [
    { key: 'summary', title: t('reports.pack.summary'), columns: [t('reports.pack.figure'), t('reports.pack.value')], numeric: [1], rows: summaryFigures(t, r) },
    {
      key: 'repairs',
      title: t('reports.repairs.title'),
      columns: [c('name'), c('count')],
      numeric: [1],
      rows: [
        ...tally('status', t('reports.repairs.byStatus'), r.repairs.byStatus),
        ...tally('category', t('reports.repairs.byCategory'), r.repairs.byCategory),
        ...tally('model', t('reports.repairs.byModel'), r.repairs.byModel),
        ...tally('technician', t('reports.repairs.byTechnician'), r.repairs.byTechnician),
      ],
    },
    {
      key: 'log',
      title: t('reports.repairs.log'),
      columns: ['number', 'reported', 'customer', 'unit', 'serial', 'category', 'status', 'technician', 'warranty', 'action'].map(c),
      numeric: [],
      rows: r.repairs.log.map((l) => [
        l.number,
        when(l.reportedAt),
        l.customerName,
        l.unitLabel,
        l.serial,
        t(`ticketing.faultCategory.${l.faultCategory}`),
        t(`ticketing.status.${l.status}`),
        l.technician,
        t(l.inWarranty ? 'reports.repairs.inWarranty' : 'reports.repairs.outOfWarranty'),
        l.action,
      ]),
      note: r.repairs.total > r.repairs.log.length ? t('reports.repairs.logMore', { shown: r.repairs.log.length, total: r.repairs.total }) : undefined,
    },
    {
      key: 'service',
      title: `${t('reports.service.title')} (${t('reports.service.kept')} / ${t('reports.service.late')} / ${t('reports.service.open')})`,
      columns: ['region', 'severity', 'tickets', 'answer', 'arrival', 'fix'].map((k) => t(`reports.service.columns.${k}`)),
      numeric: [2, 3, 4, 5],
      rows: [
        ...r.service.rows.map((row): Cell[] => [t(`ticketing.region.${row.region}`), t(`ticketing.severity.${row.severity}`), row.tickets, promise(row.answer), promise(row.arrival), promise(row.fix)]),
        [t('reports.service.keptShare'), null, null, keptShare(r.service.totals.answer), keptShare(r.service.totals.arrival), keptShare(r.service.totals.fix)],
      ],
    },
    {
      key: 'late',
      title: t('reports.service.lateList'),
      columns: [c('number'), c('reported'), c('customer'), t('reports.service.columns.region'), t('reports.service.columns.severity'), t('reports.service.columns.late')],
      numeric: [],
      rows: r.service.late.map((l) => [l.number, when(l.reportedAt), l.customerName, t(`ticketing.region.${l.region}`), t(`ticketing.severity.${l.severity}`), l.late.map((m) => t(`reports.service.columns.${m}`)).join('、')]),
      note: r.service.lateCount > r.service.late.length ? t('reports.repairs.logMore', { shown: r.service.late.length, total: r.service.lateCount }) : undefined,
    },
    {
      key: 'satisfaction',
      title: t('reports.satisfaction.title'),
      columns: [t('reports.pack.figure'), t('reports.pack.value')],
      numeric: [1],
      rows: [
        [t('reports.satisfaction.made'), r.satisfaction.callbacks],
        [t('reports.satisfaction.reached'), r.satisfaction.reached],
        [t('reports.satisfaction.unreached'), r.satisfaction.unreached],
        [t('reports.satisfaction.average'), { x100: r.satisfaction.averageX100 }],
        ...r.satisfaction.scores.map((s): Cell[] => [t('reports.satisfaction.score', { score: s.score }), s.count]),
        ...r.satisfaction.comments.map((m): Cell[] => [`${m.number} · ${m.score ?? '—'}`, m.comments]),
      ],
    },
    {
      key: 'complaints',
      title: t('reports.complaints.title'),
      columns: [t('reports.pack.figure'), t('reports.pack.value')],
      numeric: [1],
      rows: [
        [t('reports.complaints.count'), r.complaints.count],
        [t('reports.complaints.answered'), r.complaints.answered],
        [t('reports.complaints.answeredOnTime'), r.complaints.answeredOnTime],
        [t('reports.complaints.resolved'), r.complaints.resolved],
        [t('reports.complaints.resolvedOnTime'), r.complaints.resolvedOnTime],
        [t('reports.complaints.openLate'), r.complaints.openLate],
        [t('reports.complaints.medianAnswer'), ms(r.complaints.medianAnswerMinutes, 'minutes')],
        [t('reports.complaints.medianResolve'), ms(r.complaints.medianResolveHours, 'hours')],
        ...r.complaints.verdicts.map((v): Cell[] => [`${t('reports.complaints.verdicts')}: ${t(`service.verdict.${v.key}`)}`, v.count]),
      ],
    },
    {
      key: 'parts',
      title: t('reports.parts.title'),
      columns: ['partNumber', 'name', 'quantity', 'warranty', 'cost', 'charged'].map((k) => t(`reports.parts.columns.${k}`)),
      numeric: [2, 3, 4, 5],
      rows: r.parts.lines.map((l) => [l.partNumber, l.name, l.quantity, l.warrantyQuantity, { fen: l.costFen }, { fen: l.chargedFen }]),
      note: t('reports.parts.total', { quantity: r.parts.quantity, cost: formatMoney(r.parts.costFen, lang) }),
    },
    {
      key: 'moves',
      title: t('reports.parts.moves'),
      columns: ['reason', 'count', 'delta'].map((k) => t(`reports.parts.movesColumns.${k}`)),
      numeric: [1, 2],
      rows: r.parts.moves.map((m) => [t(`reports.parts.reason.${m.reason}`), m.count, m.delta]),
    },
    {
      key: 'loaners',
      title: t('reports.loaners.title'),
      columns: ['number', 'loaner', 'issued', 'expected'].map((k) => t(`reports.loaners.columns.${k}`)),
      numeric: [],
      rows: [
        [t('reports.loaners.issued'), String(r.loaners.issued), null, null],
        [t('reports.loaners.returned'), String(r.loaners.returned), null, null],
        [t('reports.loaners.out'), String(r.loaners.out), null, null],
        [t('reports.loaners.overdue'), String(r.loaners.overdue.length), null, null],
        ...r.loaners.overdue.map((l): Cell[] => [l.number, l.loaner, when(l.issuedAt), l.expectedReturn]),
      ],
    },
    {
      key: 'money',
      title: t('reports.money.title'),
      columns: [t('reports.pack.figure'), t('reports.pack.value')],
      numeric: [1],
      rows: [
        [t('reports.money.paidTickets'), r.money.paidTickets],
        [t('reports.money.revenue'), { fen: r.money.revenueFen }],
        [t('reports.money.warrantyTickets'), r.money.warrantyTickets],
        [t('reports.money.warrantyParts'), { fen: r.money.warrantyPartsFen }],
        [t('reports.money.warrantyLabour'), { fen: r.money.warrantyLabourFen }],
        [t('reports.money.warrantyCost'), { fen: r.money.warrantyPartsFen + r.money.warrantyLabourFen }],
      ],
    },
    {
      key: 'scheduled',
      title: t('reports.scheduled.title'),
      columns: [t('reports.pack.figure'), t('reports.pack.value')],
      numeric: [1],
      rows: (['planned', 'done', 'missed', 'cancelled', 'open', 'ending', 'renewed', 'lapsed'] as const).map((k): Cell[] => [t(`reports.scheduled.${k}`), r.scheduled[k]]),
    },
    {
      key: 'failures',
      title: `${t('reports.failures.title')} · ${t('reports.failures.units', { count: r.failures.unitsInService })}`,
      columns: failCols,
      numeric: [1, 2, 3, 4, 5],
      rows: [
        [t('reports.failures.byModel'), null, null, null, null, null],
        ...rateRows(t, r.failures.byModel, (m) => `  ${m.label ?? t('reports.repairs.noModel')}`),
        [t('reports.failures.byComponent'), null, null, null, null, null],
        ...rateRows(t, r.failures.byComponent, (m) => `  ${m.label ?? (m.key === 'other' ? t('reports.failures.componentOther') : m.key)}`),
        [t('reports.failures.byCategory'), null, null, null, null, null],
        ...rateRows(t, r.failures.byCategory, (m) => `  ${t(`ticketing.faultCategory.${m.key}`)}`),
      ],
      note: t('reports.period.previous', { from: r.failures.previous.from, to: r.failures.previous.to }),
    },
    {
      key: 'warnings',
      title: t('reports.warnings.title'),
      columns: [t('reports.warnings.kindColumn'), t('reports.warnings.title'), t('reports.warnings.tickets')],
      numeric: [],
      rows: r.warnings.map((w) => [t(`reports.warnings.kind.${w.kind}`), warningText(t, w, settings), w.tickets.map((x) => x.number).join(', ')]),
      note: r.warnings.length === 0 ? t('reports.warnings.none') : undefined,
    },
  ];
}
