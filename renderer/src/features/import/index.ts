/** Excel import. */
export { ImportPage } from './ImportPage';
export { HistoryExportButton } from './HistoryExportButton';
