import { z } from 'zod';
import { language } from './document';
import { optionalText, phone, requiredText } from './common';

export const settingsFields = {
  companyName: requiredText(100),
  hotline: phone,
  complaintLine: z.union([phone, z.literal('').transform(() => null), z.null()]).optional().transform((v) => v ?? null),
  address: optionalText(200),
  language,
};

export const settingsUpdateInput = z.strictObject(settingsFields).partial();
export type SettingsUpdateInput = z.input<typeof settingsUpdateInput>;

export interface Settings {
  companyName: string;
  hotline: string;
  complaintLine: string | null;
  address: string | null;
  language: z.infer<typeof language>;
}
