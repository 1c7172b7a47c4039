import { describe, expect, it } from 'vitest';
import { sniffType } from '../../electron/backend/domains/attachments/sniff';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('an attachment is what its first bytes say, whatever its name', () => {
  it.each([
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'jpg'],
    ['a PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR'), 'png'],
    ['a WebP', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'webp'],
    ["an iPhone's HEIC", bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0]), 'heic'],
    ['a HEIF (mif1)', bytes([0, 0, 0, 0x18], 'ftypmif1'), 'heic'],
    ['a PDF', bytes('%PDF-1.7\n'), 'pdf'],
    ['an AutoCAD 2018 drawing', bytes('AC1032', [0, 0, 0]), 'dwg'],
    ['an AutoCAD R14 drawing', bytes('AC1014'), 'dwg'],
  ])('%s is kept', (_name, data, ext) => {
    expect(sniffType(data)?.ext).toBe(ext);
  });

  it.each([
    ['a Windows program', bytes('MZ', [0x90, 0]), null],
    ['a Word document (a zip)', bytes('PK', [3, 4]), null],
    ['an MP4 video (ftyp, not a HEIF brand)', bytes([0, 0, 0, 0x18], 'ftypisom'), null],
    ['a WAV sound (RIFF, not WebP)', bytes('RIFF', [0, 0, 0, 0], 'WAVE'), null],
    ['text', bytes('hello'), null],
    ['a lone byte', bytes([0xff]), null],
    ['nothing', Buffer.alloc(0), null],
  ])('%s is refused', (_name, data, ext) => {
    expect(sniffType(data)?.ext ?? null).toBe(ext);
  });
});
