/** Settings; the operator menu opens its security tab. */
export { openSecuritySettings, openSettingsTab, PinForm } from './SecurityPanel';
export { CompanyForm } from './SettingsPage';
export { LogoForm } from './WarrantyRulesForm';
export { SettingsPage } from './SettingsPage';
