import type { ServiceContext } from '../../app/context';
import { fillReportMonths } from './summary';

/**
 * The reports' share of the start's background work, after the index fills (both take short
 * turns on the desk's thread): the month summary summed where it is dirty. A failure only
 * reports: the reports sum what they read themselves.
 */
export async function fillSummaries(ctx: ServiceContext, stopped: () => boolean): Promise<void> {
  try {
    const started = Date.now();
    const months = await fillReportMonths(ctx, stopped);
    if (months > 0) ctx.logger.info(`reports: ${months} months of the summary summed in the background in ${Date.now() - started} ms`);
  } catch (error) {
    ctx.logger.warn('reports: the month summary could not be filled in the background', (error as Error).message);
  }
}
