import type { Db } from '../../db/schema';
import { raiseSequence } from '../../lib/sequences';
import { highestArchivedNumbers } from './files';

/**
 * Each document counter passes the highest number the archive folder holds on disk. Run at every
 * start and after a restore: cheap (one folder listing per kind and year), and it keeps a restored
 * or hand-copied database from printing a number a customer already holds.
 */
export async function reconcileArchiveNumbers(db: Db, documentsDir: string): Promise<void> {
  const onDisk = highestArchivedNumbers(documentsDir);
  if (onDisk.size === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const [kind, n] of onDisk) await raiseSequence(trx, kind, n);
  });
}
