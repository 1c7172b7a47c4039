/** The attachments panel other features place on their record's page. */
export { AttachmentPanel } from './AttachmentPanel';
