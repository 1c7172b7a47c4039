/** The service team and each one's day. */
export { TechniciansPage } from './TechniciansPage';
