/** The archive of generated documents. */
export { DocumentsPage } from './DocumentsPage';
