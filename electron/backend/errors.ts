import type { ErrorCode, ErrorDetails, MessageParams } from '../../shared/result';

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

export function notFound(key: string, params: MessageParams): AppError {
  return new AppError('NOT_FOUND', `${key} ${JSON.stringify(params)}`, { message: { key: `errors.${key}`, params } });
}
