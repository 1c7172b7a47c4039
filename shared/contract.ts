import { z } from 'zod';
import type { ApiError, Result } from './result';
import {
  customerCreateInput,
  customerGetInput,
  customerListInput,
  customerMergeInput,
  customerUpdateInput,
  type Customer,
  type CustomerPage,
  type MergeResult,
} from './schemas/customer';
import {
  modelCreateInput,
  modelListInput,
  modelUpdateInput,
  policyCreateInput,
  policyUpdateInput,
  type ProductModel,
  type WarrantyPolicyRecord,
} from './schemas/product';
import { searchInput, type SearchHit } from './schemas/search';
import {
  exportInput,
  importSheetInput,
  type ImportOpened,
  type ImportPreview,
  type ImportResult,
} from './schemas/excel';
import {
  exclusionInput,
  unitBySerialInput,
  unitCreateInput,
  unitGetInput,
  unitListInput,
  unitStatusInput,
  unitUpdateInput,
  type Unit,
  type UnitStatusChange,
} from './schemas/unit';
import {
  dispatchOrderInput,
  documentIdInput,
  documentListInput,
  repairReceiptInput,
  warrantyCardInput,
  type DocumentRecord,
  type GeneratedDocument,
} from './schemas/document';
import { settingsUpdateInput, type Settings } from './schemas/settings';
import {
  boardInput,
  callbackRecordInput,
  callbacksDueInput,
  sanbaoPathInput,
  ticketAppointInput,
  ticketAssignInput,
  ticketChargesInput,
  ticketCreateInput,
  ticketIdInput,
  ticketListInput,
  ticketPartInput,
  ticketPartRemoveInput,
  ticketTransitionInput,
  ticketUpdateInput,
  ticketWorkInput,
  warrantyOverrideInput,
  type AppointmentRow,
  type Board,
  type CallbackDue,
  type TicketDetail,
  type TicketPage,
} from './schemas/ticket';
import {
  feeCreateInput,
  feeUpdateInput,
  loanIssueInput,
  loanListInput,
  loanReturnInput,
  loanerCreateInput,
  loanerUpdateInput,
  monthInput,
  partCreateInput,
  partIdInput,
  partListInput,
  partUpdateInput,
  stockAdjustInput,
  stockReceiveInput,
  technicianCreateInput,
  technicianDayInput,
  technicianListInput,
  technicianUpdateInput,
  type LabourFee,
  type Loan,
  type Loaner,
  type Part,
  type PartReplacedRow,
  type StockMove,
  type Technician,
} from './schemas/resources';
import {
  calendarYearInput,
  calendarYearKey,
  complaintCreateInput,
  complaintIdInput,
  complaintListInput,
  complaintUpdateInput,
  serviceLevelCreateInput,
  serviceLevelUpdateInput,
  type CalendarView,
  type Complaint,
  type ServiceLevel,
} from './schemas/service';

import { backupFileInput, type BackupInfo, type BackupList, type RestoreResult } from './schemas/backup';
import {
  auditIdInput,
  auditListInput,
  operatorUpdateInput,
  sessionBeginInput,
  sessionUnlockInput,
  setPinInput,
  type AuditDetail,
  type AuditFacets,
  type AuditPage,
  type Operator,
  type SessionInfo,
} from './schemas/security';
import type { FullCheck, HealthStatus, RecoveryResult } from './schemas/health';

/** The output type travels as a phantom: only the compiler sees it. */
function channel<I extends z.ZodType, O>(input: I): { input: I; output: O } {
  return { input, output: undefined as O };
}
const none = z.strictObject({});

export interface AppInfo {
  version: string;
  dbPath: string;
  documentsDir: string;
  schemaVersion: number;
}

/**
 * Every IPC channel the app has, `domain:verb`. Main-process registration, the preload bridge,
 * the renderer client and the test bridge are all derived from this object; nothing else may
 * invent a channel.
 */
export const contract = {
  'app:info': channel<typeof none, AppInfo>(none),

  'settings:get': channel<typeof none, Settings>(none),
  'settings:update': channel<typeof settingsUpdateInput, Settings>(settingsUpdateInput),

  'customers:create': channel<typeof customerCreateInput, Customer>(customerCreateInput),
  'customers:update': channel<typeof customerUpdateInput, Customer>(customerUpdateInput),
  'customers:get': channel<typeof customerGetInput, Customer>(customerGetInput),
  'customers:list': channel<typeof customerListInput, CustomerPage>(customerListInput),
  'customers:archive': channel<typeof customerGetInput, Customer>(customerGetInput),
  'customers:restore': channel<typeof customerGetInput, Customer>(customerGetInput),
  'customers:delete': channel<typeof customerGetInput, null>(customerGetInput),
  'customers:merge': channel<typeof customerMergeInput, MergeResult>(customerMergeInput),

  'policies:list': channel<typeof none, WarrantyPolicyRecord[]>(none),
  'policies:create': channel<typeof policyCreateInput, WarrantyPolicyRecord>(policyCreateInput),
  'policies:update': channel<typeof policyUpdateInput, WarrantyPolicyRecord>(policyUpdateInput),
  'models:list': channel<typeof modelListInput, ProductModel[]>(modelListInput),
  'models:create': channel<typeof modelCreateInput, ProductModel>(modelCreateInput),
  'models:update': channel<typeof modelUpdateInput, ProductModel>(modelUpdateInput),

  'units:create': channel<typeof unitCreateInput, Unit>(unitCreateInput),
  'units:update': channel<typeof unitUpdateInput, Unit>(unitUpdateInput),
  'units:get': channel<typeof unitGetInput, Unit>(unitGetInput),
  'units:listByCustomer': channel<typeof unitListInput, Unit[]>(unitListInput),
  'units:findBySerial': channel<typeof unitBySerialInput, Unit[]>(unitBySerialInput),
  'units:setStatus': channel<typeof unitStatusInput, Unit>(unitStatusInput),
  'units:history': channel<typeof unitGetInput, UnitStatusChange[]>(unitGetInput),
  'units:addExclusion': channel<typeof exclusionInput, Unit>(exclusionInput),

  'search:query': channel<typeof searchInput, SearchHit[]>(searchInput),

  'import:open': channel<typeof none, ImportOpened | null>(none),
  'import:preview': channel<typeof importSheetInput, ImportPreview>(importSheetInput),
  'import:commit': channel<typeof importSheetInput, ImportResult>(importSheetInput),
  'export:list': channel<typeof exportInput, { savedTo: string | null; rows: number }>(exportInput),

  'documents:warrantyCard': channel<typeof warrantyCardInput, GeneratedDocument>(warrantyCardInput),
  'documents:list': channel<typeof documentListInput, DocumentRecord[]>(documentListInput),
  'documents:content': channel<typeof documentIdInput, { base64: string }>(documentIdInput),
  'documents:print': channel<typeof documentIdInput, { printer: string | null }>(documentIdInput),
  'documents:saveAs': channel<typeof documentIdInput, { savedTo: string | null }>(documentIdInput),
  'documents:showInFolder': channel<typeof documentIdInput, null>(documentIdInput),
  'documents:dispatchOrder': channel<typeof dispatchOrderInput, GeneratedDocument>(dispatchOrderInput),
  'documents:repairReceipt': channel<typeof repairReceiptInput, GeneratedDocument>(repairReceiptInput),

  'tickets:create': channel<typeof ticketCreateInput, TicketDetail>(ticketCreateInput),
  'tickets:get': channel<typeof ticketIdInput, TicketDetail>(ticketIdInput),
  'tickets:list': channel<typeof ticketListInput, TicketPage>(ticketListInput),
  'tickets:update': channel<typeof ticketUpdateInput, TicketDetail>(ticketUpdateInput),
  'tickets:transition': channel<typeof ticketTransitionInput, TicketDetail>(ticketTransitionInput),
  'tickets:assign': channel<typeof ticketAssignInput, TicketDetail>(ticketAssignInput),
  'tickets:appoint': channel<typeof ticketAppointInput, TicketDetail>(ticketAppointInput),
  'tickets:recordWork': channel<typeof ticketWorkInput, TicketDetail>(ticketWorkInput),
  'tickets:addPart': channel<typeof ticketPartInput, TicketDetail>(ticketPartInput),
  'tickets:removePart': channel<typeof ticketPartRemoveInput, TicketDetail>(ticketPartRemoveInput),
  'tickets:setCharges': channel<typeof ticketChargesInput, TicketDetail>(ticketChargesInput),
  'tickets:overrideWarranty': channel<typeof warrantyOverrideInput, TicketDetail>(warrantyOverrideInput),
  'tickets:sanbaoPath': channel<typeof sanbaoPathInput, TicketDetail>(sanbaoPathInput),
  'callbacks:record': channel<typeof callbackRecordInput, TicketDetail>(callbackRecordInput),
  'callbacks:due': channel<typeof callbacksDueInput, CallbackDue[]>(callbacksDueInput),
  'desk:board': channel<typeof boardInput, Board>(boardInput),

  'technicians:list': channel<typeof technicianListInput, Technician[]>(technicianListInput),
  'technicians:create': channel<typeof technicianCreateInput, Technician>(technicianCreateInput),
  'technicians:update': channel<typeof technicianUpdateInput, Technician>(technicianUpdateInput),
  'technicians:day': channel<typeof technicianDayInput, AppointmentRow[]>(technicianDayInput),
  'parts:list': channel<typeof partListInput, Part[]>(partListInput),
  'parts:create': channel<typeof partCreateInput, Part>(partCreateInput),
  'parts:update': channel<typeof partUpdateInput, Part>(partUpdateInput),
  'parts:receive': channel<typeof stockReceiveInput, Part>(stockReceiveInput),
  'parts:adjust': channel<typeof stockAdjustInput, Part>(stockAdjustInput),
  'parts:moves': channel<typeof partIdInput, StockMove[]>(partIdInput),
  'parts:monthlyReplaced': channel<typeof monthInput, PartReplacedRow[]>(monthInput),
  'loaners:list': channel<typeof none, Loaner[]>(none),
  'loaners:create': channel<typeof loanerCreateInput, Loaner>(loanerCreateInput),
  'loaners:update': channel<typeof loanerUpdateInput, Loaner>(loanerUpdateInput),
  'loans:issue': channel<typeof loanIssueInput, Loan>(loanIssueInput),
  'loans:return': channel<typeof loanReturnInput, Loan>(loanReturnInput),
  'loans:list': channel<typeof loanListInput, Loan[]>(loanListInput),
  'fees:list': channel<typeof none, LabourFee[]>(none),
  'fees:create': channel<typeof feeCreateInput, LabourFee>(feeCreateInput),
  'fees:update': channel<typeof feeUpdateInput, LabourFee>(feeUpdateInput),

  'serviceLevels:list': channel<typeof none, ServiceLevel[]>(none),
  'serviceLevels:create': channel<typeof serviceLevelCreateInput, ServiceLevel>(serviceLevelCreateInput),
  'serviceLevels:update': channel<typeof serviceLevelUpdateInput, ServiceLevel>(serviceLevelUpdateInput),
  'calendar:get': channel<typeof none, CalendarView>(none),
  'calendar:saveYear': channel<typeof calendarYearInput, CalendarView>(calendarYearInput),
  'calendar:resetYear': channel<typeof calendarYearKey, CalendarView>(calendarYearKey),
  'complaints:create': channel<typeof complaintCreateInput, Complaint>(complaintCreateInput),
  'complaints:update': channel<typeof complaintUpdateInput, Complaint>(complaintUpdateInput),
  'complaints:get': channel<typeof complaintIdInput, Complaint>(complaintIdInput),
  'complaints:list': channel<typeof complaintListInput, Complaint[]>(complaintListInput),
  'complaints:close': channel<typeof complaintIdInput, Complaint>(complaintIdInput),

  'backups:list': channel<typeof none, BackupList>(none),
  'backups:create': channel<typeof none, BackupInfo>(none),
  'backups:inspect': channel<typeof backupFileInput, BackupInfo>(backupFileInput),
  'backups:restore': channel<typeof backupFileInput, RestoreResult>(backupFileInput),
  'backups:chooseFolder': channel<typeof none, BackupList | null>(none),

  'health:status': channel<typeof none, HealthStatus>(none),
  'health:check': channel<typeof none, FullCheck>(none),
  'health:retry': channel<typeof none, HealthStatus>(none),
  'health:restore': channel<typeof backupFileInput, RecoveryResult>(backupFileInput),
  'health:chooseFolder': channel<typeof none, HealthStatus | null>(none),

  'session:get': channel<typeof none, SessionInfo>(none),
  'session:begin': channel<typeof sessionBeginInput, SessionInfo>(sessionBeginInput),
  'session:unlock': channel<typeof sessionUnlockInput, SessionInfo>(sessionUnlockInput),
  'session:lock': channel<typeof none, SessionInfo>(none),
  'session:setPin': channel<typeof setPinInput, SessionInfo>(setPinInput),
  'operators:list': channel<typeof none, Operator[]>(none),
  'operators:update': channel<typeof operatorUpdateInput, Operator>(operatorUpdateInput),
  'audit:list': channel<typeof auditListInput, AuditPage>(auditListInput),
  'audit:get': channel<typeof auditIdInput, AuditDetail>(auditIdInput),
  'audit:facets': channel<typeof none, AuditFacets>(none),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

/** What a caller passes: the schema's input side (before defaults and transforms). */
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives: the parsed, normalised value. */
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Contract[C]['output'];

/** The shape of `window.api`: one function per channel, answering a Result. */
export type Api = { [C in Channel]: (input: InputOf<C>) => Promise<Result<OutputOf<C>>> };

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export type { ApiError, Result };
