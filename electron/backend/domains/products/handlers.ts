import type { DomainHandlers } from '../../app/handler-types';
import { createModel, createPolicy, listModels, listPolicies, updateModel, updatePolicy } from './products';

/** Product models and the warranty policies they carry. */
export const productHandlers = {
  'policies:list': listPolicies,
  'policies:create': createPolicy,
  'policies:update': updatePolicy,
  'models:list': listModels,
  'models:create': createModel,
  'models:update': updateModel,
} satisfies DomainHandlers;
