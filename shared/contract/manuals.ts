import type { GeneratedDocument } from '../schemas/document';
import {
  manualContentGetInput,
  manualContentSaveInput,
  manualContentVersionInput,
  manualImageInput,
  manualInstallationInput,
  manualIssueIdInput,
  manualIssueInput,
  manualListInput,
  unitIdInput,
  unitSetValuesInput,
  type ManualBody,
  type ManualCheck,
  type ManualContent,
  type ManualContentSummary,
  type ManualImage,
  type ManualIssue,
  type UnitSetValue,
} from '../schemas/manual';
import { none, read, returns, write } from './channel';

/** The maintenance manual: content per model or category, values set on a unit, manuals issued per site. */
export const manualChannels = {
  'manuals:contents': read(none, returns<ManualContentSummary[]>()),
  'manuals:content': read(manualContentGetInput, returns<ManualContent>()),
  'manuals:version': read(manualContentVersionInput, returns<ManualBody>()),
  'manuals:save': write(manualContentSaveInput, returns<ManualContent>(), { refreshes: ['manuals'] }),
  // A picture is checked and stored when chosen, so the editor shows what the paper will print.
  'manuals:image': write(manualImageInput, returns<ManualImage>(), { refreshes: ['manuals'] }),
  'manuals:check': read(manualInstallationInput, returns<ManualCheck>()),
  'manuals:issue': write(manualIssueInput, returns<GeneratedDocument & { issueId: number }>(), { refreshes: ['manuals', 'documents', 'search'] }),
  'manuals:reprint': read(manualIssueIdInput, returns<{ documentId: number; identical: boolean }>()),
  'manuals:issued': read(manualListInput, returns<ManualIssue[]>()),
  'manuals:unitValues': read(unitIdInput, returns<UnitSetValue[]>()),
  'manuals:saveUnitValues': write(unitSetValuesInput, returns<UnitSetValue[]>(), { refreshes: ['manuals'] }),
};
