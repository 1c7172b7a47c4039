import { z } from 'zod';
import { isIsoDate } from '../domain/dates';
import type { WarrantyEvaluation } from '../domain/warranty-engine';
import { id, isoDate, optionalPastOrTodayDate, optionalText, plainCharacters, requiredText } from './common';
import type { PolicyVersion } from './product';

export const UNIT_STATUSES = ['inService', 'atWorkshop', 'onLoan', 'replaced', 'scrapped', 'returned'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];
export const EXCLUSION_REASONS = [
  'misuse',
  'unauthorisedRepair',
  'forceMajeure',
  'physicalDamage',
  'software',
  'serialMismatch',
  'clearance',
] as const;

/**
 * A serial as a barcode scanner types it. Stored and looked up in this form: a serial pasted
 * with a zero-width space or a non-breaking hyphen otherwise becomes a second unit that the
 * scanner, typing plain ASCII, never finds.
 */
export const normaliseSerial = (text: string) => plainCharacters(text).trim();

export const serial = z
  .string()
  .transform(normaliseSerial)
  .pipe(requiredText(80).refine((s) => !/\s/.test(s), { error: 'validation.serialSpaces' }));

export const unitFields = {
  customerId: id,
  modelId: id,
  serial,
  purchaseDate: optionalPastOrTodayDate,
  installDate: optionalPastOrTodayDate,
  acceptanceDate: optionalPastOrTodayDate,
  productionDate: optionalPastOrTodayDate,
  invoiceNumber: optionalText(40),
  siteAddress: optionalText(200),
  locationNote: optionalText(200),
  /** What it was sold for (fen) and who sold it: the maker's monthly sales statistics read them. */
  salePriceFen: z
    .number({ error: 'validation.invalidType' })
    .int({ error: 'validation.wholeFen' })
    .min(0, { error: 'validation.notNegative' })
    .max(100_000_000_00)
    .nullish()
    .transform((v) => v ?? null),
  soldBy: optionalText(60),
};

type UnitDates = { purchaseDate: string | null; installDate: string | null; acceptanceDate: string | null; productionDate: string | null };

/** The dates follow the unit's life: made, sold, installed, accepted. Out of order is a typing slip. */
function datesInOrder(u: UnitDates, ctx: z.RefinementCtx) {
  // Only real days are compared (a field that is not one says so under itself, once), and a field
  // gets one order message at a time, so no two sentences run together under it.
  const flagged = new Set<keyof UnitDates>();
  const rule = (later: keyof UnitDates, earlier: keyof UnitDates, message: string) => {
    const a = u[later];
    const b = u[earlier];
    if (!a || !b || !isIsoDate(a) || !isIsoDate(b) || a >= b || flagged.has(later)) return;
    flagged.add(later);
    ctx.addIssue({ code: 'custom', path: [later], message });
  };
  rule('acceptanceDate', 'purchaseDate', 'validation.acceptanceBeforePurchase');
  rule('installDate', 'purchaseDate', 'validation.installBeforePurchase');
  rule('acceptanceDate', 'installDate', 'validation.acceptanceBeforeInstall');
  rule('purchaseDate', 'productionDate', 'validation.purchaseBeforeProduction');
}

export const unitCreateInput = z.strictObject(unitFields).superRefine(datesInOrder);
export const unitUpdateInput = z.strictObject({ id, ...unitFields }).superRefine(datesInOrder);
export const unitListInput = z.strictObject({ customerId: id });
export const unitGetInput = z.strictObject({ id });
export const unitBySerialInput = z.strictObject({ serial: z.string().transform(normaliseSerial).pipe(z.string().min(1).max(80)) });
export const unitStatusInput = z.strictObject({ id, status: z.enum(UNIT_STATUSES), note: optionalText(200) });
export const exclusionInput = z.strictObject({
  unitId: id,
  reason: z.enum(EXCLUSION_REASONS),
  componentKey: z.string().max(30).nullish().transform((v) => v || null),
  decidedOn: isoDate,
  note: optionalText(500),
});

export type UnitCreateInput = z.input<typeof unitCreateInput>;
export type UnitUpdateInput = z.input<typeof unitUpdateInput>;

export interface UnitStatusChange {
  status: UnitStatus;
  changedAt: number;
  note: string | null;
}

export interface Unit {
  id: number;
  customerId: number;
  customerName: string;
  modelId: number;
  brand: string;
  model: string;
  category: string;
  serial: string;
  purchaseDate: string | null;
  installDate: string | null;
  acceptanceDate: string | null;
  productionDate: string | null;
  invoiceNumber: string | null;
  siteAddress: string | null;
  locationNote: string | null;
  salePriceFen: number | null;
  soldBy: string | null;
  status: UnitStatus;
  /** A 三包 exchange: the unit given in this one's place, and the one this replaced (migration 0340). */
  replacedById: number | null;
  replacesId: number | null;
  /** The warranty policy version this unit was sold under, with its name. */
  policy: PolicyVersion & { policyId: number; name: string };
  /** The engine's answer for today. */
  warranty: WarrantyEvaluation;
  createdAt: number;
  updatedAt: number;
}

/**
 * The catalog key a unit's status shows under. The status list keeps "replaced" for a unit given
 * back in a 三包 exchange (its check constraint is the whole table's), but the clerk reads that one
 * as exchanged: it points at the unit given in its place.
 */
export function unitStatusKey(unit: { status: UnitStatus; replacedById: number | null }): string {
  return unit.status === 'replaced' && unit.replacedById !== null ? 'unitStatus.exchanged' : `unitStatus.${unit.status}`;
}
