/** Thumbnails fit this box: enough for a list row and a hover, a few kB each. */
const THUMB = { width: 160, height: 160 };
/** A photo may decode to at most this many pixels (a 100 MP camera); a small file can claim a huge picture. */
const MAX_INPUT_PIXELS = 100_000_000;

/**
 * A small WebP of a photo, drawn at add time with sharp (already used for the logo: prebuilt
 * libvips loaded through Node-API, so the same binary runs under plain Node in the tests and the
 * bench and inside Electron, with no rebuild). EXIF orientation is applied. Null when the picture
 * cannot be decoded (an HEIC coded with HEVC, which the prebuilt libvips does not carry): the
 * list then shows the type's icon, and the file itself is kept and opens in the system's viewer.
 */
export async function drawThumbnail(bytes: Buffer): Promise<Buffer | null> {
  const { default: sharp } = await import('sharp');
  try {
    return await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ ...THUMB, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer();
  } catch {
    return null;
  }
}
