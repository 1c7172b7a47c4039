import { z } from 'zod';
import { CARD_PAPERS, language } from './document';

/*
 * What the settling records (settle.ts) and the monthly returns to a maker (maker-returns.ts) both
 * use: a maker, the forms it asks for, and the paper a form is printed on. Kept apart because
 * settle.ts reads the returns' Desk reminder, so maker-returns.ts must not import settle.ts.
 */

/** The monthly forms a maker may ask for (seed 001's list), in the order they are sent. */
export const MAKER_FORMS = ['partsReplaced', 'repairMonthly', 'satisfaction', 'opinions', 'sales', 'returnSlips'] as const;
export type MakerForm = (typeof MAKER_FORMS)[number];

/** A settling paper's size and language. */
export const paperChoice = { paper: z.enum(CARD_PAPERS), language };

export interface Maker {
  id: number;
  name: string;
  department: string | null;
  contactName: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  address: string | null;
  returnsDueDay: number;
  forms: MakerForm[];
  note: string | null;
  archived: boolean;
  modelCount: number;
}
