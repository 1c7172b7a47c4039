import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync, copyFileSync, existsSync } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import { todayIso } from '../../../../shared/domain/dates';
import type { Language } from '../../../../shared/i18n/languages';
import type { DocumentKind, DocumentRecord, GeneratedDocument, Paper, RecordType, documentListInput, warrantyCardInput,  } from '../../../../shared/schemas/document';
import { AppError, refusal, refuse, notFound } from '../../lib/errors';
import type { DocumentsTable } from '../../db/schema';
import type { Settings } from '../../../../shared/schemas/settings';
import { renderWarrantyCard, WARRANTY_CARD_TEMPLATE_VERSION } from '../../documents/warranty-card/warranty-card';
import type { ServiceContext } from '../../app/context';
import { getCustomer } from '../customers/customers';
import { getSettings } from '../admin/settings';
import { getUnit } from '../units/units';
import { indexDocument } from '../search/search-index';
import { takeNumber } from '../../lib/sequences';

/** Printed number prefixes and archive folders, per kind. */
const KINDS: Record<DocumentKind, { prefix: string; folder: string }> = {
  warrantyCard: { prefix: 'BXK', folder: 'warranty-cards' },
  dispatchOrder: { prefix: 'PGD', folder: 'dispatch-orders' },
  repairIntake: { prefix: 'SJD', folder: 'repair-receipts' },
  repairCompletion: { prefix: 'WXD', folder: 'repair-receipts' },
};

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

/** Writes the file durably under a temporary name, then renames it into place. */
function writeDurably(file: string, data: Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/** Archive paths come from our own rows, but are still confined to the archive folder. */
function archivePath(ctx: ServiceContext, fileName: string): string {
  const root = resolve(ctx.documentsDir);
  const full = resolve(root, fileName);
  if (full !== root && !full.startsWith(root + sep)) {
    throw refusal('FORBIDDEN', 'errors.FORBIDDEN', undefined, { log: `path escapes the archive: ${fileName}` });
  }
  return full;
}

/** Company name and hotline are printed on every paper: refuse to print without them. */
export function requireCompany(settings: Settings): void {
  if (!settings.companyName || !settings.hotline) {
    throw refuse('errors.companySettingsMissing');
  }
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
}

/**
 * Numbers, renders, writes and records a document in one transaction: the number is taken,
 * the file written durably, the row and its search entry stored; a failed commit removes the
 * file so no orphan stays behind.
 */
export async function archiveDocument(ctx: ServiceContext, req: ArchiveRequest): Promise<GeneratedDocument> {
  const now = ctx.now();
  let written: string | null = null;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const number = await takeNumber(trx, req.kind, KINDS[req.kind].prefix, now.getFullYear());
      const { pdf, missingGlyphs } = await req.render(number, todayIso(now));
      const fileName = [KINDS[req.kind].folder, String(now.getFullYear()), `${number}.pdf`].join('/');
      const file = archivePath(ctx, fileName);
      writeDurably(file, pdf);
      written = file;
      const row = await trx
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
          sha256: createHash('sha256').update(pdf).digest('hex'),
          size: pdf.length,
          created_at: now.getTime(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await indexDocument(trx, row.id);
      if (missingGlyphs.length > 0) ctx.logger.warn('font lacks glyphs', { number, missingGlyphs });
      return { ...toRecord(row), missingGlyphs };
    });
  } catch (error) {
    if (written) rmSync(written, { force: true });
    throw error;
  }
}

export async function createWarrantyCard(
  ctx: ServiceContext,
  input: z.output<typeof warrantyCardInput>,
): Promise<GeneratedDocument> {
  const unit = await getUnit(ctx, input.unitId);
  const [customer, settings] = await Promise.all([getCustomer(ctx, unit.customerId), getSettings(ctx)]);
  requireCompany(settings);
  return archiveDocument(ctx, {
    kind: 'warrantyCard',
    recordType: 'unit',
    recordId: unit.id,
    title: `${unit.brand} ${unit.model} · ${unit.serial}`,
    paper: input.paper,
    language: input.language,
    templateVersion: WARRANTY_CARD_TEMPLATE_VERSION,
    render: (number, issuedOn) => renderWarrantyCard({ number, issuedOn, settings, customer, unit }, input.language, input.paper),
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

async function documentFile(ctx: ServiceContext, id: number): Promise<{ record: DocumentRecord; file: string }> {
  const row = await ctx.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('errors.documentNotFound', { id });
  const file = archivePath(ctx, row.file_name);
  if (!existsSync(file)) throw notFound('errors.documentFileMissing', { number: row.number, file });
  return { record: toRecord(row), file };
}

export async function documentContent(ctx: ServiceContext, id: number): Promise<{ base64: string }> {
  const { file } = await documentFile(ctx, id);
  return { base64: readFileSync(file).toString('base64') };
}

export async function printDocument(ctx: ServiceContext, id: number): Promise<{ printer: string | null }> {
  const { record, file } = await documentFile(ctx, id);
  try {
    return await ctx.platform.printPdf(file, { paper: record.paper });
  } catch (error) {
    if (error instanceof AppError) throw error;
    const reason = (error as Error).message;
    throw refusal('PLATFORM', 'errors.printFailed', { reason });
  }
}

export async function saveDocumentAs(ctx: ServiceContext, id: number): Promise<{ savedTo: string | null }> {
  const { file } = await documentFile(ctx, id);
  // The destination comes from the system's own save dialog, never from the renderer.
  const target = await ctx.platform.chooseSavePath(basename(file));
  if (!target) return { savedTo: null };
  copyFileSync(file, target);
  return { savedTo: target };
}

export async function showDocumentInFolder(ctx: ServiceContext, id: number): Promise<null> {
  const { file } = await documentFile(ctx, id);
  await ctx.platform.showItemInFolder(file);
  return null;
}

