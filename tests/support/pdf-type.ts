import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Type size (pt) → how many visible characters are set in it, per page and over the document. */
export interface TypeSizes {
  pages: Map<number, number>[];
  all: Map<number, number>;
  /** The smallest size any visible character is set in. */
  min: number;
  /** Text that reaches into the outer `edge` points of its page, or past it: page, text, how far from the left and right edges. */
  offEdge: { page: number; text: string; left: number; right: number }[];
}

/**
 * Reads the type sizes back from a PDF, as a reader's software sees them (pdf.js, as the app's
 * preview): each text run's size is its text matrix's vertical scale, rounded to 0.01 pt.
 */
export async function typeSizes(pdf: Buffer, edge = 12): Promise<TypeSizes> {
  const task = getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const doc = await task.promise;
  const pages: Map<number, number>[] = [];
  const all = new Map<number, number>();
  const offEdge: TypeSizes['offEdge'] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const sizes = new Map<number, number>();
      const page = await doc.getPage(n);
      const [, , width] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const visible = item.str.replace(/\s/g, '').length;
        if (visible === 0) continue;
        const [, , c, d, x] = item.transform as number[];
        const left = x!;
        const right = width - (x! + item.width);
        if (left < edge || right < edge) offEdge.push({ page: n, text: item.str, left, right });
        const size = Math.round(Math.hypot(c!, d!) * 100) / 100;
        sizes.set(size, (sizes.get(size) ?? 0) + visible);
        all.set(size, (all.get(size) ?? 0) + visible);
      }
      pages.push(sizes);
    }
  } finally {
    await task.destroy();
  }
  return { pages, all, min: Math.min(...all.keys()), offEdge };
}
