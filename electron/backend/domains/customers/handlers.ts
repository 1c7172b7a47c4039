import type { DomainHandlers } from '../../app/handler-types';
import { createCustomer, deleteCustomer, getCustomer, listCustomers, mergeCustomers, setArchived, updateCustomer } from './customers';

export const customerHandlers = {
  'customers:create': createCustomer,
  'customers:update': updateCustomer,
  'customers:get': (ctx, input) => getCustomer(ctx, input.id),
  'customers:list': listCustomers,
  'customers:archive': (ctx, input) => setArchived(ctx, input.id, true),
  'customers:restore': (ctx, input) => setArchived(ctx, input.id, false),
  'customers:delete': (ctx, input) => deleteCustomer(ctx, input.id),
  'customers:merge': mergeCustomers,
} satisfies DomainHandlers;
