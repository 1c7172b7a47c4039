/* Installation and acceptance, and the warranty card's life: what other features may use. */
export { InstallationPage } from './InstallationPage';
export { InstallationsPage } from './InstallationsPage';
export { CardLife } from './CardLife';
export { CustomerInstallations } from './CustomerInstallations';
export { InstallationDeskSections } from './DeskSections';
