/* The registry: settings, customers, products and their policies, units, numbers, documents, search keys. */
import type { Generated } from 'kysely';

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
  /* Settling with the maker (migration 0340). */
  maker_id: Generated<number | null>;
  discontinued_on: Generated<string | null>;
  replacement_model_id: Generated<number | null>;
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
  /* An exchange under 三包 (migration 0340): the unit given in its place, and the other way. */
  replaced_by_id: Generated<number | null>;
  replaces_id: Generated<number | null>;
  /* What the unit was sold for and by whom, for a maker's monthly sales statistics (migration 0380). */
  sale_price_fen: Generated<number | null>;
  sold_by: Generated<string | null>;
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

export interface ImportBatchesTable {
  id: Generated<number>;
  file_name: string;
  sheet: string;
  operator: string;
  audit_mark: number;
  created_at: number;
  customers_created: number;
  customers_reused: number;
  units_created: number;
  models_created: number;
  rows_not_imported: number;
  undone_at: number | null;
  undone_by: string | null;
  /** 1 while an import's steps are being written (migration 0360). */
  running: Generated<number>;
  /** The import's own request in the audit log; null for imports made before 0360. */
  change_id: string | null;
  /** Cut short and could not be taken back: kept as it is (migration 0410). */
  cut_short_at: number | null;
  /** When the clerk closed the note saying so. */
  cut_short_seen_at: number | null;
}

/** A row only while an import's own transaction runs (migration 0410, db/import-guard.ts). */
export interface ImportWritingTable {
  batch_id: number;
}

/** The tables an import writes rows to, as import_batch_rows names them. */
export type ImportedTable = 'customers' | 'customer_phones' | 'customer_addresses' | 'customer_contacts' | 'units' | 'unit_status_history' | 'product_models';

export interface ImportBatchRowsTable {
  batch_id: number;
  table_name: ImportedTable;
  row_id: number;
}

/** The tables the sample data adds records to, as sample_records names them. */
export type SampleTable = 'warranty_policies' | 'product_models' | 'customers' | 'units' | 'technicians' | 'parts' | 'tickets' | 'complaints' | 'manual_contents';

export interface SampleRecordsTable {
  table_name: SampleTable;
  row_id: number;
}
