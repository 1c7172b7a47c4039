import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Type size (pt) → how many visible characters are set in it, per page and over the document. */
export interface TypeSizes {
  pages: Map<number, number>[];
  all: Map<number, number>;
  /** The smallest size any visible character is set in. */
  min: number;
}

/**
 * Reads the type sizes back from a PDF, as a reader's software sees them (pdf.js, as the app's
 * preview): each text run's size is its text matrix's vertical scale, rounded to 0.01 pt.
 */
export async function typeSizes(pdf: Buffer): Promise<TypeSizes> {
  const task = getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const doc = await task.promise;
  const pages: Map<number, number>[] = [];
  const all = new Map<number, number>();
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const sizes = new Map<number, number>();
      const content = await (await doc.getPage(n)).getTextContent();
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const visible = item.str.replace(/\s/g, '').length;
        if (visible === 0) continue;
        const [, , c, d] = item.transform as number[];
        const size = Math.round(Math.hypot(c!, d!) * 100) / 100;
        sizes.set(size, (sizes.get(size) ?? 0) + visible);
        all.set(size, (all.get(size) ?? 0) + visible);
      }
      pages.push(sizes);
    }
  } finally {
    await task.destroy();
  }
  return { pages, all, min: Math.min(...all.keys()) };
}
