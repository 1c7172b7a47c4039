import type { TFunction } from 'i18next';
import { errorText, fieldErrorTexts } from '../../lib/errorText';

/**
 * The sentence to show for a refusal: the backend's own, or, for input the schema refused
 * (a trial run ending before it starts), the first field's, never the bare "invalid input".
 */
export function problemText(t: TFunction, err: unknown): string {
  const fields = Object.values(fieldErrorTexts(t, err));
  const text = errorText(t, err);
  return fields.length > 0 && text === t('errors.VALIDATION') ? fields.join(' ') : text;
}
