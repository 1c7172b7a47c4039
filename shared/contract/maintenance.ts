import {
  contractCancelInput,
  contractCreateInput,
  contractListInput,
  contractUpdateInput,
  visitAssignInput,
  visitCloseInput,
  visitIdInput,
  visitListInput,
  visitMoveInput,
  type ContractDetail,
  type ContractSummary,
  type Visit,
} from '../schemas/maintenance';
import {
  checklistCreateInput,
  checklistIdInput,
  checklistUpdateInput,
  visitFindingInput,
  visitRecordInput,
  type Checklist,
  type VisitInspection,
} from '../schemas/checklist';
import { inspectionFormInput, type GeneratedDocument } from '../schemas/document';
import { batchJobInput, batchPrintInput, faultStatsInput, inspectionPlanInput, type BatchJob } from '../schemas/maintenance-papers';
import type { TicketDetail } from '../schemas/ticket';
import { contractRenewInput, renewalDeclineInput, renewalPaperInput, renewalTargetInput, type ContractRenewal, type RenewalDue } from '../schemas/renewal';
import { none, read, returns, write } from './channel';
import { TICKET_VIEWS } from './tickets';

/** What a change to contracts or visits may show on: the lists, the Desk's due visits, a technician's day. */
const VISIT_VIEWS = ['contracts', 'visits', 'desk', 'technicians'] as const;

/** Scheduled service: maintenance contracts (维保合同) and the visits their plans make. */
export const maintenanceChannels = {
  'contracts:list': read(contractListInput, returns<ContractSummary[]>()),
  'contracts:get': read(visitIdInput, returns<ContractDetail>()),
  'contracts:create': write(contractCreateInput, returns<ContractDetail>(), { refreshes: VISIT_VIEWS }),
  'contracts:update': write(contractUpdateInput, returns<ContractDetail>(), { refreshes: VISIT_VIEWS }),
  'contracts:cancel': write(contractCancelInput, returns<ContractDetail>(), { refreshes: VISIT_VIEWS }),
  'visits:list': read(visitListInput, returns<Visit[]>()),
  'visits:get': read(visitIdInput, returns<Visit>()),
  'visits:move': write(visitMoveInput, returns<Visit>(), { refreshes: VISIT_VIEWS }),
  'visits:assign': write(visitAssignInput, returns<Visit>(), { refreshes: VISIT_VIEWS }),
  'visits:close': write(visitCloseInput, returns<Visit>(), { refreshes: VISIT_VIEWS }),
  'visits:inspection': read(visitIdInput, returns<VisitInspection>()),
  'visits:record': write(visitRecordInput, returns<VisitInspection>(), { refreshes: VISIT_VIEWS }),
  // A finding that needs a repair becomes a ticket linked to the visit.
  'visits:openTicket': write(visitFindingInput, returns<TicketDetail>(), { refreshes: [...VISIT_VIEWS, ...TICKET_VIEWS] }),
  'documents:inspectionForm': write(inspectionFormInput, returns<GeneratedDocument>(), { refreshes: ['documents', 'search'] }),
  'documents:faultStats': write(faultStatsInput, returns<GeneratedDocument>(), { refreshes: ['documents', 'search'] }),
  'documents:inspectionPlan': write(inspectionPlanInput, returns<GeneratedDocument>(), { refreshes: ['documents', 'search'] }),
  // Batch printing runs on after `start` answers: the screen polls `status` for its progress.
  'batchPrint:start': write(batchPrintInput, returns<BatchJob>(), { refreshes: ['batchPrint', 'documents', 'search'] }),
  'batchPrint:status': read(batchJobInput, returns<BatchJob>()),
  'batchPrint:cancel': write(batchJobInput, returns<BatchJob>(), { refreshes: ['batchPrint', 'documents', 'search'] }),
  // Renewal (续保): what is due, and the desk's answers to it.
  'renewals:list': read(none, returns<RenewalDue[]>()),
  'renewals:contract': read(visitIdInput, returns<ContractRenewal>()),
  'renewals:renew': write(contractRenewInput, returns<ContractDetail>(), { refreshes: [...VISIT_VIEWS, 'renewals'] }),
  'renewals:decline': write(renewalDeclineInput, returns<RenewalDue[]>(), { refreshes: [...VISIT_VIEWS, 'renewals'] }),
  'renewals:offerVisit': write(renewalTargetInput, returns<Visit>(), { refreshes: [...VISIT_VIEWS, 'renewals'] }),
  'documents:renewalNotice': write(renewalPaperInput, returns<GeneratedDocument>(), { refreshes: ['documents', 'search'] }),
  'documents:serviceEndNote': write(renewalPaperInput, returns<GeneratedDocument>(), { refreshes: ['documents', 'search'] }),
  'checklists:list': read(none, returns<Checklist[]>()),
  'checklists:get': read(checklistIdInput, returns<Checklist>()),
  'checklists:create': write(checklistCreateInput, returns<Checklist>(), { refreshes: ['checklists'] }),
  'checklists:update': write(checklistUpdateInput, returns<Checklist>(), { refreshes: ['checklists', 'visits'] }),
  'checklists:archive': write(checklistIdInput, returns<null>(), { refreshes: ['checklists'] }),
};
