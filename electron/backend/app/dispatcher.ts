import { contract, isChannel, needsAdmin, specOf, type Channel } from '../../../shared/contract';
import type { ApiError, Result } from '../../../shared/result';
import { fieldErrors } from '../../../shared/validation';
import { isPinSet, isUnlocked, renewUnlock } from '../domains/admin/session';
import { AppError } from '../lib/errors';
import { stillImporting } from '../db/import-guard';
import { storageError } from '../platform/storage-errors';
import type { ServiceContext } from './context';
import type { Handlers } from './handler-types';
import { pinRequired, runAsRequest } from './request-context';
import { RequestGate } from './request-gate';

function failure(error: ApiError): Result<never> {
  return { ok: false, error };
}

/**
 * The one entry point for every transport (Electron IPC, the e2e bridge, the demo): checks the
 * channel, validates the input with the contract's schema, asks for the admin PIN where the
 * action is guarded, and calls the service inside its request context (who, when, which channel),
 * which the audit triggers stamp on every row it changes. Answers a Result: a disk that refuses a
 * write answers STORAGE; other unexpected errors are logged in full and reach the caller as
 * INTERNAL, never a stack.
 */
export function createDispatcher(ctx: ServiceContext, table: Handlers) {
  const gate = new RequestGate();
  // The log's clock only goes forward: a PC clock set back would file new changes among old ones.
  let lastStamp: number | null = null;
  const stamp = async (): Promise<number> => {
    lastStamp ??= Number((await ctx.db.selectFrom('audit_changes').select((eb) => eb.fn.max('at').as('at')).executeTakeFirst())?.at ?? 0);
    const now = ctx.now().getTime();
    if (now < lastStamp) ctx.logger.warn(`the PC clock is behind the audit log by ${lastStamp - now} ms; stamping at the log's last time`);
    lastStamp = Math.max(now, lastStamp);
    return lastStamp;
  };
  async function run(channel: Channel, input: unknown): Promise<Result<unknown>> {
    try {
      const pinSet = await isPinSet(ctx.db);
      const elevated = pinSet && isUnlocked(ctx);
      if (pinSet && !elevated && needsAdmin(channel, input)) throw pinRequired(channel);
      if (elevated && needsAdmin(channel, input)) renewUnlock(ctx);
      const handler = table[channel] as (c: ServiceContext, i: unknown) => Promise<unknown>;
      const context = {
        at: await stamp(),
        operator: ctx.session.operator ?? '',
        channel,
        elevated,
        pinSet,
        input,
      };
      return { ok: true, value: await runAsRequest(context, () => handler(ctx, input)) };
    } catch (error) {
      if (error instanceof AppError) {
        if (error.code === 'INTERNAL' || error.code === 'PLATFORM') ctx.logger.warn(`${channel}: ${error.message}`);
        return failure({ code: error.code, message: error.message, details: error.details });
      }
      // A write the database refused because it touched an import still being written (import-guard.ts).
      const held = stillImporting(error);
      if (held) return failure({ code: held.code, message: held.message, details: held.details });
      const storage = storageError(error);
      if (storage) {
        ctx.logger.warn(`${channel}: ${storage.message}`);
        return failure({ code: storage.code, message: storage.message, details: storage.details });
      }
      ctx.logger.error(`${channel} failed`, error instanceof Error ? error.stack : error);
      return failure({ code: 'INTERNAL', message: `${channel} failed`, details: {} });
    }
  }
  return async function dispatch(channel: unknown, raw: unknown): Promise<Result<unknown>> {
    if (!isChannel(channel)) {
      return failure({ code: 'VALIDATION', message: `unknown channel ${String(channel).slice(0, 80)}`, details: {} });
    }
    const parsed = contract[channel].input.safeParse(raw);
    if (!parsed.success) {
      return failure({
        code: 'VALIDATION',
        message: `invalid input for ${channel}`,
        details: { fields: fieldErrors(parsed.error) },
      });
    }
    // A restore replaces the database under everyone else: it runs alone (see RequestGate).
    return specOf(channel).alone ? gate.alone(() => run(channel, parsed.data)) : gate.shared(() => run(channel, parsed.data));
  };
}
