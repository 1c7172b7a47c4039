import { closeSync, openSync, writeSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';

/*
 * An .xlsx-shaped zip whose worksheet inflates to a huge run of zeros, made in the test (never
 * committed): the file stays a few MB while its sheet is gigabytes, as a tester's was.
 *
 * Deflating gigabytes would take the test minutes, so the sheet is built from pieces: each piece
 * is its own raw deflate stream ended by a full flush (byte-aligned, no back-references past its
 * start), which is what lets one compressed MB of zeros be written again and again, and the
 * whole closed by an empty final stored block.
 */

const MB = 1024 * 1024;
const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>';
const SHEET_TAIL = '</t></is></c></row></sheetData></worksheet>';
const FINAL_EMPTY_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);

const flushed = (data: Buffer) => deflateRawSync(data, { finishFlush: constants.Z_FULL_FLUSH });

interface Entry {
  name: string;
  /** The compressed bytes, in pieces: the bomb's is thousands of copies of one. */
  pieces: Buffer[];
  crc: number;
  size: number;
}

function smallEntry(name: string, text: string): Entry {
  const data = Buffer.from(text);
  return { name, pieces: [flushed(data), FINAL_EMPTY_BLOCK], crc: crc32(data), size: data.length };
}

function zerosSheet(zeroBytes: number): Entry {
  const head = Buffer.from(SHEET_HEAD);
  const tail = Buffer.from(SHEET_TAIL);
  const zeros = Buffer.alloc(MB, 0x30);
  const chunk = flushed(zeros);
  const pieces = [flushed(head)];
  let crc = crc32(head);
  for (let left = zeroBytes; left > 0; left -= MB) {
    const part = left >= MB ? zeros : zeros.subarray(0, left);
    pieces.push(left >= MB ? chunk : flushed(part));
    crc = crc32(part, crc);
  }
  pieces.push(flushed(tail), FINAL_EMPTY_BLOCK);
  return { name: 'xl/worksheets/sheet1.xml', pieces, crc: crc32(tail, crc), size: head.length + zeroBytes + tail.length };
}

function u16(n: number) {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n: number) {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/**
 * Writes the bomb to `file`. `declaredSize` is what the zip says the sheet inflates to; leave it
 * out to tell the truth, or give a small number to lie, as a crafted file would.
 */
export function writeXlsxBomb(file: string, options: { zeroBytes: number; declaredSize?: number }): void {
  const entries = [
    smallEntry('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    smallEntry('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    smallEntry('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    smallEntry('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    zerosSheet(options.zeroBytes),
  ];
  const fd = openSync(file, 'w');
  let offset = 0;
  const write = (b: Buffer) => {
    writeSync(fd, b);
    offset += b.length;
  };
  const central: Buffer[] = [];
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const compressed = entry.pieces.reduce((n, p) => n + p.length, 0);
    const declared = entry.name.endsWith('sheet1.xml') ? (options.declaredSize ?? entry.size) : entry.size;
    const common = [u16(20), u16(0), u16(8), u16(0), u16(0x21), u32(entry.crc), u32(compressed), u32(declared), u16(name.length), u16(0)];
    central.push(Buffer.concat([u32(0x02014b50), u16(20), ...common, u16(0), u16(0), u16(0), u32(0), u32(offset), name]));
    write(Buffer.concat([u32(0x04034b50), ...common, name]));
    for (const piece of entry.pieces) write(piece);
  }
  const start = offset;
  for (const c of central) write(c);
  write(Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(offset - start), u32(start), u16(0)]));
  closeSync(fd);
}
