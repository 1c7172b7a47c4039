import type { DomainHandlers } from '../../app/handler-types';
import { addDropped, checkAttachments, deleteAttachment, listAttachments, openAttachment, pickAttachment } from './attachments';

/** Photos, PDFs and drawings kept with customers, units, tickets and archived documents. */
export const attachmentHandlers = {
  'attachments:list': (ctx, input) => listAttachments(ctx, input.record),
  'attachments:pick': (ctx, input) => pickAttachment(ctx, input.record),
  'attachments:add': (ctx, input) => addDropped(ctx, input.record, input.name, input.data),
  'attachments:open': (ctx, input) => openAttachment(ctx, input.id),
  'attachments:delete': (ctx, input) => deleteAttachment(ctx, input.id),
  'attachments:check': (ctx) => checkAttachments(ctx),
} satisfies DomainHandlers;
