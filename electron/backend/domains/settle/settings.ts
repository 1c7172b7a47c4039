import type { z } from 'zod';
import type { SettleSettings, settleSettingsInput } from '../../../../shared/schemas/settle';
import type { ServiceContext } from '../../app/context';
import type { Db } from '../../db/schema';

/*
 * The rules of settling, each a key of its own table (as the call rules are), so the company
 * settings form never sends them back. Defaults: depreciation 0.10 % of the invoice price per day
 * of use; the maker answers a feedback form within 3 days (seed 001: 三天内); the Desk reminds of a
 * maker's monthly returns 3 days before they are due.
 */
export const DEFAULT_SETTLE_SETTINGS: SettleSettings = { depreciationBp: 10, feedbackAnswerDays: 3, returnsReminderDays: 3 };

export async function getSettleSettings(ctx: ServiceContext, db: Db = ctx.db): Promise<SettleSettings> {
  const rows = await db.selectFrom('settle_settings').select(['key', 'value']).execute();
  const saved = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return {
    depreciationBp: typeof saved.depreciationBp === 'number' ? saved.depreciationBp : DEFAULT_SETTLE_SETTINGS.depreciationBp,
    feedbackAnswerDays: typeof saved.feedbackAnswerDays === 'number' ? saved.feedbackAnswerDays : DEFAULT_SETTLE_SETTINGS.feedbackAnswerDays,
    returnsReminderDays: typeof saved.returnsReminderDays === 'number' ? saved.returnsReminderDays : DEFAULT_SETTLE_SETTINGS.returnsReminderDays,
  };
}

export async function setSettleSettings(ctx: ServiceContext, input: z.output<typeof settleSettingsInput>): Promise<SettleSettings> {
  await ctx.db.transaction().execute(async (trx) => {
    for (const [key, value] of Object.entries(input)) {
      // A rule left out of the form keeps its saved value.
      if (value === undefined) continue;
      await trx
        .insertInto('settle_settings')
        .values({ key, value: JSON.stringify(value) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
        .execute();
    }
  });
  return getSettleSettings(ctx);
}
