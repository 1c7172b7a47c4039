/** Excel import. */
export { ImportPage } from './ImportPage';
