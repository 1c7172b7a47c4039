/* The supervisor's check and the callback survey (migration 0250). */
import type { Generated } from 'kysely';

export interface ReviewSettingsTable {
  id: number;
  supervisor_check: Generated<number>;
  changed_at: number | null;
  changed_by: string | null;
}

export interface TicketReviewsTable {
  ticket_id: number;
  waiting_since: number;
  outcome: 'approved' | 'waived' | null;
  decided_at: number | null;
  supervisor: string | null;
  remark: string | null;
  who: string | null;
  entered_at: number | null;
}

export interface SurveyQuestionsTable {
  id: Generated<number>;
  position: number;
  kind: 'score' | 'words';
  preset: string | null;
  text: string | null;
  active: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface CallbackAnswersTable {
  id: Generated<number>;
  callback_id: number;
  question_id: number;
  score: number | null;
  words: string | null;
}
