import { addDays, localDay } from '../../../../shared/domain/dates';
import type { EarlyWarning, ReportBundle, ReportFilter, ReportPeriod } from '../../../../shared/schemas/reports';
import type { ServiceContext } from '../../app/context';
import { getCustomer } from '../customers/customers';
import { complaintsReport, loanersReport, moneyReport, partsReport, satisfactionReport, scheduledReport } from './activity';
import { earlyWarnings, failureAnalysis } from './failures';
import { NO_FILTER, reportBounds } from './period';
import { repairsReport, serviceLevelReport } from './repairs';

/*
 * The reusable entry points: each report is `xReport(ctx, bounds)` with bounds from
 * `reportBounds(ctx, period, filter)`; this file puts them together for the screen and the pack.
 * The makers' claims (issue 21) call the single reports with a filter of product models.
 */
export { reportBounds, NO_FILTER } from './period';
export { repairsReport, serviceLevelReport } from './repairs';
export { complaintsReport, loanersReport, moneyReport, partsReport, satisfactionReport, scheduledReport } from './activity';
export { earlyWarnings, failureAnalysis, warningSettings } from './failures';

export async function reportBundle(ctx: ServiceContext, period: ReportPeriod, filter: ReportFilter = NO_FILTER): Promise<ReportBundle> {
  const b = reportBounds(ctx, period, filter);
  // A customer that is not there is said so, not answered with a month of zeros.
  if (filter.customerId !== null) await getCustomer(ctx, filter.customerId);
  const [repairs, service, satisfaction, complaints, parts, loaners, money, scheduled, failures] = await Promise.all([
    repairsReport(ctx, b),
    serviceLevelReport(ctx, b),
    satisfactionReport(ctx, b),
    complaintsReport(ctx, b),
    partsReport(ctx, b),
    loanersReport(ctx, b),
    moneyReport(ctx, b),
    scheduledReport(ctx, b),
    failureAnalysis(ctx, b),
  ]);
  const warnings = await earlyWarnings(ctx, b, failures);
  return { period: { from: b.from, to: b.to }, filter, asOf: localDay(b.asOf - 1), repairs, service, satisfaction, complaints, parts, loaners, money, scheduled, failures, warnings };
}

/** DESK_WINDOW_DAYS days up to today, compared with the same length before: what the Desk warns of now. */
export const DESK_WINDOW_DAYS = 30;

export async function deskWarnings(ctx: ServiceContext): Promise<{ period: ReportPeriod; warnings: EarlyWarning[] }> {
  const today = localDay(ctx.now());
  const period = { from: addDays(today, -(DESK_WINDOW_DAYS - 1)), to: today };
  return { period, warnings: await earlyWarnings(ctx, reportBounds(ctx, period)) };
}
