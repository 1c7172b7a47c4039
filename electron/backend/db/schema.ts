import type { Kysely, Transaction } from 'kysely';
import type { SettingsTable, CustomersTable, CustomerPhonesTable, CustomerAddressesTable, CustomerContactsTable, CustomerTagsTable, WarrantyPoliciesTable, WarrantyPolicyVersionsTable, ProductModelsTable, UnitsTable, UnitStatusHistoryTable, WarrantyExclusionsTable, SequencesTable, DocumentsTable, SearchKeysTable, ImportBatchesTable, ImportBatchRowsTable, SampleRecordsTable } from './tables/registry';
import type { TechniciansTable, ServiceLevelsTable, CalendarYearsTable, LabourFeesTable, PartsTable, TicketsTable, TicketEventsTable, TicketTechniciansTable, TicketPartsTable, TicketLabourTable, StockMovesTable, LoanersTable, LoansTable, CallbacksTable, ComplaintsTable } from './tables/service';
import type { OperatorsTable, SecurityTable, AuditChangesTable, AuditRowsTable, HealthChecksTable, UpgradeNotesTable } from './tables/admin';
import type { MaintenanceContractsTable, ContractUnitsTable, ContractPlanLinesTable, VisitsTable, ChecklistsTable, ChecklistVersionsTable, VisitResultsTable, RenewalDeclinesTable } from './tables/maintenance';
import type { AttachmentFilesTable, AttachmentsTable } from './tables/attachments';

/* One file of row types per part of the app; every service imports them from here. */
export type { SettingsTable, CustomersTable, CustomerPhonesTable, CustomerAddressesTable, CustomerContactsTable, CustomerTagsTable, WarrantyPoliciesTable, WarrantyPolicyVersionsTable, ProductModelsTable, UnitsTable, UnitStatusHistoryTable, WarrantyExclusionsTable, SequencesTable, DocumentsTable, SearchKeysTable, ImportBatchesTable, ImportBatchRowsTable, SampleRecordsTable } from './tables/registry';
export type { TechniciansTable, ServiceLevelsTable, CalendarYearsTable, LabourFeesTable, PartsTable, TicketsTable, TicketEventsTable, TicketTechniciansTable, TicketPartsTable, TicketLabourTable, StockMovesTable, LoanersTable, LoansTable, CallbacksTable, ComplaintsTable } from './tables/service';
export type { OperatorsTable, SecurityTable, AuditChangesTable, AuditRowsTable, HealthChecksTable, UpgradeNotesTable } from './tables/admin';
export type { AttachmentFilesTable, AttachmentsTable } from './tables/attachments';
export type { MaintenanceContractsTable, ContractUnitsTable, ContractPlanLinesTable, VisitsTable, ChecklistsTable, ChecklistVersionsTable, VisitResultsTable, RenewalDeclinesTable } from './tables/maintenance';

export interface DB {
  settings: SettingsTable;
  customers: CustomersTable;
  customer_phones: CustomerPhonesTable;
  customer_addresses: CustomerAddressesTable;
  customer_contacts: CustomerContactsTable;
  customer_tags: CustomerTagsTable;
  warranty_policies: WarrantyPoliciesTable;
  warranty_policy_versions: WarrantyPolicyVersionsTable;
  product_models: ProductModelsTable;
  units: UnitsTable;
  unit_status_history: UnitStatusHistoryTable;
  warranty_exclusions: WarrantyExclusionsTable;
  sequences: SequencesTable;
  documents: DocumentsTable;
  search_keys: SearchKeysTable;
  import_batches: ImportBatchesTable;
  import_batch_rows: ImportBatchRowsTable;
  sample_records: SampleRecordsTable;
  technicians: TechniciansTable;
  service_levels: ServiceLevelsTable;
  calendar_years: CalendarYearsTable;
  labour_fees: LabourFeesTable;
  parts: PartsTable;
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
  ticket_technicians: TicketTechniciansTable;
  ticket_parts: TicketPartsTable;
  ticket_labour: TicketLabourTable;
  stock_moves: StockMovesTable;
  loaners: LoanersTable;
  loans: LoansTable;
  callbacks: CallbacksTable;
  complaints: ComplaintsTable;
  operators: OperatorsTable;
  security: SecurityTable;
  audit_changes: AuditChangesTable;
  audit_rows: AuditRowsTable;
  health_checks: HealthChecksTable;
  upgrade_notes: UpgradeNotesTable;
  maintenance_contracts: MaintenanceContractsTable;
  contract_units: ContractUnitsTable;
  contract_plan_lines: ContractPlanLinesTable;
  visits: VisitsTable;
  checklists: ChecklistsTable;
  checklist_versions: ChecklistVersionsTable;
  visit_results: VisitResultsTable;
  renewal_declines: RenewalDeclinesTable;
  attachment_files: AttachmentFilesTable;
  attachments: AttachmentsTable;
}

/** Services accept the database or an open transaction alike. */
export type Db = Kysely<DB> | Transaction<DB>;
