import { join } from 'node:path';
import type { ServiceContext } from '../../app/context';
import type { Db } from '../../db/schema';
import type { Logger } from '../../platform/platform';
import { attachmentsRoot, attachmentsRootOf, BACKUP_POOL, blobPath, copyOwnFile, holdsContent, thumbPath } from './files';

/**
 * A backup is the database file; the attachments it names travel beside it, in one pool per
 * backup folder (`desk-attachments/`, the data folder's own layout). Contents are named by
 * their hash, so each is copied once however many backups name it, and a backup on a stick
 * carried to another PC brings its files. The pool is never pruned with the backups: an older
 * backup kept may still name a file the newer ones do not.
 */
export async function copyAttachmentsToBackup(ctx: ServiceContext, folder: string): Promise<number> {
  const root = attachmentsRoot(ctx);
  const pool = join(folder, BACKUP_POOL);
  const files = await ctx.db.selectFrom('attachment_files').select(['hash', 'ext', 'thumb', 'size']).execute();
  let copied = 0;
  for (const f of files) {
    if (copyOwnFile(root, blobPath(root, f.hash, f.ext), pool, blobPath(pool, f.hash, f.ext), f.hash, f.size)) copied++;
    if (f.thumb === 1) copyOwnFile(root, thumbPath(root, f.hash), pool, thumbPath(pool, f.hash), null);
  }
  return copied;
}

/**
 * After a restore: every file the restored database names, missing or altered in the data
 * folder, comes back from the backup folder's pool. What the pool lacks too is logged, and
 * shows as missing in the lists and the check.
 */
export async function restoreAttachmentsFromBackup(ctx: ServiceContext, folder: string): Promise<{ restored: number; missing: number }> {
  return restoreAttachmentFiles(ctx.db, ctx.storage.dbPath, ctx.logger, folder);
}

/** The same, for the recovery screen's restore, which has a database but no service context yet. */
export async function restoreAttachmentFiles(db: Db, dbPath: string, logger: Logger, folder: string): Promise<{ restored: number; missing: number }> {
  const root = attachmentsRootOf(dbPath);
  const pool = join(folder, BACKUP_POOL);
  const files = await db.selectFrom('attachment_files').select(['hash', 'ext', 'thumb']).execute();
  let restored = 0;
  let missing = 0;
  for (const f of files) {
    const target = blobPath(root, f.hash, f.ext);
    if (copyOwnFile(pool, blobPath(pool, f.hash, f.ext), root, target, f.hash)) restored++;
    else if (!holdsContent(root, target, f.hash)) missing++;
    if (f.thumb === 1) copyOwnFile(pool, thumbPath(pool, f.hash), root, thumbPath(root, f.hash), null);
  }
  if (missing > 0) logger.warn(`restore: ${missing} attachment files are in neither the data folder nor the backup folder`);
  return { restored, missing };
}
