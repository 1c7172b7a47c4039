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
