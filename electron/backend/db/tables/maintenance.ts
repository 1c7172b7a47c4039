/* Scheduled service: maintenance contracts, the units they cover, their visit plan, the visits. */
import type { Generated } from 'kysely';

export interface MaintenanceContractsTable {
  id: Generated<number>;
  number: string;
  customer_id: number;
  kind: string;
  starts_on: string;
  ends_on: string;
  service_level_id: number | null;
  price_fen: Generated<number>;
  payment_terms: string | null;
  note: string | null;
  renewed_from_id: number | null;
  cancelled_at: number | null;
  cancel_reason: string | null;
  created_by: string;
  created_at: number;
  updated_at: number;
}

export interface ContractUnitsTable {
  contract_id: number;
  unit_id: number;
}

export interface ContractPlanLinesTable {
  id: Generated<number>;
  contract_id: number;
  position: number;
  kind: string;
  repeat: string;
  n: number | null;
  /** JSON array of months, for `after` lines. */
  offsets: string | null;
  from_on: string;
  to_on: string;
}

export interface VisitsTable {
  id: Generated<number>;
  number: string;
  contract_id: number | null;
  unit_id: number | null;
  kind: string;
  planned_on: string;
  due_on: string;
  status: Generated<string>;
  /** Moved or assigned by the desk: kept when the plan is made again. */
  rescheduled: Generated<number>;
  technician_id: number | null;
  reason: string | null;
  done_at: number | null;
  notes: string | null;
  arrived_at: number | null;
  left_at: number | null;
  fixed_on_spot: string | null;
  advice: string | null;
  feedback: string | null;
  signed_by: string | null;
  /** The dedicated renewal visit (续保走访), made by the desk rather than a plan. */
  renewal: Generated<number>;
  created_at: number;
  updated_at: number;
}

/** A customer who does not renew: a contract, or a unit's warranty ending on `ends_on`. */
export interface RenewalDeclinesTable {
  id: Generated<number>;
  contract_id: number | null;
  unit_id: number | null;
  ends_on: string;
  declined_on: string;
  note: string | null;
  created_by: string;
  created_at: number;
}

export interface ChecklistsTable {
  id: Generated<number>;
  name: string;
  model_id: number | null;
  category: string | null;
  archived: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface ChecklistVersionsTable {
  id: Generated<number>;
  checklist_id: number;
  version: number;
  /** JSON ChecklistItem[]. */
  items: string;
  created_by: string;
  created_at: number;
}

export interface VisitResultsTable {
  visit_id: number;
  unit_id: number;
  checklist_version_id: number;
  item_key: string;
  answer: string | null;
  reading: number | null;
  text: string | null;
  remark: string | null;
  needs_repair: Generated<number>;
  ticket_id: number | null;
}
