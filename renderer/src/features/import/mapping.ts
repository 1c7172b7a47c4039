import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportField, type ImportSheet } from '../../../../shared/schemas/excel';

/** Which sheet column (0-based) feeds each import field; null or absent = not imported. */
export type ColumnMapping = Partial<Record<ImportField, number | null>>;

const UNIT_FIELDS = new Set<ImportField>([
  'brand',
  'model',
  'category',
  'serial',
  'purchaseDate',
  'installDate',
  'acceptanceDate',
  'productionDate',
  'invoiceNumber',
  'siteAddress',
  'locationNote',
]);

/** The fields in the order of the paper forms: the customer first, then the unit. */
export const CUSTOMER_FIELDS = IMPORT_FIELDS.filter((f) => !UNIT_FIELDS.has(f));
export const UNIT_IMPORT_FIELDS = IMPORT_FIELDS.filter((f) => UNIT_FIELDS.has(f));

export function isRequired(field: ImportField): boolean {
  return REQUIRED_IMPORT_FIELDS.includes(field);
}

/** The backend's guess from the header names, as a complete mapping. */
export function suggestedMapping(sheet: ImportSheet): ColumnMapping {
  const out: ColumnMapping = {};
  for (const field of IMPORT_FIELDS) out[field] = sheet.suggested[field] ?? null;
  return out;
}

export function columnOf(mapping: ColumnMapping, field: ImportField): number | null {
  const value = mapping[field];
  return value === undefined ? null : value;
}

export function missingRequired(mapping: ColumnMapping): ImportField[] {
  return REQUIRED_IMPORT_FIELDS.filter((field) => columnOf(mapping, field) === null);
}

/** The other field that reads the same column, if any (one column is rarely two things). */
export function sharedWith(mapping: ColumnMapping, field: ImportField): ImportField | null {
  const column = columnOf(mapping, field);
  if (column === null) return null;
  return IMPORT_FIELDS.find((other) => other !== field && columnOf(mapping, other) === column) ?? null;
}

/** Spreadsheet column letters, as Excel shows them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A few values from the sheet's first rows, so the clerk sees what a column holds. */
export function exampleValues(sheet: ImportSheet, column: number | null, max = 3): string[] {
  if (column === null) return [];
  return sheet.sample
    .map((row) => (row[column] ?? '').trim())
    .filter(Boolean)
    .slice(0, max);
}
