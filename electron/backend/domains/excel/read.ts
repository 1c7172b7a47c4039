import type ExcelJS from 'exceljs';
import { loadExcelJs } from './libraries';
import type { ImportField, ImportSheet } from '../../../../shared/schemas/excel';
import { plainCharacters } from '../../../../shared/schemas/common';
import { LANGUAGES, translator } from '../../../../shared/i18n';
import { holdsTickets, suggestTicketMapping } from './ticket-headers';

export type Cell = string | number | Date | null;
export interface ParsedSheet {
  name: string;
  headers: string[];
  /** Data rows with their row number in the sheet (none past MAX_IMPORT_ROWS: see found). */
  rows: { row: number; cells: Cell[] }[];
  /** How many data rows the sheet holds, kept or not. */
  found: number;
  /** The workbook counts its day numbers from 1904 (old Excel for Mac) instead of 1900. */
  date1904: boolean;
}

/**
 * The most data rows one import takes. A small company's sheet rarely passes a few thousand;
 * past this, the rows (kept until confirmed), the check of each and the one transaction that
 * writes them all grow past what the desk's PC should hold at once, so a bigger sheet is
 * refused whole, never cut short: it is split and imported in parts.
 */
export const MAX_IMPORT_ROWS = 50_000;

/** What a cell holds, as a plain value: formulas give their result, rich text its text. */
function plain(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim() || null;
    if ('result' in value) return plain(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim() || null;
  }
  return null;
}

/** A sheet's non-empty rows as read, before its header row is found. */
export interface GridRow {
  row: number;
  cells: Cell[];
}
export interface Grid {
  name: string;
  rows: GridRow[];
  /** Rows past what was read (a reader stops after the limit): they count towards it. */
  unread: number;
  /** Merged ranges, rows as the sheet numbers them, columns from 0. */
  merges: { top: number; left: number; bottom: number; right: number }[];
  date1904: boolean;
}

export async function readWorkbook(data: Buffer): Promise<ParsedSheet[]> {
  const workbook = new (await loadExcelJs()).Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const grids: Grid[] = [];
  const date1904 = Boolean(workbook.properties.date1904);
  workbook.eachSheet((sheet) => {
    const rows: GridRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      // Array.from, not map: row.values has holes where cells are empty, and a hole is no value.
      const values = Array.from((row.values as ExcelJS.CellValue[]).slice(1), plain);
      if (values.some((v) => v !== null)) rows.push({ row: rowNumber, cells: values });
    });
    // exceljs keeps merges as ranges like "A1:H1" in the sheet's model.
    const merges = ((sheet.model as { merges?: string[] }).merges ?? []).map((range) => {
      const [a, b] = range.split(':').map((ref) => sheet.getCell(ref));
      return { top: Number(a!.row), left: Number(a!.col) - 1, bottom: Number(b!.row), right: Number(b!.col) - 1 };
    });
    grids.push({ name: sheet.name, rows, unread: 0, merges, date1904 });
  });
  return grids.map(sheetFromGrid).filter((s): s is ParsedSheet => s !== null);
}

/** How far down a sheet its header row is looked for: below a title, a date line, a two-level header. */
const HEADER_SCAN_ROWS = 10;

/**
 * A grid as a sheet to import: its header row found, merged cells filled in, its data rows kept
 * (up to the limit). Offices put a title above the header ("2025年客户设备清单", merged across)
 * and group columns under merged headings (联系方式 over 手机 and 座机): the header row is the
 * one among the first rows whose names the import knows best, the first on a tie. A value
 * merged down a column (one customer's name over the rows of their three units) belongs to
 * each of those rows; a heading merged across belongs to each column under it.
 */
export function sheetFromGrid(grid: Grid): ParsedSheet | null {
  const byRow = new Map(grid.rows.map((r) => [r.row, r]));
  const top = grid.rows.slice(0, HEADER_SCAN_ROWS);
  for (const m of grid.merges) {
    const value = byRow.get(m.top)?.cells[m.left] ?? null;
    if (value === null) continue;
    const acrossToo = m.top <= (top.at(-1)?.row ?? 0);
    for (let r = m.top; r <= m.bottom; r++) {
      const row = byRow.get(r);
      if (!row) continue;
      for (let c = m.left; c <= (acrossToo ? m.right : m.left); c++) if (row.cells[c] === null || row.cells[c] === undefined) row.cells[c] = value;
    }
  }
  if (top.length === 0) return null;
  // A customer sheet's header or a tickets sheet's, whichever the row is more like.
  const score = (r: GridRow) => {
    const names = r.cells.map((v) => (v === null ? '' : String(v)));
    return Math.max(Object.keys(suggestMapping(names)).length, Object.keys(suggestTicketMapping(names)).length);
  };
  const header = top.reduce((best, r) => (score(r) > score(best) ? r : best), top[0]!);
  const headers = header.cells.map((v, i) => (v === null ? `#${i + 1}` : String(v)));
  const below = grid.rows.filter((r) => r.row > header.row);
  return { name: grid.name, headers, rows: below.slice(0, MAX_IMPORT_ROWS), found: below.length + grid.unread, date1904: grid.date1904 };
}

/** Header words companies use for each field, Chinese and English. */
const SYNONYMS: Record<ImportField, string[]> = {
  customerName: ['客户名称', '客户姓名', '客户', '姓名', '用户', '单位名称', 'customer', 'name'],
  kind: ['客户类型', '类型', 'kind', 'type'],
  region: ['区域', '地区', 'region'],
  phone: ['手机', '电话', '联系电话', '联系方式', 'phone', 'mobile', 'tel'],
  phone2: ['电话2', '备用电话', '座机', 'phone2', 'landline'],
  address: ['地址', '客户地址', '联系地址', 'address'],
  contact: ['联系人', 'contact'],
  tags: ['标签', 'tags'],
  note: ['备注', 'note', 'remark'],
  brand: ['品牌', 'brand', 'make'],
  model: ['型号', '产品型号', '规格型号', 'model'],
  category: ['类别', '品类', '设备类型', 'category'],
  serial: ['序列号', '机身编号', '机号', '出厂编号', 'sn', 'serial'],
  purchaseDate: ['购买日期', '购机日期', '销售日期', '开票日期', 'purchase'],
  installDate: ['安装日期', 'install'],
  acceptanceDate: ['验收日期', 'acceptance'],
  productionDate: ['生产日期', '出厂日期', 'production'],
  invoiceNumber: ['发票号', '发票号码', 'invoice'],
  siteAddress: ['安装地址', '使用地址', 'site'],
  locationNote: ['安装位置', '位置', 'location'],
};

/** The import's own names for its fields, in both languages (the template's headers): known before any synonym. */
const FIELD_LABELS = Object.fromEntries(
  (Object.keys(SYNONYMS) as ImportField[]).map((f) => [f, LANGUAGES.map((lang) => String(translator(lang)(`importer.fields.${f}`)).replace(/[\s*:：()（）]/g, '').toLowerCase())]),
) as Record<ImportField, string[]>;

/** Guesses the mapping from the header names: the import's own names, an exact word, then one contained. */
export function suggestMapping(headers: string[]): Partial<Record<ImportField, number>> {
  const norm = headers.map((h) => h.replace(/[\s*:：()（）]/g, '').toLowerCase());
  const taken = new Set<number>();
  const out: Partial<Record<ImportField, number>> = {};
  for (const pass of ['label', 'exact', 'contains'] as const) {
    for (const field of Object.keys(SYNONYMS) as ImportField[]) {
      if (out[field] !== undefined) continue;
      const index = norm.findIndex(
        (h, i) =>
          !taken.has(i) &&
          (pass === 'label' ? FIELD_LABELS[field].includes(h) : SYNONYMS[field].some((w) => (pass === 'exact' ? h === w.toLowerCase() : h.includes(w.toLowerCase())))),
      );
      if (index >= 0) {
        out[field] = index;
        taken.add(index);
      }
    }
  }
  return out;
}

export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** Day 0 of Excel's two date systems, as UTC midnights: a day number has no time zone. */
const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30); // its 1900 leap-year bug included
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY_MS = 86_400_000;

/** A date cell's day number as the UTC midnight of its day (the time of day is not kept). */
export function dayNumberDate(day: number, date1904: boolean): Date {
  return new Date((date1904 ? EXCEL_EPOCH_1904 : EXCEL_EPOCH_1900) + Math.floor(day) * DAY_MS);
}

/** A time typed after the date (10:00, 15:30:00, 8:00 PM, 下午3:00, T10:00Z): the day is what counts. */
const TIME_TAIL = /(?:\s+|T)(?:[上下]午\s*)?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A date as the desk wrote it: a date cell, an Excel day number, or text like 2026/3/1,
 * 2026-3-1 10:00, 2026.3.1, 2026年3月1日, 20260301, or 3/1/2026, in full-width digits too.
 * A day number with a time (46000.75 is 18:00) keeps its calendar day: cut, never rounded.
 * Three numbers with the year last are read month first, M/D/YYYY, as Excel's en-US default
 * writes them (a Chinese Excel writes the year first, so nothing here is read day first).
 * Answers YYYY-MM-DD, or the text unchanged when it is not a date (validation then names the
 * cell).
 */
export function cellDate(cell: Cell | undefined, date1904 = false): string {
  if (cell === null || cell === undefined) return '';
  // exceljs turns a date cell's day number into the UTC moment of that wall-clock time.
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') {
    if (cell > 20000 && cell < 80000) return dayNumberDate(cell, date1904).toISOString().slice(0, 10);
    return String(cell);
  }
  const text = plainCharacters(cell).trim();
  const day = text.replace(TIME_TAIL, '');
  const ymd = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(day) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(day);
  if (ymd) return `${ymd[1]}-${ymd[2]!.padStart(2, '0')}-${ymd[3]!.padStart(2, '0')}`;
  const mdy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(day);
  if (mdy) return `${mdy[3]}-${mdy[1]!.padStart(2, '0')}-${mdy[2]!.padStart(2, '0')}`;
  return cell.trim();
}

export function sheetSummary(sheet: ParsedSheet): ImportSheet {
  const suggestedTickets = suggestTicketMapping(sheet.headers);
  return {
    name: sheet.name,
    headers: sheet.headers,
    rowCount: sheet.rows.length,
    sample: sheet.rows.slice(0, 5).map((r) => sheet.headers.map((_, i) => cellText(r.cells[i]))),
    suggested: suggestMapping(sheet.headers),
    suggestedTickets,
    holdsTickets: holdsTickets(suggestedTickets),
  };
}
