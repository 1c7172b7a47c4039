import { z } from 'zod';
import type { Message } from '../result';
import { id } from './common';
import { LANGUAGES } from '../i18n/languages';
import { ticketListInput } from './ticket';
import type { TicketImportField } from './ticket-import';

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

/** A row number as the spreadsheet shows it (Excel has 1,048,576 rows). */
const sheetRow = z.number().int().min(1).max(1_048_576);

/**
 * Who an ambiguous row goes to, as the clerk decided: a customer on file, the new customer a row
 * above creates, a new customer of its own, or not imported at all.
 */
export const importCustomerChoice = z.union([
  z.literal('skip'),
  z.literal('new'),
  z.strictObject({ customerId: id }),
  z.strictObject({ sameAsRow: sheetRow }),
]);
export type ImportCustomerChoice = z.output<typeof importCustomerChoice>;

export const importSheetInput = z.strictObject({
  token: z.string().regex(/^[0-9a-f-]{36}$/),
  sheet: z.string().min(1).max(100),
  mapping,
  /**
   * The policy for the models not on file yet, per category as the sheet writes it ('' for rows
   * without one); null creates none (their rows are not imported). A category left out gets the
   * preview's suggestion.
   */
  categoryPolicies: z
    .array(z.strictObject({ category: z.string().max(100), policyId: id.nullable() }))
    .max(500)
    .default([]),
  /** The clerk's decisions for rows that more than one customer could be. */
  customerChoices: z
    .array(z.strictObject({ row: sheetRow, choice: importCustomerChoice }))
    .max(50_000)
    .default([]),
});

export const importBatchInput = z.strictObject({ batchId: id });

export const EXPORT_LISTS = ['customers', 'units', 'models', 'documents', 'tickets'] as const;
/** The tickets list's filters as the screen has them (every page of it goes out). */
export const exportTicketFilter = ticketListInput.omit({ limit: true, offset: true });
export const exportInput = z.strictObject({
  list: z.enum(EXPORT_LISTS),
  query: z.string().max(100).default(''),
  tickets: exportTicketFilter.default(() => exportTicketFilter.parse({})),
});
/** The import template, in the language asked for (null: the desk's). */
export const importTemplateInput = z.strictObject({ language: z.enum(LANGUAGES).nullish().transform((v) => v ?? null) });
/** One customer's whole history: tickets, parts, charges, callbacks. */
export const exportHistoryInput = z.strictObject({ customerId: id });

export interface ImportSheet {
  name: string;
  headers: string[];
  rowCount: number;
  /** The first rows as text, for the mapping step's preview. */
  sample: string[][];
  /** A mapping guessed from the header names (客户名称, 手机, 机身编号, ...). */
  suggested: Partial<Record<ImportField, number>>;
  /** The same for a sheet of tickets (the tickets list or a history's tickets sheet). */
  suggestedTickets: Partial<Record<TicketImportField, number>>;
  /** Its headers are a tickets sheet's: the import offers tickets first. */
  holdsTickets: boolean;
}

/** The spreadsheet formats the import reads, as the file's bytes say (not its name). */
export const SHEET_FORMATS = ['xlsx', 'xls', 'et', 'ods', 'csv'] as const;
export type SheetFormat = (typeof SHEET_FORMATS)[number];
/** The text encodings a CSV or text file may be read in (GBK is read as its superset GB18030). */
export const SHEET_ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be', 'big5'] as const;
export type SheetEncoding = (typeof SHEET_ENCODINGS)[number];

/** Reads the open CSV again in another encoding, when the detected one shows garbled text. */
export const importEncodingInput = z.strictObject({ token: z.string().regex(/^[0-9a-f-]{36}$/), encoding: z.enum(SHEET_ENCODINGS) });

export interface ImportOpened {
  token: string;
  fileName: string;
  sheets: ImportSheet[];
  format: SheetFormat;
  /** For a CSV or text file: the encoding it is read in, and the separator found; null otherwise. */
  encoding: SheetEncoding | null;
  /** The encoding detected; the clerk may have chosen another. */
  detectedEncoding: SheetEncoding | null;
  delimiter: 'comma' | 'semicolon' | 'tab' | null;
}

export interface ImportProblem {
  /** The sheet's column header the problem is in, or null for the whole row. */
  column: string | null;
  message: Message;
}

/** A customer a row could go to: one on file (id), or the new one a row above creates (row). */
export interface ImportCustomerRef {
  id: number | null;
  row: number | null;
  name: string;
  /** The phone it shares with the row, as stored (or as the row above has it). */
  phone: string;
  /** Its default address: two records of one name and number are told apart by where they are. */
  address: string | null;
  archived: boolean;
}

/**
 * Why a row goes where it goes, as the importer decides: a customer joins only when the name and
 * a phone agree (the name compared as written alike: spaces, traditional or full-width forms).
 */
export type ImportMatchReason =
  /** Same name, same phone. */
  | 'sameNameAndPhone'
  /** The same name written otherwise (張三豐 / 张三丰, spaces), and the same phone. */
  | 'nameWrittenAlikeAndPhone'
  /** No customer, on file or above, has any of the row's phones. */
  | 'phoneNotOnFile'
  /** The phone belongs to someone by another name: a customer of its own (see the warnings). */
  | 'phoneOfOtherName'
  /** More than one customer agrees on the name and a phone: the clerk chooses. */
  | 'several'
  /** The clerk chose. */
  | 'chosen';

export interface ImportRowResult {
  /** The row number as the spreadsheet shows it. */
  row: number;
  /** The row is imported. */
  ok: boolean;
  customerName: string;
  serial: string | null;
  /**
   * A customer on file, the same as a row above (name and a phone agree), a new one, one of
   * several the clerk must choose between (not imported until then), or skipped by the clerk.
   */
  customer: 'new' | 'existing' | 'sameAsAbove' | 'ambiguous' | 'skipped';
  /** The name of the customer the row is filed under: the one on file, the row above's, or its own. */
  targetName: string;
  /** The customer on file it is filed under, if any. */
  targetId: number | null;
  /** The row above whose new customer it joins, if any. */
  targetRow: number | null;
  /** The phone the match was made on (for a new customer, its first phone). */
  targetPhone: string | null;
  reason: ImportMatchReason;
  /** The customers it could be, when more than one agrees (kept after a choice, to change it). */
  candidates: ImportCustomerRef[];
  /** The product category the row's unit is filed in ('' for none), null without a unit. */
  category: string | null;
  /** Why the row is not imported; none when it is. */
  problems: ImportProblem[];
  /** What the desk should know about a row that is imported (its number belongs to someone else). */
  warnings: ImportProblem[];
}

/** Where a policy for a category's new models came from. */
export type CategoryPolicySource =
  /** The clerk picked it. */
  | 'chosen'
  /** Most models of this category on file use it. */
  | 'sameCategory'
  /** Its name contains the category (空调 → 家用空调标准保修). */
  | 'policyName'
  /** Nothing to go by: the clerk must pick one, or the rows are not imported. */
  | 'none'
  /** Every model of the category is on file already, each with its own policy. */
  | 'onFile'
  /** Its rows naming models not on file are refused or skipped: the import creates no model here. */
  | 'noneNew';

export interface ImportCategory {
  /** As the sheet writes it ('' for rows without a category). */
  category: string;
  /** Rows with a unit in this category. */
  rows: number;
  /** "brand model" of the models not on file yet. */
  newModels: string[];
  /** The policy the new models get: null when none is chosen (or none is needed). */
  policyId: number | null;
  source: CategoryPolicySource;
}

export interface ImportPreview {
  rows: ImportRowResult[];
  total: number;
  okCount: number;
  errorCount: number;
  /** Good rows with a warning (all of them are in rows). */
  warnedCount: number;
  /** Rows more than one customer could be, not chosen yet (all of them are in rows). */
  ambiguousCount: number;
  /** Rows the clerk chose to skip. */
  skippedCount: number;
  newCustomers: number;
  existingCustomers: number;
  newUnits: number;
  newModels: string[];
  /** Each category of the sheet's units, with the policy its new models get. */
  categories: ImportCategory[];
}

/** One import as the desk keeps it, to show and to undo. */
export interface ImportBatch {
  id: number;
  fileName: string;
  sheet: string;
  operator: string;
  createdAt: number;
  customersCreated: number;
  customersReused: number;
  unitsCreated: number;
  modelsCreated: number;
  rowsNotImported: number;
  undoneAt: number | null;
  undoneBy: string | null;
  /** Cut short and could not be taken back: what it wrote is kept (migration 0410). */
  cutShortAt: number | null;
}

export interface ImportResult {
  customersCreated: number;
  customersReused: number;
  unitsCreated: number;
  modelsCreated: number;
  /** Rows not imported: with problems, skipped, or still to be chosen. */
  rejected: ImportRowResult[];
  batch: ImportBatch;
}

/** What undoing an import would do, or what stands in its way. */
export interface ImportUndoCheck {
  batch: ImportBatch;
  /** What changed since the import, one sentence each (the first few). */
  blockers: Message[];
  /** How many such changes there are in all. */
  blockerCount: number;
  /** The import was not made today: undoing it needs the admin PIN. */
  needsAdmin: boolean;
}
