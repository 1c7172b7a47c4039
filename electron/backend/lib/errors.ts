import type { ErrorCode, ErrorDetails, Message, MessageParams } from '../../../shared/result';

/** An expected failure with a stable code; anything else thrown is reported as INTERNAL. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface RefusalOptions {
  /** The input field the sentence belongs under in a form. */
  field?: string;
  /** Several fields, each with its own sentence (a calendar year with two mistakes). */
  fields?: Record<string, Message[]>;
  /** English for the log, when the key and its values do not say enough (a file system's own error). */
  log?: string;
  /** Anything else the renderer may act on (the id of the unit that already has a serial). */
  extra?: Record<string, unknown>;
}

/**
 * The one way a service says no: a stable code and a sentence from the catalog (its full key,
 * e.g. `stock.errors.belowZero`, and the values it interpolates), shown under `field` when one
 * is named. Nothing was written: refusals are thrown before, or roll the transaction back.
 */
export function refusal(code: ErrorCode, key: string, params?: MessageParams, options: RefusalOptions = {}): AppError {
  const message = { key, ...(params ? { params } : {}) };
  return new AppError(code, options.log ?? `${key}${params ? ` ${JSON.stringify(params)}` : ''}`, {
    message,
    ...(options.field ? { fields: { [options.field]: [message] } } : {}),
    ...(options.fields ? { fields: options.fields } : {}),
    ...options.extra,
  });
}

/** VALIDATION with a sentence from the catalog: the most common refusal. */
export function refuse(key: string, params?: MessageParams, field?: string): AppError {
  return refusal('VALIDATION', key, params, { field });
}

/** NOT_FOUND with a sentence from the catalog. */
export function notFound(key: string, params?: MessageParams, field?: string): AppError {
  return refusal('NOT_FOUND', key, params, { field });
}
