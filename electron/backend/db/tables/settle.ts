/* Settling with the maker and with the customer: makers, warranty claims, feedback forms, 三包 settlements, scrapping. */
import type { Generated } from 'kysely';

export interface MakersTable {
  id: Generated<number>;
  name: string;
  department: string | null;
  contact_name: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  address: string | null;
  returns_due_day: number;
  /** JSON list of the form keys the maker wants each month. */
  forms: string;
  note: string | null;
  archived: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface WarrantyClaimsTable {
  id: Generated<number>;
  number: string;
  maker_id: number;
  created_on: string;
  sent_on: string | null;
  waybill: string | null;
  checked_on: string | null;
  note: string | null;
  created_by: string;
  created_at: number;
  updated_at: number;
}

export interface WarrantyClaimLinesTable {
  id: Generated<number>;
  claim_id: number;
  ticket_part_id: number;
  ticket_id: number;
  unit_id: number;
  part_id: number;
  quantity: number;
  fault: string;
  fitted_on: string;
  decision: string | null;
  reject_reason: string | null;
  decided_on: string | null;
  received_quantity: Generated<number>;
  received_on: string | null;
  old_part: Generated<string>;
  old_waybill: string | null;
  old_postage_fen: Generated<number>;
  old_on: string | null;
}

export interface FeedbackFormsTable {
  id: Generated<number>;
  number: string;
  maker_id: number;
  ticket_id: number | null;
  unit_id: number | null;
  model_id: number;
  problem: string;
  raised_on: string;
  due_on: string;
  answered_on: string | null;
  answer: string | null;
  created_by: string;
  created_at: number;
}

export interface SanbaoSettlementsTable {
  id: Generated<number>;
  number: string;
  kind: string;
  ticket_id: number;
  unit_id: number;
  new_unit_id: number | null;
  settled_on: string;
  invoice_date: string;
  receipt_date: string;
  days_elapsed: number;
  repair_days: number;
  charged_days: number;
  rate_bp: number;
  price_fen: number;
  depreciation_fen: number;
  refund_fen: number;
  new_price_fen: number | null;
  difference_fen: number | null;
  test_report: string | null;
  override_reason: string | null;
  note: string | null;
  created_by: string;
  created_at: number;
}

export interface ScrapRecordsTable {
  id: Generated<number>;
  number: string;
  kind: string;
  unit_id: number | null;
  loaner_id: number | null;
  part_id: number | null;
  quantity: number;
  reason: string;
  assessment: string;
  disposal: string;
  approved_by: string;
  scrapped_on: string;
  kept_loan_id: number | null;
  note: string | null;
  created_by: string;
  created_at: number;
}

export interface SettleSettingsTable {
  key: string;
  value: string;
}

/** The monthly returns to a maker: the last pack issued for a month, and when it was sent (migration 0380). */
export interface MakerReturnsTable {
  id: Generated<number>;
  maker_id: number;
  month: string;
  document_id: number | null;
  number: string | null;
  provisional: Generated<number>;
  issued_on: string | null;
  sent_on: string | null;
  sent_how: string | null;
  created_at: number;
  updated_at: number;
}
