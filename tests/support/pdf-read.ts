import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/*
 * A PDF read back as a reader's software sees it (pdf.js, which the desk's preview uses too):
 * each page's text in drawing order, and the type sizes it is set in.
 */

export interface ReadPage {
  /** The page's text with all white space removed: wrapped lines join up again. */
  text: string;
  /** Each run of visible text with the size it is set in, in points, and where its right end falls. */
  runs: { text: string; size: number; right: number }[];
  /** The page's width in points. */
  width: number;
}

export async function readPdf(pdf: Uint8Array): Promise<ReadPage[]> {
  const task = getDocument({ data: new Uint8Array(pdf), useSystemFonts: false });
  const doc = await task.promise;
  try {
    const pages: ReadPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const runs: ReadPage['runs'] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        // The text matrix's vertical scale is the size the run is set in (no rotation on these papers).
        runs.push({ text: item.str, size: Math.round(Math.hypot(item.transform[2], item.transform[3]) * 100) / 100, right: item.transform[4] + item.width });
      }
      pages.push({ text: runs.map((r) => r.text).join('').replace(/\s+/g, ''), runs, width: page.getViewport({ scale: 1 }).width });
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** The smallest type on any page, and a sample of the text set in it. */
export function smallestType(pages: ReadPage[]): { size: number; sample: string } {
  let smallest = { size: Infinity, sample: '' };
  for (const page of pages) for (const run of page.runs) if (run.size < smallest.size) smallest = { size: run.size, sample: run.text };
  return smallest;
}
