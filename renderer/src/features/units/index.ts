/** A unit's page; a customer's page adds units and prints their warranty cards. */
export { UnitFormModal } from './UnitFormModal';
export { UnitPage } from './UnitPage';
export { useWarrantyCardPrint, WarrantyCardDialog } from './WarrantyCardDialog';
