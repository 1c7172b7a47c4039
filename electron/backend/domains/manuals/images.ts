import { createHash } from 'node:crypto';
import type { Metadata } from 'sharp';
import { MANUAL_IMAGE_PREFIX, MAX_MANUAL_IMAGE_BYTES, MAX_MANUAL_IMAGE_PIXELS, type ManualImage } from '../../../../shared/schemas/manual';
import type { ServiceContext } from '../../app/context';
import type { Db } from '../../db/schema';
import { notFound, refuse } from '../../lib/errors';

/**
 * Kept at most this size: a manual prints a picture at most the text width (about 180 mm on A4),
 * which this covers at over 200 dpi. A bigger picture costs every page it is on, never the reader.
 */
const FIT = { width: 1600, height: 1600 };

const DATA_URL = /^data:image\/(png|jpeg|jpg);base64,([A-Za-z0-9+/]+={0,2})$/;

/**
 * Checks a picture the way the PDF library will read it and stores a copy sized for the page,
 * once per content (by digest). Refused, with the reason, before anything is stored: what is not
 * a PNG or JPEG (by its own bytes, not its name), more bytes than a photo needs, or a header that
 * promises more pixels than a page can use (a small file that would decode into gigabytes).
 */
export async function storeImage(ctx: ServiceContext, dataUrl: string, db: Db = ctx.db): Promise<ManualImage> {
  const match = DATA_URL.exec(dataUrl.trim());
  if (!match) throw refuse('manuals.errors.imageNotImage', undefined, 'image');
  const bytes = Buffer.from(match[2]!, 'base64');
  if (bytes.length > MAX_MANUAL_IMAGE_BYTES) throw refuse('manuals.errors.imageTooLarge', { mb: MAX_MANUAL_IMAGE_BYTES / 1024 / 1024 }, 'image');
  // Loaded when a picture is checked, not at start: libvips is large, and most starts need none.
  const { default: sharp } = await import('sharp');
  let meta: Metadata;
  try {
    // The header only: what the picture says it is and how many pixels it has, before decoding.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw refuse('manuals.errors.imageNotImage', undefined, 'image');
  }
  if (meta.format !== 'png' && meta.format !== 'jpeg') throw refuse('manuals.errors.imageNotImage', undefined, 'image');
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width * height > MAX_MANUAL_IMAGE_PIXELS) throw refuse('manuals.errors.imageTooManyPixels', { width, height, mp: MAX_MANUAL_IMAGE_PIXELS / 1_000_000 }, 'image');
  let out: { data: Buffer; info: { width: number; height: number } };
  try {
    // Flattened onto the white of the paper: a picture without an alpha channel is embedded in the PDF as it is, not decoded and split.
    const image = sharp(bytes, { limitInputPixels: MAX_MANUAL_IMAGE_PIXELS, failOn: 'error' }).rotate().resize({ ...FIT, fit: 'inside', withoutEnlargement: true }).flatten({ background: '#ffffff' });
    // A photo stays a JPEG (a PNG of it would be ten times larger); a drawing or screenshot stays a PNG.
    out = await (meta.format === 'jpeg' ? image.jpeg({ quality: 80, mozjpeg: true }) : image.png({ compressionLevel: 9, palette: true })).toBuffer({ resolveWithObject: true });
  } catch {
    throw refuse('manuals.errors.imageNotImage', undefined, 'image');
  }
  const sha256 = createHash('sha256').update(out.data).digest('hex');
  const existing = await db.selectFrom('manual_images').select(['id', 'width', 'height']).where('sha256', '=', sha256).executeTakeFirst();
  const row =
    existing ??
    (await db
      .insertInto('manual_images')
      .values({ sha256, format: meta.format, width: out.info.width, height: out.info.height, bytes: out.data, created_at: ctx.now().getTime() })
      .returning(['id', 'width', 'height'])
      .executeTakeFirstOrThrow());
  return { id: row.id, width: row.width, height: row.height, dataUrl: toDataUrl(meta.format, out.data) };
}

function toDataUrl(format: string, bytes: Buffer): string {
  return `data:image/${format};base64,${bytes.toString('base64')}`;
}

/** The stored pictures by id, as `data:` URLs (what the editor shows and the PDF embeds). */
export async function imageUrls(db: Db, ids: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('manual_images').select(['id', 'format', 'bytes']).where('id', 'in', [...new Set(ids)]).execute();
  for (const r of rows) out.set(r.id, toDataUrl(r.format, r.bytes));
  return out;
}

export const imageRef = (imageId: number) => `${MANUAL_IMAGE_PREFIX}${imageId}`;

export function imageIdOf(src: string): number | null {
  if (!src.startsWith(MANUAL_IMAGE_PREFIX)) return null;
  const n = Number(src.slice(MANUAL_IMAGE_PREFIX.length));
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

export async function assertImagesExist(db: Db, ids: number[]): Promise<void> {
  const found = await imageUrls(db, ids);
  const gone = ids.find((i) => !found.has(i));
  if (gone !== undefined) throw notFound('manuals.errors.imageMissing', { id: gone }, 'image');
}
