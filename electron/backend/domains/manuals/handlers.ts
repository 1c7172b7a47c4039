import type { DomainHandlers } from '../../app/handler-types';
import { getContentVersion, getManualContent, listManualContents, saveManualContent } from './content';
import { storeImage } from './images';
import { checkManual, issueManual, listManualIssues, reprintManual } from './issue';
import { saveUnitSetValues, unitSetValues } from './values';

/** The maintenance manual: its content per model or category, values set on units, manuals issued per site. */
export const manualHandlers = {
  'manuals:contents': listManualContents,
  'manuals:content': (ctx, input) => getManualContent(ctx, input),
  'manuals:version': (ctx, input) => getContentVersion(ctx, input.versionId),
  'manuals:save': saveManualContent,
  'manuals:image': (ctx, input) => storeImage(ctx, input.dataUrl),
  'manuals:check': (ctx, input) => checkManual(ctx, input.installationId),
  'manuals:issue': issueManual,
  'manuals:reprint': (ctx, input) => reprintManual(ctx, input.issueId),
  'manuals:issued': listManualIssues,
  'manuals:unitValues': (ctx, input) => unitSetValues(ctx, input.unitId),
  'manuals:saveUnitValues': saveUnitSetValues,
} satisfies DomainHandlers;
