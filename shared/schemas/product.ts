import { z } from 'zod';
import { PRESET_IDS, type PresetId } from '../domain/policy-presets';
import type { PolicyComponent } from '../domain/warranty-types';
import { id, optionalText, requiredText, searchQuery } from './common';
import { language } from './document';

export const START_BASES = ['acceptance', 'purchase', 'install'] as const;

export const policyComponent = z.strictObject({
  key: z.string().regex(/^[a-z][a-zA-Z0-9]{0,29}$/, { error: 'validation.componentKey' }),
  name: requiredText(30),
  /** The name English papers print (a card for a foreign customer); without it they print `name`. */
  nameEn: optionalText(30),
  months: z.number({ error: 'validation.invalidType' }).int({ error: 'validation.wholeMonths' }).min(1).max(240),
});

const policyFields = {
  name: requiredText(60),
  basis: z.enum(START_BASES),
  components: z.array(policyComponent).min(1, { error: 'validation.componentRequired' }).max(12),
};

function uniqueKeys(p: { components: { key: string }[] }, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  p.components.forEach((c, i) => {
    if (seen.has(c.key)) ctx.addIssue({ code: 'custom', path: ['components', i, 'name'], message: 'validation.duplicateComponent' });
    seen.add(c.key);
  });
}

export const policyCreateInput = z.strictObject(policyFields).superRefine(uniqueKeys);
/** Editing a policy adds a version: units already sold keep the terms they were sold with. */
export const policyUpdateInput = z.strictObject({ id, ...policyFields }).superRefine(uniqueKeys);

const modelFields = { brand: requiredText(50), model: requiredText(80), category: requiredText(40), policyId: id };
export const modelCreateInput = z.strictObject(modelFields);
export const modelUpdateInput = z.strictObject({ id, ...modelFields });
export const modelListInput = z.strictObject({ query: searchQuery });

export interface PolicyVersion {
  id: number;
  version: number;
  basis: (typeof START_BASES)[number];
  /** As saved: versions saved before English names have none. */
  components: PolicyComponent[];
  createdAt: number;
}

export interface WarrantyPolicyRecord {
  id: number;
  name: string;
  current: PolicyVersion;
  modelCount: number;
}

export interface ProductModel {
  id: number;
  brand: string;
  model: string;
  category: string;
  policyId: number;
  policyName: string;
  unitCount: number;
}

export const presetListInput = z.strictObject({ language });
export const presetAddInput = z.strictObject({
  ids: z.array(z.enum(PRESET_IDS)).min(1, { error: 'validation.presetRequired' }).max(PRESET_IDS.length),
  language,
});

/** A ready-made policy as it would be created, in the language asked for. */
export interface PolicyPreset {
  id: PresetId;
  name: string;
  note: string;
  basis: (typeof START_BASES)[number];
  components: z.infer<typeof policyComponent>[];
  /** A policy of that name is already there: adding it again is skipped. */
  exists: boolean;
}
