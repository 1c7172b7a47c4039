/** Settings; the operator menu opens its security tab, the sample-data reminder its own. */
export { PinForm } from './PinSection';
export { openSecuritySettings, openSettingsTab } from './SecurityPanel';
export { CompanyForm } from './SettingsPage';
export { LogoForm } from './WarrantyRulesForm';
export { SettingsPage } from './SettingsPage';
