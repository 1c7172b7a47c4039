/** How far the audit log's text index has been filled for the rows logged before it existed (migration 0330). */
export interface AuditIndexBackfillTable {
  id: number;
  /** audit_rows with an id at or below this are not indexed yet; 0 when all are. */
  rows_left: number;
  /** audit_changes with a rowid at or below this are not indexed yet; 0 when all are. */
  changes_left: number;
}
