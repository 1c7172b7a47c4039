import type * as SheetJS from '@e965/xlsx';
import type { SheetEncoding, SheetFormat } from '../../../../shared/schemas/excel';
import { loadSheetReaders, type SheetReaders } from './libraries';
import { MAX_IMPORT_ROWS, dayNumberDate, type Cell, type Grid, type GridRow } from './read';

/*
 * Everything an office keeps a list in besides .xlsx: Excel 97–2003 .xls and WPS .et (both the
 * old binary "compound file"), OpenDocument .ods (LibreOffice, and what some government
 * systems hand out), and CSV or text files in whatever encoding the program that wrote them
 * used. SheetJS CE reads the formats; iconv-lite and chardet the encodings. The sizes are
 * checked before this module is called (see import.ts): the file on disk, and for .ods, a zip,
 * what it inflates to.
 */

/** Header rows and blank lines above the data that a sheet may hold besides its data rows. */
const ROWS_ABOVE_DATA = 20;

/** What the file's first bytes say it is, whatever its name claims. */
export function sniffFormat(data: Buffer, fileName: string): SheetFormat | 'zip' | 'pdf' | 'image' | 'other' | 'text' {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    // ODF puts its mimetype first, stored, so it can be read at a fixed place.
    if (data.subarray(30, 100).toString('latin1').includes('opendocument.spreadsheet')) return 'ods';
    // Names in a zip are stored as written: an Excel workbook has its xl/workbook.xml part.
    if (data.includes('xl/workbook.xml', 0, 'latin1')) return 'xlsx';
    return 'zip';
  }
  if (data.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return ext === 'et' ? 'et' : 'xls';
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (/^(\x89PNG|\xff\xd8\xff|GIF8)/.test(data.subarray(0, 4).toString('latin1'))) return 'image';
  return utf16Order(data) !== null || !data.subarray(0, 4096).includes(0) ? 'text' : 'other';
}

/**
 * Text has no NUL bytes, except UTF-16, where every other byte of Latin text and digits is
 * one: NULs all on odd places is little-endian, all on even places big-endian. Anything else
 * with NULs (a database, a program) is not text.
 */
function utf16Order(data: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (data[0] === 0xff && data[1] === 0xfe) return 'utf-16le';
  if (data[0] === 0xfe && data[1] === 0xff) return 'utf-16be';
  const sample = data.subarray(0, 4096);
  let odd = 0;
  let even = 0;
  sample.forEach((byte, i) => {
    if (byte !== 0) return;
    if (i % 2) odd++;
    else even++;
  });
  // A CJK character's low byte may be 0 too (U+4E00 is 00 4E): one side need only outnumber the other by far.
  if (odd >= 8 && odd > 10 * even) return 'utf-16le';
  if (even >= 8 && even > 10 * odd) return 'utf-16be';
  return null;
}

/**
 * The encoding of a text file: its byte-order mark when it has one (Excel's "Unicode text" is
 * UTF-16 with one), otherwise valid UTF-8 is UTF-8 and chardet judges the rest. GBK is read as
 * GB18030, its superset: a rare character such as 𠮷 that a Chinese Excel writes in four bytes
 * comes through too.
 */
function detectEncoding(data: Buffer, detect: SheetReaders['detect']): SheetEncoding {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return 'utf-8';
  const utf16 = utf16Order(data);
  if (utf16) return utf16;
  const sample = data.subarray(0, 64 * 1024);
  // Cut mid-character, the sample's last bytes may not decode: judge the whole lines before them.
  const lastBreak = sample.lastIndexOf(0x0a);
  const whole = data.length > sample.length && lastBreak > 0 ? sample.subarray(0, lastBreak) : sample;
  if (isUtf8(whole)) return 'utf-8';
  const guess = (detect(whole) ?? '').toLowerCase();
  if (guess === 'utf-16le' || guess === 'utf-16be' || guess === 'big5') return guess;
  return 'gb18030';
}

function isUtf8(data: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

/** The column separator of a CSV or text file: the one of comma, semicolon and tab its header line uses most, outside quotes. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const firstLine = text.slice(0, 4096).split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = ([',', ';', '\t'] as const).map((d) => [d, unquoted.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

export interface TextSheet {
  encoding: SheetEncoding;
  delimiter: ',' | ';' | '\t';
  grid: Grid;
}

/** A CSV or text file as one sheet, decoded as asked (or as detected) and split at its separator. */
export async function readText(data: Buffer, name: string, encoding: SheetEncoding | null): Promise<TextSheet> {
  const { XLSX, detect, decode } = await loadSheetReaders();
  const chosen = encoding ?? detectEncoding(data, detect);
  const text = decode(data, chosen);
  const delimiter = detectDelimiter(text);
  // raw: every value stays the text the file holds, so 00123 keeps its zeros and 2025-03-01
  // is not turned into a time-zone-dependent date.
  const workbook = XLSX.read(text, { type: 'string', raw: true, dense: true, FS: delimiter, sheetRows: MAX_IMPORT_ROWS + ROWS_ABOVE_DATA + 1 });
  const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
  return { encoding: chosen, delimiter, grid: gridOf(XLSX, name, sheet, false) };
}

/** An .xls, .et or .ods workbook, each sheet as a grid of plain values. */
export async function readLegacyWorkbook(data: Buffer): Promise<Grid[]> {
  const { XLSX } = await loadSheetReaders();
  const workbook = XLSX.read(data, { type: 'buffer', dense: true, cellDates: false, cellFormula: false, cellHTML: false, cellNF: true, sheetRows: MAX_IMPORT_ROWS + ROWS_ABOVE_DATA + 1 });
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  return workbook.SheetNames.map((name) => gridOf(XLSX, name, workbook.Sheets[name]!, date1904));
}

function plain(XLSX: typeof SheetJS, cell: SheetJS.CellObject | undefined, date1904: boolean): Cell {
  if (!cell || cell.v === undefined || cell.v === null) return null;
  switch (cell.t) {
    case 's':
      return String(cell.v).trim() || null;
    case 'n':
      // A date is a day number with a date format: read as the day, like exceljs reads .xlsx.
      return cell.z && XLSX.SSF.is_date(cell.z) ? dayNumberDate(Number(cell.v), date1904) : Number(cell.v);
    case 'd':
      return cell.v instanceof Date ? cell.v : null;
    case 'b':
      return cell.v ? '1' : '0';
    default:
      return null; // errors (#N/A) and stubs hold nothing to import
  }
}

function gridOf(XLSX: typeof SheetJS, name: string, sheet: SheetJS.WorkSheet, date1904: boolean): Grid {
  const data = (sheet['!data'] ?? []) as (SheetJS.CellObject[] | undefined)[];
  const rows: GridRow[] = [];
  data.forEach((cells, index) => {
    if (!cells) return;
    const values = Array.from(cells, (cell) => plain(XLSX, cell, date1904));
    if (values.some((v) => v !== null)) rows.push({ row: index + 1, cells: values });
  });
  // Read only up to the limit (sheetRows); the full range says how many rows there are.
  const full = sheet['!fullref'] ? XLSX.utils.decode_range(sheet['!fullref']) : null;
  const read = sheet['!ref'] ? XLSX.utils.decode_range(sheet['!ref']) : null;
  const unread = full && read ? Math.max(0, full.e.r - read.e.r) : 0;
  const merges = (sheet['!merges'] ?? []).map((m) => ({ top: m.s.r + 1, left: m.s.c, bottom: m.e.r + 1, right: m.e.c }));
  return { name, rows, unread, merges, date1904 };
}

/** Why SheetJS gave up, as the desk can say it. */
export function unreadableReason(error: unknown): 'encrypted' | 'damaged' {
  return /password|encrypt/i.test((error as Error)?.message ?? '') ? 'encrypted' : 'damaged';
}
