import type { z } from 'zod';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../../../../shared/i18n/languages';
import type { InstallationRules, RenewalRules, ServiceRules, Settings, settingsUpdateInput } from '../../../../shared/schemas/settings';
import { DEFAULT_WARRANTY_RULES, REST_DAY_RULES, type RestDayRule, type WarrantyRules } from '../../../../shared/domain/warranty-types';
import { RENEWAL_DAYS } from '../../../../shared/domain/visit-plan';
import { DEFAULT_RETURN_SLIP, NO_SCHEDULED_SERVICE, NO_SERVICE_CONTACT, ROUND_THE_CLOCK } from '../../../../shared/domain/service-promises';
import type { ServiceContext } from '../../app/context';
import type { Db } from '../../db/schema';
import { normaliseLogo } from './logo';
import { checkPrinters, withPrintDefaults } from './printing';

/**
 * The seeds: callback 3 days after the job, lifetime maintenance with parts at cost, complaints
 * acknowledged within 1 hour, replied to within 2 working days (all of them) and resolved within
 * 5 (98% of them). Resolution was 2 working days until migration 0265 corrected the misreading.
 */
export const DEFAULT_SERVICE_RULES: ServiceRules = {
  callbackDays: 3,
  lifetimeMaintenance: true,
  travelFen: { urban: 0, suburban: 5000, other: 10000 },
  complaintAnswer: { amount: 1, unit: 'hours' },
  complaintReply: { amount: 2, unit: 'workingDays' },
  complaintResolve: { amount: 5, unit: 'workingDays' },
  complaintShares: { reply: 100, resolve: 98 },
};

/** The seeds' renewal notice 10 days before the end; no default price until the company sets one. */
export const DEFAULT_RENEWAL_RULES: RenewalRules = { leadDays: RENEWAL_DAYS, defaultPriceFen: null };

/** The seeds: the customer told 7 days before the installation; cards out within a month of completion. */
export const DEFAULT_INSTALLATION_RULES: InstallationRules = { noticeDays: 7, cardIssueDays: 30 };

/** A new install has no company yet; the desk is asked to fill it before the first print. */
const DEFAULTS: Settings = {
  companyName: '',
  hotline: '',
  complaintLine: null,
  address: null,
  logo: null,
  language: DEFAULT_LANGUAGE,
  warrantyRules: DEFAULT_WARRANTY_RULES,
  service: DEFAULT_SERVICE_RULES,
  // The seeds' 7×24 hotline and one-month return slip; contacts and scheduled service are the
  // company's own to state, so nothing is printed until it does.
  hotlineHours: ROUND_THE_CLOCK,
  serviceContact: NO_SERVICE_CONTACT,
  returnSlip: DEFAULT_RETURN_SLIP,
  scheduledService: NO_SCHEDULED_SERVICE,
  backupFolder: null,
  setupDone: false,
  printing: withPrintDefaults(undefined),
  renewal: DEFAULT_RENEWAL_RULES,
  installation: DEFAULT_INSTALLATION_RULES,
};

async function hasData(db: Db): Promise<boolean> {
  const [customer, policy] = await Promise.all([
    db.selectFrom('customers').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('warranty_policies').select('id').limit(1).executeTakeFirst(),
  ]);
  return customer !== undefined || policy !== undefined;
}

/**
 * The warranty rules as saved, in today's shape. A rule added in a later version gets its default
 * until the company changes it. Settings saved before the three-way rest-day rule hold
 * `extendPastHoliday`: a saved `false` stays off; `true`, which was the default and the only way
 * to apply art. 203 at all, becomes the default rule, the working calendar: the law's reading,
 * and never an earlier last day than the holidays-only rule gave (it only adds weekends).
 */
export function warrantyRulesOf(saved: unknown): WarrantyRules {
  const { extendPastHoliday, restDayRule, ...rest } = (saved && typeof saved === 'object' ? saved : {}) as Partial<WarrantyRules> & { extendPastHoliday?: boolean };
  const rule: RestDayRule = REST_DAY_RULES.includes(restDayRule as RestDayRule)
    ? (restDayRule as RestDayRule)
    : extendPastHoliday === false
      ? 'off'
      : DEFAULT_WARRANTY_RULES.restDayRule;
  return { ...DEFAULT_WARRANTY_RULES, ...rest, restDayRule: rule };
}

export async function getSettings(ctx: ServiceContext, db: Db = ctx.db): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const stored: Record<string, unknown> = {};
  // 'operator' moved to the desk session (migration 0080 made it the first operator).
  for (const row of rows) if (row.key !== 'operator') stored[row.key] = JSON.parse(row.value) as unknown;
  const merged = { ...DEFAULTS, ...stored } as Settings;
  merged.warrantyRules = warrantyRulesOf(stored.warrantyRules);
  merged.service = { ...DEFAULT_SERVICE_RULES, ...(stored.service as object | undefined) };
  merged.printing = withPrintDefaults(stored.printing);
  merged.renewal = { ...DEFAULT_RENEWAL_RULES, ...(stored.renewal as object | undefined) };
  merged.installation = { ...DEFAULT_INSTALLATION_RULES, ...(stored.installation as object | undefined) };
  if (!LANGUAGES.includes(merged.language as Language)) merged.language = DEFAULT_LANGUAGE;
  // A desk that already has its data (an upgrade, a restored backup) is not a first start.
  if (!merged.setupDone) merged.setupDone = await hasData(db);
  return merged;
}

export async function updateSettings(ctx: ServiceContext, given: z.output<typeof settingsUpdateInput>): Promise<Settings> {
  // A logo is checked as the PDF library will read it, and kept at the size papers print it.
  const input = given.logo ? { ...given, logo: await normaliseLogo(given.logo) } : given;
  if (input.printing) await checkPrinters(ctx, input.printing, (await getSettings(ctx)).printing);
  await ctx.db.transaction().execute(async (trx) => {
    for (const [key, value] of Object.entries(input)) {
      if (value === undefined) continue;
      await trx
        .insertInto('settings')
        .values({ key, value: JSON.stringify(value) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
        .execute();
    }
  });
  return getSettings(ctx);
}
