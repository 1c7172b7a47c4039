import type { TFunction } from 'i18next';
import type { PolicyComponent } from '../../../../shared/domain/warranty-types';

/** A policy's terms in one line, as the desk says them: 整机 12 个月 · 配件 6 个月. */
export function policySummary(t: TFunction, components: readonly PolicyComponent[]): string {
  return components
    .map((c) => t('app.products.policies.componentTerm', { name: c.name, months: t('months', { count: c.months }) }))
    .join(' · ');
}
