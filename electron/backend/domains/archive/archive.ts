import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import { todayIso } from '../../../../shared/domain/dates';
import type { Language } from '../../../../shared/i18n/languages';
import type { DocumentKind, DocumentRecord, GeneratedDocument, Paper, RecordType, documentListInput, warrantyCardInput, } from '../../../../shared/schemas/document';
import { AppError, refusal, refuse, notFound } from '../../lib/errors';
import type { Db, DocumentsTable } from '../../db/schema';
import type { Settings } from '../../../../shared/schemas/settings';
import type { WarrantyCardData } from '../../documents/warranty-card/warranty-card';
import type { ServiceContext } from '../../app/context';
import { getCustomer } from '../customers/customers';
import { getSettings } from '../admin/settings';
import { getUnit } from '../units/units';
import { defaultServiceLevel, listServiceLevels } from '../service-desk/service-levels';
import { contractLevelFor } from '../maintenance/contracts';
import { indexDocument } from '../search/search-index';
import { takeNumber } from '../../lib/sequences';
import { refuseWhileImporting } from '../../db/import-guard';
import { assertSaveTarget } from '../admin/owned-files';
import { ARCHIVE_KINDS, archivePath, readArchived, sha256, writeNewFile } from './files';
import { printableLogo } from '../admin/logo';
import { printTarget } from '../admin/printing';
import type { PrintResult } from '../../../../shared/schemas/printing';
import { WARRANTY_CARD_TEMPLATE_VERSION } from '../../documents/template-versions';

function toRecord(row: Selectable<DocumentsTable>): DocumentRecord {
  return {
    id: row.id,
    kind: row.kind as DocumentKind,
    number: row.number,
    recordType: row.record_type as RecordType,
    recordId: row.record_id,
    title: row.title,
    paper: row.paper as Paper,
    language: row.language as Language,
    templateVersion: row.template_version,
    fileName: row.file_name,
    sha256: row.sha256,
    size: row.size,
    createdAt: row.created_at,
  };
}

/**
 * The company's settings as every paper prints them: refused without the company name and the
 * hotline, and with the logo only when it can be printed.
 */
export async function settingsForPaper(ctx: ServiceContext): Promise<Settings> {
  const settings = await getSettings(ctx);
  if (!settings.companyName || !settings.hotline) throw refuse('errors.companySettingsMissing');
  return { ...settings, logo: await printableLogo(settings.logo, ctx.logger) };
}

export interface ArchiveRequest {
  kind: DocumentKind;
  recordType: RecordType;
  recordId: number;
  /** What the document is about, for the archive list. */
  title: string;
  paper: Paper;
  language: Language;
  templateVersion: number;
  /** Renders the PDF once the number is known (the number is printed on it). */
  render: (number: string, issuedOn: string) => Promise<{ pdf: Buffer; missingGlyphs: string[] }>;
  /** Rows that belong with the document (a manual's issue record), written in its transaction: both or neither. */
  alongside?: (trx: Db, documentId: number) => Promise<void>;
}

/**
 * Numbers, renders, writes and records a document. The number is taken and committed first,
 * then the PDF is drawn outside any transaction (a long receipt must not hold every other
 * request), written as a new file, and recorded with its hash. A number is never used twice:
 * one that fails to render is skipped, and a file already under a number (the archive kept it
 * through a restore) is never replaced; the next number is taken instead.
 */
export async function archiveDocument(ctx: ServiceContext, req: ArchiveRequest): Promise<GeneratedDocument> {
  const now = ctx.now();
  const year = now.getFullYear();
  const { prefix, folder } = ARCHIVE_KINDS[req.kind];
  // A paper for a unit or customer an import is still writing would be refused at its row: said before a number is taken.
  await refuseWhileImporting(ctx.db, 'documents', req.recordType, req.recordId);
  for (let attempt = 0; attempt < 20; attempt++) {
    const number = await ctx.db.transaction().execute((trx) => takeNumber(trx, req.kind, prefix, year));
    const { pdf, missingGlyphs } = await req.render(number, todayIso(now));
    const fileName = [folder, String(year), `${number}.pdf`].join('/');
    const file = archivePath(ctx.documentsDir, fileName);
    if (!writeNewFile(file, pdf)) {
      ctx.logger.warn(`the archive already holds ${fileName}; ${number} is skipped`);
      continue;
    }
    try {
      const row = await ctx.db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('documents')
          .values({
            kind: req.kind,
            number,
            record_type: req.recordType,
            record_id: req.recordId,
            title: req.title,
            paper: req.paper,
            language: req.language,
            template_version: req.templateVersion,
            file_name: fileName,
            sha256: sha256(pdf),
            size: pdf.length,
            created_at: now.getTime(),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await indexDocument(trx, inserted.id);
        await req.alongside?.(trx, inserted.id);
        return inserted;
      });
      if (missingGlyphs.length > 0) ctx.logger.warn('font lacks glyphs', { number, missingGlyphs });
      return { ...toRecord(row), missingGlyphs };
    } catch (error) {
      rmSync(file, { force: true });
      throw error;
    }
  }
  throw refusal('CONFLICT', 'errors.archiveNumbersTaken', { kind: prefix }, { log: `20 numbers in a row of ${req.kind} were already in the archive` });
}

/** What a unit's card is drawn from, except its number and day (known once archived). */
export async function warrantyCardSource(ctx: ServiceContext, unitId: number): Promise<Omit<WarrantyCardData, 'number' | 'issuedOn'>> {
  const unit = await getUnit(ctx, unitId);
  // The promises printed are the level a repair of this unit gets: its maintenance contract's
  // today, else the default one.
  const contractLevel = await contractLevelFor(ctx.db, unit.id, todayIso(ctx.now()));
  const levelOf = async () => (contractLevel === null ? null : ((await listServiceLevels(ctx)).find((l) => l.id === contractLevel) ?? null)) ?? defaultServiceLevel(ctx);
  const [customer, settings, level] = await Promise.all([getCustomer(ctx, unit.customerId), settingsForPaper(ctx), levelOf()]);
  return { settings, customer, unit, serviceLevel: level?.terms ?? null };
}

export async function createWarrantyCard(
  ctx: ServiceContext,
  input: z.output<typeof warrantyCardInput>,
): Promise<GeneratedDocument> {
  const source = await warrantyCardSource(ctx, input.unitId);
  const { unit } = source;
  return archiveDocument(ctx, {
    kind: 'warrantyCard',
    recordType: 'unit',
    recordId: unit.id,
    title: `${unit.brand} ${unit.model} · ${unit.serial}`,
    paper: input.paper,
    language: input.language,
    templateVersion: WARRANTY_CARD_TEMPLATE_VERSION,
    render: (number, issuedOn) =>
      ctx.documents.render({
        kind: 'warrantyCard',
        data: { ...source, number, issuedOn },
        language: input.language,
        paper: input.paper,
      }),
  });
}

export async function listDocuments(ctx: ServiceContext, input: z.output<typeof documentListInput>): Promise<DocumentRecord[]> {
  const rows = await ctx.db
    .selectFrom('documents')
    .selectAll()
    .$if(input.kind !== undefined, (q) => q.where('kind', '=', input.kind!))
    .$if(input.recordType !== undefined, (q) => q.where('record_type', '=', input.recordType!))
    .$if(input.recordId !== undefined, (q) => q.where('record_id', '=', input.recordId!))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit)
    .execute();
  return rows.map(toRecord);
}

async function archived(ctx: ServiceContext, id: number): Promise<{ record: DocumentRecord; data: Buffer; file: string }> {
  const row = await ctx.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('errors.documentNotFound', { id });
  return { record: toRecord(row), data: readArchived(ctx.documentsDir, row), file: archivePath(ctx.documentsDir, row.file_name) };
}

export async function documentContent(ctx: ServiceContext, id: number): Promise<{ base64: string }> {
  return { base64: (await archived(ctx, id)).data.toString('base64') };
}

/**
 * Printed from a private copy of the checked bytes: the archive file could change between the
 * check and the spooler. The printer and the copies are the kind's, set once in Settings; the
 * paper is the one the document was laid out for.
 */
export async function printDocument(ctx: ServiceContext, id: number): Promise<PrintResult> {
  const { record, data } = await archived(ctx, id);
  const setup = (await getSettings(ctx)).printing[record.kind];
  const target = await printTarget(ctx, setup);
  const dir = mkdtempSync(join(tmpdir(), 'desk-print-'));
  const copy = join(dir, `${record.number}.pdf`);
  try {
    writeFileSync(copy, data);
    const { printer } = await ctx.platform.printPdf(copy, { paper: record.paper, printer: target.printer, copies: setup.copies });
    return { printer: printer ?? target.printer ?? target.defaultName, copies: setup.copies, missingPrinter: target.missing };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const reason = (error as Error).message;
    throw refusal('PLATFORM', 'errors.printFailed', { reason });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function saveDocumentAs(ctx: ServiceContext, id: number): Promise<{ savedTo: string | null }> {
  const { record, data } = await archived(ctx, id);
  // The destination comes from the system's own save dialog, never from the renderer, and is
  // never one of the desk's own files.
  const chosen = await ctx.platform.chooseSavePath(`${record.number}.pdf`);
  if (!chosen) return { savedTo: null };
  const target = await assertSaveTarget(ctx, chosen);
  writeFileSync(target, data);
  return { savedTo: target };
}

export async function showDocumentInFolder(ctx: ServiceContext, id: number): Promise<null> {
  const { file } = await archived(ctx, id);
  await ctx.platform.showItemInFolder(file);
  return null;
}
