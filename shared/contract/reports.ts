import type { GeneratedDocument } from '../schemas/document';
import { reportExportInput, reportPackInput, reportPeriodInput, warningSettingsInput, type DeskWarnings, type ReportBundle, type WarningSettings } from '../schemas/reports';
import { none, read, returns, write } from './channel';

/** The owner's month (issue 17): the reports of a period, the early warnings, the monthly pack. */
export const reportChannels = {
  'reports:bundle': read(reportPeriodInput, returns<ReportBundle>()),
  // What the Desk shows: the last thirty days' warnings.
  'reports:deskWarnings': read(none, returns<DeskWarnings>()),
  'reports:settings': read(none, returns<WarningSettings>()),
  // The warnings' rules are the owner's, as the desk's other rules: the admin PIN.
  'reports:configure': write(warningSettingsInput, returns<WarningSettings>(), { refreshes: ['reports', 'desk'], admin: true }),
  'reports:export': write(reportExportInput, returns<{ savedTo: string | null; sheets: number }>(), { refreshes: [] }),
  'documents:reportPack': write(reportPackInput, returns<GeneratedDocument>(), { refreshes: ['documents', 'search'] }),
};
