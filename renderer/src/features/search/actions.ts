import type { TFunction } from 'i18next';
import { NAV, sectionLabelKey, type Section } from '../../app/sections';

/** What the search box can do besides finding records, as a command palette does. */
export type SearchAction = { kind: 'newRepair' } | { kind: 'newCustomer' } | { kind: 'go'; section: Section };

export interface ActionEntry {
  action: SearchAction;
  label: string;
  /** Other words that find it: pinyin initials and full pinyin, synonyms. */
  keywords: string[];
}

const MAX_ACTIONS = 5;

export function actionKey(action: SearchAction): string {
  return action.kind === 'go' ? `go:${action.section}` : action.kind;
}

/** Every action with its words in the current language. */
export function actionEntries(t: TFunction): ActionEntry[] {
  const words = (key: string) => t(key).split(/\s+/).filter(Boolean);
  return [
    { action: { kind: 'newRepair' }, label: t('app.search.actions.newRepair'), keywords: words('app.search.actions.newRepairWords') },
    { action: { kind: 'newCustomer' }, label: t('app.search.actions.newCustomer'), keywords: words('app.search.actions.newCustomerWords') },
    ...NAV.map(({ section }) => ({
      action: { kind: 'go', section } as const,
      label: t('app.search.actions.goTo', { page: t(sectionLabelKey(section)) }),
      keywords: [t(sectionLabelKey(section)), ...words(`app.search.sectionWords.${section}`)],
    })),
  ];
}

/**
 * The actions a query names. Digits are a phone number, never a command; one Latin letter is too
 * little to mean anything (every pinyin initial would match), one Chinese character is enough.
 */
export function matchActions(query: string, entries: readonly ActionEntry[]): ActionEntry[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!q || /^[\d\s+()-]+$/.test(q)) return [];
  if (/^[a-z]$/.test(q)) return [];
  const hit = (e: ActionEntry) => e.label.toLowerCase().includes(q) || e.keywords.some((k) => k.toLowerCase().startsWith(q) || (q.length > 1 && k.toLowerCase().includes(q)));
  return entries.filter(hit).slice(0, MAX_ACTIONS);
}

/** Digits of a query that reads as a phone number (seven or more digits), else null. */
export function phoneOf(query: string): string | null {
  const trimmed = query.trim();
  if (!/^\+?[\d\s()-]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/[^\d+]/g, '');
  return digits.replace(/\D/g, '').length >= 7 ? digits : null;
}
