/**
 * What a repair costs the customer, in integer fen (分) so no sum is ever off by a rounding.
 * In warranty everything is free; out of warranty parts go at price, or at cost under the
 * company's lifetime maintenance (终身维护), labour by the fee table, travel by region.
 */
export interface ChargeablePart {
  quantity: number;
  priceFen: number;
  costFen: number;
  /** This part is replaced under warranty (free), whatever the ticket's decision. */
  inWarranty: boolean;
}

export interface ChargeableLabour {
  quantity: number;
  amountFen: number;
}

export interface ChargeInput {
  inWarranty: boolean;
  lifetimeMaintenance: boolean;
  parts: ChargeablePart[];
  labour: ChargeableLabour[];
  travelFen: number;
  discountFen: number;
}

export interface PartCharge {
  /** Per unit, as charged: 0 in warranty, cost under lifetime maintenance, else price. */
  unitFen: number;
  lineFen: number;
  basis: 'warranty' | 'cost' | 'price';
}

export interface Charges {
  parts: PartCharge[];
  partsFen: number;
  labourFen: number;
  travelFen: number;
  subtotalFen: number;
  discountFen: number;
  totalFen: number;
}

export function partCharge(part: ChargeablePart, input: Pick<ChargeInput, 'inWarranty' | 'lifetimeMaintenance'>): PartCharge {
  if (input.inWarranty || part.inWarranty) return { unitFen: 0, lineFen: 0, basis: 'warranty' };
  const basis = input.lifetimeMaintenance ? 'cost' : 'price';
  const unitFen = basis === 'cost' ? part.costFen : part.priceFen;
  return { unitFen, lineFen: unitFen * part.quantity, basis };
}

export function computeCharges(input: ChargeInput): Charges {
  const parts = input.parts.map((p) => partCharge(p, input));
  const partsFen = parts.reduce((sum, p) => sum + p.lineFen, 0);
  const labourFen = input.inWarranty ? 0 : input.labour.reduce((sum, l) => sum + l.amountFen * l.quantity, 0);
  const travelFen = input.inWarranty ? 0 : input.travelFen;
  const subtotalFen = partsFen + labourFen + travelFen;
  // A discount never turns into money owed to the customer.
  const discountFen = Math.min(Math.max(0, input.discountFen), subtotalFen);
  return { parts, partsFen, labourFen, travelFen, subtotalFen, discountFen, totalFen: subtotalFen - discountFen };
}

export const PAYMENT_METHODS = ['cash', 'wechat', 'alipay', 'card', 'transfer', 'monthly'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
