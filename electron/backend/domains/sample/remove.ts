import { rmSync } from 'node:fs';
import { sql } from 'kysely';
import type { SampleRemoval } from '../../../../shared/schemas/sample';
import type { ServiceContext } from '../../app/context';
import type { Db } from '../../db/schema';
import { refusal } from '../../lib/errors';
import { safetyBackup } from '../admin/backups';
import { archivePath } from '../archive/files';
import { dropManyFromIndex } from '../search/search-index';
import { sampleScope } from './scope';

const CHUNK = 500;

type Removable =
  | 'manual_issues'
  | 'installations'
  | 'maintenance_contracts'
  | 'documents'
  | 'complaints'
  | 'stock_moves'
  | 'tickets'
  | 'units'
  | 'customers'
  | 'parts'
  | 'technicians'
  | 'product_models'
  | 'warranty_policy_versions'
  | 'warranty_policies'
  | 'manual_content_versions'
  | 'manual_contents';

async function deleteIn(db: Db, table: Removable, column: string, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    await db
      .deleteFrom(table)
      .where(sql.ref(column), 'in', ids.slice(i, i + CHUNK))
      .execute();
  }
}

/**
 * Takes the sample data out in one step: a checked backup first (the removal can be taken back
 * by restoring it), then one transaction, children before parents so no foreign key is left
 * dangling; the cascades the schema declares take each ticket's events, parts, labour,
 * technicians, callbacks and loans, each unit's status lines and each customer's phones,
 * addresses, contacts and tags. The audit triggers log every row removed, cascades included.
 * The archived copies of practice papers are deleted once the rows are gone for good.
 */
export async function removeSample(ctx: ServiceContext): Promise<SampleRemoval> {
  const before = await ctx.db.selectFrom('sample_records').select('row_id').limit(1).executeTakeFirst();
  if (!before) throw refusal('CONFLICT', 'sample.errors.notLoaded');
  const backup = await safetyBackup(ctx, 'beforeSampleRemoval');
  const scope = await ctx.db.transaction().execute(async (trx) => {
    const s = await sampleScope(trx);
    if (s.customers.length + s.units.length + s.tickets.length + s.models.length + s.technicians.length + s.parts.length + s.policies.length + s.manualContents.length === 0 && s.kept === 0) {
      throw refusal('CONFLICT', 'sample.errors.notLoaded');
    }
    if (s.settled > 0) throw refusal('CONFLICT', 'sample.errors.settled', { count: s.settled });
    // A manual issued for a practice installation holds its paper: the record goes first.
    await deleteIn(trx, 'manual_issues', 'id', s.manualIssues);
    await deleteIn(trx, 'documents', 'id', s.documents.map((d) => d.id));
    await dropManyFromIndex(trx, 'document', s.documents.map((d) => d.id));
    await deleteIn(trx, 'complaints', 'id', s.complaints);
    // Their units, technicians, visits, results and plan lines go with them (the schema's cascades).
    await deleteIn(trx, 'installations', 'id', s.installations);
    await deleteIn(trx, 'maintenance_contracts', 'id', s.contracts);
    // Parts a practice ticket took from real stock were never taken off the shelf: they go back.
    for (let i = 0; i < s.tickets.length; i += CHUNK) {
      const ids = s.tickets.slice(i, i + CHUNK);
      const taken = await trx.selectFrom('stock_moves').select(['part_id', sql<number>`sum(delta)`.as('delta')]).where('ticket_id', 'in', ids).groupBy('part_id').execute();
      for (const move of taken) {
        if (!s.parts.includes(move.part_id) && move.delta !== 0) {
          await trx.updateTable('parts').set({ quantity: sql`quantity - ${move.delta}`, updated_at: ctx.now().getTime() }).where('id', '=', move.part_id).execute();
        }
      }
      await trx.deleteFrom('stock_moves').where('ticket_id', 'in', ids).execute();
    }
    await deleteIn(trx, 'tickets', 'id', s.tickets);
    await deleteIn(trx, 'units', 'id', s.units);
    await dropManyFromIndex(trx, 'unit', s.units);
    await deleteIn(trx, 'customers', 'id', s.customers);
    await dropManyFromIndex(trx, 'customer', s.customers);
    await deleteIn(trx, 'stock_moves', 'part_id', s.parts);
    await deleteIn(trx, 'parts', 'id', s.parts);
    await deleteIn(trx, 'technicians', 'id', s.technicians);
    await deleteIn(trx, 'product_models', 'id', s.models);
    await deleteIn(trx, 'warranty_policy_versions', 'policy_id', s.policies);
    await deleteIn(trx, 'warranty_policies', 'id', s.policies);
    await deleteIn(trx, 'manual_content_versions', 'content_id', s.manualContents);
    await deleteIn(trx, 'manual_contents', 'id', s.manualContents);
    await trx.deleteFrom('sample_records').execute();
    return s;
  });
  for (const doc of scope.documents) {
    try {
      rmSync(archivePath(ctx.documentsDir, doc.file_name), { force: true });
    } catch (error) {
      // The row is gone; a file left behind is only disk space, and the backup still holds both.
      ctx.logger.warn(`sample removal: could not delete ${doc.file_name}`, String(error));
    }
  }
  ctx.logger.info('sample data removed', { customers: scope.customers.length, units: scope.units.length, tickets: scope.tickets.length, kept: scope.kept, backup: backup.file });
  return { removed: { customers: scope.customers.length, units: scope.units.length, tickets: scope.tickets.length }, kept: scope.kept, backupFile: backup.file };
}
