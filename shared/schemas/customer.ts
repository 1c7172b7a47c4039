import { z } from 'zod';
import { id, listLimit, optionalText, phone, requiredText, searchQuery } from './common';

export const CUSTOMER_KINDS = ['person', 'organisation'] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];
/** Urban / suburban-rural / other: the region sets on-site deadlines later. */
export const REGIONS = ['urban', 'suburban', 'other'] as const;
export type Region = (typeof REGIONS)[number];

export const phoneEntry = z.strictObject({ phone, label: optionalText(20) });
export const addressEntry = z.strictObject({ address: requiredText(200), isDefault: z.boolean().default(false) });
export const contactEntry = z.strictObject({
  name: requiredText(50),
  role: optionalText(50),
  phone: z.union([phone, z.literal('').transform(() => null), z.null()]).optional().transform((v) => v ?? null),
});

/** What one customer record may hold; a merge that would pass these is refused, naming which. */
export const CUSTOMER_LIMITS = { phones: 10, addresses: 10, contacts: 20, tags: 20, note: 1000 } as const;

export const customerFields = {
  kind: z.enum(CUSTOMER_KINDS).default('person'),
  name: requiredText(100),
  region: z.enum(REGIONS).default('urban'),
  phones: z.array(phoneEntry).min(1, { error: 'validation.phoneRequired' }).max(CUSTOMER_LIMITS.phones),
  addresses: z.array(addressEntry).max(CUSTOMER_LIMITS.addresses).default([]),
  contacts: z.array(contactEntry).max(CUSTOMER_LIMITS.contacts).default([]),
  tags: z.array(requiredText(20)).max(CUSTOMER_LIMITS.tags).default([]),
  note: optionalText(CUSTOMER_LIMITS.note),
};

/** The same number twice, or two default addresses, is a slip worth pointing at. */
function customerRules(c: { phones: { phone: string }[]; addresses: { isDefault: boolean }[] }, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  c.phones.forEach((p, i) => {
    if (seen.has(p.phone)) ctx.addIssue({ code: 'custom', path: ['phones', i, 'phone'], message: 'validation.duplicatePhone' });
    seen.add(p.phone);
  });
  if (c.addresses.filter((a) => a.isDefault).length > 1) {
    ctx.addIssue({ code: 'custom', path: ['addresses'], message: 'validation.oneDefaultAddress' });
  }
}

export const customerCreateInput = z.strictObject(customerFields).superRefine(customerRules);
export const customerUpdateInput = z.strictObject({ id, ...customerFields }).superRefine(customerRules);
export const customerListInput = z.strictObject({
  query: searchQuery,
  region: z.enum(REGIONS).optional(),
  tag: z.string().max(20).optional(),
  includeArchived: z.boolean().default(false),
  limit: listLimit,
  offset: z.number().int().min(0).max(10_000_000).default(0),
});
export const customerGetInput = z.strictObject({ id });
export const customerMergeInput = z
  .strictObject({ keepId: id, mergeId: id })
  .refine((m) => m.keepId !== m.mergeId, { error: 'validation.mergeSame', path: ['mergeId'] });

export type CustomerCreateInput = z.input<typeof customerCreateInput>;
export type CustomerUpdateInput = z.input<typeof customerUpdateInput>;

export interface CustomerPhone {
  phone: string;
  label: string | null;
}
export interface CustomerAddress {
  address: string;
  isDefault: boolean;
}
export interface CustomerContact {
  name: string;
  role: string | null;
  phone: string | null;
}

export interface Customer {
  id: number;
  kind: CustomerKind;
  name: string;
  region: Region;
  /** The first phone: the one the desk calls back. */
  phone: string;
  /** The default address, else the first one. */
  address: string | null;
  phones: CustomerPhone[];
  addresses: CustomerAddress[];
  contacts: CustomerContact[];
  tags: string[];
  note: string | null;
  archived: boolean;
  archivedAt: number | null;
  mergedIntoId: number | null;
  unitCount: number;
  createdAt: number;
  updatedAt: number;
}

export interface CustomerPage {
  items: Customer[];
  total: number;
}

export interface MergeResult {
  customer: Customer;
  movedUnits: number;
  backupPath: string | null;
}
