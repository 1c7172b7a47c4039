import type { Generated } from 'kysely';

/** One stored content, named by its SHA-256: `attachments/<hash[0..2]>/<hash>.<ext>` in the data folder. */
export interface AttachmentFilesTable {
  hash: string;
  size: number;
  mime: string;
  ext: string;
  /** 1 when a thumbnail was drawn at add time (`thumbs/<hash>.webp`). */
  thumb: number;
  created_at: number;
}

/** A content linked to one record under the name it was added with. */
export interface AttachmentsTable {
  id: Generated<number>;
  record_type: string;
  record_id: number;
  hash: string;
  name: string;
  created_by: string;
  created_at: number;
}
