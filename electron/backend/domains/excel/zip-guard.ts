import yauzl from 'yauzl';

/*
 * An .xlsx is a zip, and a zip can say "3 MB" on disk and hold gigabytes: exceljs (through
 * jszip) inflates every part into memory before it reads a cell, so a crafted or broken file
 * took the desk's process to 3.4 GB. Sizes are therefore checked before exceljs sees the file:
 * what the file weighs, what its central directory says it inflates to, and, since a
 * directory can lie, what each part really inflates to, counted while inflating and stopped
 * as soon as it outgrows what was declared.
 */

const MB = 1024 * 1024;

/** A company's customer sheet of 50,000 rows is a few MB; pictures pasted in add a few more. */
export const MAX_WORKBOOK_BYTES = 30 * MB;
/**
 * What the parts may inflate to, all together. exceljs keeps about seven bytes of memory per
 * byte of sheet XML (measured: 31 MB of XML for 50,000 rows of 12 columns, 226 MB of heap).
 */
export const MAX_UNPACKED_BYTES = 100 * MB;
/**
 * Real sheet XML deflates about 10:1 and deflate tops out near 1,032:1, so past 100:1 a part
 * is padding, not data (Apache POI's ZipSecureFile refuses the same ratio by default).
 */
export const MAX_PACK_RATIO = 100;
/** Small parts (styles, themes, an empty sheet) may compress well: the ratio is not asked of them. */
const RATIO_GRACE_BYTES = MB;
/** A workbook has a few dozen parts; thousands are a zip made to exhaust the reader. */
const MAX_ENTRIES = 10_000;

export type ZipProblem =
  | { kind: 'unpackedTooBig'; unpackedBytes: number }
  /** Packed tighter than data packs, or inflating past the size its directory declared. */
  | { kind: 'suspicious' };

/** Megabytes as the desk reads them in a message: whole, rounded up (0.2 MB over is still over). */
export const megabytes = (bytes: number) => Math.ceil(bytes / MB);

/** Inflates one part into nothing, counting; answers false as soon as it passes its declared size. */
async function inflatesAsDeclared(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<boolean> {
  const stream = await zip.openReadStreamPromise(entry);
  let seen = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    seen += chunk.length;
    if (seen > entry.uncompressedSize) {
      stream.destroy();
      return false;
    }
  }
  return true;
}

/**
 * Checks a workbook's zip without keeping anything it inflates: null when it may be read, else
 * why not. A file that is not a zip at all throws, as an unreadable workbook does.
 */
export async function inspectWorkbookZip(data: Buffer): Promise<ZipProblem | null> {
  // Sizes are counted below, not by yauzl, so that "inflates past what it declared" is told
  // apart from a damaged file.
  const zip = await yauzl.fromBufferPromise(data, { lazyEntries: true, autoClose: false, validateEntrySizes: false });
  try {
    if (zip.entryCount > MAX_ENTRIES) return { kind: 'suspicious' };
    const entries: yauzl.Entry[] = [];
    for await (const entry of zip.eachEntry()) entries.push(entry);
    const unpackedBytes = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (unpackedBytes > MAX_UNPACKED_BYTES) return { kind: 'unpackedTooBig', unpackedBytes };
    const tooTight = (e: yauzl.Entry) => e.uncompressedSize > RATIO_GRACE_BYTES && e.uncompressedSize > MAX_PACK_RATIO * Math.max(1, e.compressedSize);
    if (entries.some(tooTight)) return { kind: 'suspicious' };
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      if (!(await inflatesAsDeclared(zip, entry))) return { kind: 'suspicious' };
    }
    return null;
  } finally {
    zip.close();
  }
}
