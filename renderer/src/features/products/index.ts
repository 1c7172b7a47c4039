/** Product models and warranty policies; a unit's form offers a new model and shows a policy's terms. */
export { ModelFormModal } from './ModelFormModal';
export { policySummary } from './policyText';
export { ProductsPage } from './ProductsPage';
