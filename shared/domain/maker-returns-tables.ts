import type { TFunction } from 'i18next';
import type { MakerReturnsPack } from '../schemas/maker-returns';
import type { MakerForm } from '../schemas/settle-base';
import { localDay } from './dates';
import { tallyLabel, type Cell, type ReportTable } from './report-tables';

/*
 * The monthly returns to a maker as plain tables, one group per form (seed 001's six): the one
 * description the PDF and the .xlsx are both drawn from, so paper and workbook always carry the
 * same figures under the same words. Money stays in fen until the last moment (see report-tables).
 */

export interface ReturnsTable extends ReportTable {
  /** Columns left out on A5, where a long list cannot hold them all at a readable size. */
  narrowDrop?: number[];
  /**
   * On paper, the second column printed under the first, in one cell headed "first / second": two
   * numbers that cannot break (a ticket's and its claim's) side by side left too little of an
   * A4 line for the words. The workbook keeps them apart.
   */
  printStacked?: [number, number];
}

export interface ReturnsForm {
  form: MakerForm;
  title: string;
  tables: ReturnsTable[];
}

const yes = (t: TFunction, v: boolean) => t(v ? 'makerReturns.yes' : 'makerReturns.no');

function partsReplaced(t: TFunction, p: MakerReturnsPack): ReturnsTable[] {
  const k = (key: string) => t(`makerReturns.parts.${key}`);
  const { rows, quantity, warrantyQuantity } = p.partsReplaced;
  return [
    {
      key: 'partsReplaced',
      title: t('makerReturns.forms.partsReplaced'),
      columns: [k('fittedOn'), k('ticket'), k('model'), k('serial'), k('part'), k('quantity'), k('warranty'), k('fault'), k('claim')],
      numeric: [5],
      narrowDrop: [1, 7, 8],
      printStacked: [1, 8],
      rows: rows.map((r): Cell[] => [r.fittedOn, r.ticketNumber, r.modelName, r.serial, `${r.partNumber} ${r.partName}`, r.quantity, yes(t, r.inWarranty), r.fault, r.claimNumber ?? '']),
      note: t('makerReturns.parts.total', { lines: rows.length, quantity, warranty: warrantyQuantity, paid: quantity - warrantyQuantity }),
    },
  ];
}

function repairMonthly(t: TFunction, p: MakerReturnsPack): ReturnsTable[] {
  const r = p.repairs;
  const k = (key: string) => t(`makerReturns.repairs.${key}`);
  const summary: Cell[][] = [
    [k('total'), r.total],
    [k('byStatus'), null],
    ...r.byStatus.map((s): Cell[] => [`  ${tallyLabel(t, 'status', s)}`, s.count]),
    [k('byCategory'), null],
    ...r.byCategory.map((s): Cell[] => [`  ${tallyLabel(t, 'category', s)}`, s.count]),
    [k('byModel'), null],
    ...r.byModel.map((s): Cell[] => [`  ${tallyLabel(t, 'model', s)}`, s.count]),
  ];
  return [
    { key: 'repairSummary', title: t('makerReturns.forms.repairMonthly'), columns: [k('item'), k('count')], numeric: [1], rows: summary },
    {
      key: 'repairLog',
      title: k('log'),
      columns: [k('number'), k('reportedOn'), k('customer'), k('serial'), k('category'), k('status'), k('technician'), k('warranty')],
      numeric: [],
      narrowDrop: [2, 6],
      rows: r.log.map((l): Cell[] => [
        l.number,
        localDay(l.reportedAt),
        l.customerName,
        l.serial ?? '',
        t(`ticketing.faultCategory.${l.faultCategory}`),
        t(`ticketing.status.${l.status}`),
        l.technician ?? '',
        yes(t, l.inWarranty),
      ]),
      ...(r.log.length < r.total ? { note: t('makerReturns.repairs.logCut', { shown: r.log.length, total: r.total }) } : {}),
    },
  ];
}

function satisfaction(t: TFunction, p: MakerReturnsPack): ReturnsTable[] {
  const s = p.satisfaction;
  const k = (key: string, params?: Record<string, unknown>) => t(`makerReturns.satisfaction.${key}`, params ?? {});
  const scored = s.scores.reduce((n, x) => n + x.count, 0);
  return [
    {
      key: 'satisfaction',
      title: t('makerReturns.forms.satisfaction'),
      columns: [k('item'), k('count'), k('share')],
      numeric: [1, 2],
      rows: [
        [k('callbacks'), s.callbacks, null],
        [k('reached'), s.reached, null],
        [k('unreached'), s.unreached, null],
        ...[...s.scores].reverse().map((x): Cell[] => [k(`score${x.score}`), x.count, scored ? `${((x.count * 100) / scored).toFixed(1)}%` : '—']),
        [k('average'), s.averageX100 === null ? '—' : (s.averageX100 / 100).toFixed(2), null],
      ],
    },
  ];
}

function opinions(t: TFunction, p: MakerReturnsPack): ReturnsTable[] {
  const c = p.complaints;
  const k = (key: string) => t(`makerReturns.opinions.${key}`);
  return [
    {
      key: 'complaints',
      title: t('makerReturns.forms.opinions'),
      columns: [k('item'), k('count')],
      numeric: [1],
      rows: [
        [k('complaints'), c.count],
        [k('answered'), c.answered],
        [k('answeredOnTime'), c.answeredOnTime],
        [k('resolved'), c.resolved],
        [k('resolvedOnTime'), c.resolvedOnTime],
        [k('openLate'), c.openLate],
        ...c.verdicts.map((v): Cell[] => [`  ${t(`service.verdict.${v.key}`)}`, v.count]),
      ],
    },
    {
      key: 'comments',
      title: k('comments'),
      columns: [k('ticket'), k('date'), k('score'), k('words')],
      numeric: [2],
      rows: p.satisfaction.comments.map((x): Cell[] => [x.number, localDay(x.doneAt), x.score ?? '—', x.comments.trim()]),
    },
  ];
}

function sales(t: TFunction, p: MakerReturnsPack): ReturnsTable[] {
  const s = p.sales;
  const k = (key: string, params?: Record<string, unknown>) => t(`makerReturns.sales.${key}`, params ?? {});
  const price = (fen: number | null): Cell => (fen === null ? k('noPrice') : { fen });
  return [
    {
      key: 'sales',
      title: t('makerReturns.forms.sales'),
      columns: [k('soldOn'), k('model'), k('serial'), k('customer'), k('invoice'), k('price'), k('seller')],
      numeric: [5],
      narrowDrop: [4],
      rows: s.rows.map((r): Cell[] => [r.soldOn, r.modelName, r.serial, r.customerName, r.invoiceNumber ?? '', price(r.salePriceFen), r.soldBy ?? '']),
      note: k('total', { units: s.units, unpriced: s.unpriced }),
    },
    {
      key: 'salesByModel',
      title: k('byModel'),
      columns: [k('model'), k('units'), k('amount')],
      numeric: [1, 2],
      rows: [...s.byModel.map((m): Cell[] => [m.modelName, m.units, { fen: m.amountFen }]), [k('sum'), s.units, { fen: s.amountFen }]],
    },
    {
      key: 'salesBySeller',
      title: k('bySeller'),
      columns: [k('seller'), k('units'), k('amount')],
      numeric: [1, 2],
      rows: s.bySeller.map((m): Cell[] => [m.seller ?? k('noSeller'), m.units, { fen: m.amountFen }]),
    },
  ];
}

function returnSlips(t: TFunction, p: MakerReturnsPack): ReturnsTable[] {
  const k = (key: string, params?: Record<string, unknown>) => t(`makerReturns.slips.${key}`, params ?? {});
  return [
    {
      key: 'returnSlips',
      title: t('makerReturns.forms.returnSlips'),
      columns: [k('card'), k('model'), k('serial'), k('customer'), k('soldOn'), k('backOn')],
      numeric: [],
      narrowDrop: [4],
      rows: p.slips.map((r): Cell[] => [r.cardNumber, r.modelName, r.serial, r.customerName, r.soldOn ?? '', r.backOn]),
      note: k('total', { n: p.slips.length }),
    },
  ];
}

const BUILDERS: Record<MakerForm, (t: TFunction, p: MakerReturnsPack) => ReturnsTable[]> = { partsReplaced, repairMonthly, satisfaction, opinions, sales, returnSlips };

/** The forms the maker asks for, in seed 001's order, each as its tables. */
export function makerReturnsForms(t: TFunction, pack: MakerReturnsPack): ReturnsForm[] {
  return pack.forms.map((form) => ({ form, title: t(`makerReturns.forms.${form}`), tables: BUILDERS[form](t, pack) }));
}
