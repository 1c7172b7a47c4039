/** The customer list and a customer's page. */
export { CustomerDetailPage } from './CustomerDetailPage';
export { CustomersPage } from './CustomersPage';
export { CallerFlow } from './CallerFlow';
