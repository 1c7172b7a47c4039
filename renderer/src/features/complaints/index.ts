/** Complaints with their deadlines. */
export { ComplaintsPage } from './ComplaintsPage';
