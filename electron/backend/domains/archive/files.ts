import { createHash } from 'node:crypto';
import { closeSync, constants, copyFileSync, existsSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, rmSync, writeSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { DocumentKind } from '../../../../shared/schemas/document';
import { notFound, refusal } from '../../lib/errors';

/** Printed number prefixes and archive folders, per kind. */
export const ARCHIVE_KINDS: Record<DocumentKind, { prefix: string; folder: string }> = {
  warrantyCard: { prefix: 'BXK', folder: 'warranty-cards' },
  dispatchOrder: { prefix: 'PGD', folder: 'dispatch-orders' },
  repairIntake: { prefix: 'SJD', folder: 'repair-receipts' },
  repairCompletion: { prefix: 'WXD', folder: 'repair-receipts' },
  inspectionForm: { prefix: 'XJB', folder: 'inspection-forms' },
  faultStats: { prefix: 'GZT', folder: 'fault-statistics' },
  inspectionPlan: { prefix: 'XJJ', folder: 'inspection-plans' },
  batchPrint: { prefix: 'PLD', folder: 'batch-prints' },
  renewalNotice: { prefix: 'XBT', folder: 'renewal-notices' },
  serviceEndNote: { prefix: 'ZZT', folder: 'service-end-notes' },
  callSummary: { prefix: 'DHZ', folder: 'call-summaries' },
  acceptanceCertificate: { prefix: 'YSD', folder: 'acceptance-certificates' },
  manual: { prefix: 'SCH', folder: 'manuals' },
  reportPack: { prefix: 'YBG', folder: 'monthly-reports' },
  settlementForm: { prefix: 'THD', folder: 'return-forms' },
  scrapRecord: { prefix: 'BFJ', folder: 'scrap-records' },
  feedbackForm: { prefix: 'FKD', folder: 'feedback-forms' },
  feeList: { prefix: 'SFB', folder: 'fee-lists' },
  makerReturns: { prefix: 'CYB', folder: 'maker-returns' },
  claimForm: { prefix: 'SPB', folder: 'claim-forms' },
};

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** Archive paths come from our own rows, but are still confined to the archive folder. */
export function archivePath(documentsDir: string, fileName: string): string {
  const root = resolve(documentsDir);
  const full = resolve(root, fileName);
  if (!isInside(root, full)) throw refusal('FORBIDDEN', 'errors.FORBIDDEN', undefined, { log: `path escapes the archive: ${fileName}` });
  return full;
}

/**
 * Writes a new archive file durably, and never over an existing one: an archived copy is what
 * the customer was handed, so a number met again (a restore) must not replace it. The bytes go
 * to a temporary file first and are linked into place, so the archive never holds half a PDF.
 * False when the name is taken.
 */
export function writeNewFile(file: string, data: Buffer): boolean {
  mkdirSync(resolve(file, '..'), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(tmp, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      // A file system without hard links (a FAT stick): an exclusive copy refuses a taken name too.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
      if (existsSync(file)) return false;
      copyFileSync(tmp, file, constants.COPYFILE_EXCL);
    }
    return true;
  } finally {
    rmSync(tmp, { force: true });
  }
}

export interface ArchivedRow {
  number: string;
  file_name: string;
  sha256: string;
  size: number;
}

/**
 * An archived copy's bytes, once they are shown to be the ones archived: a regular file (not a
 * link to something else) inside the archive, of the recorded size and hash. A copy changed or
 * replaced on disk is refused, never printed as if it were ours.
 */
export function readArchived(documentsDir: string, row: ArchivedRow): Buffer {
  const file = archivePath(documentsDir, row.file_name);
  if (!existsSync(file)) throw notFound('errors.documentFileMissing', { number: row.number, file });
  const changed = () => refusal('CONFLICT', 'errors.documentChanged', { number: row.number, file }, { log: `archived ${row.file_name} does not match its record` });
  const st = lstatSync(file);
  if (!st.isFile() || !isInside(realpathSync.native(resolve(documentsDir)), realpathSync.native(file))) throw changed();
  if (st.size !== row.size) throw changed();
  const data = readFileSync(file);
  if (sha256(data) !== row.sha256) throw changed();
  return data;
}

/**
 * The highest number of each kind the archive folder holds on disk. The archive is part of the
 * truth: after a restore (or a database copied back by hand) the counters must pass these.
 */
export function highestArchivedNumbers(documentsDir: string): Map<DocumentKind, number> {
  const found = new Map<DocumentKind, number>();
  for (const [kind, { prefix, folder }] of Object.entries(ARCHIVE_KINDS) as [DocumentKind, { prefix: string; folder: string }][]) {
    const pattern = new RegExp(`^${prefix}-\\d{4}-(\\d{6,})\\.pdf$`);
    const base = join(documentsDir, folder);
    let years: string[] = [];
    try {
      years = readdirSync(base);
    } catch {
      continue;
    }
    for (const year of years) {
      let names: string[] = [];
      try {
        names = readdirSync(join(base, year));
      } catch {
        continue;
      }
      for (const name of names) {
        const m = pattern.exec(name);
        if (m) found.set(kind, Math.max(found.get(kind) ?? 0, Number(m[1])));
      }
    }
  }
  return found;
}
