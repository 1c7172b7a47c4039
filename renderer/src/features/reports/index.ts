/** The owner's month: the reports screen and the Desk's fault warnings. */
export { ReportsPage } from './ReportsPage';
export { DeskWarnings } from './DeskWarnings';
export { CustomerPackButton } from './CustomerPackButton';
