import {
  modelCreateInput,
  modelListInput,
  modelUpdateInput,
  policyCreateInput,
  policyUpdateInput,
  presetAddInput,
  presetListInput,
  type PolicyPreset,
  type ProductModel,
  type WarrantyPolicyRecord,
} from '../schemas/product';
import { none, read, returns, write } from './channel';

export const productChannels = {
  'policies:list': read(none, returns<WarrantyPolicyRecord[]>()),
  'policies:create': write(policyCreateInput, returns<WarrantyPolicyRecord>(), { refreshes: ['policies', 'models'], admin: true }),
  'policies:update': write(policyUpdateInput, returns<WarrantyPolicyRecord>(), { refreshes: ['policies', 'models'], admin: true }),
  // Ready-made policies for the trade, offered on the first start and under Products.
  'policies:presets': read(presetListInput, returns<PolicyPreset[]>()),
  'policies:addPresets': write(presetAddInput, returns<WarrantyPolicyRecord[]>(), { refreshes: ['policies', 'models'], admin: true }),
  'models:list': read(modelListInput, returns<ProductModel[]>()),
  'models:create': write(modelCreateInput, returns<ProductModel>(), { refreshes: ['models', 'policies'] }),
  // A model's name and policy show on its units, their warranty and the search results.
  'models:update': write(modelUpdateInput, returns<ProductModel>(), { refreshes: ['models', 'policies', 'units', 'customers', 'search'] }),
};
