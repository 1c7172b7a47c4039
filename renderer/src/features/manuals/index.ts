/* The maintenance manual: its content editor, and the panels other pages show. */
export { ManualsPage } from './ManualsPage';
export { InstallationManual, IssuedManuals, UnitSetValues } from './ManualPanels';
