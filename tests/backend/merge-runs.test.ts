import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { mergedInlines } from '../../electron/backend/documents/kit/merge-runs';
import { renderPdfDocument } from '../../electron/backend/documents/kit/render';
import { CJK_FONT_FAMILY } from '../../electron/backend/documents/kit/fonts';
import { readPdf } from '../support/pdf-read';

/** How many text objects (BT … ET) the PDF's content streams draw. */
function textObjects(pdf: Uint8Array): number {
  const raw = Buffer.from(pdf).toString('latin1');
  let count = 0;
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    let data: string;
    try {
      data = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      continue; // not deflated content (a font's own stream)
    }
    count += data.match(/\bBT\b/g)?.length ?? 0;
  }
  return count;
}

const font = { name: 'regular' };
const bold = { name: 'bold' };
/** Inlines laid edge to edge from x = 0, as pdfmake lays out left-aligned text. */
function laid(texts: string[], extra: Record<string, unknown> = {}, width = 10) {
  return texts.map((text, i) => ({ text, x: i * width, width, font, fontSize: 9, color: 'black', ...extra }));
}

describe('drawing a laid-out line', () => {
  it('joins neighbours that print alike into one run, its width the sum', () => {
    const out = mergedInlines(laid(['开', '机', '前', '确', '认']));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ text: '开机前确认', x: 0, width: 50 });
  });

  it('keeps apart what prints differently: another font, size or colour, a gap (justified text)', () => {
    const line = laid(['一', '二', '三', '四', '五', '六']);
    line[1]!.font = bold;
    line[3]!.fontSize = 12;
    line[4]!.color = '#c0392b';
    expect(mergedInlines(line).map((i) => i.text)).toEqual(['一', '二', '三', '四', '五', '六']);
    const justified = laid(['甲', '乙', '丙']).map((i, n) => ({ ...i, x: i.x + n * 0.5 }));
    expect(mergedInlines(justified)).toHaveLength(3);
  });

  it('leaves links, page references, underlines, backgrounds, super/subscript and letter-spacing as they are', () => {
    for (const extra of [{ link: 'https://example.com' }, { linkToPage: 3 }, { _pageNodeRef: {} }, { decoration: 'underline' }, { background: '#eee' }, { sup: true }, { sub: true }, { fontFeatures: ['palt'] }, { characterSpacing: 2 }]) {
      const line = laid(['保', '修', '卡']);
      Object.assign(line[1]!, extra);
      expect(mergedInlines(line).map((i) => i.text), JSON.stringify(extra)).toEqual(['保', '修', '卡']);
    }
  });

  it('does not change the inlines pdfmake laid out', () => {
    const line = laid(['维', '修']);
    mergedInlines(line);
    expect(line.map((i) => [i.text, i.width])).toEqual([['维', 10], ['修', 10]]);
  });

  it('prints a page of running Chinese as a few runs per line, every character still there in order', async () => {
    const sentence = '开机前确认电源电压正常，室外机周围无遮挡物，排水管无打折。过滤网每两周清洗一次，清洗后阴干再装回。';
    const text = Array.from({ length: 6 }, () => sentence).join('');
    const { pdf } = await renderPdfDocument(
      {
        pageSize: 'A5',
        pageMargins: [30, 30, 30, 30],
        defaultStyle: { font: CJK_FONT_FAMILY, fontSize: 9 },
        content: [{ text }, { text: [{ text: '服务热线 ' }, { text: '400-800-1234', decoration: 'underline' }, { text: ' 全天接听' }] }],
      },
      { title: 'runs', creator: 'test', producer: 'pdfmake' },
    );
    const [page] = await readPdf(pdf);
    expect(page!.text).toBe(`${text}服务热线400-800-1234全天接听`);
    // Text objects drawn: one per line of the paragraph (eight lines), and the last line's
    // words apart from the underlined number (drawn per inline for its underline) — not one
    // per character (over 300).
    const objects = textObjects(pdf);
    expect(objects).toBeGreaterThanOrEqual(9);
    expect(objects).toBeLessThan(20);
  });
});
