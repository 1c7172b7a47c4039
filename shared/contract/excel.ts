import {
  exportHistoryInput,
  exportInput,
  importBatchInput,
  importEncodingInput,
  importTemplateInput,
  importSheetInput,
  type ImportBatch,
  type ImportOpened,
  type ImportPreview,
  type ImportResult,
  type ImportUndoCheck,
} from '../schemas/excel';
import { ticketImportInput, type TicketImportPreview, type TicketImportResult } from '../schemas/ticket-import';
import { none, read, returns, write } from './channel';

export const excelChannels = {
  'import:open': read(none, returns<ImportOpened | null>()),
  'import:preview': read(importSheetInput, returns<ImportPreview>()),
  'import:commit': write(importSheetInput, returns<ImportResult>(), { refreshes: ['import', 'customers', 'units', 'models', 'policies', 'search'] }),
  /** The latest imports, newest first. */
  'import:batches': read(none, returns<ImportBatch[]>()),
  'import:undoCheck': read(importBatchInput, returns<ImportUndoCheck>()),
  // Takes back exactly what one import created, while nothing else has touched it. An import
  // from an earlier day deletes customers the desk may have come to rely on: the service asks
  // for the admin PIN then (see undoImport).
  'import:undo': write(importBatchInput, returns<ImportBatch>(), { refreshes: ['import', 'customers', 'units', 'models', 'search', 'desk'] }),
  // A filtered list is everyday work; the whole list is "export of everything".
  'export:list': write(exportInput, returns<{ savedTo: string | null; rows: number }>(), {
    refreshes: [],
    // The tickets list goes by the filters on screen: past EVERYDAY_EXPORT_ROWS the service asks.
    admin: (input) => input.query.trim() === '' && input.list !== 'tickets',
  }),
  /** The open CSV read again in the encoding the clerk picked in the preview. */
  'import:encoding': read(importEncodingInput, returns<ImportOpened>()),
  /** One customer's history out as a workbook; the clerk hands it to the customer who asks. */
  'export:customerHistory': write(exportHistoryInput, returns<{ savedTo: string | null; rows: number }>(), { refreshes: [] }),
  /** The import template saved where the clerk picks. */
  'import:template': write(importTemplateInput, returns<{ savedTo: string | null }>(), { refreshes: [] }),
  /** A tickets sheet checked row by row against the desk: nothing written. */
  'import:ticketsPreview': read(ticketImportInput, returns<TicketImportPreview>()),
  /** Its new tickets written all at once, or none when a row is refused; tickets already on the desk are left alone. */
  'import:ticketsCommit': write(ticketImportInput, returns<TicketImportResult>(), { refreshes: ['import', 'tickets', 'desk', 'search'] }),
  /** Imports cut short that could not be taken back, not yet read by the clerk (the note on every page). */
  'import:cutShort': read(none, returns<ImportBatch[]>()),
  /** The clerk has read the note: the import screen keeps saying it on the batch's line. */
  'import:cutShortSeen': write(importBatchInput, returns<ImportBatch>(), { refreshes: ['import'] }),
};
