import { z } from 'zod';
import type { WarrantyState, WarrantyTerm } from '../domain/warranty';
import { id, optionalPastOrTodayDate, pastOrTodayDate, requiredText } from './common';

export const unitFields = {
  customerId: id,
  brand: requiredText(50),
  model: requiredText(80),
  serial: requiredText(80).refine((s) => !/\s/.test(s), { error: 'validation.serialSpaces' }),
  purchaseDate: pastOrTodayDate,
  acceptanceDate: optionalPastOrTodayDate,
  warrantyMonths: z.number({ error: 'validation.invalidType' }).int({ error: 'validation.wholeMonths' }).min(1).max(120),
};

/** Acceptance sign-off comes after the sale; the other way round is a typing slip. */
function acceptanceAfterPurchase(u: { purchaseDate: string; acceptanceDate: string | null }, ctx: z.RefinementCtx) {
  if (u.acceptanceDate && u.acceptanceDate < u.purchaseDate) {
    ctx.addIssue({ code: 'custom', path: ['acceptanceDate'], message: 'validation.acceptanceBeforePurchase' });
  }
}

export const unitCreateInput = z.strictObject(unitFields).superRefine(acceptanceAfterPurchase);
export const unitUpdateInput = z.strictObject({ id, ...unitFields }).superRefine(acceptanceAfterPurchase);
export const unitListInput = z.strictObject({ customerId: id });
export const unitGetInput = z.strictObject({ id });

export type UnitCreateInput = z.input<typeof unitCreateInput>;
export type UnitUpdateInput = z.input<typeof unitUpdateInput>;

export interface Unit {
  id: number;
  customerId: number;
  customerName: string;
  brand: string;
  model: string;
  serial: string;
  purchaseDate: string;
  acceptanceDate: string | null;
  warrantyMonths: number;
  warranty: WarrantyTerm & { state: WarrantyState };
  createdAt: number;
  updatedAt: number;
}
