import type { CatalogShape } from '../shape';
import type { sheets as zh } from '../zh-CN/sheets';

export const sheets: CatalogShape<typeof zh> = {
  dialog: {
    all: 'All spreadsheet files',
    excel: 'Excel workbooks',
    wps: 'WPS spreadsheets',
    ods: 'OpenDocument spreadsheets',
    text: 'CSV / text files',
  },
  format: {
    xlsx: 'an Excel workbook (.xlsx)',
    xls: 'an Excel 97-2003 workbook (.xls)',
    et: 'a WPS spreadsheet (.et)',
    ods: 'an OpenDocument spreadsheet (.ods)',
    csv: 'a CSV / text file',
  },
  encoding: {
    label: 'Text encoding',
    detected: 'Detected as {{encoding}}. If the text in the preview looks garbled, choose another encoding.',
    chosen: 'Read as {{encoding}} (detected as {{detected}}).',
    'utf-8': 'UTF-8',
    gb18030: 'GBK / GB18030 (Simplified Chinese)',
    'utf-16le': 'UTF-16 LE (Unicode text)',
    'utf-16be': 'UTF-16 BE',
    big5: 'Big5 (Traditional Chinese)',
  },
  delimiter: {
    comma: 'comma-separated',
    semicolon: 'semicolon-separated',
    tab: 'tab-separated',
  },
  fileFormat: 'Format: $t(sheets.format.{{format}})',
  notASheet: {
    pdf: 'The file {{file}} is a PDF document, not a spreadsheet, so it cannot be imported. Choose an Excel, WPS, OpenDocument or CSV file.',
    image: 'The file {{file}} is a picture, not a spreadsheet, so it cannot be imported. Choose an Excel, WPS, OpenDocument or CSV file.',
    zip: 'The file {{file}} is a zip archive or another kind of document (such as Word), not a spreadsheet, so it cannot be imported. Choose an Excel, WPS, OpenDocument or CSV file.',
    other: 'The file {{file}} is not a spreadsheet (neither Excel, WPS, OpenDocument, CSV nor text), so it cannot be imported.',
  },
  unreadable: {
    encrypted: 'The file {{file}} is $t(sheets.format.{{format}}) protected by a password, so it cannot be read. Open it in your spreadsheet program, remove the password, save a copy and import that.',
    damaged: 'The file {{file}} looks like $t(sheets.format.{{format}}) but is damaged or incomplete, so it cannot be read. Open it in your spreadsheet program, save it as a new file and import that.',
  },
  notText: 'This file is not a text file: there is no encoding to choose.',
  phoneRestored: 'The phone cell holds the number {{stored}} (the spreadsheet dropped a leading 0 or +); read as {{phone}}.',
  phoneNumberCell: 'The phone cell holds the number {{value}}, and what was typed cannot be told. Format the column as Text, type the number again and import it.',
};
