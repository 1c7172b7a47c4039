/** Stable error codes: the renderer turns each into a sentence from the catalog. */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'DB_TOO_NEW',
  'DB_DAMAGED',
  'DB_MIGRATION_FAILED',
  'STORAGE',
  'PLATFORM',
  'FORBIDDEN',
  /** A guarded action while the desk is locked: the renderer asks for the PIN and retries. */
  'PIN_REQUIRED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type MessageParams = Record<string, string | number>;

/** A translatable message: a catalog key and the values it interpolates. */
export interface Message {
  key: string;
  params?: MessageParams;
}

export interface ErrorDetails {
  /** Catalog key (and params) for the sentence the user sees; defaults to errors.<code>. */
  message?: Message;
  /** Per-field messages, keyed by the dotted path of the input field. */
  fields?: Record<string, Message[]>;
  [extra: string]: unknown;
}

export interface ApiError {
  code: ErrorCode;
  /** English text for logs and developers; never shown raw to the user. */
  message: string;
  details: ErrorDetails;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };
