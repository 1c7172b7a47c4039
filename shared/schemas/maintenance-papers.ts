import { z } from 'zod';
import { CARD_PAPERS, language, type DocumentRecord } from './document';
import { id, isoDate } from './common';

/*
 * The scheduled-service papers beyond the visit's own form: the quarter's fault statistics sheet
 * (季度故障统计表), the contract year's inspection plan (年度巡检计划), and batch printing.
 */

const paper = z.enum(CARD_PAPERS);
const year = z.number({ error: 'validation.invalidType' }).int().min(2000).max(2100);
const quarter = z.number({ error: 'validation.invalidType' }).int().min(1).max(4);

/** One customer's quarter: every unit in warranty or under contract, its tickets and their times. */
export const faultStatsInput = z.strictObject({ customerId: id, year, quarter, paper, language });
/** A contract's year of visits (the year the contract starts when not given). */
export const inspectionPlanInput = z.strictObject({ contractId: id, year: year.nullish().transform((v) => v ?? null), paper, language });

export const BATCH_SPLITS = ['one', 'perCustomer'] as const;
export type BatchSplit = (typeof BATCH_SPLITS)[number];

/** Blank forms of every visit due in a range (of one technician), or the quarter's statistics sheets of every customer. */
export const batchPrintInput = z.discriminatedUnion('what', [
  z.strictObject({
    what: z.literal('forms'),
    from: isoDate,
    to: isoDate,
    technicianId: id.nullish().transform((v) => v ?? null),
    split: z.enum(BATCH_SPLITS),
    paper,
    language,
  }),
  z.strictObject({ what: z.literal('stats'), year, quarter, split: z.enum(BATCH_SPLITS), paper, language }),
]);
export type BatchPrintRequest = z.output<typeof batchPrintInput>;

export const batchJobInput = z.strictObject({ jobId: id });

export const BATCH_STATES = ['running', 'done', 'cancelled', 'failed'] as const;
export type BatchState = (typeof BATCH_STATES)[number];

/** Where a batch stands: polled by the screen while it runs. */
export interface BatchJob {
  jobId: number;
  state: BatchState;
  /** Steps done of the total (each paper gathered, each paper drawn). */
  done: number;
  total: number;
  /** Papers in the batch (visits or customers). */
  papers: number;
  /** The files archived so far. */
  documents: DocumentRecord[];
  /** The translation key and values of why it failed. */
  error: { key: string; params: Record<string, unknown> } | null;
}

/** A quarter's first and last day. */
export function quarterRange(y: number, q: number): { from: string; to: string } {
  const first = (q - 1) * 3 + 1;
  const last = first + 2;
  const days = new Date(Date.UTC(y, last, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(last)}-${pad(days)}` };
}
