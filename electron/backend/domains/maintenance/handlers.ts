import type { DomainHandlers } from '../../app/handler-types';
import { cancelContract, createContract, getContract, listContracts, updateContract } from './contracts';
import { assignVisit, closeVisit, getVisit, listVisits, moveVisit } from './visits';

/** Maintenance contracts and their visits. */
export const maintenanceHandlers = {
  'contracts:list': listContracts,
  'contracts:get': (ctx, input) => getContract(ctx, input.id),
  'contracts:create': (ctx, input) => createContract(ctx, input),
  'contracts:update': updateContract,
  'contracts:cancel': cancelContract,
  'visits:list': listVisits,
  'visits:get': (ctx, input) => getVisit(ctx, input.id),
  'visits:move': moveVisit,
  'visits:assign': assignVisit,
  'visits:close': closeVisit,
} satisfies DomainHandlers;
