import { z } from 'zod';
import type { Message } from '../result';
import { id } from './common';

/** The columns a sheet can be mapped to: one row is a customer and, optionally, one unit. */
export const IMPORT_FIELDS = [
  'customerName',
  'kind',
  'region',
  'phone',
  'phone2',
  'address',
  'contact',
  'tags',
  'note',
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
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_IMPORT_FIELDS: ImportField[] = ['customerName', 'phone'];

const mapping = z.partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(0).max(200).nullable());

export const importSheetInput = z.strictObject({
  token: z.string().regex(/^[0-9a-f-]{36}$/),
  sheet: z.string().min(1).max(100),
  mapping,
  /** The policy for product models the sheet names but the app does not know yet. */
  defaultPolicyId: id.nullable(),
});

export const EXPORT_LISTS = ['customers', 'units', 'models', 'documents'] as const;
export const exportInput = z.strictObject({ list: z.enum(EXPORT_LISTS), query: z.string().max(100).default('') });

export interface ImportSheet {
  name: string;
  headers: string[];
  rowCount: number;
  /** The first rows as text, for the mapping step's preview. */
  sample: string[][];
  /** A mapping guessed from the header names (客户名称, 手机, 机身编号, ...). */
  suggested: Partial<Record<ImportField, number>>;
}

export interface ImportOpened {
  token: string;
  fileName: string;
  sheets: ImportSheet[];
}

export interface ImportProblem {
  /** The sheet's column header the problem is in, or null for the whole row. */
  column: string | null;
  message: Message;
}

export interface ImportRowResult {
  /** The row number as the spreadsheet shows it. */
  row: number;
  ok: boolean;
  customerName: string;
  serial: string | null;
  /** A customer on file, the same as a row above (name and a phone agree), or a new one. */
  customer: 'new' | 'existing' | 'sameAsAbove';
  /** The name of the customer the row is filed under: the one on file, or the row's own. */
  targetName: string;
  /** The customer on file it is filed under, if any. */
  targetId: number | null;
  /** Why the row is not imported; none when it is. */
  problems: ImportProblem[];
  /** What the desk should know about a row that is imported (its number belongs to someone else). */
  warnings: ImportProblem[];
}

export interface ImportPreview {
  rows: ImportRowResult[];
  total: number;
  okCount: number;
  errorCount: number;
  /** Good rows with a warning (all of them are in rows). */
  warnedCount: number;
  newCustomers: number;
  existingCustomers: number;
  newUnits: number;
  newModels: string[];
}

export interface ImportResult {
  customersCreated: number;
  customersReused: number;
  unitsCreated: number;
  modelsCreated: number;
  rejected: ImportRowResult[];
}
