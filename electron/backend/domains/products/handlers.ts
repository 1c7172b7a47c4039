import type { DomainHandlers } from '../../app/handler-types';
import { addPresets, listPresets } from './presets';
import { createModel, createPolicy, listModels, listPolicies, updateModel, updatePolicy } from './products';

/** Product models and the warranty policies they carry. */
export const productHandlers = {
  'policies:list': listPolicies,
  'policies:create': createPolicy,
  'policies:update': updatePolicy,
  'policies:presets': listPresets,
  'policies:addPresets': addPresets,
  'models:list': listModels,
  'models:create': createModel,
  'models:update': updateModel,
} satisfies DomainHandlers;
