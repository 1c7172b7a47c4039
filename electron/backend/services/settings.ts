import type { z } from 'zod';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../../../shared/i18n/languages';
import type { Settings, settingsUpdateInput } from '../../../shared/schemas/settings';
import { DEFAULT_WARRANTY_RULES } from '../../../shared/domain/warranty-types';
import type { Db } from '../db/schema';

/** A new install has no company yet; the desk is asked to fill it before the first print. */
const DEFAULTS: Settings = {
  companyName: '',
  hotline: '',
  complaintLine: null,
  address: null,
  logo: null,
  language: DEFAULT_LANGUAGE,
  warrantyRules: DEFAULT_WARRANTY_RULES,
};

export async function getSettings(db: Db): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const stored: Record<string, unknown> = {};
  for (const row of rows) stored[row.key] = JSON.parse(row.value) as unknown;
  const merged = { ...DEFAULTS, ...stored } as Settings;
  // A rule added in a later version gets its default until the company changes it.
  merged.warrantyRules = { ...DEFAULT_WARRANTY_RULES, ...(stored.warrantyRules as object | undefined) };
  if (!LANGUAGES.includes(merged.language as Language)) merged.language = DEFAULT_LANGUAGE;
  return merged;
}

export async function updateSettings(db: Db, input: z.output<typeof settingsUpdateInput>): Promise<Settings> {
  await db.transaction().execute(async (trx) => {
    for (const [key, value] of Object.entries(input)) {
      if (value === undefined) continue;
      await trx
        .insertInto('settings')
        .values({ key, value: JSON.stringify(value) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
        .execute();
    }
  });
  return getSettings(db);
}
