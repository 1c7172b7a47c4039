import type { ServiceLevelTerms } from '../../../../shared/domain/sla';
import type { Customer } from '../../../../shared/schemas/customer';
import type { Settings } from '../../../../shared/schemas/settings';
import type { Unit } from '../../../../shared/schemas/unit';
import type { DocumentCtx } from '../kit/context';

export interface WarrantyCardData {
  /** The card number, as printed. */
  number: string;
  /** The day the card is issued, YYYY-MM-DD. */
  issuedOn: string;
  settings: Settings;
  customer: Customer;
  unit: Unit;
  /**
   * The terms of the service level a repair of this unit gets (the desk's default level until
   * units carry a contract of their own): its deadlines are the promises printed. Null: none.
   */
  serviceLevel: ServiceLevelTerms | null;
}

/** The words and helpers every section of the card needs. */
export interface CardCtx extends DocumentCtx {
  data: WarrantyCardData;
  /** A text under `print.warrantyCard.`. */
  k: (key: string, params?: Record<string, unknown>) => string;
}
