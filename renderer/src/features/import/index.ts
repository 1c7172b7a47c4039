/** Excel import. */
export { ImportPage } from './ImportPage';
export { HistoryExportButton } from './HistoryExportButton';
export { CutShortImportNote } from './CutShortNote';
