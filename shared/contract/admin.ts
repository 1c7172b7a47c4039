import { backupFileInput, type BackupInfo, type BackupList, type RestoreResult } from '../schemas/backup';
import { diagnosticsInput, type DiagnosticsSaved, type FullCheck, type HealthStatus, type RecoveryResult } from '../schemas/health';
import {
  auditIdInput,
  auditListInput,
  operatorUpdateInput,
  sessionBeginInput,
  sessionUnlockInput,
  setPinInput,
  sessionRecoverInput,
  newRecoveryCodeInput,
  keepRecoveryCodeInput,
  type KeptRecoveryCode,
  type PinSetResult,
  type AuditDetail,
  type AuditFacets,
  type AuditPage,
  type Operator,
  type SessionInfo,
} from '../schemas/security';
import { settingsUpdateInput, type Settings } from '../schemas/settings';
import type { PrinterInfo } from '../schemas/printing';
import { none, read, returns, write, type QueryDomain } from './channel';

/** The warranty rules and the company's terms change what units, tickets and papers show. */
const SETTINGS_VIEWS: QueryDomain[] = ['settings', 'units', 'customers', 'search', 'tickets', 'desk', 'contracts', 'renewals'];
/** Every write is logged: what changes the session or the operators shows in the log too. */
const SESSION_VIEWS: QueryDomain[] = ['session', 'operators', 'audit'];

/** Settings, backups, the health check, who is at the desk, the admin PIN and the audit log. */
export const adminChannels = {
  'settings:get': read(none, returns<Settings>()),
  'settings:update': write(settingsUpdateInput, returns<Settings>(), {
    refreshes: SETTINGS_VIEWS,
    // The language is the person's own display choice, and closing the first-start setup guards
    // nothing; every other setting is the company's.
    admin: (input) => Object.keys(input).some((key) => key !== 'language' && key !== 'setupDone' && input[key as keyof typeof input] !== undefined),
  }),
  'settings:printers': read(none, returns<PrinterInfo[]>()),

  'backups:list': read(none, returns<BackupList>()),
  'backups:create': write(none, returns<BackupInfo>(), { refreshes: ['backups'] }),
  'backups:inspect': read(backupFileInput, returns<BackupInfo>()),
  'backups:restore': write(backupFileInput, returns<RestoreResult>(), { refreshes: [], admin: true, alone: true }),
  'backups:chooseFolder': write(none, returns<BackupList | null>(), { refreshes: ['backups'], admin: true }),
  // Safety backups taken before a restore are never pruned: a person decides when they can go.
  'backups:delete': write(backupFileInput, returns<BackupList>(), { refreshes: ['backups'], admin: true }),

  'health:status': read(none, returns<HealthStatus>()),
  'health:check': write(none, returns<FullCheck>(), { refreshes: ['health'] }),
  'health:retry': write(none, returns<HealthStatus>(), { refreshes: ['health'] }),
  'health:restore': write(backupFileInput, returns<RecoveryResult>(), { refreshes: [] }),
  'health:chooseFolder': write(none, returns<HealthStatus | null>(), { refreshes: ['health'] }),
  // Logs, versions and counts are everyday help; a copy of the database carries all the data out.
  'health:saveDiagnostics': write(diagnosticsInput, returns<DiagnosticsSaved | null>(), { refreshes: ['audit'], admin: (input) => input.includeData }),

  'session:get': read(none, returns<SessionInfo>()),
  'session:begin': write(sessionBeginInput, returns<SessionInfo>(), { refreshes: SESSION_VIEWS }),
  'session:unlock': write(sessionUnlockInput, returns<SessionInfo>(), { refreshes: SESSION_VIEWS }),
  'session:lock': write(none, returns<SessionInfo>(), { refreshes: SESSION_VIEWS }),
  'session:setPin': write(setPinInput, returns<PinSetResult>(), { refreshes: SESSION_VIEWS }),
  // Not behind the PIN: it is what a person who forgot the PIN has. Wrong codes count as wrong PINs.
  'session:recover': write(sessionRecoverInput, returns<SessionInfo>(), { refreshes: SESSION_VIEWS }),
  'session:newRecoveryCode': write(newRecoveryCodeInput, returns<PinSetResult>(), { refreshes: SESSION_VIEWS }),
  'session:keepRecoveryCode': write(keepRecoveryCodeInput, returns<KeptRecoveryCode | null>(), { refreshes: [] }),
  'operators:list': read(none, returns<Operator[]>()),
  'operators:update': write(operatorUpdateInput, returns<Operator>(), { refreshes: SESSION_VIEWS, admin: true }),
  'audit:list': read(auditListInput, returns<AuditPage>()),
  'audit:get': read(auditIdInput, returns<AuditDetail>()),
  'audit:facets': read(none, returns<AuditFacets>()),
};
