import { lstatSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  ATTACHMENT_EXTENSIONS,
  ATTACHMENT_RECORD_TABLES,
  MAX_ATTACHMENT_BYTES,
  type AttachmentCheck,
  type AttachmentItem,
  type AttachmentProblem,
  type AttachmentRecord,
} from '../../../../shared/schemas/attachment';
import type { ServiceContext } from '../../app/context';
import { currentOperator } from '../../app/request-context';
import { notFound, refusal, refuse } from '../../lib/errors';
import type { Db } from '../../db/schema';
import { attachmentsRoot, blobPath, holdsContent, isOwnFile, readOwnFile, readOwnFileAsync, realRootOf, removeOwnFile, sha256, thumbPath, writeOwnFile } from './files';
import { sniffType, type AttachmentType } from './sniff';
import { drawThumbnail } from './thumbnails';

const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;
const TYPE_LIST = ATTACHMENT_EXTENSIONS.map((e) => e.toUpperCase()).join(', ');

/**
 * A name is a label shown in the list, never a path: one that names a folder or climbs out of
 * one (`..`, a slash) or carries control characters is refused, so it cannot be mistaken for one.
 */
function checkName(name: string): void {
  // eslint-disable-next-line no-control-regex
  if (name.includes('..') || /[/\\:\u0000-\u001f]/.test(name)) throw refuse('attachments.errors.badName', { name }, 'name');
}

async function assertRecord(ctx: ServiceContext, record: AttachmentRecord, db: Db = ctx.db): Promise<void> {
  const table = ATTACHMENT_RECORD_TABLES[record.type];
  const found = await db.selectFrom(table).select('id').where('id', '=', record.id).executeTakeFirst();
  if (!found) throw notFound('attachments.errors.recordNotFound', { id: record.id });
}

function checkBytes(name: string, bytes: Buffer): AttachmentType {
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw refuse('attachments.errors.tooLarge', { name, size: megabytes(bytes.length), limit: megabytes(MAX_ATTACHMENT_BYTES) });
  }
  if (bytes.length === 0) throw refuse('attachments.errors.empty', { name });
  const type = sniffType(bytes);
  if (!type) throw refuse('attachments.errors.typeRefused', { name, types: TYPE_LIST });
  return type;
}

interface Row {
  id: number;
  record_type: string;
  record_id: number;
  name: string;
  hash: string;
  size: number;
  mime: string;
  ext: string;
  thumb: number;
  created_at: number;
  created_by: string;
}

function selectRows(db: Db) {
  return db
    .selectFrom('attachments as a')
    .innerJoin('attachment_files as f', 'f.hash', 'a.hash')
    .select(['a.id', 'a.record_type', 'a.record_id', 'a.name', 'a.hash', 'f.size', 'f.mime', 'f.ext', 'f.thumb', 'a.created_at', 'a.created_by']);
}

function toItem(root: string, row: Row, realRoot = realRootOf(root)): AttachmentItem {
  const kind = ATTACHMENT_EXTENSION_KIND[row.ext] ?? 'drawing';
  const missing = !isOwnFile(root, blobPath(root, row.hash, row.ext), realRoot);
  const thumb = row.thumb === 1 && !missing ? readOwnFile(root, thumbPath(root, row.hash), realRoot) : null;
  return {
    id: row.id,
    recordType: row.record_type as AttachmentItem['recordType'],
    recordId: row.record_id,
    name: row.name,
    hash: row.hash,
    size: row.size,
    mime: row.mime,
    kind,
    createdAt: row.created_at,
    createdBy: row.created_by,
    thumbnail: thumb ? `data:image/webp;base64,${thumb.toString('base64')}` : null,
    missing,
  };
}

const ATTACHMENT_EXTENSION_KIND: Record<string, AttachmentItem['kind']> = { jpg: 'photo', png: 'photo', webp: 'photo', heic: 'photo', pdf: 'pdf', dwg: 'drawing' };

export async function listAttachments(ctx: ServiceContext, record: AttachmentRecord): Promise<AttachmentItem[]> {
  const rows = await selectRows(ctx.db).where('a.record_type', '=', record.type).where('a.record_id', '=', record.id).orderBy('a.id').execute();
  const root = attachmentsRoot(ctx);
  const realRoot = realRootOf(root);
  return rows.map((row) => toItem(root, row, realRoot));
}

async function getItem(ctx: ServiceContext, id: number): Promise<AttachmentItem> {
  const row = await selectRows(ctx.db).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('attachments.errors.notFound', { id });
  return toItem(attachmentsRoot(ctx), row);
}

/**
 * Stores the bytes once per content (an existing copy that still holds its hash is kept; a
 * missing or altered one is written again from these bytes), draws the thumbnail, then links
 * it to the record in one transaction.
 */
export async function addAttachment(ctx: ServiceContext, record: AttachmentRecord, name: string, bytes: Buffer): Promise<AttachmentItem> {
  checkName(name);
  await assertRecord(ctx, record);
  const type = checkBytes(name, bytes);
  const hash = sha256(bytes);
  const root = attachmentsRoot(ctx);
  const blob = blobPath(root, hash, type.ext);
  const wroteBlob = !holdsContent(root, blob, hash);
  if (wroteBlob) writeOwnFile(root, blob, bytes);
  let thumb = false;
  let wroteThumb = false;
  if (type.kind === 'photo') {
    const thumbFile = thumbPath(root, hash);
    thumb = isOwnFile(root, thumbFile);
    if (!thumb) {
      const drawn = await drawThumbnail(bytes);
      if (drawn) {
        writeOwnFile(root, thumbFile, drawn);
        thumb = wroteThumb = true;
      }
    }
  }
  const at = ctx.now().getTime();
  let id: number;
  try {
    id = await ctx.db.transaction().execute(async (trx) => {
      await assertRecord(ctx, record, trx);
      await trx
        .insertInto('attachment_files')
        .values({ hash, size: bytes.length, mime: type.mime, ext: type.ext, thumb: thumb ? 1 : 0, created_at: at })
        .onConflict((oc) => oc.column('hash').doUpdateSet({ thumb: thumb ? 1 : 0 }))
        .execute();
      const inserted = await trx
        .insertInto('attachments')
        .values({ record_type: record.type, record_id: record.id, hash, name, created_by: currentOperator(), created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      return inserted.id;
    });
  } catch (error) {
    // Nothing half-saved: a file written for a link that never committed goes again, unless
    // another record already names that content.
    const known = await ctx.db.selectFrom('attachment_files').select('hash').where('hash', '=', hash).executeTakeFirst();
    if (!known) {
      if (wroteBlob) removeOwnFile(blob);
      if (wroteThumb) removeOwnFile(thumbPath(root, hash));
    }
    throw error;
  }
  return getItem(ctx, id);
}

/** Adds a file named through the system's open dialog, read here in the main process. */
export async function pickAttachment(ctx: ServiceContext, record: AttachmentRecord): Promise<AttachmentItem | null> {
  await assertRecord(ctx, record);
  const file = await ctx.platform.chooseOpenPath([{ name: 'Attachments', extensions: ATTACHMENT_EXTENSIONS }]);
  if (!file) return null;
  const name = basename(file);
  let stat;
  try {
    stat = lstatSync(file);
  } catch {
    throw notFound('attachments.errors.unreadable', { name });
  }
  // A link may point anywhere (a system file, another user's folder): only a plain file is taken.
  if (stat.isSymbolicLink()) throw refusal('FORBIDDEN', 'attachments.errors.symlink', { name });
  if (!stat.isFile()) throw refuse('attachments.errors.unreadable', { name });
  if (stat.size > MAX_ATTACHMENT_BYTES) {
    throw refuse('attachments.errors.tooLarge', { name, size: megabytes(stat.size), limit: megabytes(MAX_ATTACHMENT_BYTES) });
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw refuse('attachments.errors.unreadable', { name });
  }
  return addAttachment(ctx, record, name, bytes);
}

/** The bytes of a dropped file, sent as base64. */
export async function addDropped(ctx: ServiceContext, record: AttachmentRecord, name: string, data: string): Promise<AttachmentItem> {
  return addAttachment(ctx, record, name, Buffer.from(data, 'base64'));
}

/** Opens the stored copy in the system's viewer; one gone from disk is said to be missing. */
export async function openAttachment(ctx: ServiceContext, id: number): Promise<null> {
  const item = await getItem(ctx, id);
  const root = attachmentsRoot(ctx);
  const row = await ctx.db.selectFrom('attachment_files').select('ext').where('hash', '=', item.hash).executeTakeFirstOrThrow();
  const file = blobPath(root, item.hash, row.ext);
  if (item.missing || !isOwnFile(root, file)) throw notFound('attachments.errors.missing', { name: item.name });
  try {
    await ctx.platform.openFile(file);
  } catch (error) {
    // No viewer for the type (a DWG on a PC without CAD): said so, not an internal error.
    throw refusal('STORAGE', 'attachments.errors.openFailed', { name: item.name }, { log: `opening attachment ${item.id} failed: ${(error as Error).message}` });
  }
  return null;
}

/**
 * Unlinks one attachment (the PIN was asked by the contract; the audit triggers log the row with
 * who did it). The content goes from disk only when no other link still uses it.
 */
export async function deleteAttachment(ctx: ServiceContext, id: number): Promise<null> {
  const gone = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('attachments as a').innerJoin('attachment_files as f', 'f.hash', 'a.hash').select(['a.hash', 'f.ext']).where('a.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('attachments.errors.notFound', { id });
    await trx.deleteFrom('attachments').where('id', '=', id).execute();
    const still = await trx.selectFrom('attachments').select('id').where('hash', '=', row.hash).limit(1).executeTakeFirst();
    if (still) return null;
    await trx.deleteFrom('attachment_files').where('hash', '=', row.hash).execute();
    return row;
  });
  if (gone) {
    const root = attachmentsRoot(ctx);
    // After the commit: a failed delete of the row leaves the file where it was.
    removeOwnFile(blobPath(root, gone.hash, gone.ext));
    removeOwnFile(thumbPath(root, gone.hash));
  }
  return null;
}

/**
 * Every stored content read back and hashed: missing and altered files, with the names they go
 * by. Read a file at a time without blocking the desk (a data folder may hold gigabytes).
 */
export async function checkAttachments(ctx: ServiceContext): Promise<AttachmentCheck> {
  const root = attachmentsRoot(ctx);
  const files = await ctx.db.selectFrom('attachment_files').select(['hash', 'ext']).orderBy('hash').execute();
  const problems: AttachmentProblem[] = [];
  for (const f of files) {
    const path = blobPath(root, f.hash, f.ext);
    const bytes = await readOwnFileAsync(root, path);
    if (bytes !== null && sha256(bytes) === f.hash) continue;
    const names = await ctx.db.selectFrom('attachments').select('name').where('hash', '=', f.hash).orderBy('id').execute();
    problems.push({ hash: f.hash, names: names.map((n) => n.name), problem: bytes === null ? 'missing' : 'altered' });
  }
  return { checked: files.length, problems };
}
