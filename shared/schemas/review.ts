import { z } from 'zod';
import { id, isoDate, optionalText, requiredText } from './common';

/*
 * The supervisor's check (主管审批, seed 002 step 15: the completed work order is approved by a
 * supervisor before the clerk calls back) and the callback survey (seed 000: how well the customer
 * knows the product, whether it meets their needs, how the technician behaved, what they suggest).
 */

/** When a typed approval happened (epoch ms); checked against the clock and the ticket by the service. */
const typedMoment = z
  .number({ error: 'validation.invalidType' })
  .int({ error: 'validation.invalidType' })
  .min(946_684_800_000, { error: 'validation.momentTooEarly' })
  .max(4_102_444_800_000, { error: 'validation.momentInFuture' });

export const reviewConfigureInput = z.strictObject({ supervisorCheck: z.boolean({ error: 'validation.required' }) });

export const reviewApproveInput = z.strictObject({
  ticketId: id,
  /** The supervisor who approved, by name (they need not sit at the desk). */
  supervisor: requiredText(50),
  remark: optionalText(500),
  /** When they approved, if earlier than now; null: now. */
  at: typedMoment.nullish().transform((v) => v ?? null),
});

export const reviewTicketInput = z.strictObject({ ticketId: id });

export interface ReviewSettings {
  supervisorCheck: boolean;
  changedAt: number | null;
  changedBy: string | null;
  /** Resolved tickets waiting for approval now. */
  waiting: number;
  /** Resolved tickets with a callback still to make that were resolved without the check. */
  resolvedUnchecked: number;
}

/** What switching did to the tickets already resolved. */
export interface ReviewConfigured extends ReviewSettings {
  /** Switched off: tickets that waited and now have their callback scheduled. */
  released: number;
}

/** A ticket's wait for the supervisor: waiting, approved, or waived (the check was switched off while it waited). */
export interface TicketReview {
  state: 'waiting' | 'approved' | 'waived';
  /** When the ticket began to wait: its completion. */
  since: number;
  decidedAt: number | null;
  supervisor: string | null;
  remark: string | null;
  /** Who entered the approval at the desk. */
  who: string | null;
}

export interface ReviewWaitingRow {
  ticketId: number;
  ticketNumber: string;
  customerId: number;
  customerName: string;
  unitLabel: string;
  technicians: string[];
  resolvedAt: number;
  /** Whole days since completion (the Desk marks a wait of more than a day). */
  days: number;
}

export const SURVEY_KINDS = ['score', 'words'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];
/** Seed 000's four questions, worded by the catalog until the company types its own. */
export const SURVEY_PRESETS = ['knowsProduct', 'meetsNeeds', 'technicianManner', 'suggestions'] as const;
export type SurveyPreset = (typeof SURVEY_PRESETS)[number];
export const SURVEY_SCORE_MIN = 1;
export const SURVEY_SCORE_MAX = 5;
/** Questions a callback asks at most: a call, not a questionnaire. */
export const SURVEY_MAX_ACTIVE = 10;

export interface SurveyQuestion {
  id: number;
  position: number;
  kind: SurveyKind;
  preset: SurveyPreset | null;
  /** The company's own wording; null: the preset's wording from the catalog. */
  text: string | null;
  active: boolean;
  /** Answers recorded: a question with answers keeps its kind and is retired, not removed. */
  answers: number;
}

export const surveyQuestionsInput = z.strictObject({ includeRetired: z.boolean().default(false) });

/** The whole list, in order; a question left out is removed (refused once it has answers). */
export const surveySaveInput = z
  .strictObject({
    questions: z
      .array(
        z.strictObject({
          id: id.nullish().transform((v) => v ?? null),
          kind: z.enum(SURVEY_KINDS, { error: 'survey.errors.kind' }),
          text: optionalText(200),
          active: z.boolean().default(true),
        }),
      )
      .max(30, { error: 'survey.errors.tooMany' }),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<number>();
    v.questions.forEach((q, i) => {
      if (q.id !== null && seen.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: 'survey.errors.duplicate' });
      if (q.id !== null) seen.add(q.id);
      if (q.id === null && q.text === null) ctx.addIssue({ code: 'custom', path: ['questions', i, 'text'], message: 'survey.errors.textRequired' });
    });
    if (v.questions.filter((q) => q.active).length > SURVEY_MAX_ACTIVE) ctx.addIssue({ code: 'custom', path: ['questions'], message: 'survey.errors.tooMany', params: { max: SURVEY_MAX_ACTIVE } });
  });

/**
 * One answer to one question: a score from 1 to 5, or words. Which of the two the question takes
 * only the service knows (it reads the question); here only the form of each.
 */
export const surveyAnswerInput = z.strictObject({
  questionId: id,
  score: z
    .number({ error: 'survey.errors.scoreRange' })
    .int({ error: 'survey.errors.scoreRange' })
    .min(SURVEY_SCORE_MIN, { error: 'survey.errors.scoreRange' })
    .max(SURVEY_SCORE_MAX, { error: 'survey.errors.scoreRange' })
    .nullish()
    .transform((v) => v ?? null),
  words: optionalText(500),
});

export interface SurveyAnswer {
  questionId: number;
  kind: SurveyKind;
  preset: SurveyPreset | null;
  text: string | null;
  score: number | null;
  words: string | null;
}

/** A period of callbacks, by the day each was made (the desk's local days, both ends included). */
export const satisfactionInput = z
  .strictObject({
    from: isoDate,
    to: isoDate,
    technicianId: id.nullish().transform((v) => v ?? null),
  })
  .refine((p) => p.from <= p.to, { path: ['to'], error: 'survey.errors.periodOrder' });

export const surveyAnswersInput = z
  .strictObject({
    technicianId: id,
    from: isoDate,
    to: isoDate,
  })
  .refine((p) => p.from <= p.to, { path: ['to'], error: 'survey.errors.periodOrder' });

/** Scores given to one question (or the overall score) by some callbacks. */
export interface ScoreTally {
  count: number;
  /** Mean score, two decimals; null with no score. */
  average: number | null;
  /** How many gave 1, 2, 3, 4, 5. */
  counts: [number, number, number, number, number];
  /** Share that gave 4 or 5 (0–1); null with no score. */
  satisfiedShare: number | null;
}

export interface SatisfactionQuestion {
  id: number;
  kind: SurveyKind;
  preset: SurveyPreset | null;
  text: string | null;
  active: boolean;
}

export interface TechnicianSatisfaction {
  technicianId: number;
  name: string;
  /** Callbacks made on the tickets they worked on, reached or not. */
  callbacks: number;
  reached: number;
  overall: ScoreTally;
  /** Per score question, by question id. */
  byQuestion: Record<number, ScoreTally>;
  /** Answers in words to their tickets' callbacks. */
  words: number;
}

/**
 * Satisfaction over a period: overall and per question, and per technician (each callback counts
 * for every technician on its ticket). The owner's reports read this same function.
 */
export interface SatisfactionReport {
  from: string;
  to: string;
  questions: SatisfactionQuestion[];
  callbacks: number;
  reached: number;
  overall: ScoreTally;
  byQuestion: Record<number, ScoreTally & { words: number }>;
  technicians: TechnicianSatisfaction[];
}

/** One callback with its answers, as a technician's record lists them. */
export interface AnsweredCallback {
  callbackId: number;
  ticketId: number;
  ticketNumber: string;
  customerName: string;
  doneAt: number;
  reached: boolean;
  satisfaction: number | null;
  comments: string | null;
  answers: SurveyAnswer[];
}

export const satisfactionExportInput = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((p) => p.from <= p.to, { path: ['to'], error: 'survey.errors.periodOrder' });
