import type { ServiceContext } from '../../app/context';
import { rebuildIndexInSteps } from '../search/index-rebuild';
import { fillAuditIndex } from './audit-text';
import { trackedIndexing } from './background-work';

/**
 * The index work an upgrade leaves, beside the desk: the search index rebuilt when migrations
 * ran, then the log's text index filled for what was logged before it existed. A failure only
 * reports: search and the log still answer (the log's free text by reading the values).
 */
export async function fillIndexes(ctx: ServiceContext, rebuildSearch: boolean, stopped: () => boolean): Promise<void> {
  try {
    // Closing the app stops either between two steps: the log's fill resumes at the next start
    // (its progress is in the database); a search rebuild cut short leaves old entries standing.
    if (rebuildSearch) await trackedIndexing(ctx, 'search', (progress) => rebuildIndexInSteps(ctx.db, progress, stopped));
    if (!stopped()) await trackedIndexing(ctx, 'audit', (progress) => fillAuditIndex(ctx.db, (p) => progress(p.done, p.total), stopped));
  } catch (error) {
    ctx.logger.warn('an index could not be rebuilt in the background', (error as Error).message);
  }
}
