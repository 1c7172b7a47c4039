import type { Generated, Kysely, Transaction } from 'kysely';

export interface SettingsTable {
  key: string;
  value: string;
}

export interface CustomersTable {
  id: Generated<number>;
  name: string;
  phone: string;
  address: string | null;
  note: string | null;
  created_at: number;
  updated_at: number;
}

export interface UnitsTable {
  id: Generated<number>;
  customer_id: number;
  brand: string;
  model: string;
  serial: string;
  purchase_date: string;
  acceptance_date: string | null;
  warranty_months: number;
  created_at: number;
  updated_at: number;
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

export interface DB {
  settings: SettingsTable;
  customers: CustomersTable;
  units: UnitsTable;
  sequences: SequencesTable;
  documents: DocumentsTable;
}

/** Services accept the database or an open transaction alike. */
export type Db = Kysely<DB> | Transaction<DB>;
