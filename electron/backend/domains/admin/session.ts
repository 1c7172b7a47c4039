import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { promisify } from 'node:util';
import type { z } from 'zod';
import type {
  Operator,
  SessionInfo,
  operatorUpdateInput,
  sessionBeginInput,
  sessionUnlockInput,
  setPinInput,
} from '../../../../shared/schemas/security';
import { currentRequest, runAsRequest } from '../../app/request-context';
import { refuse, notFound } from '../../lib/errors';
import type { Db } from '../../db/schema';
import type { ServiceContext } from '../../app/context';
import { recordAuditEvent } from './audit';

/** How long one PIN entry unlocks guarded work; each guarded action renews it. */
export const UNLOCK_MS = 5 * 60_000;
/** Wrong PINs in a row before the desk makes the next try wait. */
export const MAX_TRIES = 5;
export const RETRY_WAIT_MS = 60_000;

const PIN_KEY = 'adminPin';

interface StoredPin {
  salt: string;
  hash: string;
}


const scryptAsync = promisify(scrypt) as (pin: string, salt: Buffer, length: number, options: ScryptOptions) => Promise<Buffer>;

/**
 * scrypt, so the hash in the file does not give the PIN back by a quick search of 10⁸ values;
 * on libuv's thread pool, so the tens of milliseconds it takes never stall the desk.
 */
async function hashPin(pin: string, salt: string): Promise<string> {
  return (await scryptAsync(pin, Buffer.from(salt, 'hex'), 32, { N: 16384, r: 8, p: 1 })).toString('hex');
}

/** Wrong tries in a row and when the next is allowed: in the database, so a restart gives no fresh tries. */
interface PinTries {
  failures: number;
  retryAfter: number;
}
const TRIES_KEY = 'pinTries';

async function readTries(db: Db): Promise<PinTries> {
  const row = await db.selectFrom('security').select('value').where('key', '=', TRIES_KEY).executeTakeFirst();
  if (!row) return { failures: 0, retryAfter: 0 };
  const parsed = JSON.parse(row.value) as Partial<PinTries>;
  return { failures: Number(parsed.failures ?? 0), retryAfter: Number(parsed.retryAfter ?? 0) };
}

async function writeTries(db: Db, tries: PinTries): Promise<void> {
  const value = JSON.stringify(tries);
  await db.insertInto('security').values({ key: TRIES_KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

async function storedPin(db: Db): Promise<StoredPin | null> {
  const row = await db.selectFrom('security').select('value').where('key', '=', PIN_KEY).executeTakeFirst();
  return row ? (JSON.parse(row.value) as StoredPin) : null;
}

export async function isPinSet(db: Db): Promise<boolean> {
  return (await storedPin(db)) !== null;
}

export function isUnlocked(ctx: ServiceContext): boolean {
  return ctx.now().getTime() < ctx.session.unlockedUntil;
}

/** A guarded action keeps the desk unlocked for the next few minutes of the same work. */
export function renewUnlock(ctx: ServiceContext): void {
  if (isUnlocked(ctx)) ctx.session.unlockedUntil = ctx.now().getTime() + UNLOCK_MS;
}

function toOperator(row: { id: number; name: string; active: number; created_at: number; last_seen_at: number | null }): Operator {
  return { id: row.id, name: row.name, active: row.active === 1, createdAt: row.created_at, lastSeenAt: row.last_seen_at };
}

export async function listOperators(ctx: ServiceContext): Promise<Operator[]> {
  const rows = await ctx.db
    .selectFrom('operators')
    .selectAll()
    .orderBy('active', 'desc')
    .orderBy((eb) => eb.fn.coalesce('last_seen_at', eb.lit(0)), 'desc')
    .orderBy('name')
    .execute();
  return rows.map(toOperator);
}

export async function sessionInfo(ctx: ServiceContext): Promise<SessionInfo> {
  return {
    operator: ctx.session.operator,
    operators: (await listOperators(ctx)).filter((o) => o.active),
    pinSet: await isPinSet(ctx.db),
    unlockedUntil: isUnlocked(ctx) ? ctx.session.unlockedUntil : null,
  };
}

/** Someone takes the desk: a new name becomes an operator; the PIN's unlock does not carry over. */
export async function beginSession(ctx: ServiceContext, input: z.output<typeof sessionBeginInput>): Promise<SessionInfo> {
  const at = ctx.now().getTime();
  // The log says who took the desk, not who had it before.
  const request = currentRequest();
  if (request) request.operator = input.operator;
  const name = await ctx.db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('operators').selectAll().where('name', '=', input.operator).executeTakeFirst();
    if (found && found.active !== 1) throw refuse('security.errors.operatorInactive', { name: found.name }, 'operator');
    if (found) {
      await trx.updateTable('operators').set({ last_seen_at: at }).where('id', '=', found.id).execute();
      return found.name;
    }
    await trx.insertInto('operators').values({ name: input.operator, created_at: at, last_seen_at: at }).execute();
    return input.operator;
  });
  ctx.session.operator = name;
  ctx.session.unlockedUntil = 0;
  return sessionInfo(ctx);
}

/**
 * Wrong PINs are counted, in the database (a restart gives no fresh tries); after MAX_TRIES the
 * next try waits, so the PIN cannot be walked. Every wrong try is in the audit log (the count,
 * never the digits typed).
 */
async function checkPin(ctx: ServiceContext, stored: StoredPin, pin: string, field: string): Promise<void> {
  const now = ctx.now().getTime();
  const tries = await readTries(ctx.db);
  if (now < tries.retryAfter) {
    throw refuse('security.errors.tooManyTries', { seconds: Math.ceil((tries.retryAfter - now) / 1000) }, field);
  }
  const given = Buffer.from(await hashPin(pin, stored.salt), 'hex');
  if (timingSafeEqual(given, Buffer.from(stored.hash, 'hex'))) {
    if (tries.failures > 0 || tries.retryAfter > 0) await writeTries(ctx.db, { failures: 0, retryAfter: 0 });
    return;
  }
  const failures = tries.failures + 1;
  const locked = failures >= MAX_TRIES;
  await ctx.db.transaction().execute(async (trx) => {
    await writeTries(trx, locked ? { failures: 0, retryAfter: now + RETRY_WAIT_MS } : { failures, retryAfter: 0 });
    await recordAuditEvent(trx, { table: 'security', rowId: 'pin', before: { wrongTries: tries.failures }, after: { wrongTries: failures, ...(locked ? { waitSeconds: RETRY_WAIT_MS / 1000 } : {}) } });
  });
  if (locked) throw refuse('security.errors.tooManyTries', { seconds: RETRY_WAIT_MS / 1000 }, field);
  throw refuse('security.errors.wrongPin', { left: MAX_TRIES - failures }, field);
}

export async function unlock(ctx: ServiceContext, input: z.output<typeof sessionUnlockInput>): Promise<SessionInfo> {
  const stored = await storedPin(ctx.db);
  if (!stored) throw refuse('security.errors.noPinSet');
  await checkPin(ctx, stored, input.pin, 'pin');
  ctx.session.unlockedUntil = ctx.now().getTime() + UNLOCK_MS;
  return sessionInfo(ctx);
}

export async function lock(ctx: ServiceContext): Promise<SessionInfo> {
  ctx.session.unlockedUntil = 0;
  return sessionInfo(ctx);
}

/** The first PIN needs none; changing or removing one needs the current one, however unlocked. */
export async function setPin(ctx: ServiceContext, input: z.output<typeof setPinInput>): Promise<SessionInfo> {
  const stored = await storedPin(ctx.db);
  if (stored) {
    if (input.current === null) throw refuse('security.errors.currentPinRequired', undefined, 'current');
    await checkPin(ctx, stored, input.current, 'current');
  } else if (input.next === null) {
    throw refuse('security.errors.noPinSet', undefined, 'next');
  }
  if (input.next === null) {
    await ctx.db.deleteFrom('security').where('key', '=', PIN_KEY).execute();
    ctx.session.unlockedUntil = 0;
  } else {
    const salt = randomBytes(16).toString('hex');
    const value = JSON.stringify({ salt, hash: await hashPin(input.next, salt) } satisfies StoredPin);
    await ctx.db
      .insertInto('security')
      .values({ key: PIN_KEY, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
    // They have just proved they know it.
    ctx.session.unlockedUntil = ctx.now().getTime() + UNLOCK_MS;
  }
  return sessionInfo(ctx);
}

export async function updateOperator(ctx: ServiceContext, input: z.output<typeof operatorUpdateInput>): Promise<Operator> {
  return ctx.db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('operators').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!found) {
      throw notFound('security.errors.operatorNotFound');
    }
    if (input.name !== undefined && input.name.toLowerCase() !== found.name.toLowerCase()) {
      const clash = await trx.selectFrom('operators').select('id').where('name', '=', input.name).executeTakeFirst();
      if (clash) throw refuse('security.errors.operatorExists', { name: input.name }, 'name');
    }
    await trx
      .updateTable('operators')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
      })
      .where('id', '=', input.id)
      .execute();
    const row = await trx.selectFrom('operators').selectAll().where('id', '=', input.id).executeTakeFirstOrThrow();
    // The person at the desk keeps the name they were renamed to.
    if (ctx.session.operator === found.name) ctx.session.operator = row.active === 1 ? row.name : null;
    return toOperator(row);
  });
}

/**
 * A forgotten PIN would lock the owner out of restore and settings for good, so starting the
 * app once with --reset-admin-pin clears it. Whoever can start the app with a flag can also
 * open the file itself: the PIN keeps mistakes and casual hands out, not someone at the disk.
 * The clearing is in the audit log, stamped with the flag.
 */
export async function resetPinAtStart(ctx: ServiceContext): Promise<boolean> {
  if (!(await isPinSet(ctx.db))) return false;
  const request = { at: ctx.now().getTime(), operator: '', channel: 'session:setPin', elevated: false, pinSet: true, input: { reset: '--reset-admin-pin' } };
  await runAsRequest(request, () => ctx.db.deleteFrom('security').where('key', '=', PIN_KEY).execute());
  ctx.logger.warn('the admin PIN was cleared at start-up (--reset-admin-pin)');
  return true;
}
