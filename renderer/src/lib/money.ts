import type { TFunction } from 'i18next';
import { parseYuan } from '../../../shared/domain/yuan';

/**
 * Amounts are typed in yuan and checked here, with the shared exact parser, before the
 * form's own schema check: the schemas count in fen and would only say "wrong format".
 */

/** The fen of an amount as typed; `blank` when nothing is typed, NaN (which the schemas refuse) when it is not money. */
export function typedFen(typed: string, blank = Number.NaN): number {
  if (typed.trim() === '') return blank;
  const parsed = parseYuan(typed);
  return parsed.ok ? parsed.fen : Number.NaN;
}

/** The sentence under a money field, or null when it reads as an amount. */
export function moneyError(t: TFunction, typed: string, required = true): string | null {
  if (typed.trim() === '') return required ? t('validation.required') : null;
  const parsed = parseYuan(typed);
  if (parsed.ok) return null;
  return t(parsed.key === 'validation.invalidType' ? 'validation.money' : parsed.key);
}

/** The sentences for several money fields at once, by form path; the fields that read as amounts are left out. */
export function moneyErrors(t: TFunction, fields: Record<string, string>, required = true): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, typed] of Object.entries(fields)) {
    const error = moneyError(t, typed, required);
    if (error) errors[path] = error;
  }
  return errors;
}
