import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { batchedItems } from '../../electron/backend/documents/kit/batch-lines';
import { measureOnce } from '../../electron/backend/documents/kit/measure-once';
import { renderPdfDocument } from '../../electron/backend/documents/kit/render';
import { readPdf } from '../support/pdf-read';

const fromPdfmake = createRequire(createRequire(__filename).resolve('pdfmake'));
type StyleStackClass = new (styles: object, defaults: object) => { push(x: unknown): void };
const StyleContextStack = (fromPdfmake('./StyleContextStack') as { default: StyleStackClass & { getStyleProperty(...a: unknown[]): unknown } }).default;

/** The stroke operators (S) the PDF's content streams draw. */
function strokes(pdf: Uint8Array): number {
  let count = 0;
  for (const m of Buffer.from(pdf).toString('latin1').matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    try {
      count += inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1').match(/^S$/gm)?.length ?? 0;
    } catch {
      continue;
    }
  }
  return count;
}

describe('measuring each run of alike inlines once', () => {
  it('answers what pdfmake answers per inline, across inlines of different styles', () => {
    const stack = new StyleContextStack({ cell: { fontSize: 8.5, color: '#333333' }, big: { fontSize: 14, bold: true } }, { font: 'F', lineHeight: 1.3 });
    stack.push('cell');
    const make = () => [
      { text: '开' },
      { text: '机 ', noNewLine: true },
      { text: '  前', style: 'big' },
      { text: '确', style: 'big' },
      { text: 'ok', color: 'red', sup: true },
      { text: 'x ', color: 'red', sup: true, lineEnd: true },
    ];
    const font = { lineHeight: (size: number) => size * 1.2 };
    const fonts: unknown[][] = [];
    const self = {
      pdfDocument: { provideFont: (...a: unknown[]) => (fonts.push(a), font) },
      widthOfText: (text: string, inline: Record<string, unknown>) => text.length * (inline.fontSize as number) * 0.5,
    };
    const get = (...a: unknown[]) => StyleContextStack.getStyleProperty(...a);
    const ours = measureOnce(self, make(), stack, get);
    // Each inline looked up alone (a run of one), as pdfmake does: the same answers.
    const alone = make().map((item) => measureOnce(self, [item], stack, get)[0]);
    expect(ours).toEqual(alone);
    expect(ours.map((x) => [x.fontSize, x.color, x.alignment])).toEqual([
      [8.5, '#333333', 'left'],
      [8.5, '#333333', 'left'],
      [14, '#333333', 'left'],
      [14, '#333333', 'left'],
      [8.5 * 0.58, 'red', 'left'],
      [8.5 * 0.58, 'red', 'left'],
    ]);
    // Leading spaces cut, trailing spaces cut, each on its own inline.
    expect(ours[2]!.leadingCut).toBe(2 * 14 * 0.5);
    expect(ours[1]!.trailingCut).toBe(8.5 * 0.5);
    // Looked up once per run of alike inlines: three runs here (+ six for the inlines alone).
    expect(fonts.length).toBe(3 + 6);
  });
});

describe('stroking alike lines together', () => {
  const line = (x: number, extra: object = {}) => ({ type: 'vector', item: { type: 'line', x1: x, y1: 0, x2: x + 10, y2: 0, lineWidth: 0.5, lineColor: '#8c8c8c', ...extra } });
  it('joins runs of alike lines that follow one another, and nothing else', () => {
    const text = { type: 'line', item: {} };
    const items = [line(0), line(10), line(20), text, line(30), line(40, { lineWidth: 1 }), line(50, { color: '#000' }), line(60, { color: '#000' }), line(70, { dash: { length: 2 } }), line(80, { dash: { length: 2 } })];
    const out = batchedItems(items);
    expect(out.map((x) => (x.item as { type: string }).type)).toEqual(['after-sales-desk.lines', undefined, 'line', 'line', 'line', 'line', 'after-sales-desk.lines']);
    expect((out[0]!.item as { pieces: unknown[] }).pieces).toHaveLength(3);
    expect(out[1]).toBe(text);
  });

  it('draws a long table with one stroke per run of rules, the same text on the same pages', async () => {
    const body = Array.from({ length: 120 }, (_, i) => [`GD-2025-${String(i).padStart(7, '0')}`, '海康威视 DS-7808N-R2', String(i * 3)]);
    const { pdf, pages } = await renderPdfDocument({ pageSize: 'A4', content: [{ table: { headerRows: 1, widths: ['auto', '*', 'auto'], body: [['工单号', '设备', '数'], ...body] }, layout: 'fields' }] }, { title: 't', creator: 't', producer: 'pdfmake' });
    const read = await readPdf(pdf);
    expect(pages).toBe(read.length);
    expect(pages).toBeGreaterThan(1);
    expect(read.map((p) => p.text).join('')).toContain('GD-2025-0000119');
    // 121 rows of 3 cells: some 700 rule pieces, stroked in far fewer strokes.
    expect(strokes(pdf)).toBeLessThan(121 * 2);
    expect(strokes(pdf)).toBeGreaterThan(0);
  });
});
