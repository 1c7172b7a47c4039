import type { DomainHandlers } from '../../app/handler-types';
import { cancelContract, createContract, getContract, listContracts, updateContract } from './contracts';
import { archiveChecklist, createChecklist, getChecklist, listChecklists, updateChecklist } from './checklists';
import { getInspection, openFindingTicket, recordVisit } from './inspection';
import { createInspectionForm } from './papers';
import { batchPrintStatus, cancelBatchPrint, startBatchPrint } from './batch-print';
import { createFaultStats } from './fault-stats';
import { createInspectionPlan } from './inspection-plan';
import { createRenewalNotice, createServiceEndNote } from './renewal-papers';
import { contractRenewal, declineRenewal, listRenewalsDue, offerRenewalVisit, renewContract } from './renewals';
import { assignVisit, closeVisit, getVisit, listVisits, moveVisit } from './visits';

/** Maintenance contracts, their visits and what the visits record against the checklists. */
export const maintenanceHandlers = {
  'contracts:list': listContracts,
  'contracts:get': (ctx, input) => getContract(ctx, input.id),
  'contracts:create': (ctx, input) => createContract(ctx, input),
  'contracts:update': updateContract,
  'contracts:cancel': cancelContract,
  'visits:list': listVisits,
  'visits:get': (ctx, input) => getVisit(ctx, input.id),
  'visits:move': moveVisit,
  'visits:assign': assignVisit,
  'visits:close': closeVisit,
  'visits:inspection': (ctx, input) => getInspection(ctx, input.id),
  'visits:record': recordVisit,
  'visits:openTicket': openFindingTicket,
  'documents:inspectionForm': createInspectionForm,
  'documents:faultStats': createFaultStats,
  'documents:inspectionPlan': createInspectionPlan,
  'batchPrint:start': startBatchPrint,
  'batchPrint:status': batchPrintStatus,
  'batchPrint:cancel': cancelBatchPrint,
  'renewals:list': (ctx) => listRenewalsDue(ctx),
  'renewals:contract': (ctx, input) => contractRenewal(ctx, input.id),
  'renewals:renew': renewContract,
  'renewals:decline': declineRenewal,
  'renewals:offerVisit': offerRenewalVisit,
  'documents:renewalNotice': createRenewalNotice,
  'documents:serviceEndNote': createServiceEndNote,
  'checklists:list': (ctx) => listChecklists(ctx),
  'checklists:get': (ctx, input) => getChecklist(ctx, input.id),
  'checklists:create': createChecklist,
  'checklists:update': updateChecklist,
  'checklists:archive': (ctx, input) => archiveChecklist(ctx, input.id),
} satisfies DomainHandlers;
