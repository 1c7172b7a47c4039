import type { TFunction } from 'i18next';
import type { ApiError, Message } from '../../../shared/result';
import { ApiCallError } from '../api/client';

/** The coded error behind a failure, if the backend sent one. */
export function apiErrorOf(err: unknown): ApiError | null {
  return err instanceof ApiCallError ? err.error : null;
}

export function messageText(t: TFunction, message: Message): string {
  return t(message.key, message.params ?? {});
}

/**
 * The one sentence the clerk sees for a failure: the backend's own message if it named one,
 * else the sentence for its code. The English `message` is for the log only, never shown.
 */
export function errorText(t: TFunction, err: unknown): string {
  const apiError = apiErrorOf(err);
  if (!apiError) {
    console.error(err);
    return t('errors.INTERNAL');
  }
  const message = apiError.details?.message;
  return message ? messageText(t, message) : t(`errors.${apiError.code}`);
}

/** Per-field sentences from a failure, keyed by the input path (e.g. `serial`). */
export function fieldErrorTexts(t: TFunction, err: unknown): Record<string, string> {
  const fields = apiErrorOf(err)?.details?.fields ?? {};
  return translateFieldMessages(t, fields);
}

export function translateFieldMessages(t: TFunction, fields: Record<string, Message[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, messages] of Object.entries(fields)) {
    if (messages.length > 0) out[path] = messages.map((m) => messageText(t, m)).join(' ');
  }
  return out;
}
