import type { Generated, Kysely, Transaction } from 'kysely';

export interface SettingsTable {
  key: string;
  value: string;
}

export interface CustomersTable {
  id: Generated<number>;
  kind: string;
  name: string;
  region: string;
  note: string | null;
  archived_at: number | null;
  merged_into_id: number | null;
  created_at: number;
  updated_at: number;
}

export interface CustomerPhonesTable {
  id: Generated<number>;
  customer_id: number;
  phone: string;
  label: string | null;
  position: number;
}

export interface CustomerAddressesTable {
  id: Generated<number>;
  customer_id: number;
  address: string;
  is_default: number;
  position: number;
}

export interface CustomerContactsTable {
  id: Generated<number>;
  customer_id: number;
  name: string;
  role: string | null;
  phone: string | null;
  position: number;
}

export interface CustomerTagsTable {
  customer_id: number;
  tag: string;
}

export interface WarrantyPoliciesTable {
  id: Generated<number>;
  name: string;
  created_at: number;
  updated_at: number;
}

export interface WarrantyPolicyVersionsTable {
  id: Generated<number>;
  policy_id: number;
  version: number;
  basis: string;
  components: string;
  created_at: number;
}

export interface ProductModelsTable {
  id: Generated<number>;
  brand: string;
  model: string;
  category: string;
  policy_id: number;
  created_at: number;
  updated_at: number;
}

export interface UnitsTable {
  id: Generated<number>;
  customer_id: number;
  model_id: number;
  policy_version_id: number;
  serial: string;
  purchase_date: string | null;
  install_date: string | null;
  acceptance_date: string | null;
  production_date: string | null;
  invoice_number: string | null;
  site_address: string | null;
  location_note: string | null;
  status: string;
  created_at: number;
  updated_at: number;
}

export interface UnitStatusHistoryTable {
  id: Generated<number>;
  unit_id: number;
  status: string;
  changed_at: number;
  note: string | null;
}

export interface WarrantyExclusionsTable {
  id: Generated<number>;
  unit_id: number;
  component_key: string | null;
  reason: string;
  decided_on: string;
  note: string | null;
  created_at: number;
}

export interface SequencesTable {
  kind: string;
  last_value: number;
}

export interface DocumentsTable {
  id: Generated<number>;
  kind: string;
  number: string;
  record_type: string;
  record_id: number;
  title: string;
  paper: string;
  language: string;
  template_version: number;
  file_name: string;
  sha256: string;
  size: number;
  created_at: number;
}

export interface SearchKeysTable {
  key: string;
  kind: string;
  ref_id: number;
}

export interface TechniciansTable {
  id: Generated<number>;
  name: string;
  phone: string;
  skills: Generated<string>;
  certificate_no: string | null;
  active: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface ServiceLevelsTable {
  id: Generated<number>;
  name: string;
  is_default: Generated<number>;
  terms: string;
  created_at: number;
  updated_at: number;
}

export interface CalendarYearsTable {
  year: number;
  holidays: string;
  workdays: string;
  updated_at: number;
}

export interface LabourFeesTable {
  id: Generated<number>;
  name: string;
  amount_fen: number;
  active: Generated<number>;
  created_at: number;
}

export interface PartsTable {
  id: Generated<number>;
  part_number: string;
  name: string;
  fits: Generated<string>;
  cost_fen: number;
  price_fen: number;
  quantity: Generated<number>;
  reorder_level: Generated<number>;
  location: string | null;
  component_key: string | null;
  active: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface TicketsTable {
  id: Generated<number>;
  number: string;
  source: string;
  customer_id: number;
  unit_id: number | null;
  unregistered_unit: string | null;
  fault_reported: string;
  fault_category: string;
  severity: string;
  contact_name: string | null;
  contact_phone: string | null;
  site_address: string | null;
  region: string;
  service_level_id: number;
  status: string;
  reported_at: number;
  answer_due: number;
  arrival_due: number;
  fix_due: number;
  loaner_due: number;
  answered_at: number | null;
  arrived_at: number | null;
  resolved_at: number | null;
  closed_at: number | null;
  cancelled_at: number | null;
  cancel_reason: string | null;
  warranty_engine: string;
  warranty_in: number;
  warranty_override: string | null;
  sanbao_path: string | null;
  appointment_date: string | null;
  appointment_from: string | null;
  appointment_to: string | null;
  intake_accessories: string | null;
  intake_condition: string | null;
  expected_on: string | null;
  bring: string | null;
  diagnosis: string | null;
  cause: string | null;
  action: string | null;
  on_site_minutes: number | null;
  unfixed_downtime: Generated<number>;
  lifetime_maintenance: Generated<number>;
  travel_fen: Generated<number>;
  discount_fen: Generated<number>;
  discount_reason: string | null;
  paid_fen: Generated<number>;
  payment_method: string | null;
  /** Generated by SQLite from the status. */
  open: Generated<number>;
  created_by: string;
  created_at: number;
  updated_at: number;
}

export interface TicketEventsTable {
  id: Generated<number>;
  ticket_id: number;
  at: number;
  who: string;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  data: string | null;
}

export interface TicketTechniciansTable {
  ticket_id: number;
  technician_id: number;
  lead: Generated<number>;
  reported_at: number;
}

export interface TicketPartsTable {
  id: Generated<number>;
  ticket_id: number;
  part_id: number;
  quantity: number;
  price_fen: number;
  cost_fen: number;
  in_warranty: number;
  component_key: string | null;
  fitted_on: string;
  created_at: number;
}

export interface TicketLabourTable {
  id: Generated<number>;
  ticket_id: number;
  fee_id: number | null;
  name: string;
  amount_fen: number;
  quantity: number;
}

export interface StockMovesTable {
  id: Generated<number>;
  part_id: number;
  ticket_id: number | null;
  delta: number;
  reason: string;
  note: string | null;
  at: number;
  who: string;
}

export interface LoanersTable {
  id: Generated<number>;
  name: string;
  model: string | null;
  serial: string | null;
  note: string | null;
  active: Generated<number>;
  created_at: number;
}

export interface LoansTable {
  id: Generated<number>;
  ticket_id: number;
  loaner_id: number | null;
  issued_at: number;
  expected_return: string | null;
  returned_at: number | null;
  received_unit: string | null;
  note: string | null;
  who: string;
}

export interface CallbacksTable {
  id: Generated<number>;
  ticket_id: number;
  due_on: string;
  done_at: number | null;
  reached: number | null;
  satisfaction: number | null;
  comments: string | null;
  who: string | null;
}

export interface ComplaintsTable {
  id: Generated<number>;
  number: string;
  channel: string;
  content: string;
  customer_id: number | null;
  ticket_id: number | null;
  received_at: number;
  answer_due: number;
  resolve_due: number;
  handler: string | null;
  answered_at: number | null;
  steps: Generated<string>;
  resolution: string | null;
  verdict: string | null;
  resolved_at: number | null;
  closed_at: number | null;
  created_by: string;
  created_at: number;
  updated_at: number;
}

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
}

export interface AuditRowsTable {
  id: Generated<number>;
  change_id: string;
  table_name: string;
  row_id: string;
  op: 'insert' | 'update' | 'delete';
  before: string | null;
  after: string | null;
}

export interface HealthChecksTable {
  id: Generated<number>;
  at: number;
  ok: number;
  ms: number;
  problems: Generated<string>;
}

export interface DB {
  settings: SettingsTable;
  customers: CustomersTable;
  customer_phones: CustomerPhonesTable;
  customer_addresses: CustomerAddressesTable;
  customer_contacts: CustomerContactsTable;
  customer_tags: CustomerTagsTable;
  warranty_policies: WarrantyPoliciesTable;
  warranty_policy_versions: WarrantyPolicyVersionsTable;
  product_models: ProductModelsTable;
  units: UnitsTable;
  unit_status_history: UnitStatusHistoryTable;
  warranty_exclusions: WarrantyExclusionsTable;
  sequences: SequencesTable;
  documents: DocumentsTable;
  search_keys: SearchKeysTable;
  technicians: TechniciansTable;
  service_levels: ServiceLevelsTable;
  calendar_years: CalendarYearsTable;
  labour_fees: LabourFeesTable;
  parts: PartsTable;
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
  ticket_technicians: TicketTechniciansTable;
  ticket_parts: TicketPartsTable;
  ticket_labour: TicketLabourTable;
  stock_moves: StockMovesTable;
  loaners: LoanersTable;
  loans: LoansTable;
  callbacks: CallbacksTable;
  complaints: ComplaintsTable;
  operators: OperatorsTable;
  security: SecurityTable;
  audit_changes: AuditChangesTable;
  audit_rows: AuditRowsTable;
  health_checks: HealthChecksTable;
}

/** Services accept the database or an open transaction alike. */
export type Db = Kysely<DB> | Transaction<DB>;
