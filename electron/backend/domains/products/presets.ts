import type { z } from 'zod';
import { POLICY_PRESETS } from '../../../../shared/domain/policy-presets';
import { translator } from '../../../../shared/i18n';
import type { Language } from '../../../../shared/i18n/languages';
import type { PolicyPreset, WarrantyPolicyRecord, presetAddInput, presetListInput } from '../../../../shared/schemas/product';
import type { ServiceContext } from '../../app/context';
import { addPolicy } from './products';

function presetsIn(language: Language) {
  const t = translator(language);
  const en = translator('en');
  return POLICY_PRESETS.map((preset) => ({
    id: preset.id,
    name: t(`setup.presets.${preset.id}.name`),
    note: t(`setup.presets.${preset.id}.note`),
    basis: preset.basis,
    components: preset.components.map((c) => ({ key: c.key, name: t(`setup.components.${c.key}`), nameEn: en(`setup.components.${c.key}`), months: c.months })),
  }));
}

async function existingNames(ctx: ServiceContext): Promise<Set<string>> {
  const rows = await ctx.db.selectFrom('warranty_policies').select('name').execute();
  return new Set(rows.map((r) => r.name));
}

export async function listPresets(ctx: ServiceContext, input: z.output<typeof presetListInput>): Promise<PolicyPreset[]> {
  const names = await existingNames(ctx);
  return presetsIn(input.language).map((p) => ({ ...p, exists: names.has(p.name) }));
}

/** The chosen presets as policies, all or none; one already there (by name) is left as it is. */
export async function addPresets(ctx: ServiceContext, input: z.output<typeof presetAddInput>): Promise<WarrantyPolicyRecord[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const names = new Set((await trx.selectFrom('warranty_policies').select('name').execute()).map((r) => r.name));
    const chosen = presetsIn(input.language).filter((p) => input.ids.includes(p.id) && !names.has(p.name));
    const added: WarrantyPolicyRecord[] = [];
    for (const preset of chosen) added.push(await addPolicy(ctx, trx, { name: preset.name, basis: preset.basis, components: preset.components }));
    return added;
  });
}
