/** Maintenance contracts and their visits; the Desk, a customer's page and a technician's day show parts of them. */
export { ContractPage } from './ContractPage';
export { ContractsPage } from './ContractsPage';
export { CustomerContracts } from './CustomerContracts';
export { DayVisitsTable, useDayVisits } from './DayVisits';
export { DueVisitsTable, RenewalsTable, useCallbackVisits, useMaintenanceDue } from './DeskTables';
export { useRenewalLeadDays } from './labels';
export { VisitPage } from './VisitPage';
