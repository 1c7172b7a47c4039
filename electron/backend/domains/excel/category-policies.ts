import type { CategoryPolicySource } from '../../../../shared/schemas/excel';
import type { Db } from '../../db/schema';
import type { ServiceContext } from '../../app/context';
import { foldText } from '../search/fold';
import { getPolicy } from '../products/products';

/** A category as compared: 空調 and 空调, "Air con" and "aircon" are one. */
export const categoryKey = (category: string) => foldText(category).replace(/\s+/g, '');

export interface CategoryPolicy {
  policyId: number | null;
  source: CategoryPolicySource;
}

/**
 * The policy each category's new models get: the clerk's choice where there is one, else what
 * the desk's own records suggest (the policy most models of that category already use, else a
 * policy named after the category), else none, so the clerk is asked: the only policy on file is
 * not a suggestion, since an air-conditioner policy would otherwise cover a new elevator.
 */
export async function categoryPolicies(
  ctx: ServiceContext,
  db: Db,
  keys: Set<string>,
  chosen: { category: string; policyId: number | null }[],
): Promise<Map<string, CategoryPolicy>> {
  const choices = new Map(chosen.map((c) => [categoryKey(c.category), c.policyId]));
  // A policy named by the clerk must exist: a stale id is refused, naming it.
  for (const id of new Set(choices.values())) if (id !== null) await getPolicy(ctx, id, db);
  const policies = await db.selectFrom('warranty_policies').select(['id', 'name']).orderBy('id').execute();
  const models = await db
    .selectFrom('product_models')
    .select(['category', 'policy_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['category', 'policy_id'])
    .execute();
  const out = new Map<string, CategoryPolicy>();
  for (const key of keys) {
    if (choices.has(key)) {
      out.set(key, { policyId: choices.get(key)!, source: 'chosen' });
      continue;
    }
    const used = key === '' ? [] : models.filter((m) => categoryKey(m.category) === key).sort((a, b) => Number(b.n) - Number(a.n) || a.policy_id - b.policy_id);
    const named = key === '' ? undefined : policies.find((p) => categoryKey(p.name).includes(key));
    if (used[0]) out.set(key, { policyId: used[0].policy_id, source: 'sameCategory' });
    else if (named) out.set(key, { policyId: named.id, source: 'policyName' });
    else out.set(key, { policyId: null, source: 'none' });
  }
  return out;
}
