import { z } from 'zod';
import { DOCUMENT_KINDS, KIND_PAPERS, type DocumentKind, type Paper } from './document';

export const MAX_COPIES = 5;

/** How one kind of paper is printed: set once in Settings, used by every print of that kind. */
export interface PrintSetup {
  /** A printer the system lists; null is the system's default printer. */
  printer: string | null;
  /** The paper the print dialog starts on (and a silent print uses). */
  paper: Paper;
  copies: number;
  /** Printed straight from the desk's print action, without the dialog and the preview. */
  silent: boolean;
}
export type PrintingSettings = Record<DocumentKind, PrintSetup>;

export const DEFAULT_PRINT_SETUP: PrintSetup = { printer: null, paper: 'A4', copies: 1, silent: false };

const printSetup = (papers: readonly [Paper, ...Paper[]]) =>
  z.strictObject({
    printer: z.string().trim().max(200).nullable().transform((v) => (v ? v : null)),
    paper: z.enum(papers, { error: 'validation.paperNotForKind' }),
    copies: z.number().int({ error: 'validation.wholeNumber' }).min(1, { error: 'validation.copies' }).max(MAX_COPIES, { error: 'validation.copies' }),
    silent: z.boolean(),
  });

export const printingSettings = z.strictObject(
  Object.fromEntries(DOCUMENT_KINDS.map((kind) => [kind, printSetup(KIND_PAPERS[kind])])) as Record<DocumentKind, ReturnType<typeof printSetup>>,
);

/** A printer as the system lists it. */
export interface PrinterInfo {
  name: string;
  isDefault: boolean;
}

/** What went to the printer: the printer's name (null when the system did not say), how many copies, and the configured printer that was gone. */
export interface PrintResult {
  printer: string | null;
  copies: number;
  /** The configured printer no longer exists: the default printer was used instead. */
  missingPrinter: string | null;
}
