import type { DomainHandlers } from '../../app/handler-types';
import { createWarrantyCard, documentContent, listDocuments, printDocument, saveDocumentAs, showDocumentInFolder } from './archive';

/** The archive of printed papers; ticket papers are made by the tickets domain. */
export const archiveHandlers = {
  'documents:warrantyCard': createWarrantyCard,
  'documents:list': listDocuments,
  'documents:content': (ctx, input) => documentContent(ctx, input.id),
  'documents:print': (ctx, input) => printDocument(ctx, input.id),
  'documents:saveAs': (ctx, input) => saveDocumentAs(ctx, input.id),
  'documents:showInFolder': (ctx, input) => showDocumentInFolder(ctx, input.id),
} satisfies DomainHandlers;
