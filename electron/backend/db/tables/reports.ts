/* The owner's month: the early-warning rules the owner tunes. */

export interface ReportSettingsTable {
  id: number;
  repeat_window_days: number;
  rate_threshold_x100: number;
  rise_percent: number;
  min_failures: number;
  changed_at: number | null;
  changed_by: string | null;
}

/* A month of the owner's reports summed (migration 0350): derived, rebuilt from the tickets at will. */
export interface ReportMonthsTable {
  month: string;
  kind: 'status' | 'category' | 'technician' | 'component' | 'service' | 'money' | 'repeat';
  k1: string;
  k2: string;
  model_id: number;
  n: number;
  late: number;
  answer_kept: number;
  answer_late: number;
  arrival_kept: number;
  arrival_late: number;
  fix_kept: number;
  fix_late: number;
  revenue_fen: number;
  parts_fen: number;
  labour_fen: number;
}

/* UTC days (ms / 86,400,000) whose tickets changed since their months were summed. */
export interface ReportMonthsDirtyTable {
  day: number;
}
