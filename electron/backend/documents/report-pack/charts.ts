import type { CanvasLine, CanvasRect, Content } from '../kit/definition';

type CanvasElement = CanvasLine | CanvasRect;

/*
 * Charts drawn as pdfmake canvas vectors (no raster): bars in greys with a black outline and
 * the figure printed at the end of each bar, so a black-and-white copy still reads without
 * telling colours apart. Stacked bars use three greys far apart plus a legend in words.
 */

export const GREYS = ['#222222', '#8a8a8a', '#e2e2e2'] as const;
const LABEL_PT = 8.5;

export interface Bar {
  label: string;
  value: number;
  /** What is printed after the bar (the value when not given). */
  text?: string;
}

/** Horizontal bars, one per item, longest first as given; `width` is the chart's width in points. */
export function barChart(bars: Bar[], width: number, options: { labelWidth?: number; barHeight?: number } = {}): Content {
  const labelWidth = options.labelWidth ?? Math.min(150, width * 0.35);
  const h = options.barHeight ?? 11;
  const gap = 5;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const room = width - labelWidth - 60;
  const rows: Content[] = bars.map((b) => {
    const length = b.value <= 0 ? 0 : Math.max(1.5, (b.value / max) * room);
    const canvas: CanvasElement[] = [{ type: 'line', x1: 0, y1: -gap / 2, x2: 0, y2: h + gap / 2, lineWidth: 0.8, lineColor: '#000000' }];
    if (length > 0) canvas.unshift({ type: 'rect', x: 0, y: 0, w: length, h, color: GREYS[1], lineColor: '#000000', lineWidth: 0.6 });
    // The figure follows its bar's end: the canvas column is as wide as the bar.
    return {
      columns: [
        { width: labelWidth, text: b.label, fontSize: LABEL_PT, alignment: 'right', margin: [0, 1, 6, 0] },
        { width: Math.max(1, length) + 4, canvas },
        { width: '*', text: b.text ?? String(b.value), fontSize: LABEL_PT, bold: true, margin: [0, 1, 0, 0] },
      ],
      columnGap: 0,
      margin: [0, 0, 0, gap],
    };
  });
  return { stack: rows, margin: [0, 4, 0, 6], unbreakable: true };
}

export interface StackedBar {
  label: string;
  parts: number[];
}

/** Bars of parts (e.g. on time / late / not yet due) side by side per item, with a legend. */
export function stackedChart(bars: StackedBar[], legend: string[], width: number, options: { labelWidth?: number } = {}): Content {
  const labelWidth = options.labelWidth ?? 80;
  const h = 13;
  const room = width - labelWidth - 10;
  const rows: Content[] = bars.map((b) => {
    const total = b.parts.reduce((n, v) => n + v, 0);
    const canvas: CanvasElement[] = [];
    let x = 0;
    b.parts.forEach((v, i) => {
      if (v <= 0 || total === 0) return;
      const w = (v / total) * room;
      canvas.push({ type: 'rect', x, y: 0, w, h, color: GREYS[i % GREYS.length]!, lineColor: '#000000', lineWidth: 0.6 });
      x += w;
    });
    if (total === 0) canvas.push({ type: 'rect', x: 0, y: 0, w: room, h, color: '#ffffff', lineColor: '#000000', lineWidth: 0.6, dash: { length: 2 } });
    // The counts are printed under the bar in words' order, so no count hides in a narrow slice.
    return {
      stack: [
        { columns: [{ width: labelWidth, text: b.label, fontSize: LABEL_PT, alignment: 'right', margin: [0, 2, 6, 0] }, { width: room, canvas }], columnGap: 0 },
        { text: legend.map((l, i) => `${l} ${b.parts[i] ?? 0}`).join('   '), fontSize: 8, margin: [labelWidth, 1, 0, 5] },
      ],
    };
  });
  return { stack: [...rows, legendRow(legend, labelWidth)], margin: [0, 4, 0, 6], unbreakable: true };
}

function legendRow(legend: string[], indent: number): Content {
  return {
    columns: legend.flatMap((l, i): Content[] => [
      { width: 12, canvas: [{ type: 'rect', x: 0, y: 1, w: 9, h: 8, color: GREYS[i % GREYS.length]!, lineColor: '#000000', lineWidth: 0.6 }] },
      { width: 'auto', text: l, fontSize: 8, margin: [0, 0, 12, 0] },
    ]),
    margin: [indent, 0, 0, 0],
  };
}
