import type { DomainHandlers } from '../../app/handler-types';
import { cutShortBatches, listBatches, markCutShortSeen } from './batches';
import { exportList } from './export';
import { exportCustomerHistory } from './export-tickets';
import { saveImportTemplate } from './template';
import { commitImport, openImport, previewImport, reopenImport } from './import';
import { checkUndo, undoImport } from './undo';
import { commitTicketImport, previewTicketImport } from './ticket-import';

/** Customers and units in from the company's own sheet (and back out again, as one step); any list out. */
export const excelHandlers = {
  'import:open': (ctx) => openImport(ctx),
  'import:preview': previewImport,
  'import:commit': commitImport,
  'import:batches': (ctx) => listBatches(ctx),
  'import:undoCheck': (ctx, input) => checkUndo(ctx, input.batchId),
  'import:undo': (ctx, input) => undoImport(ctx, input.batchId),
  'export:list': exportList,
  'import:encoding': reopenImport,
  'export:customerHistory': exportCustomerHistory,
  'import:template': saveImportTemplate,
  'import:ticketsPreview': previewTicketImport,
  'import:ticketsCommit': commitTicketImport,
  'import:cutShort': (ctx) => cutShortBatches(ctx),
  'import:cutShortSeen': (ctx, input) => markCutShortSeen(ctx, input.batchId),
} satisfies DomainHandlers;
