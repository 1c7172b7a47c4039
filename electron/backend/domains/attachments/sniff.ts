import { ATTACHMENT_TYPES } from '../../../../shared/schemas/attachment';

export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

const HEIF_BRANDS = ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'];

const ascii = (bytes: Buffer, from: number, to: number) => bytes.subarray(from, to).toString('latin1');

/**
 * What a file is, by its own first bytes: a name ending `.jpg` proves nothing (a renamed
 * program would otherwise be opened "as a photo" by the system). Null when none we keep.
 */
export function sniffType(bytes: Buffer): AttachmentType | null {
  const ext = (() => {
    if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
    if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
    if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
    if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp' && HEIF_BRANDS.includes(ascii(bytes, 8, 12))) return 'heic';
    if (bytes.length >= 5 && ascii(bytes, 0, 5) === '%PDF-') return 'pdf';
    // AutoCAD's own header: AC1012 (R13) up to AC1032 (2018 onwards).
    if (bytes.length >= 6 && /^AC10\d\d$/.test(ascii(bytes, 0, 6))) return 'dwg';
    return null;
  })();
  return ATTACHMENT_TYPES.find((t) => t.ext === ext) ?? null;
}
