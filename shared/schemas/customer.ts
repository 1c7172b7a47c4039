import { z } from 'zod';
import { id, listLimit, optionalText, phone, plainCharacters, requiredText, searchQuery } from './common';

export const CUSTOMER_KINDS = ['person', 'organisation'] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];
/** Urban / suburban-rural / other: the region sets on-site deadlines later. */
export const REGIONS = ['urban', 'suburban', 'other'] as const;
export type Region = (typeof REGIONS)[number];

/** China's country code as written before a number: +86, 0086, or 86 and a separator (86-139...). */
const COUNTRY_CODE = /^(?:(?:\+|00)\s*86[\s\-()]*|86(?:[\s-]+|(?=1[3-9]\d{9}$)))/;
const MOBILE = /^1[3-9]\d{9}$/;
/** A landline in groups: the area code (010 and 02x have three digits, the rest four), then the number split in two. */
const GROUPED_LANDLINE = /^(0(?:10|2\d|[3-9]\d{2}))-?(\d{3,4})-(\d{3,5})$/;

/**
 * A phone as people paste it, brought to the form the common rules check: full-width digits
 * and dash look-alikes made plain; the country code dropped, and with it a landline's leading
 * 0 put back (+86 571 8800 1122 is dialled 0571 8800 1122 at home); a landline written in
 * groups (0571-8800-1122) joined behind its area code. Anything else passes unchanged, for the
 * rules to accept or refuse.
 */
export function foldPhone(raw: string): string {
  let text = plainCharacters(raw).trim();
  const country = COUNTRY_CODE.exec(text);
  if (country) {
    text = text.slice(country[0].length);
    const digits = text.replace(/[\s\-()]/g, '');
    if (/^[1-9]\d+$/.test(digits) && !MOBILE.test(digits) && !/^[48]00/.test(digits)) text = `0${digits}`;
  }
  const grouped = GROUPED_LANDLINE.exec(text.replace(/[\s()]/g, ''));
  if (grouped && `${grouped[2]}${grouped[3]}`.length >= 7 && `${grouped[2]}${grouped[3]}`.length <= 8) return `${grouped[1]}-${grouped[2]}${grouped[3]}`;
  return text;
}

const typedPhone = z.string().transform(foldPhone).pipe(phone);

export const phoneEntry = z.strictObject({ phone: typedPhone, label: optionalText(20) });
export const addressEntry = z.strictObject({ address: requiredText(200), isDefault: z.boolean().default(false) });
export const contactEntry = z.strictObject({
  name: requiredText(50),
  role: optionalText(50),
  phone: z.union([typedPhone, z.literal('').transform(() => null), z.null()]).optional().transform((v) => v ?? null),
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
