import type { TFunction } from 'i18next';
import { parseYuan } from '../../../../shared/domain/yuan';

/** The fen of a required amount, or NaN (which the schema refuses) when blank or not money. */
export function typedFen(typed: string): number {
  const parsed = parseYuan(typed);
  return typed.trim() !== '' && parsed.ok ? parsed.fen : Number.NaN;
}

/** The sentence under a money field, or null when it reads as an amount. */
export function moneyError(t: TFunction, typed: string): string | null {
  if (typed.trim() === '') return t('validation.required');
  const parsed = parseYuan(typed);
  if (parsed.ok) return null;
  return parsed.key === 'validation.invalidType' ? t('stock.moneyInvalid') : t(parsed.key);
}
