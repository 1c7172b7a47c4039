import { createHash } from 'node:crypto';
import type { Metadata } from 'sharp';
import type { Logger } from '../../platform/platform';
import { refuse } from '../../lib/errors';

/** A logo may be at most this many pixels before it is decoded: a small file can hold a huge picture. */
const MAX_INPUT_PIXELS = 4000 * 4000;
/**
 * Kept at most this size: the letterhead prints it 14 mm tall (and up to 2.5 times as wide),
 * which this covers at over 300 dpi. A bigger picture only costs memory and time on every paper.
 */
const FIT = { width: 1200, height: 480 };

function decode(dataUrl: string): Buffer {
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

/**
 * Checks a logo the way the PDF library will read it, and keeps a copy sized for the letterhead
 * (PNG). A file that is not a picture, or one that would decode into more pixels than a logo
 * needs, is refused with the reason, before it is stored.
 */
export async function normaliseLogo(dataUrl: string): Promise<string> {
  // Loaded when a logo is checked, not at start: libvips is large, and most starts need none.
  const { default: sharp } = await import('sharp');
  const bytes = decode(dataUrl);
  let meta: Metadata;
  try {
    // The header only: how many pixels the picture says it has, before any are decoded.
    meta = await sharp(bytes).metadata();
  } catch {
    throw refuse('validation.logoUnreadable', undefined, 'logo');
  }
  if (meta.format !== 'png' && meta.format !== 'jpeg') throw refuse('validation.logo', undefined, 'logo');
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width * height > MAX_INPUT_PIXELS) throw refuse('validation.logoTooManyPixels', { width, height }, 'logo');
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    const png = await image.rotate().resize({ ...FIT, fit: 'inside', withoutEnlargement: true }).png({ compressionLevel: 9 }).toBuffer();
    return `data:image/png;base64,${png.toString('base64')}`;
  } catch {
    throw refuse('validation.logoUnreadable', undefined, 'logo');
  }
}

/** Logos already checked, by digest: a stored logo is checked once per run, not per paper. */
const printable = new Map<string, string | null>();

/**
 * The logo as papers print it. One stored before these checks existed (or damaged since) is
 * left off the paper with a warning in the log instead of making every paper fail.
 */
export async function printableLogo(logo: string | null, logger: Logger): Promise<string | null> {
  if (!logo) return null;
  const key = createHash('sha256').update(logo).digest('hex');
  if (!printable.has(key)) {
    try {
      printable.set(key, await normaliseLogo(logo));
    } catch {
      logger.warn('the stored logo cannot be printed; papers leave it out until a new one is chosen in Settings');
      printable.set(key, null);
    }
  }
  return printable.get(key) ?? null;
}
