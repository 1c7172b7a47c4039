import type { TFunction } from 'i18next';
import type { PlanLine } from './domain/visit-plan';
import { formatDate } from './format';
import type { Language } from './i18n/languages';

/**
 * One plan line as the desk and the paper read it: "巡检 · 每季度（3、6、9、12 月 15 日） ·
 * 2026-12-01 至 2027-11-30". Shared: the contract page shows it, the renewal notice prints it.
 */
export function planLineText(line: Pick<PlanLine, 'kind' | 'repeat' | 'n' | 'offsets' | 'from' | 'to'>, t: TFunction, lang: Language): string {
  const repeat =
    line.repeat === 'quarter'
      ? t('maintenance.plan.repeat.quarter')
      : line.repeat === 'after'
        ? t('maintenance.plan.repeat.after', { offsets: (line.offsets ?? []).join(t('app.common.listSeparator')) })
        : line.n === 1 || line.n === null
          ? t(`maintenance.plan.every.${line.repeat === 'months' ? 'month' : 'day'}`)
          : t(`maintenance.plan.every.${line.repeat}`, { count: line.n });
  const range = t('maintenance.plan.range', { from: formatDate(line.from, lang), to: formatDate(line.to, lang) });
  return `${t(`maintenance.visit.kind.${line.kind}`)} · ${repeat} · ${range}`;
}
