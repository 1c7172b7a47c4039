import type { Language } from '../../../shared/i18n';
import { resources } from '../../../shared/i18n';
import type { Paper } from '../../../shared/schemas/document';
import type { PdfMetadata, TDocumentDefinitions } from './kit/definition';
import type { RenderedDocument } from './kit/fitting';
import { missingGlyphs } from './kit/fonts';
import { documentText, pdfFonts, renderPdfDocument, warmFontsStep } from './kit/render';
import { recoverySheet, type RecoverySheetFacts } from './recovery-sheet/recovery-sheet';
import { renderDispatchOrder } from './ticket-papers/dispatch-order';
import { renderRepairReceipt, type ReceiptCopy } from './ticket-papers/repair-receipt';
import type { TicketPaperData } from './ticket-papers/ticket-paper';
import { renderWarrantyCard, type WarrantyCardData } from './warranty-card/warranty-card';
import { inspectionFormDefinition, renderInspectionForm, type InspectionFormData } from './inspection/inspection-form';
import { renderBundle } from './maintenance-papers/bundle';
import { faultStatsDefinition, renderFaultStats, type FaultStatsData } from './maintenance-papers/fault-stats';
import { renderInspectionPlan, type InspectionPlanData } from './maintenance-papers/inspection-plan';

/** What a batch file says about itself in its PDF metadata. */
export interface BundleMeta {
  title: string;
  subject: string;
  author: string;
}
import { renderCallSummary, type CallSummaryData } from './call-summary/call-summary';
import { renderAcceptanceCertificate, type AcceptanceCertificateData } from './acceptance/acceptance-certificate';
import { renderRenewalPaper, type RenewalPaper, type RenewalPaperData } from './renewal/renewal-papers';
import { renderManual, type ManualData } from './manual/manual';
import { renderReportPack, type ReportPackData } from './report-pack/report-pack';
import { renderSettlePaper, type SettleJob } from './settle/settle-papers';

/**
 * A document to render, as plain data: what crosses to the document worker (definitions hold
 * functions, so they are built where they are rendered).
 */
export type DocumentJob =
  | { kind: 'warrantyCard'; data: WarrantyCardData; language: Language; paper: Paper }
  | { kind: 'dispatchOrder'; data: TicketPaperData; language: Language; paper: Paper }
  | { kind: 'repairReceipt'; copy: ReceiptCopy; data: TicketPaperData; language: Language; paper: Paper }
  | { kind: 'inspectionForm'; data: InspectionFormData; language: Language; paper: Paper }
  | { kind: 'faultStats'; data: FaultStatsData; language: Language; paper: Paper }
  | { kind: 'inspectionPlan'; data: InspectionPlanData; language: Language; paper: Paper }
  /** A batch print: several blank forms, or several customers' sheets, in one file, each paper numbered over its own pages. */
  | { kind: 'inspectionBatch'; forms: InspectionFormData[]; language: Language; paper: Paper; meta: BundleMeta }
  | { kind: 'faultStatsBatch'; sheets: FaultStatsData[]; language: Language; paper: Paper; meta: BundleMeta }
  | { kind: 'renewalPaper'; paper: RenewalPaper; data: RenewalPaperData; language: Language; size: Paper }
  | { kind: 'callSummary'; data: CallSummaryData; language: Language; paper: Paper }
  | { kind: 'acceptanceCertificate'; data: AcceptanceCertificateData; language: Language; paper: Paper }
  | { kind: 'recoverySheet'; facts: RecoverySheetFacts; language: Language; meta: PdfMetadata }
  /** `createdAt`: the moment written into the PDF, the issue's own, so a reprint is the same bytes. */
  | { kind: 'manual'; data: ManualData; language: Language; paper: Paper; createdAt: number }
  | { kind: 'reportPack'; data: ReportPackData; language: Language; paper: Paper }
  | { kind: 'settlePaper'; job: SettleJob; language: Language; paper: Paper }
  /** No paper: which characters of `text` the font lacks, answered where the fonts are already open (never on the desk's thread). */
  | { kind: 'glyphCheck'; text: string };

export async function renderJob(job: DocumentJob): Promise<RenderedDocument> {
  switch (job.kind) {
    case 'warrantyCard':
      return renderWarrantyCard(job.data, job.language, job.paper);
    case 'dispatchOrder':
      return renderDispatchOrder(job.data, job.language, job.paper);
    case 'repairReceipt':
      return renderRepairReceipt(job.data, job.copy, job.language, job.paper);
    case 'inspectionForm':
      return renderInspectionForm(job.data, job.language, job.paper);
    case 'faultStats':
      return renderFaultStats(job.data, job.language, job.paper);
    case 'inspectionPlan':
      return renderInspectionPlan(job.data, job.language, job.paper);
    case 'inspectionBatch':
      return renderBundle(
        job.forms.map((form) => ({ definition: inspectionFormDefinition(form, job.language, job.paper), number: form.number })),
        { ...job.meta, lang: job.language },
      );
    case 'faultStatsBatch':
      return renderBundle(
        job.sheets.map((sheet) => ({ definition: faultStatsDefinition(sheet, job.language, job.paper), number: sheet.number })),
        { ...job.meta, lang: job.language },
      );
    case 'renewalPaper':
      return renderRenewalPaper(job.paper, job.data, job.language, job.size);
    case 'callSummary':
      return renderCallSummary(job.data, job.language, job.paper);
    case 'acceptanceCertificate':
      return renderAcceptanceCertificate(job.data, job.language, job.paper);
    case 'manual':
      return renderManual(job.data, job.language, job.paper, job.createdAt);
    case 'reportPack':
      return renderReportPack(job.data, job.language);
    case 'settlePaper':
      return renderSettlePaper(job.job, job.language, job.paper);
    case 'glyphCheck':
      return { pdf: Buffer.alloc(0), pages: 0, missingGlyphs: missingGlyphs(job.text, pdfFonts()) };
    case 'recoverySheet': {
      // Imported with the rest: a lazy import() of a source file does not resolve in the worker
      // when it runs the TypeScript sources (tests, demo, bench).
      const definition = recoverySheet(job.facts, job.language);
      const { pdf, pages } = await renderPdfDocument(definition, job.meta);
      return { pdf, pages, missingGlyphs: missingGlyphs(documentText(definition), pdfFonts()) };
    }
  }
}

/** The printed words of one language: what the warm-up lays out. */
function printedWords(language: Language): string[] {
  const { print, repairPrint, inspectionPrint, maintenancePapers, installations, manuals } = resources[language].translation;
  const words: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') words.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk([print, repairPrint, inspectionPrint, maintenancePapers, installations.print, manuals.print]);
  return words;
}

/** Words per warm-up layout: a step of a few tens of ms that a document waits for at most. */
const WORDS_PER_STEP = 60;

/** Printed words in both weights, in a table, with a QR code and columns: layout's warm-up. */
function warmUpDefinition(words: string[], language: Language): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    content: [
      { qr: language, fit: 60 },
      { columns: [{ text: words[0] ?? '', bold: true }, { text: words[1] ?? '' }] },
      { table: { widths: ['*', '*'], body: words.map((word) => [{ text: word }, { text: word, bold: true }]) }, layout: 'fields' },
    ],
    footer: (page, count) => ({ text: `${page} / ${count}` }),
  };
}

/**
 * Warming up in small steps, each of which a waiting document goes before: the working font
 * (see `CjkFamilies`; one step each call, true while it has more to do), then layouts of
 * every printed word of both languages (compiles the layout code, parses the glyphs documents
 * will need). pdfmake must be configured first (`configurePdf`).
 */
export function warmUpSteps(): { fonts: () => boolean; layout: Array<() => Promise<boolean>> } {
  const layout = (['zh-CN', 'en'] as const).flatMap((language) => {
    const words = printedWords(language);
    return Array.from({ length: Math.ceil(words.length / WORDS_PER_STEP) }, (_, i) => async () => {
      const definition = warmUpDefinition(words.slice(i * WORDS_PER_STEP, (i + 1) * WORDS_PER_STEP), language);
      await renderPdfDocument(definition, { title: 'warm-up', creator: 'warm-up', producer: 'pdfmake' });
      missingGlyphs(documentText(definition), pdfFonts());
      return false;
    });
  });
  return { fonts: warmFontsStep, layout };
}
