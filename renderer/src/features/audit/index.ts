/** The audit log screen. */
export { AuditPage } from './AuditPage';
