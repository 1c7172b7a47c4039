/** Settings; the operator menu opens its security tab. */
export { openSecuritySettings } from './SecurityPanel';
export { SettingsPage } from './SettingsPage';
