import type { HandlersFor } from './api';
import { createDispatchOrder, createRepairReceipt } from './services/ticket-documents';

/** Dispatch orders and repair receipts. */
export const ticketDocumentHandlers: HandlersFor<'documents:dispatchOrder' | 'documents:repairReceipt'> = {
  'documents:dispatchOrder': createDispatchOrder,
  'documents:repairReceipt': createRepairReceipt,
};
