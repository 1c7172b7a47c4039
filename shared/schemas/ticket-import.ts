import { z } from 'zod';
import type { Message } from '../result';

/** A problem with a row, under the sheet's own column header (null: the whole row); the same shape as the customer import's. */
export interface ImportProblem {
  column: string | null;
  message: Message;
}

/**
 * Tickets in from a sheet: the desk's own tickets list or a customer's history workbook (their
 * tickets sheet has the same columns), or a sheet of the same shape from another system. One
 * row is one ticket; its customer and unit must be on file already (import those first, from
 * the customers and units lists). The columns are the tickets export's, in its order.
 */
export const TICKET_IMPORT_FIELDS = [
  'number',
  'reportedAt',
  'status',
  'severity',
  'customer',
  'customerPhone',
  'contactPhone',
  'unit',
  'serial',
  'region',
  'fault',
  'technicians',
  'inWarranty',
  'source',
  'faultCategory',
  'diagnosis',
  'cause',
  'action',
  'answeredAt',
  'arrivedAt',
  'resolvedAt',
  'closedAt',
  'total',
  'paid',
] as const;
export type TicketImportField = (typeof TICKET_IMPORT_FIELDS)[number];
export const REQUIRED_TICKET_FIELDS: TicketImportField[] = ['number', 'reportedAt', 'status', 'customer', 'customerPhone', 'fault'];

export const ticketImportInput = z.strictObject({
  token: z.string().regex(/^[0-9a-f-]{36}$/),
  sheet: z.string().min(1).max(100),
  mapping: z.partialRecord(z.enum(TICKET_IMPORT_FIELDS), z.number().int().min(0).max(200).nullable()),
});

/**
 * What happens to a row: a new ticket; a ticket of the same number already on the desk (left as
 * the desk has it: the desk's copy may have moved on since the sheet was written); or refused.
 */
export type TicketRowOutcome = 'new' | 'onDesk' | 'refused';

export interface TicketImportRow {
  row: number;
  outcome: TicketRowOutcome;
  number: string;
  customerName: string;
  /** The unit as the desk will file it: "brand model · serial", or the sheet's words when not on file. */
  unitLabel: string;
  /** The status as a key (translated on screen), null when the cell is not one. */
  status: string | null;
  problems: ImportProblem[];
  warnings: ImportProblem[];
}

export interface TicketImportPreview {
  /** Every refused or warned row, and the first few others for a look; the counts say the rest. */
  rows: TicketImportRow[];
  total: number;
  newCount: number;
  onDeskCount: number;
  errorCount: number;
}

export interface TicketImportResult {
  created: number;
  /** Rows whose ticket number was already on the desk: not written again. */
  onDesk: number;
}
