import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { fieldErrors } from '../../../shared/validation';
import { fieldErrorTexts, translateFieldMessages } from './errorText';

/**
 * A Mantine form `validate` function from the same zod schema the backend uses, so the form
 * refuses exactly what the backend would, with the same translated sentences.
 */
export function schemaValidator<V>(schema: z.ZodType, t: TFunction, toInput: (values: V) => unknown = (v) => v) {
  return (values: V): Record<string, string> => {
    const parsed = schema.safeParse(toInput(values));
    return parsed.success ? {} : translateFieldMessages(t, fieldErrors(parsed.error));
  };
}

/**
 * Puts the backend's per-field messages under the matching inputs. Returns false when the error
 * named no field the form has, so the caller shows it as a notification instead. Paths inside
 * lists (`phones.1.phone`) are the same paths the form's inputs are registered under.
 */
export function showServerFieldErrors(
  form: { setErrors: (errors: Record<string, string>) => void },
  fields: readonly string[] | ((path: string) => boolean),
  t: TFunction,
  err: unknown,
): boolean {
  const texts = fieldErrorTexts(t, err);
  const isKnown = typeof fields === 'function' ? fields : (path: string) => fields.includes(path);
  const known = Object.fromEntries(Object.entries(texts).filter(([path]) => isKnown(path)));
  if (Object.keys(known).length === 0) return false;
  form.setErrors(known);
  return true;
}
