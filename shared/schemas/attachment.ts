import { z } from 'zod';
import { id } from './common';

/**
 * The records a file can be attached to, and the table each lives in. A new kind of record
 * (the installation job) is one line here: `installation: 'installations'`.
 */
export const ATTACHMENT_RECORD_TABLES = {
  customer: 'customers',
  unit: 'units',
  ticket: 'tickets',
  document: 'documents',
  installation: 'installations',
} as const;

export type AttachmentRecordType = keyof typeof ATTACHMENT_RECORD_TABLES;
export const ATTACHMENT_RECORD_TYPES = Object.keys(ATTACHMENT_RECORD_TABLES) as [AttachmentRecordType, ...AttachmentRecordType[]];

/** At most this many bytes per file: a phone photo or a scanned drawing set fits, a video does not. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/**
 * What may be attached, by the file's own first bytes (never by its name alone): photos, PDFs,
 * and CAD drawings kept as opaque files. Each with the extension it is stored and opened under.
 */
export const ATTACHMENT_TYPES = [
  { ext: 'jpg', mime: 'image/jpeg', kind: 'photo', names: ['jpg', 'jpeg'] },
  { ext: 'png', mime: 'image/png', kind: 'photo', names: ['png'] },
  { ext: 'webp', mime: 'image/webp', kind: 'photo', names: ['webp'] },
  { ext: 'heic', mime: 'image/heic', kind: 'photo', names: ['heic', 'heif'] },
  { ext: 'pdf', mime: 'application/pdf', kind: 'pdf', names: ['pdf'] },
  { ext: 'dwg', mime: 'image/vnd.dwg', kind: 'drawing', names: ['dwg'] },
] as const;

export type AttachmentKind = (typeof ATTACHMENT_TYPES)[number]['kind'];
/** The extensions the file dialog offers. */
export const ATTACHMENT_EXTENSIONS = [...new Set(ATTACHMENT_TYPES.flatMap((t) => t.names))];

export const attachmentRecord = z.strictObject({
  type: z.enum(ATTACHMENT_RECORD_TYPES),
  id,
});
export type AttachmentRecord = z.infer<typeof attachmentRecord>;

export const attachmentListInput = z.strictObject({ record: attachmentRecord });
export const attachmentPickInput = z.strictObject({ record: attachmentRecord });
/**
 * A file dropped on the panel: the renderer read it (a File object) and sends its bytes. The
 * name is only a label; it is never used as a path.
 */
export const attachmentAddInput = z.strictObject({
  record: attachmentRecord,
  name: z.string().trim().min(1, { error: 'validation.required' }).max(200),
  // base64 of at most MAX_ATTACHMENT_BYTES, checked again on the decoded bytes.
  data: z.string().max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 4, { error: 'attachments.errors.tooLargeUpload' }),
});
export const attachmentIdInput = z.strictObject({ id });

export interface AttachmentItem {
  id: number;
  recordType: AttachmentRecordType;
  recordId: number;
  name: string;
  hash: string;
  size: number;
  mime: string;
  kind: AttachmentKind;
  createdAt: number;
  createdBy: string;
  /** A small WebP as a data URL; null for a PDF, a drawing, or a photo that could not be drawn. */
  thumbnail: string | null;
  /** The stored file is gone from disk: shown as missing, the link kept until someone deletes it. */
  missing: boolean;
}

export interface AttachmentProblem {
  hash: string;
  names: string[];
  problem: 'missing' | 'altered';
}

/** The health check of the stored files: each one present and still its own hash. */
export interface AttachmentCheck {
  checked: number;
  problems: AttachmentProblem[];
}
