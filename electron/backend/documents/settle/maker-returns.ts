import { cellText, type Cell } from '../../../../shared/domain/report-tables';
import { makerReturnsForms, type ReturnsTable } from '../../../../shared/domain/maker-returns-tables';
import type { Language } from '../../../../shared/i18n';
import type { Paper } from '../../../../shared/schemas/document';
import type { MakerReturnsPack } from '../../../../shared/schemas/maker-returns';
import type { Settings } from '../../../../shared/schemas/settings';
import { documentCtx, documentPage, type DocumentCtx } from '../kit/context';
import type { Content, TDocumentDefinitions, Width } from '../kit/definition';
import { renderFitting, type RenderedDocument } from '../kit/fitting';
import { dataTable, fieldTable, signatureBlock } from '../kit/forms';
import { letterhead, MM, notes, sectionHeading } from '../kit/layout';

/*
 * The monthly returns to a maker (厂家月度报表): a cover naming the maker, the month, the due day
 * and the forms enclosed, then each form the maker asks for on a page of its own. The tables are
 * `makerReturnsForms`, the same the workbook carries. A pack drawn before the month ended says
 * "provisional" under its title and in every page's footer.
 */

export interface MakerReturnsData {
  number: string;
  issuedOn: string;
  settings: Settings;
  pack: MakerReturnsPack;
}

interface Ctx extends DocumentCtx {
  k: (key: string, params?: Record<string, unknown>) => string;
}

function title(c: Ctx, pack: MakerReturnsPack): string {
  return c.k('title', { month: pack.month });
}

function cover(c: Ctx, data: MakerReturnsData, forms: { title: string }[]): Content[] {
  const { pack } = data;
  const { k, setup, t } = c;
  const maker = pack.maker;
  const none = t('print.common.none');
  return [
    letterhead(data.settings, t, { logoHeight: (setup.paper === 'A4' ? 14 : 11) * MM }),
    { text: title(c, pack), style: 'title', margin: [0, setup.gap * 0.5, 0, setup.gap * 0.2] },
    ...(pack.provisional ? [{ text: k('provisional', { day: c.date(pack.asOf) }), style: 'subtitle', bold: true, margin: [0, 0, 0, setup.gap * 0.3] } as Content] : []),
    fieldTable(
      [
        { label: k('cover.to'), value: [maker.name, maker.department].filter(Boolean).join(' '), wide: true, bold: true },
        { label: k('cover.contact'), value: maker.contactName ?? none },
        { label: k('cover.fax'), value: maker.fax ?? maker.phone ?? none },
        { label: k('cover.period'), value: k('cover.periodText', { from: c.date(pack.from), to: c.date(pack.to) }) },
        { label: k('cover.due'), value: c.date(pack.dueOn), bold: true },
        { label: k('cover.models'), value: pack.modelNames.length ? pack.modelNames.join(t('app.common.listSeparator')) : k('cover.noModels'), wide: true },
        { label: k('cover.from'), value: data.settings.companyName, wide: true },
      ],
      setup.paper === 'A4' ? 2 : 1,
    ),
    sectionHeading(k('cover.enclosed')),
    { ol: forms.map((f) => f.title), style: 'list' },
    notes([k('cover.basis')]),
    { stack: [signatureBlock(t, [k('cover.signDesk'), k('cover.signMaker')], { height: setup.gap * 2 })], margin: [0, setup.gap, 0, 0], unbreakable: true },
  ];
}

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

/**
 * Numbers, days, serials and other short unbroken values take the width they need; the columns of
 * words share what is left (a value that cannot break pushed a shared column off the page).
 */
function columnWidths(c: Ctx, table: ReturnsTable, keep: number[]): Width[] {
  if (table.columns.length <= 3) return keep.map((_, n) => (n === 0 ? '*' : 'auto'));
  const texts = (i: number) => table.rows.map((row) => cellText(row[i] ?? null, c.lang));
  // Chinese breaks between any two characters: a fault of eleven of them is a column of words
  // (given 'auto', it was squeezed to a few characters a line).
  const short = (i: number) => table.numeric.includes(i) || texts(i).every((s) => s.length <= 4 || (s.length <= 16 && !/\s/.test(s) && !CJK.test(s)));
  const widths: Width[] = keep.map((i) => (short(i) ? 'auto' : '*'));
  if (!widths.includes('*')) {
    // Every column short: the one with the longest values shares out the rest of the line.
    const longest = keep.reduce((best, i, n) => (Math.max(...texts(i).map((s) => s.length)) > Math.max(...texts(keep[best]!).map((s) => s.length)) ? n : best), 0);
    widths[longest] = '*';
  }
  return widths;
}

/** One table as printed: figures right-aligned; on A5 the columns a long list cannot hold are left out. */
function printed(c: Ctx, table: ReturnsTable, heading: boolean): Content[] {
  const drop = c.setup.paper === 'A5' ? new Set(table.narrowDrop ?? []) : new Set<number>();
  const [over, under] = table.printStacked ?? [-1, -1];
  const stacked = over >= 0 && !drop.has(over) && !drop.has(under);
  if (stacked) drop.add(under);
  const keep = table.columns.map((_, i) => i).filter((i) => !drop.has(i));
  const out: Content[] = heading ? [sectionHeading(table.title)] : [];
  if (table.rows.length === 0) out.push(notes([c.k('empty')], 'body'));
  else {
    const rows = table.rows.map((row) =>
      keep.map((i): Content => {
        const cell: Cell = row[i] ?? null;
        const below = stacked && i === over ? cellText(row[under] ?? null, c.lang) : '';
        // A heading row of a summary (label, no figure) prints bold.
        return { text: below ? `${cellText(cell, c.lang)}\n${below}` : cellText(cell, c.lang), style: 'tableCell', alignment: table.numeric.includes(i) ? 'right' : 'left', bold: table.columns.length === 2 && row[1] === null && i === 0 };
      }),
    );
    const widths = columnWidths(c, table, keep);
    const headings = keep.map((i) => (stacked && i === over ? `${table.columns[over]!} / ${table.columns[under]!}` : table.columns[i]!));
    out.push(dataTable(headings, rows, widths, { wrapHeadings: true }));
  }
  if (table.note) out.push(notes([table.note]));
  return out;
}

export function makerReturnsDefinition(data: MakerReturnsData, lang: Language, paper: Paper): TDocumentDefinitions {
  const base = documentCtx(lang, paper);
  const c: Ctx = { ...base, k: (key, params) => base.t(`makerReturns.print.${key}`, params ?? {}) };
  const forms = makerReturnsForms(base.t, data.pack);
  const body: Content[] = forms.flatMap((form) => [
    { text: form.title, style: 'title', pageBreak: 'before' } as Content,
    { text: c.k('formHead', { maker: data.pack.maker.name, from: c.date(data.pack.from), to: c.date(data.pack.to) }), style: 'subtitle', margin: [0, 0, 0, c.setup.gap * 0.3] } as Content,
    ...form.tables.flatMap((table, i) => printed(c, table, i > 0)),
  ]);
  const legend = data.pack.provisional ? c.k('provisionalLegend', { day: c.date(data.pack.asOf) }) : undefined;
  return documentPage(c, [...cover(c, data, forms), ...body], data, legend ? { legend } : {});
}

export function makerReturnsMeta(data: MakerReturnsData, lang: Language) {
  const t = documentCtx(lang, 'A4').t;
  return { title: `${t('makerReturns.print.title', { month: data.pack.month })} ${data.number}`, subject: `${data.pack.maker.name} ${data.pack.month}`, author: data.settings.companyName, lang };
}

export async function renderMakerReturns(data: MakerReturnsData, lang: Language, paper: Paper): Promise<RenderedDocument> {
  // As many pages as the month needs: never squeezed to a planned count.
  return renderFitting(() => makerReturnsDefinition(data, lang, paper), Number.MAX_SAFE_INTEGER, makerReturnsMeta(data, lang));
}
