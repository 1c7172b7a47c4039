import type ExcelJS from 'exceljs';
import type * as SheetJS from '@e965/xlsx';

/*
 * The spreadsheet libraries are loaded the first time a sheet is read or written, not when the
 * desk starts: together they are about 30 MB of the desk's heap and 60 MB of its memory
 * (issue 23), and most days no sheet is touched. The first import or export of a run pays
 * their loading once (a few hundred ms).
 */

let excelJs: Promise<typeof ExcelJS> | null = null;

/** ExcelJS, which writes every .xlsx the desk saves and reads the .xlsx files it imports. */
export function loadExcelJs(): Promise<typeof ExcelJS> {
  return (excelJs ??= import('exceljs').then((m) => m.default));
}

export interface SheetReaders {
  XLSX: typeof SheetJS;
  detect: (data: Buffer) => string | null;
  decode: (data: Buffer, encoding: string) => string;
}

let readers: Promise<SheetReaders> | null = null;

/** SheetJS for .xls, .et, .ods and text files; chardet and iconv-lite for their encodings. */
export function loadSheetReaders(): Promise<SheetReaders> {
  readers ??= Promise.all([import('@e965/xlsx'), import('@e965/xlsx/dist/cpexcel'), import('chardet'), import('iconv-lite')]).then(([XLSX, cptable, chardet, iconv]) => {
    // Excel 5 / WPS files before BIFF8 keep text in the system's code page (936 on a Chinese
    // PC): SheetJS needs the code page tables to read them.
    XLSX.set_cptable(cptable);
    return {
      XLSX,
      detect: (data) => chardet.default.detect(data),
      decode: (data, encoding) => iconv.default.decode(data, encoding, { stripBOM: true }),
    };
  });
  return readers;
}
