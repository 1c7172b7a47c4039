import { z } from 'zod';
import { LANGUAGES, type Language } from '../i18n/languages';
import { id } from './common';

/** C241: 241 mm continuous stationery for dot-matrix printers (三联单), 9.5 × 5.5 in pages. */
export const PAPERS = ['A4', 'A5', 'C241'] as const;
export type Paper = (typeof PAPERS)[number];
export const CARD_PAPERS = ['A4', 'A5'] as const;
export const DOCUMENT_KINDS = ['warrantyCard', 'dispatchOrder', 'repairIntake', 'repairCompletion', 'inspectionForm', 'faultStats', 'inspectionPlan', 'batchPrint', 'renewalNotice', 'serviceEndNote', 'callSummary', 'acceptanceCertificate', 'manual', 'reportPack', 'settlementForm', 'scrapRecord', 'feedbackForm', 'feeList', 'makerReturns', 'claimForm'] as const;
/** `batch`: a batch print of several customers in one file (its record id is 0). */
export const RECORD_TYPES = ['unit', 'ticket', 'visit', 'customer', 'contract', 'batch', 'installation', 'report', 'settlement', 'scrap', 'feedback', 'makerReturns', 'claim'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
/** The papers each kind is laid out for: receipts also go on continuous forms, cards and orders are sheets. */
export const KIND_PAPERS = {
  warrantyCard: CARD_PAPERS,
  dispatchOrder: CARD_PAPERS,
  repairIntake: PAPERS,
  repairCompletion: PAPERS,
  inspectionForm: CARD_PAPERS,
  faultStats: CARD_PAPERS,
  inspectionPlan: CARD_PAPERS,
  batchPrint: CARD_PAPERS,
  renewalNotice: CARD_PAPERS,
  serviceEndNote: CARD_PAPERS,
  callSummary: CARD_PAPERS,
  acceptanceCertificate: CARD_PAPERS,
  manual: CARD_PAPERS,
  reportPack: ['A4'],
  settlementForm: CARD_PAPERS,
  scrapRecord: CARD_PAPERS,
  feedbackForm: CARD_PAPERS,
  feeList: CARD_PAPERS,
  makerReturns: CARD_PAPERS,
  claimForm: CARD_PAPERS,
} as const satisfies Record<DocumentKind, readonly Paper[]>;

export const paper = z.enum(PAPERS);
export const language = z.enum(LANGUAGES);

export const warrantyCardInput = z.strictObject({ unitId: id, paper: z.enum(CARD_PAPERS), language });
export const dispatchOrderInput = z.strictObject({ ticketId: id, paper: z.enum(CARD_PAPERS), language });
/** The intake copy (unit received) or the completion copy (work done, charges, signature). */
export const repairReceiptInput = z.strictObject({ ticketId: id, copy: z.enum(['intake', 'completion']), paper, language });
/** A visit's inspection form: blank for the technician, or filled from what was recorded. */
export const inspectionFormInput = z.strictObject({ visitId: id, filled: z.boolean().default(false), paper: z.enum(CARD_PAPERS), language });
export const documentListInput = z.strictObject({
  kind: z.enum(DOCUMENT_KINDS).optional(),
  recordType: z.enum(RECORD_TYPES).optional(),
  recordId: id.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export const documentIdInput = z.strictObject({ id });

export interface DocumentRecord {
  id: number;
  kind: DocumentKind;
  /** Human number printed on the paper, from the kind's own sequence. */
  number: string;
  recordType: RecordType;
  recordId: number;
  /** What the document is about, for the archive list (e.g. the unit's model and serial). */
  title: string;
  paper: Paper;
  language: Language;
  templateVersion: number;
  fileName: string;
  sha256: string;
  size: number;
  createdAt: number;
}

export interface GeneratedDocument extends DocumentRecord {
  /** Characters the embedded font has no glyph for: the desk is warned before printing. */
  missingGlyphs: string[];
}
