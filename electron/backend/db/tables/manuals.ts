/* The maintenance manual: content per model or category and its versions, pictures, set values, issued manuals. */
import type { Generated } from 'kysely';

export interface ManualContentsTable {
  id: Generated<number>;
  model_id: number | null;
  category: string | null;
  created_at: number;
  updated_at: number;
}

export interface ManualContentVersionsTable {
  id: Generated<number>;
  content_id: number;
  version: number;
  /** JSON ManualBody: the structured (ProseMirror) documents, pictures as `manual-image:<id>`. */
  body: string;
  created_by: string;
  created_at: number;
}

export interface ManualImagesTable {
  id: Generated<number>;
  sha256: string;
  format: string;
  width: number;
  height: number;
  bytes: Buffer;
  created_at: number;
}

export interface UnitSetValuesTable {
  id: Generated<number>;
  unit_id: number;
  position: number;
  label: string;
  value: string;
  note: string | null;
}

export interface ManualIssuesTable {
  id: Generated<number>;
  document_id: number;
  installation_id: number;
  /** JSON ManualVersionUsed[]. */
  versions: string;
  /** JSON: the facts the manual was printed from (number and day aside). */
  snapshot: string;
  issue_day: string;
  created_at: number;
}
