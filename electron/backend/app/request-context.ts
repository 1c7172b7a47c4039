import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { type AppError, refusal } from '../lib/errors';
import { auditValue } from '../db/audit-triggers';

/** What the audit triggers stamp on every row a request changes. */
export interface RequestContext {
  changeId: string;
  at: number;
  operator: string;
  channel: string;
  /** The admin PIN had unlocked the desk when the request came in. */
  elevated: boolean;
  /** A PIN is set, so guarded work needs `elevated`. */
  pinSet: boolean;
  /** The input as the log keeps it (see describeRequest). */
  readonly request: string;
}

/** What a caller gives: the raw input, described only if the request turns out to write. */
export type RequestStart = Omit<RequestContext, 'changeId' | 'request'> & { input: unknown };

/**
 * The request being served, carried through every await of its handler. The triggers read it
 * back through `desk_audit()` while SQLite runs the statement, which happens synchronously in the
 * handler's own async context, so two requests in flight never stamp each other's rows.
 */
const current = new AsyncLocalStorage<RequestContext>();

export function runAsRequest<T>(start: RequestStart, fn: () => Promise<T>): Promise<T> {
  const { input, ...stamp } = start;
  let described: string | undefined;
  // Most requests only read: the input is turned into the log's text the first time a trigger asks.
  const context: RequestContext = {
    ...stamp,
    changeId: randomUUID(),
    get request() {
      described ??= describeRequest(input);
      return described;
    },
  };
  return current.run(context, fn);
}

export function currentRequest(): RequestContext | undefined {
  return current.getStore();
}

/** The name stamped on every change: the operator at the desk for this request, or the desk itself. */
export function currentOperator(): string {
  return current.getStore()?.operator || 'desk';
}

/**
 * For a write a service guards itself (a price change inside an ordinary edit): refused with
 * PIN_REQUIRED unless the PIN unlocked the desk or no PIN is set.
 */
export function requireAdmin(): void {
  const request = current.getStore();
  if (request && request.pinSet && !request.elevated) throw pinRequired(request.channel);
}

export function pinRequired(channel: string): AppError {
  return refusal('PIN_REQUIRED', 'errors.PIN_REQUIRED', undefined, { log: `${channel} needs the admin PIN` });
}

/**
 * `desk_audit(field)` answers the current request's stamp, or NULL outside a request (migrations,
 * start-up work), which the triggers take as "not a desk action: do not log". Registered on every
 * connection that may write, since a trigger calling a missing function fails the write.
 */
export function registerAuditFunctions(sqlite: Database.Database): void {
  // A picture in the log: what it is, how long, and a digest that tells two pictures apart.
  const digest = (value: string) => {
    const kind = value.slice(0, Math.max(0, value.indexOf(','))).replace(/^"/, '');
    return `${kind} (${value.length} chars, sha256 ${createHash('sha256').update(value).digest('hex').slice(0, 16)})`;
  };
  // The triggers' own since issue 23; kept for triggers written before them, until the start rewrites them.
  sqlite.function('desk_digest', { deterministic: true }, (text: unknown) => digest(String(text ?? '')));
  sqlite.function('desk_value', { deterministic: true }, (value: unknown) => auditValue(value, digest));
  // Not directOnly: the triggers are what call it.
  sqlite.function('desk_audit', { deterministic: false, directOnly: false }, (field: unknown) => {
    const request = current.getStore();
    if (!request) return null;
    switch (field) {
      case 'id':
        return request.changeId;
      case 'at':
        return request.at;
      case 'operator':
        return request.operator;
      case 'channel':
        return request.channel;
      case 'elevated':
        return request.elevated ? 1 : 0;
      case 'request':
        return request.request;
      default:
        return null;
    }
  });
}

const SECRET_KEYS = new Set(['pin', 'current', 'next', 'code']);
const MAX_STRING = 300;
const MAX_REQUEST = 4000;

/** The request as the log keeps it: PINs never, pictures and long texts shortened. */
export function describeRequest(input: unknown): string {
  const text = JSON.stringify(input ?? {}, (key, value: unknown) => {
    if (SECRET_KEYS.has(key) && value !== null && value !== undefined) return '••••';
    if (typeof value === 'string' && value.length > MAX_STRING) return `${value.slice(0, MAX_STRING)}… (${value.length})`;
    return value;
  });
  return text.length > MAX_REQUEST ? `${text.slice(0, MAX_REQUEST)}…` : text;
}
