/* Who is at the desk, the admin PIN, the audit log, the health checks. */
import type { Generated } from 'kysely';

export interface OperatorsTable {
  id: Generated<number>;
  name: string;
  active: Generated<number>;
  created_at: number;
  last_seen_at: number | null;
}

export interface SecurityTable {
  key: string;
  value: string;
}

/** Written only by the audit triggers; read-only to the app. */
export interface AuditChangesTable {
  id: string;
  at: number;
  operator: string;
  channel: string;
  elevated: number;
  request: string;
  /** The restore (its change id) that undid this change; null while it stands. */
  undone_by: Generated<string | null>;
}

export interface AuditRowsTable {
  id: Generated<number>;
  change_id: string;
  table_name: string;
  row_id: string;
  op: 'insert' | 'update' | 'delete';
  before: string | null;
  after: string | null;
  /** The record's name when the row was written (migration 0140); null in rows logged before. */
  label: Generated<string | null>;
}

/** What an upgrade's migration changed in the data, for the data-check screen to say (written outside any request). */
export interface UpgradeNotesTable {
  migration: string;
  at: number;
  key: string;
  params: string;
}

export interface HealthChecksTable {
  id: Generated<number>;
  at: number;
  ok: number;
  ms: number;
  problems: Generated<string>;
  /** The attachment files' check (JSON of AttachmentCheck); null for checks before attachments. */
  attachments: string | null;
}
