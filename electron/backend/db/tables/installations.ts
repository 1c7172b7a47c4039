/* Installation jobs, their units and technicians, and the warranty card's life after printing. */
import type { Generated } from 'kysely';

export interface InstallationsTable {
  id: Generated<number>;
  number: string;
  customer_id: number;
  site_address: string | null;
  appointment_on: string;
  notice_sent_on: string | null;
  work_done: string | null;
  trial_starts_on: string | null;
  trial_ends_on: string | null;
  trial_result: string | null;
  trial_note: string | null;
  status: Generated<string>;
  accepted_on: string | null;
  accepted_by: string | null;
  recorded_by: string | null;
  note: string | null;
  created_at: number;
  updated_at: number;
}

export interface InstallationUnitsTable {
  id: Generated<number>;
  installation_id: number;
  unit_id: number;
  position: number;
}

export interface InstallationTechniciansTable {
  id: Generated<number>;
  installation_id: number;
  technician_id: number;
}

export interface WarrantyCardLifeTable {
  id: Generated<number>;
  document_id: number;
  unit_id: number;
  issued_on: string | null;
  issued_how: string | null;
  slip_back_on: string | null;
  created_at: number;
  updated_at: number;
}
