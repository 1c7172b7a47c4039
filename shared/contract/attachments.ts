import {
  attachmentAddInput,
  attachmentIdInput,
  attachmentListInput,
  attachmentPickInput,
  type AttachmentCheck,
  type AttachmentItem,
} from '../schemas/attachment';
import { none, read, returns, write } from './channel';

/** Photos, PDFs and drawings kept with a record, stored once per content in the data folder. */
export const attachmentChannels = {
  'attachments:list': read(attachmentListInput, returns<AttachmentItem[]>()),
  // The file comes from the system's open dialog, read by the main process: never a path the renderer names.
  'attachments:pick': write(attachmentPickInput, returns<AttachmentItem | null>(), { refreshes: ['attachments'] }),
  // A file dropped on the panel arrives as its bytes.
  'attachments:add': write(attachmentAddInput, returns<AttachmentItem>(), { refreshes: ['attachments'] }),
  // Opens the stored file in the system's viewer: changes nothing stored.
  'attachments:open': write(attachmentIdInput, returns<null>(), { refreshes: [] }),
  // Deleting what a record keeps needs the admin PIN; the log keeps who did it.
  'attachments:delete': write(attachmentIdInput, returns<null>(), { refreshes: ['attachments'], admin: true }),
  'attachments:check': read(none, returns<AttachmentCheck>()),
};
