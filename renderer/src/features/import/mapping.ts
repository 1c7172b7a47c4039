import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportField, type ImportSheet } from '../../../../shared/schemas/excel';
import { REQUIRED_TICKET_FIELDS, TICKET_IMPORT_FIELDS } from '../../../../shared/schemas/ticket-import';

/** Which sheet column (0-based) feeds each import field; null or absent = not imported. */
export type ColumnMapping = Partial<Record<string, number | null>>;

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

/** The fields one kind of import reads: grouped in columns on screen, named from the catalogs. */
export interface FieldSet {
  kind: 'customers' | 'tickets';
  all: readonly string[];
  required: readonly string[];
  /** Columns of groups, left to right. */
  columns: { title: string; fields: readonly string[]; testId: string }[][];
  /** The catalog key of a field's name. */
  label: (field: string) => string;
}

/** Customers and their units, in the order of the paper forms: the customer first, then the unit. */
export const CUSTOMER_SET: FieldSet = {
  kind: 'customers',
  all: IMPORT_FIELDS,
  required: REQUIRED_IMPORT_FIELDS,
  columns: [
    [{ title: 'importer.map.customerFields', fields: IMPORT_FIELDS.filter((f) => !UNIT_FIELDS.has(f)), testId: 'map-customer' }],
    [{ title: 'importer.map.unitFields', fields: IMPORT_FIELDS.filter((f) => UNIT_FIELDS.has(f)), testId: 'map-unit' }],
  ],
  label: (f) => `importer.fields.${f}`,
};

/** Tickets, named as the tickets export heads its columns: the ticket; whose and which unit; the work and charges. */
export const TICKET_SET: FieldSet = {
  kind: 'tickets',
  all: TICKET_IMPORT_FIELDS,
  required: REQUIRED_TICKET_FIELDS,
  columns: [
    [{ title: 'sheets.ticketImport.ticketFields', fields: ['number', 'reportedAt', 'status', 'severity', 'source', 'faultCategory', 'fault', 'region', 'technicians', 'inWarranty'], testId: 'map-ticket' }],
    [
      { title: 'sheets.ticketImport.matchFields', fields: ['customer', 'customerPhone', 'contactPhone', 'unit', 'serial'], testId: 'map-ticket-match' },
      { title: 'sheets.ticketImport.moreFields', fields: ['diagnosis', 'cause', 'action', 'answeredAt', 'arrivedAt', 'resolvedAt', 'closedAt', 'total', 'paid'], testId: 'map-ticket-more' },
    ],
  ],
  label: (f) => `sheets.ticketList.${f}`,
};

export const fieldSetOf = (kind: FieldSet['kind']) => (kind === 'tickets' ? TICKET_SET : CUSTOMER_SET);

/** The backend's guess from the header names, as a complete mapping. */
export function suggestedMapping(sheet: ImportSheet, set: FieldSet): ColumnMapping {
  const suggested: Partial<Record<string, number>> = set.kind === 'tickets' ? sheet.suggestedTickets : sheet.suggested;
  return Object.fromEntries(set.all.map((field) => [field, suggested[field] ?? null]));
}

export function columnOf(mapping: ColumnMapping, field: string): number | null {
  const value = mapping[field];
  return value === undefined ? null : value;
}

export function missingRequired(mapping: ColumnMapping, set: FieldSet): string[] {
  return set.required.filter((field) => columnOf(mapping, field) === null);
}

/** The other field that reads the same column, if any (one column is rarely two things). */
export function sharedWith(mapping: ColumnMapping, field: string, set: FieldSet): string | null {
  const column = columnOf(mapping, field);
  if (column === null) return null;
  return set.all.find((other) => other !== field && columnOf(mapping, other) === column) ?? null;
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
