import type { Generated } from 'kysely';

/** One incoming call (migration 0220). */
export interface CallsTable {
  id: Generated<number>;
  at: number;
  /** The local day of `at`, for the day's and the week's lists. */
  day: string;
  customer_id: number | null;
  caller_name: string | null;
  caller_phone: string | null;
  unit_id: number | null;
  purpose: string;
  outcome: string;
  notes: string | null;
  ticket_id: number | null;
  created_by: string;
  created_at: number;
}

/** The call rules, key → JSON (the target share solved on the phone). */
export interface CallSettingsTable {
  key: string;
  value: string;
}
