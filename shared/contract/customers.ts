import {
  customerCreateInput,
  customerGetInput,
  customerListInput,
  customerMergeInput,
  customerUpdateInput,
  type Customer,
  type CustomerPage,
  type MergeResult,
} from '../schemas/customer';
import { read, returns, write, type QueryDomain } from './channel';

/** A customer's name, phones and address show on their units, tickets and search results. */
const CUSTOMER_VIEWS: QueryDomain[] = ['customers', 'units', 'search', 'tickets', 'desk', 'callbacks'];

export const customerChannels = {
  'customers:create': write(customerCreateInput, returns<Customer>(), { refreshes: CUSTOMER_VIEWS }),
  'customers:update': write(customerUpdateInput, returns<Customer>(), { refreshes: CUSTOMER_VIEWS }),
  'customers:get': read(customerGetInput, returns<Customer>()),
  'customers:list': read(customerListInput, returns<CustomerPage>()),
  'customers:archive': write(customerGetInput, returns<Customer>(), { refreshes: CUSTOMER_VIEWS }),
  'customers:restore': write(customerGetInput, returns<Customer>(), { refreshes: CUSTOMER_VIEWS }),
  'customers:delete': write(customerGetInput, returns<null>(), { refreshes: CUSTOMER_VIEWS, admin: true }),
  'customers:merge': write(customerMergeInput, returns<MergeResult>(), { refreshes: [...CUSTOMER_VIEWS, 'documents', 'complaints'], admin: true }),
};
