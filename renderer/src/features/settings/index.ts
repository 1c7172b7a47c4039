/** Settings; the operator menu opens its security tab. */
export { PinForm } from './PinSection';
export { openSecuritySettings } from './SecurityPanel';
export { CompanyForm } from './SettingsPage';
export { LogoForm } from './WarrantyRulesForm';
export { SettingsPage } from './SettingsPage';
