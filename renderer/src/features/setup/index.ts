/** The first start: company, warranty policies, backups and the PIN, before the desk opens. */
export { SetupWizard } from './SetupWizard';
