import type { DomainHandlers } from '../../app/handler-types';
import { exportReports } from './export';
import { updateWarningSettings, warningSettings } from './failures';
import { createReportPack } from './pack';
import { deskWarnings, reportBundle } from './reports';

/** The owner's month: the reports, the warnings and their rules, the workbook. */
export const reportHandlers = {
  'reports:bundle': (ctx, input) => reportBundle(ctx, input, { customerId: input.customerId, modelIds: input.modelIds }),
  'reports:deskWarnings': (ctx) => deskWarnings(ctx),
  'reports:settings': (ctx) => warningSettings(ctx),
  'reports:configure': updateWarningSettings,
  'reports:export': exportReports,
  'documents:reportPack': createReportPack,
} satisfies DomainHandlers;
