import {
  dispatchOrderInput,
  documentIdInput,
  documentListInput,
  repairReceiptInput,
  warrantyCardInput,
  type DocumentRecord,
  type GeneratedDocument,
} from '../schemas/document';
import type { PrintResult } from '../schemas/printing';
import { read, returns, write } from './channel';

/** The archive of printed papers: generating one numbers and stores it; printing and saving copy it out. */
export const documentChannels = {
  'documents:warrantyCard': write(warrantyCardInput, returns<GeneratedDocument>(), { refreshes: ['documents', 'search', 'cards'] }),
  'documents:dispatchOrder': write(dispatchOrderInput, returns<GeneratedDocument>(), { refreshes: ['documents', 'search'] }),
  'documents:repairReceipt': write(repairReceiptInput, returns<GeneratedDocument>(), { refreshes: ['documents', 'search'] }),
  'documents:list': read(documentListInput, returns<DocumentRecord[]>()),
  'documents:content': read(documentIdInput, returns<{ base64: string }>()),
  // Printer and copies come from the kind's setup in Settings, never from the renderer.
  'documents:print': write(documentIdInput, returns<PrintResult>(), { refreshes: [] }),
  'documents:saveAs': write(documentIdInput, returns<{ savedTo: string | null }>(), { refreshes: [] }),
  'documents:showInFolder': write(documentIdInput, returns<null>(), { refreshes: [] }),
};
