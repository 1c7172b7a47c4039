import type { z } from 'zod';
import { translator } from '../../../../shared/i18n';
import type { GeneratedDocument, Paper } from '../../../../shared/schemas/document';
import type { makerReturnsPaperInput } from '../../../../shared/schemas/maker-returns';
import type { claimPaperInput, feeListPaperInput, feedbackPaperInput, scrapPaperInput, settlementPaperInput } from '../../../../shared/schemas/settle';
import type { Language } from '../../../../shared/i18n';
import type { SettleJob } from '../../documents/settle/settle-papers';
import type { ServiceContext } from '../../app/context';
import { archiveDocument, settingsForPaper } from '../archive/archive';
import { listFees } from '../stock/fees';
import { getClaim } from './claims';
import { getFeedback } from './feedback';
import { ensureReturnsRow, makerReturnsPack, recordIssuedPack } from './maker-returns';
import { getMaker } from './makers';
import { getSettlement } from './returns';
import { getScrapRecord } from './scrapping';
import { SETTLE_PAPERS_TEMPLATE_VERSION } from '../../documents/template-versions';

/* The papers of settling, numbered and archived like every other paper; each files under its own record. */

type Job = Exclude<SettleJob, { paper: 'makerReturns' }> extends infer J ? (J extends { paper: infer P; data: infer D } ? { paper: P; data: Omit<D, 'number' | 'issuedOn'> } : never) : never;

function archive(ctx: ServiceContext, job: Job, kind: Job['paper'], record: { type: 'settlement' | 'scrap' | 'feedback' | 'claim' | 'batch'; id: number; title: string }, language: Language, paper: Paper) {
  return archiveDocument(ctx, {
    kind,
    recordType: record.type,
    recordId: record.id,
    title: record.title,
    paper,
    language,
    templateVersion: SETTLE_PAPERS_TEMPLATE_VERSION,
    render: (number, issuedOn) =>
      ctx.documents.render({ kind: 'settlePaper', job: { paper: job.paper, data: { ...job.data, number, issuedOn } } as SettleJob, language, paper }),
  });
}

export async function settlementFormPaper(ctx: ServiceContext, input: z.output<typeof settlementPaperInput>): Promise<GeneratedDocument> {
  const [settlement, settings] = await Promise.all([getSettlement(ctx, input.id), settingsForPaper(ctx)]);
  const t = translator(input.language);
  const title = t(`settle.print.archive.${settlement.kind}`, { number: settlement.number, customer: settlement.customerName, serial: settlement.serial });
  return archive(ctx, { paper: 'settlementForm', data: { settings, settlement } }, 'settlementForm', { type: 'settlement', id: settlement.id, title }, input.language, input.paper);
}

export async function scrapRecordPaper(ctx: ServiceContext, input: z.output<typeof scrapPaperInput>): Promise<GeneratedDocument> {
  const [record, settings] = await Promise.all([getScrapRecord(ctx, input.id), settingsForPaper(ctx)]);
  const title = translator(input.language)('settle.print.archive.scrap', { number: record.number, what: record.what });
  return archive(ctx, { paper: 'scrapRecord', data: { settings, record } }, 'scrapRecord', { type: 'scrap', id: record.id, title }, input.language, input.paper);
}

export async function feedbackFormPaper(ctx: ServiceContext, input: z.output<typeof feedbackPaperInput>): Promise<GeneratedDocument> {
  const [form, settings] = await Promise.all([getFeedback(ctx, input.id), settingsForPaper(ctx)]);
  const maker = await getMaker(ctx, form.makerId);
  const title = translator(input.language)('settle.print.archive.feedback', { number: form.number, maker: maker.name, model: form.modelName });
  return archive(ctx, { paper: 'feedbackForm', data: { settings, form, maker } }, 'feedbackForm', { type: 'feedback', id: form.id, title }, input.language, input.paper);
}

/** The claim sheet, filed under its claim: printed to go in the parcel, and again once the maker has checked it. */
export async function claimFormPaper(ctx: ServiceContext, input: z.output<typeof claimPaperInput>): Promise<GeneratedDocument> {
  const [claim, settings] = await Promise.all([getClaim(ctx, input.id), settingsForPaper(ctx)]);
  const maker = await getMaker(ctx, claim.makerId);
  const title = translator(input.language)('settle.print.archive.claim', { number: claim.number, maker: maker.name, count: claim.lines.length });
  return archive(ctx, { paper: 'claimForm', data: { settings, claim, maker } }, 'claimForm', { type: 'claim', id: claim.id, title }, input.language, input.paper);
}

export async function feeListPaper(ctx: ServiceContext, input: z.output<typeof feeListPaperInput>): Promise<GeneratedDocument> {
  const [fees, settings] = await Promise.all([listFees(ctx), settingsForPaper(ctx)]);
  const t = translator(input.language);
  const title = t('settle.print.archive.fees', { copy: t(`settle.print.fees.copy.${input.copy}`) });
  return archive(ctx, { paper: 'feeList', data: { settings, fees, copy: input.copy } }, 'feeList', { type: 'batch', id: 0, title }, input.language, input.paper);
}

/**
 * The monthly returns to a maker, numbered and archived; the month's row names its last pack in
 * the document's own transaction. A month not yet ended is drawn all the same, marked provisional.
 */
export async function makerReturnsPaper(ctx: ServiceContext, input: z.output<typeof makerReturnsPaperInput>): Promise<GeneratedDocument> {
  const [pack, settings] = await Promise.all([makerReturnsPack(ctx, input), settingsForPaper(ctx)]);
  const rowId = await ensureReturnsRow(ctx.db, pack.maker.id, pack.month, ctx.now().getTime());
  const t = translator(input.language);
  const title = t(pack.provisional ? 'makerReturns.archiveProvisional' : 'makerReturns.archive', { maker: pack.maker.name, month: pack.month });
  return archiveDocument(ctx, {
    kind: 'makerReturns',
    recordType: 'makerReturns',
    recordId: rowId,
    title,
    paper: input.paper,
    language: input.language,
    templateVersion: SETTLE_PAPERS_TEMPLATE_VERSION,
    render: (number, issuedOn) => ctx.documents.render({ kind: 'settlePaper', job: { paper: 'makerReturns', data: { settings, pack, number, issuedOn } }, language: input.language, paper: input.paper }),
    alongside: (trx, documentId) => recordIssuedPack(trx, rowId, documentId, pack.provisional, ctx.now().getTime()),
  });
}
