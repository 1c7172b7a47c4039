import { z } from 'zod';
import { id, listLimit, optionalText, phone, requiredText, searchQuery } from './common';

export const customerFields = {
  name: requiredText(100),
  phone,
  address: optionalText(200),
  note: optionalText(1000),
};

export const customerCreateInput = z.strictObject(customerFields);
export const customerUpdateInput = z.strictObject({ id, ...customerFields });
export const customerSearchInput = z.strictObject({ query: searchQuery, limit: listLimit });
export const customerGetInput = z.strictObject({ id });

export type CustomerCreateInput = z.input<typeof customerCreateInput>;
export type CustomerUpdateInput = z.input<typeof customerUpdateInput>;

export interface Customer {
  id: number;
  name: string;
  phone: string;
  address: string | null;
  note: string | null;
  unitCount: number;
  createdAt: number;
  updatedAt: number;
}
